"""One verdict per drive for the drive table: ``core.fitness.assess_drive`` in a short form.

The rules live in ``core.fitness``; this module only words its findings for a table cell and
the page's message area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hvseed_gui.core.findings import Finding, Severity
from hvseed_gui.core.fitness import DriveCode, assess_drive
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import ExportFolderSummary, VhdFile
from hvseed_gui.ui.format import size
from hvseed_gui.ui.wording import word

#: the short titles of core.fitness's findings, keyed by their stable codes, for translation
#: (core/ has no Qt; %1 is the drive's file system)
_TITLES = {
    DriveCode.FS_OK: QT_TRANSLATE_NOOP("DriveFinding", "NTFS"),
    DriveCode.FS_FILE_TOO_LARGE: QT_TRANSLATE_NOOP("DriveFinding", "Files too large for %1"),
    DriveCode.FS_UNCONFIRMED: QT_TRANSLATE_NOOP("DriveFinding", "%1 not confirmed"),
    DriveCode.FS_UNKNOWN: QT_TRANSLATE_NOOP("DriveFinding", "Unknown file system"),
    DriveCode.SYSTEM_VOLUME: QT_TRANSLATE_NOOP("DriveFinding", "System volume"),
    DriveCode.VM_STORAGE: QT_TRANSLATE_NOOP("DriveFinding", "Holds the VM's own files"),
    DriveCode.VIRTUAL_DISK: QT_TRANSLATE_NOOP("DriveFinding", "Virtual disk"),
    DriveCode.READ_ONLY: QT_TRANSLATE_NOOP("DriveFinding", "Read-only"),
    DriveCode.FOLDER_EXISTS: QT_TRANSLATE_NOOP("DriveFinding", "Copy already on the drive"),
    DriveCode.SPACE_OK: QT_TRANSLATE_NOOP("DriveFinding", "Enough space"),
    DriveCode.SPACE_SHORT: QT_TRANSLATE_NOOP("DriveFinding", "Not enough space"),
    DriveCode.USB_OK: QT_TRANSLATE_NOOP("DriveFinding", "USB disk"),
    DriveCode.NOT_USB: QT_TRANSLATE_NOOP("DriveFinding", "Not a USB disk"),
    DriveCode.BUS_UNKNOWN: QT_TRANSLATE_NOOP("DriveFinding", "Bus unknown"),
    DriveCode.BITLOCKER_ON: QT_TRANSLATE_NOOP("DriveFinding", "BitLocker on"),
    DriveCode.BITLOCKER_OFF: QT_TRANSLATE_NOOP("DriveFinding", "Not encrypted"),
    DriveCode.BITLOCKER_UNKNOWN: QT_TRANSLATE_NOOP("DriveFinding", "Encryption unknown"),
}


def finding_title(finding: Finding, volume: Volume) -> str:
    """The finding's short title in the GUI's language (core's English for unknown codes)."""
    source = _TITLES.get(finding.code)
    if source is None:
        return word(finding.title)
    return QCoreApplication.translate("DriveFinding", source).replace("%1", volume.file_system)


@dataclass(frozen=True)
class DriveCheck:
    ok: bool
    summary: str  # short, for the table
    detail: str  # what to do, for the message area and tooltip
    warnings: tuple[str, ...] = ()


def check_drive(
    volume: Volume,
    files: Sequence[VhdFile],
    *,
    vm_storage_paths: Sequence[str],
    system_drive: str,
    existing_export_folders: Sequence[ExportFolderSummary],
    vm_folder_name: str,
) -> DriveCheck:
    verdict = assess_drive(
        volume,
        list(files),
        vm_storage_paths=tuple(vm_storage_paths),
        system_drive=system_drive,
        existing_export_folders=tuple(existing_export_folders),
        vm_folder_name=vm_folder_name,
    )
    errors = [f for f in verdict.findings if f.severity is Severity.ERROR]
    warnings = [f for f in verdict.findings if f.severity is Severity.WARNING]
    if not verdict.ok:
        return DriveCheck(
            False,
            "; ".join(finding_title(f, volume) for f in errors)
            or QCoreApplication.translate("Drive", "Not usable"),
            " ".join(word(f.message) for f in errors + warnings),
            tuple(word(f.message) for f in warnings),
        )
    summary = (
        QCoreApplication.translate("Drive", "Fits: %1 of %2 free")
        .replace("%1", size(verdict.copy_bytes))
        .replace("%2", size(volume.free_bytes))
    )
    if warnings:
        summary += " — " + "; ".join(finding_title(f, volume) for f in warnings)
    detail = (
        QCoreApplication.translate("Drive", "%1 can take the copy (%2).")
        .replace("%1", volume.display_name)
        .replace("%2", size(verdict.copy_bytes))
    )
    if warnings:
        detail += " " + " ".join(word(f.message) for f in warnings)
    return DriveCheck(True, summary, detail, tuple(word(f.message) for f in warnings))

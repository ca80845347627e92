"""One verdict per drive for the drive table: ``core.fitness.assess_drive`` in a short form.

The rules live in ``core.fitness``; this module only words its findings for a table cell and
the page's message area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from hvseed_gui.core.fitness import assess_drive
from hvseed_gui.core.media import Severity
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import ExportFolderSummary, VhdFile
from hvseed_gui.ui.format import size


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
            "; ".join(f.title for f in errors) or QCoreApplication.translate("Drive", "Not usable"),
            " ".join(f.message for f in errors + warnings),
            tuple(f.message for f in warnings),
        )
    summary = (
        QCoreApplication.translate("Drive", "Fits: %1 of %2 free")
        .replace("%1", size(verdict.copy_bytes))
        .replace("%2", size(volume.free_bytes))
    )
    if warnings:
        summary += " — " + "; ".join(f.title for f in warnings)
    detail = (
        QCoreApplication.translate("Drive", "%1 can take the copy (%2).")
        .replace("%1", volume.display_name)
        .replace("%2", size(verdict.copy_bytes))
    )
    if warnings:
        detail += " " + " ".join(f.message for f in warnings)
    return DriveCheck(True, summary, detail, tuple(f.message for f in warnings))

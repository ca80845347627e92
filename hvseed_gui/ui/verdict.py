"""One verdict per drive for the drive table: ``core.fitness.assess_drive`` in a short form.

The rules live in ``core.fitness``; this module only words its findings for a table cell. Until
that module is importable a minimal local check (space, FAT32 4 GiB limit, system/VM volume)
stands in, so the page never shows a drive as fine without looking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import ExportFolderSummary, VhdFile
from hvseed_gui.ui.format import size

FAT32_MAX_FILE = 2**32 - 1


@dataclass(frozen=True)
class DriveCheck:
    ok: bool
    summary: str  # short, for the table
    detail: str  # every finding, for the message area and tooltip


def _finding_text(finding: object) -> str:
    for attr in ("message", "text", "reason"):
        value = getattr(finding, attr, None)
        if isinstance(value, str) and value:
            return value
    return str(finding)


def _finding_blocks(finding: object) -> bool:
    for attr in ("blocking", "fatal", "is_error"):
        value = getattr(finding, attr, None)
        if isinstance(value, bool):
            return value
    severity = str(getattr(finding, "severity", getattr(finding, "level", "error"))).lower()
    return "error" in severity or "block" in severity or "fatal" in severity


def check_drive(
    volume: Volume,
    files: Sequence[VhdFile],
    *,
    vm_storage_paths: Sequence[str],
    system_drive: str,
    existing_export_folders: Sequence[ExportFolderSummary],
    vm_folder_name: str,
) -> DriveCheck:
    need = sum(f.file_size for f in files)
    try:
        from hvseed_gui.core.fitness import assess_drive  # type: ignore[import-not-found]
    except ImportError:
        assess_drive = None
    if assess_drive is not None:
        verdict = assess_drive(
            volume,
            list(files),
            vm_storage_paths=tuple(vm_storage_paths),
            system_drive=system_drive,
            existing_export_folders=tuple(existing_export_folders),
            vm_folder_name=vm_folder_name,
        )
        findings = list(getattr(verdict, "findings", ()))
        texts = [_finding_text(f) for f in findings]
        if verdict.ok:
            summary = f"Fits ({size(need)} of {size(volume.free_bytes)} free)"
            warnings = [_finding_text(f) for f in findings if not _finding_blocks(f)]
            detail = " ".join([f"{volume.display_name} can take the copy."] + warnings)
            return DriveCheck(True, summary + (" ⚠" if warnings else ""), detail)
        blocking = [_finding_text(f) for f in findings if _finding_blocks(f)] or texts
        return DriveCheck(False, blocking[0] if blocking else "Not usable", " ".join(texts))
    return _fallback(
        volume, files, vm_storage_paths, system_drive, existing_export_folders, vm_folder_name, need
    )


def _fallback(volume, files, vm_storage_paths, system_drive, existing, vm_folder_name, need):
    mount = volume.mount_point.lower()
    problems: list[tuple[str, str]] = []
    if volume.is_system or mount.startswith(system_drive.lower()[:2]):
        problems.append(("System volume", f"{volume.display_name} is the system volume."))
    if any(p.lower().startswith(mount) for p in vm_storage_paths):
        problems.append(
            ("Holds the VM's disks", f"{volume.display_name} holds the VM's own disks.")
        )
    big = [f for f in files if f.file_size > FAT32_MAX_FILE]
    if volume.file_system.upper() == "FAT32" and big:
        problems.append(
            (
                "FAT32 cannot hold a file ≥ 4 GiB",
                f"{volume.display_name} is FAT32, which cannot hold files of 4 GiB or more; "
                f"{len(big)} disk file(s) are larger. Reformat it as NTFS or exFAT.",
            )
        )
    if need > volume.free_bytes:
        problems.append(
            (
                f"Too small: needs {size(need)}",
                f"{volume.display_name} has {size(volume.free_bytes)} free but the copy needs "
                f"{size(need)}.",
            )
        )
    if any(e.path.lower().rstrip("\\").endswith(vm_folder_name.lower()) for e in existing):
        problems.append(
            (
                "Already holds an export of this VM",
                "This folder already holds an export of this VM; hvseed never overwrites it. "
                "Choose another folder.",
            )
        )
    if problems:
        return DriveCheck(False, problems[0][0], " ".join(p[1] for p in problems))
    return DriveCheck(
        True,
        f"Fits ({size(need)} of {size(volume.free_bytes)} free)",
        f"{volume.display_name} can take the copy ({size(need)}).",
    )

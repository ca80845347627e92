"""Is this drive fit for this copy? One judgement, used by the wizard, the CLI and the lab.

``assess_drive`` checks one volume against the files of one VM's initial copy; ``plan_drives``
spreads several VMs over several drives with the same checks. Every finding carries a code (for
tests and translations) and a sentence for the admin.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from hvseed_gui.core.findings import Finding, Severity
from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Size, joined, said
from hvseed_gui.core.units import format_bytes
from hvseed_gui.core.volumes import BitLockerStatus, Volume

GiB = 1024**3

# FAT32's documented largest file is 4 GiB minus 1 byte (2**32 - 1, FileIO docs); FAT12/16
# stop at 2 GiB - 1. Any real VHDX is larger, so FAT is refused for such a copy.
FAT32_MAX_FILE_BYTES = 2**32 - 1
FAT16_MAX_FILE_BYTES = 2**31 - 1

MIN_MARGIN_BYTES = GiB
MARGIN_FRACTION = 0.02


def space_margin(copy_bytes: int) -> int:
    """Extra free space wanted on top of the copy: ``max(1 GiB, 2 % of the copy)``.

    Why: the file system needs room beyond the files' byte counts — each file is rounded up to
    whole clusters, NTFS grows its MFT and directory indexes, and a 2 % share covers that for
    large disks while staying small; the fixed 1 GiB floor covers small copies, hvseed's own
    manifest/checksum file next to the export, and a nearly-full volume that Windows slows down
    on. The exact overhead of Hyper-V's export is not documented, so this is deliberately
    generous rather than exact.
    """
    return max(MIN_MARGIN_BYTES, math.ceil(copy_bytes * MARGIN_FRACTION))


class DriveCode:
    """Codes of the drive findings (stable: tests and translations key on them)."""

    FS_OK = "fs-ok"
    FS_FILE_TOO_LARGE = "fs-file-too-large"
    FS_UNCONFIRMED = "fs-unconfirmed"  # exFAT, ReFS
    FS_UNKNOWN = "fs-unknown"
    SPACE_OK = "space-ok"
    SPACE_SHORT = "space-short"
    SYSTEM_VOLUME = "system-volume"
    VM_STORAGE = "vm-storage"
    FOLDER_EXISTS = "folder-exists"
    READ_ONLY = "read-only"
    VIRTUAL_DISK = "virtual-disk"
    USB_OK = "usb"
    NOT_USB = "not-usb"
    BUS_UNKNOWN = "bus-unknown"
    BITLOCKER_ON = "bitlocker-on"
    BITLOCKER_OFF = "bitlocker-off"
    BITLOCKER_UNKNOWN = "bitlocker-unknown"


@dataclass(frozen=True)
class DriveVerdict:
    """The judgement of one drive for one copy; ``ok`` is False if any finding is an error."""

    volume: Volume
    ok: bool
    findings: tuple[Finding, ...]
    copy_bytes: int
    required_bytes: int  # copy plus margin

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def has(self, code: str) -> bool:
        return any(f.code == code for f in self.findings)

    @property
    def summary(self) -> str:
        """One sentence for the admin."""
        name = self.volume.display_name
        if not self.ok:
            return f"{name} cannot take this copy: {self.errors[0].message}"
        text = (
            f"{name} can take this copy ({format_bytes(self.copy_bytes)}, "
            f"{format_bytes(self.volume.free_bytes)} free)."
        )
        if self.warnings:
            text += f" Read the {len(self.warnings)} warning(s) first."
        return text


def _norm(path: str) -> str:
    path = path.replace("\\", "/")
    if len(path) >= 2 and path[1] == ":":  # Windows paths compare case-insensitively
        path = path.lower()
    return path.rstrip("/") + "/"


def _on_volume(path: str, mount_point: str) -> bool:
    return bool(mount_point) and _norm(path).startswith(_norm(mount_point))


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _as_file(item: Any) -> tuple[str, int]:
    """(name, size) from a tuple, or from an object with ``path``/``file_size`` (a VhdFile)."""
    if isinstance(item, tuple):
        return str(item[0]), int(item[1])
    name = getattr(item, "path", None) or getattr(item, "name", "")
    size = getattr(item, "file_size", None)
    return str(name), int(size if size is not None else getattr(item, "size", 0))


def _as_folder_name(item: Any) -> str:
    """A folder name from a string, or from an object with ``path`` (an ExportFolderSummary)."""
    text = item if isinstance(item, str) else str(getattr(item, "path", "") or "")
    return text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _check_file_system(volume: Volume, files: Sequence[tuple[str, int]]) -> list[Finding]:
    fs = volume.file_system.strip()
    key = fs.lower()
    if key in ("ntfs", "ntfs3"):
        return [
            Finding(
                DriveCode.FS_OK,
                Severity.OK,
                said(QT_TRANSLATE_NOOP("Drive", "NTFS")),
                said(QT_TRANSLATE_NOOP("Drive", "NTFS holds files of any size.")),
            )
        ]
    if key in ("fat32", "vfat", "msdos", "fat", "fat16", "fat12"):
        limit = FAT16_MAX_FILE_BYTES if key in ("fat", "fat16", "fat12") else FAT32_MAX_FILE_BYTES
        too_big = [(n, s) for n, s in files if s > limit]
        if too_big:
            names = joined(
                (
                    said(
                        QT_TRANSLATE_NOOP("Drive", "{file} ({size})"),
                        file=_file_name(n),
                        size=Size(s),
                    )
                    for n, s in too_big
                ),
                ", ",
            )
            return [
                Finding(
                    DriveCode.FS_FILE_TOO_LARGE,
                    Severity.ERROR,
                    said(QT_TRANSLATE_NOOP("Drive", "Files too large for {fs}"), fs=fs),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Drive",
                            "{fs} cannot hold a file of {p} or more, and this copy has {names}. "
                            "Reformat the drive as NTFS (this erases it) or use another drive.",
                        ),
                        fs=fs,
                        p=Size(limit + 1),
                        names=names,
                    ),
                )
            ]
        return [
            Finding(
                DriveCode.FS_OK,
                Severity.OK,
                fs,
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive", "Every file of this copy is below {fs}'s limit of {p}."
                    ),
                    fs=fs,
                    p=Size(limit + 1),
                ),
            )
        ]
    if key in ("exfat", "refs"):
        # UNCONFIRMED whether Start-VMInitialReplication -DestinationPath accepts exFAT or ReFS
        # targets (nothing documents either way): both hold large files, so warn, don't refuse.
        return [
            Finding(
                DriveCode.FS_UNCONFIRMED,
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Drive", "{fs} not confirmed"), fs=fs),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{fs} holds large files, but it is not documented that Hyper-V exports to "
                        "it. NTFS is the safe choice; if you keep this drive, watch the export "
                        "closely.",
                    ),
                    fs=fs,
                ),
            )
        ]
    shown = fs or "an unknown file system"
    return [
        Finding(
            DriveCode.FS_UNKNOWN,
            Severity.WARNING,
            said(QT_TRANSLATE_NOOP("Drive", "Unknown file system")),
            said(
                QT_TRANSLATE_NOOP(
                    "Drive",
                    "The drive uses {shown}, which hvseed does not know; Hyper-V's export is "
                    "known to work on NTFS. Reformat the drive as NTFS if the export fails.",
                ),
                shown=shown,
            ),
        )
    ]


def assess_drive(
    volume: Volume,
    files: Sequence[tuple[str, int]],
    *,
    vm_storage_paths: Sequence[str],
    system_drive: str,
    existing_export_folders: Sequence[str],
    vm_folder_name: str,
    writable: bool | None = None,
) -> DriveVerdict:
    """Judge ``volume`` for one VM's initial copy.

    ``files``: (name, size) of each file of the copy, parent disks included (objects with
    ``path`` and ``file_size``, such as ``VhdFile``, are accepted too).
    ``vm_storage_paths``: where the VM's own files live (its disks, its configuration).
    ``system_drive``: the host's system volume (``"C:\\"``).
    ``existing_export_folders``: folder names already in the export destination on this drive
    (or objects with a ``path``, such as ``ExportFolderSummary``).
    ``vm_folder_name``: the ``<VMName>_<VMId>`` folder this export will create.
    ``writable``: the host's answer to "can I write here?"; None = use ``volume.read_only``.
    """
    files = [_as_file(f) for f in files]
    findings: list[Finding] = []
    add = findings.append
    copy_bytes = sum(size for _name, size in files)
    required = copy_bytes + space_margin(copy_bytes)

    if volume.is_system or (system_drive and _norm(volume.mount_point) == _norm(system_drive)):
        add(
            Finding(
                DriveCode.SYSTEM_VOLUME,
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Drive", "System volume")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{mount_point} is the volume Windows runs from on this host, not a drive "
                        "to ship. Connect the USB drive and choose it.",
                    ),
                    mount_point=volume.mount_point,
                ),
            )
        )
    on_vm_storage = [p for p in vm_storage_paths if _on_volume(p, volume.mount_point)]
    if on_vm_storage:
        add(
            Finding(
                DriveCode.VM_STORAGE,
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Drive", "Holds the VM's own files")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{mount_point} holds the VM's own storage ({p}); an export there fills "
                        "the disk the VM runs from. Choose the USB drive.",
                    ),
                    mount_point=volume.mount_point,
                    p=on_vm_storage[0],
                ),
            )
        )
    if volume.bus_type == "FileBackedVirtual":
        add(
            Finding(
                DriveCode.VIRTUAL_DISK,
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Drive", "Virtual disk")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{mount_point} is a mounted virtual disk (VHD/VHDX file), not a drive you "
                        "can ship. Choose the USB drive.",
                    ),
                    mount_point=volume.mount_point,
                ),
            )
        )
    read_only = (writable is False) or (writable is None and volume.read_only)
    if read_only:
        add(
            Finding(
                DriveCode.READ_ONLY,
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Drive", "Read-only")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{mount_point} is read-only. Check the drive's write-protect switch or "
                        "its read-only attribute (diskpart), or use another drive.",
                    ),
                    mount_point=volume.mount_point,
                ),
            )
        )

    # never overwrite: the same folder, or another folder holding this VM's ID
    own = parse_folder_name(vm_folder_name)
    for existing in map(_as_folder_name, existing_export_folders):
        other = parse_folder_name(existing)
        same_name = existing.strip().lower() == vm_folder_name.strip().lower()
        if same_name or (own and other and own[1] == other[1]):
            add(
                Finding(
                    DriveCode.FOLDER_EXISTS,
                    Severity.ERROR,
                    said(QT_TRANSLATE_NOOP("Drive", "Copy already on the drive")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Drive",
                            "The drive already holds {existing}, a copy of this VM. hvseed never "
                            "overwrites an export: import or move that copy first, or choose "
                            "another drive or folder.",
                        ),
                        existing=existing,
                    ),
                )
            )
            break

    findings.extend(_check_file_system(volume, files))

    need = said(
        QT_TRANSLATE_NOOP("Drive", "{copy} plus {margin} of margin"),
        copy=Size(copy_bytes),
        margin=Size(required - copy_bytes),
    )
    if volume.free_bytes >= required:
        add(
            Finding(
                DriveCode.SPACE_OK,
                Severity.OK,
                said(QT_TRANSLATE_NOOP("Drive", "Enough space")),
                said(
                    QT_TRANSLATE_NOOP("Drive", "The copy needs {need}; {free_bytes} is free."),
                    need=need,
                    free_bytes=Size(volume.free_bytes),
                ),
            )
        )
    else:
        if volume.total_bytes < required:
            advice = said(
                QT_TRANSLATE_NOOP(
                    "Drive", "The drive is too small even when empty: use a larger drive."
                )
            )
        else:
            advice = said(
                QT_TRANSLATE_NOOP(
                    "Drive",
                    "Free {short} on it (do not delete another VM's copy that is still to be "
                    "imported), or use a larger drive.",
                ),
                short=Size(required - volume.free_bytes),
            )
        add(
            Finding(
                DriveCode.SPACE_SHORT,
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Drive", "Not enough space")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive", "The copy needs {need}, but only {free} is free. {advice}"
                    ),
                    need=need,
                    free=Size(volume.free_bytes),
                    advice=advice,
                ),
            )
        )

    if volume.is_usb:
        add(
            Finding(
                DriveCode.USB_OK,
                Severity.OK,
                said(QT_TRANSLATE_NOOP("Drive", "USB disk")),
                said(QT_TRANSLATE_NOOP("Drive", "The drive is a USB disk.")),
            )
        )
    elif volume.bus_type and volume.bus_type != "FileBackedVirtual":
        add(
            Finding(
                DriveCode.NOT_USB,
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Drive", "Not a USB disk")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "{mount_point} is on the {bus_type} bus, not a USB disk; check it is the "
                        "drive you will ship.",
                    ),
                    mount_point=volume.mount_point,
                    bus_type=volume.bus_type,
                ),
            )
        )
    elif not volume.bus_type:
        add(
            Finding(
                DriveCode.BUS_UNKNOWN,
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Drive", "Bus unknown")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "Could not tell whether {mount_point} is a USB disk; check it is the "
                        "drive you will ship.",
                    ),
                    mount_point=volume.mount_point,
                ),
            )
        )

    if volume.bitlocker is BitLockerStatus.ON:
        add(
            Finding(
                DriveCode.BITLOCKER_ON,
                Severity.OK,
                said(QT_TRANSLATE_NOOP("Drive", "BitLocker on")),
                said(QT_TRANSLATE_NOOP("Drive", "The drive is encrypted.")),
            )
        )
    elif volume.bitlocker is BitLockerStatus.OFF:
        add(
            Finding(
                DriveCode.BITLOCKER_OFF,
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Drive", "Not encrypted")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "BitLocker is off: the VM's disks will travel unencrypted in a courier's "
                        "van. Turn on BitLocker To Go for this drive before the export.",
                    )
                ),
            )
        )
    else:
        add(
            Finding(
                DriveCode.BITLOCKER_UNKNOWN,
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Drive", "Encryption unknown")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Drive",
                        "Could not tell whether the drive is encrypted. Make sure BitLocker is on "
                        "before the drive leaves the building.",
                    )
                ),
            )
        )

    ok = not any(f.severity is Severity.ERROR for f in findings)
    return DriveVerdict(volume, ok, tuple(findings), copy_bytes, required)


# --- several VMs, several drives ---------------------------------------------------------------


@dataclass(frozen=True)
class DriveAssignment:
    """One drive of the plan: the VMs it gets and the space left after their copies."""

    volume: Volume
    vm_names: tuple[str, ...]
    copy_bytes: int

    @property
    def free_after_bytes(self) -> int:
        return self.volume.free_bytes - self.copy_bytes


@dataclass(frozen=True)
class UnplacedVm:
    name: str
    copy_bytes: int
    reason: str  # sentence for the admin
    finding: Finding | None = None  # the refusal on the roomiest drive (its stable code)


@dataclass(frozen=True)
class DrivePlan:
    assignments: tuple[DriveAssignment, ...]  # every usable drive, in the order given
    unplaced: tuple[UnplacedVm, ...] = ()
    # set when the copies are spread: why no single drive takes them all, per drive (the
    # first VM it could not take, and why), and the bytes of every copy together
    alone: tuple[tuple[Volume, UnplacedVm], ...] = ()
    total_bytes: int = 0

    @property
    def ok(self) -> bool:
        return not self.unplaced

    @property
    def spread(self) -> bool:
        """Whether the copies go to more than one drive (the admin accepts that explicitly)."""
        return sum(1 for a in self.assignments if a.vm_names) > 1

    def drive_for(self, vm_name: str) -> Volume | None:
        for assignment in self.assignments:
            if vm_name in assignment.vm_names:
                return assignment.volume
        return None

    @property
    def summary(self) -> str:
        used = [a for a in self.assignments if a.vm_names]
        parts = [
            f"{a.volume.display_name}: {', '.join(a.vm_names)} "
            f"({format_bytes(a.free_after_bytes)} left)"
            for a in used
        ]
        text = "; ".join(parts) + "." if parts else "No VM placed."
        if self.spread and self.alone:
            why = "; ".join(
                f"{v.display_name}: {u.name}, {u.finding.title if u.finding else u.reason}"
                for v, u in self.alone
            )
            text += (
                f" Spread over {len(used)} drives: no single drive takes every copy "
                f"({format_bytes(self.total_bytes)}) ({why})."
            )
        if self.unplaced:
            text += " " + " ".join(u.reason for u in self.unplaced)
        return text


def preference(volume: Volume) -> tuple[bool, bool, int]:
    """Sort key of drives for copies: BitLocker on first, then NTFS, then most free space."""
    return (
        volume.bitlocker is not BitLockerStatus.ON,
        volume.file_system.upper() != "NTFS",
        -volume.free_bytes,
    )


def plan_drives(
    vms: Sequence[tuple[str, Sequence[tuple[str, int]]]],
    volumes: Sequence[Volume],
    *,
    vm_storage_paths: Sequence[str] = (),
    system_drive: str = "",
    existing_export_folders: Mapping[str, Sequence[str]] | None = None,
    preferred: str = "",
) -> DrivePlan:
    """Assign VMs to drives. One drive that takes every copy wins: the ``preferred`` mount
    point (the drive the admin chose) if it can, else the best by ``preference`` (encrypted,
    then NTFS, then roomiest). Only when no single drive can, the copies are spread,
    first-fit decreasing (largest copy first, each to the best drive with space left), and the
    plan says why (``spread``, ``roomiest``, ``total_bytes``).

    ``vms``: (export folder name or VM name, files). Each VM reserves its copy plus its own
    margin (``space_margin``); ``free_after_bytes`` counts only the copies. Warnings
    (not USB, no BitLocker) do not stop a placement; errors do.
    ``existing_export_folders``: folder names already on each drive, keyed by mount point.
    """
    prepared = [(name, [_as_file(f) for f in files]) for name, files in vms]
    order = sorted(prepared, key=lambda vm: sum(s for _n, s in vm[1]), reverse=True)
    total = sum(s for _name, files in prepared for _n, s in files)
    ranked = sorted(volumes, key=preference)
    chosen = [v for v in ranked if v.mount_point.lower() == preferred.lower()] if preferred else []
    ranked = chosen + [v for v in ranked if v not in chosen]

    def place(drives: Sequence[Volume]) -> tuple[dict[str, tuple[list[str], int]], list]:
        return _first_fit(
            order,
            drives,
            vm_storage_paths=vm_storage_paths,
            system_drive=system_drive,
            existing=existing_export_folders or {},
        )

    alone: list[tuple[Volume, UnplacedVm]] = []
    for volume in ranked:
        placed, unplaced = place([volume])
        if not unplaced:
            return DrivePlan(_in_given_order(volumes, placed), total_bytes=total)
        alone.append((volume, unplaced[0]))
    placed, unplaced = place(ranked)
    return DrivePlan(
        _in_given_order(volumes, placed), tuple(unplaced), alone=tuple(alone), total_bytes=total
    )


def _in_given_order(
    volumes: Sequence[Volume], placed: Mapping[str, tuple[list[str], int]]
) -> tuple[DriveAssignment, ...]:
    return tuple(
        DriveAssignment(
            v, tuple(placed.get(v.mount_point, ([], 0))[0]), placed.get(v.mount_point, ([], 0))[1]
        )
        for v in volumes
    )


def _first_fit(
    order: Sequence[tuple[str, list[tuple[str, int]]]],
    volumes: Sequence[Volume],
    *,
    vm_storage_paths: Sequence[str],
    system_drive: str,
    existing: Mapping[str, Sequence[str]],
) -> tuple[dict[str, tuple[list[str], int]], list[UnplacedVm]]:
    """Each VM (largest first) to the first of ``volumes`` that ``assess_drive`` accepts with
    the space still left. Returns mount point -> (folder names, bytes of copies), unplaced."""
    used: dict[int, int] = {i: 0 for i in range(len(volumes))}  # bytes of the copies
    reserved: dict[int, int] = {i: 0 for i in range(len(volumes))}  # copies plus their margins
    names: dict[int, list[str]] = {i: [] for i in range(len(volumes))}
    unplaced: list[UnplacedVm] = []
    for vm_name, files in order:
        copy_bytes = sum(s for _n, s in files)
        verdicts: list[tuple[int, DriveVerdict]] = []
        for i, volume in enumerate(volumes):
            left = replace(volume, free_bytes=volume.free_bytes - reserved[i])
            verdict = assess_drive(
                left,
                files,
                vm_storage_paths=vm_storage_paths,
                system_drive=system_drive,
                existing_export_folders=[*existing.get(volume.mount_point, ()), *names[i]],
                vm_folder_name=vm_name,
            )
            verdicts.append((i, verdict))
            if verdict.ok:
                used[i] += copy_bytes
                reserved[i] += verdict.required_bytes
                names[i].append(vm_name)
                break
        else:
            best = max(verdicts, key=lambda iv: iv[1].volume.free_bytes)[1] if verdicts else None
            finding = best.errors[0] if best is not None and best.errors else None
            reason = _why_unplaced(vm_name, verdicts)
            unplaced.append(UnplacedVm(vm_name, copy_bytes, reason, finding))
    placed = {v.mount_point: (names[i], used[i]) for i, v in enumerate(volumes) if names[i]}
    return placed, unplaced


def _why_unplaced(vm_name: str, verdicts: list[tuple[int, DriveVerdict]]) -> str:
    if not verdicts:
        return f"No drive is connected for {vm_name}: connect a USB drive and refresh."
    _i, best = max(verdicts, key=lambda iv: iv[1].volume.free_bytes)
    return (
        f"No drive can take {vm_name} ({format_bytes(best.copy_bytes)}); on "
        f"{best.volume.display_name}, the drive with most space left: {best.errors[0].message}"
    )

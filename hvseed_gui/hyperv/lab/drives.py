"""Drives and files of the lab: Windows paths mapped onto real directories, sparse disk files.

A drive is a real directory ``<lab>/drives/<id>``. A host sees it under a drive letter while it
is plugged in. Paths are Windows-style (``E:\\Seed\\SQL01_…``) and resolved case-insensitively,
as NTFS does; the real directory path on this machine is accepted too.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.export_xml import MAX_XML_BYTES
from hvseed_gui.core.folder_name import parse_folder_name  # noqa: F401 - the lab uses it
from hvseed_gui.core.untrusted import RefusedEntry, read_capped, refused_error, walk
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.core.winpaths import name_problem
from hvseed_gui.hyperv.host_errors import NotFound

from .state import DRIVES_DIR, State

FAT32_MAX_FILE = 2**32 - 1  # the largest file FAT32 can hold (4 GiB minus one byte)
SIGNATURES = {"VHDX": b"vhdxfile", "VHD": b"conectix", "AVHDX": b"vhdxfile", "AVHD": b"conectix"}
_DRIVE_RE = re.compile(r"^([A-Za-z]):(?:[\\/](.*))?$")

# Win32 texts Hyper-V passes through when a file operation fails (FormatMessage wording).
ERR_PATH_NOT_FOUND = "The system cannot find the path specified. (0x80070003)"
ERR_FILE_NOT_FOUND = "The system cannot find the file specified. (0x80070002)"
ERR_DISK_FULL = "There is not enough space on the disk. (0x80070070)"
ERR_FILE_TOO_LARGE = "The file size exceeds the limit allowed and cannot be saved. (0x800700DF)"
ERR_DEVICE_GONE = "The device is not connected. (0x8007048F)"
ERR_BAD_NAME = "The filename, directory name, or volume label syntax is incorrect. (0x8007007B)"
ERR_EXISTS = "Cannot create a file when that file already exists. (0x800700B7)"


@dataclass(frozen=True)
class Location:
    """A path on one drive: the drive, its letter on the host, the parts below the root."""

    drive_id: str
    letter: str  # "E:"
    parts: tuple[str, ...]

    @property
    def windows(self) -> str:
        return self.letter + "\\" + "\\".join(self.parts)

    def child(self, *names: str) -> Location:
        return Location(self.drive_id, self.letter, self.parts + tuple(names))


def share_letter(host: str, letter: str) -> str:
    """The admin share of a drive letter on another host: ``\\\\hv-a\\E$``."""
    return f"\\\\{host.split('.')[0]}\\{letter[0].upper()}$"


def drive_root(lab_dir: Path, drive_id: str) -> Path:
    return lab_dir / DRIVES_DIR / drive_id


def mounts(state: State, host: str) -> dict[str, str]:
    """Drive letters of ``host`` -> drive id."""
    return {
        d["letter"].upper(): drive_id
        for drive_id, d in state["drives"].items()
        if d.get("host") == host and d.get("letter")
    }


def split_windows(path: str) -> tuple[str, tuple[str, ...]] | None:
    match = _DRIVE_RE.match(path.strip())
    if not match:
        return None
    rest = match.group(2) or ""
    parts = tuple(p for p in re.split(r"[\\/]+", rest) if p and p != ".")
    return match.group(1).upper() + ":", parts


def locate(state: State, lab_dir: Path, host: str, path: str) -> Location:
    """Where ``path`` (``E:\\x`` or a real path below the lab) lies on ``host``; NotFound if the
    drive is not attached to that host."""
    host_mounts = mounts(state, host)
    split = split_windows(path)
    if split is not None:
        letter, parts = split
        if ".." in parts:
            raise NotFound(f"The path '{path}' is not valid here. {ERR_BAD_NAME}")
        drive_id = host_mounts.get(letter)
        if drive_id is None:
            raise NotFound(f"Cannot find drive {letter} on {host}. {ERR_PATH_NOT_FOUND}")
        return Location(drive_id, letter, parts)
    real = Path(path)
    if real.is_absolute():
        drives = (lab_dir / DRIVES_DIR).resolve()
        try:
            relative = real.resolve().relative_to(drives)
        except ValueError:
            relative = None
        if relative is not None and relative.parts:
            drive_id, parts = relative.parts[0], tuple(relative.parts[1:])
            for letter, mounted in host_mounts.items():
                if mounted == drive_id:
                    return Location(drive_id, letter, parts)
            drive = state["drives"].get(drive_id) or {}
            if drive.get("host") and drive.get("letter"):
                # The drive is attached to another lab host: the real directory is reached the
                # way an admin reaches it across the network, through that host's admin share.
                # UNCONFIRMED: whether Hyper-V needs extra share rights for such a path.
                return Location(drive_id, share_letter(drive["host"], drive["letter"]), parts)
            raise NotFound(f"The drive holding '{path}' is not attached to {host}.")
    raise NotFound(f"'{path}' is not a path on {host}. {ERR_PATH_NOT_FOUND}")


def real_path_below(base: os.PathLike[str] | str, *parts: str) -> Path:
    """``base`` joined with ``parts``; existing components are matched case-insensitively."""
    current = Path(base)
    for part in parts:
        candidate = current / part
        if not candidate.exists() and current.is_dir():
            folded = part.casefold()
            for entry in os.listdir(current):
                if entry.casefold() == folded:
                    candidate = current / entry
                    break
        current = candidate
    return current


def real_path(lab_dir: Path, loc: Location) -> Path:
    """The real path of ``loc`` on this machine."""
    return real_path_below(drive_root(lab_dir, loc.drive_id), *loc.parts)


def invalid_name_reason(name: str) -> str:
    """Why Windows would refuse ``name`` as a file or folder name (the one rule in
    ``core.winpaths``, as the real side checks it); empty when it is fine."""
    return name_problem(name, "The folder name") or ""


def apparent_size(path: Path) -> int:
    """Sum of file sizes below ``path`` as Windows reports them (sparse holes count)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_size  # links: not followed
    return total


def drive_used(lab_dir: Path, state: State, drive_id: str) -> int:
    return state["drives"][drive_id].get("reserved", 0) + apparent_size(
        drive_root(lab_dir, drive_id)
    )


def drive_free(lab_dir: Path, state: State, drive_id: str) -> int:
    return max(0, state["drives"][drive_id]["capacity"] - drive_used(lab_dir, state, drive_id))


def volume_of(lab_dir: Path, state: State, drive_id: str) -> Volume:
    d = state["drives"][drive_id]
    return Volume(
        mount_point=(d.get("letter") or "") + "\\" if d.get("letter") else "",
        label=d["label"],
        file_system=d["file_system"],
        total_bytes=d["capacity"],
        free_bytes=drive_free(lab_dir, state, drive_id),
        bus_type=d["bus_type"],
        removable=d.get("removable", False),
        is_system=d.get("is_system", False),
        bitlocker=BitLockerStatus(d.get("bitlocker", "Unknown")),
        serial=d.get("serial", ""),
        friendly_name=d.get("friendly_name", ""),
    )


def _make_sparse(handle: Any) -> None:  # pragma: no cover - Windows only
    """Mark a new file sparse on NTFS so a 40 GB lab disk costs no space (FSCTL_SET_SPARSE)."""
    if os.name != "nt":
        return
    try:
        import ctypes
        import msvcrt
        from ctypes import wintypes

        returned = wintypes.DWORD()
        ctypes.windll.kernel32.DeviceIoControl(
            wintypes.HANDLE(msvcrt.get_osfhandle(handle.fileno())),
            0x000900C4,
            None,
            0,
            None,
            0,
            ctypes.byref(returned),
            None,
        )
    except Exception:  # noqa: BLE001 - best effort: the file still works, only less sparse
        pass


def extend_file(path: Path, size: int, fmt: str) -> None:
    """Create or grow ``path`` to ``size`` bytes as a sparse file starting with its signature."""
    path.parent.mkdir(parents=True, exist_ok=True)
    signature = SIGNATURES.get(fmt.upper(), b"")
    new = not path.exists()
    with open(path, "wb" if new else "r+b") as handle:
        if new:
            _make_sparse(handle)
            if size >= len(signature):
                handle.write(signature)
        if size >= handle.seek(0, os.SEEK_END):
            handle.truncate(size)


def decode_xml(data: bytes) -> str:
    """Text of an XML file: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def list_real_folder(root: Path, shown_as: str) -> FolderListing:
    """Files of the real folder ``root`` (relative, ``/``-separated) and the text of its XML
    files; ``UnsafeFolder`` naming every link, pipe, device or socket in it (none is followed
    or opened). Reads drive content: call it without the lab's lock held."""
    try:
        listed = walk(root)
    except FileNotFoundError:
        return FolderListing(path=shown_as, exists=False)
    except NotADirectoryError:
        return FolderListing(path=shown_as, exists=False)
    except RefusedEntry as exc:  # the folder itself is a link (or worse)
        raise refused_error(shown_as, {".": exc.strerror or "not a plain folder"}) from None
    if listed.refused:
        raise refused_error(shown_as, listed.refused)
    xml_texts: dict[str, str] = {}
    xml_errors: dict[str, str] = {}
    for entry in listed.files:
        if not entry.path.lower().endswith(".xml"):
            continue
        if entry.size > MAX_XML_BYTES:
            xml_errors[entry.path] = f"The file is larger than {MAX_XML_BYTES} bytes; not read."
            continue
        try:
            xml_texts[entry.path] = decode_xml(read_capped(root, entry.path, MAX_XML_BYTES))
        except (UnicodeDecodeError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else ""
            xml_errors[entry.path] = (
                f"The file cannot be read as text ({reason or exc.__class__.__name__})."
            )
    return FolderListing(
        path=shown_as,
        exists=True,
        files=listed.files,
        xml_texts=xml_texts,
        xml_errors=xml_errors,
    )


def list_folder(lab_dir: Path, loc: Location) -> FolderListing:
    """``list_real_folder`` of a lab location."""
    return list_real_folder(real_path(lab_dir, loc), loc.windows)


def plain_files(root: Path) -> tuple[FileEntry, ...]:
    """The plain files below ``root`` (links, pipes and devices left out); () when unreadable."""
    try:
        return walk(root).files
    except OSError:
        return ()

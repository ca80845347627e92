"""Where a staged export may go: hvseed's own folder on a local, non-USB, non-system volume of
Host A with room for the copy and a margin. One rule for the lab and for a real host."""

from __future__ import annotations

from collections.abc import Iterable

from hvseed_gui.core.fitness import space_margin
from hvseed_gui.core.volumes import Volume

#: the name of hvseed's own staging folder on a host's local disk
STAGING_FOLDER = "hvseed-staging"

#: file systems a Hyper-V export is known to write (see core.fitness)
_EXPORT_FILE_SYSTEMS = frozenset({"NTFS", "REFS"})


def can_stage_on(volume: Volume, bytes_needed: int) -> bool:
    """Whether the copy may be staged on ``volume``: never the USB drive itself, never the
    volume Windows runs from (a full system volume stops the host), never a virtual disk or a
    read-only volume, and only with room for the copy plus the export's margin."""
    return (
        bool(volume.mount_point)
        and not volume.is_usb
        and not volume.is_system
        and not volume.read_only
        and volume.bus_type != "FileBackedVirtual"
        and volume.file_system.upper() in _EXPORT_FILE_SYSTEMS
        and volume.free_bytes >= bytes_needed + space_margin(bytes_needed)
    )


def staging_root(volumes: Iterable[Volume], bytes_needed: int) -> str | None:
    """``D:\\hvseed-staging`` on the volume with the most room that may take the copy; None
    when none may (then the export goes straight to the drive)."""
    fits = [v for v in volumes if can_stage_on(v, bytes_needed)]
    if not fits:
        return None
    best = max(fits, key=lambda v: (v.free_bytes, v.mount_point))
    return f"{best.mount_point.rstrip(chr(92))}\\{STAGING_FOLDER}"

"""psutil's partition rows -> ``Volume``s, one volume at a time, never raising for a bad one.

Runs inside the probe's helper process (``probe_child``); pure given its inputs, so tests feed
it psutil rows as Windows and Linux return them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hvseed_gui.core.volumes.os_facts import bus_type_of, system_drive
from hvseed_gui.core.volumes.volume import Volume


def _same_mount(a: str, b: str) -> bool:
    def norm(p: str) -> str:
        return p.replace("\\", "/").rstrip("/").lower() or "/"

    return norm(a) == norm(b)


_SKIP_DRIVE_TYPES = {"cdrom", "remote", "unmounted", "unknown"}


def volume_from_psutil(
    part: Any, usage: Any | None, *, bus_type: str = "", is_system: bool = False
) -> Volume | None:
    """A ``Volume`` from psutil's ``sdiskpart`` and ``sdiskusage``; None for rows to skip.

    Windows ``opts`` look like ``"rw,fixed"``, ``"rw,removable"``, ``"ro,readonly,removable"``
    or just ``"cdrom"`` with ``fstype == ""`` (no medium); Linux gives raw mount options
    (``"rw,relatime"``). Skipped: no file system (not ready), CD/DVD, network and unknown drive
    types, and rows whose usage could not be read (``usage is None``).
    """
    fstype = getattr(part, "fstype", "") or ""
    opts = [o.strip().lower() for o in (getattr(part, "opts", "") or "").split(",") if o.strip()]
    if not fstype or usage is None or _SKIP_DRIVE_TYPES.intersection(opts):
        return None
    mount = part.mountpoint
    return Volume(
        mount_point=mount,
        label="",
        file_system=fstype,
        total_bytes=int(usage.total),
        free_bytes=int(usage.free),
        bus_type=bus_type,
        removable="removable" in opts,
        is_system=is_system,
        read_only="ro" in opts or "readonly" in opts,
        device=getattr(part, "device", "") or "",
    )


def scan_volumes(
    partitions: Sequence[Any],
    usage_of: Any,
    bus_of: Any = bus_type_of,
    system: str | None = None,
    on_progress: Any = None,
) -> tuple[list[Volume], list[tuple[str, str]]]:
    """Turn psutil rows into volumes, one volume at a time, never raising for one bad volume.

    ``usage_of(mount)`` is ``psutil.disk_usage``; ``bus_of(device, mount)`` the bus lookup;
    ``on_progress(mount)`` is called before each volume is asked (the probe reports it, so a
    hang can be named). Returns (volumes, skipped) with skipped = [(mount point, reason)].
    """
    system = system if system is not None else system_drive()
    volumes: list[Volume] = []
    skipped: list[tuple[str, str]] = []
    for part in partitions:
        mount = getattr(part, "mountpoint", "")
        opts = (getattr(part, "opts", "") or "").lower().split(",")
        if not getattr(part, "fstype", "") or _SKIP_DRIVE_TYPES.intersection(opts):
            skipped.append((mount, "no medium, CD/DVD or network drive"))
            continue
        if on_progress is not None:
            on_progress(mount)
        try:
            usage = usage_of(mount)
        except OSError as exc:  # not ready, unplugged a moment ago, WinError 21/1005 …
            skipped.append((mount, f"not readable: {exc.strerror or exc}"))
            continue
        try:
            bus = bus_of(getattr(part, "device", ""), mount)
        except OSError:
            bus = ""
        volume = volume_from_psutil(part, usage, bus_type=bus, is_system=_same_mount(mount, system))
        if volume is not None:
            volumes.append(volume)
    return volumes, skipped


def usb_only(volumes: Sequence[Volume]) -> list[Volume]:
    """The volumes whose disk sits on the USB bus."""
    return [v for v in volumes if v.is_usb]

"""Windows: the bus type behind a mount point (IOCTL_STORAGE_QUERY_PROPERTY), the system drive,
and no "There is no disk in the drive" boxes while the probe asks each drive.

Chosen by ``os_facts`` on Windows; ``windows_bus_type`` answers ``""`` anywhere else (tests).
"""

from __future__ import annotations

import os

from hvseed_gui.core.volumes.bus_types import bus_type_name

IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400


def _windows_device_path(mount_point: str) -> str:
    """``E:\\`` -> ``\\\\.\\E:``; a folder mount -> ``\\\\?\\Volume{…}`` (no trailing slash)."""
    import ctypes
    import ctypes.wintypes as wt

    if len(mount_point.rstrip("\\")) == 2 and mount_point[1] == ":":
        return f"\\\\.\\{mount_point[0]}:"
    k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    k32.GetVolumeNameForVolumeMountPointW.argtypes = [wt.LPCWSTR, wt.LPWSTR, wt.DWORD]
    buf = ctypes.create_unicode_buffer(64)
    path = mount_point if mount_point.endswith("\\") else mount_point + "\\"
    if not k32.GetVolumeNameForVolumeMountPointW(path, buf, len(buf)):
        return ""
    return buf.value.rstrip("\\")


def _storage_query(device: str, property_id: int, size: int) -> bytes | None:
    """IOCTL_STORAGE_QUERY_PROPERTY (PropertyStandardQuery) for ``property_id`` on ``device``
    (``\\\\.\\E:``): the descriptor's bytes, or None (not Windows, any OS error)."""
    import ctypes  # here, not at import: the GUI's start-up does not pay for it

    if not hasattr(ctypes, "WinDLL") or not device:
        return None
    import ctypes.wintypes as wt
    import struct

    k32 = ctypes.WinDLL("kernel32", use_last_error=True)
    k32.CreateFileW.restype = wt.HANDLE
    k32.CreateFileW.argtypes = [
        wt.LPCWSTR,
        wt.DWORD,
        wt.DWORD,
        ctypes.c_void_p,
        wt.DWORD,
        wt.DWORD,
        wt.HANDLE,
    ]
    k32.DeviceIoControl.argtypes = [
        wt.HANDLE,
        wt.DWORD,
        ctypes.c_char_p,
        wt.DWORD,
        ctypes.c_void_p,
        wt.DWORD,
        ctypes.POINTER(wt.DWORD),
        ctypes.c_void_p,
    ]
    k32.CloseHandle.argtypes = [wt.HANDLE]
    # access 0 (query only), share read|write, OPEN_EXISTING
    handle = k32.CreateFileW(device, 0, 3, None, 3, 0, None)
    if not handle or handle == wt.HANDLE(-1).value:
        return None
    try:
        query = struct.pack("<iiB3x", property_id, 0, 0)
        out = ctypes.create_string_buffer(size)
        got = wt.DWORD()
        ok = k32.DeviceIoControl(
            handle,
            IOCTL_STORAGE_QUERY_PROPERTY,
            query,
            len(query),
            out,
            len(out),
            ctypes.byref(got),
            None,
        )
        return out.raw[: got.value] if ok else None
    finally:
        k32.CloseHandle(handle)


def windows_bus_type(mount_point: str) -> str:
    """Bus type of the disk behind a mount point (``"E:\\"`` or a folder mount) via
    IOCTL_STORAGE_QUERY_PROPERTY. ``""`` when unknown (not Windows, any OS error); never raises.

    Written from winioctl.h and verified offsets, not yet run on Windows.
    """
    import struct

    if len(mount_point) < 2 or mount_point[1] != ":":
        return ""  # not a drive-letter mount
    try:
        device = _windows_device_path(mount_point)
    except (AttributeError, OSError):
        return ""  # no kernel32 to ask (not Windows)
    raw = _storage_query(device, 0, 1024)  # StorageDeviceProperty
    if raw is None or len(raw) < 32:
        return ""
    return bus_type_name(struct.unpack_from("<i", raw, 28)[0])  # descriptor.BusType


def windows_seek_penalty(path: str) -> bool | None:
    """Whether the disk behind ``path``'s drive incurs a seek penalty (a rotating disk), via
    StorageDeviceSeekPenaltyProperty (DEVICE_SEEK_PENALTY_DESCRIPTOR.IncursSeekPenalty). None
    when unknown; never raises.

    Written from winioctl.h, not yet run on Windows (UNCONFIRMED: a USB bridge may not pass
    the query on; then None, and hashing measures its way)."""
    drive = os.path.splitdrive(os.path.abspath(path))[0]
    if len(drive) != 2 or drive[1] != ":":
        return None
    raw = _storage_query(f"\\\\.\\{drive}", 7, 12)  # StorageDeviceSeekPenaltyProperty
    if raw is None or len(raw) < 9:
        return None
    return bool(raw[8])  # Version, Size (DWORDs), then IncursSeekPenalty (BOOLEAN)


def seek_penalty_of(path: str) -> bool | None:
    return windows_seek_penalty(path)


def bus_type_of(device: str, mount_point: str) -> str:
    """The bus type of a psutil partition row (``device`` is unused: the mount point is asked)."""
    return windows_bus_type(mount_point)


def system_drive() -> str:
    """The volume Windows runs from: ``"C:\\"`` (from %SystemDrive%)."""
    return os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\") + "\\"


def quiet_error_boxes() -> None:
    """No "There is no disk in the drive" box (SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX)."""
    import ctypes

    ctypes.windll.kernel32.SetErrorMode(0x0001 | 0x8000)

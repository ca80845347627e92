"""Volumes a copy can go to: one ``Volume`` type, whatever found it (psutil, Get-Disk, the lab).

Local detection uses psutil, but never in this process: psutil <= 7.2.2 holds the GIL inside
``disk_partitions()`` on Windows, so one slow drive would freeze every thread (the GUI too).
``probe_local_volumes`` runs ``hvseed_gui.core._volume_probe`` in a short-lived helper process
with a timeout. Whether a volume is on USB comes from the OS bus type, never from psutil's
``removable``/``fixed`` (USB hard disks are "fixed" to Windows).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import Any


class BitLockerStatus(str, Enum):
    """BitLocker protection of a volume, as far as it is known."""

    ON = "On"  # protection on (encrypted, protectors active)
    OFF = "Off"
    UNKNOWN = "Unknown"  # not queried, feature missing, or not Windows


@dataclass(frozen=True)
class Volume:
    """One mounted volume as seen by the host it is attached to.

    ``mount_point`` is the path that host uses (``E:\\`` on Windows, ``/media/usb`` on Linux).
    ``bus_type`` is the storage bus (``USB``, ``SATA``, ``NVMe``, ``SAS``, ``FileBackedVirtual`` …)
    or ``""`` when unknown: USB hard disks are "fixed" to Windows, so ``removable`` is not a USB
    test.
    """

    mount_point: str
    label: str
    file_system: str
    total_bytes: int
    free_bytes: int
    bus_type: str = ""
    removable: bool = False
    is_system: bool = False
    bitlocker: BitLockerStatus = BitLockerStatus.UNKNOWN
    serial: str = ""
    friendly_name: str = ""
    read_only: bool = False
    device: str = ""  # psutil's device (``E:\\``, ``/dev/sdb1``); "" when not known

    @property
    def is_usb(self) -> bool:
        return self.bus_type.upper() == "USB"

    @property
    def display_name(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.mount_point}{label}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["bitlocker"] = self.bitlocker.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Volume:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["bitlocker"] = BitLockerStatus(kwargs.get("bitlocker", "Unknown"))
        return cls(**kwargs)


class VolumeProbeError(Exception):
    """The local volume probe failed; ``str()`` says what happened and what to do."""


class VolumeProbeTimeout(VolumeProbeError):
    """The probe did not finish in time. ``volumes`` holds what it found before it stalled;
    ``stalled_on`` names the volume it was asking when time ran out ("" if not known)."""

    def __init__(self, message: str, volumes: list[Volume], stalled_on: str = "") -> None:
        super().__init__(message)
        self.volumes = volumes
        self.stalled_on = stalled_on


# --- bus type from the operating system ---------------------------------------------------------

# STORAGE_BUS_TYPE (winioctl.h); MSFT_Disk.BusType uses the same numbers.
STORAGE_BUS_TYPES = {
    0: "",
    1: "SCSI",
    2: "ATAPI",
    3: "ATA",
    4: "1394",
    5: "SSA",
    6: "Fibre Channel",
    7: "USB",
    8: "RAID",
    9: "iSCSI",
    10: "SAS",
    11: "SATA",
    12: "SD",
    13: "MMC",
    14: "Virtual",
    15: "FileBackedVirtual",  # a mounted VHD/VHDX: never a drive to ship
    16: "Storage Spaces",
    17: "NVMe",
    18: "SCM",
    19: "UFS",
    20: "NVMe-oF",
}
IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
ALL_DRIVES = "*"  # what the probe reports while it asks the OS for the list of drives


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


def windows_bus_type(mount_point: str) -> str:
    """Bus type of the disk behind a mount point (``"E:\\"`` or a folder mount) via
    IOCTL_STORAGE_QUERY_PROPERTY. ``""`` when unknown (not Windows, any OS error); never raises.

    Written from winioctl.h and verified offsets, not yet run on Windows.
    """
    if sys.platform != "win32" or len(mount_point) < 2 or mount_point[1] != ":":
        return ""
    import ctypes
    import ctypes.wintypes as wt
    import struct

    device = _windows_device_path(mount_point)
    if not device:
        return ""
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
    invalid = wt.HANDLE(-1).value
    # access 0 (query only), share read|write, OPEN_EXISTING
    handle = k32.CreateFileW(device, 0, 3, None, 3, 0, None)
    if not handle or handle == invalid:
        return ""
    try:
        query = struct.pack("<iiB3x", 0, 0, 0)  # StorageDeviceProperty, PropertyStandardQuery
        out = ctypes.create_string_buffer(1024)
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
        if not ok or got.value < 32:
            return ""
        return bus_type_name(struct.unpack_from("<i", out.raw, 28)[0])  # descriptor.BusType
    finally:
        k32.CloseHandle(handle)


def bus_type_name(number: int) -> str:
    """STORAGE_BUS_TYPE / MSFT_Disk.BusType number -> name (``7`` -> ``"USB"``)."""
    return STORAGE_BUS_TYPES.get(number, f"BusType{number}")


def linux_bus_type(device: str, sys_root: str = "/sys") -> str:
    """Bus type of a Linux block device (``/dev/sdb1``) from sysfs; ``""`` when unknown.

    The partition's disk is found through ``/sys/class/block/<name>``; the disk's real sysfs
    path names the bus (``…/usb3/3-1/…/block/sdb``). Never raises.
    """
    try:
        name = os.path.basename(os.path.realpath(device)) if device.startswith("/") else device
        node = os.path.join(sys_root, "class", "block", name)
        if not os.path.exists(node):
            return ""
        real = os.path.realpath(node)
        if os.path.exists(os.path.join(real, "partition")):
            real = os.path.dirname(real)
        parts = real.replace("\\", "/").split("/")
        disk = parts[-1]
    except (OSError, ValueError):
        return ""
    if any(p.startswith("usb") for p in parts):
        return "USB"
    if disk.startswith("loop"):
        return "FileBackedVirtual"
    if disk.startswith("nvme") or "nvme" in parts:
        return "NVMe"
    if disk.startswith("mmcblk"):
        return "SD"
    if any(p.startswith("virtio") for p in parts):
        return "Virtual"
    if any(p.startswith("ata") for p in parts):
        return "SATA"
    return ""


def bus_type_of(device: str, mount_point: str) -> str:
    """The OS's bus type for a psutil partition row, on this platform; ``""`` when unknown."""
    if sys.platform == "win32":
        return windows_bus_type(mount_point)
    if sys.platform.startswith("linux"):
        return linux_bus_type(device)
    return ""


def system_drive() -> str:
    """The volume this OS runs from: ``"C:\\"`` (from %SystemDrive%) or ``"/"``."""
    if sys.platform == "win32":
        return os.environ.get("SYSTEMDRIVE", "C:").rstrip("\\") + "\\"
    return "/"


def _same_mount(a: str, b: str) -> bool:
    def norm(p: str) -> str:
        return p.replace("\\", "/").rstrip("/").lower() or "/"

    return norm(a) == norm(b)


# --- psutil rows -> Volume ----------------------------------------------------------------------

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


# --- the helper process -------------------------------------------------------------------------


#: the argument with which the frozen (PyInstaller) app runs the probe instead of the GUI
PROBE_ARGUMENT = "--volume-probe"


def probe_command() -> list[str]:
    """How to start the probe helper: ``python -m …`` from a venv, the app itself when frozen
    (then ``sys.executable`` is hvseed-gui.exe, which has no ``-m``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_ARGUMENT]
    return [sys.executable, "-m", "hvseed_gui.core._volume_probe"]


def probe_local_volumes(
    timeout: float = 5.0, *, command: Sequence[str] | None = None
) -> list[Volume]:
    """Volumes mounted on this computer, found by a helper process within ``timeout`` seconds.

    Raises ``VolumeProbeTimeout`` (with the volumes found so far and the one that stalled) when
    the helper does not finish in time, ``VolumeProbeError`` when it fails. ``command`` replaces
    the helper (tests).
    """
    cmd = list(command) if command else probe_command()
    creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    env = dict(os.environ)
    # the helper must import this very package, wherever it was loaded from
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        proc = subprocess.Popen(
            cmd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            creationflags=creationflags,
        )
    except OSError as exc:
        raise VolumeProbeError(
            f"Could not start the drive probe ({exc.strerror or exc}). Choose the folder by hand."
        ) from None

    lines: list[bytes] = []
    errors: list[bytes] = []
    done = threading.Event()

    def pump_stdout() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
        done.set()

    def pump_stderr() -> None:
        assert proc.stderr is not None
        errors.append(proc.stderr.read())

    # Daemon readers: a helper stuck in a kernel call may outlive its kill for a while.
    out_thread = threading.Thread(target=pump_stdout, daemon=True)
    err_thread = threading.Thread(target=pump_stderr, daemon=True)
    out_thread.start()
    err_thread.start()
    finished = done.wait(timeout)
    if finished:
        try:
            proc.wait(timeout=max(1.0, timeout))
        except subprocess.TimeoutExpired:
            finished = False
    if not finished:
        proc.kill()
        # reap it; one stuck in a kernel call may take a moment to die, or longer
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=2.0)
    for thread, pipe in ((out_thread, proc.stdout), (err_thread, proc.stderr)):
        thread.join(1.0)
        if not thread.is_alive() and pipe is not None:
            pipe.close()

    volumes, stalled, complete = _read_probe_output(list(lines))
    if not finished:
        where = f"drive {stalled}" if stalled and stalled != ALL_DRIVES else "a drive"
        raise VolumeProbeTimeout(
            f"Looking for drives took longer than {timeout:g} s: {where} did not answer "
            "(a disconnected network drive, an empty card reader or a drive unplugged a "
            "moment ago). Unplug or reconnect it and refresh, or choose the folder by hand.",
            volumes,
            stalled,
        )
    if not complete:
        detail = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
        raise VolumeProbeError(
            "The drive probe stopped without an answer"
            + (f" ({detail[-1]})" if detail else "")
            + ". Choose the folder by hand."
        )
    return volumes


def _read_probe_output(raw: list[bytes]) -> tuple[list[Volume], str, bool]:
    """Parse the helper's JSON lines: (volumes, volume being asked last, finished?)."""
    volumes: list[Volume] = []
    stalled = ""
    complete = False
    for line in raw:
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if not isinstance(record, dict):
            continue
        if "volume" in record:
            try:
                volumes.append(Volume.from_dict(record["volume"]))
            except (TypeError, ValueError):
                continue
            stalled = ""
        elif "skipped" in record:
            stalled = ""
        elif "probing" in record:
            stalled = str(record["probing"])
        elif record.get("done"):
            complete = True
    return volumes, stalled, complete

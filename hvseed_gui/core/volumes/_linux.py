"""Linux: the bus type of a block device from sysfs; the system volume is ``/``.

Chosen by ``os_facts`` on Linux; ``linux_bus_type`` reads any sysfs tree it is given (tests).
"""

from __future__ import annotations

import os


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


def linux_seek_penalty(path: str, sys_root: str = "/sys") -> bool | None:
    """Whether the disk holding ``path`` seeks (a rotating disk: sysfs ``queue/rotational`` is
    1), False for an SSD, None when unknown. Never raises.

    UNCONFIRMED for USB: some USB bridges report a flash stick as rotational; hashing one file
    at a time costs a stick little, so True is taken as it comes."""
    try:
        st = os.stat(path)
        block = os.path.join(
            sys_root, "dev", "block", f"{os.major(st.st_dev)}:{os.minor(st.st_dev)}"
        )
        real = os.path.realpath(block)
        if os.path.exists(os.path.join(real, "partition")):
            real = os.path.dirname(real)
        with open(os.path.join(real, "queue", "rotational"), encoding="ascii") as handle:
            flag = handle.read(8).strip()
    except (OSError, ValueError):
        return None
    return {"1": True, "0": False}.get(flag)


def seek_penalty_of(path: str) -> bool | None:
    return linux_seek_penalty(path)


def bus_type_of(device: str, mount_point: str) -> str:
    """The bus type of a psutil partition row (``mount_point`` is unused: sysfs knows devices)."""
    return linux_bus_type(device)


def system_drive() -> str:
    return "/"


def quiet_error_boxes() -> None:
    """Nothing to quieten: Linux shows no dialog for an empty drive."""

"""Volumes a copy can go to: one ``Volume`` type, whatever found it (psutil, Get-Disk, the lab)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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

    @property
    def is_usb(self) -> bool:
        return self.bus_type.upper() == "USB"

    @property
    def display_name(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.mount_point}{label}"

"""One ``Volume`` type, whatever found it (the probe's psutil rows, Get-Disk, the lab)."""

from __future__ import annotations

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

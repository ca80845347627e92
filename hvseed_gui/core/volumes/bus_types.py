"""Storage bus numbers and their names (``7`` -> ``"USB"``), as Windows and Get-Disk give them."""

from __future__ import annotations

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


def bus_type_name(number: int) -> str:
    """STORAGE_BUS_TYPE / MSFT_Disk.BusType number -> name (``7`` -> ``"USB"``)."""
    return STORAGE_BUS_TYPES.get(number, f"BusType{number}")

"""Where a staged export may go: one rule for the lab and a real Host A."""

from __future__ import annotations

from hvseed_gui.core.fitness import space_margin
from hvseed_gui.core.staging_choice import can_stage_on, staging_root
from hvseed_gui.core.volumes import Volume

GIB = 2**30
COPY = 70 * GIB


def vol(mount: str, free: int, **kw) -> Volume:
    kw.setdefault("bus_type", "SATA")
    kw.setdefault("file_system", "NTFS")
    return Volume(mount, "", kw.pop("file_system"), 2 * free + GIB, free, **kw)


def test_the_local_data_volume_with_most_room_is_chosen():
    volumes = [
        vol("C:\\", 900 * GIB, is_system=True),  # the volume Windows runs from: never
        vol("E:\\", 1800 * GIB, bus_type="USB"),  # the drive itself: never
        vol("D:\\", 300 * GIB),
        vol("F:\\", 500 * GIB, file_system="ReFS"),
    ]
    assert staging_root(volumes, COPY) == "F:\\hvseed-staging"


def test_no_room_no_staging():
    tight = COPY + space_margin(COPY) - 1
    assert not can_stage_on(vol("D:\\", tight), COPY)
    assert can_stage_on(vol("D:\\", tight + 1), COPY)
    assert staging_root([vol("D:\\", tight)], COPY) is None


def test_virtual_read_only_fat_and_unmounted_volumes_are_never_chosen():
    volumes = [
        vol("G:\\", 900 * GIB, bus_type="FileBackedVirtual"),
        vol("H:\\", 900 * GIB, read_only=True),
        vol("I:\\", 900 * GIB, file_system="FAT32"),
        vol("", 900 * GIB),
    ]
    assert staging_root(volumes, COPY) is None

"""One judgement of "is this drive fit for this copy?", one test per verdict."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hvseed_gui.core.findings import Severity
from hvseed_gui.core.fitness import (
    FAT32_MAX_FILE_BYTES,
    DriveCode,
    GiB,
    assess_drive,
    plan_drives,
    space_margin,
)
from hvseed_gui.core.volumes import BitLockerStatus, Volume

VM_ID = "6F1C2B3A-9D4E-4F5A-8B6C-7D8E9F0A1B2C"
FOLDER = f"SQL01_{VM_ID}"
FILES = [("SQL01.vhdx", 60 * GiB), ("SQL01_base.vhdx", 20 * GiB)]  # a disk and its parent


def usb(**kw) -> Volume:
    base = Volume(
        mount_point="E:\\",
        label="SEED",
        file_system="NTFS",
        total_bytes=2000 * GiB,
        free_bytes=1000 * GiB,
        bus_type="USB",
        bitlocker=BitLockerStatus.ON,
    )
    return replace(base, **kw)


def judge(volume: Volume, files=FILES, **kw):
    args = dict(
        vm_storage_paths=["D:\\Hyper-V\\SQL01\\SQL01.vhdx", "D:\\Hyper-V\\SQL01"],
        system_drive="C:\\",
        existing_export_folders=[],
        vm_folder_name=FOLDER,
    )
    args.update(kw)
    return assess_drive(volume, files, **args)


def codes(verdict) -> dict[str, Severity]:
    return {f.code: f.severity for f in verdict.findings}


def test_a_good_usb_drive_is_fit_without_warnings():
    verdict = judge(usb())
    assert verdict.ok and verdict.warnings == []
    assert {DriveCode.FS_OK, DriveCode.SPACE_OK, DriveCode.USB_OK, DriveCode.BITLOCKER_ON} <= set(
        codes(verdict)
    )
    assert verdict.copy_bytes == 80 * GiB
    assert "E:\\ (SEED) can take this copy" in verdict.summary


def test_fat32_refuses_a_vhdx_of_4_gib_and_names_it():
    files = [("boot.vhdx", 4 * GiB), ("small.vhdx", FAT32_MAX_FILE_BYTES)]
    verdict = judge(usb(file_system="FAT32"), files)
    assert not verdict.ok
    (error,) = verdict.errors
    assert error.code == DriveCode.FS_FILE_TOO_LARGE
    assert "boot.vhdx" in error.message and "small.vhdx" not in error.message
    assert "NTFS" in error.message
    assert verdict.summary.startswith("E:\\ (SEED) cannot take this copy: FAT32 cannot hold")


def test_fat32_takes_files_just_below_the_limit():
    verdict = judge(usb(file_system="vfat"), [("a.vhdx", FAT32_MAX_FILE_BYTES)])
    assert verdict.ok and codes(verdict)[DriveCode.FS_OK] is Severity.OK


@pytest.mark.parametrize("fs", ["exFAT", "ReFS"])
def test_exfat_and_refs_warn_but_do_not_refuse(fs):
    verdict = judge(usb(file_system=fs))
    assert verdict.ok
    assert codes(verdict)[DriveCode.FS_UNCONFIRMED] is Severity.WARNING
    assert "not documented" in verdict.warnings[0].message


def test_unknown_file_system_warns():
    verdict = judge(usb(file_system="ext4"))
    assert verdict.ok and codes(verdict)[DriveCode.FS_UNKNOWN] is Severity.WARNING


def test_margin_is_one_gib_or_two_percent():
    assert space_margin(10 * GiB) == GiB
    assert space_margin(1000 * GiB) == 20 * GiB
    just_enough = usb(free_bytes=80 * GiB + space_margin(80 * GiB))
    assert judge(just_enough).ok
    short = judge(replace(just_enough, free_bytes=just_enough.free_bytes - 1))
    assert codes(short)[DriveCode.SPACE_SHORT] is Severity.ERROR
    assert "Free 1 bytes" in short.errors[0].message


def test_a_drive_too_small_even_when_empty_says_so():
    verdict = judge(usb(total_bytes=64 * GiB, free_bytes=60 * GiB))
    assert "too small even when empty" in verdict.errors[0].message


def test_the_system_volume_is_refused():
    verdict = judge(usb(mount_point="c:", bus_type="NVMe"))
    assert codes(verdict)[DriveCode.SYSTEM_VOLUME] is Severity.ERROR
    assert not judge(usb(is_system=True)).ok


def test_a_volume_holding_the_vms_storage_is_refused():
    verdict = judge(usb(mount_point="D:\\"))
    assert codes(verdict)[DriveCode.VM_STORAGE] is Severity.ERROR
    assert "D:\\Hyper-V\\SQL01" in verdict.errors[0].message
    # a folder-mounted volume is matched by prefix, not by drive letter alone
    assert judge(usb(mount_point="D:\\Hyper-V\\")).has(DriveCode.VM_STORAGE)
    assert not judge(usb(mount_point="D:\\Hyper")).has(DriveCode.VM_STORAGE)


def test_an_existing_export_folder_is_never_overwritten():
    verdict = judge(
        usb(),
        existing_export_folders=["WEB_" + "1" * 8 + "-1111-1111-1111-" + "1" * 12, FOLDER.lower()],
    )
    assert codes(verdict)[DriveCode.FOLDER_EXISTS] is Severity.ERROR
    assert "never overwrites" in verdict.errors[0].message
    # the same VM under its old name (renamed since) is the same copy
    renamed = judge(usb(), existing_export_folders=[f"OLDNAME_{VM_ID.lower()}"])
    assert renamed.has(DriveCode.FOLDER_EXISTS)
    assert judge(usb(), existing_export_folders=["SQL01_backup"]).ok


def test_read_only_is_refused_from_the_volume_or_the_hosts_answer():
    assert codes(judge(usb(read_only=True)))[DriveCode.READ_ONLY] is Severity.ERROR
    assert judge(usb(), writable=False).has(DriveCode.READ_ONLY)
    assert judge(usb(read_only=True), writable=True).ok  # the host's own test wins


def test_not_usb_and_unknown_bus_warn():
    sata = judge(usb(bus_type="SATA"))
    assert sata.ok and codes(sata)[DriveCode.NOT_USB] is Severity.WARNING
    assert "check it is the drive you will ship" in sata.warnings[0].message
    assert codes(judge(usb(bus_type="")))[DriveCode.BUS_UNKNOWN] is Severity.WARNING


def test_a_mounted_vhd_is_refused():
    assert codes(judge(usb(bus_type="FileBackedVirtual")))[DriveCode.VIRTUAL_DISK] is Severity.ERROR


def test_bitlocker_off_or_unknown_warns():
    off = judge(usb(bitlocker=BitLockerStatus.OFF))
    assert off.ok and codes(off)[DriveCode.BITLOCKER_OFF] is Severity.WARNING
    assert "courier" in off.warnings[0].message
    unknown = judge(usb(bitlocker=BitLockerStatus.UNKNOWN))
    assert codes(unknown)[DriveCode.BITLOCKER_UNKNOWN] is Severity.WARNING
    assert "warning" in unknown.summary


# --- plan_drives ---------------------------------------------------------------------------


def vm(name: str, gib: int) -> tuple[str, list[tuple[str, int]]]:
    return name, [(f"{name}.vhdx", gib * GiB)]


def test_first_fit_decreasing_with_space_left_per_drive():
    e = usb(mount_point="E:\\", free_bytes=500 * GiB)
    f = usb(mount_point="F:\\", free_bytes=300 * GiB)
    plan = plan_drives([vm("small", 50), vm("big", 400), vm("mid", 200)], [e, f])
    assert plan.ok
    by_drive = {a.volume.mount_point: a for a in plan.assignments}
    assert by_drive["E:\\"].vm_names == ("big", "small")  # largest first, then first fit
    assert by_drive["F:\\"].vm_names == ("mid",)
    assert by_drive["E:\\"].free_after_bytes == 50 * GiB
    assert by_drive["F:\\"].free_after_bytes == 100 * GiB
    assert plan.drive_for("mid") == f
    assert "E:\\ (SEED): big, small" in plan.summary


def test_each_vm_gets_its_margin_when_sharing_a_drive():
    e = usb(free_bytes=100 * GiB + 2 * GiB)
    plan = plan_drives([vm("a", 50), vm("b", 50)], [e])
    assert plan.ok  # 2 x (50 GiB + 1 GiB)
    tight = plan_drives([vm("a", 50), vm("b", 50)], [replace(e, free_bytes=e.free_bytes - 1)])
    assert [u.name for u in tight.unplaced] == ["b"]
    assert "Not enough space" not in tight.unplaced[0].reason  # the sentence, not the title
    assert "only" in tight.unplaced[0].reason


def test_unfit_drives_are_skipped_and_unplaceable_vms_explained():
    system = usb(mount_point="C:\\", free_bytes=5000 * GiB)
    fat = usb(mount_point="F:\\", file_system="FAT32", free_bytes=900 * GiB)
    ntfs = usb(mount_point="G:\\", free_bytes=30 * GiB)
    plan = plan_drives([vm("big", 100), vm("tiny", 1)], [system, fat, ntfs], system_drive="C:\\")
    assert plan.drive_for("tiny") == ntfs  # NTFS before FAT32; C: is refused
    (unplaced,) = plan.unplaced
    assert unplaced.name == "big"
    assert "C:\\" in unplaced.reason  # the drive with most space, and why it was refused
    assert not plan.ok


def test_existing_folders_per_drive_are_respected():
    e = usb(mount_point="E:\\")
    f = usb(mount_point="F:\\")
    plan = plan_drives([(FOLDER, FILES)], [e, f], existing_export_folders={"E:\\": [FOLDER]})
    assert plan.drive_for(FOLDER) == f


def test_no_drive_at_all():
    plan = plan_drives([vm("a", 1)], [])
    assert "connect a USB drive" in plan.unplaced[0].reason


def test_host_result_objects_are_accepted_as_they_come():
    from hvseed_gui.hyperv.host import ExportFolderSummary, VhdFile

    files = [VhdFile("D:\\VMs\\SQL01.vhdx", 5 * GiB)]
    existing = [ExportFolderSummary(f"E:\\HVSeed\\{FOLDER}", "SQL01", VM_ID, 1, 1)]
    verdict = judge(usb(file_system="FAT32"), files, existing_export_folders=existing)
    assert verdict.copy_bytes == 5 * GiB
    assert {DriveCode.FS_FILE_TOO_LARGE, DriveCode.FOLDER_EXISTS} <= {
        e.code for e in verdict.errors
    }
    (fs_error,) = [e for e in verdict.errors if e.code == DriveCode.FS_FILE_TOO_LARGE]
    assert "SQL01.vhdx (5.0 GiB)" in fs_error.message


def test_one_drive_that_takes_every_copy_beats_the_chosen_stick():
    """The admin chose F: (a FAT32 stick, no BitLocker); E: (1.8 TiB, BitLocker) takes all
    13 GiB: everything goes to E:, nothing is spread (before, DC01 went to E: and the rest to
    the unencrypted stick)."""
    e = usb(mount_point="E:\\", total_bytes=1800 * GiB, free_bytes=1800 * GiB)
    f = usb(
        mount_point="F:\\",
        label="STICK",
        file_system="FAT32",
        total_bytes=32 * GiB,
        free_bytes=30 * GiB,
        bitlocker=BitLockerStatus.OFF,
    )
    vms = [vm("DC01", 9), vm("LegacyApp", 3), vm("TinyLinux", 1)]
    plan = plan_drives(vms, [f, e], preferred="F:\\")
    assert plan.ok and not plan.spread
    assert {plan.drive_for(n) for n in ("DC01", "LegacyApp", "TinyLinux")} == {e}
    assert [a.volume for a in plan.assignments] == [f, e]  # every drive, in the order given
    assert "Spread" not in plan.summary


def test_the_chosen_drive_wins_when_it_takes_everything():
    e = usb(mount_point="E:\\", free_bytes=1800 * GiB)
    g = usb(mount_point="G:\\", file_system="exFAT", bitlocker=BitLockerStatus.OFF)
    plan = plan_drives([vm("a", 3), vm("b", 2)], [e, g], preferred="G:\\")
    assert plan.drive_for("a") == g and plan.drive_for("b") == g
    assert plan_drives([vm("a", 3), vm("b", 2)], [g, e]).drive_for("a") == e  # encrypted first


def test_spreading_prefers_encrypted_then_ntfs_and_says_why():
    plain = usb(mount_point="F:\\", free_bytes=60 * GiB, bitlocker=BitLockerStatus.OFF)
    exfat = usb(mount_point="G:\\", file_system="exFAT", free_bytes=60 * GiB)
    locked = usb(mount_point="H:\\", free_bytes=55 * GiB)
    plan = plan_drives([vm("a", 50), vm("b", 50), vm("c", 50)], [plain, exfat, locked])
    assert plan.ok and plan.spread
    assert plan.drive_for("a") == locked  # BitLocker on and NTFS first
    assert plan.drive_for("b") == exfat  # then BitLocker on (exFAT)
    assert plan.drive_for("c") == plain  # the unencrypted drive only when needed
    assert plan.total_bytes == 150 * GiB
    assert [v for v, _u in plan.alone] == [locked, exfat, plain]  # each tried alone first
    assert all(u.finding.code == DriveCode.SPACE_SHORT for _v, u in plan.alone)
    assert "no single drive takes every copy (150.0 GiB)" in plan.summary

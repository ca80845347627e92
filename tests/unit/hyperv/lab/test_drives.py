"""The lab's drives fail the way real ones do: FAT32's 4 GiB limit, a full drive, a pulled cable."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.host import JobState, ReplicationState
from hvseed_gui.hyperv.host_errors import NotFound
from hvseed_gui.hyperv.lab import Lab, ManualClock
from hvseed_gui.hyperv.lab.drives import FAT32_MAX_FILE
from tests.support.lab import GiB, finish, plan_for


def export(lab: Lab, clock: ManualClock, name: str, destination: str):
    a = lab.host("hv-a")
    vm = a.inventory().vm(name)
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, destination)
    return vm, finish(lambda: a.export_progress(started.handle), clock)


def test_fat32_fails_when_a_file_reaches_4_gib(lab, clock):
    vm, job = export(lab, clock, "DC01", "F:\\")
    assert job.state is JobState.FAILED
    assert "0x800700DF" in job.message and "DC01" in job.message
    partial = lab.real_path("hv-a", job.folder) / "Virtual Hard Disks" / "DC01.vhdx"
    assert partial.stat().st_size == FAT32_MAX_FILE  # the partial file stays
    assert job.bytes_done == FAT32_MAX_FILE
    status = lab.host("hv-a").replication_status(vm.ref)
    assert status.state is ReplicationState.READY_FOR_INITIAL_REPLICATION
    assert any("0x800700DF" in d for d in status.health_details)


def test_fat32_takes_a_vm_whose_files_are_all_below_4_gib(lab, clock):
    vm, job = export(lab, clock, "Buchhaltung Müller & O'Brien", "F:\\")
    assert job.state is JobState.COMPLETED
    assert job.folder == f"F:\\Buchhaltung Müller & O'Brien_{vm.id}"
    [summary] = lab.host("hv-a").export_folders("F:\\")
    assert summary.vm_name == "Buchhaltung Müller & O'Brien"
    listing = lab.host("hv-a").read_export_folder(summary.path)
    [xml] = listing.xml_texts.values()
    assert "Buchhaltung Müller &amp; O'Brien" in xml


def test_too_small_drive_fails_when_full(lab, clock):
    a = lab.host("hv-a")
    small = next(v for v in a.usb_volumes() if v.label == "SMALL")
    vm, job = export(lab, clock, "SQL01", "G:\\")
    assert job.state is JobState.FAILED and "0x80070070" in job.message
    assert job.bytes_done < job.bytes_total
    after = next(v for v in a.usb_volumes() if v.label == "SMALL")
    assert after.free_bytes < 4096  # filled up to the last bytes
    assert small.total_bytes - after.free_bytes >= job.bytes_done


def test_a_vm_that_just_fits_completes_and_uses_the_space(lab, clock):
    vm, job = export(lab, clock, "WEB01", "G:\\")
    assert job.state is JobState.COMPLETED
    small = next(v for v in lab.host("hv-a").usb_volumes() if v.label == "SMALL")
    assert small.free_bytes <= small.total_bytes - vm.initial_copy_size()


def test_unplugging_mid_export_fails_the_job_and_keeps_what_was_written(lab, clock):
    lab.configure(export_bytes_per_sec=1 * GiB)
    a = lab.host("hv-a")
    vm = a.inventory().vm("DC01")
    a.enable_replication(plan_for(vm), vm.ref)
    job = a.start_export(vm.ref, "E:\\")
    clock.advance(3)
    drive_id = lab.unplug("hv-a", "E")
    failed = a.export_progress(job.handle)
    assert failed.state is JobState.FAILED and "0x8007048F" in failed.message
    assert failed.bytes_done == 3 * GiB
    assert [v.label for v in a.usb_volumes()] == ["STICK", "SMALL"]
    with pytest.raises(NotFound):
        lab.real_path("hv-a", job.folder)
    volume = lab.plug(drive_id, "hv-a")
    assert volume.mount_point == "E:\\"  # the first free letter from D:
    clock.advance(10)
    assert a.export_progress(job.handle).bytes_done == 3 * GiB  # plugging back does not resume


def test_unplugging_mid_import_fails_it(lab, clock):
    lab.configure(import_bytes_per_sec=1 * GiB)
    vm, job = export(lab, clock, "DC01", "E:\\")
    b = lab.host("hv-b")
    lab.move_drive("hv-a", "E:", "hv-b", new_letter="K:")
    folder = job.folder.replace("E:", "K:")
    importing = b.start_import(vm.ref, folder)
    clock.advance(2)
    lab.unplug("hv-b", "K:")
    failed = b.import_progress(importing.handle)
    assert failed.state is JobState.FAILED and "0x8007048F" in failed.message
    assert b.replication_status(vm.ref).state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_paths_are_case_insensitive_and_real_paths_are_accepted(lab, clock):
    vm, job = export(lab, clock, "TinyLinux", "e:\\")
    a = lab.host("hv-a")
    lower = a.read_export_folder(job.folder.lower())
    assert lower.exists and lower.files
    real = lab.real_path("hv-a", job.folder)
    by_real = a.read_export_folder(str(real))
    assert by_real.path == job.folder  # reported in the host's own words
    assert {f.path for f in by_real.files} == {f.path for f in lower.files}
    assert a.export_folders(str(real.parent))[0].path == job.folder
    # a real path on a drive plugged into another host is reached through that host's share
    remote = lab.host("hv-b").read_export_folder(str(real))
    assert remote.path.startswith("\\\\hv-a\\E$\\")
    assert {f.path for f in remote.files} == {f.path for f in lower.files}
    # ... and not at all once the drive is unplugged
    lab.unplug("hv-a", "E:")
    with pytest.raises(NotFound):
        lab.host("hv-b").read_export_folder(str(real))


def test_read_export_folder_of_missing_folder_says_so(lab):
    listing = lab.host("hv-a").read_export_folder("E:\\Nothing_here")
    assert not listing.exists and listing.files == ()


def test_export_folders_of_missing_path_is_not_found(lab):
    with pytest.raises(NotFound):
        lab.host("hv-a").export_folders("E:\\missing")


def test_add_usb_volume_and_free_space_counts_files(lab):
    volume = lab.add_usb_volume("hv-b", "H", "COURIER", "NTFS", 500 * 10**9)
    assert (volume.mount_point, volume.is_usb, volume.free_bytes) == ("H:\\", True, 500 * 10**9)
    real = lab.real_path("hv-b", "H:\\notes.txt")
    real.write_bytes(b"x" * 1000)
    [seen] = lab.host("hv-b").usb_volumes()
    assert seen.free_bytes == 500 * 10**9 - 1000
    with pytest.raises(ValueError):
        lab.add_usb_volume("hv-b", "H:", "AGAIN", "NTFS", 10)


def test_move_drive_picks_a_free_letter_when_taken(lab):
    lab.add_usb_volume("hv-b", "E:", "LOCAL", "NTFS", 10**9)
    moved = lab.move_drive("hv-a", "E:", "hv-b")
    assert moved.label == "SEED-USB" and moved.mount_point not in ("E:\\",)
    assert {v.label for v in lab.host("hv-b").usb_volumes()} == {"LOCAL", "SEED-USB"}


def test_a_drive_scan_finds_exports_in_a_folder_below_the_root(lab, clock):
    vm, job = export(lab, clock, "TinyLinux", "E:\\HyperV-Seed")
    assert job.state is JobState.COMPLETED
    found = lab.host("hv-a").export_folders("E:\\")
    assert [(f.path, f.vm_id) for f in found] == [(job.folder, vm.id)]
    deeper = lab.real_path("hv-a", "E:\\a\\b")
    deeper.mkdir(parents=True)
    (deeper / f"{vm.name}_{vm.id}").mkdir()  # two levels down: not a seeding layout
    assert len(lab.host("hv-a").export_folders("E:\\")) == 1

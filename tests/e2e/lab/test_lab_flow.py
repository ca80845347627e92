"""The lab's happy path, end to end: enable → export → courier → import → test failover."""

from __future__ import annotations

import json

import defusedxml.ElementTree as SafeET
import pytest

from hvseed_gui.core.plan import PlanVm
from hvseed_gui.hyperv.host import (
    ExportHandle,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
)
from hvseed_gui.hyperv.lab import Lab, LabHost, ManualClock
from tests.support.lab import GiB, plan_for


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def lab(tmp_path, clock) -> Lab:
    lab = Lab.open(tmp_path / "lab", clock=clock)
    lab.configure(export_bytes_per_sec=2 * GiB, import_bytes_per_sec=4 * GiB)
    return lab


def head(path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(8)


def poll(step, clock: ManualClock, limit: int = 500):
    for _ in range(limit):
        progress = step()
        if progress.state.finished:
            return progress
        clock.advance(1.0)
    raise AssertionError("the job did not finish")


def test_default_lab_has_the_promised_hosts_vms_and_drives(lab: Lab):
    assert lab.host_names == ["hv-a.lab.local", "hv-b.lab.local", "hv-c.lab.local"]
    assert (lab.primary_name, lab.replica_name) == ("hv-a.lab.local", "hv-b.lab.local")
    a = lab.host("HV-A")
    assert isinstance(a, LabHost) and a.name == "hv-a.lab.local"
    inv = a.inventory()
    by_name = {vm.name: vm for vm in inv.vms}
    assert by_name["LegacyApp"].generation == 1
    assert by_name["LegacyApp"].vhds[0].format == "VHD"
    web = by_name["WEB01"].vhds[0]
    assert web.vhd_type == "Differencing" and len(web.parents) == 2
    assert by_name["WEB01"].initial_copy_size() == web.file_size + sum(
        p.file_size for p in web.parents
    )
    assert len(by_name["SQL01"].vhds) == 3
    assert max(v.file_size for v in by_name["SQL01"].vhds) == 40 * GiB
    assert 'Prüf-Server "Alt" O\'Brien' in by_name
    assert "already enabled" in by_name["EXCH01"].why_not_enableable()
    assert by_name["PXE-Boot"].why_not_enableable()
    volumes = {v.mount_point: v for v in a.usb_volumes()}
    assert set(volumes) == {"E:\\", "F:\\", "G:\\"}
    assert (volumes["F:\\"].file_system, volumes["G:\\"].file_system) == ("FAT32", "exFAT")
    assert all(v.is_usb and v.free_bytes == v.total_bytes for v in volumes.values())
    # the replica already holds EXCH01's replica; hv-c is not a replica server
    assert lab.host("hv-b").inventory().vm("EXCH01").replication_mode is ReplicationMode.REPLICA
    assert not lab.host("hv-c").replica_server_config().replication_enabled


def test_disk_files_are_sparse_with_a_signature(lab: Lab):
    real = lab.real_path("hv-a", "D:\\Hyper-V\\Virtual Hard Disks\\SQL01-Data.vhdx")
    assert real.stat().st_size == 40 * GiB
    assert real.stat().st_blocks * 512 < 1024 * 1024  # sparse: no real space used
    assert head(real) == b"vhdxfile"
    legacy = lab.real_path("hv-a", "d:\\hyper-v\\virtual hard disks\\legacyapp.vhd")
    assert head(legacy) == b"conectix"


def test_full_seeding_flow(lab: Lab, clock: ManualClock):
    a, b = lab.host("hv-a"), lab.host("hv-b.lab.local")
    vm = a.inventory().vm("DC01")
    status = a.enable_replication(plan_for(vm), vm.ref)
    assert status.state is ReplicationState.READY_FOR_INITIAL_REPLICATION
    assert status.mode is ReplicationMode.PRIMARY
    replica_vm = b.inventory().vm(vm.id)
    assert replica_vm.id == vm.id and replica_vm.name == "DC01"
    assert replica_vm.replication_mode is ReplicationMode.REPLICA
    assert replica_vm.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert replica_vm.replication_health is ReplicationHealth.WARNING
    waiting = b.replication_status(vm.ref)
    assert "Initial replication has not completed." in waiting.health_details

    job = a.start_export(vm.ref, "E:\\")
    assert job.state is JobState.RUNNING
    assert job.folder == f"E:\\DC01_{vm.id}"
    assert job.bytes_total == vm.initial_copy_size()
    assert a.inventory().vm(vm.id).replication_state is (
        ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
    )
    clock.advance(2)
    partial = a.export_progress(job.handle)
    assert partial.state is JobState.RUNNING and 0 < partial.bytes_done < partial.bytes_total
    done = poll(lambda: a.export_progress(job.handle), clock)
    assert done.state is JobState.COMPLETED and done.bytes_done == done.bytes_total
    assert done.replication_state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS

    folder = lab.real_path("hv-a", done.folder)
    disk = folder / "Virtual Hard Disks" / "DC01.vhdx"
    assert disk.stat().st_size == vm.vhds[0].file_size
    assert head(disk) == b"vhdxfile"
    xml = (folder / "Virtual Machines" / f"{vm.id}.xml").read_text(encoding="utf-8")
    root = SafeET.fromstring(xml)
    assert root.find("properties/global_id").text == vm.id

    # while the drive travels, deltas pile up on the replica
    lab.configure(delta_bytes_per_sec=1024 * 1024)
    clock.advance(600)
    travelling = b.replication_status(vm.ref)
    assert travelling.replica_delta_files
    assert travelling.replica_delta_files[0].path.lower().endswith(".avhdx")
    assert travelling.replica_delta_files[0].file_size > 100 * 1024 * 1024
    assert travelling.last_replication_time is not None
    avhdx = lab.real_path("hv-b", travelling.replica_delta_files[0].path)
    assert avhdx.stat().st_size == travelling.replica_delta_files[0].file_size

    volume = lab.move_drive("hv-a", "E:", "hv-b")
    assert volume.mount_point == "E:\\"
    assert a.usb_volumes()[0].mount_point == "F:\\"
    [summary] = b.export_folders("E:\\")
    assert (summary.vm_name, summary.vm_id) == ("DC01", vm.id)
    before = sorted((p.name, p.stat().st_size) for p in folder.rglob("*"))

    started = b.start_import(vm.ref, summary.path)
    assert started.state is JobState.RUNNING
    imported = poll(lambda: b.import_progress(started.handle), clock)
    assert imported.state is JobState.COMPLETED
    assert imported.replication_state is ReplicationState.REPLICATING

    replica_status = b.replication_status(vm.ref)
    assert (replica_status.state, replica_status.health) == (
        ReplicationState.REPLICATING,
        ReplicationHealth.NORMAL,
    )
    assert replica_status.replica_delta_files == ()
    assert not avhdx.exists()  # merged
    primary_status = a.replication_status(vm.ref)
    assert (primary_status.state, primary_status.health) == (
        ReplicationState.REPLICATING,
        ReplicationHealth.NORMAL,
    )
    assert primary_status.pending_replication_bytes == 0
    replica_disk = b.inventory().vm(vm.id).vhds[0]
    assert replica_disk.file_size == vm.vhds[0].file_size
    # the export folder is never modified by the import
    lab_folder = lab.real_path("hv-b", summary.path)
    assert sorted((p.name, p.stat().st_size) for p in lab_folder.rglob("*")) == before

    test = b.start_test_failover(vm.ref)
    assert test.running and test.test_vm_name == "DC01 - Test"
    test_vm = b.inventory().vm("DC01 - Test")
    assert test_vm.replication_mode is ReplicationMode.TEST_REPLICA
    assert b.replication_status(vm.ref).test_vm_name == "DC01 - Test"
    stopped = b.stop_test_failover(vm.ref)
    assert not stopped.running
    assert b.inventory().vm("DC01 - Test") is None


def test_differencing_chain_is_exported_with_parents_under_original_names(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("WEB01")
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, "E:\\")
    done = poll(lambda: a.export_progress(started.handle), clock)
    assert done.state is JobState.COMPLETED
    listing = a.read_export_folder(done.folder)
    sizes = {f.path: f.size for f in listing.files}
    disk = vm.vhds[0]
    assert sizes["Virtual Hard Disks/WEB01.vhdx"] == disk.file_size
    for parent in disk.parents:
        assert sizes[f"Virtual Hard Disks/{parent.path.rsplit(chr(92), 1)[-1]}"] == parent.file_size
    [xml] = listing.xml_texts.values()
    assert "Win2019-Base.vhdx" in xml and vm.id in xml


def test_gen1_vhd_keeps_its_format(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("LegacyApp")
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, "F:\\")  # every file is below 4 GiB: FAT32 is fine
    done = poll(lambda: a.export_progress(started.handle), clock)
    assert done.state is JobState.COMPLETED
    real = lab.real_path("hv-a", done.folder) / "Virtual Hard Disks" / "LegacyApp.vhd"
    assert head(real) == b"conectix"


def test_excluded_disk_is_not_exported(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("SQL01")
    log = next(v.path for v in vm.vhds if "Log" in v.path)
    plan = plan_for(vm).with_changes(vms=(PlanVm(vm.name, vm.id, (log,)),))
    a.enable_replication(plan, vm.ref)
    job = a.start_export(vm.ref, "E:\\")
    assert job.bytes_total == vm.initial_copy_size((log,))
    assert len(lab.host("hv-b").inventory().vm(vm.id).vhds) == 2


def test_state_and_jobs_persist_across_lab_objects(tmp_path, clock):
    first = Lab.open(tmp_path / "lab", clock=clock)
    first.configure(export_bytes_per_sec=1 * GiB, latency=0.0)
    a = first.host("hv-a")
    vm = a.inventory().vm("DC01")
    a.enable_replication(plan_for(vm), vm.ref)
    a.start_export(vm.ref, "E:\\")
    clock.advance(3)
    del first, a  # the GUI that started the export is gone

    second = Lab.open(tmp_path / "lab", create=False, clock=clock)
    assert second.settings["export_bytes_per_sec"] == 1 * GiB
    saved = ExportHandle(vm.ref, "E:\\")  # what a new process knows from its plan
    reattached = second.host("hv-a.lab.local").export_progress(saved)
    assert reattached.state is JobState.RUNNING
    assert reattached.bytes_done == 3 * GiB
    clock.advance(60)
    assert second.host("hv-a").export_progress(saved).state is JobState.COMPLETED
    state = json.loads((tmp_path / "lab" / "lab.json").read_text(encoding="utf-8"))
    assert state["hosts"]["hv-b.lab.local"]["vms"][vm.id]["repl"]["state"] == (
        "WaitingForInitialReplication"
    )


def test_export_progress_before_any_export_is_not_started(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    progress = a.export_progress(ExportHandle(vm.ref, "E:\\"))
    assert progress.state is JobState.NOT_STARTED
    assert progress.replication_state is ReplicationState.DISABLED


def test_calls_are_counted(lab):
    a = lab.host("hv-a")
    a.inventory()
    a.inventory()
    a.usb_volumes()
    assert a.stats.calls == {"inventory": 2, "usb_volumes": 1}

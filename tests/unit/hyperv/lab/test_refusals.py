"""Every refusal the lab owes: wrong state, wrong folder, wrong ID, replica not ready."""

from __future__ import annotations

import shutil

import pytest

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    ExportHandle,
    ImportHandle,
    JobState,
    ReplicaServerChange,
    ReplicationState,
)
from hvseed_gui.hyperv.host_errors import CmdletError, InvalidState, NotFound
from tests.support.lab import GiB, exported, finish, plan_for

# --- enabling ----------------------------------------------------------------------------------


def test_replica_not_enabled_fails_test_and_enable_until_fixed(lab):
    a, c = lab.host("hv-a"), lab.host("hv-c")
    vm = a.inventory().vm("TinyLinux")
    plan = plan_for(vm, replica="hv-c.lab.local")
    result = a.test_replication_connection(plan)
    assert not result.ok and "0x00002EFD" in result.message
    with pytest.raises(CmdletError, match="0x00002EFD"):
        a.enable_replication(plan, vm.ref)
    assert a.inventory().vm(vm.id).replication_state is ReplicationState.DISABLED
    assert c.inventory().vm(vm.id) is None

    problems = c.replica_server_config().problems_for(AuthenticationType.KERBEROS)
    assert any("not enabled as a Replica server" in p for p in problems)
    change = ReplicaServerChange(
        default_storage_location="D:\\Hyper-V Replica", enable_firewall_rules=(FIREWALL_RULE_HTTP,)
    )
    config = c.configure_replica_server(change)
    assert config.replication_enabled and config.firewall_rule_enabled(AuthenticationType.KERBEROS)
    assert a.test_replication_connection(plan).ok
    assert a.enable_replication(plan, vm.ref).state is (
        ReplicationState.READY_FOR_INITIAL_REPLICATION
    )
    assert c.inventory().vm(vm.id) is not None


def test_firewall_rule_off_fails_like_hyperv_without_saying_why(lab):
    a, c = lab.host("hv-a"), lab.host("hv-c")
    c.configure_replica_server(ReplicaServerChange(default_storage_location="D:\\Replica"))
    vm = a.inventory().vm("TinyLinux")
    plan = plan_for(vm, replica="hv-c")
    result = a.test_replication_connection(plan)
    assert not result.ok and "firewall" not in result.message.lower()
    with pytest.raises(CmdletError, match="could not be established"):
        a.enable_replication(plan, vm.ref)
    assert c.replica_server_config().firewall_rule_enabled(AuthenticationType.KERBEROS) is False


def test_wrong_port_and_wrong_auth_are_refused(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    assert not a.test_replication_connection(plan_for(vm, replica_port=8080)).ok
    cert = a.machine_certificates()[0]
    plan = plan_for(
        vm,
        authentication=AuthenticationType.CERTIFICATE,
        replica_port=443,
        certificate_thumbprint=cert.thumbprint,
    )
    assert not a.test_replication_connection(plan).ok  # hv-b accepts Kerberos only
    unknown = plan.with_changes(certificate_thumbprint="AB" * 20)
    assert "AB" * 20 in a.test_replication_connection(unknown).message


def test_unknown_replica_server(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    result = a.test_replication_connection(plan_for(vm, replica="hv-z.lab.local"))
    assert not result.ok and "No such host is known" in result.message


def test_primary_not_authorized_fails_only_at_enable(lab):
    a, b = lab.host("hv-a"), lab.host("hv-b")
    b.configure_replica_server(
        ReplicaServerChange(allow_any_server=False, default_storage_location="D:\\Hyper-V Replica")
    )
    vm = a.inventory().vm("TinyLinux")
    assert a.test_replication_connection(plan_for(vm)).ok
    with pytest.raises(CmdletError, match="not authorized") as caught:
        a.enable_replication(plan_for(vm), vm.ref)
    assert caught.value.category == "PermissionDenied"


def test_already_replicating_and_replica_vms_cannot_be_enabled(lab):
    a, b = lab.host("hv-a"), lab.host("hv-b")
    exch = a.inventory().vm("EXCH01")
    with pytest.raises(InvalidState, match="already enabled"):
        a.enable_replication(plan_for(exch), exch.ref)
    with pytest.raises(InvalidState, match="replica"):
        b.enable_replication(plan_for(exch, replica="hv-a"), exch.ref)


def test_vm_without_disks_and_unknown_vm(lab):
    a = lab.host("hv-a")
    pxe = a.inventory().vm("PXE-Boot")
    with pytest.raises(CmdletError, match="no virtual hard disk"):
        a.enable_replication(plan_for(pxe), pxe.ref)
    ghost = pxe.ref.__class__("Ghost", "00000000-0000-4000-8000-000000000001")
    with pytest.raises(NotFound):
        a.replication_status(ghost)


def test_invalid_frequency_is_a_parameter_error(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    with pytest.raises(CmdletError, match="frequency"):
        a.enable_replication(plan_for(vm, frequency_sec=60), vm.ref)


# --- export ------------------------------------------------------------------------------------


def test_export_needs_ready_for_initial_replication(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    with pytest.raises(InvalidState, match="not enabled"):
        a.start_export(vm.ref, "E:\\")
    a.enable_replication(plan_for(vm), vm.ref)
    a.start_export(vm.ref, "E:\\")
    with pytest.raises(InvalidState, match="InitialReplicationInProgress"):
        a.start_export(vm.ref, "G:\\")


def test_export_to_missing_drive_or_onto_a_file_is_not_found(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    lab.real_path("hv-a", "E:\\notes.txt").write_text("not a folder")
    with pytest.raises(NotFound, match="0x80070003"):
        a.start_export(vm.ref, "E:\\notes.txt")
    with pytest.raises(NotFound):
        a.start_export(vm.ref, "Q:\\")
    assert a.replication_status(vm.ref).state is ReplicationState.READY_FOR_INITIAL_REPLICATION


def test_export_creates_a_missing_destination_folder(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    job = a.start_export(vm.ref, "E:\\Seed\\2026")
    assert job.folder == f"E:\\Seed\\2026\\{vm.name}_{vm.id}"
    assert lab.real_path("hv-a", "E:\\Seed\\2026").is_dir()


def test_existing_export_folder_is_never_overwritten(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    existing = lab.real_path("hv-a", f"E:\\{vm.name}_{vm.id}")
    existing.mkdir()
    (existing / "keep.txt").write_text("old seed", encoding="utf-8")
    with pytest.raises(CmdletError, match="already exists"):
        a.start_export(vm.ref, "E:\\")
    assert (existing / "keep.txt").read_text(encoding="utf-8") == "old seed"
    assert sorted(p.name for p in existing.iterdir()) == ["keep.txt"]


def test_vm_name_windows_cannot_use_as_folder_fails_export(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm('Prüf-Server "Alt" O\'Brien')
    a.enable_replication(plan_for(vm), vm.ref)
    with pytest.raises(CmdletError, match="0x8007007B"):
        a.start_export(vm.ref, "E:\\")
    assert not any(lab.real_path("hv-a", "E:\\").iterdir())


def test_cancel_export_leaves_partial_folder_and_allows_no_second_cancel(lab, clock):
    lab.configure(export_bytes_per_sec=1 * GiB)
    a, b = lab.host("hv-a"), lab.host("hv-b")
    vm = a.inventory().vm("DC01")
    a.enable_replication(plan_for(vm), vm.ref)
    job = a.start_export(vm.ref, "E:\\")
    clock.advance(2)
    cancelled = a.cancel_export(job.handle)
    assert cancelled.state is JobState.CANCELLED and cancelled.bytes_done == 2 * GiB
    assert cancelled.replication_state is ReplicationState.READY_FOR_INITIAL_REPLICATION
    partial = lab.real_path("hv-a", job.folder) / "Virtual Hard Disks" / "DC01.vhdx"
    assert partial.stat().st_size == 2 * GiB  # left on the drive, never deleted
    clock.advance(10)
    assert a.export_progress(job.handle).bytes_done == 2 * GiB  # nothing more is written
    with pytest.raises(InvalidState):
        a.cancel_export(job.handle)
    assert b.replication_status(vm.ref).state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_cancel_after_completion_is_refused(lab, clock):
    vm, _folder = exported(lab, clock)
    with pytest.raises(InvalidState, match="already completed"):
        lab.host("hv-a").cancel_export(ExportHandle(vm.ref, "E:\\"))


# --- import ------------------------------------------------------------------------------------


def test_import_with_wrong_vm_id_names_both_ids_and_replica_keeps_waiting(lab, clock):
    vm, folder = exported(lab, clock, "TinyLinux")
    a, b = lab.host("hv-a"), lab.host("hv-b")
    other = a.inventory().vm("LegacyApp")
    a.enable_replication(plan_for(other), other.ref)
    lab.move_drive("hv-a", "E:", "hv-b")
    with pytest.raises(CmdletError) as caught:
        b.start_import(other.ref, folder)
    assert vm.id in str(caught.value) and other.id in str(caught.value)
    assert b.replication_status(other.ref).state is (
        ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    )
    assert b.import_progress(ImportHandle(other.ref, folder)).state is JobState.NOT_STARTED


def test_import_of_missing_folder_is_not_found(lab, clock):
    vm, folder = exported(lab, clock)
    b = lab.host("hv-b")
    lab.move_drive("hv-a", "E:", "hv-b")
    leaf = folder.rsplit("\\", 1)[-1]
    with pytest.raises(NotFound, match="0x80070003"):
        b.start_import(vm.ref, "E:\\Elsewhere\\" + leaf)


def test_import_of_a_folder_without_the_vm_id_is_refused_before_hyperv(lab, clock):
    # the seam's promise (as PowerShellHost): only the folder named <VMName>_<this VM's ID>
    vm, folder = exported(lab, clock)
    b = lab.host("hv-b")
    lab.move_drive("hv-a", "E:", "hv-b")
    before = dict(b.stats.calls)
    for wrong in (folder + "-renamed", "E:\\", "E:\\Seed"):
        with pytest.raises(InvalidState, match="does not end in the VM's ID"):
            b.start_import(vm.ref, wrong)
    assert b.stats.calls == before  # Hyper-V was never asked


def test_import_without_xml_fails_with_file_not_found(lab, clock):
    vm, folder = exported(lab, clock)
    lab.move_drive("hv-a", "E:", "hv-b")
    shutil.rmtree(lab.real_path("hv-b", folder) / "Virtual Machines")
    with pytest.raises(NotFound, match="0x80070002"):
        lab.host("hv-b").start_import(vm.ref, folder)


def test_import_with_unreadable_xml_fails(lab, clock):
    vm, folder = exported(lab, clock)
    lab.move_drive("hv-a", "E:", "hv-b")
    xml = lab.real_path("hv-b", folder) / "Virtual Machines" / f"{vm.id}.xml"
    xml.write_text("<configuration><properties>", encoding="utf-8")
    with pytest.raises(CmdletError, match="cannot be read"):
        lab.host("hv-b").start_import(vm.ref, folder)


def test_import_with_missing_or_truncated_disk_fails(lab, clock):
    vm, folder = exported(lab, clock)
    lab.move_drive("hv-a", "E:", "hv-b")
    b = lab.host("hv-b")
    disk = lab.real_path("hv-b", folder) / "Virtual Hard Disks" / "tiny-linux.vhdx"
    size = disk.stat().st_size
    with open(disk, "r+b") as handle:
        handle.truncate(size - 1)
    with pytest.raises(CmdletError, match="incomplete"):
        b.start_import(vm.ref, folder)
    disk.rename(disk.with_name("renamed.vhdx"))
    with pytest.raises(NotFound, match="tiny-linux.vhdx"):
        b.start_import(vm.ref, folder)
    assert b.replication_status(vm.ref).state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_import_only_on_a_waiting_replica(lab, clock):
    vm, folder = exported(lab, clock)
    lab.move_drive("hv-a", "E:", "hv-b")
    with pytest.raises(InvalidState, match="not a replica"):
        lab.host("hv-a").start_import(vm.ref, f"D:\\{vm.name}_{vm.id}")
    b = lab.host("hv-b")
    started = b.start_import(vm.ref, folder)
    with pytest.raises(InvalidState, match="already in progress"):
        b.start_import(vm.ref, folder)
    finish(lambda: b.import_progress(started.handle), clock)
    with pytest.raises(InvalidState, match="Replicating"):
        b.start_import(vm.ref, folder)


def test_import_from_a_partial_export_fails(lab, clock):
    lab.configure(export_bytes_per_sec=1 * GiB)
    a, b = lab.host("hv-a"), lab.host("hv-b")
    vm = a.inventory().vm("DC01")
    a.enable_replication(plan_for(vm), vm.ref)
    job = a.start_export(vm.ref, "E:\\")
    clock.advance(1)
    lab.move_drive("hv-a", "E:", "hv-b")  # pulled out mid-way
    with pytest.raises(CmdletError, match="incomplete"):
        b.start_import(vm.ref, job.folder)


# --- test failover -----------------------------------------------------------------------------


def test_test_failover_needs_a_replicating_replica(lab, clock):
    a, b = lab.host("hv-a"), lab.host("hv-b")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    with pytest.raises(InvalidState, match="WaitingForInitialReplication"):
        b.start_test_failover(vm.ref)
    with pytest.raises(InvalidState, match="not a replica"):
        a.start_test_failover(vm.ref)
    exch = b.inventory().vm("EXCH01")
    b.start_test_failover(exch.ref)
    with pytest.raises(InvalidState, match="already running"):
        b.start_test_failover(exch.ref)
    b.stop_test_failover(exch.ref)
    # as the real script: nothing to stop is an answer (running False), not an error
    again = b.stop_test_failover(exch.ref)
    assert (again.running, again.test_vm_name) == (False, "EXCH01 - Test")
    assert again.message == "No test failover VM exists; nothing was changed."


def test_certificate_replication_works_once_the_replica_accepts_it(lab):
    a, b = lab.host("hv-a"), lab.host("hv-b")
    replica_cert = b.machine_certificates()[0]
    b.configure_replica_server(
        ReplicaServerChange(
            allowed_authentication="CertificateAndKerberos",
            certificate_thumbprint=replica_cert.thumbprint,
            default_storage_location="D:\\Hyper-V Replica",
            enable_firewall_rules=("VIRT-HVRHTTPSL-In-TCP-NoScope",),
        )
    )
    vm = a.inventory().vm("TinyLinux")
    plan = plan_for(
        vm,
        authentication=AuthenticationType.CERTIFICATE,
        replica_port=443,
        certificate_thumbprint=a.machine_certificates()[0].thumbprint,
    )
    assert a.test_replication_connection(plan).ok
    status = a.enable_replication(plan, vm.ref)
    assert (status.authentication, status.replica_port) == ("Certificate", 443)
    with pytest.raises(CmdletError, match="thumbprint"):
        lab.host("hv-c").configure_replica_server(
            ReplicaServerChange(
                allowed_authentication="Certificate",
                certificate_thumbprint="AB" * 20,
                default_storage_location="D:\\R",
            )
        )

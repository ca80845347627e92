"""PowerShellHost against canned output in Windows PowerShell 5.1's shapes.

The fake runner below stands in for powershell.exe / WinRM: it returns what a Hyper-V host
would print. Fixtures in tests/fixtures/ps51 carry 5.1's quirks on purpose: one VM as a bare
object, "\\/Date(ms)\\/" dates, enums as numbers, null lists, {"value": [...], "Count": n}.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from hvseed_gui.core.plan import AuthenticationType, PlanVm, ReplicationPlan
from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    ExportHandle,
    ImportHandle,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import (
    AccessDenied,
    CmdletError,
    HyperVModuleMissing,
    InvalidState,
    MediaError,
    NotFound,
    ProtocolError,
)
from hvseed_gui.hyperv.powershell.ps_json import as_time
from hvseed_gui.hyperv.powershell.results import error_from_record
from hvseed_gui.hyperv.ps_host import PowerShellHost
from tests.support.ps51 import PS51, FakeRunner, fixture_host, result_line

VM = VmRef("SQL01", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")


# --- inventory ----------------------------------------------------------------------------------


def test_one_vm_as_bare_object_with_numeric_enums_and_null_parents():
    host, runner = fixture_host("inventory_one_vm.json", timeout=33.0)
    inventory = host.inventory()
    assert runner.timeouts == [33.0]
    assert inventory.host_name == "HV01.corp.local"
    (vm,) = inventory.vms
    assert vm.id == "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"
    assert vm.state == "Running"
    assert vm.replication_state is ReplicationState.READY_FOR_INITIAL_REPLICATION
    assert vm.replication_mode is ReplicationMode.PRIMARY
    assert vm.replication_health is ReplicationHealth.WARNING
    (disk,) = vm.vhds
    assert (disk.format, disk.vhd_type, disk.parents) == ("VHDX", "Dynamic", ())
    assert vm.initial_copy_size() == 42949672960
    assert inventory.vm("sql01") is vm


def test_list_of_vms_with_umlaut_names_and_parent_chains():
    host, _ = fixture_host("inventory_two_vms.json")
    inventory = host.inventory()
    assert [vm.name for vm in inventory.vms] == ["Prüfserver", "Web 'Frontend'"]
    pruef = inventory.vms[0]
    assert pruef.vhds[0].parents[0].path == "C:\\ClusterStorage\\V1\\Prüf\\disk.vhdx"
    assert pruef.initial_copy_size() == 1073741824 + 21474836480
    assert inventory.is_cluster_node and inventory.replica_broker == "HVR-Broker"
    assert inventory.vms[1].why_not_enableable().startswith("Replication is already enabled")


# --- replica server -----------------------------------------------------------------------------


def test_replica_config_with_wrapped_array_and_numeric_rule_state():
    host, _ = fixture_host("replica_config.json")
    config = host.replica_server_config()
    assert config.allowed_authentication == "CertificateAndKerberos"
    assert [e.allowed_primary_server for e in config.authorization_entries] == ["hv01.corp.local"]
    assert config.firewall_rule_enabled(AuthenticationType.KERBEROS) is False
    assert config.firewall_rule_enabled(AuthenticationType.CERTIFICATE) is True
    problems = config.problems_for(AuthenticationType.KERBEROS, "hv01.corp.local")
    assert problems == ["The firewall rule for the Kerberos listener is disabled on HVR01."]


def test_machine_certificates_keep_only_client_and_server_auth_with_key():
    host, _ = fixture_host("certificates.json")
    (cert,) = host.machine_certificates()
    assert cert.thumbprint == "0123456789ABCDEF0123456789ABCDEF01234567"
    assert cert.dns_names == ("hv01.corp.local",)  # one name came as a bare string
    assert cert.not_after == datetime(2030, 1, 1, tzinfo=timezone.utc)


def _plan() -> ReplicationPlan:
    return ReplicationPlan(
        primary_host="hv01", vms=(PlanVm(VM.name, VM.id),), replica_server="hvr01.corp.local"
    )


def test_connection_test_failure_is_a_result_not_an_exception():
    record = {
        "category": "InvalidOperation",
        "cmdlet": "Test-VMReplicationConnection",
        "message": "Hyper-V failed to authenticate the Replica server (0x80090303).",
        "fqid": "InvalidOperation,Microsoft.HyperV.PowerShell.Commands.TestVMReplicationConnection",
        "hresult": -2146233079,
    }
    doc = {"ok": True, "data": {"ok": False, "message": record["message"], "error": record}}
    host = PowerShellHost(FakeRunner(result_line(doc)))
    result = host.test_replication_connection(_plan())
    assert result.ok is False
    assert "0x80090303" in result.message


def test_connection_test_access_denied_raises():
    record = {"category": "PermissionDenied", "cmdlet": "Test-VMReplicationConnection"}
    doc = {"ok": True, "data": {"ok": False, "message": "denied", "error": record}}
    with pytest.raises(AccessDenied):
        PowerShellHost(FakeRunner(result_line(doc))).test_replication_connection(_plan())


# --- status and progress ------------------------------------------------------------------------


def test_status_with_ms_date_numeric_enums_and_single_delta():
    host, _ = fixture_host("status_replica.json")
    status = host.replication_status(VM)
    assert status.mode is ReplicationMode.REPLICA
    assert status.state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert status.health is ReplicationHealth.WARNING
    assert status.health_details == ()
    assert status.last_replication_time == datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)
    assert status.pending_replication_bytes is None
    assert [f.file_size for f in status.replica_delta_files] == [524288000]


def test_export_running_reports_hyperv_percent_and_bytes():
    host, _ = fixture_host("progress_export_running.json")
    progress = host.export_progress(ExportHandle(VM, "E:\\Seed"))
    assert progress.state is JobState.RUNNING
    assert progress.percent == 42.0
    assert progress.fraction == pytest.approx(18039682662 / 42949672960)
    assert progress.started == datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)


def test_export_failed_on_full_disk_says_what_to_do():
    host, _ = fixture_host("progress_export_failed.json")
    progress = host.export_progress(ExportHandle(VM, "E:\\Seed"))
    assert progress.state is JobState.FAILED
    assert "not enough space" in progress.message
    assert "NTFS" in progress.message
    assert progress.started is not None and progress.started.utcoffset().total_seconds() == 3600


def test_export_finished_when_job_is_gone_and_state_moved_on():
    host, _ = fixture_host("progress_export_finished_no_job.json")
    progress = host.export_progress(ExportHandle(VM, "E:\\Seed"))
    assert progress.state is JobState.COMPLETED
    assert progress.fraction == 1.0


def test_start_export_returns_running_and_later_polls_measure_the_same_folder():
    started = {
        "ok": True,
        "data": {
            "vm_name": "SQL01",
            "vm_id": VM.id,
            "kind": "export",
            "replication_state": "InitialReplicationInProgress",
            "jobs": [],
            "unattributed_running": 0,
            "method_return": 4096,
            "folder": "E:\\Seed\\SQL01_" + VM.id.upper(),
            "bytes_done": 0,
            "bytes_total": 100,
            "started": "2024-05-01T10:00:00.0000000+02:00",
        },
    }
    runner = FakeRunner(result_line(started))
    host = PowerShellHost(runner)
    progress = host.start_export(VM, "E:\\Seed")
    assert progress.state is JobState.RUNNING  # the job was just created
    assert progress.started.hour == 10
    host.export_progress(progress.handle)
    assert ps.decode_blob(runner.scripts[1])["Destination"] == "E:\\Seed"
    assert host.stats.calls == {"start_export": 1, "export_progress": 1}
    fresh = FakeRunner(result_line(started))  # a new object given the handle measures the same
    PowerShellHost(fresh).export_progress(progress.handle)
    assert ps.decode_blob(fresh.scripts[0]) == ps.decode_blob(runner.scripts[1])


def test_cancel_reports_cancelled():
    doc = json.loads((PS51 / "progress_export_running.json").read_text(encoding="utf-8"))
    doc["data"]["jobs"]["job_state"] = 9  # Killed
    doc["data"]["stopped"] = True
    host = PowerShellHost(FakeRunner(result_line(doc)))
    assert host.cancel_export(ExportHandle(VM, "E:\\Seed")).state is JobState.CANCELLED


def test_import_refuses_another_vms_folder_without_a_round_trip():
    runner = FakeRunner("")
    host = PowerShellHost(runner)
    with pytest.raises(InvalidState, match="A60B7520-724D-4708-8C09-56F6438930D9"):
        host.start_import(VM, "F:\\Prüfserver_A60B7520-724D-4708-8C09-56F6438930D9")
    assert runner.scripts == []


def test_import_progress_completed_once_replicating():
    doc = {
        "ok": True,
        "data": {"kind": "import", "replication_state": "Replicating", "jobs": None},
    }
    folder = f"F:\\SQL01_{VM.id}"
    progress = PowerShellHost(FakeRunner(result_line(doc))).import_progress(
        ImportHandle(VM, folder)
    )
    assert (progress.kind, progress.state) == ("import", JobState.COMPLETED)


# --- drives and folders -------------------------------------------------------------------------


def test_usb_volume_as_bare_object_with_numeric_bitlocker_and_bus():
    host, _ = fixture_host("usb_volumes.json")
    (volume,) = host.usb_volumes()
    assert volume.is_usb and volume.mount_point == "E:\\"
    assert volume.bitlocker is BitLockerStatus.ON
    assert volume.serial == "WD-WX12345678"


def test_folder_listing_with_single_xml_record_and_null_errors():
    host, _ = fixture_host("folder_listing.json")
    listing = host.read_export_folder("E:\\Seed\\x")
    assert listing.name == "Prüfserver_A60B7520-724D-4708-8C09-56F6438930D9"
    assert len(listing.files) == 2
    (text,) = listing.xml_texts.values()
    assert text == '<?xml version="1.0"?><configuration/>'
    assert listing.xml_errors == {}


def test_pruefserver_round_trips_through_the_blob_and_the_result_line():
    """Python → base64 blob → (host decodes, answers in UTF-8 base64) → Python, byte-exact."""

    def powershell(script: str) -> str:
        data = ps.decode_blob(script)  # what the script's first line does on the host
        name = data["Path"].rsplit("\\", 1)[-1]
        folder = {"path": data["Path"] + "\\" + name + "_" + VM.id.upper(), "vm_name": name}
        folder |= {"vm_id": VM.id, "total_bytes": 1, "file_count": 1}
        # An OEM (cp850) console would turn "ü" into "\x81"; the marker line is immune.
        noise = "Pr\u00fcfserver".encode().decode("cp850")
        return noise + "\n" + result_line({"ok": True, "data": {"folders": folder}})

    host = PowerShellHost(FakeRunner(powershell))
    (found,) = host.export_folders("E:\\Prüfserver")
    assert found.vm_name == "Prüfserver"
    assert found.path == "E:\\Prüfserver\\Prüfserver_" + VM.id.upper()


# --- errors -------------------------------------------------------------------------------------


def test_error_fixture_maps_to_access_denied_with_hyperv_words():
    host, _ = fixture_host("error_access_denied.json", display_name="HV01")
    with pytest.raises(AccessDenied) as info:
        host.inventory()
    assert "required permission" in str(info.value)
    assert "Hyper-V Administrators" in str(info.value)


@pytest.mark.parametrize(
    "record,kind,words",
    [
        (
            {"category": "ObjectNotFound", "cmdlet": "Get-VM", "message": "No VM."},
            NotFound,
            "No VM.",
        ),
        (
            {"category": "InvalidOperation", "cmdlet": "Invoke-CimMethod", "code": 32775},
            InvalidState,
            "replication state",
        ),
        (
            {
                "category": "InvalidOperation",
                "cmdlet": "Start-VMInitialReplication",
                "message": "The operation cannot be performed while the object is in its "
                "current state.",
            },
            InvalidState,
            "current state",
        ),
        (
            {"category": "WriteError", "message": "Disk full", "hresult": -2147024784},
            MediaError,
            "NTFS",
        ),
        (
            {
                "category": "NotSpecified",
                "message": "The file is too large for the destination file system.",
            },
            MediaError,
            "too large",
        ),
        (
            {
                "category": "NotInstalled",
                "fqid": "Hvseed.HyperVModuleMissing",
                "message": "No module.",
            },
            HyperVModuleMissing,
            "Install-WindowsFeature",
        ),
        (
            {
                "category": "ObjectNotFound",
                "fqid": "CommandNotFoundException",
                "message": "The term 'Hyper-V\\Get-VM' is not recognized as the name of a cmdlet.",
            },
            HyperVModuleMissing,
            "Hyper-V PowerShell module",
        ),
        (
            {"category": "NotSpecified", "code": 32769, "message": "x"},
            AccessDenied,
            "Administrators",
        ),
        (
            {
                "category": "ResourceExists",
                "cmdlet": "Start-VMInitialReplication",
                "message": "Exists.",
            },
            CmdletError,
            "Move the existing folder",
        ),
        (
            {
                "category": "InvalidOperation",
                "cmdlet": "Enable-VMReplication",
                "message": "Hyper-V failed.",
            },
            CmdletError,
            "event log",
        ),
    ],
)
def test_error_records_map_to_our_types(record, kind, words):
    error = error_from_record(record, host="HV01")
    assert type(error) is kind
    assert words in str(error)
    if isinstance(error, CmdletError):
        assert error.cmdlet == record.get("cmdlet", "")


def test_error_record_without_message_still_reads_as_a_sentence():
    error = error_from_record({"category": "NotSpecified", "cmdlet": "Get-VHD"}, host="HV01")
    assert str(error).startswith("Get-VHD failed on HV01 (NotSpecified).")


def test_missing_marker_is_a_protocol_error_with_stderr():
    stderr = "File C:\\x.ps1 cannot be loaded because running scripts is disabled on this system."
    runner = FakeRunner("", stderr=stderr, exit_code=1)
    with pytest.raises(ProtocolError) as info:
        PowerShellHost(runner).usb_volumes()
    assert "running scripts is disabled" in str(info.value)


@pytest.mark.parametrize(
    "stdout",
    [
        ps.RESULT_MARKER + "%%%not-base64%%%",
        result_line("this is not json"),
        result_line({"no": "ok field"}),
        result_line({"ok": False, "errors": None}),
    ],
)
def test_garbage_result_is_a_protocol_error(stdout):
    with pytest.raises(ProtocolError):
        PowerShellHost(FakeRunner(stdout)).usb_volumes()


def test_bad_vm_id_becomes_a_host_error_not_a_traceback():
    runner = FakeRunner("")
    with pytest.raises(CmdletError, match="not a valid VM ID"):
        PowerShellHost(runner).replication_status(VmRef("x", "nope"))
    assert runner.scripts == []


@pytest.mark.parametrize(
    "value,expected",
    [
        ("/Date(0)/", datetime(1970, 1, 1, tzinfo=timezone.utc)),
        ("/Date(1700000000000)/", datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)),
        (
            {"value": "/Date(1700000000000)/", "DisplayHint": 2},
            datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc),
        ),
        (
            "2023-11-14T22:13:20.1234567Z",
            datetime(2023, 11, 14, 22, 13, 20, 123456, tzinfo=timezone.utc),
        ),
        ("0001-01-01T00:00:00.0000000", None),
        ("", None),
        (None, None),
    ],
)
def test_times_in_every_shape(value, expected):
    assert as_time(value) == expected

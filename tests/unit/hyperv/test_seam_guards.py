"""Guards of the Hyper-V seam: what a script refuses before Hyper-V acts, and how it says so.

Script checks read the rendered PowerShell (the order of guard and cmdlet matters); behaviour
checks run PowerShellHost on canned results and the lab, which must answer like a real host.
"""

from __future__ import annotations

import re
import shutil

import pytest

from hvseed_gui.core.plan import PlanVm, ReplicationPlan
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import JobState, ReplicationMode, ReplicationState, VmRef
from hvseed_gui.hyperv.host_errors import HyperVError, InvalidState, OperationTimeout
from hvseed_gui.hyperv.powershell.results import error_from_record, parse_result
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners import RunResult, policy_problem
from tests.support.lab import exported
from tests.support.ps51 import FakeRunner, result_line

VM = VmRef("SQL01", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")
GiB = 1024**3


def _before(source: str, guard: str, action: str) -> bool:
    return 0 <= source.index(guard) < source.index(action)


# --- §4 Stop-VMFailover only for a test failover --------------------------------------------


def test_stop_test_failover_refuses_failover_states_before_stop_vmfailover():
    source = ps.render_stop_test_failover(VM).source
    assert _before(source, "-notcontains $replicaState", "Hyper-V\\Stop-VMFailover")
    allowed = re.search(r"@\(('Replicating'[^)]*)\) -notcontains \$replicaState", source)
    states = {s.strip(" '") for s in allowed.group(1).split(",")}
    assert states == {"Replicating", "Suspended", "Error", "FiredrillInProgress"}
    for real_failover in ("PreparedForFailover", "FailedOverWaitingCompletion", "FailedOver"):
        assert real_failover not in states


def test_test_vm_fallback_requires_test_replica_mode():
    source = ps.render_stop_test_failover(VM).source
    fallback = source[source.index("$wanted = [string]$VM.Name + ' - Test'") :]
    line = fallback[fallback.index("if ([string]$candidate.Name") :].split("\n", 1)[0]
    assert "-ceq $wanted -and [string]$candidate.ReplicationMode -eq 'TestReplica'" in line


def test_refusal_of_a_real_failover_reads_as_invalid_state():
    record = {
        "category": "InvalidOperation",
        "cmdlet": "Stop-VMFailover",
        "message": "Not stopping anything: SQL01 is in replication state FailedOver, which "
        "belongs to a real failover, not a test failover.",
        "fqid": "Hvseed.InvalidReplicationState",
        "code": 32775,
    }
    host = PowerShellHost(FakeRunner(result_line({"ok": False, "errors": record})))
    with pytest.raises(InvalidState, match="real failover"):
        host.stop_test_failover(VM)


def test_lab_stop_test_failover_refuses_in_a_failover_state(lab):
    b = lab.host("hv-b")
    exch = b.inventory().vm("EXCH01")
    b.start_test_failover(exch.ref)
    with lab.world() as w:  # a (planned) failover began meanwhile
        w.host("hv-b.lab.local")["vms"][exch.id]["repl"]["state"] = "PreparedForFailover"
    with pytest.raises(InvalidState, match="real failover"):
        b.stop_test_failover(exch.ref)
    assert b.inventory().vm("EXCH01 - Test") is not None  # nothing was removed


# --- §5 import only from this VM's folder ---------------------------------------------------


@pytest.mark.parametrize(
    "folder", ["E:\\Seed", "E:\\", "E:\\SQL01_renamed", "F:\\SQL01_6f1c2a3b-4d5e-4f60-8a9b"]
)
def test_powershell_import_refuses_a_folder_without_the_vm_id(folder):
    runner = FakeRunner("")
    with pytest.raises(InvalidState, match="does not end in the VM's ID"):
        PowerShellHost(runner).start_import(VM, folder)
    assert runner.scripts == []  # refused before any script ran


# --- §6 export only from a primary; cancel only while a job runs ----------------------------


def test_start_export_refuses_a_non_primary_before_startreplication():
    source = ps.render_start_export(VM, "E:\\Seed").source
    assert _before(source, "if ($mode -ne 'Primary')", "-MethodName 'StartReplication'")
    assert "'NotAPrimary'" in source


def test_cancel_checks_for_a_running_job_before_stop_and_skips_the_size():
    source = ps.render_cancel_export(VM, "E:\\Seed", "JOB").source
    assert _before(source, "-Id 'ExportFinished'", "Hyper-V\\Stop-VMInitialReplication")
    assert _before(source, "$state -ne 'InitialReplicationInProgress'", "Stop-VMInitialReplica")
    assert "Get-HvseedInitialSize" not in source  # §12: a cancel reads no VHD chain
    assert ps.decode_blob(source)["JobId"] == "JOB"


def test_export_finished_refusal_reads_like_the_lab():
    record = {
        "category": "InvalidOperation",
        "cmdlet": "Stop-VMInitialReplication",
        "message": "The initial replication of SQL01 cannot be stopped: Hyper-V runs no export "
        "job for it any more, so the export to external media has already ended.",
        "fqid": "Hvseed.ExportFinished",
    }
    error = error_from_record(record)
    assert isinstance(error, InvalidState)
    assert "ship the drive" in str(error)


# --- §7 the lab answers like a real host ----------------------------------------------------


def test_lab_status_of_a_vm_without_replication_is_disabled(lab):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    status = a.replication_status(vm.ref)
    assert (status.state, status.mode) == (ReplicationState.DISABLED, ReplicationMode.NONE)
    assert status.vm == vm.ref and status.pending_replication_bytes is None


def test_lab_import_without_xml_is_a_setting(lab, clock):
    vm, folder = exported(lab, clock)
    lab.move_drive("hv-a", "E:", "hv-b")
    shutil.rmtree(lab.real_path("hv-b", folder) / "Virtual Machines")
    lab.configure(require_config_xml=False)
    b = lab.host("hv-b")
    started = b.start_import(vm.ref, folder)
    for _ in range(100):
        progress = b.import_progress(started.handle)
        if progress.state.finished:
            break
        clock.advance(1)
    assert progress.state is JobState.COMPLETED
    assert b.replication_status(vm.ref).state is ReplicationState.REPLICATING


# --- §9 a timeout on a changing operation may have changed something -------------------------


class TimeoutRunner:
    description = "hv01 (slow)"

    def run(self, script, *, timeout, secrets=None) -> RunResult:
        raise OperationTimeout(f"hv01 did not finish the operation within {timeout:g} seconds.")


def test_timeout_of_a_changing_operation_says_check_before_retrying():
    host = PowerShellHost(TimeoutRunner(), timeout=5)
    plan = ReplicationPlan(primary_host="hv01", vms=(PlanVm(VM.name, VM.id),), replica_server="r")
    for call in (
        lambda: host.enable_replication(plan, VM),
        lambda: host.start_export(VM, "E:\\Seed"),
        lambda: host.start_import(VM, f"F:\\SQL01_{VM.id}"),
    ):
        with pytest.raises(OperationTimeout) as caught:
            call()
        text = str(caught.value)
        assert "within 5 seconds" in text
        assert "may have completed" in text and "replication state before you try again" in text
    with pytest.raises(OperationTimeout) as caught:
        host.enable_bitlocker("E:", "a-long-password")
    assert "recovery password" in str(caught.value)
    with pytest.raises(OperationTimeout) as caught:
        host.inventory()  # reads only: the usual hint
    assert "may have completed" not in str(caught.value)


# --- §10 script policies in words -------------------------------------------------------------

POLICY_STDERR = (
    "File C:\\Users\\adm\\AppData\\Local\\Temp\\hvseed-abc.ps1 cannot be loaded because running "
    "scripts is disabled on this system. For more information, see about_Execution_Policies at "
    "https:/go.microsoft.com/fwlink/?LinkID=135170.\n    + CategoryInfo          : "
    "SecurityError: (:) [], ParentContainsErrorRecordException"
)


def test_execution_policy_failure_is_a_sentence_naming_the_policy():
    error = policy_problem(POLICY_STDERR)
    assert error is not None
    text = str(error)
    assert "execution policy" in text and "Group Policy" in text
    assert "Get-ExecutionPolicy -List" in text and "WinRM" in text


def test_constrained_language_record_is_a_sentence_naming_the_mode():
    record = {
        "category": "InvalidOperation",
        "message": "Cannot invoke method. Method invocation is supported only on core types in "
        "this language mode.",
        "fqid": "MethodInvocationNotSupportedInConstrainedLanguage",
    }
    error = error_from_record(record, host="hv01")
    assert "ConstrainedLanguage mode" in str(error) and "hv01" in str(error)


def test_ordinary_stderr_without_result_stays_a_protocol_error():
    assert policy_problem("Get-VM : Hyper-V was unable to find a virtual machine") is None
    with pytest.raises(HyperVError, match="ended without a result"):
        parse_result(RunResult("", "something else broke", 1))


# --- §11 full paths only; one existing-export check --------------------------------------------


def _absolute_pattern() -> re.Pattern[str]:
    source = ps.render_start_export(VM, "E:\\Seed").source
    literal = re.search(r"\$rooted = \(\[string\]\$Path\) -match '([^']+)'", source).group(1)
    return re.compile(literal)  # .NET and Python read this pattern alike


@pytest.mark.parametrize(
    "path, full",
    [
        ("E:\\Seed", True),
        ("e:\\", True),
        ("\\\\nas01\\seed\\x", True),
        ("\\\\nas01\\seed", True),
        ("E:Seed", False),  # drive-relative: IsPathRooted said True
        ("\\Seed", False),  # relative to the current drive
        ("Seed", False),
        ("\\\\nas01", False),
    ],
)
def test_only_full_paths_pass(path, full):
    assert bool(_absolute_pattern().match(path)) is full


def test_plan_script_uses_the_same_existing_export_check():
    plan = ReplicationPlan(
        primary_host="hv01",
        vms=(PlanVm(VM.name, VM.id),),
        replica_server="r",
        destination_path="E:\\Seed",
    )
    source = ps.render_plan_script(plan)
    assert "function Find-HvseedExportFolder" in source
    assert "$existing = Find-HvseedExportFolder -Destination $destination -VM $vm" in source
    gui = ps.render_start_export(VM, "E:\\Seed").source
    helper = source[source.index("function Find-HvseedExportFolder") :]
    helper = helper[: helper.index("\n}\n") + 3]
    assert helper in ps.for_admins(gui)  # word for word the check the wizard's export runs


# --- §12 one folder-size loop -------------------------------------------------------------------


def test_folder_sizes_are_summed_in_one_helper():
    for source in (
        ps.render_export_folders("E:\\").source,
        ps.render_export_progress(VM, "E:\\Seed").source,
    ):
        # one walk, one level at a time (5.1's -Recurse would follow junctions)
        assert source.count("(Get-HvseedTree -Root $Folder).files") == 1
        assert source.count("function Get-HvseedTree") == 1
        assert "-Recurse" not in source
        assert "function Measure-HvseedFolder" in source

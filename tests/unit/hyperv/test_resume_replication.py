"""resume_replication: Resume-VMReplication [-Resynchronize] as one script, and the lab's
state machine for it (Suspended/Error -> Replicating; WaitingForStartResynchronize needs
-Resynchronize -> Resynchronizing -> Replicating)."""

from __future__ import annotations

import json

import pytest

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import ReplicationHealth, ReplicationState, VmRef
from hvseed_gui.hyperv.host_errors import InvalidState
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.ps_host import PowerShellHost
from tests.support.ps51 import FakeRunner, result_line
from tests.support.ps_scripts import PARSER, _bad_nodes, parameter_problems

VM = VmRef("SQL01", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")


@pytest.mark.parametrize("resync", [False, True])
def test_script_resolves_the_vm_by_id_and_uses_one_documented_set(resync):
    script = ps.render_resume_replication(VM, resync)
    assert script.operation == "resume_replication"
    assert ps.decode_blob(script.source) == {"VMId": VM.id.upper(), "Resynchronize": resync}
    assert "Get-HvseedVM -Id $in.VMId" in script.source and "-VMName $" not in script.source
    assert "Resume-VMReplication @resume" in script.source
    assert not _bad_nodes(PARSER.parse(script.source.encode()).root_node)
    assert parameter_problems(script.source) == []


def test_powershell_host_parses_the_status_after_resume_in_51_shape():
    answer = {
        "ok": True,
        "data": {
            "vm_name": "SQL01",
            "vm_id": VM.id,
            "mode": "Primary",
            "state": "Resynchronizing",
            "health": "Warning",
            "health_details": None,  # 5.1: an empty list may come as null
            "replica_server": "hvr01.corp.local",
            "replica_port": 80,
            "last_replication_time": "\\/Date(1700000000000)\\/",
            "replica_delta_files": None,
        },
    }
    runner = FakeRunner(result_line(json.dumps(answer)))
    status = PowerShellHost(runner).resume_replication(VM, resynchronize=True)
    assert status.state is ReplicationState.RESYNCHRONIZING
    assert ps.decode_blob(runner.scripts[0])["Resynchronize"] is True


def test_powershell_host_maps_hyperv_refusal_to_invalid_state():
    refusal = {
        "ok": False,
        "errors": [
            {
                "category": "InvalidOperation",
                "cmdlet": "Resume-VMReplication",
                "message": "Der Vorgang ist im aktuellen Zustand nicht zulässig.",
                "fqid": "InvalidOperation,Microsoft.HyperV.PowerShell.Commands.ResumeVMReplication",
                "hresult": -2146233079,
                "code": 32775,
            }
        ],
    }
    runner = FakeRunner(result_line(json.dumps(refusal)))
    with pytest.raises(InvalidState):
        PowerShellHost(runner).resume_replication(VM)


@pytest.fixture
def lab(tmp_path, clock) -> Lab:
    return Lab.open(tmp_path / "lab", clock=clock)


def _exch(lab: Lab) -> VmRef:
    vm = lab.host("hv-a").inventory().vm("EXCH01")
    assert vm.replication_state is ReplicationState.REPLICATING
    return vm.ref


@pytest.mark.parametrize("fallen", ["Suspended", "Error"])
def test_lab_resumes_suspended_or_error(lab, fallen):
    a, ref = lab.host("hv-a"), _exch(lab)
    lab.interrupt_replication("hv-a", ref.id, fallen, "The link was down.")
    assert a.replication_status(ref).state.value == fallen
    status = a.resume_replication(ref)
    assert status.state is ReplicationState.REPLICATING
    assert status.health is ReplicationHealth.NORMAL


def test_lab_needs_resynchronize_when_hyperv_waits_for_it(lab, clock):
    a, ref = lab.host("hv-a"), _exch(lab)
    lab.interrupt_replication("hv-a", ref.id, "WaitingForStartResynchronize")
    with pytest.raises(InvalidState, match="resynchronization"):
        a.resume_replication(ref)
    assert a.replication_status(ref).state is ReplicationState.WAITING_FOR_START_RESYNCHRONIZE
    status = a.resume_replication(ref, resynchronize=True)
    assert status.state is ReplicationState.RESYNCHRONIZING
    clock.advance(60)
    assert a.replication_status(ref).state is ReplicationState.RESYNCHRONIZING
    clock.advance(61)
    assert a.replication_status(ref).state is ReplicationState.REPLICATING


def test_lab_refuses_to_resume_what_is_not_interrupted(lab):
    a = lab.host("hv-a")
    with pytest.raises(InvalidState, match="cannot be resumed"):
        a.resume_replication(_exch(lab))
    fresh = a.inventory().vm("DC01")
    with pytest.raises(InvalidState, match="not enabled"):
        a.resume_replication(fresh.ref)


def test_a_resume_cut_by_our_deadline_says_it_may_have_happened():
    from hvseed_gui.hyperv.host_errors import OperationTimeout

    class Slow:
        description = "hv01 (slow)"

        def run(self, script, *, timeout, secrets=None):
            raise OperationTimeout("PowerShell on hv01 did not finish within 1 seconds.")

    with pytest.raises(OperationTimeout) as caught:
        PowerShellHost(Slow(), timeout=1).resume_replication(VM)
    assert "may have completed on the host anyway" in caught.value.hint

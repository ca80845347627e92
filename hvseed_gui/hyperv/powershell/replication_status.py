"""Replication status, resume, and test failover of one VM: render and parse side by side."""

from __future__ import annotations

from typing import Any

from hvseed_gui.hyperv.host import (
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
    TestFailoverResult,
    VmRef,
)
from hvseed_gui.hyperv.host_types import NOTHING_TO_STOP
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import (
    HEALTH_NUMBERS,
    MODE_NUMBERS,
    STATE_NUMBERS,
    as_bool,
    as_int,
    as_list,
    as_opt_int,
    as_text,
    as_time,
    parse_enum,
    vhd_file,
    vm_ref,
)
from hvseed_gui.hyperv.powershell.script import Script, checked_vm_id


def render_replication_status(vm: VmRef) -> Script:
    """Get-VMReplication and Measure-VMReplication merged for one VM."""
    body = ps1("replication_status")
    data = {"VMId": checked_vm_id(vm)}
    return render("replication_status", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


def render_resume_replication(vm: VmRef, resynchronize: bool = False) -> Script:
    """Resume-VMReplication for one VM (VMObject set), with -Resynchronize when asked.

    Hyper-V decides whether the state allows it (Suspended, Error, WaitingForStartResynchronize,
    ResynchronizeSuspended); its refusal comes back as an error record.
    """
    body = ps1("resume_replication")
    data = {"VMId": checked_vm_id(vm), "Resynchronize": bool(resynchronize)}
    return render("resume_replication", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


def parse_status(data: Any, vm: VmRef) -> ReplicationStatus:
    data = data if isinstance(data, dict) else {}
    return ReplicationStatus(
        vm=vm_ref(data, vm),
        mode=parse_enum(ReplicationMode, data.get("mode"), MODE_NUMBERS),
        state=parse_enum(ReplicationState, data.get("state"), STATE_NUMBERS),
        health=parse_enum(ReplicationHealth, data.get("health"), HEALTH_NUMBERS),
        health_details=tuple(as_text(d) for d in as_list(data.get("health_details")) if d),
        primary_server=as_text(data.get("primary_server")),
        replica_server=as_text(data.get("replica_server")),
        replica_port=as_int(data.get("replica_port")),
        authentication=as_text(data.get("authentication")),
        frequency_sec=as_int(data.get("frequency_sec")),
        last_replication_time=as_time(data.get("last_replication_time")),
        pending_replication_bytes=as_opt_int(data.get("pending_replication_bytes")),
        initial_replication_bytes=as_opt_int(data.get("initial_replication_bytes")),
        test_vm_name=as_text(data.get("test_vm_name")),
        replica_delta_files=tuple(vhd_file(f) for f in as_list(data.get("replica_delta_files"))),
        recovery_history_hours=as_opt_int(data.get("recovery_history_hours")),
    )


def render_start_test_failover(vm: VmRef) -> Script:
    """Start-VMFailover -AsTest on the replica VM: Hyper-V creates '<VM> - Test'."""
    body = ps1("start_test_failover") + ps1("test_failover_result")
    data = {"VMId": checked_vm_id(vm)}
    return render("start_test_failover", body, data, helpers=("Get-HvseedVM", "Find-HvseedTestVm"))


def render_stop_test_failover(vm: VmRef) -> Script:
    """Stop-VMFailover on the replica VM, only when a test VM exists (never a real failover)."""
    body = ps1("stop_test_failover") + ps1("test_failover_result")
    data = {"VMId": checked_vm_id(vm)}
    return render("stop_test_failover", body, data, helpers=("Get-HvseedVM", "Find-HvseedTestVm"))


def parse_test_failover(data: Any, vm: VmRef) -> TestFailoverResult:
    data = data if isinstance(data, dict) else {}
    name = as_text(data.get("test_vm_name")) or as_text(data.get("expected_test_vm_name"))
    return TestFailoverResult(
        vm=vm_ref(data, vm),
        test_vm_name=name or f"{vm.name} - Test",
        running=as_bool(data.get("running")),
        # the script's one sentence, as the seam's Said; anything else is the script's own text
        message=NOTHING_TO_STOP
        if as_text(data.get("message")) == str(NOTHING_TO_STOP)
        else as_text(data.get("message")),
    )

"""Enable replication and export the initial copy (start, poll, cancel) on the primary host."""

from __future__ import annotations

from typing import Any

from hvseed_gui.core.plan import AuthenticationType, ReplicationPlan, normalize_vm_id
from hvseed_gui.hyperv.host import ConnectionTestResult, VmRef
from hvseed_gui.hyperv.host_errors import AccessDenied, HyperVModuleMissing
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.progress import progress_data
from hvseed_gui.hyperv.powershell.ps_json import as_bool, as_text, field_of
from hvseed_gui.hyperv.powershell.results import error_from_record
from hvseed_gui.hyperv.powershell.script import Script, checked_vm_id


def auth_data(plan: ReplicationPlan) -> dict[str, Any]:
    thumbprint = ""
    if plan.authentication is AuthenticationType.CERTIFICATE:
        thumbprint = plan.certificate_thumbprint.replace(" ", "")
    return {
        "ReplicaServer": plan.replica_server.strip(),
        "ReplicaPort": int(plan.replica_port),
        "AuthenticationType": plan.authentication.value,
        "CertificateThumbprint": thumbprint,
        "BypassProxy": bool(plan.bypass_proxy),
    }


def render_test_replication_connection(plan: ReplicationPlan) -> Script:
    """Test-VMReplicationConnection with the plan's server, port and authentication."""
    body = ps1("test_replication_connection")
    return render("test_replication_connection", body, auth_data(plan))


def parse_connection_test(data: Any, *, host: str = "") -> ConnectionTestResult:
    """The test's answer; a refusal is a failed test in Hyper-V's words, except that access
    denied and a missing Hyper-V module are raised (the test itself could not run)."""
    record = field_of(data, "error")
    if record:
        error = error_from_record(record, host=host)
        if isinstance(error, (AccessDenied, HyperVModuleMissing)):
            raise error
        return ConnectionTestResult(ok=False, message=error.message)
    return ConnectionTestResult(
        ok=as_bool(field_of(data, "ok")), message=as_text(field_of(data, "message"))
    )


def render_enable_replication(plan: ReplicationPlan, vm: VmRef) -> Script:
    """Enable-VMReplication for one VM (VMObject set) with every setting of the plan."""
    vm_id = checked_vm_id(vm)
    excluded: tuple[str, ...] = ()
    for plan_vm in plan.vms:
        try:
            same = normalize_vm_id(plan_vm.id) == vm_id
        except ValueError:
            same = False
        if same:
            excluded = plan_vm.excluded_vhd_paths
    body = ps1("enable_replication")
    data = {
        **auth_data(plan),
        "VMId": vm_id,
        "Compression": bool(plan.compression),
        "FrequencySec": int(plan.frequency_sec),
        "RecoveryHistory": int(plan.recovery_history_hours),
        "VssFrequencyHours": int(plan.vss_frequency_hours),
        "ExcludedVhdPaths": list(excluded),
    }
    return render("enable_replication", body, data, helpers=("Get-HvseedVM", "Get-HvseedStatus"))


_EXPORT_HELPERS = (
    "Get-HvseedVM",
    "Get-HvseedJobs",
    "Get-HvseedFolderBytes",
    "Find-HvseedExportFolder",
    "Get-HvseedInitialSize",
)


def render_start_export(vm: VmRef, destination: str) -> Script:
    """Start the export in Hyper-V's own job (Msvm_ReplicationService.StartReplication, type 2).

    Returns at once; the export writes ``<destination>\\<VMName>_<VMId>`` and survives our
    disconnecting. An existing folder of that name is never overwritten.
    """
    body = ps1("start_export") + ps1("progress_result")
    data = progress_data(vm, "export", Destination=destination)
    helpers = (*_EXPORT_HELPERS, "Invoke-HvseedReplicationService", "Test-HvseedAbsolutePath")
    return render("start_export", body, data, helpers=helpers)


def render_export_progress(vm: VmRef, destination: str = "", job_id: str = "") -> Script:
    """One poll: Hyper-V's export job, bytes in the export folder, replication state.

    ``job_id`` is the InstanceID of the job ``start_export`` got from Hyper-V (or "").
    """
    body = ps1("export_progress") + ps1("progress_result")
    data = progress_data(vm, "export", job_id, Destination=destination)
    return render("export_progress", body, data, helpers=_EXPORT_HELPERS)


def render_cancel_export(vm: VmRef, destination: str = "", job_id: str = "") -> Script:
    """Stop-VMInitialReplication, only while an export job of this VM still runs.

    Hyper-V refuses once the export has finished; this script says so in its own sentence
    (``Hvseed.ExportFinished``) instead of calling Stop-VMInitialReplication at all.
    """
    body = ps1("cancel_export") + ps1("progress_result")
    data = progress_data(vm, "export", job_id, Destination=destination)
    helpers = ("Get-HvseedVM", "Get-HvseedJobs", "Get-HvseedFolderBytes", "Find-HvseedExportFolder")
    return render("cancel_export", body, data, helpers=helpers)

"""The hand-runnable plan script: the plan's settings as readable JSON, then
``scripts/plan_script.ps1``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from hvseed_gui.core.plan import InitialReplicationMethod, ReplicationPlan
from hvseed_gui.hyperv.host import VmRef
from hvseed_gui.hyperv.powershell.compose import helper, ps1
from hvseed_gui.hyperv.powershell.export import auth_data
from hvseed_gui.hyperv.powershell.script import checked_vm_id, for_admins, readable_json


def _plan_data(plan: ReplicationPlan) -> dict[str, Any]:
    start = None
    if plan.start_time is not None:
        when = plan.start_time
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        start = when.isoformat()
    return {
        **auth_data(plan),
        "Compression": bool(plan.compression),
        "FrequencySec": int(plan.frequency_sec),
        "RecoveryHistory": int(plan.recovery_history_hours),
        "VssFrequencyHours": int(plan.vss_frequency_hours),
        "InitialMethod": plan.initial_method.value,
        "DestinationPath": plan.destination_path,
        "StartTime": start,
        "VMs": [
            {
                "Id": checked_vm_id(VmRef(vm.name, vm.id)),
                "Name": vm.name,
                "ExcludedVhdPaths": list(vm.excluded_vhd_paths),
                "DestinationPath": vm.destination(plan.destination_path),
            }
            for vm in plan.vms
        ],
    }


def render_plan_script(plan: ReplicationPlan) -> str:
    """A readable script that carries out ``plan`` on Host A when run by hand.

    For every VM: Enable-VMReplication, then Start-VMInitialReplication (for external media with
    -DestinationPath, synchronous). The settings are one readable JSON document in a
    single-quoted here-string (``readable_json``: no value can end it), read with
    ConvertFrom-Json: data only, never code. Base64 would hide them from the admin and looks like
    malware to AMSI and EDR products. The comments hold no user text and no UNCONFIRMED notes
    (``for_admins`` drops those). Raises ValueError for a VM ID that is not a GUID.
    """
    data = _plan_data(plan)
    method = {
        InitialReplicationMethod.EXTERNAL_MEDIA: "export to external media",
        InitialReplicationMethod.NETWORK: "send over the network",
        InitialReplicationMethod.EXISTING_VM: "use an existing VM on the Replica server",
    }[plan.initial_method]
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# hvseed: enable Hyper-V Replica and send the initial copy",
        f"# Written by hvseed on {stamp}.",
        "# Run it on the primary host (Host A) in an elevated Windows PowerShell 5.1.",
        "#",
        f"# {len(plan.vms)} VM(s); authentication {plan.authentication.value}, "
        f"port {int(plan.replica_port)}, replication every {int(plan.frequency_sec)} s,",
        f"# recovery history {int(plan.recovery_history_hours)} h, "
        f"compression {'on' if plan.compression else 'off'}; initial copy: {method}.",
        "# Server, VM names and paths are in the settings below: plain JSON, read as data only",
        "# (ConvertFrom-Json). Quote-like and control characters in them are written as \\uXXXX.",
        "# They contain no password.",
        "",
        "$planJson = @'",
        readable_json(data),
        "'@",
        "$plan = ConvertFrom-Json -InputObject $planJson",
    ]
    # the same existing-export check as start_export (any child folder ending in _<VMId>)
    body = helper("Find-HvseedExportFolder") + ps1("plan_script", indent="")
    return for_admins("\n".join(lines) + "\n" + body)

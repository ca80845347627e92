"""The host and its VMs: the full or light inventory and the disks of some VMs (render and
parse side by side; the PowerShell is in ``scripts/``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hvseed_gui.hyperv.host import (
    Inventory,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    Vhd,
    VhdFile,
    VirtualMachine,
)
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import (
    HEALTH_NUMBERS,
    MODE_NUMBERS,
    STATE_NUMBERS,
    as_bool,
    as_int,
    as_list,
    as_text,
    named,
    parse_enum,
    vm_id_text,
)
from hvseed_gui.hyperv.powershell.script import Script

# Microsoft.HyperV.PowerShell.VMState (UNCONFIRMED values, WMI EnabledState-like).
_VM_STATE_NUMBERS = {
    1: "Other",
    2: "Running",
    3: "Off",
    4: "Stopping",
    6: "Saved",
    9: "Paused",
    10: "Starting",
    11: "Reset",
    32773: "Saving",
    32776: "Pausing",
    32777: "Resuming",
}

# Msvm_VirtualHardDiskSettingData Format / Type values.
_VHD_FORMAT_NUMBERS = {2: "VHD", 3: "VHDX", 4: "VHDSet"}

_VHD_TYPE_NUMBERS = {2: "Fixed", 3: "Dynamic", 4: "Differencing"}


def render_inventory(details: bool = True) -> Script:
    """Host facts and every VM with its disks and replication state; without ``details`` the
    disks' paths only (Get-VMHardDiskDrive), for hosts with hundreds of VMs."""
    body = ps1("inventory")
    return render(
        "inventory",
        body,
        {"Details": bool(details)},
        helpers=("Get-HvseedCluster", "Get-HvseedVhds", "Get-HvseedDrivePaths"),
        needs_hyperv=False,
    )


def render_vm_disks(vm_ids: Sequence[str]) -> Script:
    """Get-VHD details (sizes, type, parent chain) of the disks of the VMs ``vm_ids``."""
    body = ps1("vm_disks")
    return render(
        "vm_disks", body, {"VmIds": [str(i) for i in vm_ids]}, helpers=("Get-HvseedVhds",)
    )


def _parents(item: dict[str, Any]) -> tuple[VhdFile, ...]:
    # Two flat lists (paths, sizes) keep the JSON shallow; a missing size counts as 0.
    sizes = as_list(item.get("parent_sizes"))
    return tuple(
        VhdFile(path=as_text(path), file_size=as_int(sizes[i] if i < len(sizes) else None))
        for i, path in enumerate(as_list(item.get("parent_paths")))
    )


def parse_vhd(item: dict[str, Any]) -> Vhd:
    path = as_text(item.get("path"))
    vhd_format = named(item.get("format"), _VHD_FORMAT_NUMBERS).upper()
    if not vhd_format:
        vhd_format = "VHDX" if path.lower().endswith((".vhdx", ".avhdx")) else "VHD"
    return Vhd(
        path=path,
        format=vhd_format,
        vhd_type=named(item.get("vhd_type"), _VHD_TYPE_NUMBERS),
        file_size=as_int(item.get("file_size")),
        max_size=as_int(item.get("max_size")),
        parents=_parents(item),
        controller=as_text(item.get("controller")),
        details_known=as_bool(item.get("details", True)),
    )


def parse_vm(item: dict[str, Any]) -> VirtualMachine:
    return VirtualMachine(
        name=as_text(item.get("name")),
        id=vm_id_text(item.get("id")),
        state=named(item.get("state"), _VM_STATE_NUMBERS),
        generation=as_int(item.get("generation"), 1),
        replication_state=parse_enum(
            ReplicationState, item.get("replication_state"), STATE_NUMBERS
        ),
        replication_mode=parse_enum(ReplicationMode, item.get("replication_mode"), MODE_NUMBERS),
        replication_health=parse_enum(
            ReplicationHealth, item.get("replication_health"), HEALTH_NUMBERS
        ),
        vhds=tuple(parse_vhd(v) for v in as_list(item.get("vhds")) if isinstance(v, dict)),
        is_clustered=as_bool(item.get("is_clustered")),
    )


def parse_vm_disks(data: Any) -> dict[str, tuple[Vhd, ...]]:
    data = data if isinstance(data, dict) else {}
    return {
        vm_id_text(v.get("id")): tuple(
            parse_vhd(d) for d in as_list(v.get("vhds")) if isinstance(d, dict)
        )
        for v in as_list(data.get("vms"))
        if isinstance(v, dict)
    }


def parse_inventory(data: Any) -> Inventory:
    data = data if isinstance(data, dict) else {}
    return Inventory(
        host_name=as_text(data.get("host_name")),
        os_version=as_text(data.get("os_version")),
        os_build=as_text(data.get("os_build")),
        hyperv_present=as_bool(data.get("hyperv_present")),
        is_cluster_node=as_bool(data.get("is_cluster_node")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
        system_drive=as_text(data.get("system_drive")) or "C:\\",
        vms=tuple(parse_vm(v) for v in as_list(data.get("vms")) if isinstance(v, dict)),
    )

"""The lab's answers built from its world: VMs, replication status, job progress, the Replica
server's configuration and host readiness, as a real host's scripts would report them.

Module-level builders only; ``LabHost`` (lab_host.py) calls them inside its world lock.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.untrusted import refusal_reason
from hvseed_gui.hyperv.host import (
    AuthorizationEntry,
    ExportHandle,
    HostReadiness,
    ImportHandle,
    JobProgress,
    JobState,
    ReplicaServerConfig,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
    StorageSpace,
    Vhd,
    VhdFile,
    VirtualMachine,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import (
    POWERSHELL_TOO_OLD_HINT,
    FeatureMissing,
    NotFound,
)

from . import drives, jobs, replication
from .world import VmDict, World, to_datetime

NOT_COMPLETED = "Initial replication has not completed."


# --- results ----------------------------------------------------------------------------------


def state_of(vm: VmDict) -> ReplicationState:
    repl = vm.get("repl")
    return ReplicationState.parse(repl["state"]) if repl else ReplicationState.DISABLED


def vhd_files(vms: Sequence[VirtualMachine]) -> int:
    return sum(len(d.parents) + 1 for vm in vms for d in vm.vhds)


def vm_result(w: World, fqdn: str, vm: VmDict, details: bool = True) -> VirtualMachine:
    vhds = tuple(
        Vhd(
            path=d["path"],
            format=d["format"],
            vhd_type=d["type"],
            file_size=w.file_size(fqdn, d["path"]),
            max_size=d["max_size"],
            parents=tuple(VhdFile(p, w.file_size(fqdn, p)) for p in d["parents"]),
            controller=d.get("controller", ""),
        )
        if details
        else Vhd(  # what Get-VMHardDiskDrive gives: the path, no Get-VHD
            path=d["path"],
            format="VHDX" if d["path"].lower().endswith((".vhdx", ".avhdx")) else "VHD",
            vhd_type="",
            file_size=0,
            max_size=0,
            controller=d.get("controller", ""),
            details_known=False,
        )
        for d in vm["disks"]
    )
    repl = vm.get("repl")
    if vm.get("test_of"):
        mode, state, health = (
            ReplicationMode.TEST_REPLICA,
            ReplicationState.DISABLED,
            ReplicationHealth.NOT_APPLICABLE,
        )
    elif repl:
        mode = ReplicationMode.parse(repl["mode"])
        state = ReplicationState.parse(repl["state"])
        health = ReplicationHealth.parse(repl["health"])
    else:
        mode, state, health = (
            ReplicationMode.NONE,
            ReplicationState.DISABLED,
            ReplicationHealth.NOT_APPLICABLE,
        )
    return VirtualMachine(
        name=vm["name"],
        id=vm["id"],
        state=vm["state"],
        generation=vm["generation"],
        replication_state=state,
        replication_mode=mode,
        replication_health=health,
        vhds=vhds,
    )


def server_config(w: World, fqdn: str) -> ReplicaServerConfig:
    host = w.host(fqdn)
    facts = {**HOST_FACT_DEFAULTS, **host.get("facts", {})}
    config = host["replica_server"]
    return ReplicaServerConfig(
        host_name=fqdn,
        replication_enabled=config["enabled"],
        allowed_authentication=config["auth"],
        kerberos_port=config["kerberos_port"],
        certificate_port=config["cert_port"],
        allow_any_server=config["allow_any"],
        default_storage_location=config["storage"],
        authorization_entries=tuple(
            AuthorizationEntry(e["allowed_primary_server"], e["storage_location"], e["trust_group"])
            for e in config["entries"]
        ),
        firewall_rules=replication.firewall_rules(w, fqdn),
        certificate_thumbprint=config["thumbprint"],
        cluster_name=str(facts["cluster_name"]),
        replica_broker=str(facts["replica_broker"]),
    )


#: What a lab host reports for the facts only ``readiness`` reads; ``Lab.set_host_facts``
#: changes them (a 2012 R2 host with PowerShell 4.0, FIPS on, the ASR rule blocking, …).
HOST_FACT_DEFAULTS: dict[str, Any] = {
    "powershell_version": "5.1.20348.2849",
    "winrm_listeners": ["HTTP:5985"],
    "fips_enabled": False,
    "asr_wmi_process_rule": "Disabled",
    "clock_offset_seconds": 0.0,
    "is_server": True,
    "cluster_name": "",
    "replica_broker": "",
}


def refuse_old_powershell(w: World, fqdn: str, operation: str) -> None:
    """As every real script but readiness: Windows PowerShell older than 5.1 is refused."""
    version = str({**HOST_FACT_DEFAULTS, **w.host(fqdn).get("facts", {})}["powershell_version"])
    parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
    if operation != "readiness" and parts < (5, 1):
        raise FeatureMissing(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Windows PowerShell {version} on {fqdn} is too old: hvseed needs Windows "
                    "PowerShell 5.1.",
                ),
                version=version,
                fqdn=fqdn,
            ),
            POWERSHELL_TOO_OLD_HINT,
        )


def readiness_of(w: World, fqdn: str) -> HostReadiness:
    host = w.host(fqdn)
    facts = {**HOST_FACT_DEFAULTS, **host.get("facts", {})}
    config = server_config(w, fqdn)
    cert = None
    if config.certificate_thumbprint:
        cert = next(
            (
                c
                for c in host["certificates"]
                if c["thumbprint"].upper() == config.certificate_thumbprint.upper()
            ),
            None,
        )
    storage = []
    locations = [config.default_storage_location] + [
        e.storage_location for e in config.authorization_entries
    ]
    for location in dict.fromkeys(p for p in locations if p):
        try:
            free: int | None = w.free(w.locate(fqdn, location).drive_id)
        except NotFound:
            free = None
        storage.append(StorageSpace(location, free))
    feature_installed = host.get("bitlocker_feature", True)
    return HostReadiness(
        host_name=fqdn,
        os_caption=host["os_version"],
        os_build=host["os_build"],
        is_server=bool(facts["is_server"]),
        powershell_version=str(facts["powershell_version"]),
        hyperv_module=True,
        vmms_running=True,
        replica=config,
        certificate_found=None if not config.certificate_thumbprint else cert is not None,
        certificate_ekus=(EKU_SERVER, EKU_CLIENT) if cert else (),
        certificate_not_after=datetime.fromisoformat(cert["not_after"]) if cert else None,
        certificate_has_private_key=bool(cert and cert["has_private_key"]),
        winrm_listeners=tuple(facts["winrm_listeners"]),
        clock_utc=datetime.fromtimestamp(
            w.now + float(facts["clock_offset_seconds"]), tz=timezone.utc
        ),
        fips_enabled=bool(facts["fips_enabled"]),
        asr_wmi_process_rule=str(facts["asr_wmi_process_rule"]),
        bitlocker_cmdlets=bool(feature_installed),
        bitlocker_feature=("Installed" if feature_installed else "Available")
        if facts["is_server"]
        else "",
        storage=tuple(storage),
        is_cluster_node=bool(facts["cluster_name"]),
        cluster_name=str(facts["cluster_name"]),
        replica_broker=str(facts["replica_broker"]),
    )


EKU_SERVER = "1.3.6.1.5.5.7.3.1"
EKU_CLIENT = "1.3.6.1.5.5.7.3.2"


def with_handle(progress: JobProgress, handle: ExportHandle | ImportHandle) -> JobProgress:
    """The poll carrying the handle for the next one (the job ID learnt when it had none)."""
    if progress.job_id and not handle.job_id:
        handle = replace(handle, job_id=progress.job_id)
    return replace(progress, handle=handle)


def folder_bytes(w: World, fqdn: str, folder: str) -> int | None:
    """Bytes of every file below ``folder`` on the host, None when it is not there."""
    try:
        root = w.real(fqdn, folder)
    except NotFound:
        return None
    if not is_plain_dir(root):
        return None
    return sum(f.size for f in drives.plain_files(root))


def is_plain_dir(path: Path) -> bool:
    """A folder, not a link to one (metadata only: nothing is opened)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return refusal_reason(st) is None and stat.S_ISDIR(st.st_mode)


def plain_subdirs(root: Path) -> list[Path]:
    """Sub-folders of ``root`` by name, links to folders left out."""
    try:
        children = list(root.iterdir())
    except OSError:
        return []
    return sorted((c for c in children if is_plain_dir(c)), key=lambda p: p.name.lower())


def initial_size(w: World, fqdn: str, vm: VmDict) -> int:
    """The initial copy's size as Measure-VMReplication reports it: replicated disks plus
    their parents (a parent shared by two disks counts twice, as in that sum)."""
    replicated = (vm.get("repl") or {}).get("replicated", [])
    return sum(
        w.file_size(fqdn, p)
        for d in vm["disks"]
        if d["path"] in replicated
        for p in (d["path"], *d["parents"])
    )


def job_progress(w: World, job: dict[str, Any]) -> JobProgress:
    vm = w.find_vm(job["host"], job["vm_id"])
    total, done = job["total"], job["done"]
    return JobProgress(
        vm=VmRef(job["vm_name"], job["vm_id"]),
        kind=job["kind"],
        state=JobState(job["state"]),
        percent=round(100.0 * done / total, 2) if total else 100.0,
        bytes_done=done,
        bytes_total=total,
        replication_state=state_of(vm) if vm else ReplicationState.UNKNOWN,
        folder=job["folder"],
        message=job["message"],
        started=to_datetime(job["started"]),
        job_id=job.get("id", ""),
    )


def last_replication(w: World, vm: VmDict) -> float | None:
    repl = vm["repl"]
    frequency = max(1, int(repl["frequency"]))
    if repl["state"] == jobs.REPLICATING and repl.get("cycle_origin") is not None:
        start, end = repl["cycle_origin"], w.now
    else:
        replica = vm if repl["mode"] != "Primary" else replication.partner_of(w, vm)
        delta = ((replica or {}).get("repl") or {}).get("delta")
        if not delta or delta.get("since") is None:
            return None
        start, end = delta["since"], (w.now if delta["flowing"] else delta["updated"])
    cycles = int((end - start) // frequency)
    return start + cycles * frequency if cycles >= 1 else None


def status_of(w: World, fqdn: str, vm: VmDict) -> ReplicationStatus:
    repl = vm.get("repl")
    if not repl:
        # as Get-HvseedStatus on a real host: no relationship is a status, not an error
        return ReplicationStatus(
            vm=VmRef(vm["name"], vm["id"]),
            mode=ReplicationMode.TEST_REPLICA if vm.get("test_of") else ReplicationMode.NONE,
            state=ReplicationState.DISABLED,
            health=ReplicationHealth.NOT_APPLICABLE,
        )
    state = ReplicationState.parse(repl["state"])
    details: list[str] = []
    if state is not ReplicationState.REPLICATING:
        details.append(NOT_COMPLETED)
    if repl.get("last_error"):
        details.append(repl["last_error"])
    pending = initial = None
    if repl["mode"] == "Primary":
        initial = initial_size(w, fqdn, vm)
        job = w.state["jobs"].get(jobs.job_key(fqdn, "export", vm["id"]))
        if state is ReplicationState.READY_FOR_INITIAL_REPLICATION:
            pending = initial
        elif state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS and job:
            pending = max(0, job["total"] - job["done"])
        else:
            pending = 0
    delta = repl.get("delta") or {}
    test_id = repl.get("test_vm_id")
    test_vm = w.host(fqdn)["vms"].get(test_id) if test_id else None
    return ReplicationStatus(
        vm=VmRef(vm["name"], vm["id"]),
        mode=ReplicationMode.parse(repl["mode"]),
        state=state,
        health=ReplicationHealth.parse(repl["health"]),
        health_details=tuple(details),
        primary_server=repl["primary_server"],
        replica_server=repl["replica_server"],
        recovery_history_hours=repl.get("recovery_history"),
        replica_port=repl["port"],
        authentication=repl["auth"],
        frequency_sec=repl["frequency"],
        last_replication_time=to_datetime(last_replication(w, vm)),
        pending_replication_bytes=pending,
        initial_replication_bytes=initial,
        test_vm_name=test_vm["name"] if test_vm else "",
        replica_delta_files=tuple(
            VhdFile(f["path"], w.file_size(fqdn, f["path"])) for f in delta.get("files", [])
        ),
    )

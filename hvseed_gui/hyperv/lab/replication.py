"""Replica server configuration, enabling replication, status and test failover in the lab.

The texts imitate Hyper-V's. Where Hyper-V gives one generic answer for several causes (a
replica listener that cannot be reached), the lab gives the same generic answer: hvseed has to
find the cause itself, from ``replica_server_config``, as it would on real hosts.
Exact wording of Hyper-V's messages is UNCONFIRMED; the error codes are Win32/WinHTTP ones.
"""

from __future__ import annotations

import uuid
from typing import Any

from hvseed_gui.core.plan import AuthenticationType, ReplicationPlan
from hvseed_gui.hyperv.host import (
    BUILTIN_RULE_PORTS,
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    FirewallRuleState,
    ReplicaServerChange,
    ReplicationHealth,
    ReplicationState,
    authorization_matches,
    listener_rule_name,
)
from hvseed_gui.hyperv.host_errors import CmdletError, InvalidState, NotFound

from . import drives
from .jobs import DELTA_BASE_BYTES, READY, WAITING, replica_partner
from .world import VmDict, World, resolve_host_name

CONNECTED = (
    "The connection to the specified Replica server with the specified parameters was successful."
)
PLACEHOLDER_BYTES = 4 * 1024 * 1024
FIREWALL_NAMES = {
    FIREWALL_RULE_HTTP: "Hyper-V Replica HTTP Listener (TCP-In)",
    FIREWALL_RULE_HTTPS: "Hyper-V Replica HTTPS Listener (TCP-In)",
}
_ID_NAMESPACE = uuid.UUID("5b0d6a52-6a2c-4a57-9d0e-2f3f5a1c9e11")


def lab_id(*parts: str) -> str:
    """A stable GUID for lab objects derived from other IDs."""
    return str(uuid.uuid5(_ID_NAMESPACE, "/".join(parts))).upper()


def _cannot_connect(server: str) -> str:
    return (
        f"Hyper-V cannot connect to the specified Replica server '{server}'. Error: A connection "
        "with the server could not be established (0x00002EFD). Verify that the specified server "
        "is enabled as a Replica server, allows inbound connections over the specified port, and "
        "supports the same authentication scheme."
    )


def connection_problem(w: World, primary: str, plan: ReplicationPlan) -> tuple[str, str | None]:
    """("", replica FQDN) when the primary reaches the replica listener, else (Hyper-V's text,
    replica FQDN or None). Authorization of the primary is checked only by enabling."""
    server = plan.replica_server.strip()
    replica = resolve_host_name(w.state, server)
    if replica is None:
        return (
            f"Hyper-V cannot connect to the specified Replica server '{server}'. Error: No such "
            "host is known. (0x00002AF9). Verify that the specified server name is correct.",
            None,
        )
    if replica == primary:
        return "The Replica server must be a different server than the primary server.", replica
    config = w.host(replica)["replica_server"]
    port_open = any(rule.covers(plan.replica_port) for rule in firewall_rules(w, replica))
    if plan.authentication is AuthenticationType.CERTIFICATE:
        thumb = plan.certificate_thumbprint.replace(" ", "").upper()
        mine = {c["thumbprint"].upper() for c in w.host(primary)["certificates"]}
        if thumb not in mine:
            return (
                f"Hyper-V cannot find the certificate with thumbprint '{thumb}' in the Personal "
                f"store of the local computer on {primary}.",
                replica,
            )
        listening = (
            config["enabled"]
            and "Certificate" in config["auth"]
            and bool(config["thumbprint"])
            and plan.replica_port == config["cert_port"]
            and port_open
        )
    else:
        listening = (
            config["enabled"]
            and "Kerberos" in config["auth"]
            and plan.replica_port == config["kerberos_port"]
            and port_open
        )
    return ("" if listening else _cannot_connect(server)), replica


def firewall_rules(w: World, fqdn: str) -> tuple[FirewallRuleState, ...]:
    """The host's listener rules as Windows would report them: the built-in ones open their
    documented port only (80/443); hvseed's own rules open the port they were made for."""
    host = w.host(fqdn)
    ports = host.get("firewall_ports", {})
    return tuple(
        FirewallRuleState(
            name,
            FIREWALL_NAMES.get(name) or f"Hyper-V Replica listener, TCP {ports.get(name)} (hvseed)",
            True,
            bool(enabled),
            tuple(str(p) for p in ports.get(name, [BUILTIN_RULE_PORTS.get(name, "")])),
        )
        for name, enabled in sorted(host["firewall"].items())
    )


def _authorized_storage(w: World, replica: str, primary: str) -> str | None:
    config = w.host(replica)["replica_server"]
    for entry in config["entries"]:
        if authorization_matches(entry["allowed_primary_server"], primary):
            return entry["storage_location"]
    if config["allow_any"]:
        return config["storage"]
    return None


def _check_plan(plan: ReplicationPlan) -> None:
    cmdlet_fields = {
        "replica_port",
        "frequency_sec",
        "recovery_history_hours",
        "vss_frequency_hours",
        "certificate_thumbprint",
    }
    for problem in plan.validate():
        if problem.field in cmdlet_fields:
            raise CmdletError(
                f"Cannot validate the arguments of Enable-VMReplication: {problem.message}",
                cmdlet="Enable-VMReplication",
                category="InvalidArgument",
            )


def enable_replication(w: World, primary: str, plan: ReplicationPlan, vm_id: str) -> VmDict:
    """Enable-VMReplication: primary → ReadyForInitialReplication, replica VM created waiting."""
    cmdlet = "Enable-VMReplication"
    vm = w.vm(primary, vm_id)
    repl = vm.get("repl")
    if repl and repl["mode"] != "Primary":
        raise InvalidState(
            f"Virtual machine '{vm['name']}' is a replica virtual machine; replication is "
            "configured on its primary server.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    if repl:
        raise InvalidState(
            f"Replication is already enabled for virtual machine '{vm['name']}' "
            f"(state {repl['state']}).",
            "Remove replication first (Remove-VMReplication) if you want to start over.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    _check_plan(plan)
    plan_vm = next((p for p in plan.vms if p.id.strip("{}").upper() == vm["id"]), None)
    excluded = {p.lower() for p in (plan_vm.excluded_vhd_paths if plan_vm else ())}
    replicated = [d for d in vm["disks"] if d["path"].lower() not in excluded]
    if not replicated:
        raise CmdletError(
            f"Hyper-V failed to enable replication for virtual machine '{vm['name']}': it has "
            "no virtual hard disk to replicate.",
            cmdlet=cmdlet,
            category="InvalidArgument",
        )
    for disk in replicated:
        for path in (disk["path"], *disk["parents"]):
            if w.file_size(primary, path) == 0:
                raise NotFound(
                    f"Hyper-V failed to enable replication for virtual machine '{vm['name']}': "
                    f"cannot open '{path}'. {drives.ERR_FILE_NOT_FOUND}",
                    cmdlet=cmdlet,
                    category="ObjectNotFound",
                )
    problem, replica = connection_problem(w, primary, plan)
    if problem:
        raise CmdletError(problem, cmdlet=cmdlet, category="ConnectionError")
    assert replica is not None
    storage = _authorized_storage(w, replica, primary)
    if storage is None:
        raise CmdletError(
            f"Hyper-V failed to enable replication for virtual machine '{vm['name']}': the "
            f"Replica server '{replica}' is not authorized to receive replication from the "
            f"primary server '{primary}'. (Access is denied. 0x80070005)",
            "On the Replica server, allow replication from this server (an authorization "
            "entry) or from any authenticated server.",
            cmdlet=cmdlet,
            category="PermissionDenied",
        )
    if w.find_vm(replica, vm["id"]) is not None:
        raise CmdletError(
            f"Hyper-V failed to enable replication for virtual machine '{vm['name']}': a "
            f"virtual machine with ID {vm['id']} already exists on the Replica server "
            f"'{replica}'.",
            "Remove the old replica VM on the Replica server, or use it as the initial copy.",
            cmdlet=cmdlet,
            category="ResourceExists",
        )
    replica_dir = f"{storage.rstrip(chr(92))}\\Hyper-V Replica\\Virtual hard disks\\{vm['id']}"
    try:
        w.locate(replica, replica_dir)
    except NotFound:
        raise CmdletError(
            f"Hyper-V failed to create the replica virtual machine on '{replica}': the storage "
            f"location '{storage}' is not available. {drives.ERR_PATH_NOT_FOUND}",
            "Set an existing storage location on the Replica server.",
            cmdlet=cmdlet,
            category="ObjectNotFound",
        ) from None
    _create_replica_vm(w, replica, primary, vm, replicated, replica_dir, plan)
    vm["repl"] = {
        "mode": "Primary",
        "state": READY,
        "health": ReplicationHealth.WARNING.value,
        "primary_server": primary,
        "primary_host": primary,
        "replica_server": plan.replica_server.strip(),
        "replica_host": replica,
        "port": plan.replica_port,
        "auth": plan.authentication.value,
        "thumbprint": plan.certificate_thumbprint,
        "frequency": plan.frequency_sec,
        "compression": plan.compression,
        "recovery_history": plan.recovery_history_hours,
        "vss_hours": plan.vss_frequency_hours,
        "replicated": [d["path"] for d in replicated],
        "cycle_origin": None,
        "test_vm_id": None,
        "last_error": "",
    }
    return vm


def _create_replica_vm(
    w: World,
    replica: str,
    primary: str,
    vm: VmDict,
    replicated: list[dict[str, Any]],
    replica_dir: str,
    plan: ReplicationPlan,
) -> None:
    def here(path: str) -> str:
        return f"{replica_dir}\\{path.rsplit(chr(92), 1)[-1]}"

    disks, delta_files = [], []
    for disk in replicated:
        copy = dict(disk, path=here(disk["path"]), parents=[here(p) for p in disk["parents"]])
        disks.append(copy)
        for path in (copy["path"], *copy["parents"]):
            drives.extend_file(w.real(replica, path), PLACEHOLDER_BYTES, disk["format"])
        stem, _, ext = copy["path"].rpartition(".")
        fmt = "AVHD" if ext.lower() == "vhd" else "AVHDX"
        delta_path = f"{stem}_{lab_id(vm['id'], disk['path'])}.{fmt.lower()}"
        drives.extend_file(w.real(replica, delta_path), DELTA_BASE_BYTES, fmt)
        delta_files.append({"path": delta_path, "format": fmt, "base": copy["path"]})
    w.host(replica)["vms"][vm["id"]] = {
        "name": vm["name"],
        "id": vm["id"],
        "state": "Off",
        "generation": vm["generation"],
        "disks": disks,
        "repl": {
            "mode": "Replica",
            "state": WAITING,
            "health": ReplicationHealth.WARNING.value,
            "primary_server": primary,
            "primary_host": primary,
            "replica_server": replica,
            "replica_host": replica,
            "port": plan.replica_port,
            "auth": plan.authentication.value,
            "thumbprint": "",
            "frequency": plan.frequency_sec,
            "compression": plan.compression,
            "recovery_history": plan.recovery_history_hours,
            "vss_hours": plan.vss_frequency_hours,
            "replicated": [d["path"] for d in disks],
            "delta": {
                "flowing": False,
                "bytes": 0,
                "updated": w.now,
                "since": None,
                "files": delta_files,
            },
            "cycle_origin": None,
            "test_vm_id": None,
            "last_error": "",
        },
    }


def configure_replica_server(w: World, fqdn: str, change: ReplicaServerChange) -> None:
    """Set-VMReplicationServer with only the keys the change sends, then at most one
    New-VMReplicationAuthorizationEntry, then Enable-NetFirewallRule, with the cmdlets' checks.

    Everything is checked before anything changes; on a real host a later step can fail after
    an earlier one succeeded.
    """
    cmdlet = "Set-VMReplicationServer"
    host = w.host(fqdn)
    server = host["replica_server"]
    refusal = change.refusal()
    if refusal:
        raise InvalidState(refusal, "", cmdlet=cmdlet)
    settings = change.server_settings()
    after = dict(server)  # the server as it would be after Set-VMReplicationServer
    for key, name in (
        ("enabled", "ReplicationEnabled"),
        ("auth", "AllowedAuthenticationType"),
        ("kerberos_port", "KerberosAuthenticationPort"),
        ("cert_port", "CertificateAuthenticationPort"),
        ("allow_any", "ReplicationAllowedFromAnyServer"),
        ("storage", "DefaultStorageLocation"),
    ):
        if name in settings:
            after[key] = settings[name]
    if "CertificateThumbprint" in settings:
        after["thumbprint"] = str(settings["CertificateThumbprint"]).upper()
    folders: list[tuple[str, str]] = []  # (cmdlet, folder) to check and create
    if settings:
        if after["enabled"] and after["allow_any"] and not after["storage"]:
            raise CmdletError(
                "The default storage location must be specified when replication is allowed "
                "from any server.",
                cmdlet=cmdlet,
                category="InvalidArgument",
            )
        if after["enabled"] and "Certificate" in after["auth"]:
            known = {c["thumbprint"].upper() for c in host["certificates"]}
            if after["thumbprint"].upper() not in known:
                raise CmdletError(
                    "Certificate-based authentication needs a valid certificate: the thumbprint "
                    f"'{after['thumbprint']}' was not found in the Personal store of {fqdn}.",
                    cmdlet=cmdlet,
                    category="InvalidArgument",
                )
        if "DefaultStorageLocation" in settings:
            folders.append((cmdlet, str(settings["DefaultStorageLocation"])))
    entry = change.add_authorization_entry
    if entry is not None:
        if after["allow_any"]:
            # documented: only while ReplicationAllowedFromAnyServer is false
            raise CmdletError(
                "An authorization entry cannot be added while the Replica server allows "
                "replication from any authenticated server.",
                cmdlet="New-VMReplicationAuthorizationEntry",
                category="InvalidOperation",
            )
        folders.append(("New-VMReplicationAuthorizationEntry", entry.storage_location.strip()))
    for rule in change.enable_firewall_rules:
        if rule not in FIREWALL_NAMES:
            raise NotFound(
                f"No firewall rule named '{rule}' exists on {fqdn}.",
                cmdlet="Enable-NetFirewallRule",
                category="ObjectNotFound",
            )
    located = []
    for folder_cmdlet, folder in folders:
        try:
            located.append(w.locate(fqdn, folder))
        except NotFound:
            raise CmdletError(
                f"The storage location '{folder}' cannot be used on {fqdn}. "
                f"{drives.ERR_PATH_NOT_FOUND}",
                cmdlet=folder_cmdlet,
                category="ObjectNotFound",
            ) from None
    for loc in located:
        drives.real_path(w.lab_dir, loc).mkdir(parents=True, exist_ok=True)
    server.update(after)
    if entry is not None:
        server["entries"].append(
            {
                "allowed_primary_server": entry.allowed_primary_server.strip(),
                "storage_location": entry.storage_location.strip(),
                "trust_group": entry.trust_group.strip(),
            }
        )
    for rule in change.enable_firewall_rules:
        host["firewall"][rule] = True
    if change.open_firewall_port is not None:
        own = listener_rule_name(change.open_firewall_port)
        host["firewall"][own] = True
        host.setdefault("firewall_ports", {})[own] = [str(int(change.open_firewall_port))]


# --- test failover ---------------------------------------------------------------------------


def _replica_vm(w: World, fqdn: str, vm_id: str, cmdlet: str) -> VmDict:
    vm = w.vm(fqdn, vm_id)
    repl = vm.get("repl")
    if not repl or repl["mode"] not in ("Replica", "ExtendedReplica"):
        raise InvalidState(
            f"Virtual machine '{vm['name']}' on {fqdn} is not a replica virtual machine; a test "
            "failover runs on the Replica server.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    return vm


def start_test_failover(w: World, fqdn: str, vm_id: str) -> VmDict:
    cmdlet = "Start-VMFailover"
    vm = _replica_vm(w, fqdn, vm_id, cmdlet)
    repl = vm["repl"]
    if repl["state"] != ReplicationState.REPLICATING.value:
        raise InvalidState(
            f"A test failover of '{vm['name']}' cannot start while the replica is in state "
            f"'{repl['state']}'.",
            "Complete the initial replication first.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    if repl.get("test_vm_id"):
        raise InvalidState(
            f"A test failover is already running for '{vm['name']}'.",
            "Stop it (Stop-VMFailover) before starting another.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    test_id = lab_id(vm["id"], "test", str(w.now))
    w.host(fqdn)["vms"][test_id] = {
        "name": f"{vm['name']} - Test",
        "id": test_id,
        "state": "Off",
        "generation": vm["generation"],
        "disks": [dict(d) for d in vm["disks"]],
        "repl": None,
        "test_of": vm["id"],
    }
    repl["test_vm_id"] = test_id
    return w.host(fqdn)["vms"][test_id]


#: Replica states in which a test failover can exist; Stop-VMFailover in any other state would
#: act on a real failover (the same list as the PowerShell script; FiredrillInProgress UNCONFIRMED).
TEST_FAILOVER_STATES = ("Replicating", "Suspended", "Error", "FiredrillInProgress")


def stop_test_failover(w: World, fqdn: str, vm_id: str) -> str:
    """Removes the test VM; returns its name, or "" when there is none (nothing changes)."""
    cmdlet = "Stop-VMFailover"
    vm = w.vm(fqdn, vm_id)
    repl = vm.get("repl") or {}
    test_id = repl.get("test_vm_id")
    if not test_id:
        return ""  # as the real script: no test VM, nothing to stop, nothing changed
    if repl.get("state") not in TEST_FAILOVER_STATES:
        raise InvalidState(
            f"Not stopping anything: {vm['name']} is in replication state {repl.get('state')}, "
            "which belongs to a real failover, not a test failover.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    test_vm = w.host(fqdn)["vms"].pop(test_id, None)
    vm["repl"]["test_vm_id"] = None
    return test_vm["name"] if test_vm else f"{vm['name']} - Test"


def partner_of(w: World, vm: VmDict) -> VmDict | None:
    return replica_partner(w, vm["repl"], vm["id"]) if vm.get("repl") else None


# --- resuming after an interruption ------------------------------------------------------------

#: How long a resynchronization takes in the lab unless the lab settings say otherwise.
RESYNC_SECONDS = 120.0
#: States Resume-VMReplication leaves (hyperv-reference.md, "Resynchronization"); everything
#: else is refused as Hyper-V refuses an invalid state (WMI 32775).
_RESUMABLE = ("Suspended", "Error")
_RESYNC_STATES = ("WaitingForStartResynchronize", "ResynchronizeSuspended")


def resume_replication(w: World, fqdn: str, vm_id: str, resynchronize: bool) -> VmDict:
    """Resume-VMReplication [-Resynchronize]: Suspended/Error -> Replicating (or, with
    -Resynchronize, Resynchronizing); WaitingForStartResynchronize -> Resynchronizing only with
    -Resynchronize; ResynchronizeSuspended -> Resynchronizing. UNCONFIRMED what Hyper-V does
    for WaitingForStartResynchronize without -Resynchronize: the lab refuses (never kinder)."""
    cmdlet = "Resume-VMReplication"
    vm = w.vm(fqdn, vm_id)
    repl = vm.get("repl")
    if not repl:
        raise InvalidState(
            f"Replication is not enabled for virtual machine '{vm['name']}' on {fqdn}.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    state = repl["state"]
    if state in _RESUMABLE and not resynchronize:
        _set_state(repl, ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    elif state in _RESUMABLE + _RESYNC_STATES and (
        resynchronize or state == "ResynchronizeSuspended"
    ):
        _set_state(repl, ReplicationState.RESYNCHRONIZING, ReplicationHealth.WARNING)
        repl["resync_started"] = w.now
    elif state == "WaitingForStartResynchronize":
        raise InvalidState(
            f"Replication of '{vm['name']}' needs resynchronization; it cannot simply resume.",
            "Resume it with resynchronization (Resume-VMReplication -Resynchronize).",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    else:
        raise InvalidState(
            f"Replication of '{vm['name']}' cannot be resumed in state '{state}'.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    return vm


def _set_state(repl: dict[str, Any], state: ReplicationState, health: ReplicationHealth) -> None:
    repl["state"] = state.value
    repl["health"] = health.value
    repl["last_error"] = ""


def advance_resync(w: World) -> None:
    """A resynchronization ends after ``resync_seconds`` of lab time: Replicating again."""
    seconds = float(w.settings.get("resync_seconds", RESYNC_SECONDS))
    for host in w.state["hosts"].values():
        for vm in host["vms"].values():
            repl = vm.get("repl") or {}
            started = repl.get("resync_started")
            if repl.get("state") != "Resynchronizing" or started is None:
                continue
            if w.now - float(started) >= seconds:
                _set_state(repl, ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
                repl["resync_started"] = None


def interrupt(w: World, fqdn: str, vm_id: str, state: ReplicationState, reason: str) -> None:
    """Lab control: the relationship of a primary or replica VM falls into ``state`` (Suspended,
    Error, WaitingForStartResynchronize), e.g. the link was down while the drive travelled."""
    allowed = (
        ReplicationState.SUSPENDED,
        ReplicationState.ERROR,
        ReplicationState.WAITING_FOR_START_RESYNCHRONIZE,
    )
    if state not in allowed:
        raise ValueError(f"The lab interrupts replication only into {[s.value for s in allowed]}.")
    vm = w.vm(fqdn, vm_id)
    repl = vm.get("repl")
    if not repl:
        raise ValueError(f"{vm['name']} on {fqdn} does not replicate.")
    health = (
        ReplicationHealth.WARNING
        if state is ReplicationState.SUSPENDED
        else (ReplicationHealth.CRITICAL)
    )
    repl["state"] = state.value
    repl["health"] = health.value
    repl["last_error"] = reason

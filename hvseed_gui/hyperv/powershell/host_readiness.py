"""Readiness facts for ``hvseed doctor`` (read only, one round trip): render and parse."""

from __future__ import annotations

from typing import Any

from hvseed_gui.hyperv.host import HVSEED_RULE_PREFIX, HostReadiness, StorageSpace
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import (
    as_bool,
    as_list,
    as_opt_int,
    as_text,
    as_time,
    field_of,
    named,
)
from hvseed_gui.hyperv.powershell.replica_server import FIREWALL_RULES, parse_replica_config
from hvseed_gui.hyperv.powershell.script import Script

#: Defender ASR rule "Block process creations originating from PSExec and WMI commands": it
#: blocks the hashing worker's Win32_Process.Create (event 1121).
ASR_WMI_PROCESS_RULE = "d1e49aac-8f56-4280-b9ba-993a6d77406c"


def render_readiness() -> Script:
    """Read-only facts for ``hvseed doctor``, gathered in one round trip. Nothing is changed;
    every fact that cannot be read (no module, no right, a client OS) is reported empty."""
    body = ps1("readiness")
    data = {
        "FirewallRules": list(FIREWALL_RULES),
        "RulePrefix": HVSEED_RULE_PREFIX,
        "AsrRule": ASR_WMI_PROCESS_RULE,
    }
    helpers = ("Get-HvseedCluster", "Get-HvseedReplicaConfig")
    return render("readiness", body, data, helpers=helpers, needs_hyperv=False)


def parse_readiness(data: Any) -> HostReadiness:
    """The readiness script's document (5.1 shapes: bare objects, null lists, numbers)."""
    data = data if isinstance(data, dict) else {}
    replica = data.get("replica")
    cert = data.get("certificate") if isinstance(data.get("certificate"), dict) else {}
    found = cert.get("found")
    return HostReadiness(
        host_name=as_text(data.get("host_name")),
        os_caption=as_text(data.get("os_caption")),
        os_build=as_text(data.get("os_build")),
        is_server=as_bool(data.get("is_server")) if "is_server" in data else True,
        powershell_version=_version_text(data.get("powershell_version")),
        hyperv_module=as_bool(data.get("hyperv_module")),
        vmms_running=as_bool(data.get("vmms_running")),
        replica=parse_replica_config(replica) if isinstance(replica, dict) else None,
        certificate_found=None if found is None else as_bool(found),
        certificate_ekus=tuple(as_text(e) for e in as_list(cert.get("ekus"))),
        certificate_not_after=as_time(cert.get("not_after")),
        certificate_has_private_key=as_bool(cert.get("has_private_key")),
        winrm_listeners=tuple(as_text(x).upper() for x in as_list(data.get("winrm_listeners"))),
        clock_utc=as_time(data.get("clock_utc")),
        fips_enabled=None if data.get("fips_enabled") is None else as_bool(data["fips_enabled"]),
        asr_wmi_process_rule=as_text(data.get("asr_wmi_process_rule")),
        bitlocker_cmdlets=as_bool(data.get("bitlocker_cmdlets")),
        bitlocker_feature=named(data.get("bitlocker_feature"), _INSTALL_STATES),
        storage=tuple(
            StorageSpace(as_text(field_of(s, "path")), as_opt_int(field_of(s, "free_bytes")))
            for s in as_list(data.get("storage"))
            if isinstance(s, dict)
        ),
        is_cluster_node=as_bool(data.get("is_cluster_node")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
    )


def readiness_document(facts: HostReadiness) -> dict[str, Any]:
    """``facts`` in the shape the readiness script emits (for a host without raw output, the
    lab): ``parse_readiness(readiness_document(f)) == f``."""
    config = facts.replica

    def time(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    replica = None
    if config is not None:
        replica = {
            "host_name": config.host_name,
            "replication_enabled": config.replication_enabled,
            "allowed_authentication": config.allowed_authentication,
            "kerberos_port": config.kerberos_port,
            "certificate_port": config.certificate_port,
            "allow_any_server": config.allow_any_server,
            "default_storage_location": config.default_storage_location,
            "certificate_thumbprint": config.certificate_thumbprint,
            "cluster_name": config.cluster_name,
            "replica_broker": config.replica_broker,
            "authorization_entries": [
                {
                    "allowed_primary_server": e.allowed_primary_server,
                    "storage_location": e.storage_location,
                    "trust_group": e.trust_group,
                }
                for e in config.authorization_entries
            ],
            "firewall_rules": [
                {
                    "name": r.name,
                    "display_name": r.display_name,
                    "present": r.present,
                    "enabled": "True" if r.enabled else "False",
                    "local_ports": ",".join(r.local_ports),
                }
                for r in config.firewall_rules
            ],
        }
    return {
        "host_name": facts.host_name,
        "os_caption": facts.os_caption,
        "os_build": facts.os_build,
        "is_server": facts.is_server,
        "powershell_version": facts.powershell_version,
        "hyperv_module": facts.hyperv_module,
        "vmms_running": facts.vmms_running,
        "replica": replica,
        "certificate": {
            "found": facts.certificate_found,
            "ekus": list(facts.certificate_ekus),
            "not_after": time(facts.certificate_not_after),
            "has_private_key": facts.certificate_has_private_key,
        },
        "winrm_listeners": list(facts.winrm_listeners),
        "clock_utc": time(facts.clock_utc),
        "fips_enabled": facts.fips_enabled,
        "asr_wmi_process_rule": facts.asr_wmi_process_rule,
        "bitlocker_cmdlets": facts.bitlocker_cmdlets,
        "bitlocker_feature": facts.bitlocker_feature,
        "storage": [{"path": s.path, "free_bytes": s.free_bytes} for s in facts.storage],
        "is_cluster_node": facts.is_cluster_node,
        "cluster_name": facts.cluster_name,
        "replica_broker": facts.replica_broker,
    }


# Microsoft.Windows.ServerManager.Commands.InstallState (UNCONFIRMED numbers; names are sent).
_INSTALL_STATES = {0: "Available", 1: "Installed", 2: "InstallPending", 3: "Removed"}


def _version_text(value: Any) -> str:
    """``[string]$PSVersionTable.PSVersion``; a Version object as 5.1 would serialise it."""
    if isinstance(value, dict):
        parts = [as_opt_int(value.get(k)) for k in ("Major", "Minor", "Build", "Revision")]
        return ".".join(str(p) for p in parts if p is not None and p >= 0)
    return as_text(value)

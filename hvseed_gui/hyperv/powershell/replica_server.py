"""The Replica server: its settings, authorization entries, listener rules and certificates
(render and parse side by side; the PowerShell is in ``scripts/``).
"""

from __future__ import annotations

from typing import Any

from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    HVSEED_RULE_PREFIX,
    AuthorizationEntry,
    Certificate,
    FirewallRuleState,
    ReplicaServerChange,
    ReplicaServerConfig,
)
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import (
    as_bool,
    as_int,
    as_list,
    as_opt_int,
    as_text,
    as_time,
    field_of,
    named,
)
from hvseed_gui.hyperv.powershell.script import Script

FIREWALL_RULES = (FIREWALL_RULE_HTTP, FIREWALL_RULE_HTTPS)

# RecoveryAuthenticationType (UNCONFIRMED values).
_SERVER_AUTH_NUMBERS = {1: "Kerberos", 2: "Certificate", 3: "CertificateAndKerberos"}


def render_replica_server_config() -> Script:
    """Get-VMReplicationServer, authorization entries, and the two listener firewall rules."""
    body = ps1("replica_server_config")
    data = {"FirewallRules": list(FIREWALL_RULES), "RulePrefix": HVSEED_RULE_PREFIX}
    return render("replica_server_config", body, data, helpers=("Get-HvseedReplicaConfig",))


def render_configure_replica_server(change: ReplicaServerChange) -> Script:
    """Only the settings the change modifies: Set-VMReplicationServer with exactly those keys,
    then at most one New-VMReplicationAuthorizationEntry, then the requested listener rules."""
    unknown = [r for r in change.enable_firewall_rules if r not in FIREWALL_RULES]
    if unknown:
        raise ValueError(
            f"hvseed only enables the Hyper-V Replica listener rules, not {', '.join(unknown)}."
        )
    refusal = change.refusal()
    if refusal:
        raise ValueError(refusal)
    settings = change.server_settings()
    entry = change.add_authorization_entry
    # Set-VMReplicationServer first (it may enable the server), then the entry: public scripts
    # enable a server with AllowedFromAnyServer off and add entries afterwards. Whether an entry
    # can be added to a server that is not enabled yet is UNCONFIRMED; this order avoids needing it.
    body = ps1("configure_replica_server")
    data: dict[str, Any] = {
        # null = leave as is: the script adds a key to the splat only when it has a value
        name: settings.get(name)
        for name in (
            "ReplicationEnabled",
            "AllowedAuthenticationType",
            "KerberosAuthenticationPort",
            "CertificateAuthenticationPort",
            "CertificateThumbprint",
            "ReplicationAllowedFromAnyServer",
            "DefaultStorageLocation",
        )
    }
    data["AuthorizationEntry"] = (
        None
        if entry is None
        else {
            "AllowedPrimaryServer": entry.allowed_primary_server.strip(),
            "ReplicaStorageLocation": entry.storage_location.strip(),
            "TrustGroup": entry.trust_group.strip(),
        }
    )
    data["EnableFirewallRules"] = list(change.enable_firewall_rules)
    data["OpenFirewallPort"] = change.open_firewall_port
    data["FirewallRules"] = list(FIREWALL_RULES)
    data["RulePrefix"] = HVSEED_RULE_PREFIX
    return render("configure_replica_server", body, data, helpers=("Get-HvseedReplicaConfig",))


def _rule_enabled(value: Any) -> bool:
    # Enabled is an enum True=1 / False=2 (NetSecurity), or its name.
    if isinstance(value, bool):
        return value
    number = as_opt_int(value)
    if number is not None:
        return number == 1
    return as_text(value).strip().lower() == "true"


def parse_replica_config(data: Any) -> ReplicaServerConfig:
    data = data if isinstance(data, dict) else {}
    return ReplicaServerConfig(
        host_name=as_text(data.get("host_name")),
        replication_enabled=as_bool(data.get("replication_enabled")),
        allowed_authentication=named(data.get("allowed_authentication"), _SERVER_AUTH_NUMBERS),
        kerberos_port=as_int(data.get("kerberos_port")),
        certificate_port=as_int(data.get("certificate_port")),
        allow_any_server=as_bool(data.get("allow_any_server")),
        default_storage_location=as_text(data.get("default_storage_location")),
        authorization_entries=tuple(
            AuthorizationEntry(
                allowed_primary_server=as_text(field_of(e, "allowed_primary_server")),
                storage_location=as_text(field_of(e, "storage_location")),
                trust_group=as_text(field_of(e, "trust_group")),
            )
            for e in as_list(data.get("authorization_entries"))
        ),
        firewall_rules=tuple(
            FirewallRuleState(
                name=as_text(field_of(r, "name")),
                display_name=as_text(field_of(r, "display_name")),
                present=as_bool(field_of(r, "present")),
                enabled=_rule_enabled(field_of(r, "enabled")),
                # one text "80,8080-8090" (keeps the JSON shallow); a list is read too
                local_ports=tuple(
                    port.strip()
                    for item in as_list(field_of(r, "local_ports"))
                    for port in as_text(item).split(",")
                    if port.strip()
                ),
            )
            for r in as_list(data.get("firewall_rules"))
        ),
        certificate_thumbprint=as_text(data.get("certificate_thumbprint")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
    )


def render_machine_certificates() -> Script:
    """Certificates of the computer's personal store with their EKUs and DNS names."""
    body = ps1("machine_certificates")
    return render("machine_certificates", body, {}, needs_hyperv=False)


EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1"

EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"


def parse_certificates(data: Any) -> list[Certificate]:
    """Certificates usable for Hyper-V Replica: client + server authentication, private key."""
    found: list[Certificate] = []
    for item in as_list(field_of(data, "certificates")):
        if not isinstance(item, dict):
            continue
        ekus = {as_text(e) for e in as_list(item.get("ekus"))}
        has_key = as_bool(item.get("has_private_key"))
        if not ({EKU_SERVER_AUTH, EKU_CLIENT_AUTH} <= ekus and has_key):
            continue
        found.append(
            Certificate(
                thumbprint=as_text(item.get("thumbprint")).upper(),
                subject=as_text(item.get("subject")),
                issuer=as_text(item.get("issuer")),
                not_after=as_time(item.get("not_after")),
                dns_names=tuple(as_text(n) for n in as_list(item.get("dns_names")) if n),
                has_private_key=has_key,
            )
        )
    return found

"""What the Replica server reports and what hvseed may change on it: authorization entries,
listener firewall rules, ``ReplicaServerConfig`` and ``ReplicaServerChange``.

``hvseed_gui.hyperv.host`` re-exports every name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said


@dataclass(frozen=True)
class AuthorizationEntry:
    allowed_primary_server: str
    storage_location: str
    trust_group: str


def authorization_matches(allowed: str, primary: str) -> bool:
    """Whether the authorization entry ``allowed`` lets the primary server ``primary`` in.

    The one rule the wizard and the lab share (hyperv-reference.md, "Checked against
    Microsoft's documentation"): names compare case-insensitively; ``*`` is "any server"; a
    wildcard first label (``*.contoso.com``, New-VMReplicationAuthorizationEntry example 2)
    allows every name below that domain. UNCONFIRMED whether Hyper-V lets ``*.contoso.com``
    match ``a.b.contoso.com`` (more than one label): both are accepted here, and if Hyper-V
    refuses, Enable-VMReplication says so in its own words. When the primary is known only by
    its short name (no domain), its first label is compared with the entry's.
    """
    entry = allowed.strip().lower().rstrip(".")
    name = primary.strip().lower().rstrip(".")
    if not entry or not name:
        return False
    if entry == "*" or entry == name:
        return True
    if entry.startswith("*."):
        return name.endswith(entry[1:]) and len(name) > len(entry) - 1
    if "." not in name:
        return entry.split(".")[0] == name
    return False


@dataclass(frozen=True)
class FirewallRuleState:
    name: str  # VIRT-HVRHTTPL-In-TCP-NoScope / VIRT-HVRHTTPSL-In-TCP-NoScope / HVSEED-HVR-…
    display_name: str
    present: bool
    enabled: bool
    #: the rule's LocalPort (Get-NetFirewallPortFilter): "80", "8080-8090", "Any", …;
    #: empty when the filter was not read (then a built-in rule counts for its documented port)
    local_ports: tuple[str, ...] = ()

    def covers(self, port: int) -> bool:
        """Whether this rule, enabled, lets TCP ``port`` in."""
        if not (self.present and self.enabled):
            return False
        ports = self.local_ports or (BUILTIN_RULE_PORTS.get(self.name, ""),)
        for item in ports:
            text = item.strip().lower()
            if text == "any" or text == str(port):
                return True
            low, dash, high = text.partition("-")
            if dash and low.isdigit() and high.isdigit() and int(low) <= port <= int(high):
                return True
        return False


FIREWALL_RULE_HTTP = "VIRT-HVRHTTPL-In-TCP-NoScope"
FIREWALL_RULE_HTTPS = "VIRT-HVRHTTPSL-In-TCP-NoScope"
#: the built-in listener rules open the default ports only (configure-replication-single-host.md)
BUILTIN_RULE_PORTS = {FIREWALL_RULE_HTTP: "80", FIREWALL_RULE_HTTPS: "443"}
#: the rule hvseed creates (with consent) for a Replica server listening on another port
HVSEED_RULE_PREFIX = "HVSEED-HVR-In-TCP-"


def listener_rule_name(port: int) -> str:
    """The name of the inbound rule hvseed creates for a listener on ``port``."""
    return f"{HVSEED_RULE_PREFIX}{int(port)}"


def builtin_rule(auth: AuthenticationType) -> str:
    """The built-in listener rule of ``auth`` (HTTP for Kerberos, HTTPS for certificates)."""
    return FIREWALL_RULE_HTTP if auth is AuthenticationType.KERBEROS else FIREWALL_RULE_HTTPS


@dataclass(frozen=True)
class ReplicaServerConfig:
    """Get-VMReplicationServer plus the state of the replica listener firewall rules."""

    host_name: str
    replication_enabled: bool
    allowed_authentication: str  # "Kerberos", "Certificate" or "CertificateAndKerberos"
    kerberos_port: int
    certificate_port: int
    allow_any_server: bool
    default_storage_location: str
    authorization_entries: tuple[AuthorizationEntry, ...] = ()
    firewall_rules: tuple[FirewallRuleState, ...] = ()
    certificate_thumbprint: str = ""
    cluster_name: str = ""  # the failover cluster this host is a node of, if any
    replica_broker: str = ""  # the cluster's Hyper-V Replica Broker client access point

    def names_cluster_node(self, server_name: str) -> bool:
        """True when ``server_name`` is a node of a failover cluster, not its Replica Broker:
        a clustered Replica server is named by the broker's client access point (DOC-SETUP)."""
        if not self.cluster_name:
            return False
        short = server_name.strip().lower().split(".")[0]
        return not self.replica_broker or short != self.replica_broker.lower().split(".")[0]

    def accepts(self, auth: AuthenticationType) -> bool:
        return self.replication_enabled and auth.value in self.allowed_authentication

    def port_for(self, auth: AuthenticationType) -> int:
        if auth is AuthenticationType.KERBEROS:
            return self.kerberos_port
        return self.certificate_port

    def firewall_rule_enabled(self, auth: AuthenticationType) -> bool | None:
        """True/False for the built-in listener rule of ``auth``; None when it was not found."""
        wanted = builtin_rule(auth)
        for rule in self.firewall_rules:
            if rule.name == wanted:
                return rule.enabled if rule.present else None
        return None

    def firewall_port_open(self, auth: AuthenticationType) -> bool | None:
        """Whether an enabled rule read here lets the ``auth`` listener's port in.

        None when no rule was read at all (nothing to judge); the built-in rules open 80/443
        only, so a listener on another port needs a rule of its own (``listener_rule_name``).
        """
        if not any(rule.present for rule in self.firewall_rules):
            return None
        port = self.port_for(auth)
        return any(rule.covers(port) for rule in self.firewall_rules)

    def firewall_fix(self, auth: AuthenticationType) -> tuple[tuple[str, ...], int | None]:
        """What opens the ``auth`` listener: built-in rules to enable, or a port to open."""
        if self.firewall_port_open(auth) is not False:
            return (), None
        port = self.port_for(auth)
        builtin = builtin_rule(auth)
        if BUILTIN_RULE_PORTS[builtin] == str(port):
            return (builtin,), None
        return (), port

    def problems_for(self, auth: AuthenticationType, primary_host: str = "") -> list[str]:
        """Why this server would refuse replication with ``auth``, in plain words (``Said``)."""
        problems: list[str] = []
        host = self.host_name
        if not self.replication_enabled:
            problems.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "ReplicaServer", "{host} is not enabled as a Replica server."
                    ),
                    code="not-replica-server",
                    host=host,
                )
            )
        elif auth.value not in self.allowed_authentication:
            problems.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "ReplicaServer", "{host} accepts only {auth} authentication."
                    ),
                    code="authentication",
                    host=host,
                    auth=self.allowed_authentication,
                )
            )
        listed = any(
            authorization_matches(e.allowed_primary_server, primary_host)
            for e in self.authorization_entries
        )
        if self.replication_enabled and not self.allow_any_server and primary_host and not listed:
            problems.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "ReplicaServer",
                        "{host} accepts replication only from listed servers, "
                        "and {primary} is not among them.",
                    ),
                    code="primary-not-listed",
                    host=host,
                    primary=primary_host,
                )
            )
        if self.firewall_port_open(auth) is False:
            port = self.port_for(auth)
            builtin = builtin_rule(auth)
            if BUILTIN_RULE_PORTS[builtin] == str(port):
                problems.append(
                    said(
                        QT_TRANSLATE_NOOP(
                            "ReplicaServer",
                            "The firewall rule for the {auth} listener is disabled on {host}.",
                        ),
                        code="firewall-rule-disabled",
                        auth=auth.value,
                        host=host,
                    )
                )
            else:
                problems.append(
                    said(
                        QT_TRANSLATE_NOOP(
                            "ReplicaServer",
                            "The {auth} listener on {host} uses port {port}, but no enabled "
                            "firewall rule opens that port: the built-in rule {rule} opens port "
                            "{rule_port} only.",
                        ),
                        code="firewall-port-closed",
                        auth=auth.value,
                        host=host,
                        port=port,
                        rule=builtin,
                        rule_port=BUILTIN_RULE_PORTS[builtin],
                    )
                )
        return problems


@dataclass(frozen=True)
class ReplicaServerChange:
    """What ``configure_replica_server`` should change; only on the admin's explicit consent.

    ``None`` (``""`` for the texts) leaves a setting as it is: only the other settings are sent
    to Set-VMReplicationServer (see ``server_settings``). The defaults are the historic "enable
    and allow any server" change; build a minimal change with ``ReplicaServerChange.only(...)``.
    ``enable_replication=False`` is refused: it would stop every VM replicating to the server.
    ``add_authorization_entry`` adds one New-VMReplicationAuthorizationEntry (only allowed while
    ReplicationAllowedFromAnyServer is off).
    """

    enable_replication: bool | None = True
    allowed_authentication: str | None = "Kerberos"  # Kerberos|Certificate|CertificateAndKerberos
    kerberos_port: int | None = 80
    certificate_port: int | None = 443
    certificate_thumbprint: str = ""
    allow_any_server: bool | None = True
    default_storage_location: str = ""
    enable_firewall_rules: tuple[str, ...] = ()  # rule names to enable
    add_authorization_entry: AuthorizationEntry | None = None
    #: create (or enable) hvseed's inbound TCP rule for a listener on this port
    open_firewall_port: int | None = None

    @classmethod
    def only(cls, **settings: Any) -> ReplicaServerChange:
        """A change that sets exactly ``settings`` and leaves everything else as it is."""
        base: dict[str, Any] = {
            "enable_replication": None,
            "allowed_authentication": None,
            "kerberos_port": None,
            "certificate_port": None,
            "allow_any_server": None,
        }
        base.update(settings)
        return cls(**base)

    def server_settings(self) -> dict[str, bool | int | str]:
        """The Set-VMReplicationServer parameters this change sends (name -> value), in order."""
        pairs: list[tuple[str, bool | int | str | None]] = [
            ("ReplicationEnabled", self.enable_replication),
            ("AllowedAuthenticationType", self.allowed_authentication),
            ("KerberosAuthenticationPort", self.kerberos_port),
            ("CertificateAuthenticationPort", self.certificate_port),
            ("CertificateThumbprint", self.certificate_thumbprint.replace(" ", "") or None),
            ("ReplicationAllowedFromAnyServer", self.allow_any_server),
            ("DefaultStorageLocation", self.default_storage_location.strip() or None),
        ]
        return {name: value for name, value in pairs if value is not None}

    def is_empty(self) -> bool:
        return not (
            self.server_settings()
            or self.enable_firewall_rules
            or self.add_authorization_entry
            or self.open_firewall_port
        )

    def refusal(self) -> str:
        """Why hvseed will not send this change, in one sentence; "" when it may."""
        if self.enable_replication is False:
            return (
                "hvseed never switches a Replica server off: that would stop replication of "
                "every virtual machine that replicates to it. Use Hyper-V Settings if you "
                "really mean to."
            )
        if self.allowed_authentication is not None and self.allowed_authentication not in (
            "Kerberos",
            "Certificate",
            "CertificateAndKerberos",
        ):
            return "Allowed authentication must be Kerberos, Certificate or CertificateAndKerberos."
        port = self.open_firewall_port
        if port is not None and not 0 < port < 65536:
            return f"{port} is not a TCP port (1 to 65535)."
        entry = self.add_authorization_entry
        if entry is not None:
            if self.allow_any_server:
                # documented: New-VMReplicationAuthorizationEntry needs AllowedFromAnyServer off
                return (
                    "An authorization entry can only be added while the server does not allow "
                    "replication from any authenticated server; choose one or the other."
                )
            texts = (entry.allowed_primary_server, entry.storage_location, entry.trust_group)
            if not all(text.strip() for text in texts):
                return (
                    "An authorization entry needs the primary server, a storage location and a "
                    "trust group."
                )
        return ""

"""``hvseed doctor``'s readiness table: judge both hosts' read-only facts, one row per check.

Qt-free and host-free: the facts come from ``HyperVHost.readiness()`` (``HostReadiness``; core
does not import the seam, so they are typed ``Any`` here), the CLI and a wizard page render
the same rows. Every row that is not OK says what to do. Rows carry a stable ``code`` so every
front end can word them in its language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from enum import Enum
from typing import Any

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Size, joined, said

EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1"
EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"
#: Kerberos' default maximum tolerance for computer clock synchronization
MAX_CLOCK_SKEW_SECONDS = 300.0
MIN_POWERSHELL = (5, 1)


class Status(str, Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"
    UNKNOWN = "?"


@dataclass(frozen=True)
class Row:
    code: str  # stable: "powershell", "hyperv", "replica_server", "firewall_port", …
    check: str
    host: str
    status: Status
    finding: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        data = asdict(self)
        data["status"] = self.status.value
        return data


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        if not piece.isdigit():
            break
        parts.append(int(piece))
    return tuple(parts)


def _powershell(host: str, facts: Any) -> Row:
    text = facts.powershell_version
    version = _version(text)
    check = "PowerShell version"
    if not version:
        return Row(
            "powershell",
            check,
            host,
            Status.UNKNOWN,
            said(QT_TRANSLATE_NOOP("Readiness", "not reported")),
        )
    if version[:2] >= MIN_POWERSHELL:
        return Row("powershell", check, host, Status.OK, f"Windows PowerShell {text}")
    return Row(
        "powershell",
        check,
        host,
        Status.FAIL,
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "PowerShell {version}: hvseed's scripts need Windows PowerShell 5.1 "
                "(Windows Server 2012 R2 ships 4.0).",
            ),
            version=text,
        ),
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "Install Windows Management Framework 5.1 on this host, restart it, and run "
                "doctor again.",
            )
        ),
    )


def _hyperv(host: str, facts: Any) -> Row:
    check = "Hyper-V module and service"
    if facts.hyperv_module and facts.vmms_running:
        return Row(
            "hyperv",
            check,
            host,
            Status.OK,
            said(QT_TRANSLATE_NOOP("Readiness", "Hyper-V module present, vmms running")),
        )
    missing = (
        QT_TRANSLATE_NOOP("Readiness", "The Hyper-V PowerShell module is missing.")
        if not facts.hyperv_module
        else QT_TRANSLATE_NOOP("Readiness", "The vmms service is not running.")
    )
    return Row(
        "hyperv",
        check,
        host,
        Status.FAIL,
        said(missing),
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "Install the Hyper-V role with its management tools (Install-WindowsFeature "
                "Hyper-V -IncludeManagementTools) and start the Hyper-V Virtual Machine "
                "Management service.",
            )
        ),
    )


def _listeners(host: str, facts: Any, https: bool) -> Row:
    check = "WinRM listeners"
    listeners = tuple(facts.winrm_listeners)
    if not listeners:
        return Row(
            "winrm",
            check,
            host,
            Status.UNKNOWN,
            said(QT_TRANSLATE_NOOP("Readiness", "could not be read here")),
        )
    shown = ", ".join(listeners)
    has_http = any(item.startswith("HTTP:") for item in listeners)
    has_https = any(item.startswith("HTTPS:") for item in listeners)
    if https and not has_https:
        return Row(
            "winrm",
            check,
            host,
            Status.WARN,
            said(
                QT_TRANSLATE_NOOP("Readiness", "{listeners}: no HTTPS listener."), listeners=shown
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Connect without --https (Kerberos over HTTP 5985, encrypted), or create an "
                    "HTTPS listener with a certificate for this host's name.",
                )
            ),
        )
    if not https and not has_http:
        return Row(
            "winrm",
            check,
            host,
            Status.WARN,
            said(QT_TRANSLATE_NOOP("Readiness", "{listeners}: no HTTP listener."), listeners=shown),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Connect with --https (the certificate must be trusted), or run "
                    "Enable-PSRemoting on this host.",
                )
            ),
        )
    return Row("winrm", check, host, Status.OK, shown)


def _fips(host: str, facts: Any) -> Row:
    check = "FIPS policy"
    if facts.fips_enabled is None:
        return Row(
            "fips",
            check,
            host,
            Status.UNKNOWN,
            said(QT_TRANSLATE_NOOP("Readiness", "not readable")),
        )
    if facts.fips_enabled:
        return Row(
            "fips",
            check,
            host,
            Status.OK,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "FIPS mode is on; hvseed hashes with SHA256CryptoServiceProvider, which it "
                    "allows.",
                )
            ),
        )
    return Row(
        "fips", check, host, Status.OK, said(QT_TRANSLATE_NOOP("Readiness", "FIPS mode is off"))
    )


def _asr(host: str, facts: Any, hashes_here: bool) -> Row:
    check = "Defender ASR: process creation from WMI"
    action = facts.asr_wmi_process_rule
    if not action:
        return Row(
            "asr",
            check,
            host,
            Status.UNKNOWN,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness", "not readable (Defender is not the active antivirus, or no rights)"
                )
            ),
        )
    if action == "Block" and hashes_here:
        return Row(
            "asr",
            check,
            host,
            Status.WARN,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    'The rule "Block process creations originating from PSExec and WMI commands" '
                    "blocks hvseed's hashing process on this host.",
                )
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Hash from a workstation instead (hvseed verify where the drive is readable), "
                    "or ask for an ASR exclusion for the hashing run.",
                )
            ),
        )
    rule = {
        "Block": QT_TRANSLATE_NOOP("Readiness", "rule on (block)"),
        "Audit": QT_TRANSLATE_NOOP("Readiness", "rule in audit mode"),
        "Warn": QT_TRANSLATE_NOOP("Readiness", "rule in warn mode"),
        "Disabled": QT_TRANSLATE_NOOP("Readiness", "rule off"),
    }.get(action)
    finding = (
        said(rule) if rule else said(QT_TRANSLATE_NOOP("Readiness", "rule {action}"), action=action)
    )
    return Row("asr", check, host, Status.OK, finding)


def _broker(facts: Any) -> str:
    return said(
        QT_TRANSLATE_NOOP("Readiness", "Cluster {cluster} with Replica Broker {broker}."),
        cluster=facts.cluster_name,
        broker=facts.replica_broker,
    )


def _cluster(host: str, facts: Any, replica_side: bool) -> Row:
    check = "Cluster role"
    if not facts.is_cluster_node:
        return Row(
            "cluster",
            check,
            host,
            Status.OK,
            said(QT_TRANSLATE_NOOP("Readiness", "not a cluster node")),
        )
    if not facts.replica_broker:
        return Row(
            "cluster",
            check,
            host,
            Status.FAIL,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness", "Node of cluster {cluster} without a Hyper-V Replica Broker."
                ),
                cluster=facts.cluster_name,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Add the Hyper-V Replica Broker role to the cluster "
                    "(Failover Cluster Manager).",
                )
            ),
        )
    fix = (
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "Use the broker's client access point {broker} as the Replica server; enable "
                "the listener firewall rule on every node; import on the node that owns the "
                "replica VM.",
            ),
            broker=facts.replica_broker,
        )
        if replica_side
        else said(
            QT_TRANSLATE_NOOP(
                "Readiness", "Attach the drive to the node that owns the VM and export there."
            )
        )
    )
    return Row("cluster", check, host, Status.WARN, _broker(facts), fix)


def _replica_rows(primary: Any, replica: Any, auth: AuthenticationType) -> list[Row]:
    host = replica.host_name
    config = replica.replica
    if config is None:
        return [
            Row(
                "replica_server",
                "Replica server",
                host,
                Status.UNKNOWN,
                said(QT_TRANSLATE_NOOP("Readiness", "not readable (Hyper-V missing)")),
            )
        ]
    rows: list[Row] = []
    problems = [
        p for p in config.problems_for(auth, primary.host_name) if not p.code.startswith("firewall")
    ]
    if problems:
        rows.append(
            Row(
                "replica_server",
                "Replica server and authorization",
                host,
                Status.FAIL,
                joined(problems),
                said(
                    QT_TRANSLATE_NOOP(
                        "Readiness",
                        "Let the wizard's Replica page propose the change (with your consent), or "
                        "set it in Hyper-V Settings > Replication Configuration.",
                    )
                ),
            )
        )
    else:
        entries = ", ".join(e.allowed_primary_server for e in config.authorization_entries)
        who = (
            said(QT_TRANSLATE_NOOP("Readiness", "any authenticated server"))
            if config.allow_any_server
            else entries
        )
        rows.append(
            Row(
                "replica_server",
                "Replica server and authorization",
                host,
                Status.OK,
                said(
                    QT_TRANSLATE_NOOP("Readiness", "accepts {auth} from {who}"),
                    auth=auth.value,
                    who=who,
                ),
            )
        )
    port = config.port_for(auth)
    opened = config.firewall_port_open(auth)
    check = "Listener port vs firewall rule"
    if opened is None:
        unread = said(QT_TRANSLATE_NOOP("Readiness", "no rule could be read"))
        rows.append(Row("firewall_port", check, host, Status.UNKNOWN, unread))
    elif opened:
        opened_text = said(QT_TRANSLATE_NOOP("Readiness", "port {port} open"), port=port)
        rows.append(Row("firewall_port", check, host, Status.OK, opened_text))
    else:
        finding = next(
            (p for p in config.problems_for(auth) if p.code.startswith("firewall")),
            said(QT_TRANSLATE_NOOP("Readiness", "port {port} is not open"), port=port),
        )
        rows.append(
            Row(
                "firewall_port",
                check,
                host,
                Status.FAIL,
                finding,
                said(
                    QT_TRANSLATE_NOOP(
                        "Readiness",
                        "Enable a firewall rule for TCP {port} on this host (on every node of a "
                        "cluster); the wizard's Replica page offers it.",
                    ),
                    port=port,
                ),
            )
        )
    if auth is AuthenticationType.CERTIFICATE or "Certificate" in config.allowed_authentication:
        rows.append(_certificate(host, replica))
    return rows


def _certificate(host: str, facts: Any) -> Row:
    check = "Replica certificate and EKU"
    fix = said(
        QT_TRANSLATE_NOOP(
            "Readiness",
            "Use a machine certificate with Server and Client Authentication EKUs, a private key, "
            "the host's FQDN (or the broker's) as subject or SAN, from a CA both hosts trust.",
        )
    )
    if facts.certificate_found is None:
        return Row(
            "certificate",
            check,
            host,
            Status.WARN,
            said(QT_TRANSLATE_NOOP("Readiness", "no certificate configured")),
            fix,
        )
    if not facts.certificate_found:
        return Row(
            "certificate",
            check,
            host,
            Status.FAIL,
            said(QT_TRANSLATE_NOOP("Readiness", "the configured certificate is missing")),
            fix,
        )
    ekus = set(facts.certificate_ekus)
    wanted = {EKU_SERVER_AUTH, EKU_CLIENT_AUTH}
    if not wanted <= ekus or not facts.certificate_has_private_key:
        return Row(
            "certificate",
            check,
            host,
            Status.FAIL,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "needs both Server and Client Authentication EKUs and a private key",
                )
            ),
            fix,
        )
    return Row(
        "certificate",
        check,
        host,
        Status.OK,
        said(QT_TRANSLATE_NOOP("Readiness", "Server + Client Authentication, key")),
    )


def _bitlocker(host: str, facts: Any) -> Row:
    check = "BitLocker (to unlock the drive)"
    if not facts.is_server:
        if facts.bitlocker_cmdlets:
            return Row(
                "bitlocker",
                check,
                host,
                Status.OK,
                said(QT_TRANSLATE_NOOP("Readiness", "client Windows with BitLocker")),
            )
        return Row(
            "bitlocker",
            check,
            host,
            Status.WARN,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "client Windows without BitLocker (Home editions cannot unlock the drive)",
                )
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Unlock the drive on a Pro or Enterprise edition, or ship it unencrypted.",
                )
            ),
        )
    if facts.bitlocker_feature == "Installed":
        return Row(
            "bitlocker",
            check,
            host,
            Status.OK,
            said(QT_TRANSLATE_NOOP("Readiness", "BitLocker feature installed")),
        )
    return Row(
        "bitlocker",
        check,
        host,
        Status.WARN,
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "The BitLocker feature is not installed (Windows Server does not install it by "
                "default): this host cannot unlock a BitLocker To Go drive.",
            )
        ),
        said(
            QT_TRANSLATE_NOOP(
                "Readiness",
                "Install-WindowsFeature BitLocker -IncludeAllSubFeature -IncludeManagementTools, "
                "restart, then ship an encrypted drive; or ship it unencrypted.",
            )
        ),
    )


def _storage(primary: Any, replica: Any, sizes: dict[str, int] | None) -> Row | None:
    config = replica.replica
    if config is None or sizes is None:
        return None
    host = replica.host_name
    location = config.default_storage_location
    from_matches = [
        e.storage_location
        for e in config.authorization_entries
        if not config.allow_any_server and _entry_allows(config, e, primary.host_name)
    ]
    if from_matches:
        location = from_matches[0]
    needed = sum(sizes.values())
    check = "Replica storage space"
    free = next((s.free_bytes for s in replica.storage if s.path == location), None)
    if not location or free is None:
        unknown = said(
            QT_TRANSLATE_NOOP("Readiness", "free space of '{location}' unknown"),
            location=location,
        )
        return Row("storage", check, host, Status.UNKNOWN, unknown)
    finding = said(
        QT_TRANSLATE_NOOP("Readiness", "{free} free in {location}; the plan needs {needed}"),
        free=Size(free),
        location=location,
        needed=Size(needed),
    )
    if free < needed:
        return Row(
            "storage",
            check,
            host,
            Status.FAIL,
            finding,
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Free space there, or choose another storage location for this primary.",
                )
            ),
        )
    return Row("storage", check, host, Status.OK, finding)


def _entry_allows(config: Any, entry: Any, primary: str) -> bool:
    """Whether ``entry`` alone lets ``primary`` in, judged by the config's own (wildcard) rule."""
    probe = replace(
        config,
        replication_enabled=True,
        allowed_authentication="Kerberos",
        allow_any_server=False,
        authorization_entries=(entry,),
        firewall_rules=(),
    )
    return not probe.problems_for(AuthenticationType.KERBEROS, primary)


def _skew(primary: Any, replica: Any, offsets: tuple[float, float] | None) -> Row:
    check = "Time skew between hosts (Kerberos)"
    where = f"{primary.host_name} / {replica.host_name}"
    if offsets is None:
        unread = said(QT_TRANSLATE_NOOP("Readiness", "clocks not read"))
        return Row("clock", check, where, Status.UNKNOWN, unread)
    skew = abs(offsets[0] - offsets[1])
    finding = said(QT_TRANSLATE_NOOP("Readiness", "{seconds} s apart"), seconds=f"{skew:.0f}")
    if skew > MAX_CLOCK_SKEW_SECONDS:
        return Row(
            "clock",
            check,
            where,
            Status.FAIL,
            said(
                QT_TRANSLATE_NOOP("Readiness", "{finding} (Kerberos allows 5 minutes)"),
                finding=finding,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Readiness",
                    "Synchronise both hosts with the domain's time (w32tm /resync) and check "
                    "their time source.",
                )
            ),
        )
    return Row("clock", check, where, Status.OK, finding)


def readiness_table(
    primary: Any,
    replica: Any,
    *,
    auth: AuthenticationType = AuthenticationType.KERBEROS,
    clock_offsets: tuple[float, float] | None = None,
    plan_sizes: dict[str, int] | None = None,
    https: bool = False,
) -> list[Row]:
    """Every row for Host A (``primary``) and Host B (``replica``), both ``HostReadiness``.

    ``clock_offsets``: each host's clock minus this computer's, in seconds, taken when each was
    read. ``plan_sizes``: VM name -> initial copy bytes of a plan, for the storage check.
    """
    a, b = primary.host_name, replica.host_name
    rows: list[Row] = []
    for host, facts in ((a, primary), (b, replica)):
        rows.append(_powershell(host, facts))
        rows.append(_hyperv(host, facts))
    rows.extend(_replica_rows(primary, replica, auth))
    rows.append(_bitlocker(b, replica))
    storage = _storage(primary, replica, plan_sizes)
    if storage is not None:
        rows.append(storage)
    for host, facts in ((a, primary), (b, replica)):
        rows.append(_listeners(host, facts, https))
        rows.append(_fips(host, facts))
        rows.append(_asr(host, facts, hashes_here=True))
        rows.append(_cluster(host, facts, replica_side=facts is replica))
    rows.append(_skew(primary, replica, clock_offsets))
    return rows


def overall(rows: Iterable[Row]) -> Status:
    """FAIL when any row fails, else WARN when any warns, else OK."""
    statuses = {row.status for row in rows}
    for status in (Status.FAIL, Status.WARN):
        if status in statuses:
            return status
    return Status.OK


def format_table(rows: list[Row]) -> str:
    """The table as plain text: status, check, host, finding; the fix on the next line."""
    width_check = max((len(r.check) for r in rows), default=10)
    width_host = max((len(r.host) for r in rows), default=10)
    lines = [f"{'':4}  {'Check':<{width_check}}  {'Host':<{width_host}}  Finding"]
    for row in rows:
        lines.append(
            f"{row.status.value:<4}  {row.check:<{width_check}}  {row.host:<{width_host}}  "
            f"{row.finding}"
        )
        if row.fix and row.status is not Status.OK:
            lines.append(f"{'':4}  {'':<{width_check}}  {'':<{width_host}}  -> {row.fix}")
    return "\n".join(lines)

"""The Hyper-V seam: one typed interface for everything hvseed asks of a Hyper-V host.

Every method is one round trip to the host and returns frozen dataclasses. Implementations:
``PowerShellHost`` (powershell.exe on this computer, or WinRM) and ``LabHost`` (the simulated
lab). Failures are raised as the types in ``hvseed_gui.hyperv.errors``.

VMs are addressed by ``VmRef`` (name *and* ID): scripts resolve the VM by its ID, because names
may repeat and ``-VMName`` treats ``*`` and ``?`` as wildcards.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.plan import AuthenticationType, ReplicationPlan
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.errors import Unsupported

# --- enumerations, compared by name (Windows PowerShell 5.1 emits enums as undocumented numbers,
# so every script converts them with [string] before they travel) ------------------------------


_E = TypeVar("_E", bound="_ByName")


class _ByName(str, Enum):
    """An enum parsed by member name, case-insensitively, with a fallback for unknown text."""

    @classmethod
    def _fallback(cls: type[_E]) -> _E:
        raise NotImplementedError

    @classmethod
    def parse(cls: type[_E], value: object) -> _E:
        text = "" if value is None else str(value).lower()
        for member in cls:
            if member.value.lower() == text:
                return member
        return cls._fallback()


class ReplicationState(_ByName):
    """Microsoft.HyperV.PowerShell VMReplicationState, by name (the 22 documented names)."""

    DISABLED = "Disabled"
    READY_FOR_INITIAL_REPLICATION = "ReadyForInitialReplication"
    INITIAL_REPLICATION_IN_PROGRESS = "InitialReplicationInProgress"
    WAITING_FOR_INITIAL_REPLICATION = "WaitingForInitialReplication"
    REPLICATING = "Replicating"
    PREPARED_FOR_FAILOVER = "PreparedForFailover"
    FAILED_OVER_WAITING_COMPLETION = "FailedOverWaitingCompletion"
    FAILED_OVER = "FailedOver"
    SUSPENDED = "Suspended"
    ERROR = "Error"
    WAITING_FOR_START_RESYNCHRONIZE = "WaitingForStartResynchronize"
    RESYNCHRONIZING = "Resynchronizing"
    RESYNCHRONIZE_SUSPENDED = "ResynchronizeSuspended"
    RECOVERY_IN_PROGRESS = "RecoveryInProgress"
    FAILBACK_IN_PROGRESS = "FailbackInProgress"
    FAILBACK_COMPLETE = "FailbackComplete"
    WAITING_FOR_UPDATE_COMPLETION = "WaitingForUpdateCompletion"
    UPDATE_ERROR = "UpdateError"
    WAITING_FOR_REPURPOSE_COMPLETION = "WaitingForRepurposeCompletion"
    PREPARED_FOR_SYNC_REPLICATION = "PreparedForSyncReplication"
    PREPARED_FOR_GROUP_REVERSE_REPLICATION = "PreparedForGroupReverseReplication"
    FIREDRILL_IN_PROGRESS = "FiredrillInProgress"
    UNKNOWN = "Unknown"  # anything a newer Hyper-V reports that we do not know

    @classmethod
    def _fallback(cls) -> ReplicationState:
        return cls.UNKNOWN


class ReplicationHealth(_ByName):
    NOT_APPLICABLE = "NotApplicable"
    NORMAL = "Normal"
    WARNING = "Warning"
    CRITICAL = "Critical"

    @classmethod
    def _fallback(cls) -> ReplicationHealth:
        return cls.NOT_APPLICABLE


class ReplicationMode(_ByName):
    NONE = "None"
    PRIMARY = "Primary"
    REPLICA = "Replica"
    TEST_REPLICA = "TestReplica"
    EXTENDED_REPLICA = "ExtendedReplica"

    @classmethod
    def _fallback(cls) -> ReplicationMode:
        return cls.NONE


class JobState(str, Enum):
    """State of a long Hyper-V job (export, import, hashing) as hvseed reports it."""

    NOT_STARTED = "NotStarted"
    RUNNING = "Running"
    COMPLETED = "Completed"
    FAILED = "Failed"
    CANCELLED = "Cancelled"

    @property
    def finished(self) -> bool:
        return self in (JobState.COMPLETED, JobState.FAILED, JobState.CANCELLED)


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VmRef:
    """A VM addressed by name (for people) and ID (for scripts)."""

    name: str
    id: str


@dataclass(frozen=True)
class VhdFile:
    """One file of a disk chain (the disk itself or one of its parents)."""

    path: str
    file_size: int


@dataclass(frozen=True)
class Vhd:
    """A virtual hard disk attached to a VM."""

    path: str
    format: str  # "VHDX" or "VHD"
    vhd_type: str  # "Dynamic", "Fixed" or "Differencing"
    file_size: int  # bytes on disk now
    max_size: int  # the disk's virtual size
    parents: tuple[VhdFile, ...] = ()  # parent chain, nearest first
    controller: str = ""  # e.g. "IDE 0:0", "SCSI 0:0": the boot disk is usually the first
    # False in a light inventory: only the path is known; sizes, type and parents come from
    # ``HyperVHost.vm_disks`` (Get-VHD opens each file: tens of milliseconds per disk)
    details_known: bool = True

    @property
    def chain_file_size(self) -> int:
        """Bytes this disk adds to the initial copy: its file plus every parent file."""
        return self.file_size + sum(p.file_size for p in self.parents)

    @property
    def file_name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class VirtualMachine:
    name: str
    id: str
    state: str  # "Running", "Off", "Saved", …
    generation: int
    replication_state: ReplicationState = ReplicationState.DISABLED
    replication_mode: ReplicationMode = ReplicationMode.NONE
    replication_health: ReplicationHealth = ReplicationHealth.NOT_APPLICABLE
    vhds: tuple[Vhd, ...] = ()
    is_clustered: bool = False

    @property
    def ref(self) -> VmRef:
        return VmRef(self.name, self.id)

    @property
    def details_known(self) -> bool:
        """Whether disk sizes, types and parents are known (see ``HyperVHost.vm_disks``)."""
        return all(v.details_known for v in self.vhds)

    def initial_copy_size(self, excluded_paths: tuple[str, ...] = ()) -> int:
        """Sum of the replicated VHD file sizes including parent disks."""
        excluded = {p.lower() for p in excluded_paths}
        return sum(v.chain_file_size for v in self.vhds if v.path.lower() not in excluded)

    def why_not_enableable(self) -> str:
        """Empty when replication can be enabled for this VM, else the reason in plain words."""
        if self.replication_mode in (
            ReplicationMode.REPLICA,
            ReplicationMode.EXTENDED_REPLICA,
            ReplicationMode.TEST_REPLICA,
        ):
            return "This VM is itself a replica; replication is enabled on its primary."
        if self.replication_state is not ReplicationState.DISABLED:
            return (
                f"Replication is already enabled (state {self.replication_state.value}); "
                "remove it first if you want to start over."
            )
        if not self.vhds:
            return "This VM has no virtual hard disk to replicate."
        return ""


@dataclass(frozen=True)
class Inventory:
    """What a host is and which VMs it runs."""

    host_name: str  # the host's own name (FQDN where known)
    os_version: str
    os_build: str
    hyperv_present: bool
    is_cluster_node: bool = False
    cluster_name: str = ""
    replica_broker: str = ""  # client access point of the Hyper-V Replica Broker, if any
    system_drive: str = "C:\\"  # the volume Windows runs from; never an export target
    vms: tuple[VirtualMachine, ...] = ()

    def vms_named(self, name_or_id: str) -> list[VirtualMachine]:
        """Every VM with this ID or name (names may repeat on a host)."""
        key = name_or_id.strip().strip("{}").lower()
        return [vm for vm in self.vms if key in (vm.id.lower(), vm.name.lower())]

    def with_disks(self, disks: dict[str, tuple[Vhd, ...]]) -> Inventory:
        """This inventory with the disk details of the VMs in ``disks`` (VM ID -> disks)."""
        by_id = {k.upper(): v for k, v in disks.items()}
        return replace(
            self,
            vms=tuple(
                replace(vm, vhds=by_id[vm.id.upper()]) if vm.id.upper() in by_id else vm
                for vm in self.vms
            ),
        )

    def vm(self, name_or_id: str) -> VirtualMachine | None:
        """Find a VM by ID, or by name when exactly one VM has it."""
        key = name_or_id.strip().strip("{}").lower()
        for vm in self.vms:
            if vm.id.lower() == key:
                return vm
        named = [vm for vm in self.vms if vm.name.lower() == name_or_id.strip().lower()]
        return named[0] if len(named) == 1 else None


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
        """Why this server would refuse replication with ``auth``, in plain words."""
        problems: list[str] = []
        if not self.replication_enabled:
            problems.append(f"{self.host_name} is not enabled as a Replica server.")
        elif auth.value not in self.allowed_authentication:
            problems.append(
                f"{self.host_name} accepts only {self.allowed_authentication} authentication."
            )
        listed = any(
            authorization_matches(e.allowed_primary_server, primary_host)
            for e in self.authorization_entries
        )
        if self.replication_enabled and not self.allow_any_server and primary_host and not listed:
            problems.append(
                f"{self.host_name} accepts replication only from listed servers, "
                f"and {primary_host} is not among them."
            )
        if self.firewall_port_open(auth) is False:
            port = self.port_for(auth)
            builtin = builtin_rule(auth)
            if BUILTIN_RULE_PORTS[builtin] == str(port):
                problems.append(
                    f"The firewall rule for the {auth.value} listener is disabled on "
                    f"{self.host_name}."
                )
            else:
                problems.append(
                    f"The {auth.value} listener on {self.host_name} uses port {port}, but no "
                    f"enabled firewall rule opens that port: the built-in rule {builtin} opens "
                    f"port {BUILTIN_RULE_PORTS[builtin]} only."
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


@dataclass(frozen=True)
class ConnectionTestResult:
    ok: bool
    message: str  # Hyper-V's own words


@dataclass(frozen=True)
class ReplicationStatus:
    """Get-VMReplication and Measure-VMReplication merged for one VM on one host."""

    vm: VmRef
    mode: ReplicationMode
    state: ReplicationState
    health: ReplicationHealth
    health_details: tuple[str, ...] = ()
    primary_server: str = ""
    replica_server: str = ""
    replica_port: int = 0
    authentication: str = ""
    frequency_sec: int = 0
    last_replication_time: datetime | None = None
    pending_replication_bytes: int | None = None
    initial_replication_bytes: int | None = None
    test_vm_name: str = ""  # the test-failover VM, if one exists
    replica_delta_files: tuple[VhdFile, ...] = ()  # AVHDX deltas kept until import (replica)
    # Recovery history in hours (0: only the latest point); None when the host did not say.
    # With recovery points the replica keeps recovery-point AVHDX files for good.
    recovery_history_hours: int | None = None


@dataclass(frozen=True)
class ExportHandle:
    """What follows one export: the VM, the destination passed to ``start_export`` and the
    Hyper-V job ID it got back ("" when unknown). The caller keeps it (a new process rebuilds
    it from what it saved) and passes it to ``export_progress`` and ``cancel_export``: a host
    object remembers nothing between calls.
    """

    vm: VmRef
    destination: str
    job_id: str = ""


@dataclass(frozen=True)
class ImportHandle:
    """What follows one import: the VM, the <VMName>_<VMId> folder passed to ``start_import``
    and the Hyper-V job ID it got back ("" when unknown); see ``ExportHandle``."""

    vm: VmRef
    folder: str
    job_id: str = ""


@dataclass(frozen=True)
class JobProgress:
    """One poll of a long Hyper-V job (export or import of the initial copy).

    ``bytes_done`` is what was actually written (export) or merged (import) when the host can
    measure it; ``percent`` is Hyper-V's own job percentage when it reports one. ``job_id`` is
    the ID of the Hyper-V job ``start_export``/``start_import`` started ("" when unknown): keep
    it with the destination to follow the job from another process. ``message`` also explains a
    RUNNING poll when hvseed cannot see the job (never COMPLETED on a guess).
    """

    vm: VmRef
    kind: str  # "export" or "import"
    state: JobState
    percent: float | None = None
    bytes_done: int | None = None
    bytes_total: int | None = None
    replication_state: ReplicationState = ReplicationState.UNKNOWN
    folder: str = ""  # the export folder <VMName>_<VMId> being written / read
    message: str = ""  # Hyper-V's error text when FAILED
    started: datetime | None = None
    job_id: str = ""  # Hyper-V's job (Msvm_ConcreteJob InstanceID; the lab's own ID)
    # What to pass to the next poll or to cancel (set by start_* and every poll); None on
    # progress built by hand.
    handle: ExportHandle | ImportHandle | None = None

    @property
    def fraction(self) -> float | None:
        if self.bytes_total and self.bytes_done is not None:
            return min(1.0, self.bytes_done / self.bytes_total)
        if self.percent is not None:
            return min(1.0, self.percent / 100.0)
        return None


@dataclass(frozen=True)
class TestFailoverResult:
    vm: VmRef
    test_vm_name: str  # "<VM> - Test"
    running: bool  # whether a test VM exists after the call
    message: str = ""


@dataclass(frozen=True)
class Certificate:
    """A machine certificate usable for Hyper-V Replica (client + server authentication)."""

    thumbprint: str
    subject: str
    issuer: str
    not_after: datetime | None
    dns_names: tuple[str, ...] = ()
    has_private_key: bool = True


@dataclass(frozen=True)
class ExportFolderSummary:
    """An ``<VMName>_<VMId>`` folder found below a path (one line of a drive scan)."""

    path: str
    vm_name: str
    vm_id: str
    total_bytes: int
    file_count: int


@dataclass(frozen=True)
class BitLockerResult:
    """What ``enable_bitlocker`` did to a volume.

    ``status`` is BitLocker's own volume status (``EncryptionInProgress``, ``FullyEncrypted`` …);
    ``recovery_password`` is the 48-digit recovery password of the protector hvseed added: the
    admin must keep it, away from the drive. It never appears in a repr.
    """

    mount_point: str
    status: str
    recovery_password: str = field(default="", repr=False)
    protector_id: str = ""  # the recovery password protector's ID, "{GUID}"
    message: str = ""
    encryption_method: str = ""


@dataclass(frozen=True)
class HashJob:
    """One poll of a hashing job that runs on the host where the drive is.

    ``hashes`` maps a path relative to ``folder`` (``/`` separators) to its SHA-256 in lower-case
    hex; it is complete only when ``state`` is COMPLETED. ``unreadable`` maps a path to why it
    could not be read. ``message`` says why a job FAILED (or what is odd while it runs).
    """

    job_id: str
    folder: str
    state: JobState
    bytes_done: int = 0
    bytes_total: int | None = None
    hashes: dict[str, str] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if self.bytes_total:
            return min(1.0, self.bytes_done / self.bytes_total)
        return 1.0 if self.state is JobState.COMPLETED else None


@dataclass(frozen=True)
class StorageSpace:
    """Free space on the volume of a replica storage location."""

    path: str
    free_bytes: int | None  # None: the path's volume could not be read


@dataclass(frozen=True)
class HostReadiness:
    """Read-only facts ``hvseed doctor`` judges, gathered in one round trip.

    Empty text or None means "could not be read here" (not "bad"): the table says so.
    """

    host_name: str
    os_caption: str = ""
    os_build: str = ""
    is_server: bool = True
    powershell_version: str = ""  # $PSVersionTable.PSVersion, e.g. "5.1.17763.6414"
    hyperv_module: bool = False
    vmms_running: bool = False
    replica: ReplicaServerConfig | None = None  # None when Hyper-V is missing
    certificate_found: bool | None = None  # the Replica server's configured certificate
    certificate_ekus: tuple[str, ...] = ()
    certificate_not_after: datetime | None = None
    certificate_has_private_key: bool = False
    winrm_listeners: tuple[str, ...] = ()  # "HTTP:5985", "HTTPS:5986"
    clock_utc: datetime | None = None
    fips_enabled: bool | None = None
    asr_wmi_process_rule: str = ""  # Disabled | Block | Audit | Warn | "" (not readable)
    bitlocker_cmdlets: bool = False
    bitlocker_feature: str = ""  # Get-WindowsFeature BitLocker InstallState, "" on clients
    storage: tuple[StorageSpace, ...] = ()
    is_cluster_node: bool = False
    cluster_name: str = ""
    replica_broker: str = ""


# --- the interface ------------------------------------------------------------------------------


class HyperVHost(abc.ABC):
    """One Hyper-V host. Each method is one round trip; none keeps a job alive in our process."""

    #: how people name this host in the UI ("this computer", "hv01.corp.local", "lab: hv-a")
    display_name: str = ""

    @abc.abstractmethod
    def inventory(self, details: bool = True) -> Inventory:
        """Host facts and every VM with its disks and replication state.

        ``details=False`` is the light inventory for hosts with hundreds of VMs: what Get-VM and
        Get-VMHardDiskDrive give cheaply (disk paths, no sizes: ``Vhd.details_known`` False);
        ``vm_disks`` then reads the details of the VMs that need them in one round trip."""

    @abc.abstractmethod
    def vm_disks(self, vm_ids: Sequence[str]) -> dict[str, tuple[Vhd, ...]]:
        """Disk details (Get-VHD: sizes, type, parent chain) of the VMs ``vm_ids``, by VM ID;
        a VM that is not on the host is left out."""

    @abc.abstractmethod
    def readiness(self) -> HostReadiness:
        """Read-only facts for ``hvseed doctor``: versions, Replica server, firewall, WinRM
        listeners, clock, FIPS, Defender ASR, BitLocker feature, storage space, cluster."""

    @abc.abstractmethod
    def replica_server_config(self) -> ReplicaServerConfig:
        """Replica server settings of this host and its listener firewall rules."""

    @abc.abstractmethod
    def configure_replica_server(self, change: ReplicaServerChange) -> ReplicaServerConfig:
        """Set-VMReplicationServer plus enabling the named firewall rules; returns the result."""

    @abc.abstractmethod
    def machine_certificates(self) -> list[Certificate]:
        """Machine certificates with client and server authentication EKUs and a private key."""

    @abc.abstractmethod
    def test_replication_connection(self, plan: ReplicationPlan) -> ConnectionTestResult:
        """Test-VMReplicationConnection from this (primary) host with the plan's settings."""

    @abc.abstractmethod
    def enable_replication(self, plan: ReplicationPlan, vm: VmRef) -> ReplicationStatus:
        """Enable-VMReplication for one VM; the replica server creates the replica VM."""

    @abc.abstractmethod
    def start_export(self, vm: VmRef, destination: str) -> JobProgress:
        """Start the export of the initial copy in Hyper-V's own job and return at once.

        The export writes ``<destination>\\<VMName>_<VMId>``. It survives our disconnecting.
        The result's ``handle`` is what the caller keeps for polls, cancel and reattaching.
        """

    @abc.abstractmethod
    def export_progress(self, handle: ExportHandle) -> JobProgress:
        """One poll of the export job (state, percent, bytes written, replication state).

        Any host object (another process too) given the same handle reports the same. Without
        a visible job the export is COMPLETED only when the folder holds the whole copy.
        """

    @abc.abstractmethod
    def cancel_export(self, handle: ExportHandle) -> JobProgress:
        """Stop-VMInitialReplication: stop a running export cleanly."""

    @abc.abstractmethod
    def start_import(self, vm: VmRef, folder: str) -> JobProgress:
        """Start Import-VMInitialReplication from ``folder`` (the <VMName>_<VMId> folder).

        Raises ``InvalidState`` before contacting Hyper-V when the folder's name does not end
        in this VM's ID. The result's ``handle`` is what the caller keeps.
        """

    @abc.abstractmethod
    def import_progress(self, handle: ImportHandle) -> JobProgress:
        """One poll of the import job (the handle as for ``export_progress``)."""

    @abc.abstractmethod
    def replication_status(self, vm: VmRef) -> ReplicationStatus:
        """Get-VMReplication and Measure-VMReplication merged."""

    @abc.abstractmethod
    def resume_replication(self, vm: VmRef, resynchronize: bool = False) -> ReplicationStatus:
        """Resume-VMReplication: bring a Suspended or Error relationship back to Replicating.

        ``resynchronize`` (``-Resynchronize``) compares the whole VM with the replica: needed
        when Hyper-V waits for it (WaitingForStartResynchronize), e.g. after the change log
        outgrew half the VM while the drive travelled. Returns the status after the call;
        Hyper-V's refusal in any other state comes back as ``InvalidState``.
        """

    @abc.abstractmethod
    def start_test_failover(self, vm: VmRef) -> TestFailoverResult:
        """Start-VMFailover -AsTest on the replica: creates '<VM> - Test'."""

    @abc.abstractmethod
    def stop_test_failover(self, vm: VmRef) -> TestFailoverResult:
        """Stop-VMFailover on the replica: removes the test VM."""

    @abc.abstractmethod
    def usb_volumes(self) -> list[Volume]:
        """Volumes on this host's USB disks (Get-Disk BusType USB), with BitLocker status."""

    @abc.abstractmethod
    def export_folders(self, path: str) -> list[ExportFolderSummary]:
        """Export folders ``<VMName>_<VMId>``: ``path`` itself, or below it and one level
        deeper, so a drive's root also finds ``E:\\HyperV-Seed\\<VMName>_<VMId>``."""

    @abc.abstractmethod
    def read_export_folder(self, folder: str) -> FolderListing:
        """Files (with sizes) of an export folder and the text of its XML files."""

    @abc.abstractmethod
    def enable_bitlocker(self, mount_point: str, password: str) -> BitLockerResult:
        """BitLocker To Go on a data volume: a password protector plus a recovery password.

        Encrypts with AES-CBC 128 so older replica hosts (Windows Server 2012 R2) can unlock
        the drive. Raises ``FeatureMissing`` when the host has no BitLocker feature and
        ``InvalidState`` when the volume is already encrypted or being encrypted.
        """

    @abc.abstractmethod
    def read_text_file(self, path: str, max_bytes: int) -> str | None:
        """The UTF-8 text of a small file on the host (a BOM is dropped); None when missing.

        Raises ``CmdletError`` when the file is larger than ``max_bytes`` or not UTF-8 text,
        ``NotFound`` when its drive is not there. Used for the manifest beside an export folder.
        """

    @abc.abstractmethod
    def write_new_text_files(
        self, directory: str, files: dict[str, str], replacing: dict[str, str] | None = None
    ) -> None:
        """Create each file ``name -> text`` (UTF-8) in ``directory`` on the host; never replace.

        Names are plain file names (no path). All or nothing: when ANY of them exists already,
        nothing is written and ``CmdletError`` with ``category="ResourceExists"`` names it; a
        file appears whole or not at all (temporary name, then rename), in the order given.
        ``replacing`` (name -> ``text_digest`` of the text read from it) names incomplete files
        that may be replaced: only while they still hold exactly that text. ``NotFound`` when
        ``directory`` does not exist, ``MediaError`` when its drive is not attached or is full.
        Used for the manifest and the handover report beside an export folder.
        """

    @abc.abstractmethod
    def start_hashing(self, folder: str, paths: list[str] | None = None) -> HashJob:
        """Start SHA-256 hashing of the files below ``folder`` on the host; return at once.

        ``paths`` (relative, ``/``) limits it to those files; None hashes every file. The job
        runs detached from our session: a dropped connection or a closed window does not stop
        it, and any later ``hashing_progress`` call picks it up by ``job_id``.
        """

    @abc.abstractmethod
    def hashing_progress(self, job_id: str) -> HashJob:
        """One poll of a hashing job: bytes hashed so far; the hashes once COMPLETED."""

    @abc.abstractmethod
    def cancel_hashing(self, job_id: str) -> HashJob:
        """Stop a hashing job (nothing on the drive is changed); returns its final state."""

    # -- not Hyper-V operations: where things are -------------------------------------------

    def plan_script(self, plan: ReplicationPlan) -> str:
        """The PowerShell an admin can save and run on Host A to carry ``plan`` out by hand
        (the same for every kind of host: it is what a real host would run)."""
        from hvseed_gui.hyperv.powershell import render_plan_script

        return render_plan_script(plan)

    def local_path(self, path: str) -> Path | None:
        """Where ``path`` on this host can be read on this computer, or None.

        Not None when the drive is attached here (this computer's own PowerShell, or the lab's
        drives on this machine): hvseed then hashes it in this process. None for a remote host:
        its files are hashed there (``start_hashing``) and read with ``read_text_file``."""
        return None

    def move_drive(self, letter: str, to_host: str, new_letter: str | None = None) -> Volume:
        """The lab's courier: unplug the drive at ``letter`` and plug it into ``to_host``.

        Real hosts raise ``Unsupported``: a real drive travels by courier."""
        raise Unsupported(
            "Moving a drive is a lab operation.",
            "Ship a real drive by courier and plug it into the replica host.",
        )


@dataclass
class HostCallStats:
    """Counts round trips per operation; benchmarks and tests read it."""

    calls: dict[str, int] = field(default_factory=dict)

    def count(self, operation: str) -> None:
        self.calls[operation] = self.calls.get(operation, 0) + 1

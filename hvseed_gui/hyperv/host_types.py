"""The results the Hyper-V seam returns: enumerations parsed by name, VMs, replication
status, job progress and the handles that follow a job, certificates, drives, readiness.

Frozen dataclasses only; ``hvseed_gui.hyperv.host`` re-exports every name (the interface lives
there). The Replica server's configuration types live in ``replica_server_types``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import TypeVar

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.replica_server_types import ReplicaServerConfig

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
    message: str = ""  # empty, or NOTHING_TO_STOP


#: Stop-VMFailover found no test VM (the script's own sentence, worded by each front end)
NOTHING_TO_STOP = said(
    QT_TRANSLATE_NOOP("Failover", "No test failover VM exists; nothing was changed."),
    code="no-test-vm",
)


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

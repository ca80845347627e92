"""The Hyper-V seam: one typed interface for everything hvseed asks of a Hyper-V host.

Every method is one round trip to the host and returns frozen dataclasses. Implementations:
``PowerShellHost`` (powershell.exe on this computer, or WinRM) and ``LabHost`` (the simulated
lab). Failures are raised as the types in ``hvseed_gui.hyperv.host_errors``.

VMs are addressed by ``VmRef`` (name *and* ID): scripts resolve the VM by its ID, because names
may repeat and ``-VMName`` treats ``*`` and ``?`` as wildcards.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.staging_choice import STAGING_FOLDER as STAGING_FOLDER
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host_errors import Unsupported
from hvseed_gui.hyperv.host_types import (
    BitLockerResult,
    Certificate,
    ConnectionTestResult,
    ExportFolderSummary,
    ExportHandle,
    HashJob,
    HostReadiness,
    ImportHandle,
    Inventory,
    JobProgress,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
    StorageSpace,
    TestFailoverResult,
    Vhd,
    VhdFile,
    VirtualMachine,
    VmRef,
)
from hvseed_gui.hyperv.replica_server_types import (
    BUILTIN_RULE_PORTS,
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    HVSEED_RULE_PREFIX,
    AuthorizationEntry,
    FirewallRuleState,
    ReplicaServerChange,
    ReplicaServerConfig,
    authorization_matches,
    builtin_rule,
    listener_rule_name,
)

#: the result types live in host_types / replica_server_types; every old import keeps working
__all__ = [
    "AuthorizationEntry",
    "BUILTIN_RULE_PORTS",
    "BitLockerResult",
    "Certificate",
    "ConnectionTestResult",
    "ExportFolderSummary",
    "ExportHandle",
    "FIREWALL_RULE_HTTP",
    "FIREWALL_RULE_HTTPS",
    "FirewallRuleState",
    "HVSEED_RULE_PREFIX",
    "HashJob",
    "HostCallStats",
    "HostReadiness",
    "HyperVHost",
    "ImportHandle",
    "Inventory",
    "JobProgress",
    "JobState",
    "ReplicaServerChange",
    "ReplicaServerConfig",
    "ReplicationHealth",
    "ReplicationMode",
    "ReplicationState",
    "ReplicationStatus",
    "StorageSpace",
    "TestFailoverResult",
    "Vhd",
    "VhdFile",
    "VirtualMachine",
    "VmRef",
    "authorization_matches",
    "builtin_rule",
    "listener_rule_name",
]


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
    def start_hashing(
        self, folder: str, paths: list[str] | None = None, copy_to: str = ""
    ) -> HashJob:
        """Start SHA-256 hashing of the files below ``folder`` on the host; return at once.

        ``paths`` (relative, ``/``) limits it to those files; None hashes every file. The job
        runs detached from our session: a dropped connection or a closed window does not stop
        it, and any later ``hashing_progress`` call picks it up by ``job_id``.

        ``copy_to`` (a folder on the host) makes it the host-side copy of a staged export: each
        file is written there as it is hashed, under a temporary name and renamed whole, never
        over another file; a file already whole there is hashed there (the copy resumes). The
        hashes are of the bytes read from ``folder``.
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

    def staging_folder(self, bytes_needed: int) -> str | None:
        """A folder of hvseed's own on a local, non-USB, non-system volume of this host with
        room for ``bytes_needed`` (and a margin), reachable from this computer, or None.

        A copy staged there crosses the USB drive's bus once (see flows). The copy runs in
        hvseed's process, so the staging disk must be readable here too: this computer's own
        PowerShell (hvseed on Host A) and the lab answer; a WinRM host answers None until a
        host-side copy job exists."""
        return None

    def remove_staged(self, folder: str, paths: list[str]) -> None:
        """Remove exactly ``paths`` (relative, ``/``) below ``folder`` in hvseed's staging folder
        on the host, then the folders left empty: what a staged export put there, once its
        copy on the drive and the manifest are written. Anything else there stays."""
        raise Unsupported(
            said(QT_TRANSLATE_NOOP("Errors", "This host keeps no staged copies.")),
        )

    def count_local_io(self, path: str, *, read: int = 0, written: int = 0) -> None:
        """hvseed read or wrote ``path`` (from ``local_path``) in its own process: a simulated
        drive counts the bytes that crossed its bus; a real host has nothing to count."""
        return None

    def move_drive(self, letter: str, to_host: str, new_letter: str | None = None) -> Volume:
        """The lab's courier: unplug the drive at ``letter`` and plug it into ``to_host``.

        Real hosts raise ``Unsupported``: a real drive travels by courier."""
        raise Unsupported(
            said(QT_TRANSLATE_NOOP("Errors", "Moving a drive is a lab operation.")),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "Ship a real drive by courier and plug it into the replica host."
                )
            ),
        )


@dataclass
class HostCallStats:
    """Counts round trips per operation; benchmarks and tests read it."""

    calls: dict[str, int] = field(default_factory=dict)

    def count(self, operation: str) -> None:
        self.calls[operation] = self.calls.get(operation, 0) + 1

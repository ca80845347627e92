"""``PowerShellHost``: the Hyper-V seam carried out by scripts on a PowerShell runner.

Each method renders one script (``hvseed_gui.hyperv.powershell``, one module per operation
family), runs it once through the runner (this computer's powershell.exe or WinRM), and hands the
answer to the same family's parser. Error records become our exception types (``results``).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv import job_rules
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    BitLockerResult,
    Certificate,
    ConnectionTestResult,
    ExportFolderSummary,
    ExportHandle,
    HashJob,
    HostCallStats,
    HostReadiness,
    HyperVHost,
    ImportHandle,
    Inventory,
    JobProgress,
    ReplicaServerChange,
    ReplicaServerConfig,
    ReplicationStatus,
    TestFailoverResult,
    Vhd,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import (
    CmdletError,
    InvalidState,
    OperationTimeout,
    ProtocolError,
)
from hvseed_gui.hyperv.job_rules import folder_vm_id as folder_vm_id  # public name kept
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing
from hvseed_gui.hyperv.powershell.export import parse_connection_test
from hvseed_gui.hyperv.powershell.files import parse_export_folders, parse_folder_listing
from hvseed_gui.hyperv.powershell.host_readiness import parse_readiness
from hvseed_gui.hyperv.powershell.host_readiness import (
    readiness_document as readiness_document,  # public name kept (hvseed doctor --lab)
)
from hvseed_gui.hyperv.powershell.inventory import parse_inventory, parse_vm_disks
from hvseed_gui.hyperv.powershell.progress import parse_progress
from hvseed_gui.hyperv.powershell.replica_server import parse_certificates, parse_replica_config
from hvseed_gui.hyperv.powershell.replication_status import parse_status, parse_test_failover
from hvseed_gui.hyperv.powershell.results import decode_result, parse_result
from hvseed_gui.hyperv.powershell.volumes import parse_bitlocker, parse_volumes
from hvseed_gui.hyperv.runners import LocalPowerShell, PowerShellRunner

# --- the host -----------------------------------------------------------------------------------

_STATE_AFTER_TIMEOUT = (
    "It may have completed on the host anyway: refresh and check the VM's replication state "
    "before you try again."
)
#: What to check after a timeout of an operation that changes something on the host: our
#: deadline ended the wait (or the local powershell.exe), not the work Hyper-V had begun.
TIMEOUT_HINTS: dict[str, str] = {
    "enable_replication": _STATE_AFTER_TIMEOUT,
    "start_export": _STATE_AFTER_TIMEOUT,
    "cancel_export": _STATE_AFTER_TIMEOUT,
    "start_import": _STATE_AFTER_TIMEOUT,
    "resume_replication": _STATE_AFTER_TIMEOUT,
    "start_test_failover": (
        "It may have completed on the host anyway: refresh and look for the test VM "
        "('<VM> - Test') before you try again."
    ),
    "stop_test_failover": (
        "It may have completed on the host anyway: refresh and check whether the test VM "
        "('<VM> - Test') is gone before you try again."
    ),
    "configure_replica_server": (
        "It may have completed on the host anyway: refresh the Replica server settings and "
        "check them before you try again."
    ),
    "enable_bitlocker": (
        "BitLocker may have been switched on anyway, and hvseed did not receive its recovery "
        "password: check the drive (manage-bde -status) before you try again; if it is "
        "encrypting, add a recovery password (manage-bde -protectors -add <drive> "
        "-RecoveryPassword) and keep it away from the drive."
    ),
    "start_hashing": (
        "The hashing may have started on the host anyway; it only reads the drive. Start the "
        "check again."
    ),
    "write_new_text_files": (
        "The files may have been written on the host anyway: look beside the export folder "
        "before you try again (hvseed never overwrites them)."
    ),
}


#: read-only operations whose raw result document is kept (never one that may carry a secret)
RAW_KEPT = frozenset({"readiness", "inventory", "replica_server_config"})


def _with_handle(progress: JobProgress, handle: ExportHandle | ImportHandle) -> JobProgress:
    """The poll carrying the handle for the next one (the job ID learnt when it had none)."""
    if progress.job_id and not handle.job_id:
        handle = replace(handle, job_id=progress.job_id)
    return replace(progress, handle=handle)


class PowerShellHost(HyperVHost):
    """A Hyper-V host reached through a ``PowerShellRunner``; one script per method call."""

    def __init__(
        self,
        runner: PowerShellRunner,
        *,
        display_name: str | None = None,
        timeout: float = 120.0,
    ) -> None:
        self.runner = runner
        self.display_name = display_name or getattr(runner, "description", "") or "PowerShell"
        self.timeout = timeout
        self.stats = HostCallStats()
        # Read-only results kept for diagnostics; nothing about jobs is kept here: callers
        # hold an ExportHandle / ImportHandle and pass it to every poll.
        self.raw_results: dict[str, dict[str, Any] | None] = {}

    def __repr__(self) -> str:
        return f"PowerShellHost({self.display_name!r})"

    def local_path(self, path: str) -> Path | None:
        """This computer's own PowerShell reads its own drives; a WinRM host's are remote."""
        if isinstance(self.runner, LocalPowerShell) and sys.platform == "win32" and path.strip():
            return Path(path)
        return None

    def staging_folder(self, bytes_needed: int) -> str | None:
        """hvseed's folder on one of the host's own data volumes with room for the copy
        (``core.staging_choice``): this computer's volumes from the local probe when hvseed
        runs on Host A itself (the copy then runs in hvseed's process), else the host's own
        answer (its copy job copies there: ``start_hashing(copy_to=…)``)."""
        from hvseed_gui.core.staging_choice import staging_root

        if self.local_path("C:\\") is not None:
            from hvseed_gui.core.volumes.probe import VolumeProbeError, probe_local_volumes

            try:
                volumes = probe_local_volumes()
            except VolumeProbeError as exc:  # a stalled drive: the volumes found before count
                volumes = getattr(exc, "volumes", [])
        else:
            volumes = parse_volumes(self._run(ps.render_staging_volumes))
        return staging_root(volumes, bytes_needed)

    def remove_staged(self, folder: str, paths: list[str]) -> None:
        self._run(ps_files.render_remove_staged, folder, paths)

    def _run(self, render: Callable[..., ps.Script], *args: Any) -> Any:
        try:
            script = render(*args)
        except ValueError as exc:
            raise CmdletError(str(exc), "") from None
        self.stats.count(script.operation)
        try:
            result = self.runner.run(script.source, timeout=self.timeout, secrets=script.secrets)
        except OperationTimeout as exc:
            hint = TIMEOUT_HINTS.get(script.operation)
            if hint is None:
                raise
            raise OperationTimeout(exc.message, hint, detail=exc.detail) from None
        if script.operation in RAW_KEPT:
            # what a read-only script returned, exactly (doctor --bundle keeps it as a fixture)
            with contextlib.suppress(ProtocolError):
                self.raw_results[script.operation] = decode_result(result.stdout)
        return parse_result(result, host=self.display_name)

    # -- host and replica server -------------------------------------------------------------

    def inventory(self, details: bool = True) -> Inventory:
        return parse_inventory(self._run(ps.render_inventory, details))

    def vm_disks(self, vm_ids: Sequence[str]) -> dict[str, tuple[Vhd, ...]]:
        if not vm_ids:
            return {}
        return parse_vm_disks(self._run(ps.render_vm_disks, list(vm_ids)))

    def readiness(self) -> HostReadiness:
        return parse_readiness(self._run(ps.render_readiness))

    def replica_server_config(self) -> ReplicaServerConfig:
        return parse_replica_config(self._run(ps.render_replica_server_config))

    def configure_replica_server(self, change: ReplicaServerChange) -> ReplicaServerConfig:
        refusal = change.refusal()
        if refusal:  # refused before any script runs, as the lab does
            raise InvalidState(refusal, "", cmdlet="Set-VMReplicationServer")
        return parse_replica_config(self._run(ps.render_configure_replica_server, change))

    def machine_certificates(self) -> list[Certificate]:
        return parse_certificates(self._run(ps.render_machine_certificates))

    def test_replication_connection(self, plan: ReplicationPlan) -> ConnectionTestResult:
        data = self._run(ps.render_test_replication_connection, plan)
        return parse_connection_test(data, host=self.display_name)

    # -- primary side --------------------------------------------------------------------------

    def enable_replication(self, plan: ReplicationPlan, vm: VmRef) -> ReplicationStatus:
        return parse_status(self._run(ps.render_enable_replication, plan, vm), vm)

    def start_export(self, vm: VmRef, destination: str) -> JobProgress:
        progress = parse_progress(self._run(ps.render_start_export, vm, destination), vm)
        return replace(progress, handle=ExportHandle(vm, destination, progress.job_id))

    def export_progress(self, handle: ExportHandle) -> JobProgress:
        data = self._run(ps.render_export_progress, handle.vm, handle.destination, handle.job_id)
        return _with_handle(parse_progress(data, handle.vm), handle)

    def cancel_export(self, handle: ExportHandle) -> JobProgress:
        data = self._run(ps.render_cancel_export, handle.vm, handle.destination, handle.job_id)
        return _with_handle(parse_progress(data, handle.vm, cancelled=True), handle)

    # -- replica side --------------------------------------------------------------------------

    def start_import(self, vm: VmRef, folder: str) -> JobProgress:
        problem = job_rules.import_folder_problem(vm, folder)
        if problem is not None:  # refused before Hyper-V is asked (the lab does the same)
            raise problem
        progress = parse_progress(self._run(ps.render_start_import, vm, folder), vm)
        return replace(progress, handle=ImportHandle(vm, folder, progress.job_id))

    def import_progress(self, handle: ImportHandle) -> JobProgress:
        data = self._run(ps.render_import_progress, handle.vm, handle.folder, handle.job_id)
        return _with_handle(parse_progress(data, handle.vm), handle)

    def replication_status(self, vm: VmRef) -> ReplicationStatus:
        return parse_status(self._run(ps.render_replication_status, vm), vm)

    def resume_replication(self, vm: VmRef, resynchronize: bool = False) -> ReplicationStatus:
        return parse_status(self._run(ps.render_resume_replication, vm, resynchronize), vm)

    def start_test_failover(self, vm: VmRef) -> TestFailoverResult:
        return parse_test_failover(self._run(ps.render_start_test_failover, vm), vm)

    def stop_test_failover(self, vm: VmRef) -> TestFailoverResult:
        return parse_test_failover(self._run(ps.render_stop_test_failover, vm), vm)

    # -- drives and folders --------------------------------------------------------------------

    def usb_volumes(self) -> list[Volume]:
        return parse_volumes(self._run(ps.render_usb_volumes))

    def export_folders(self, path: str) -> list[ExportFolderSummary]:
        return parse_export_folders(self._run(ps.render_export_folders, path))

    def read_export_folder(self, folder: str) -> FolderListing:
        return parse_folder_listing(self._run(ps.render_read_export_folder, folder), folder)

    def read_text_file(self, path: str, max_bytes: int) -> str | None:
        data = self._run(ps_files.render_read_text_file, path, max_bytes)
        try:
            return ps_files.decode_text(data, path, max_bytes)
        except ValueError as exc:
            raise CmdletError(f"{exc}.", "") from None

    def write_new_text_files(
        self, directory: str, files: dict[str, str], replacing: dict[str, str] | None = None
    ) -> None:
        try:
            self._run(ps_files.render_write_new_text_files, directory, files, replacing)
        except CmdletError as exc:
            raise ps_files.refine_error(exc) from None

    # -- hashing where the drive is (a detached job on the host, see ps_hashing) ----------------

    def start_hashing(
        self, folder: str, paths: list[str] | None = None, copy_to: str = ""
    ) -> HashJob:
        job_id = ps_hashing.new_job_id()
        data = self._run(ps_hashing.render_start_hashing, folder, paths, job_id, copy_to)
        return ps_hashing.judge_hash_job(data, job_id, folder, self.display_name)

    def hashing_progress(self, job_id: str) -> HashJob:
        data = self._run(ps_hashing.render_hashing_progress, job_id)
        return ps_hashing.judge_hash_job(data, job_id, host=self.display_name)

    def cancel_hashing(self, job_id: str) -> HashJob:
        data = self._run(ps_hashing.render_cancel_hashing, job_id)
        return ps_hashing.judge_hash_job(data, job_id, host=self.display_name, cancelling=True)

    def enable_bitlocker(self, mount_point: str, password: str) -> BitLockerResult:
        try:
            data = self._run(ps.render_enable_bitlocker, mount_point, password)
        except ProtocolError as exc:
            # a damaged result line may hold the recovery password: keep no detail of it
            raise ProtocolError(exc.message) from None
        return parse_bitlocker(data, mount_point)

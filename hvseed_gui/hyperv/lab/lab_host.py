"""``LabHost``: one host of the simulated lab behind the ``HyperVHost`` seam.

Each call is one transaction on the lab state: wait ``latency`` seconds (a slow host), bring
jobs and deltas up to the clock, raise an injected fault if one matches, then do the operation
with Hyper-V's rules and refusals.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.staged_copy import remove_copied
from hvseed_gui.core.staging_choice import STAGING_FOLDER, staging_root
from hvseed_gui.core.untrusted import A_FOLDER, RefusedEntry, read_capped
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv import job_rules
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
    JobState,
    ReplicaServerChange,
    ReplicaServerConfig,
    ReplicationStatus,
    TestFailoverResult,
    Vhd,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import (
    BITLOCKER_MISSING_HINT,
    CmdletError,
    FeatureMissing,
    InvalidState,
    NotFound,
)
from hvseed_gui.hyperv.host_types import NOTHING_TO_STOP

from . import drives, faults, hash_job, jobs, replication, text_files
from . import lab_results as results
from .world import World, short_name

if TYPE_CHECKING:
    from .labdir import Lab

T = TypeVar("T")


class LabHost(HyperVHost):
    """A Hyper-V host of the lab; many ``LabHost`` objects (and processes) may share one lab."""

    def __init__(self, lab: Lab, fqdn: str) -> None:
        self.lab = lab
        self.name = fqdn
        self.display_name = f"lab: {short_name(fqdn)}"
        self.stats = HostCallStats()
        # Nothing about jobs is kept here, as in PowerShellHost: callers pass the handle.

    def __repr__(self) -> str:
        return f"LabHost({self.name!r}, lab={str(self.lab.directory)!r})"

    def _call(self, operation: str, action: Callable[[World], T]) -> T:
        self.stats.count(operation)
        latency = float(self.lab.settings.get("latency", 0.0))
        if latency > 0:
            time.sleep(latency)  # a slow host, not synchronisation
        with self.lab.world() as w:
            jobs.advance(w)
            fault = faults.take(w.state, self.name, operation)
            if fault is not None:
                raise fault
            results.refuse_old_powershell(w, self.name, operation)
            return action(w)

    # -- facts ----------------------------------------------------------------------------------

    def inventory(self, details: bool = True) -> Inventory:
        def run(w: World) -> Inventory:
            host = w.host(self.name)
            vms = tuple(
                sorted(
                    (results.vm_result(w, self.name, vm, details) for vm in host["vms"].values()),
                    key=lambda v: (v.name.lower(), v.id),
                )
            )
            return Inventory(
                host_name=self.name,
                os_version=host["os_version"],
                os_build=host["os_build"],
                hyperv_present=True,
                system_drive=host["system_drive"],
                vms=vms,
            )

        result = self._call("inventory", run)
        self._charge(len(result.vms), results.vhd_files(result.vms) if details else 0)
        return result

    def vm_disks(self, vm_ids: Sequence[str]) -> dict[str, tuple[Vhd, ...]]:
        wanted = {i.upper() for i in vm_ids}

        def run(w: World) -> dict[str, tuple[Vhd, ...]]:
            host = w.host(self.name)
            return {
                vm["id"]: results.vm_result(w, self.name, vm, True).vhds
                for vm in host["vms"].values()
                if vm["id"].upper() in wanted
            }

        result = self._call("vm_disks", run)
        self._charge(len(wanted), sum(len(d.parents) + 1 for v in result.values() for d in v))
        return result

    def _charge(self, vms: int, vhd_files: int) -> None:
        """What the same call costs on a real host, slept outside the lab's lock: Get-VM and
        Get-VMHardDiskDrive per VM, Get-VHD per disk file (the disk and each parent)."""
        settings = self.lab.settings
        seconds = float(settings.get("vm_seconds", 0.0)) * vms
        seconds += float(settings.get("get_vhd_seconds", 0.0)) * vhd_files
        if seconds > 0:
            time.sleep(seconds)  # a real host's cost, not synchronisation

    def readiness(self) -> HostReadiness:
        return self._call("readiness", lambda w: results.readiness_of(w, self.name))

    def replica_server_config(self) -> ReplicaServerConfig:
        return self._call("replica_server_config", lambda w: results.server_config(w, self.name))

    def configure_replica_server(self, change: ReplicaServerChange) -> ReplicaServerConfig:
        def run(w: World) -> ReplicaServerConfig:
            replication.configure_replica_server(w, self.name, change)
            return results.server_config(w, self.name)

        return self._call("configure_replica_server", run)

    def machine_certificates(self) -> list[Certificate]:
        def run(w: World) -> list[Certificate]:
            return [
                Certificate(
                    thumbprint=c["thumbprint"],
                    subject=c["subject"],
                    issuer=c["issuer"],
                    not_after=datetime.fromisoformat(c["not_after"]) if c["not_after"] else None,
                    dns_names=tuple(c["dns_names"]),
                    has_private_key=c["has_private_key"],
                )
                for c in w.host(self.name)["certificates"]
            ]

        return self._call("machine_certificates", run)

    # -- replication ----------------------------------------------------------------------------

    def test_replication_connection(self, plan: ReplicationPlan) -> ConnectionTestResult:
        def run(w: World) -> ConnectionTestResult:
            problem, _replica = replication.connection_problem(w, self.name, plan)
            return ConnectionTestResult(not problem, problem or replication.CONNECTED)

        return self._call("test_replication_connection", run)

    def enable_replication(self, plan: ReplicationPlan, vm: VmRef) -> ReplicationStatus:
        def run(w: World) -> ReplicationStatus:
            found = replication.enable_replication(w, self.name, plan, vm.id)
            return results.status_of(w, self.name, found)

        return self._call("enable_replication", run)

    def replication_status(self, vm: VmRef) -> ReplicationStatus:
        return self._call(
            "replication_status",
            lambda w: results.status_of(w, self.name, w.vm(self.name, vm.id, vm.name)),
        )

    def start_export(self, vm: VmRef, destination: str) -> JobProgress:
        def run(w: World) -> JobProgress:
            job = jobs.start_export(w, self.name, vm.id, destination)
            return results.job_progress(w, job)

        progress = self._call("start_export", run)
        return replace(progress, handle=ExportHandle(vm, destination, progress.job_id))

    def export_progress(self, handle: ExportHandle) -> JobProgress:
        def run(w: World) -> JobProgress:
            return self._job(w, handle.vm, "export", handle.destination, handle.job_id)

        return results.with_handle(self._call("export_progress", run), handle)

    def cancel_export(self, handle: ExportHandle) -> JobProgress:
        def run(w: World) -> JobProgress:
            return results.job_progress(w, jobs.cancel_export(w, self.name, handle.vm.id))

        return results.with_handle(self._call("cancel_export", run), handle)

    def start_import(self, vm: VmRef, folder: str) -> JobProgress:
        problem = job_rules.import_folder_problem(vm, folder)
        if problem is not None:  # refused before Hyper-V is asked, as PowerShellHost does
            raise problem

        def run(w: World) -> JobProgress:
            return results.job_progress(w, jobs.start_import(w, self.name, vm.id, folder))

        progress = self._call("start_import", run)
        return replace(progress, handle=ImportHandle(vm, folder, progress.job_id))

    def import_progress(self, handle: ImportHandle) -> JobProgress:
        def run(w: World) -> JobProgress:
            return self._job(w, handle.vm, "import", handle.folder, handle.job_id)

        return results.with_handle(self._call("import_progress", run), handle)

    def _job(self, w: World, ref: VmRef, kind: str, where: str, job_id: str) -> JobProgress:
        """The job record while Hyper-V would still show it; afterwards the same judgement as
        on a real host: replication state plus the bytes in the folder the caller names."""
        found = w.vm(self.name, ref.id, ref.name)
        job = w.state["jobs"].get(jobs.job_key(self.name, kind, found["id"]))
        if job is not None and (not job_id or job.get("id", "") == job_id):
            return results.job_progress(w, job)
        state = results.state_of(found)
        folder, done, total = "", None, None
        if kind == "export":
            if where:
                folder = f"{where.rstrip(chr(92))}\\{found['name']}_{found['id']}"
                done = results.folder_bytes(w, self.name, folder)
            repl = found.get("repl") or {}
            total = (
                results.initial_size(w, self.name, found) if repl.get("mode") == "Primary" else None
            )
        elif where:
            folder, total = where, results.folder_bytes(w, self.name, where)
        judged, message = job_rules.state_without_job(
            kind, state, bytes_done=done, bytes_total=total, folder=folder
        )
        return JobProgress(
            vm=VmRef(found["name"], found["id"]),
            kind=kind,
            state=judged,
            percent=100.0 if judged is JobState.COMPLETED else None,
            bytes_done=done,
            bytes_total=total,
            replication_state=state,
            folder=folder,
            message=message,
            job_id=job_id,
        )

    def resume_replication(self, vm: VmRef, resynchronize: bool = False) -> ReplicationStatus:
        def run(w: World) -> ReplicationStatus:
            found = replication.resume_replication(w, self.name, vm.id, resynchronize)
            return results.status_of(w, self.name, found)

        return self._call("resume_replication", run)

    def start_test_failover(self, vm: VmRef) -> TestFailoverResult:
        def run(w: World) -> TestFailoverResult:
            test_vm = replication.start_test_failover(w, self.name, vm.id)
            replica = w.vm(self.name, vm.id)
            return TestFailoverResult(
                VmRef(replica["name"], replica["id"]),
                test_vm["name"],
                True,  # as the real script: no message when the test VM was made
            )

        return self._call("start_test_failover", run)

    def stop_test_failover(self, vm: VmRef) -> TestFailoverResult:
        def run(w: World) -> TestFailoverResult:
            name = replication.stop_test_failover(w, self.name, vm.id)
            replica = w.vm(self.name, vm.id)
            if not name:  # as the real script: nothing to stop is an answer, not an error
                return TestFailoverResult(
                    VmRef(replica["name"], replica["id"]),
                    f"{replica['name']} - Test",
                    False,
                    NOTHING_TO_STOP,
                )
            return TestFailoverResult(
                VmRef(replica["name"], replica["id"]),
                name,
                False,
            )

        return self._call("stop_test_failover", run)

    # -- drives ----------------------------------------------------------------------------------

    def usb_volumes(self) -> list[Volume]:
        def run(w: World) -> list[Volume]:
            found = drives.mounts(w.state, self.name)
            return [
                drives.volume_of(w.lab_dir, w.state, found[letter])
                for letter in sorted(found)
                if w.state["drives"][found[letter]]["bus_type"].upper() == "USB"
            ]

        return self._call("usb_volumes", run)

    # The drive's content is read after the transaction, never with the lab's lock held: a slow
    # or hostile drive (a FIFO, a huge file) must not stop every other call on the lab.

    def export_folders(self, path: str) -> list[ExportFolderSummary]:
        def run(w: World) -> tuple[drives.Location, Path]:
            loc = w.locate(self.name, path)
            return loc, drives.real_path(w.lab_dir, loc)

        loc, root = self._call("export_folders", run)
        blocker = next((p for p in (root, *root.parents) if os.path.lexists(p)), None)
        if blocker is not None and not blocker.is_dir():
            raise CmdletError(  # a file in the way is not "missing": Test-Path -PathType Leaf
                f"The path '{loc.windows}' on {self.name} runs into a file, not a folder.",
                cmdlet="Test-Path",
                category="InvalidArgument",
            )
        if not results.is_plain_dir(root):
            raise NotFound(
                f"Cannot find the folder '{loc.windows}' on {self.name}. "
                f"{drives.ERR_PATH_NOT_FOUND}",
                cmdlet="Get-ChildItem",
                category="ObjectNotFound",
            )
        if drives.parse_folder_name(root.name) is not None:
            candidates = [(loc, root)]
        else:  # below the path, and one level deeper (E:\\HyperV-Seed\\SQL01_<id>)
            candidates = []
            for child in results.plain_subdirs(root):
                if drives.parse_folder_name(child.name) is not None:
                    candidates.append((loc.child(child.name), child))
                    continue
                candidates.extend(
                    (loc.child(child.name, sub.name), sub)
                    for sub in results.plain_subdirs(child)
                    if drives.parse_folder_name(sub.name) is not None
                )
        summaries = []
        for child_loc, real in candidates:
            vm_name, vm_id = drives.parse_folder_name(real.name) or ("", "")
            files = drives.plain_files(real)
            summaries.append(
                ExportFolderSummary(
                    path=child_loc.windows,
                    vm_name=vm_name,
                    vm_id=vm_id,
                    total_bytes=sum(f.size for f in files),
                    file_count=len(files),
                )
            )
        return summaries

    def local_path(self, path: str) -> Path | None:
        """The lab's drives are directories on this machine: a path on a drive attached to
        this host is read here, as on a host whose drive is plugged into this computer. With
        the setting ``drives_remote`` the lab plays remote hosts: None, hashed on the host."""
        if self.lab.settings.get("drives_remote"):
            return None
        try:
            return self.lab.real_path(self.name, path)
        except (ValueError, NotFound):
            pass
        # a folder of this computer named by its own path (tests, a copy beside the lab)
        given = Path(path)
        return given if given.is_absolute() and given.exists() else None

    def staging_folder(self, bytes_needed: int) -> str | None:
        # Off unless the lab is told to model it (setting ``staging``): a real host offers one
        # on its own data volumes (hvseed copies there itself, or the host's copy job does when
        # its disks are remote: ``drives_remote``); the lab is never kinder than that.
        if not self.lab.settings.get("staging"):
            return None

        def run(w: World) -> str | None:
            mounted = drives.mounts(w.state, self.name).values()
            return staging_root(
                (drives.volume_of(w.lab_dir, w.state, d) for d in mounted), bytes_needed
            )

        return self._call("staging_folder", run)

    def count_local_io(self, path: str, *, read: int = 0, written: int = 0) -> None:
        def run(w: World) -> None:
            # not on a lab drive (a folder of this computer): nothing to count
            with contextlib.suppress(ValueError, NotFound):
                w.count_io(w.locate(self.name, path).drive_id, read=read, written=written)

        if read or written:
            self._call("count_local_io", run)

    def move_drive(self, letter: str, to_host: str, new_letter: str | None = None) -> Volume:
        return self.lab.move_drive(self.name, letter, to_host, new_letter)

    def read_export_folder(self, folder: str) -> FolderListing:
        def run(w: World) -> drives.Location:
            return w.locate(self.name, folder)

        loc = self._call("read_export_folder", run)
        return drives.list_folder(self.lab.directory, loc)

    def read_text_file(self, path: str, max_bytes: int) -> str | None:
        real = self._call("read_text_file", lambda w: w.real(self.name, path))
        try:
            raw = read_capped(real.parent, real.name, max_bytes)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            if exc.errno == errno.EFBIG:
                raise CmdletError(
                    f"{path} is larger than {max_bytes:,} bytes; it was not read.", ""
                ) from None
            if isinstance(exc, RefusedEntry) and exc.strerror == A_FOLDER:
                return None
            raise CmdletError(f"{path} cannot be read: {exc.strerror or exc}.", "") from None
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CmdletError(f"{path} is not UTF-8 text.", "") from None

    def write_new_text_files(
        self, directory: str, files: dict[str, str], replacing: dict[str, str] | None = None
    ) -> None:
        def run(w: World) -> None:
            text_files.write_new(w, self.name, directory, dict(files), dict(replacing or {}))

        self._call("write_new_text_files", run)

    # -- hashing where the drive is ----------------------------------------------------------

    def start_hashing(
        self, folder: str, paths: list[str] | None = None, copy_to: str = ""
    ) -> HashJob:
        def run(w: World) -> tuple[HashJob, Path, list[str], Path | None]:
            job = hash_job.start_hash(w, self.name, folder, paths, str(uuid.uuid4()), copy_to)
            return (hash_job.result(job), *hash_job.due(w, job), hash_job.copy_target(w, job))

        return self._hash_due(*self._call("start_hashing", run))

    def hashing_progress(self, job_id: str) -> HashJob:
        def run(w: World) -> tuple[HashJob, Path | None, list[str], Path | None]:
            job = hash_job.find(w, self.name, job_id)
            if job is None:
                return hash_job.unknown(job_id, self.name), None, [], None
            hash_job.advance_hash(w, job)
            return (hash_job.result(job), *hash_job.due(w, job), hash_job.copy_target(w, job))

        return self._hash_due(*self._call("hashing_progress", run))

    def _hash_due(
        self, job: HashJob, root: Path | None, due: list[str], copy_to: Path | None
    ) -> HashJob:
        """Hash (and copy) the files a poll found due, outside the lab's lock, and record it."""
        if root is None or not due:
            return job
        hashes, unreadable = hash_job.hash_due(root, due, copy_to)
        with self.lab.world() as w:
            found = hash_job.find(w, self.name, job.job_id)
            if found is None:
                return job
            hash_job.store(w, found, hashes, unreadable)
            return hash_job.result(found)

    def remove_staged(self, folder: str, paths: list[str]) -> None:
        def run(w: World) -> Path:
            loc = w.locate(self.name, folder)
            if STAGING_FOLDER not in loc.parts:
                raise InvalidState(
                    f"Not a staging folder of hvseed: {loc.windows}; nothing was removed.",
                    "",
                    cmdlet="hvseed",
                    category="InvalidArgument",
                )
            return drives.real_path(w.lab_dir, loc)

        root = self._call("remove_staged", run)
        files = tuple(FileEntry(p, 0) for p in paths)
        remove_copied(root, files)  # plain files only, links never followed; then empty folders

    def cancel_hashing(self, job_id: str) -> HashJob:
        def run(w: World) -> HashJob:
            job = hash_job.find(w, self.name, job_id)
            if job is None:
                return hash_job.unknown(job_id, self.name)
            hash_job.cancel_hash(w, job)
            return hash_job.result(job)

        return self._call("cancel_hashing", run)

    def enable_bitlocker(self, mount_point: str, password: str) -> BitLockerResult:
        def run(w: World) -> BitLockerResult:
            if not w.state["hosts"][self.name].get("bitlocker_feature", True):
                raise FeatureMissing(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors", "BitLocker Drive Encryption is not installed on {name}."
                        ),
                        name=self.name,
                    ),
                    BITLOCKER_MISSING_HINT,
                )
            letter = mount_point.strip().rstrip("\\/").upper()
            drive_id = w.drive_at(self.name, letter)
            if drive_id is None:
                raise NotFound(
                    f"There is no volume {mount_point} on {self.name}.",
                    "Check that the drive is still plugged in, refresh, and try again.",
                    cmdlet="Get-BitLockerVolume",
                    category="ObjectNotFound",
                )
            drive = w.state["drives"][drive_id]
            if drive.get("bitlocker") == "On":
                raise InvalidState(
                    f"BitLocker already protects {letter} on {self.name} "
                    "(volume status FullyEncrypted).",
                    "hvseed encrypts only a drive without BitLocker; this one is protected "
                    "already.",
                    cmdlet="Enable-BitLocker",
                    category="InvalidOperation",
                )
            if len(password) < MIN_BITLOCKER_PASSWORD:
                # UNCONFIRMED wording; the 8-character minimum is BitLocker's default policy
                raise CmdletError(
                    "The password does not meet BitLocker's minimum length of 8 characters.",
                    "Choose a longer password.",
                    cmdlet="Enable-BitLocker",
                    category="InvalidArgument",
                )
            protector_id = "{" + str(uuid.uuid4()).upper() + "}"
            # the lab keeps no password and no recovery password: only that protection is on
            drive.update(bitlocker="On", bitlocker_method="Aes128")
            return BitLockerResult(
                mount_point=letter,
                status="EncryptionInProgress",
                recovery_password=lab_recovery_password(),
                protector_id=protector_id,
                message=f"BitLocker is encrypting {letter} (EncryptionInProgress, Aes128).",
                encryption_method="Aes128",
            )

        return self._call("enable_bitlocker", run)


MIN_BITLOCKER_PASSWORD = 8


def lab_recovery_password() -> str:
    """A random recovery password in BitLocker's format: 8 groups of 6 digits, each group a
    multiple of 11 below 720896 (so a typo in one group is caught)."""
    return "-".join(f"{secrets.randbelow(65536) * 11:06d}" for _ in range(8))

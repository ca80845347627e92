"""ImportRun (replica host): find -> gate -> verify -> import -> follow health -> test failover.

Nothing is imported before the gate passes: the folder's name, its XML's own content and the
waiting replica VM name the same VM, the folder is complete, and the copy verified in full
against its manifest (or the admin explicitly decided to go without one). The gate is asked
again, on a fresh listing and replica state, right before Import-VMInitialReplication.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.folder_report import FolderReport, inspect_folder
from hvseed_gui.core.import_gate import (
    CONSENTABLE,
    PENDING,
    ImportCheck,
    Integrity,
    check_import,
    gate,
    integrity_from_verify,
    normalize_fingerprint,
)
from hvseed_gui.core.manifest import (
    Manifest,
    VerifyReport,
    compare,
    fingerprint_of,
    read_manifest_with_raw,
)
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.staged_copy import copy_folder_hashing, remove_copied
from hvseed_gui.errors import Cancelled
from hvseed_gui.flows.drive import verify_where_the_drive_is
from hvseed_gui.flows.events import (
    CancelToken,
    Emit,
    Flow,
    FlowEvent,
    Phase,
    Refused,
    Status,
    Stopped,
    ignore,
)
from hvseed_gui.flows.follow_job import follow
from hvseed_gui.hyperv.host import (
    HyperVHost,
    ImportHandle,
    JobProgress,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
    TestFailoverResult,
    VirtualMachine,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import HyperVError, InvalidState
from hvseed_gui.hyperv.remote_verify import verify_on_host

REPLICA_MODES = (ReplicationMode.REPLICA, ReplicationMode.EXTENDED_REPLICA)


@dataclass(frozen=True)
class GateResult:
    """What the gate saw: the folder, the replica VM (None: not found) and the rows."""

    report: FolderReport
    replica: VirtualMachine | None
    check: ImportCheck


class ImportRun(Flow):
    """One import of one folder into one replica VM; the CLI calls ``run``, the wizard the
    steps one by one. ``fingerprint`` is what the sender passed on apart from the drive."""

    def __init__(
        self,
        replica_host: HyperVHost,
        vm: VmRef,
        folder: str,
        *,
        fingerprint: str = "",
        emit: Emit = ignore,
        cancel: CancelToken | None = None,
        poll: float = 1.0,
    ) -> None:
        self.host = replica_host
        self.vm = vm
        self.folder = folder
        self.fingerprint = normalize_fingerprint(fingerprint) if fingerprint.strip() else ""
        super().__init__(emit=emit, cancel=cancel, poll=poll)
        self.integrity: Integrity = PENDING
        self.verify_report: VerifyReport | None = None
        self.staged: StagedCopy | None = None  # the verified copy on the replica's own disk

    # -- the whole run -----------------------------------------------------------------------

    def run(self, *, without_manifest: bool = False, settle_timeout: float = 60.0) -> JobProgress:
        """Check, verify, import and follow health. ``without_manifest`` is the admin's
        explicit decision to import a copy that has no manifest (or an incomplete one).
        Raises ``Refused`` (nothing changed) or a ``HyperVError``."""
        first = self.check()
        if not first.check.can_import:
            raise self.refusal(first.check, first.replica)
        integrity = self.verify()
        if self.cancel.is_set():  # a stopped check is never taken as a decision to import
            raise Stopped(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The verification was stopped; nothing was imported."
                    )
                )
            )
        if not integrity.passes and without_manifest and integrity.state in CONSENTABLE:
            self.decide_without_manifest()
        job = self.import_copy()
        self.follow_health(settle_timeout)
        return job

    # -- find and gate -------------------------------------------------------------------------

    def check(self) -> GateResult:
        """The rows that need no hashing: folder, XML, disks, replica VM waiting."""
        self.emit(FlowEvent(Phase.CHECK, Status.STARTED, self.vm))
        result = self._read(with_integrity=False)
        self.emit(FlowEvent(Phase.CHECK, Status.DONE, self.vm, result.check.summary, data=result))
        return result

    def _read(self, *, with_integrity: bool, folder: str = "") -> GateResult:
        report = inspect_folder(self.host.read_export_folder(folder or self.folder))
        replica = self.host.inventory(details=False).vm(self.vm.id)
        if replica is not None and replica.replication_mode not in REPLICA_MODES:
            replica = None
        args = (
            report,
            replica.id if replica else None,
            replica.name if replica else "",
            replica.replication_state.value if replica else "",
        )
        check = gate(*args, integrity=self.integrity) if with_integrity else check_import(*args)
        return GateResult(report, replica, check)

    def refusal(self, check: ImportCheck, replica: VirtualMachine | None) -> Refused:
        """The sentence for a refused gate: the first reason, and the replica's true state."""
        waiting = replica is not None and (
            replica.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
        )
        if waiting and replica is not None:
            text = said(
                QT_TRANSLATE_NOOP(
                    "ImportRun",
                    "Import refused, nothing was changed: {reason} The replica VM {vm} is still "
                    "waiting for its initial copy.",
                ),
                reason=check.summary,
                vm=replica.name,
            )
        else:
            text = said(
                QT_TRANSLATE_NOOP("ImportRun", "Import refused, nothing was changed: {reason}"),
                reason=check.summary,
            )
        return Refused(text, code="gate-refused")

    # -- integrity -------------------------------------------------------------------------------

    def verify(self) -> Integrity:
        """Verify every file against the manifest, where the drive is (progress, cancel)."""
        remote = self.host.local_path(self.folder) is None
        where = f" on {self.host.display_name}" if remote else ""
        name = _folder_name(self.folder)
        self.emit(FlowEvent(Phase.VERIFY, Status.STARTED, self.vm, f"Verifying {name}{where}"))

        def progress(done: int, total: int) -> None:
            self.emit(FlowEvent(Phase.VERIFY, Status.PROGRESS, self.vm, "", done, total))

        target = self._staging_target()
        remote_staging = self._remote_staging() if target is None and remote else ""
        if target is not None:
            report = self._stage_and_verify(*target, progress)
        elif remote_staging:
            report = self._stage_and_verify_on_host(remote_staging, progress)
        else:
            report = verify_where_the_drive_is(
                self.host, self.folder, progress=progress, cancel=self.cancel, poll=self.poll
            )
        self.verify_report = report
        self.integrity = integrity_from_verify(
            report,
            _folder_name(self.folder),
            fingerprint=report.fingerprint,
            expected_fingerprint=self.fingerprint,
        )
        status = Status.DONE if self.integrity.verified else Status.FAILED
        self.emit(
            FlowEvent(Phase.VERIFY, status, self.vm, self.integrity.message, data=self.integrity)
        )
        return self.integrity

    # -- staged arrival: the drive is read once ------------------------------------------------

    def _staging_target(self) -> tuple[Path, Manifest, bytes, str, Path] | None:
        """Where a verified copy can go on the replica's own disk: (the drive folder here,
        its manifest and bytes, the staged folder as the host names it, and here); None when
        the drive or a staging disk with room is not readable from here, or there is no
        usable manifest to verify against (then the check goes the usual way)."""
        local = self.host.local_path(self.folder)
        if local is None:
            return None
        try:
            manifest, raw = read_manifest_with_raw(local)
        except (OSError, ValueError):
            return None
        staging = self.host.staging_folder(manifest.total_bytes)
        staged = f"{staging}\\{_folder_name(self.folder)}" if staging else ""
        staged_local = self.host.local_path(staged) if staged else None
        if staged_local is None:
            self.emit(FlowEvent(Phase.VERIFY, Status.NOTE, self.vm, NO_ROOM_ON_REPLICA))
            return None
        return local, manifest, raw, staged, staged_local

    def _remote_staging(self) -> str:
        """The replica host's own staging folder for this copy when the drive is read there (a
        WinRM host): its copy job then copies the folder off the drive verifying as it copies,
        and Hyper-V imports that copy. "" when it has no room (the drive is read twice)."""
        listing = self.host.read_export_folder(self.folder)
        if not listing.exists:
            return ""
        staging = self.host.staging_folder(sum(f.size for f in listing.files))
        if not staging or self.host.local_path(staging) is not None:
            self.emit(FlowEvent(Phase.VERIFY, Status.NOTE, self.vm, NO_ROOM_ON_REPLICA))
            return ""
        return f"{staging}\\{_folder_name(self.folder)}"

    def _stage_and_verify_on_host(
        self, staged: str, progress: Callable[[int, int], None]
    ) -> VerifyReport:
        """The host's own job copies the folder to ``staged`` on its disk hashing as it copies
        (one read of the drive) and the copy is judged against the manifest; a damaged copy is
        removed at once, a good one is what Hyper-V imports."""
        self.emit(
            FlowEvent(
                Phase.VERIFY,
                Status.NOTE,
                self.vm,
                said(
                    QT_TRANSLATE_NOOP(
                        "ImportRun",
                        "{host} copies the folder to {staged}, verifying as it copies: the "
                        "drive is read once, and Hyper-V imports the verified copy.",
                    ),
                    host=self.host.display_name,
                    staged=staged,
                ),
            )
        )
        report = verify_on_host(
            self.host,
            self.folder,
            progress=progress,
            cancel=self.cancel,
            poll_interval=self.poll,
            copy_to=staged,
        )
        copied = [f.path for f in report.manifest.files] if report.manifest else []
        if report.ok:
            entries = tuple(FileEntry(f.path, f.size) for f in report.manifest.files)
            self.staged = StagedCopy(staged, None, entries)
        elif copied and not report.cancelled:  # no use on the replica's disk either
            self.host.remove_staged(staged, copied)
        return report

    def _stage_and_verify(
        self,
        local: Path,
        manifest: Manifest,
        raw: bytes,
        staged: str,
        staged_local: Path,
        progress: Callable[[int, int], None],
    ) -> VerifyReport:
        """Copy the folder to the replica's disk, hashing as it copies (one read of the
        drive), and judge the copy against the manifest: Hyper-V then imports the verified
        local copy, and the drive is not read again."""
        self.emit(
            FlowEvent(
                Phase.VERIFY,
                Status.NOTE,
                self.vm,
                f"Copying the folder to {staged} on {self.host.display_name}, verifying as it "
                "copies: the drive is read once, and Hyper-V imports the verified copy.",
            )
        )
        fingerprint = fingerprint_of(raw)
        try:
            copied = copy_folder_hashing(local, staged_local, progress=progress, cancel=self.cancel)
        except Cancelled:  # what is copied stays: the next check resumes there
            return VerifyReport(self.folder, manifest, cancelled=True, fingerprint=fingerprint)
        # what crossed the USB bus (files resumed from the staged copy are read on its disk)
        self.host.count_local_io(self.folder, read=copied.source_bytes)
        self.host.count_local_io(staged, written=copied.source_bytes)
        report = VerifyReport(
            self.folder,
            manifest,
            files=compare(manifest, copied.files, copied.hashes),
            bytes_hashed=sum(f.size for f in copied.files),
            fingerprint=fingerprint,
        )
        if report.ok:
            self.staged = StagedCopy(staged, staged_local, copied.files)
        else:  # a damaged copy is no use on the replica's disk either
            remove_copied(staged_local, copied.files)
        return report

    def expect_fingerprint(self, fingerprint: str) -> Integrity:
        """The sender's fingerprint, given (or changed, or cleared) after the check began: the
        last verification is judged again against it, without hashing again. A decision to go
        without the manifest does not carry over: the admin decides again on the new verdict.
        Raises ``ValueError`` (a sentence) for text that is not a fingerprint."""
        self.fingerprint = normalize_fingerprint(fingerprint) if fingerprint.strip() else ""
        if self.verify_report is not None:
            report = self.verify_report
            self.integrity = integrity_from_verify(
                report,
                _folder_name(self.folder),
                fingerprint=report.fingerprint,
                expected_fingerprint=self.fingerprint,
            )
        return self.integrity

    def decide_without_manifest(self) -> Integrity:
        """The admin's explicit decision to import without a full verification; only where
        that is a choice (no manifest, an incomplete one, a stopped check), never over a
        failed check, a foreign manifest or a wrong fingerprint."""
        if self.integrity.state not in CONSENTABLE:
            raise Refused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Importing without the manifest is not a choice here: {message}"
                    ),
                    message=self.integrity.message,
                ),
                code="consent-not-possible",
            )
        self.integrity = self.integrity.with_consent()
        self.emit(FlowEvent(Phase.VERIFY, Status.NOTE, self.vm, self.integrity.unchecked()))
        return self.integrity

    # -- import -----------------------------------------------------------------------------------

    def import_copy(self) -> JobProgress:
        """Ask the gate again on a fresh listing and state, then import and follow the job.
        An import already running for this VM (another window, a re-run) is followed."""
        running = self._running_import()
        if running is not None:
            return self._follow_import(
                running,
                said(QT_TRANSLATE_NOOP("ImportRun", "An import of this VM is already running")),
            )
        source = self._source()
        result = self._read(with_integrity=True, folder=source)
        if not result.check.can_import:
            raise self.refusal(result.check, result.replica)
        replica = result.replica
        if replica is None:  # the gate refuses without a waiting replica VM; never reached
            raise self.refusal(result.check, None)
        self.vm = replica.ref
        self.emit(
            FlowEvent(
                Phase.IMPORT,
                Status.STARTED,
                self.vm,
                f"Importing the initial copy of {replica.name} on {self.host.display_name}",
            )
        )
        try:
            first = self.host.start_import(self.vm, source)
        except InvalidState:
            running = self._running_import()
            if running is None:
                raise
            return self._follow_import(
                running,
                said(QT_TRANSLATE_NOOP("ImportRun", "Another import of this VM started meanwhile")),
            )
        final = self._follow_import(first, "")
        if self.staged is not None:  # imported: the staged copy has done its work
            if self.staged.local is not None:
                remove_copied(self.staged.local, self.staged.files)
            else:
                self.host.remove_staged(self.staged.folder, [f.path for f in self.staged.files])
            self.emit(
                FlowEvent(
                    Phase.IMPORT,
                    Status.NOTE,
                    self.vm,
                    f"The local copy {self.staged.folder} was removed after the import.",
                )
            )
        return final

    def follow_running(self, job_id: str) -> JobProgress:
        """Follow an import hvseed started earlier (a reopened window), by its saved job ID.
        A job Hyper-V no longer knows comes back as it is (NOT_STARTED): the replica's state
        then tells whether it finished."""
        first = self.host.import_progress(ImportHandle(self.vm, self.folder, job_id))
        if first.state is JobState.NOT_STARTED:
            self.emit(FlowEvent(Phase.IMPORT, Status.NOTE, self.vm, data=first))
            return first
        return self._follow_import(first, "")

    def _source(self) -> str:
        """The folder Hyper-V imports from: the verified local copy, else the drive's."""
        return self.staged.folder if self.staged is not None else self.folder

    def _running_import(self) -> JobProgress | None:
        try:
            progress = self.host.import_progress(ImportHandle(self.vm, self._source()))
        except HyperVError:
            return None
        return progress if progress.state is JobState.RUNNING and progress.job_id else None

    def _follow_import(self, first: JobProgress, note: str) -> JobProgress:
        if note:
            following = said(QT_TRANSLATE_NOOP("ImportRun", "{note}; following it."), note=note)
            self.emit(FlowEvent(Phase.IMPORT, Status.NOTE, self.vm, following))
        self.emit(FlowEvent(Phase.IMPORT, Status.NOTE, self.vm, data=first))  # job to remember
        handle = first.handle or ImportHandle(self.vm, self._source(), first.job_id)
        final = follow(
            lambda: self.host.import_progress(handle),
            first,
            Phase.IMPORT,
            self.emit,
            self.cancel,
            self.poll,
        )
        if final.state is not JobState.COMPLETED:
            self.emit(FlowEvent(Phase.IMPORT, Status.FAILED, self.vm, final.message, data=final))
            raise HyperVError(
                said(
                    QT_TRANSLATE_NOOP("Errors", "The import of {name} {p}: {p2}."),
                    name=self.vm.name,
                    p=final.state.value.lower(),
                    p2=final.message or said(QT_TRANSLATE_NOOP("Errors", "no reason given")),
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The copy on the drive is untouched; check the drive and the replica "
                        "host, then import again.",
                    )
                ),
            )
        self.emit(FlowEvent(Phase.IMPORT, Status.DONE, self.vm, data=final))
        return final

    # -- after the import ---------------------------------------------------------------------

    def follow_health(self, settle_timeout: float) -> ReplicationStatus:
        """Poll the replica until Replicating/Normal (or the timeout); the last status."""
        self.emit(FlowEvent(Phase.HEALTH, Status.STARTED, self.vm))
        deadline = time.monotonic() + settle_timeout
        status = self.host.replication_status(self.vm)
        while not _healthy(status) and time.monotonic() < deadline:
            self.emit(FlowEvent(Phase.HEALTH, Status.PROGRESS, self.vm, data=status))
            if self.cancel.wait(self.poll):
                break
            status = self.host.replication_status(self.vm)
        self.emit(
            FlowEvent(
                Phase.HEALTH,
                Status.DONE if _healthy(status) else Status.NOTE,
                self.vm,
                f"state {status.state.value}, health {status.health.value}",
                data=status,
            )
        )
        return status

    def check_primary(self, primary: HyperVHost) -> PrimaryAfterImport:
        """Read the primary VM's replication after the import (same VM ID on Host A)."""
        verdict = judge_primary(primary.replication_status(self.vm))
        self.emit(FlowEvent(Phase.HEALTH, Status.NOTE, self.vm, verdict.message, data=verdict))
        return verdict

    def resume_primary(self, primary: HyperVHost, *, resynchronize: bool) -> ReplicationStatus:
        """Resume-VMReplication on Host A (``-Resynchronize`` only as the admin decided)."""
        self.emit(FlowEvent(Phase.HEALTH, Status.STARTED, self.vm, "Resuming replication"))
        status = primary.resume_replication(self.vm, resynchronize=resynchronize)
        self.emit(FlowEvent(Phase.HEALTH, Status.DONE, self.vm, data=status))
        return status

    def start_test_failover(self) -> TestFailoverResult:
        self.emit(FlowEvent(Phase.FAILOVER, Status.STARTED, self.vm, "start"))
        result = self.host.start_test_failover(self.vm)
        self.emit(FlowEvent(Phase.FAILOVER, Status.DONE, self.vm, result.message, data=result))
        return result

    def stop_test_failover(self) -> TestFailoverResult:
        self.emit(FlowEvent(Phase.FAILOVER, Status.STARTED, self.vm, "stop"))
        result = self.host.stop_test_failover(self.vm)
        self.emit(FlowEvent(Phase.FAILOVER, Status.DONE, self.vm, result.message, data=result))
        return result


@dataclass(frozen=True)
class PrimaryAfterImport:
    """The primary's side after the import: the drive's journey may have left it Suspended or
    in Error (link down) or waiting for a resynchronization (the change log outgrew about half
    the VM). ``action`` is "" (nothing to do), "resume" or "resynchronize"."""

    status: ReplicationStatus
    action: str
    message: str


RESYNC_COST = (
    "Resynchronization compares the whole VM on both hosts block by block: it reads every "
    "virtual disk on Host A and the replica, can take hours for a large VM and sends every "
    "difference over the network; the VM keeps running meanwhile."
)


def judge_primary(status: ReplicationStatus) -> PrimaryAfterImport:
    """What the primary's replication state asks for after an import."""
    state = status.state
    name = status.vm.name
    if state in (ReplicationState.SUSPENDED, ReplicationState.ERROR):
        return PrimaryAfterImport(
            status,
            "resume",
            f"Replication of {name} on the primary is {state.value} (the link was down while "
            "the drive travelled). Resume it: Resume-VMReplication on Host A (hvseed import "
            "--resume, or Resume in the wizard).",
        )
    if state is ReplicationState.WAITING_FOR_START_RESYNCHRONIZE:
        return PrimaryAfterImport(
            status,
            "resynchronize",
            f"Replication of {name} on the primary waits for a resynchronization (the change "
            f"log grew too large while the drive travelled). {RESYNC_COST} Start it when you "
            "accept that: Resume-VMReplication -Resynchronize (hvseed import --resynchronize, "
            "or in the wizard).",
        )
    return PrimaryAfterImport(
        status, "", f"Replication of {name} on the primary: {state.value}, {status.health.value}."
    )


def delta_note(status: ReplicationStatus) -> str:
    """What the AVHDX files still on the replica after the import mean (never an alarm where
    Hyper-V keeps them on purpose)."""
    if not status.replica_delta_files:
        return "The delta AVHDX received during shipping has been merged."
    hours = status.recovery_history_hours
    if hours:
        return (
            f"AVHDX files remain on the replica: with recovery points ({hours} h of recovery "
            "history) Hyper-V keeps them as recovery points; this is expected."
        )
    if hours == 0:
        return "Delta files still present: Hyper-V merges them in the background."
    return (
        "AVHDX files remain on the replica: with recovery points configured Hyper-V keeps "
        "them as recovery points (expected); otherwise it merges them in the background."
    )


#: staged arrival is not possible: said, so the admin knows the drive is read twice
NO_ROOM_ON_REPLICA = said(
    QT_TRANSLATE_NOOP(
        "ImportRun",
        "No room for a local copy on the replica host: the drive is read twice (this check, "
        "then Hyper-V's import).",
    ),
    code="no-room",
)


@dataclass(frozen=True)
class StagedCopy:
    """A verified copy of the export folder on the replica host's own disk."""

    folder: str  # as the host names it (D:\\hvseed-staging\\<VMName>_<VMId>)
    local: Path | None  # where hvseed reads and writes it; None: on a remote host
    files: tuple[FileEntry, ...]  # exactly what the copy put there (removed after the import)


def _healthy(status: ReplicationStatus) -> bool:
    return (
        status.state is ReplicationState.REPLICATING and status.health is ReplicationHealth.NORMAL
    )


def _folder_name(folder: str) -> str:
    return folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]

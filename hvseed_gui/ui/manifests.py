"""The integrity manifest after an export, written by the wizard through ``ExportRun``.

Each exported folder is hashed (every file with size and SHA-256) and the manifest is written
*beside* the folder (Hyper-V owns the folder itself), by ``ExportRun.write_manifest``: where the
drive is, in this process or as a job on Host A (``HyperVHost.local_path`` decides).

One VM at a time, off the GUI thread, cancellable. A cancelled or failed hashing leaves no
manifest file either way: nothing is written until every file is hashed, then both files are
created exclusively (all or nothing, never over an existing file); a cancel also stops the
host's job.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from hvseed_gui.core.manifest import MANIFEST_SUFFIX, SUMS_SUFFIX, VerifyReport, manifest_paths
from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.core.rate_tracker import ProgressEstimate, RateTracker
from hvseed_gui.flows.drive import ManifestOutcome
from hvseed_gui.flows.events import CancelToken, FlowEvent, Phase, Status
from hvseed_gui.flows.export_run import ExportOutcome, ExportRun, follow_target
from hvseed_gui.hyperv.host import HyperVHost, Inventory, VmRef
from hvseed_gui.ui.flow_bridge import FlowBridge
from hvseed_gui.ui.format import size
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.wording import GUI

UNVERIFIABLE = QT_TRANSLATE_NOOP(
    "ManifestJob",
    "The copy on the drive is fine, but the replica side cannot verify its content on arrival.",
)


def _tr(text: str, english: bool = False) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP in context ManifestJob) for the admin, or as is
    for the printed handover report, which stays English like the rest of its body."""
    return text if english else QCoreApplication.translate("ManifestJob", text)


class Outcome(str, Enum):
    WAITING = "waiting"
    HASHING = "hashing"
    WRITTEN = "written"
    CANCELLED = "cancelled"
    FAILED = "failed"
    REMOTE = "remote"  # the drive is on a remote host the wizard has no connection to


@dataclass
class ManifestJob:
    """One exported folder and what became of its manifest."""

    vm: VmRef
    folder: str  # as Host A sees it (E:\\HyperV-Seed\\SQL01_<id>)
    source_host: str
    replica_server: str = ""
    remote_host: str = ""  # set when the drive is on a remote host: hashed there, by the host
    outcome: Outcome = Outcome.WAITING
    error: str = ""
    files: int = 0
    bytes_total: int = 0
    fingerprint: str = ""  # SHA-256 of the manifest file, to pass on apart from the drive
    kept: bool = False  # an earlier run's manifest was kept as it is
    export: ExportOutcome | None = None  # the run's export of this folder
    read_back: VerifyReport | None = None  # the copy read back from the drive, when asked

    def _with_read_back(self, fill, english: bool) -> str:
        """What reading the copy back from the drive found, before the manifest sentence."""
        report = self.read_back
        if report is None:
            return ""
        if report.ok:
            return (
                fill(
                    QT_TRANSLATE_NOOP(
                        "ManifestJob", "✔ %1: read back from the drive, all %2 files match."
                    ),
                    str(len(report.files)),
                )
                + " "
            )
        return (
            fill(
                QT_TRANSLATE_NOOP(
                    "ManifestJob",
                    "✖ %1: read back from the drive, %2 of %3 files do not match the manifest: "
                    "the drive did not keep what was written. Use another drive and export "
                    "again.",
                ),
                str(len(report.findings)),
                str(len(report.files)),
            )
            + " "
        )

    @property
    def retryable(self) -> bool:
        return self.outcome in (Outcome.CANCELLED, Outcome.FAILED)

    def sentence(self, *, in_report: bool = False) -> str:
        """What happened to this VM's manifest, for the admin; ``in_report`` leaves out what
        to press in the wizard (for the printed handover report)."""
        name = self.vm.name
        en = in_report

        def fill(text: str, *args: str) -> str:
            text = _tr(text, en).replace("%1", name)
            for i, arg in enumerate(args, start=2):
                text = text.replace(f"%{i}", arg)
            return text

        press = (
            ""
            if in_report
            else " "
            + _tr(QT_TRANSLATE_NOOP("ManifestJob", "Press Hash again to create the manifest."))
        )
        unverifiable = _tr(UNVERIFIABLE, en)
        if self.outcome is Outcome.WRITTEN and self.kept:
            return fill(
                QT_TRANSLATE_NOOP(
                    "ManifestJob", "%1: the integrity manifest beside the folder is kept as it is."
                )
            )
        if self.outcome is Outcome.WRITTEN:
            json_path, sums_path = manifest_paths(Path(_name_of(self.folder)))
            return self._with_read_back(fill, en) + fill(
                QT_TRANSLATE_NOOP(
                    "ManifestJob",
                    "%1: integrity manifest written beside the folder (%2 files, %3): %4 and %5",
                ),
                str(self.files),
                size(self.bytes_total),
                json_path.name,
                sums_path.suffix,
            )
        if self.outcome is Outcome.CANCELLED:
            return (
                fill(
                    QT_TRANSLATE_NOOP(
                        "ManifestJob",
                        "%1: hashing was cancelled, so no integrity manifest was written.",
                    )
                )
                + f" {unverifiable}{press}"
            )
        if self.outcome is Outcome.FAILED:
            return (
                fill(
                    QT_TRANSLATE_NOOP("ManifestJob", "%1: no integrity manifest was written: %2"),
                    self.error,
                )
                + f" {unverifiable}{press}"
            )
        if self.outcome is Outcome.REMOTE:
            return fill(
                QT_TRANSLATE_NOOP(
                    "ManifestJob",
                    "%1: no integrity manifest was written: the drive is attached to the remote "
                    "host %2, and the wizard has no connection to it to hash the files there. The "
                    "replica side can still check the folder structure and the VM's IDs.",
                ),
                self.remote_host,
            )
        if self.outcome is Outcome.HASHING:
            return fill(QT_TRANSLATE_NOOP("ManifestJob", "%1: hashing for the integrity manifest…"))
        return fill(
            QT_TRANSLATE_NOOP("ManifestJob", "%1: waiting to be hashed for the integrity manifest.")
        )


def summary(jobs: list[ManifestJob]) -> str:
    """What became of every manifest: one sentence when all were written, else one per VM."""
    if len(jobs) > 1 and all(j.outcome is Outcome.WRITTEN for j in jobs):
        files = QCoreApplication.translate("ManifestJob", "%1 (%2 files, %3)")
        each = ", ".join(
            files.replace("%1", j.vm.name)
            .replace("%2", str(j.files))
            .replace("%3", size(j.bytes_total))
            for j in jobs
        )
        return (
            QCoreApplication.translate(
                "ManifestJob",
                "Integrity manifests written beside each folder (%1 and %2: SHA-256 of every "
                "file): %3.",
            )
            .replace("%1", MANIFEST_SUFFIX)
            .replace("%2", SUMS_SUFFIX)
            .replace("%3", each)
        )
    return "\n".join(j.sentence() for j in jobs)


def _name_of(folder: str) -> str:
    return folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


class ManifestHasher(QObject):
    """Hashes the queued folders one after the other through ``ExportRun.write_manifest``.

    ``host`` is Host A and ``plan`` the run's plan (``None``: no connection, nothing can be
    hashed); ``lookup_replica(vm)`` finds the replica server when the plan does not name it
    (reattached exports). ``changed`` fires on every outcome and while hashing, ``finished``
    when the queue ran empty.
    """

    changed = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[ManifestJob] = []
        self.runner = TaskRunner(self, long_running=True)  # hours of hashing: own pool
        self.current: ManifestJob | None = None
        self.estimate: ProgressEstimate | None = None
        self.host: HyperVHost | None = None
        self.plan: ReplicationPlan | None = None
        self.inventory: Inventory | None = None
        self.lookup_replica: Callable[[VmRef], str] | None = None
        self.poll_interval = 1.0
        self.verify_after_write = False  # read each copy back once its manifest is written
        self.bridge = FlowBridge(self)
        self.bridge.event.connect(self._event)
        self._token = CancelToken()
        self._tracker = RateTracker()

    @property
    def busy(self) -> bool:
        return self.current is not None

    def reset(self, jobs: list[ManifestJob]) -> None:
        """Forget earlier jobs (a new run) and queue ``jobs``; call ``start`` to begin."""
        self.cancel(quiet=True)
        self.jobs = list(jobs)
        self.changed.emit()

    def start(self) -> None:
        """Hash the waiting jobs in order (nothing happens when none waits)."""
        if self.current is not None:
            return
        waiting = [j for j in self.jobs if j.outcome is Outcome.WAITING]
        if not waiting:
            self.changed.emit()
            self.finished.emit()
            return
        job = waiting[0]
        host, plan = self.host, self.plan
        if host is None or plan is None:  # nothing to hash with: say so, go on
            if job.remote_host:
                job.outcome = Outcome.REMOTE
            else:
                job.outcome, job.error = Outcome.FAILED, _unreachable(job.folder)
            self.start()
            return
        token = self.bridge.renew()
        self._token = token
        self.current = job
        job.outcome = Outcome.HASHING
        self._tracker = RateTracker()
        self.estimate = None
        lookup, interval, inventory, emit, read_back = (
            self.lookup_replica,
            self.poll_interval,
            self.inventory,
            self.bridge,
            self.verify_after_write,
        )

        def work() -> tuple[ManifestOutcome | None, str, VerifyReport | None]:
            replica = job.replica_server or plan.replica_server
            if not replica and lookup is not None:
                try:
                    replica = lookup(job.vm)
                except Exception:  # the manifest is worth more than its replica-server line
                    replica = ""
            run = ExportRun(
                host,
                replace(plan, replica_server=replica),
                emit=emit,
                cancel=token,
                poll=interval,
                words=GUI,
            )
            run.inventory = inventory
            outcome = job.export or ExportOutcome(
                follow_target(job.vm, _parent_of(job.folder)), None
            )
            outcome = ExportOutcome(outcome.target, outcome.job)  # this hashing's own record
            written = run.write_manifest(outcome)
            if written is not None and read_back and not token.is_set():
                run.read_back(outcome)
            return written, outcome.manifest_error, outcome.read_back

        self.changed.emit()
        self.runner.run(work, lambda r: self._done(job, token, r), lambda e: self._failed(job, e))

    def cancel(self, quiet: bool = False) -> None:
        """Stop hashing: the current folder within one chunk, the waiting ones at once.

        ``quiet`` (the window closes, a new run starts) drops the worker's result right away.
        """
        for job in self.jobs:
            if job.outcome is Outcome.WAITING:
                job.outcome = Outcome.CANCELLED
        if self.current is None:
            self.changed.emit()
            return
        self._token.set()  # Cancelled (the host's job stopped too); nothing is written
        if quiet:
            self.runner.abandon()
            self.current.outcome = Outcome.CANCELLED
            self.current = None
            self.changed.emit()

    def retry(self) -> None:
        """Queue the cancelled and failed folders again and start."""
        for job in self.jobs:
            if job.retryable:
                job.outcome, job.error = Outcome.WAITING, ""
        self.start()

    # -- the flow's news ---------------------------------------------------------------------

    def _event(self, event: FlowEvent) -> None:
        job = self.current
        if (
            job is None
            or event.phase not in (Phase.HASH, Phase.VERIFY)  # VERIFY: the read-back
            or event.status is not Status.PROGRESS
            or event.vm is None
            or event.vm.id != job.vm.id
            or event.total is None
        ):
            return
        job.bytes_total = event.total
        self.estimate = self._tracker.add(time.monotonic(), event.done or 0, event.total)
        self.changed.emit()

    def _done(
        self,
        job: ManifestJob,
        token: CancelToken,
        result: tuple[ManifestOutcome | None, str, VerifyReport | None],
    ) -> None:
        if job is not self.current:
            return  # abandoned (a new run, or the window closed)
        written, error, job.read_back = result
        if written is not None:
            job.outcome = Outcome.WRITTEN
            job.files, job.fingerprint, job.kept = (
                written.files,
                written.fingerprint,
                not written.written,
            )
        elif token.is_set():
            job.outcome = Outcome.CANCELLED
        else:
            job.outcome, job.error = Outcome.FAILED, error
        self._next()

    def _failed(self, job: ManifestJob, exc: BaseException) -> None:
        if job is not self.current:
            return
        job.outcome, job.error = Outcome.FAILED, describe_error(exc)
        self._next()

    def _next(self) -> None:
        self.current = None
        self.estimate = None
        if self._token.is_set():  # cancelled: nothing more starts
            self.changed.emit()
            self.finished.emit()
            return
        self.start()


def _parent_of(folder: str) -> str:
    head = folder.replace("/", "\\").rstrip("\\").rsplit("\\", 1)
    return head[0] if len(head) > 1 else ""


def _unreachable(folder: str) -> str:
    return QCoreApplication.translate(
        "ManifestJob", "The folder %1 is not reachable from here."
    ).replace("%1", folder)

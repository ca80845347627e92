"""The integrity manifest after an export, written by the wizard as ``hvseed run`` writes it.

Each exported folder is hashed (every file with size and SHA-256) and the manifest is written
*beside* the folder (Hyper-V owns the folder itself). Hashing runs where the drive is: in this
process when this computer reaches the drive (the lab's directory, or Host A is this computer;
``core.manifest.write_manifest``), else as a job on the remote Host A that this process polls
(``hyperv.remote_manifest.write_manifest_on_host``); the host then writes both files.

One VM at a time, off the GUI thread, cancellable. A cancelled or failed hashing leaves no
manifest file either way: nothing is written until every file is hashed, then both files are
created exclusively (all or nothing, never over an existing file); a cancel also stops the
host's job.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from hvseed_gui.core.manifest import (
    MANIFEST_SUFFIX,
    SUMS_SUFFIX,
    manifest_paths,
    write_manifest,
)
from hvseed_gui.core.progress import ProgressEstimate, RateTracker
from hvseed_gui.hyperv.errors import Cancelled
from hvseed_gui.hyperv.host import HyperVHost, VmRef
from hvseed_gui.hyperv.remote_manifest import write_manifest_on_host
from hvseed_gui.ui.format import size
from hvseed_gui.ui.tasks import TaskRunner, describe_error

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
        if self.outcome is Outcome.WRITTEN:
            json_path, sums_path = manifest_paths(Path(_name_of(self.folder)))
            return fill(
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
    """Hashes the queued folders one after the other and writes each manifest beside its folder.

    ``locate(folder)`` maps a folder as Host A sees it to a path on this computer (runs on the
    worker thread); ``host`` is Host A, which hashes and writes a job's folder itself when the
    job names a ``remote_host`` (polled every ``poll_interval`` seconds); ``lookup_replica(vm)``
    finds the replica server when a job does not name it (reattached exports). ``changed``
    fires on every outcome, ``progress`` while hashing, ``finished`` when the queue ran empty.
    """

    changed = Signal()
    progress = Signal(object, object)  # bytes done, bytes total (Python ints: no 32-bit limit)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[ManifestJob] = []
        self.runner = TaskRunner(self, long_running=True)  # hours of hashing: own pool
        self.current: ManifestJob | None = None
        self.estimate: ProgressEstimate | None = None
        self.locate: Callable[[str], Path | None] = lambda _folder: None
        self.lookup_replica: Callable[[VmRef], str] | None = None
        self.host: HyperVHost | None = None
        self.poll_interval = 1.0
        self._flag = threading.Event()
        self._tracker = RateTracker()
        self.progress.connect(self._progressed)

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
        host = self.host
        if job.remote_host and host is None:  # nothing to hash with: say so, go on
            job.outcome = Outcome.REMOTE
            self.start()
            return
        self._flag = threading.Event()
        flag, signals = self._flag, self
        self.current = job
        job.outcome = Outcome.HASHING
        self._tracker = RateTracker()
        self.estimate = None
        locate, lookup, interval = self.locate, self.lookup_replica, self.poll_interval

        def work():
            replica = job.replica_server
            if not replica and lookup is not None:
                try:
                    replica = lookup(job.vm)
                except Exception:  # the manifest is worth more than its replica-server line
                    replica = ""
            if job.remote_host and host is not None:  # the drive is there: the host hashes
                return write_manifest_on_host(
                    host,
                    job.folder,
                    vm_name=job.vm.name,
                    vm_id=job.vm.id,
                    source_host=job.source_host,
                    replica_server=replica,
                    progress=lambda done, total: signals.progress.emit(done, total),
                    cancel=flag,
                    poll_interval=interval,
                )
            local = locate(job.folder)
            if local is None:
                raise FileNotFoundError(
                    QCoreApplication.translate(
                        "ManifestJob", "The folder %1 is not reachable from here."
                    ).replace("%1", job.folder)
                )
            return write_manifest(
                local,
                vm_name=job.vm.name,
                vm_id=job.vm.id,
                source_host=job.source_host,
                replica_server=replica,
                progress=lambda done, total: signals.progress.emit(done, total),
                cancel=flag,
            )

        self.changed.emit()
        self.runner.run(work, lambda m: self._done(job, m), lambda e: self._failed(job, e))

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
        self._flag.set()  # Cancelled (the host's job stopped too); nothing is written
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

    # -- worker results ----------------------------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        if self.current is None:
            return
        self.estimate = self._tracker.add(time.monotonic(), done, total)
        self.changed.emit()

    def _done(self, job: ManifestJob, manifest) -> None:
        job.outcome = Outcome.WRITTEN
        job.files = len(manifest.files)
        job.bytes_total = manifest.total_bytes
        self._next()

    def _failed(self, job: ManifestJob, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            job.outcome = Outcome.CANCELLED
        else:
            job.outcome, job.error = Outcome.FAILED, describe_error(exc)
        self._next()

    def _next(self) -> None:
        self.current = None
        self.estimate = None
        if self._flag.is_set():  # cancelled: nothing more starts
            self.changed.emit()
            self.finished.emit()
            return
        self.start()

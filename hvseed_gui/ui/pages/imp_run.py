"""Import: start Import-VMInitialReplication, follow it, then wait for Replicating / Normal.

The import runs in Hyper-V's own job; this page only polls. Closing the window leaves it
running; it is remembered in QSettings (``RunningImport``) and offered again on the next start.
Nothing is ever deleted here: the delta AVHDX files are only reported.
"""

from __future__ import annotations

import time
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
)

from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.hyperv.host import (
    JobProgress,
    JobState,
    ReplicationHealth,
    ReplicationState,
    ReplicationStatus,
)
from hvseed_gui.ui.format import duration, rate, size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.import_state import RunningImport
from hvseed_gui.ui.pages.imp_base import ImportPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error

KEPT = QT_TRANSLATE_NOOP(
    "ImportRunPage",
    "Nothing was changed: the copy on the drive is untouched and the replica VM still waits for "
    "its initial copy.",
)


SETTLE_SECONDS = 600.0  # how long to wait for Replicating / Normal before letting the admin on


class ImportRunPage(ImportPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Importing the initial copy"),
            self.tr(
                "You may close this window: the import goes on in Hyper-V, and hvseed picks it "
                "up again when you start it next time."
            ),
        )
        self.step_import = QLabel()
        self.step_health = QLabel()
        self.step_deltas = QLabel()
        for label in (self.step_import, self.step_health, self.step_deltas):
            label.setWordWrap(True)
            self.body.addWidget(label)
        for label in (self.step_health, self.step_deltas):
            label.hide()  # shown once they have something to say
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFormat("%p %")
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.body.insertWidget(1, self.bar)
        form = QFormLayout()
        self.merged = QLabel("–")
        self.rate = QLabel("–")
        self.eta = QLabel("–")
        self.health = QLabel("–")
        self.health.setWordWrap(True)
        form.addRow(self.tr("Imported:"), self.merged)
        form.addRow(self.tr("Rate:"), self.rate)
        form.addRow(self.tr("Time left:"), self.eta)
        form.addRow(self.tr("Replication:"), self.health)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to the check"))
        self.back_button.clicked.connect(self.back_to_check)
        self.back_button.hide()
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.poller = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.tracker = RateTracker()
        self.phase = "idle"  # idle | import | settle | done | failed
        self.job_id = ""  # the Hyper-V import job, once started
        self.watching = True
        self.settle_seconds = SETTLE_SECONDS  # tests shorten it
        self.settle_since: float | None = None  # when the import completed
        self.settled_short = False  # gave up waiting for Normal: the admin may go on

    # -- start -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        imp = self.imp
        self.timer.setInterval(self.wiz.poll_ms)
        self.tracker = RateTracker()
        self.back_button.hide()
        self.bar.setValue(0)
        for label in (self.step_health, self.step_deltas):
            label.clear()
            label.hide()
        self.health.setText("–")
        self.watching = True
        self.settle_since = None
        self.settled_short = False
        if imp.reattaching and imp.reattach is not None:
            running = imp.reattach
            imp.folder = running.folder
            self.vm_ref = running.vm
            self.job_id = running.job_id
            self.step_import.setText(
                self.tr("Reattached to the import of %1 from %2.")
                .replace("%1", running.vm.name)
                .replace("%2", running.folder)
            )
            self.phase = "import"
            self.poll()
            self.timer.start()
            return
        vm, folder, host = imp.vm, imp.folder, imp.host
        self.vm_ref = vm.ref
        self.job_id = ""
        self.phase = "idle"
        self.step_import.setText(
            self.tr("Starting the import of %1 from %2…")
            .replace("%1", vm.name)
            .replace("%2", folder)
        )
        # remembered before the call: a window closed meanwhile can still reattach
        RunningImport(replace(imp.target, password=""), vm.ref, folder, "").save(self.ctx.settings)
        self.run_host_call(
            self.tr("Starting the import…"),
            lambda: host.start_import(vm.ref, folder),
            self._started,
            self._refused,
            cancellable=False,
        )

    def _started(self, job: JobProgress) -> None:
        imp = self.imp
        self.job_id = job.job_id
        RunningImport(replace(imp.target, password=""), self.vm_ref, imp.folder, job.job_id).save(
            self.ctx.settings
        )
        self.phase = "import"
        self.step_import.setText(self.tr("Importing from %1…").replace("%1", imp.folder))
        self._job(job)
        if self.watching and self.phase in ("import", "settle"):
            self.timer.start()

    def _refused(self, exc: BaseException) -> None:
        RunningImport.clear(self.ctx.settings)  # nothing runs: nothing to reattach to
        self.phase = "failed"
        self.step_import.setText(self.tr("✖ Hyper-V did not start the import."))
        self.status.show_message(
            "error",
            self.tr("%1 %2 Fix the cause, then go back to the check and try again.")
            .replace("%1", describe_error(exc))
            .replace("%2", self.tr(KEPT)),
        )
        self.back_button.show()
        self.completeChanged.emit()

    # -- polling -----------------------------------------------------------------------------

    def poll(self) -> None:
        if self.poller.busy or not self.watching:
            return
        host, vm, folder, job_id = self.imp.host, self.vm_ref, self.imp.folder, self.job_id
        if self.phase == "import":
            self.poller.run(
                lambda: host.import_progress(vm, folder, job_id), self._job, self._poll_failed
            )
        elif self.phase == "settle":
            self.poller.run(lambda: host.replication_status(vm), self._settle, self._poll_failed)

    def _poll_failed(self, exc: BaseException) -> None:
        self.status.show_message(
            "warning",
            self.tr("Could not read the import's progress: %1 Retrying…").replace(
                "%1", describe_error(exc)
            ),
        )
        if self.phase == "settle" and self.imp.status is not None:
            self._settle_overdue(self.imp.status)

    def _job(self, job: JobProgress) -> None:
        self.imp.job = job
        if self.status.kind == "warning":
            self.status.clear_message()
        done, total = job.bytes_done, job.bytes_total
        if done is None and job.percent is not None and total:
            done = int(total * job.percent / 100)
        est = self.tracker.add(time.monotonic(), done or 0, total)
        fraction = job.fraction if job.fraction is not None else est.fraction
        if fraction is not None:
            self.bar.setValue(int(fraction * 1000))
        self.merged.setText(f"{size(done)} / {size(total)}")
        self.rate.setText(rate(est.bytes_per_sec))
        self.eta.setText(duration(est.eta_seconds) if job.state is JobState.RUNNING else "–")
        if job.state is JobState.NOT_STARTED and self.imp.reattaching:
            # the job is gone (host restarted, or it finished long ago): read the state instead
            RunningImport.clear(self.ctx.settings)
            self.phase = "settle"
            self.settle_since = time.monotonic()
            return
        if not job.state.finished:
            return
        RunningImport.clear(self.ctx.settings)
        if job.state is JobState.COMPLETED:
            self.bar.setValue(1000)
            self.step_import.setText(self.tr("✔ Import complete."))
            self.phase = "settle"
            self.settle_since = time.monotonic()
            self.step_health.setText(self.tr("Waiting for Hyper-V to report Replicating / Normal…"))
            self.step_health.show()
            self.poll_soon()
            return
        self.phase = "failed"
        self.timer.stop()
        self.step_import.setText(self.tr("✖ The import failed."))
        self.status.show_message(
            "error",
            self.tr(
                "%1 Nothing on the drive was deleted or changed by hvseed. Check the drive is "
                "connected, then go back to the check and start the import again."
            ).replace("%1", job.message or self.tr("Hyper-V gave no reason.")),
        )
        self.back_button.show()
        self.completeChanged.emit()

    def poll_soon(self) -> None:
        QTimer.singleShot(0, self.poll)

    def _settle(self, status: ReplicationStatus) -> None:
        self.imp.status = status
        self.step_health.show()
        self.health.setText(f"{status.state.value} / {status.health.value}")
        details = "\n".join(status.health_details)
        healthy = (
            status.state is ReplicationState.REPLICATING
            and status.health is ReplicationHealth.NORMAL
        )
        if not healthy:
            if self.settled_short or self._settle_overdue(status):
                return
            self.step_health.setText(
                self.tr("Waiting for Replicating / Normal; now %1 / %2.%3")
                .replace("%1", status.state.value)
                .replace("%2", status.health.value)
                .replace("%3", f"\n{details}" if details else "")
            )
            return
        self.settled_short = False
        self.phase = "done"
        self.timer.stop()
        self.bar.setValue(1000)
        self.step_health.setText(self.tr("✔ Replication is healthy: Replicating / Normal."))
        self.step_deltas.setText(delta_sentence(status, self.vm_ref.id))
        self.step_deltas.show()
        self.status.show_message(
            "ok", self.tr("The initial copy is imported. Next: a test failover (recommended).")
        )
        self.completeChanged.emit()

    def _settle_overdue(self, status: ReplicationStatus) -> bool:
        """After ``settle_seconds`` without Replicating / Normal: report what Hyper-V shows and
        let the admin go on (polling continues; Normal later still turns the page green)."""
        since = self.settle_since if self.settle_since is not None else time.monotonic()
        self.settle_since = since
        if time.monotonic() - since < self.settle_seconds:
            return False
        details = "\n".join(status.health_details)
        self.step_health.setText(
            self.tr("Hyper-V reports %1 / %2, not Replicating / Normal.%3")
            .replace("%1", status.state.value)
            .replace("%2", status.health.value)
            .replace("%3", f"\n{details}" if details else "")
        )
        critical = status.health is ReplicationHealth.CRITICAL
        self.status.show_message(
            "error" if critical else "warning",
            self.tr(
                "The import finished, but replication has not reached Normal health yet. Check "
                "the details above in Hyper-V Manager (Replication → View Replication Health); "
                "a Warning often clears after the next replication cycle or after "
                "Reset-VMReplicationStatistics. You may go on; hvseed keeps watching."
            ),
        )
        if not self.settled_short:
            self.settled_short = True
            self.completeChanged.emit()
        return True

    # -- leaving -----------------------------------------------------------------------------

    def back_to_check(self) -> None:
        """After a refusal or failure: back to the check page, which reads everything again."""
        self.stop_watching()
        if self.imp.reattaching:
            self.imp.reattaching = False
            self.wiz.back()
            return
        self.wiz.back()
        check = self.wiz.currentPage()
        if hasattr(check, "recheck"):
            check.recheck()

    def stop_watching(self) -> None:
        """The window closes or the page is left: stop polling; the import itself goes on."""
        self.watching = False
        self.timer.stop()
        self.poller.abandon()
        self.runner.abandon()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.stop_watching()
        super().cleanupPage()

    def page_complete(self) -> bool:
        return self.phase == "done" or (self.phase == "settle" and self.settled_short)

    def nextId(self) -> int:
        return PageId.IMPORT_FAILOVER


def delta_sentence(status: ReplicationStatus, vm_id: str, *, english: bool = False) -> str:
    """Whether the delta AVHDX files received while the drive travelled are gone; ``english``
    for the plain-text report, which stays English."""

    def tr(text: str) -> str:
        return text if english else QCoreApplication.translate("ImportRunPage", text)

    where = f"Hyper-V Replica\\Virtual hard disks\\{vm_id}"
    if not status.replica_delta_files:
        return tr(
            QT_TRANSLATE_NOOP(
                "ImportRunPage",
                "✔ The delta AVHDX files received while the drive travelled have been merged: "
                "none is left under %1.",
            )
        ).replace("%1", where)
    names = ", ".join(f.path.rsplit("\\", 1)[-1] for f in status.replica_delta_files[:4])
    total = sum(f.file_size for f in status.replica_delta_files)
    return (
        tr(
            QT_TRANSLATE_NOOP(
                "ImportRunPage",
                "ℹ %1 delta file(s) (%2) are still under %3: %4. Hyper-V may merge them later; "
                "hvseed does not delete them.",
            )
        )
        .replace("%1", str(len(status.replica_delta_files)))
        .replace("%2", size(total))
        .replace("%3", where)
        .replace("%4", names)
    )

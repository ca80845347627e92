"""Progress: enable replication, then export the initial copy with bytes, rate and ETA.

The export runs in Hyper-V's own job; this page only polls it. Closing the window leaves the
export running; the running export is remembered in QSettings so the next start can reattach.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWizard,
)

from hvseed_gui.core.plan import InitialReplicationMethod
from hvseed_gui.core.progress import RateTracker
from hvseed_gui.hyperv.host import JobProgress, JobState, ReplicationStatus, VmRef
from hvseed_gui.ui.context import RunningExport
from hvseed_gui.ui.format import duration, rate, size
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error

POLL_MS = 1000


class ProgressPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Enabling replication and exporting the initial copy"),
            self.tr(
                "You may close this window: the export goes on in Hyper-V, and hvseed picks it "
                "up again when you start it next time."
            ),
        )
        self.setCommitPage(True)  # no way back to a wizard whose work is already done
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next >"))
        self.step_enable = QLabel()
        self.step_export = QLabel()
        self.body.addWidget(self.step_enable)
        self.body.addWidget(self.step_export)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFormat("%p %")
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.body.addWidget(self.bar)
        form = QFormLayout()
        self.written = QLabel("–")
        self.rate = QLabel("–")
        self.eta = QLabel("–")
        self.folder = QLabel("–")
        self.folder.setWordWrap(True)
        form.addRow(self.tr("Written:"), self.written)
        form.addRow(self.tr("Rate:"), self.rate)
        form.addRow(self.tr("Time left:"), self.eta)
        form.addRow(self.tr("Folder:"), self.folder)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel export…"))
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.poller = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.tracker = RateTracker()
        self.state: JobState = JobState.NOT_STARTED
        self.vm: VmRef | None = None
        self.destination = ""
        self.bytes_total = 0
        self.enabled_status: ReplicationStatus | None = None
        self.network_only = False
        self.done = False

    # -- start -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.wiz.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.timer.setInterval(self.wiz.poll_ms)
        self.done = False
        self.tracker = RateTracker()
        ctx = self.ctx
        if ctx.reattaching and ctx.reattach is not None:
            running = ctx.reattach
            self.vm, self.destination = running.vm, running.destination
            self.bytes_total = running.bytes_total
            self.step_enable.setText(self.tr("✔ Replication was enabled earlier."))
            self.step_export.setText(
                self.tr("Reattached to the export of %1.").replace("%1", running.vm.name)
            )
            self.folder.setText(running.destination)
            self.cancel_button.setEnabled(True)
            self.state = JobState.RUNNING
            self.poll()
            self.timer.start()
            return
        plan = self.wiz.build_plan()
        vm = ctx.vm
        self.vm = vm.ref
        self.destination = plan.destination_path
        self.bytes_total = vm.initial_copy_size(self.wiz.excluded_paths())
        self.network_only = plan.initial_method is not InitialReplicationMethod.EXTERNAL_MEDIA
        host = ctx.host
        self.step_enable.setText(
            self.tr("Enabling replication of %1 to %2…")
            .replace("%1", vm.name)
            .replace("%2", plan.replica_server)
        )
        self.step_export.setText(
            ""
            if self.network_only
            else self.tr("Export to %1: waiting.").replace("%1", self.destination)
        )
        self.bar.setVisible(not self.network_only)

        def enable():
            status = host.enable_replication(plan, vm.ref)
            if self.network_only:
                return status, None
            return status, host.start_export(vm.ref, plan.destination_path)

        self.run_host_call(
            self.tr("Enabling replication…"), enable, self._started, self._start_failed
        )

    def _started(self, result: tuple[ReplicationStatus, JobProgress | None]) -> None:
        status, job = result
        self.enabled_status = status
        self.step_enable.setText(
            self.tr("✔ Replication enabled: %1 created the replica VM (primary state: %2).")
            .replace("%1", status.replica_server or self.wiz.build_plan().replica_server)
            .replace("%2", status.state.value)
        )
        if job is None:
            self.done = True
            self.state = JobState.COMPLETED
            self.status.show_message(
                "ok",
                self.tr(
                    "Replication is enabled. hvseed sends initial copies only on external media: "
                    "start the "
                    "initial replication in Hyper-V Manager (Replication → Start Initial "
                    "Replication) or with the script from the Summary page's Save as .ps1."
                ),
            )
            self.completeChanged.emit()
            return
        RunningExport(
            self._target_without_password(), self.vm, self.destination, self.bytes_total
        ).save(self.ctx.settings)
        self.step_export.setText(self.tr("Exporting to %1…").replace("%1", self.destination))
        self.cancel_button.setEnabled(True)
        self._show(job)
        if not job.state.finished:
            self.timer.start()

    def _start_failed(self, exc: BaseException) -> None:
        self.state = JobState.FAILED
        self.step_enable.setText(self.tr("✖ Replication could not be enabled."))
        self.show_error(exc)

    def _target_without_password(self):
        from dataclasses import replace

        return replace(self.ctx.target, password="")

    # -- polling -----------------------------------------------------------------------------

    def poll(self) -> None:
        if self.poller.busy or self.vm is None or self.ctx.host is None:
            return
        host, vm = self.ctx.host, self.vm
        self.poller.run(lambda: host.export_progress(vm), self._show, self._poll_failed)

    def _poll_failed(self, exc: BaseException) -> None:
        # a failed poll is not a failed export: say so and keep trying
        self.status.show_message(
            "warning",
            self.tr("Could not read the export's progress: %1 Retrying…").replace(
                "%1", describe_error(exc)
            ),
        )

    def _show(self, job: JobProgress) -> None:
        self.ctx.last_progress = job
        self.state = job.state
        total = job.bytes_total or self.bytes_total or None
        done = job.bytes_done
        if done is None and job.percent is not None and total:
            done = int(total * job.percent / 100)
        est = self.tracker.add(time.monotonic(), done or 0, total)
        fraction = job.fraction if job.fraction is not None else est.fraction
        if fraction is not None:
            self.bar.setValue(int(fraction * 1000))
        self.written.setText(f"{size(done)} / {size(total)}")
        self.rate.setText(rate(est.bytes_per_sec))
        self.eta.setText(duration(est.eta_seconds) if job.state is JobState.RUNNING else "–")
        if job.folder:
            self.folder.setText(job.folder)
            self.ctx.export_folder = job.folder
        if job.state is JobState.RUNNING and self.status.kind == "warning":
            self.status.clear_message()
        if job.state.finished:
            self._finished(job)

    def _finished(self, job: JobProgress) -> None:
        self.timer.stop()
        self.cancel_button.setEnabled(False)
        RunningExport.clear(self.ctx.settings)
        self.ctx.reattaching = False
        if job.state is JobState.COMPLETED:
            self.bar.setValue(1000)
            self.eta.setText("–")
            self.step_export.setText(self.tr("✔ Export complete."))
            self.status.show_message(
                "ok", self.tr("The initial copy is on the drive. Press Next for what to do now.")
            )
            self.done = True
        elif job.state is JobState.CANCELLED:
            self.step_export.setText(self.tr("Export cancelled."))
            self.status.show_message(
                "warning",
                self.tr(
                    "The export was cancelled. Replication stays enabled; start the export "
                    "again later, or remove replication in Hyper-V Manager."
                ),
            )
        else:
            self.step_export.setText(self.tr("✖ Export failed."))
            self.status.show_message(
                "error", job.message or self.tr("The export failed; Hyper-V gave no reason.")
            )
        self.completeChanged.emit()

    # -- cancel ------------------------------------------------------------------------------

    def request_cancel(self) -> None:
        if self.vm is None or self.state.finished:
            return
        if not self.wiz.prompt.confirm(
            self,
            self.tr("Cancel the export?"),
            self.tr(
                "Stop exporting %1? The partial copy on the drive cannot be imported. "
                "Replication stays enabled."
            ).replace("%1", self.vm.name),
        ):
            return
        host, vm = self.ctx.host, self.vm
        self.cancel_button.setEnabled(False)
        self.timer.stop()
        self.poller.abandon()
        self.run_host_call(
            self.tr("Cancelling the export…"),
            lambda: host.cancel_export(vm),
            self._show,
            self._cancel_failed,
        )

    def _cancel_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.cancel_button.setEnabled(True)
        self.timer.start()

    def stop_watching(self) -> None:
        """The window closes: stop polling; the export itself goes on."""
        self.timer.stop()
        self.poller.abandon()
        self.runner.abandon()

    def page_complete(self) -> bool:
        return self.done

    def nextId(self) -> int:
        from hvseed_gui.ui.ids import PageId

        return PageId.DONE

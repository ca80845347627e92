"""Import: ``ImportRun.import_copy`` (the gate asked again, then Import-VMInitialReplication,
followed to its end), then ``ImportRun.follow_health`` until Replicating / Normal.

The ImportRun is the one the Check page verified, so the admin's decision carries over; if the
gate refuses now (the folder changed meanwhile) the page says why and goes back to the check.
The import runs in Hyper-V's own job: closing the window stops following it, not the job; it is
remembered in QSettings (``RunningImport``) and followed again, by its job ID, on the next start.
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
from hvseed_gui.core.said import counted
from hvseed_gui.flows.events import FlowEvent, Phase, Refused, Status, Stopped
from hvseed_gui.flows.import_run import ImportRun, PrimaryAfterImport
from hvseed_gui.hyperv.host import (
    HyperVHost,
    JobProgress,
    JobState,
    ReplicationHealth,
    ReplicationState,
    ReplicationStatus,
)
from hvseed_gui.hyperv.host_target import HostKind, HostTarget, open_host
from hvseed_gui.ui.format import duration, rate, shown, size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.import_state import RunningImport
from hvseed_gui.ui.pages.importing.import_page import ImportPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.wording import plural, word

KEPT = QT_TRANSLATE_NOOP(
    "ImportRunPage",
    "Nothing was changed: the copy on the drive is untouched and the replica VM still waits for "
    "its initial copy.",
)


SETTLE_SECONDS = 600.0  # how long to wait for Replicating / Normal before letting the admin on
KEEP_WATCHING_SECONDS = 24 * 3600.0  # after that: Normal later still turns the page green


class ImportRunPage(ImportPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Importing the initial copy"),
            self.tr(
                "You may close this window: the import goes on in Hyper-V, and hvseed picks it "
                "up again when you start it next time."
            ),
        )
        # the import is followed for as long as it runs (hours): on the long-job pool
        self.runner = TaskRunner(self, long_running=True)
        self.runner.busyChanged.connect(self._busy_changed)
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
        self.back_button.clicked.connect(lambda: self.back_to_check())
        self.back_button.hide()
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.body.addLayout(row)
        # Host A's side after the import: the journey may have left it Suspended, in Error or
        # waiting for a resynchronization; resumed only when the admin presses the button
        self.step_primary = QLabel()
        self.step_primary.setWordWrap(True)
        self.step_primary.hide()
        self.body.addWidget(self.step_primary)
        primary_row = QHBoxLayout()
        self.resume_button = QPushButton(self.tr("&Resume replication on Host A"))
        self.resume_button.clicked.connect(self.resume_primary)
        self.resume_button.hide()
        primary_row.addWidget(self.resume_button)
        primary_row.addStretch(1)
        self.body.addLayout(primary_row)
        self.primary_runner = TaskRunner(self)
        self.primary_verdict: PrimaryAfterImport | None = None
        self._primary_host: HyperVHost | None = None
        self.watcher = TaskRunner(self, long_running=True)  # follow_health: read-only
        self.tracker = RateTracker()
        self.phase = "idle"  # idle | import | settle | done | failed
        self.job_id = ""  # the Hyper-V import job, once started
        self.watching = True
        self.settle_seconds = SETTLE_SECONDS  # tests shorten it
        self.settled_short = False  # gave up waiting for Normal: the admin may go on
        self.settle_since = 0.0  # when the import completed (monotonic)
        self._listening = False

    @property
    def flow(self) -> ImportRun:
        run = self.imp.run
        assert run is not None  # built by the Check page, or here when reattaching
        return run

    # -- start -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        imp = self.imp
        if not self._listening and imp.bridge is not None:
            imp.bridge.event.connect(self._event)
            self._listening = True
        self.tracker = RateTracker()
        self.back_button.hide()
        self.bar.setValue(0)
        for label in (self.step_health, self.step_deltas):
            label.clear()
            label.hide()
        self.health.setText("–")
        self.watching = True
        self.settled_short = False
        if imp.reattaching and imp.reattach is not None:
            running = imp.reattach
            imp.folder = running.folder
            self.vm_ref = running.vm
            self.job_id = running.job_id
            imp.run = ImportRun(
                imp.host,
                running.vm,
                running.folder,
                emit=imp.bridge,
                cancel=imp.bridge.renew(),
                poll=self._poll(),
            )
            self.step_import.setText(
                self.tr("Reattached to the import of %1 from %2.")
                .replace("%1", shown(running.vm.name))
                .replace("%2", running.folder)
            )
            self.phase = "import"
            flow, job_id = imp.run, running.job_id
            self.run_host_call(
                self.tr("Following the import…"),
                lambda: flow.follow_running(job_id),
                self._imported,
                self._import_failed,
            )
            return
        vm, folder, flow = imp.vm, imp.folder, self.flow
        self.vm_ref = vm.ref
        self.job_id = ""
        self.phase = "idle"
        imp.fresh_cancel()
        flow.poll = self._poll()
        self.step_import.setText(
            self.tr("Starting the import of %1 from %2…")
            .replace("%1", shown(vm.name))
            .replace("%2", folder)
        )
        # remembered before the call: a window closed meanwhile can still reattach
        RunningImport(replace(imp.target, password=""), vm.ref, folder, "").save(self.ctx.settings)
        self.run_host_call(
            self.tr("Starting the import…"),
            flow.import_copy,
            self._imported,
            self._import_failed,
            cancellable=False,  # starts Import-VMInitialReplication: never dropped
        )

    def _poll(self) -> float:
        return max(0.05, self.wiz.poll_ms / 1000.0)

    def _event(self, event: FlowEvent) -> None:
        job = event.data if isinstance(event.data, JobProgress) else None
        if event.phase is Phase.IMPORT and event.status is Status.NOTE and job and job.job_id:
            self._job_started(job)  # remembered even when the window is closing
        if not self.watching or self.wiz is None or self.wiz.currentPage() is not self:
            return
        if event.phase is Phase.IMPORT:
            if job is not None:
                self._job(job)
            elif event.status is Status.NOTE and event.message:
                self.step_import.setText(word(event.message))
        elif event.phase is Phase.HEALTH and isinstance(event.data, ReplicationStatus):
            self._settle(event.data)

    def _job_started(self, job: JobProgress) -> None:
        """The job to follow again after a restart: remembered with its ID."""
        imp = self.imp
        if job.job_id != self.job_id:
            self.job_id = job.job_id
            RunningImport(
                replace(imp.target, password=""), self.vm_ref, imp.folder, job.job_id
            ).save(self.ctx.settings)
        if self.watching and self.phase in ("idle", "import"):
            self.phase = "import"
            self.busy.stop()  # it runs: the page's own bar shows the job from here
            self.step_import.setText(self.tr("Importing from %1…").replace("%1", imp.folder))

    def _imported(self, job: JobProgress) -> None:
        self.imp.job = job
        RunningImport.clear(self.ctx.settings)
        if job.state is JobState.COMPLETED:
            self.bar.setValue(1000)
            self.step_import.setText(self.tr("✔ Import complete."))
            self.step_health.setText(self.tr("Waiting for Hyper-V to report Replicating / Normal…"))
            self.step_health.show()
        # else: a reattached job Hyper-V no longer knows: the replica's state tells
        self.phase = "settle"
        self.settle_since = time.monotonic()
        self._follow_health(self.settle_seconds)

    def _import_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Stopped):
            return  # the window closed or the page was left: the job goes on, remembered
        RunningImport.clear(self.ctx.settings)  # nothing runs: nothing to reattach to
        if isinstance(exc, Refused):
            self.phase = "failed"
            self.back_to_check(
                self.tr("The import was refused when it was about to start: %1").replace(
                    "%1", describe_error(exc)
                )
            )
            return
        started = self.phase != "idle"
        self.phase = "failed"
        if started:
            self.step_import.setText(self.tr("✖ The import failed."))
            self.status.show_message(
                "error",
                self.tr(
                    "%1 Nothing on the drive was deleted or changed by hvseed. Check the drive is "
                    "connected, then go back to the check and start the import again."
                ).replace("%1", describe_error(exc)),
            )
        else:
            self.step_import.setText(self.tr("✖ Hyper-V did not start the import."))
            self.status.show_message(
                "error",
                self.tr("%1 %2 Fix the cause, then go back to the check and try again.")
                .replace("%1", describe_error(exc))
                .replace("%2", self.tr(KEPT)),
            )
        self.back_button.show()
        self.completeChanged.emit()

    # -- progress ----------------------------------------------------------------------------

    def _job(self, job: JobProgress) -> None:
        self.imp.job = job
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

    # -- health ------------------------------------------------------------------------------

    def _follow_health(self, seconds: float) -> None:
        if not self.watching:
            return
        self.imp.fresh_cancel()
        flow = self.flow
        self.watcher.run(
            lambda: flow.follow_health(seconds), self._health_ended, self._health_failed
        )

    def _health_ended(self, status: ReplicationStatus) -> None:
        self._settle(status)
        if self.phase != "settle" or not self.watching:
            return
        self._settle_overdue(status)  # no Normal within settle_seconds: the admin may go on
        self._follow_health(KEEP_WATCHING_SECONDS)

    def _health_failed(self, exc: BaseException) -> None:
        if not self.watching:
            return
        self.status.show_message(
            "warning",
            self.tr("Could not read the replication state: %1 Retrying…").replace(
                "%1", describe_error(exc)
            ),
        )
        left = self.settle_seconds - (time.monotonic() - self.settle_since)
        if left <= 0 and self.imp.status is not None:
            self._settle_overdue(self.imp.status)
        again = left if left > 0 else KEEP_WATCHING_SECONDS
        QTimer.singleShot(self.wiz.poll_ms, lambda: self._follow_health(again))

    def _settle(self, status: ReplicationStatus) -> None:
        if self.phase not in ("settle", "done"):
            return
        self.imp.status = status
        self.step_health.show()
        self.health.setText(f"{status.state.value} / {status.health.value}")
        details = "\n".join(status.health_details)
        healthy = (
            status.state is ReplicationState.REPLICATING
            and status.health is ReplicationHealth.NORMAL
        )
        if not healthy:
            if not self.settled_short:
                self.step_health.setText(
                    self.tr("Waiting for Replicating / Normal; now %1 / %2.%3")
                    .replace("%1", status.state.value)
                    .replace("%2", status.health.value)
                    .replace("%3", f"\n{details}" if details else "")
                )
            return
        self.settled_short = False
        self.phase = "done"
        self.bar.setValue(1000)
        self.step_health.setText(self.tr("✔ Replication is healthy: Replicating / Normal."))
        self.step_deltas.setText(delta_sentence(status, self.vm_ref.id))
        self.step_deltas.show()
        self.status.show_message(
            "ok", self.tr("The initial copy is imported. Next: a test failover (recommended).")
        )
        self.completeChanged.emit()
        self.check_primary(status.primary_server)

    # -- Host A after the import -------------------------------------------------------------

    def _primary_target(self, name: str) -> HostTarget | None:
        """Host A reached as the replica host is (the lab's, or WinRM with the same account)."""
        target = self.imp.target
        if not name or target is None:
            return None
        if target.kind is HostKind.LAB:
            return replace(target, host=name)
        if target.kind is HostKind.WINRM:
            return target.with_host(name)
        return HostTarget(kind=HostKind.WINRM, host=name, timeout=target.timeout)

    def check_primary(self, name: str) -> None:
        """Read Host A's replication of this VM (read-only), off the GUI thread."""
        target = self._primary_target(name)
        if target is None or self.primary_runner.busy:
            return
        flow = self.flow

        def read() -> tuple[HyperVHost, PrimaryAfterImport]:
            host = open_host(target)
            return host, flow.check_primary(host)

        self.primary_runner.run(read, self._primary_read, self._primary_unreadable)

    def _primary_read(self, result: tuple[HyperVHost, PrimaryAfterImport]) -> None:
        self._primary_host, verdict = result
        self.primary_verdict = verdict
        state = verdict.status.state.value
        self.step_primary.show()
        self.resume_button.setVisible(bool(verdict.action))
        if verdict.action == "resume":
            self.step_primary.setText(
                self.tr(
                    "⚠ On Host A replication of this VM is %1: the link was down while the "
                    "drive travelled. Resume it (Resume-VMReplication) when the network works."
                ).replace("%1", state)
            )
            self.resume_button.setText(self.tr("&Resume replication on Host A"))
        elif verdict.action == "resynchronize":
            self.step_primary.setText(
                self.tr(
                    "⚠ On Host A replication of this VM waits for a resynchronization: the "
                    "change log grew too large while the drive travelled."
                )
            )
            self.resume_button.setText(self.tr("&Start the resynchronization…"))
        else:
            self.step_primary.setText(
                self.tr("✔ On Host A replication of this VM is %1 / %2.")
                .replace("%1", state)
                .replace("%2", verdict.status.health.value)
            )

    def _primary_unreadable(self, exc: BaseException) -> None:
        self.step_primary.show()
        self.step_primary.setText(
            self.tr(
                "ℹ Host A could not be read (%1). Check its replication of this VM there "
                "(Get-VMReplication) and resume it if it is Suspended or in Error."
            ).replace("%1", describe_error(exc))
        )

    def resume_primary(self) -> None:
        """Resume-VMReplication on Host A; a resynchronization only after its cost is said."""
        verdict, host = self.primary_verdict, self._primary_host
        if verdict is None or host is None or not verdict.action:
            return
        resync = verdict.action == "resynchronize"
        if resync and not self.wiz.prompt.confirm(
            self,
            self.tr("Start the resynchronization?"),
            self.tr(
                "Resynchronization compares the whole VM on both hosts block by block: it reads "
                "every virtual disk on Host A and the replica, can take hours for a large VM "
                "and sends every difference over the network; the VM keeps running meanwhile."
            ),
        ):
            return
        self.resume_button.setEnabled(False)
        flow = self.flow
        self.primary_runner.run(
            lambda: flow.resume_primary(host, resynchronize=resync),
            self._primary_resumed,
            self._primary_resume_failed,
            cancellable=False,
        )

    def _primary_resumed(self, status: ReplicationStatus) -> None:
        self.resume_button.hide()
        self.resume_button.setEnabled(True)
        self.step_primary.setText(
            self.tr("✔ Replication on Host A resumed: now %1 / %2.")
            .replace("%1", status.state.value)
            .replace("%2", status.health.value)
        )

    def _primary_resume_failed(self, exc: BaseException) -> None:
        self.resume_button.setEnabled(True)
        self.status.show_message("error", describe_error(exc))

    def _settle_overdue(self, status: ReplicationStatus) -> None:
        """No Replicating / Normal within ``settle_seconds``: report what Hyper-V shows and let
        the admin go on (watching continues; Normal later still turns the page green)."""
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

    # -- leaving -----------------------------------------------------------------------------

    def back_to_check(self, notice: str = "") -> None:
        """After a refusal or failure: back to the check page, which reads everything again
        (a new ImportRun: verified again, decided again); ``notice`` says why."""
        self.stop_watching()
        if self.imp.reattaching:
            self.imp.reattaching = False
            self.wiz.back()
            return
        self.wiz.back()
        check = self.wiz.page_of(PageId.IMPORT_CHECK)
        if self.wiz.currentPage() is check:
            check.recheck(notice)

    def stop_watching(self) -> None:
        """The window closes or the page is left: stop following; the import itself goes on
        in Hyper-V (the flow's cancel token ends the follow at once)."""
        self.watching = False
        if self.imp.run is not None:
            self.imp.run.cancel.set()
        self.watcher.abandon()
        self.runner.abandon()  # a start in flight is never dropped (changing call)

    def cancel_call(self) -> None:
        """Stop waiting while a reattached import is looked up: stop following it too (the
        job goes on in Hyper-V). A start in flight cannot be stopped (changing call)."""
        if not self.runner.changing and self.imp.run is not None:
            self.imp.run.cancel.set()
        super().cancel_call()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override (Next)
        self.stop_watching()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.stop_watching()
        super().cleanupPage()

    def page_complete(self) -> bool:
        return self.phase == "done" or (self.phase == "settle" and self.settled_short)

    def nextId(self) -> int:
        return PageId.IMPORT_FAILOVER


def delta_sentence(status: ReplicationStatus, vm_id: str) -> str:
    """Whether the delta AVHDX files received while the drive travelled are gone, in the GUI's
    language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ImportRunPage", text)

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
    count = len(status.replica_delta_files)
    if status.recovery_history_hours:
        return (
            plural(
                counted.translate(
                    "ImportRunPage",
                    "ℹ %n AVHDX file(s) (%2) under %3 are recovery points: with %4 h of recovery "
                    "history Hyper-V keeps them for good. This is expected: %5.",
                    "",
                    0,
                ),
                count,
            )
            .replace("%2", size(total))
            .replace("%3", where)
            .replace("%4", str(status.recovery_history_hours))
            .replace("%5", names)
        )
    return (
        plural(
            counted.translate(
                "ImportRunPage",
                "ℹ %n delta file(s) (%2) are still under %3: %4. Hyper-V may merge them later; "
                "hvseed does not delete them.",
                "",
                0,
            ),
            count,
        )
        .replace("%2", size(total))
        .replace("%3", where)
        .replace("%4", names)
    )

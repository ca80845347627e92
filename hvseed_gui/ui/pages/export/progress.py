"""Progress: enable replication, then export the initial copy with bytes, rate and ETA; with
several VMs one row per VM plus the whole.

A view over ``ExportRun``: each VM's enable-and-export is one flow step on the thread pool (a
changing call: never dropped), whose events reach this page through a ``FlowBridge``. The next
VM starts once the export before it has started. Each export runs in Hyper-V's own job; the
step only follows it. Closing the window stops following and leaves the exports running; they
are remembered in QSettings so the next start can reattach.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
    QWizard,
)

from hvseed_gui.core.folder_name import folder_path
from hvseed_gui.core.plan import InitialReplicationMethod
from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.flows.events import FlowEvent, Phase, Status, Stopped
from hvseed_gui.flows.export_run import (
    Action,
    ExportRun,
    ExportTarget,
    follow_target,
)
from hvseed_gui.hyperv.host import JobProgress, JobState, ReplicationStatus, VmRef
from hvseed_gui.ui.context import ExportItem, RunningExport
from hvseed_gui.ui.flow_bridge import FlowBridge
from hvseed_gui.ui.format import duration, rate, replication_state, shown, size
from hvseed_gui.ui.manifests import ManifestHasher
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.pages.export.progress_end import ExportEndMixin
from hvseed_gui.ui.tasks import HOST_THREADS, TaskRunner, describe_error, pool
from hvseed_gui.ui.widgets.hashing_box import HashingBox
from hvseed_gui.ui.wording import GUI, job_message


@dataclass
class ExportRow:
    """One VM of the run: its export's state and the widgets that show it."""

    vm: VmRef
    destination: str
    bytes_total: int
    tracker: RateTracker = field(default_factory=RateTracker)
    state: JobState = JobState.NOT_STARTED
    enabled: bool = False
    bytes_done: int = 0
    folder: str = ""
    message: str = ""
    job_id: str = ""  # the Hyper-V job of this export, once started
    refused: bool = False  # replication is enabled but Hyper-V refused to start the export
    target: ExportTarget | None = None  # the flow's view of this VM (from the preflight)
    last: JobProgress | None = None  # the export's latest progress
    returned: bool = False  # its start (enable and export) has returned
    name: QLabel | None = None
    step: QLabel | None = None
    bar: QProgressBar | None = None
    detail: QLabel | None = None

    @property
    def label(self) -> str:
        """The VM's name as labels show it: control and bidirectional characters spelt out."""
        return shown(self.vm.name)

    @property
    def item(self) -> ExportItem:
        return ExportItem(self.vm, self.destination, self.bytes_total, self.job_id)


class ProgressPage(ExportEndMixin, HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Enabling replication and exporting the initial copy"),
            self.tr(
                "You may close this window: the export goes on in Hyper-V, and hvseed picks it "
                "up again when you start it next time."
            ),
        )
        self.title_running, self.subtitle_running = self.title(), self.subTitle()
        self.started = time.monotonic()
        self.setCommitPage(True)  # no way back to a wizard whose work is already done
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Next >"))
        self.step_enable = QLabel()
        self.step_export = QLabel()
        self.step_enable.setWordWrap(True)
        self.body.addWidget(self.step_enable)
        self.body.addWidget(self.step_export)
        # one row per VM (shown when there are several)
        self.rows_box = QGroupBox(self.tr("Virtual machines"))
        box_layout = QHBoxLayout(self.rows_box)
        self.rows_area = QScrollArea()
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QScrollArea.Shape.NoFrame)
        box_layout.addWidget(self.rows_area)
        self.rows_widget = QWidget()
        self.grid = QGridLayout(self.rows_widget)
        self.grid.setColumnStretch(2, 1)
        self.rows_area.setWidget(self.rows_widget)
        self.body.addWidget(self.rows_box, 1)
        self.rows_box.hide()
        self.grow_body()
        self.bar = QProgressBar()  # the whole run
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
        self.rate_label = QLabel(self.tr("Rate:"))
        form.addRow(self.rate_label, self.rate)
        form.addRow(self.tr("Time left:"), self.eta)
        form.addRow(self.tr("Folder:"), self.folder)
        self.body.addLayout(form)
        row = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel export…"))
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.cancel_button)
        self.retry_button = QPushButton(self.tr("&Start the export again"))
        self.retry_button.setToolTip(
            self.tr("Replication stays as it is; only the export is started again.")
        )
        self.retry_button.clicked.connect(self.retry_exports)
        self.retry_button.hide()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        self.body.addLayout(row)
        # the integrity manifest beside each folder, hashed once the exports are done
        self.hasher = ManifestHasher(self)
        self.hasher.changed.connect(self._hashing_changed)
        self.hasher.finished.connect(self._hashing_finished)
        self.hashing_box = HashingBox(self.hasher)
        self.body.addWidget(self.hashing_box)
        self.bridge = FlowBridge(self)  # the flow's events, on the GUI thread
        self.bridge.event.connect(self._on_event)
        self.flow: ExportRun | None = None
        # the flow's steps: each VM's enable-and-export follows its export until it ends
        self.exports = TaskRunner(self)
        self.tracker = RateTracker()
        self.state: JobState = JobState.NOT_STARTED
        self.rows: list[ExportRow] = []
        self.enabled_status: ReplicationStatus | None = None
        self.network_only = False
        self.starting = False  # still enabling / starting VMs one after the other
        self.pending: ExportRow | None = None  # the row whose start call is in flight
        self.cancel_requested = False  # cancel once the start in flight has returned
        self.closing = False  # the window closed: start nothing more
        self.reported = False  # the end of the run was reported
        self.exported = False  # every export finished, at least one completed
        self.final_message: tuple[str, str] = ("", "")  # shown once hashing is over
        self.done = False

    # -- compatibility: the first VM ---------------------------------------------------------

    @property
    def vm(self) -> VmRef | None:
        return self.rows[0].vm if self.rows else None

    @property
    def destination(self) -> str:
        return self.rows[0].destination if self.rows else ""

    # -- start -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.wiz.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.done = False
        self.reported = False
        self.exported = False
        self.pending = None
        self.cancel_requested = False
        self.closing = False
        self.enabled_status = None
        self.cancel_button.show()
        self.retry_button.hide()
        self.hasher.reset([])
        self.tracker = RateTracker()
        self.started = time.monotonic()  # for the average rate once every export is done
        self.rate_label.setText(self.tr("Rate:"))
        self.setTitle(self.title_running)
        self.setSubTitle(self.subtitle_running)
        ctx = self.ctx
        cancel = self.bridge.renew()
        poll = max(0.02, self.wiz.poll_ms / 1000.0)
        checked = ctx.export_run if not ctx.reattaching else None
        plan = checked.plan if checked is not None else self.wiz.build_plan()
        self.flow = ExportRun(
            ctx.host,
            plan,
            emit=self.bridge,
            cancel=cancel,
            poll=poll,
            words=GUI,
            verify_after_write=self.wiz.session.verify_after_write,
        )
        self.flow.inventory = checked.inventory if checked is not None else ctx.inventory
        if ctx.reattaching and ctx.reattach is not None:
            running = ctx.reattach
            self.network_only = False
            self.bar.setVisible(True)
            self._build_rows(
                [
                    ExportRow(
                        i.vm,
                        i.destination,
                        i.bytes_total,
                        job_id=i.job_id,
                        target=follow_target(i.vm, i.destination),
                        returned=True,
                    )
                    for i in running.items
                ]
            )
            for r in self.rows:
                r.state, r.enabled = JobState.RUNNING, True
                self._set_step(r, self.tr("Exporting…"))
            names = ", ".join(r.label for r in self.rows)
            self.step_enable.setText(self.tr("✔ Replication was enabled earlier."))
            self.step_export.setText(
                self.tr("Reattached to the export of %1.").replace("%1", names)
            )
            self.folder.setText(", ".join(sorted({r.destination for r in self.rows})))
            self.cancel_button.setEnabled(True)
            self.state = JobState.RUNNING
            self.starting = False
            for r in self.rows:
                self._follow(r)
            return
        targets = list(ctx.export_targets or [])
        self.network_only = plan.initial_method is not InitialReplicationMethod.EXTERNAL_MEDIA
        rows = [
            ExportRow(
                t.vm.ref,
                t.destination,
                t.vm.initial_copy_size(t.item.excluded_vhd_paths),
                target=t,
            )
            for t in targets
        ]
        self._build_rows(rows)
        self.step_enable.setText(
            self.tr("Enabling replication of %1 to %2…")
            .replace("%1", ", ".join(r.label for r in self.rows))
            .replace("%2", plan.replica_server)
        )
        self.step_export.setText(
            ""
            if self.network_only
            else self.tr("Export to %1: waiting.").replace(
                "%1", ", ".join(sorted({r.destination for r in self.rows}))
            )
        )
        self.bar.setVisible(not self.network_only)
        # one pool thread follows each export: the other host calls keep theirs
        shared = pool()
        shared.setMaxThreadCount(max(shared.maxThreadCount(), HOST_THREADS + len(rows)))
        self.starting = True
        self._start(0)

    def _build_rows(self, rows: list[ExportRow]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = rows
        for i, r in enumerate(rows):
            r.name = QLabel(r.label)
            r.name.setStyleSheet("font-weight: 600;")
            r.step = QLabel(self.tr("waiting"))
            r.bar = QProgressBar()
            r.bar.setRange(0, 1000)
            r.bar.setFormat("%p %")
            r.bar.setAccessibleName(self.tr("Export of %1").replace("%1", r.label))
            r.detail = QLabel("–")
            for col, widget in enumerate((r.name, r.step, r.bar, r.detail)):
                self.grid.addWidget(widget, i, col)
        several = len(rows) > 1
        self.rows_box.setVisible(several)
        # the rows take the free height; without them the page's closing stretch does, so the
        # lines stay together instead of spreading down the page
        self.outer.setStretch(0, 1 if several else 0)
        self.outer.setStretch(1, 0 if several else 1)
        self.rows_area.setMinimumHeight(min(len(rows), 6) * 30 + 12)

    def _set_step(self, r: ExportRow, text: str) -> None:
        if r.step is not None:
            r.step.setText(text)

    def _start(self, index: int) -> None:
        """Enable replication and start the export of VM ``index``; the next VM starts once
        this export has started (or was refused)."""
        if self.closing:
            return  # the window closed: what was not started yet stays unstarted
        if index >= len(self.rows) or self.cancel_requested:
            for r in self.rows[index:]:  # cancelled before their turn: never enabled
                r.state = JobState.CANCELLED
                r.message = self.tr("Not enabled: the export was cancelled first.")
                self._set_step(r, self.tr("not enabled"))
            self.starting = False
            self._after_starts()
            if self.cancel_requested:
                self._send_cancel()
            return
        r = self.rows[index]
        flow, target = self.flow, r.target
        self._set_step(r, self.tr("enabling…"))
        if not self.network_only:
            # remembered before the call: a window closed meanwhile can still reattach
            self.pending = r
            self._remember()

        def enable_and_export() -> JobProgress | None:
            flow.enable(target)
            if target.action is Action.ENABLE_ONLY:
                return None
            return flow.export(target)

        self._run_step(
            self.tr("Enabling replication of %1…").replace("%1", r.label), enable_and_export, r
        )

    def _run_step(self, what: str, step, r: ExportRow) -> None:
        """Run a flow step for ``r`` off the GUI thread: a changing call, never dropped (no
        Stop waiting); the busy line shows until its start has returned, the row after."""
        if what:
            self.busy.start(what)
            self.busy.cancel_button.hide()
        self.exports.run(
            step,
            lambda job: self._step_done(r, job),
            lambda exc: self._step_failed(r, exc),
            cancellable=False,
        )

    def _follow(self, r: ExportRow) -> None:
        """Follow an export that runs (reattached, or after failed progress reads)."""
        if self.closing or r.target is None:
            return
        flow, target, job_id = self.flow, r.target, r.job_id
        self._run_step("", lambda: flow.export(target, job_id), r)  # several follow at once

    # -- the flow's events -------------------------------------------------------------------

    def _row_of(self, vm: VmRef | None) -> ExportRow | None:
        if vm is None:
            return None
        return next((r for r in self.rows if r.vm.id == vm.id), None)

    def _on_event(self, event: FlowEvent) -> None:
        r = self._row_of(event.vm)
        if r is None:
            return
        if event.phase is Phase.ENABLE and event.status in (Status.DONE, Status.SKIPPED):
            r.enabled = True
            if isinstance(event.data, ReplicationStatus):
                self.enabled_status = self.enabled_status or event.data
        elif event.phase is Phase.EXPORT and isinstance(event.data, JobProgress):
            if event.status is Status.NOTE:
                self._export_started(r, event.data)
            elif r.job_id:
                self._show(event.data, r)

    def _export_started(self, r: ExportRow, job: JobProgress) -> None:
        """Hyper-V took the export (or the job to follow): remember it, start the next VM."""
        r.enabled = True
        r.refused = False
        r.job_id = job.job_id or r.job_id
        if not job.state.finished:
            r.state = JobState.RUNNING
        self._set_step(r, self.tr("exporting…"))
        if self.pending is r:
            self.pending = None
        self._remember()
        self.cancel_button.setEnabled(True)
        self.step_export.setText(
            self.tr("Exporting to %1…").replace(
                "%1", ", ".join(sorted({x.destination for x in self.rows}))
            )
        )
        if not any(x.refused for x in self.rows):
            self.retry_button.hide()
        self._show(job, r)
        self._start_returned(r)

    def _start_returned(self, r: ExportRow) -> None:
        if r.returned:
            return
        r.returned = True
        if self.pending is r:
            self.pending = None
            self._remember()
        starts = self.starting and self.rows.index(r) + 1 < len(self.rows)
        others = any(x.state is JobState.NOT_STARTED and x is not r for x in self.rows)
        if not starts and not others and not self.runner.busy:
            self.busy.stop()  # every start returned: the rows show the exports from here
        if self.starting:
            self._start(self.rows.index(r) + 1)
        else:
            self._after_starts()  # a start again returned

    def _step_done(self, r: ExportRow, job: JobProgress | None) -> None:
        if job is None:  # replication enabled; the initial copy goes over the network
            r.state = JobState.COMPLETED
            self._set_step(r, self.tr("✔ replication enabled"))
        else:
            self._show(job, r)
        self._start_returned(r)

    def _step_failed(self, r: ExportRow, exc: BaseException) -> None:
        if isinstance(exc, Stopped):
            return  # the window closed: the export goes on in Hyper-V, remembered
        if r.state is JobState.RUNNING:  # a failed read is not a failed export: follow again
            self._poll_failed(exc)
            if not self.closing:
                QTimer.singleShot(self.wiz.poll_ms, lambda: self._follow(r))
            return
        if self.pending is r:
            self.pending = None
        if r.enabled:
            self._export_refused(r, exc)
        else:
            self._start_failed(r, exc)
        self._start_returned(r)

    def _export_refused(self, r: ExportRow, exc: BaseException) -> None:
        """Replication was enabled, but Hyper-V refused to start the export."""
        r.state = JobState.FAILED
        r.refused = True
        r.message = self.tr(
            "Replication is enabled, but the export did not start: %1 Fix the cause, then "
            "press Start the export again."
        ).replace("%1", describe_error(exc))
        self._set_step(r, self.tr("✔ enabled · ✖ export not started"))
        if r.detail is not None:
            r.detail.setText(r.message)
            r.detail.setWordWrap(True)
        self._remember()
        self.retry_button.show()
        self.retry_button.setEnabled(False)  # enabled once every start has returned

    def retry_exports(self) -> None:
        """Start again only the exports Hyper-V refused (replication is already enabled)."""
        refused = [r for r in self.rows if r.refused and r.state is JobState.FAILED]
        if not refused or self.starting or self.closing:
            return
        self.retry_button.setEnabled(False)
        self.status.clear_message()
        self.reported = False
        self.cancel_button.show()
        for r in refused:
            r.state = JobState.NOT_STARTED
            r.returned = False
            r.target = replace(r.target, action=Action.EXPORT)
            self._set_step(r, self.tr("starting the export…"))
        self._remember(also=refused)
        flow = self.flow
        for r in refused:
            target = r.target
            self._run_step(
                self.tr("Starting the export again…"), lambda t=target: flow.export(t), r
            )

    def _start_failed(self, r: ExportRow, exc: BaseException) -> None:
        self._remember()
        r.state = JobState.FAILED
        r.message = describe_error(exc)
        self._set_step(r, self.tr("✖ not enabled"))
        if r.detail is not None:
            r.detail.setText(r.message)
            r.detail.setWordWrap(True)

    def _after_starts(self) -> None:
        """Every VM was tried: say how enabling went; finish when nothing is left to watch."""
        self.retry_button.setEnabled(not self.cancel_requested)
        enabled = [r for r in self.rows if r.enabled]
        failed = [r for r in self.rows if not r.enabled]
        if enabled:
            server = (
                self.enabled_status.replica_server
                if self.enabled_status and self.enabled_status.replica_server
                else self.flow.plan.replica_server
            )
            state = (
                replication_state(self.enabled_status.state.value) if self.enabled_status else ""
            )
            text = (
                self.tr("✔ Replication enabled: %1 created the replica VM (primary state: %2).")
                if len(self.rows) == 1
                else self.tr("✔ Replication enabled for %3: %1 created the replica VMs.")
            )
            self.step_enable.setText(
                text.replace("%1", server)
                .replace("%2", state)
                .replace("%3", ", ".join(r.label for r in enabled))
            )
        if failed:
            if not enabled:
                self.step_enable.setText(self.tr("✖ Replication could not be enabled."))
            self.status.show_message(
                "error",
                " ".join(
                    (f"{r.label}: " if len(self.rows) > 1 else "") + r.message for r in failed
                ),
            )
        if self.network_only and enabled:
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
        self._update_overall()

    def _remember(self, also: list[ExportRow] = ()) -> None:
        """Save what runs (and the start in flight) for reattaching; clear when nothing does."""
        extra = [*also, *([self.pending] if self.pending is not None else [])]
        running = [
            r.item for r in self.rows if r.state is JobState.RUNNING or any(r is x for x in extra)
        ]
        if running:
            RunningExport.of(self._target_without_password(), running).save(self.ctx.settings)
        else:
            RunningExport.clear(self.ctx.settings)

    def _target_without_password(self):
        return replace(self.ctx.target, password="")

    # -- progress ----------------------------------------------------------------------------

    def _poll_failed(self, exc: BaseException) -> None:
        # a failed poll is not a failed export: say so and keep trying
        self.status.show_message(
            "warning",
            self.tr("Could not read the export's progress: %1 Retrying…").replace(
                "%1", describe_error(exc)
            ),
        )

    def _show(self, job: JobProgress, r: ExportRow | None = None) -> None:
        r = r or self.rows[0]
        if r.state.finished and not job.state.finished:
            return  # a late reading from before the end
        r.last = job
        r.job_id = r.job_id or job.job_id
        total = job.bytes_total or r.bytes_total or None
        if total:
            r.bytes_total = total
        done = job.bytes_done
        if done is None and job.percent is not None and total:
            done = int(total * job.percent / 100)
        r.bytes_done = done or 0
        est = r.tracker.add(time.monotonic(), done or 0, total)
        fraction = job.fraction if job.fraction is not None else est.fraction
        if fraction is not None and r.bar is not None:
            r.bar.setValue(int(fraction * 1000))
        if r.detail is not None:
            r.detail.setText(f"{size(done)} / {size(total)} · {rate(est.bytes_per_sec)}")
        if job.folder:
            r.folder = job.folder
        previous = r.state
        r.state = job.state
        if job.state.finished and previous is not job.state:
            self._row_finished(r, job)
        self._update_overall()

    def _row_finished(self, r: ExportRow, job: JobProgress) -> None:
        if job.state is JobState.COMPLETED:
            if r.bar is not None:
                r.bar.setValue(1000)
            r.folder = r.folder or folder_path(r.destination, r.vm.name, r.vm.id)
            self._set_step(r, self.tr("✔ exported"))
        elif job.state is JobState.CANCELLED:
            self._set_step(r, self.tr("cancelled"))
        else:
            r.message = (
                job_message(job.message)
                if job.message
                else self.tr("The export failed; Hyper-V gave no reason.")
            )
            self._set_step(r, self.tr("✖ failed"))
            if r.detail is not None:
                r.detail.setText(r.message)
                r.detail.setWordWrap(True)
        if any(x.state is JobState.RUNNING for x in self.rows):
            self._remember()  # only what still runs is offered for reattaching

    def _update_overall(self) -> None:
        rows = self.rows
        total = sum(r.bytes_total for r in rows if r.state is not JobState.FAILED or r.enabled)
        done = sum(r.bytes_done for r in rows)
        est = self.tracker.add(time.monotonic(), done, total or None)
        if est.fraction is not None:
            self.bar.setValue(int(est.fraction * 1000))
        self.written.setText(f"{size(done)} / {size(total or None)}")
        if not self.reported:  # once done, the rate shown is the average
            self.rate.setText(rate(est.bytes_per_sec))
        running = any(r.state is JobState.RUNNING for r in rows)
        self.eta.setText(duration(est.eta_seconds) if running else "–")
        folders = [r.folder for r in rows if r.folder]
        if folders:
            self.folder.setText("\n".join(folders))
            self.ctx.export_folder = folders[0]
        if running and self.status.kind == "warning":
            self.status.clear_message()
        if self.starting or running or self.network_only:
            if running or self.starting:
                self.state = JobState.RUNNING
            return
        if any(r.state is JobState.NOT_STARTED for r in rows):
            return
        self._finished_all()

    def page_complete(self) -> bool:
        return self.done

    def nextId(self) -> int:
        from hvseed_gui.ui.ids import PageId

        return PageId.DONE

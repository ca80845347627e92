"""The end of the export run on the progress page: the report, hashing the copies into their
manifests, the final message, and cancelling (a mixin of ``ProgressPage``)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from hvseed_gui.flows.export_run import (
    ExportOutcome,
    cancel_export,
)
from hvseed_gui.hyperv.host import JobState
from hvseed_gui.ui.context import RunningExport
from hvseed_gui.ui.format import rate
from hvseed_gui.ui.manifests import ManifestJob, Outcome

if TYPE_CHECKING:
    from hvseed_gui.ui.pages.export.progress import ExportRow


class ExportEndMixin:
    """What ``ProgressPage`` does once its exports end (or are cancelled)."""

    def _finished_all(self) -> None:
        if self.reported:
            return
        self.reported = True
        self.cancel_button.setEnabled(False)
        self.cancel_button.hide()  # nothing left to cancel; the hashing has its own button
        RunningExport.clear(self.ctx.settings)
        self.ctx.reattaching = False
        rows = self.rows
        completed = [r for r in rows if r.state is JobState.COMPLETED]
        failed = [r for r in rows if r.state is JobState.FAILED]
        cancelled = [r for r in rows if r.state is JobState.CANCELLED]
        self.state = (
            JobState.FAILED if failed else JobState.CANCELLED if cancelled else JobState.COMPLETED
        )
        self.ctx.export_folders = [r.folder for r in completed]
        if completed:
            self.ctx.export_folder = completed[0].folder
        several = len(rows) > 1
        if self.state is JobState.COMPLETED:
            self.bar.setValue(1000)
            self.eta.setText("–")
            self.step_export.setText(self.tr("✔ Export complete."))
            self._show_completed(sum(r.bytes_done or r.bytes_total for r in completed))
            self.final_message = (
                "ok",
                self.tr("The initial copies are on the drives. Press Next for what to do now.")
                if several
                else self.tr("The initial copy is on the drive. Press Next for what to do now."),
            )
        elif self.state is JobState.CANCELLED and not completed:
            self.step_export.setText(self.tr("Export cancelled."))
            self.final_message = (
                "warning",
                self.tr(
                    "The export was cancelled. Replication stays enabled; start the export "
                    "again later, or remove replication in Hyper-V Manager."
                ),
            )
        else:
            self.step_export.setText(
                self.tr("✖ Export failed.")
                if not completed
                else self.tr("Some exports did not finish.")
            )
            lines = [
                (f"{r.label}: " if several else "")
                + (r.message or self.tr("The export failed; Hyper-V gave no reason."))
                for r in failed
            ] + [
                self.tr("%1: cancelled; replication stays enabled.").replace("%1", r.label)
                if r.enabled
                else f"{r.label}: {r.message}"
                for r in cancelled
            ]
            if completed:
                lines.append(
                    self.tr("Exported: %1. Press Next for what to do with them.").replace(
                        "%1", ", ".join(r.label for r in completed)
                    )
                )
            self.final_message = ("error" if failed else "warning", " ".join(lines))
        self.exported = bool(completed)
        if completed:
            self._start_hashing(completed)
        else:
            self._show_final()

    def _show_completed(self, written: int) -> None:
        """The run is over: the page stops speaking of exporting and shows the average rate
        (bytes over the whole time on this page; a reattached run counts from reattaching)."""
        self.setTitle(self.tr("The initial copy is exported"))
        self.setSubTitle(self.tr("Replication is enabled and the initial copy is on the drive."))
        elapsed = time.monotonic() - self.started
        self.rate_label.setText(self.tr("Average rate:"))
        self.rate.setText(rate(written / elapsed) if elapsed > 0 and written else "–")

    # -- the integrity manifests -------------------------------------------------------------

    def _start_hashing(self, completed: list[ExportRow]) -> None:
        """Hash each completed folder and write its manifest beside it, where the drive is."""
        ctx, flow = self.ctx, self.flow
        host = ctx.host
        source = flow.inventory.host_name if flow.inventory else flow.plan.primary_host
        replica = (
            self.enabled_status.replica_server if self.enabled_status else ""
        ) or flow.plan.replica_server
        hasher = self.hasher
        hasher.host, hasher.plan, hasher.inventory = host, flow.plan, flow.inventory
        hasher.lookup_replica = lambda vm: host.replication_status(vm).replica_server
        hasher.poll_interval = max(0.05, self.wiz.poll_ms / 1000.0)
        hasher.verify_after_write = flow.verify_after_write
        hasher.reset(
            [
                ManifestJob(
                    r.vm,
                    r.folder,
                    source,
                    replica,
                    export=ExportOutcome(r.target, r.last) if r.target is not None else None,
                )
                for r in completed
            ]
        )
        if self.state is not JobState.COMPLETED:
            self.status.show_message(*self.final_message)  # what failed stays in view
        elif any(j.outcome is Outcome.WAITING for j in hasher.jobs):
            self.status.show_message(
                "info",
                self.tr(
                    "The copy is on the drive. hvseed now hashes it for the integrity manifest, "
                    "so the replica side can check that it arrived intact. Cancel hashing skips "
                    "this: the copy stays usable, but cannot be verified on arrival."
                ),
            )
        hasher.start()

    def _hashing_changed(self) -> None:
        steps = {
            Outcome.WAITING: self.tr("✔ exported · hashing waits"),
            Outcome.HASHING: self.tr("hashing…"),
            Outcome.WRITTEN: self.tr("✔ exported · manifest"),
            Outcome.CANCELLED: self.tr("✔ exported · no manifest"),
            Outcome.FAILED: self.tr("✔ exported · no manifest"),
            Outcome.REMOTE: self.tr("✔ exported"),
        }
        by_id = {r.vm.id: r for r in self.rows}
        for job in self.hasher.jobs:
            r = by_id.get(job.vm.id)
            if r is not None:
                self._set_step(r, steps[job.outcome])
        done = self.exported and not self.hasher.busy
        if done != self.done:
            self.done = done
            self.completeChanged.emit()

    def _hashing_finished(self) -> None:
        if self.exported and not self.hasher.busy:
            self._show_final()

    def _show_final(self) -> None:
        self.status.show_message(*self.final_message)
        self.done = self.exported and not self.hasher.busy
        self.completeChanged.emit()

    # -- cancel ------------------------------------------------------------------------------

    def request_cancel(self) -> None:
        """Ask, then cancel every export that runs, including one whose start is in flight:
        that start is never dropped; the cancel waits until it has returned."""
        running = [r for r in self.rows if r.state is JobState.RUNNING]
        in_flight = self.pending if self.starting else None
        if not running and in_flight is None:
            return
        stopped = running + ([in_flight] if in_flight is not None else [])
        text = self.tr(
            "Stop exporting %1? The partial copy on the drive cannot be imported. "
            "Replication stays enabled."
        ).replace("%1", ", ".join(r.label for r in stopped))
        later = [r for r in self.rows if r.state is JobState.NOT_STARTED and r is not in_flight]
        if self.starting and later:
            text += " " + self.tr("Replication of %1 will not be enabled.").replace(
                "%1", ", ".join(r.label for r in later)
            )
        if not self.wiz.prompt.confirm(self, self.tr("Cancel the export?"), text):
            return
        self.cancel_button.setEnabled(False)
        if self.starting:  # the start in flight returns first; then everything is cancelled
            self.cancel_requested = True
            self.status.show_message(
                "info", self.tr("Cancelling once the export that is starting has started…")
            )
            return
        self._send_cancel()

    def _send_cancel(self) -> None:
        running = [r for r in self.rows if r.state is JobState.RUNNING and r.target is not None]
        if not running:
            return
        host = self.ctx.host
        self.cancel_button.setEnabled(False)

        def cancel_all():
            out = []
            for r in running:
                try:
                    out.append((r, cancel_export(host, r.item.handle)))
                except Exception as exc:
                    out.append((r, exc))
            return out

        self.run_host_call(
            self.tr("Cancelling the export…"),
            cancel_all,
            self._cancelled,
            self._cancel_failed,
            cancellable=False,
        )

    def _cancelled(self, results: list) -> None:
        errors = [exc for _r, exc in results if isinstance(exc, BaseException)]
        for r, job in results:
            if not isinstance(job, BaseException):
                self._show(job, r)
        if errors:
            self._cancel_failed(errors[0])

    def _cancel_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        if not self.closing and any(r.state is JobState.RUNNING for r in self.rows):
            self.cancel_button.setEnabled(True)

    def stop_watching(self) -> None:
        """The window closes: stop following (the exports themselves go on in Hyper-V) and
        hashing (nothing half-written stays behind)."""
        self.closing = True  # a start in flight still returns and is remembered, no more
        self.bridge.cancel.set()  # each step following an export stops within one poll
        self.hasher.cancel(quiet=True)
        self.runner.abandon()  # changing calls keep their callbacks
        self.exports.abandon()

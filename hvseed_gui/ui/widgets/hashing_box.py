"""A view of the manifest hashing: bytes, rate and time left while it runs, Cancel; afterwards
what became of each VM's manifest and, when one is missing, Hash again.

The progress page and the Done page each show one, bound to the same ``ManifestHasher``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from hvseed_gui.ui.format import duration, rate, size
from hvseed_gui.ui.manifests import ManifestHasher, Outcome, summary
from hvseed_gui.ui.widgets.status import StatusLabel


class HashingBox(QWidget):
    def __init__(self, hasher: ManifestHasher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hasher = hasher
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFormat("%p %")
        self.bar.setAccessibleName(self.tr("Hashing progress"))
        row.addWidget(self.bar, 1)
        self.cancel_button = QPushButton(self.tr("Cancel &hashing"))
        self.cancel_button.setToolTip(
            self.tr("Stop hashing; the copy stays usable, but cannot be verified on arrival.")
        )
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        self.again_button = QPushButton(self.tr("&Hash again"))
        self.again_button.setToolTip(
            self.tr("Hash the folders again and write their integrity manifests.")
        )
        self.again_button.clicked.connect(hasher.retry)
        layout.addLayout(row)
        self.result = StatusLabel(self)
        layout.addWidget(self.result)
        again_row = QHBoxLayout()
        again_row.addWidget(self.again_button)
        again_row.addStretch(1)
        layout.addLayout(again_row)
        hasher.changed.connect(self.refresh)
        self.refresh()

    def cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping the hashing…"))
        self.hasher.cancel()

    def refresh(self) -> None:
        h = self.hasher
        jobs = h.jobs
        self.setVisible(bool(jobs))
        busy = h.busy
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.again_button.setVisible(not busy and any(j.retryable for j in jobs))
        self.label.setVisible(busy)
        if busy:
            self._show_progress()
            self.result.clear_message()
            return
        self.cancel_button.setEnabled(True)
        done = [j for j in jobs if j.outcome not in (Outcome.WAITING, Outcome.HASHING)]
        if not done:
            self.result.clear_message()
            return
        outcomes = {j.outcome for j in done}
        if outcomes & {Outcome.CANCELLED, Outcome.FAILED}:
            kind = "warning"
        elif Outcome.REMOTE in outcomes:
            kind = "info"
        else:
            kind = "ok"
        self.result.show_message(kind, summary(done))

    def _show_progress(self) -> None:
        h = self.hasher
        job = h.current
        if job is None or not self.cancel_button.isEnabled():  # stopping: keep saying so
            return
        queued = [j for j in h.jobs if j.outcome in (Outcome.WAITING, Outcome.HASHING)]
        finished = len([j for j in h.jobs if j.outcome is Outcome.WRITTEN])
        of = ""
        if len(queued) + finished > 1:
            of = self.tr(" (%1 of %2)").replace("%1", str(finished + 1))
            of = of.replace("%2", str(len(queued) + finished))
        text = self.tr("Hashing %1%2 for the integrity manifest").replace("%1", job.vm.name)
        text = text.replace("%2", of)
        est = h.estimate
        if est is None or not est.total:
            self.bar.setValue(0)
            self.label.setText(text + "…")
            return
        self.bar.setValue(int(1000 * (est.fraction or 0)))
        parts = [
            self.tr("%1 of %2").replace("%1", size(est.done)).replace("%2", size(est.total)),
            rate(est.bytes_per_sec),
        ]
        if est.eta_seconds is not None:
            parts.append(self.tr("%1 left").replace("%1", duration(est.eta_seconds)))
        self.label.setText(text + ": " + " · ".join(parts))

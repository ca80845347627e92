"""Check: the folder, its XML and the replica VM side by side, before anything is imported.

A view over ``flows.ImportRun``: its ``check()`` gives the rows that need no hashing (the same as
``hvseed import``), its ``verify()`` hashes every file against the manifest where the drive is,
off the GUI thread, with progress, rate, ETA and Stop verifying (the bridge's cancel token). The
integrity row is ``core.import_gate.integrity_row``. Import (this commit page's button) is
enabled only when the gate passes: the copy verified in full, or, where that is a choice (no
manifest, an incomplete one, a stopped verification), after the admin ticks a consent naming
what was not checked. A failed check, a manifest written for another copy or a fingerprint that
is not the sender's is never a choice.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from hvseed_gui.core.findings import Severity
from hvseed_gui.core.import_gate import (
    CONSENTABLE,
    ImportCheck,
    Integrity,
    IntegrityState,
    integrity_row,
    normalize_fingerprint,
)
from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.flows.events import FlowEvent, Phase, Status
from hvseed_gui.flows.import_run import GateResult, ImportRun
from hvseed_gui.ui.format import duration, rate, replication_state, shown, size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.importing.import_page import ImportPage, verdict_item
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.wording import word

INTEGRITY = QT_TRANSLATE_NOOP("CheckPage", "Integrity (manifest)")
# the gate's rows by their English label (core's words), in the GUI's language
_ROW_LABEL = {
    "Folder": QT_TRANSLATE_NOOP("CheckPage", "Folder"),
    "VM ID": QT_TRANSLATE_NOOP("CheckPage", "VM ID"),
    "VM name": QT_TRANSLATE_NOOP("CheckPage", "VM name"),
    "XML readable": QT_TRANSLATE_NOOP("CheckPage", "XML readable"),
    "Disks present": QT_TRANSLATE_NOOP("CheckPage", "Disks present"),
    "Replica VM waiting": QT_TRANSLATE_NOOP("CheckPage", "Replica VM waiting"),
    "Folder contents": QT_TRANSLATE_NOOP("CheckPage", "Folder contents"),
}
_VERDICT = {Severity.OK: "ok", Severity.WARNING: "warning", Severity.ERROR: "error"}
_VERDICT_WORD = {
    "ok": QT_TRANSLATE_NOOP("CheckPage", "OK"),
    "warning": QT_TRANSLATE_NOOP("CheckPage", "Warning"),
    "error": QT_TRANSLATE_NOOP("CheckPage", "Problem"),
    "info": QT_TRANSLATE_NOOP("CheckPage", "Note"),
}
_STATE_WORD = {
    IntegrityState.PENDING: QT_TRANSLATE_NOOP("CheckPage", "not verified yet"),
    IntegrityState.VERIFIED: QT_TRANSLATE_NOOP("CheckPage", "verified"),
    IntegrityState.FAILED: QT_TRANSLATE_NOOP("CheckPage", "files differ"),
    IntegrityState.NO_MANIFEST: QT_TRANSLATE_NOOP("CheckPage", "no manifest"),
    IntegrityState.INCOMPLETE: QT_TRANSLATE_NOOP("CheckPage", "incomplete manifest"),
    IntegrityState.UNREADABLE: QT_TRANSLATE_NOOP("CheckPage", "unusable manifest"),
    IntegrityState.FOREIGN: QT_TRANSLATE_NOOP("CheckPage", "another copy's manifest"),
    IntegrityState.FINGERPRINT_MISMATCH: QT_TRANSLATE_NOOP("CheckPage", "not the sender's"),
    IntegrityState.NOT_VERIFIED: QT_TRANSLATE_NOOP("CheckPage", "verification stopped"),
}


def row_label(label: str) -> str:
    """A gate row's label (core's English) in the GUI's language."""
    words = _ROW_LABEL.get(label, INTEGRITY if label == INTEGRITY else None)
    return QCoreApplication.translate("CheckPage", words) if words else label


def verdict_word(verdict: Severity) -> str:
    return QCoreApplication.translate("CheckPage", _VERDICT_WORD[_VERDICT[verdict]])


_VALUE_COLUMNS = (2, 3, 4)  # folder, XML, replica VM: stretched, their values wrap
_CELL_PADDING = (4, 2)  # vertical, horizontal: the table's item padding in pixels
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class CheckPage(ImportPage):
    COLUMNS = (
        QT_TRANSLATE_NOOP("CheckPage", "Check"),
        QT_TRANSLATE_NOOP("CheckPage", "Verdict"),
        QT_TRANSLATE_NOOP("CheckPage", "Folder"),
        QT_TRANSLATE_NOOP("CheckPage", "XML"),
        QT_TRANSLATE_NOOP("CheckPage", "Replica VM"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Check the copy"),
            self.tr("Nothing is imported until every row is green or yellow."),
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.notice = QLabel()  # why the Import page sent the admin back here
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #6b1111;")
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        # VM IDs are shown in full, never elided: a value wider than its column wraps
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        vertical, horizontal = _CELL_PADDING
        self.table.setStyleSheet(f"QTableWidget::item {{ padding: {vertical}px {horizontal}px; }}")
        header = self.table.horizontalHeader()
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in _VALUE_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        # stretched columns settle after the page is laid out: heights follow, so a folder
        # name or VM ID that wraps to a third line is never cut off with "…"
        header.geometriesChanged.connect(self._fit_rows)
        self.table.setAccessibleName(self.tr("Checks before the import"))
        self.body.addWidget(self.table, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(_SELECTABLE)
        self.body.addWidget(self.details)

        self.hash_box = QWidget()
        row = QHBoxLayout(self.hash_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.hash_label = QLabel()
        self.hash_bar = QProgressBar()
        self.hash_bar.setRange(0, 1000)
        self.hash_bar.setMaximumWidth(200)
        self.hash_bar.setAccessibleName(self.tr("Verification progress"))
        self.hash_cancel = QPushButton(self.tr("Stop &verifying"))
        self.hash_cancel.clicked.connect(self.cancel_verify)
        row.addWidget(self.hash_label, 1)
        row.addWidget(self.hash_bar)
        row.addWidget(self.hash_cancel)
        self.hash_box.hide()
        self.body.addWidget(self.hash_box)

        self.fingerprint = QLabel()  # the manifest's own SHA-256, to compare with the sender's
        self.fingerprint.setTextInteractionFlags(_SELECTABLE)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.hide()
        self.body.addWidget(self.fingerprint)
        given = QHBoxLayout()
        label = QLabel(self.tr("Fingerprint from the &sender (optional):"))
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText("1A2B 3C4D 5E6F 7A8B")
        self.sender_edit.setToolTip(
            self.tr(
                "The manifest's fingerprint as the sender passed it on apart from the drive "
                "(by phone or mail): the first 16 hex digits or all 64."
            )
        )
        label.setBuddy(self.sender_edit)
        self.sender_edit.textChanged.connect(self._sender_changed)
        given.addWidget(label)
        given.addWidget(self.sender_edit, 1)
        self.body.addLayout(given)
        self.sender_problem = QLabel()
        self.sender_problem.setWordWrap(True)
        self.sender_problem.setStyleSheet("color: #6b1111;")
        self.sender_problem.hide()
        self.body.addWidget(self.sender_problem)

        self.consent = QCheckBox()
        self.consent.setStyleSheet("QCheckBox { color: #5a4300; }")
        self.consent.hide()
        self.consent.toggled.connect(lambda _on: self._show())
        self.body.addWidget(self.consent)

        buttons = QHBoxLayout()
        self.recheck_button = QPushButton(self.tr("Check &again"))
        self.recheck_button.clicked.connect(lambda: self.recheck())
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.grow_body()

        self.hasher = TaskRunner(self, long_running=True)  # hours of hashing: own pool
        self.hasher.busyChanged.connect(lambda _busy: self.completeChanged.emit())
        self.tracker = RateTracker()
        self.integrity: Integrity | None = None  # None: not verified (yet)
        self.verify_error = ""  # the sentence when the verification could not run
        self.remote = False  # whether the drive is hashed on the host (a host job)
        self.checked = False
        self._listening = False

    # -- checking ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        if not self._listening and self.imp.bridge is not None:
            self.imp.bridge.event.connect(self._event)
            self._listening = True
        self.recheck()

    def recheck(self, notice: str = "") -> None:
        """Read the folder and the replica VM again and judge them (nothing changes): a new
        ``ImportRun``, so an earlier verification or decision does not carry over."""
        self.cancel_verify(quiet=True)
        imp = self.imp
        imp.report = imp.check = imp.run = imp.integrity = None
        self.integrity, self.verify_error, self.checked = None, "", False
        self.consent.setChecked(False)
        self.consent.hide()
        self.fingerprint.hide()
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.table.setRowCount(0)
        self.details.clear()
        self.status.clear_message()
        self.setSubTitle(
            self.tr("%1 against the replica VM %2. Nothing is imported until you press Import.")
            .replace("%1", imp.folder)
            .replace("%2", shown(imp.vm.name))
        )
        host, folder = imp.host, imp.folder
        flow = ImportRun(
            host,
            imp.vm.ref,
            folder,
            fingerprint=self._typed_fingerprint() or "",
            emit=imp.bridge,
            cancel=imp.bridge.renew(),
            poll=max(0.05, self.wiz.poll_ms / 1000.0),
        )
        imp.run = flow

        def read() -> tuple[GateResult, bool]:
            return flow.check(), host.local_path(folder) is None

        self.run_host_call(
            self.tr("Reading the folder and the replica VM…"),
            read,
            lambda result: self._read(flow, *result),
        )

    def _read(self, flow: ImportRun, result: GateResult, remote: bool) -> None:
        imp = self.imp
        if flow is not imp.run:
            return  # a newer check started meanwhile
        if result.replica is not None:
            imp.vm = result.replica
        imp.report, imp.check = result.report, result.check
        self.remote = remote
        self.checked = True
        if result.check.can_import:
            self._start_verify(flow)
        self._show()

    # -- the manifest ------------------------------------------------------------------------

    def _where(self) -> str:
        host = self.imp.host
        return (host.display_name if host is not None else "") or self.imp.inventory.host_name

    def _start_verify(self, flow: ImportRun) -> None:
        """``ImportRun.verify`` on the hashing pool: here, or as a job on the host."""
        self.tracker = RateTracker()
        self.hash_bar.setValue(0)
        self.hash_label.setText(
            self.tr("Verifying on %1…").replace("%1", self._where())
            if self.remote
            else self.tr("Verifying the files against the manifest…")
        )
        self.hash_cancel.setEnabled(True)
        self.hash_box.show()
        self.hasher.run(
            flow.verify,
            lambda integrity: self._verified(flow, integrity),
            lambda exc: self._verify_failed(flow, exc),
        )

    def _event(self, event: FlowEvent) -> None:
        if event.phase is not Phase.VERIFY or event.status is not Status.PROGRESS:
            return
        if not self.hasher.busy or event.done is None or event.total is None:
            return  # a late report of a check already over
        done, total = event.done, event.total
        est = self.tracker.add(time.monotonic(), done, total)
        if total:
            self.hash_bar.setValue(int(1000 * done / total))
        if self.remote:
            text = (
                self.tr("Verifying on %1: %2 of %3")
                .replace("%1", self._where())
                .replace("%2", size(done))
                .replace("%3", size(total))
            )
        else:
            text = (
                self.tr("Verifying: %1 of %2").replace("%1", size(done)).replace("%2", size(total))
            )
        if est.bytes_per_sec:
            text += self.tr(", %1, %2 left").replace("%1", rate(est.bytes_per_sec))
            text = text.replace("%2", duration(est.eta_seconds))
        self.hash_label.setText(text)

    def _verified(self, flow: ImportRun, integrity: Integrity) -> None:
        if flow is not self.imp.run:
            return
        self.hash_box.hide()
        typed = self._typed_fingerprint()
        if typed is not None and typed != flow.fingerprint:  # typed while it was hashing
            integrity = flow.expect_fingerprint(typed)
        self.integrity = integrity
        self._show()

    def _verify_failed(self, flow: ImportRun, exc: BaseException) -> None:
        if flow is not self.imp.run:
            return
        self.hash_box.hide()
        why = describe_error(exc)
        if self.remote:
            self.verify_error = (
                self.tr(
                    "The files could not be verified on %1: %2 Nothing is imported unverified "
                    "while a manifest is beside the folder: fix the cause, then press Check again."
                )
                .replace("%1", self._where())
                .replace("%2", why)
            )
        else:
            self.verify_error = self.tr(
                "The files could not be verified: %1 Nothing is imported unverified while a "
                "manifest is beside the folder: fix the cause, then press Check again."
            ).replace("%1", why)
        self._show()

    def cancel_verify(self, quiet: bool = False) -> None:
        """Stop verifying: the flow's cancel token; the check ends within one chunk (a host
        job is cancelled on the host) and says the files were not all checked."""
        if not self.hasher.busy:
            return
        if self.imp.run is not None:
            self.imp.run.cancel.set()
        self.hash_cancel.setEnabled(False)
        if quiet:
            self.hasher.abandon()
            self.hash_box.hide()
        else:
            self.hash_label.setText(self.tr("Stopping the verification…"))

    # -- the sender's fingerprint ------------------------------------------------------------

    def _typed_fingerprint(self) -> str | None:
        """The sender's fingerprint as typed ("" when none), None when it is not one."""
        text = self.sender_edit.text()
        if not text.strip():
            return ""
        try:
            return normalize_fingerprint(text)
        except ValueError:
            return None

    def _sender_changed(self, text: str) -> None:
        problem = ""
        if text.strip():
            try:
                normalize_fingerprint(text)
            except ValueError as exc:
                problem = word(exc.args[0])
        self.sender_problem.setText(problem)
        self.sender_problem.setVisible(bool(problem))
        flow = self.imp.run
        if not problem and flow is not None and not self.hasher.busy:
            judged = flow.expect_fingerprint(text)
            if self.integrity is not None:
                self.integrity = judged
        if self.imp.check is not None:
            self._show()

    # -- showing -----------------------------------------------------------------------------

    def shown_integrity(self) -> Integrity | None:
        """The integrity as it stands on screen: with the admin's consent when ticked."""
        integrity = self.integrity
        if integrity is None or integrity.passes:
            return integrity
        if integrity.state in CONSENTABLE and self.consent.isChecked():
            return integrity.with_consent()
        return integrity

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(label, folder, XML, replica, verdict, message) as shown, the manifest row last."""
        check = self.imp.check
        if check is None:
            return []
        out = [
            (
                self.tr(_ROW_LABEL[r.label]) if r.label in _ROW_LABEL else r.label,
                word(r.folder_value),
                word(r.xml_value),
                replication_state(r.replica_value)
                if r.label == "Replica VM waiting" and r.replica_value != "-"
                else word(r.replica_value),
                _VERDICT[r.verdict],
                word(r.message),
            )
            for r in check.rows
        ]
        label = self.tr(INTEGRITY)
        integrity_now = self.shown_integrity()
        if self.verify_error:
            out.append((label, "–", "–", "–", "error", self.verify_error))
        elif integrity_now is not None:
            r = integrity_row(integrity_now)
            message = word(r.message)
            if not integrity_now.passes and integrity_now.state in CONSENTABLE:
                # the consent box below is the explicit decision
                message = word(integrity_now.message)
            state = self.tr(_STATE_WORD.get(integrity_now.state, integrity_now.state.value))
            verdict = _VERDICT[r.verdict]
            out.append((label, state, r.xml_value, r.replica_value, verdict, message))
        elif self.hasher.busy:
            out.append((label, "–", "–", "–", "info", self.tr("Verifying…")))
        else:
            message = self.tr("Not checked: the rows above must be fixed first.")
            out.append((label, "–", "–", "–", "info", message))
        return out

    def _show(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (label, folder, xml, replica, verdict, message) in enumerate(rows):
            for col, text in ((0, label), (2, folder), (3, xml), (4, replica)):
                item = QTableWidgetItem(_breakable(text) if col else text)
                item.setToolTip(f"{text}\n\n{message}" if col else message)
                self.table.setItem(i, col, item)
            self.table.setItem(i, 1, verdict_item(verdict, self.tr(_VERDICT_WORD[verdict])))
        self._fit_rows()
        self._consent_box()
        self._fingerprint()
        self._verdict()
        self._details(rows)
        self.completeChanged.emit()

    def _fit_rows(self) -> None:
        self._row_heights()
        QTimer.singleShot(0, self._row_heights)  # again once the stretched columns settled

    def _row_heights(self) -> None:
        """Each row as tall as its longest wrapped value. Qt's own hint measures the text a
        few pixels wider than it paints it, so a folder name that needs a third line would be
        cut off with "…"; the height is measured here at the width the text really gets."""
        table = self.table
        table.resizeRowsToContents()
        metrics = table.fontMetrics()
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        margin += 2 * _CELL_PADDING[1] + 2
        for row in range(table.rowCount()):
            needed = table.rowHeight(row)
            for col in _VALUE_COLUMNS:  # the others are as wide as their contents
                item = table.item(row, col)
                if item is None or not item.text():
                    continue
                width = max(10, table.columnWidth(col) - margin)
                box = metrics.boundingRect(
                    QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text()
                )
                needed = max(needed, box.height() + 2 * _CELL_PADDING[0] + 4)
            if needed != table.rowHeight(row):
                table.setRowHeight(row, needed)

    def _consent_box(self) -> None:
        integrity = self.integrity
        offered = (
            integrity is not None
            and not integrity.verified
            and integrity.state in CONSENTABLE
            and not self.verify_error
            and self.imp.check is not None
            and self.imp.check.can_import
        )
        if not offered:
            self.consent.blockSignals(True)
            self.consent.setChecked(False)
            self.consent.blockSignals(False)
            self.consent.hide()
            return
        self.consent.setText(
            self.tr("Import without a full verification. Not checked: %1").replace(
                "%1", word(integrity.unchecked())
            )
        )
        self.consent.show()

    def _fingerprint(self) -> None:
        integrity = self.integrity
        if integrity is None or not integrity.fingerprint:
            self.fingerprint.hide()
            return
        full = integrity.fingerprint
        self.fingerprint.setText(
            self.tr("Manifest fingerprint: <b>%1</b> (SHA-256 %2)")
            .replace("%1", short_fingerprint(full))
            .replace("%2", full)
        )
        self.fingerprint.show()

    def _details(self, rows) -> None:
        lines = []
        said = self.status.text()  # a reason the message below gives is not repeated here
        for label, _f, _x, _r, verdict, message in rows:
            if verdict != "ok" and message and message not in said:
                symbol = {"warning": "⚠", "error": "✖"}.get(verdict, "ℹ")
                lines.append(f"{symbol} <b>{_esc(label)}</b>: {_esc(message)}")
        run = self.imp.run
        report = run.verify_report if run is not None else None
        if self.integrity is not None and report is not None and not self.integrity.verified:
            lines += [f"✖ {_esc(word(f.sentence()))}" for f in report.findings[:3]]
        folder = self.imp.report
        if folder is not None:
            found = [
                self.tr("%1 in %2 (%3)")
                .replace("%1", _esc(h.vm_id))
                .replace("%2", _esc(h.file or "XML"))
                .replace("%3", _esc(word(h.where)))
                for h in folder.xml_ids
                if h.strong
            ]
            if found:
                lines.append(self.tr("VM IDs found in the XML: ") + "; ".join(found[:4]))
            if folder.disk_files:
                disks = ", ".join(f"{_esc(d.name)} ({size(d.size)})" for d in folder.disk_files[:6])
                lines.append(self.tr("Disk files: ") + disks)
        self.details.setText("<br>".join(lines))

    def _verdict(self) -> None:
        check, vm = self.imp.check, self.imp.vm
        if check is None:
            return
        integrity_now = self.shown_integrity()
        not_possible = self.tr(
            "Import is not possible: %1 Nothing was changed: the drive and the replica VM %2 are "
            "as they were."
        ).replace("%2", shown(vm.name))
        if not check.can_import:
            self.status.show_message("error", not_possible.replace("%1", word(check.summary)))
        elif self.verify_error:
            self.status.show_message("error", not_possible.replace("%1", self.verify_error))
        elif self.hasher.busy or integrity_now is None:
            self.status.show_message(
                "info",
                self.tr("The folder matches %1; verifying its files…").replace(
                    "%1", shown(vm.name)
                ),
            )
        elif integrity_now.verified:
            self.status.show_message(
                "ok",
                self.tr(
                    "The folder holds the copy of %1 and every file matches the manifest. Press "
                    "Import to start."
                ).replace("%1", shown(vm.name)),
            )
        elif integrity_now.passes:
            self.status.show_message(
                "warning",
                self.tr(
                    "The folder matches %1, but its files were not all checked against a "
                    "manifest. You decided to import all the same: press Import to start."
                ).replace("%1", shown(vm.name)),
            )
        elif integrity_now.state in CONSENTABLE:
            self.status.show_message(
                "warning",
                self.tr(
                    "%1 Import only if you decide so: tick the box below, or press Check again "
                    "to verify."
                ).replace("%1", word(integrity_now.message)),
            )
        else:
            self.status.show_message(
                "error", not_possible.replace("%1", word(integrity_now.message))
            )

    def page_complete(self) -> bool:
        check, integrity_now = self.imp.check, self.shown_integrity()
        return (
            self.checked
            and check is not None
            and check.can_import
            and not self.hasher.busy
            and not self.verify_error
            and self._typed_fingerprint() is not None
            and integrity_now is not None
            and integrity_now.passes
        )

    def validatePage(self) -> bool:  # noqa: N802 - Qt override (Import)
        """The admin's decision reaches the flow only now, when Import is pressed."""
        run, integrity_now = self.imp.run, self.shown_integrity()
        if run is None or integrity_now is None or not integrity_now.passes:
            return False
        if integrity_now.consent and not run.integrity.passes:
            run.decide_without_manifest()
        self.imp.integrity = run.integrity
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        self.cancel_verify(quiet=True)
        self.runner.abandon()
        super().cleanupPage()

    def nextId(self) -> int:
        return PageId.IMPORT_RUN


def _breakable(text: str) -> str:
    """``text`` with a zero-width space after each dash and underscore: a VM ID or folder name
    wider than its column wraps there, shown in full (the tooltip holds the text as it is)."""
    return text.replace("-", "-\u200b").replace("_", "_\u200b")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["CheckPage", "ImportCheck"]

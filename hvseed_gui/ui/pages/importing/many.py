"""Every copy on a drive: the folders matched with the replica VMs by VM ID, then imported one
after another, each through its own gate (``flows.ImportAll``, which ``hvseed import --all``
runs too).

``ImportManyPage`` lists what ``ImportAll.find`` and ``check_one`` found: each folder beside
the replica VM it belongs to with its gate result; waiting VMs without a folder and folders
without a waiting VM are greyed with the reason. The admin ticks which to import (all that pass,
by default) and presses Import (a commit page). ``ImportManyRunPage`` then verifies and imports
the ticked ones in order, off the GUI thread, each row with its own progress and Cancel; a
refused or failed VM never stops the others and never changes its replica. A copy refused only
because it was not verified in full where that is a choice (no manifest, an incomplete one, a
stopped check) may be imported afterwards, after a consent that names those VMs. Running the
wizard again resumes: the VMs already imported are listed as such and skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QWizard,
)

from hvseed_gui.flows.events import CancelToken, FlowEvent, Phase, Status
from hvseed_gui.flows.import_all import NOT_STARTED, ImportAll, ImportItem, Outcome
from hvseed_gui.hyperv.host import JobProgress, ReplicationStatus
from hvseed_gui.ui.flow_bridge import FlowBridge
from hvseed_gui.ui.format import shown, size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.importing.import_page import ImportPage, verdict_item
from hvseed_gui.ui.pages.importing.run import SETTLE_SECONDS
from hvseed_gui.ui.tasks import TaskRunner
from hvseed_gui.ui.widgets.tables import row_table
from hvseed_gui.ui.wording import word

_OUTCOME_WORD = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("ImportMany", "waiting"),
    Outcome.IMPORTED: QT_TRANSLATE_NOOP("ImportMany", "imported"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("ImportMany", "refused"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("ImportMany", "failed"),
    Outcome.ALREADY: QT_TRANSLATE_NOOP("ImportMany", "already imported"),
    Outcome.NO_REPLICA: QT_TRANSLATE_NOOP("ImportMany", "no replica VM"),
    Outcome.NO_FOLDER: QT_TRANSLATE_NOOP("ImportMany", "no folder"),
    Outcome.STOPPED: QT_TRANSLATE_NOOP("ImportMany", "stopped"),
}
_OUTCOME_VERDICT = {
    Outcome.PENDING: "info",
    Outcome.IMPORTED: "ok",
    Outcome.REFUSED: "error",
    Outcome.FAILED: "error",
    Outcome.ALREADY: "info",
    Outcome.NO_REPLICA: "info",
    Outcome.NO_FOLDER: "info",
    Outcome.STOPPED: "warning",
}


def outcome_word(outcome: Outcome) -> str:
    return QCoreApplication.translate("ImportMany", _OUTCOME_WORD[outcome])


def folder_name(item: ImportItem) -> str:
    return item.folder.path.rstrip("\\").rsplit("\\", 1)[-1] if item.folder else "–"


def _key(item: ImportItem) -> str:
    vm = item.replica
    return vm.id.upper() if vm is not None else ""


def _grey(cell: QTableWidgetItem, why: str) -> QTableWidgetItem:
    cell.setForeground(Qt.GlobalColor.darkGray)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
    cell.setToolTip(why)
    return cell


class ImportManyPage(ImportPage):
    """The table of every folder on the drive and its replica VM, with ticks."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ImportManyPage", "Replica VM"),
        QT_TRANSLATE_NOOP("ImportManyPage", "Folder"),
        QT_TRANSLATE_NOOP("ImportManyPage", "VM ID"),
        QT_TRANSLATE_NOOP("ImportManyPage", "Size"),
        QT_TRANSLATE_NOOP("ImportManyPage", "Gate"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Import every copy on the drive"),
            self.tr("Each folder beside the replica VM it belongs to, matched by VM ID."),
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("Export folders and replica VMs"),
            stretch_column=1,  # the folder name (its VM ID has its own column, never elided)
            word_wrap=True,
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents()
        )
        self.table.itemChanged.connect(lambda _item: self._ticks_changed())
        self.body.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        self.rescan = QPushButton(self.tr("&Read the drive again"))
        self.rescan.clicked.connect(self.find)
        row.addWidget(self.rescan)
        row.addStretch(1)
        self.body.addLayout(row)
        self.grow_body()
        self.items: list[ImportItem] = []
        self.loaded = False

    def initializePage(self) -> None:
        imp = self.imp
        self.setSubTitle(
            self.tr(
                "Export folders under %1 (and one level below) matched with the replica VMs of "
                "%2 by VM ID, never by name. Nothing is imported until you press Import."
            )
            .replace("%1", imp.batch_path)
            .replace("%2", imp.inventory.host_name)
        )
        self.find()

    def find(self) -> None:
        """``ImportAll.find`` and the gate of each row (no hashing): nothing is changed."""
        imp = self.imp
        self.loaded = False
        self.items = []
        self.table.setRowCount(0)
        self.summary.clear()
        self.status.clear_message()
        batch = ImportAll(imp.host, imp.batch_path, poll=max(0.05, self.wiz.poll_ms / 1000.0))
        imp.batch = batch

        def read() -> list[ImportItem]:
            items = batch.find()
            for item in items:
                batch.check_one(item)
            return items

        self.run_host_call(
            self.tr("Reading the drive and the replica VMs…"),
            read,
            lambda items: self._found(batch, items),
        )

    def _found(self, batch: ImportAll, items: list[ImportItem]) -> None:
        if batch is not self.imp.batch:
            return  # read again meanwhile
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in items:
            self._add_row(item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.loaded = True
        if not items:
            self.status.show_message(
                "warning",
                self.tr(
                    "No export folder (<VMName>_<VMId>) was found under %1, and no replica VM "
                    "waits on %2. Go back and choose the drive or the folder that holds the "
                    "copies."
                )
                .replace("%1", self.imp.batch_path)
                .replace("%2", self.imp.inventory.host_name),
            )
        self._ticks_changed()

    def _add_row(self, item: ImportItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        vm = item.replica
        name = QTableWidgetItem(shown(item.name))
        folder = QTableWidgetItem(folder_name(item))
        if item.folder is not None:
            folder.setToolTip(item.folder.path)
        vm_id = QTableWidgetItem(vm.id if vm else item.folder.vm_id if item.folder else "–")
        total = item.folder.total_bytes if item.folder else None
        size_cell = QTableWidgetItem(size(total) if total is not None else "–")
        if item.importable:
            name.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            name.setCheckState(Qt.CheckState.Checked)
            gate = verdict_item("ok", self.tr("Passes"))
            gate.setToolTip(
                self.tr("Passes; every file is verified against its manifest before its import.")
            )
            cells = [name, folder, vm_id, size_cell, gate]
        else:
            why = word(item.message)
            verdict = "error" if item.outcome.is_error else "info"
            gate = verdict_item(verdict, f"{outcome_word(item.outcome)}: {why}")
            cells = [_grey(c, why) for c in (name, folder, vm_id, size_cell)] + [gate]
        name.setData(Qt.ItemDataRole.UserRole, row)
        for col, cell in enumerate(cells):
            self.table.setItem(row, col, cell)

    def ticked(self) -> list[ImportItem]:
        out = []
        for row, item in enumerate(self.items):
            cell = self.table.item(row, 0)
            if item.importable and cell is not None and cell.checkState() == Qt.CheckState.Checked:
                out.append(item)
        return out

    def set_ticked(self, name: str, on: bool) -> None:
        """Tick or untick the row of the replica VM ``name`` (as the admin would)."""
        for row, item in enumerate(self.items):
            if item.name == name and item.importable:
                state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
                self.table.item(row, 0).setCheckState(state)

    def _ticks_changed(self) -> None:
        if not self.loaded:
            return
        passing = [i for i in self.items if i.importable]
        ticked = self.ticked()
        self.summary.setText(
            self.tr(
                "%1 of %2 folder(s) pass the gate; %3 ticked. They are verified and imported one "
                "after another; a copy that is refused or fails stops no other, and its replica "
                "VM stays as it is."
            )
            .replace("%1", str(len(passing)))
            .replace("%2", str(sum(1 for i in self.items if i.folder is not None)))
            .replace("%3", str(len(ticked)))
        )
        if self.items and not passing:
            self.status.show_message(
                "warning",
                self.tr("No copy on this drive can be imported here; the greyed rows say why."),
            )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        return self.loaded and bool(self.ticked())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override (Import)
        ticked = self.ticked()
        if not ticked:
            return False
        self.imp.batch_items = ticked
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        self.runner.abandon()
        super().cleanupPage()

    def nextId(self) -> int:
        return PageId.IMPORT_MANY_RUN


class ImportManyRunPage(ImportPage):
    """The ticked copies imported one after another, each row with progress and Cancel."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ImportManyRunPage", "Replica VM"),
        QT_TRANSLATE_NOOP("ImportManyRunPage", "Folder"),
        QT_TRANSLATE_NOOP("ImportManyRunPage", "Progress"),
        QT_TRANSLATE_NOOP("ImportManyRunPage", "Result"),
        QT_TRANSLATE_NOOP("ImportManyRunPage", "Cancel"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Importing the copies"),
            self.tr("One after another, each through the same checks as a single import."),
        )
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("Imports"),
            stretch_column=3,
            word_wrap=True,
        )
        self.body.addWidget(self.table, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.details)
        self.consent = QCheckBox()
        self.consent.setStyleSheet("QCheckBox { color: #5a4300; }")
        self.consent.hide()
        self.consent.toggled.connect(lambda _on: self._buttons())
        self.body.addWidget(self.consent)
        row = QHBoxLayout()
        self.again_button = QPushButton(self.tr("Import &these without a full verification"))
        self.again_button.clicked.connect(self.import_consented)
        self.again_button.hide()
        self.stop_button = QPushButton(self.tr("S&top after the current VM"))
        self.stop_button.clicked.connect(self.stop_after_current)
        row.addWidget(self.again_button)
        row.addStretch(1)
        row.addWidget(self.stop_button)
        self.body.addLayout(row)
        self.grow_body()
        self.worker = TaskRunner(self, long_running=True)  # hours of hashing and importing
        self.worker.busyChanged.connect(lambda _busy: self._buttons())
        self.bridge = FlowBridge(self)  # its own: the single-import pages never see these
        self.bridge.event.connect(self._event)
        self.settle_seconds = SETTLE_SECONDS  # tests shorten it
        self.rows: dict[str, int] = {}  # replica VM ID -> row
        self.bars: list[QProgressBar] = []
        self.cancels: list[QPushButton] = []
        self.items: list[ImportItem] = []
        self.finished = False

    # -- start -------------------------------------------------------------------------------

    def initializePage(self) -> None:
        imp = self.imp
        self.items = list(imp.batch_items)
        self.finished = False
        self.consent.setChecked(False)
        self.consent.hide()
        self.again_button.hide()
        self.details.clear()
        self.status.clear_message()
        self.table.setRowCount(0)
        self.rows, self.bars, self.cancels = {}, [], []
        for item in self.items:
            self._add_row(item)
        self.table.resizeRowsToContents()
        self._start(self.items, consent=set())

    def _add_row(self, item: ImportItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.rows[_key(item)] = row
        self.table.setItem(row, 0, QTableWidgetItem(shown(item.name)))
        folder = QTableWidgetItem(folder_name(item))
        folder.setToolTip(item.folder.path if item.folder else "")
        self.table.setItem(row, 1, folder)
        bar = QProgressBar()
        bar.setRange(0, 1000)
        bar.setAccessibleName(self.tr("Progress of %1").replace("%1", shown(item.name)))
        self.table.setCellWidget(row, 2, bar)
        self.bars.append(bar)
        self._result(row, "info", self.tr("Waiting for its turn"))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel %1").replace("%1", shown(item.name)))
        cancel.clicked.connect(lambda _checked=False, it=item: self.cancel_item(it))
        self.table.setCellWidget(row, 4, cancel)
        self.cancels.append(cancel)

    def _start(self, items: list[ImportItem], *, consent: set[str]) -> None:
        """Import ``items`` one after another on the long-job pool, then follow the health of
        every imported replica. ``consent``: the replica VM IDs the admin decided to import
        without a full verification (never a failed check: ``ImportRun`` refuses that)."""
        batch = self.imp.batch
        assert batch is not None
        batch.emit = self.bridge
        batch.cancel = self.bridge.renew()
        settle = self.settle_seconds
        self.busy.start(self.tr("Importing…"))
        self.busy.cancel_button.hide()

        def work() -> list[ImportItem]:
            for item in items:
                if item.cancel.is_set() or batch.cancel.is_set():
                    item.outcome = Outcome.STOPPED
                    item.message = NOT_STARTED
                    batch.emit(FlowEvent(Phase.IMPORT, Status.NOTE, item.replica.ref, data=item))
                    continue
                item.outcome = Outcome.PENDING
                batch.import_one(
                    item,
                    without_manifest=_key(item) in consent,
                    settle=0.0,
                    cancel=item.cancel,
                )
            batch.follow_health_all(settle)
            return items

        self.worker.run(work, self._done, self._crashed, cancellable=False)
        self._buttons()

    # -- events ------------------------------------------------------------------------------

    def _row_of(self, event: FlowEvent) -> int:
        if event.vm is None:
            return -1
        return self.rows.get(event.vm.id.upper(), -1)

    def _event(self, event: FlowEvent) -> None:
        row = self._row_of(event)
        if row < 0:
            return
        bar = self.bars[row]
        if event.phase is Phase.VERIFY:
            if event.status is Status.STARTED:
                self._result(row, "info", self.tr("Verifying against the manifest…"))
            elif event.status is Status.PROGRESS and event.total:
                bar.setValue(int(500 * (event.done or 0) / event.total))
                bar.setFormat(
                    self.tr("Verifying: %1 of %2")
                    .replace("%1", size(event.done))
                    .replace("%2", size(event.total))
                )
        elif event.phase is Phase.IMPORT:
            job = event.data if isinstance(event.data, JobProgress) else None
            if event.status is Status.STARTED:
                self.cancels[row].setEnabled(False)  # Hyper-V's job: it cannot be called back
                self.cancels[row].setToolTip(
                    self.tr("The import runs in Hyper-V now; it cannot be cancelled from here.")
                )
                self._result(row, "info", self.tr("Importing…"))
            elif event.status is Status.PROGRESS and job is not None:
                fraction = job.fraction
                if fraction is None and event.total:
                    fraction = (event.done or 0) / event.total
                if fraction is not None:
                    bar.setValue(500 + int(500 * fraction))
                bar.setFormat(self.tr("Importing: %p %"))
            elif event.status is Status.NOTE and isinstance(event.data, ImportItem):
                self._outcome(row, event.data)
        elif event.phase is Phase.HEALTH and isinstance(event.data, ReplicationStatus):
            item = self.items[row]
            if item.outcome is Outcome.IMPORTED:
                self._result(row, *self._health_words(event.data))

    def _health_words(self, status: ReplicationStatus) -> tuple[str, str]:
        state = f"{status.state.value} / {status.health.value}"
        if status.state.value == "Replicating" and status.health.value == "Normal":
            return "ok", self.tr("Imported; replication is healthy: %1").replace("%1", state)
        return "info", self.tr("Imported; waiting for Replicating / Normal, now %1").replace(
            "%1", state
        )

    def _outcome(self, row: int, item: ImportItem) -> None:
        self.cancels[row].setEnabled(False)
        bar = self.bars[row]
        if item.outcome is Outcome.IMPORTED:
            bar.setValue(1000)
            bar.setFormat(self.tr("Imported"))
            self._result(row, "ok", self.tr("Imported; following its health…"))
            return
        bar.setValue(0)  # nothing of it was imported
        bar.setFormat(outcome_word(item.outcome))
        verdict = _OUTCOME_VERDICT[item.outcome]
        self._result(row, verdict, f"{outcome_word(item.outcome)}: {item.message}")

    def _result(self, row: int, verdict: str, text: str) -> None:
        self.table.setItem(row, 3, verdict_item(verdict, text))
        self.table.resizeRowToContents(row)

    # -- cancel ------------------------------------------------------------------------------

    def cancel_item(self, item: ImportItem) -> None:
        """This VM only: not started, or its verification stopped; nothing is imported."""
        item.cancel.set()
        row = self.rows.get(_key(item), -1)
        if row >= 0:
            self.cancels[row].setEnabled(False)
            self._result(row, "warning", self.tr("Cancelling…"))

    def stop_after_current(self) -> None:
        """No further VM starts; the current one goes on (its own Cancel stops it)."""
        if self.imp.batch is not None:
            self.imp.batch.cancel.set()
        self.stop_button.setEnabled(False)

    def stop_watching(self) -> None:
        """The window closes: every VM's verification stops, no further VM starts; an import
        already running goes on in Hyper-V (running the wizard again follows it)."""
        if self.imp.batch is not None:
            self.imp.batch.cancel.set()
        for item in self.items:
            item.cancel.set()
        self.worker.abandon()

    # -- the end -----------------------------------------------------------------------------

    def _done(self, items: list[ImportItem]) -> None:
        self.busy.stop()
        self.finished = True
        for row, item in enumerate(self.items):
            self._outcome_final(row, item)
        imported = [i for i in self.items if i.outcome is Outcome.IMPORTED]
        refused = [i for i in self.items if i.outcome.is_error]
        unhealthy = [i for i in imported if not i.healthy]
        lines = [
            f"✖ <b>{_esc(shown(i.name))}</b>: {_esc(word(i.message))}"
            for i in self.items
            if i.outcome.is_error
        ]
        self.details.setText("<br>".join(lines))
        consentable = [i for i in self.items if i.consentable]
        if consentable:
            self.consent.setText(
                self.tr("Import without a full verification: %1").replace(
                    "%1",
                    "; ".join(
                        f"{shown(i.name)} ({i.run.integrity.unchecked()})" for i in consentable
                    ),
                )
            )
            self.consent.show()
            self.again_button.show()
        else:
            self.consent.hide()
            self.again_button.hide()
        summary = (
            self.tr("%1 of %2 VM(s) imported.")
            .replace("%1", str(len(imported)))
            .replace("%2", str(len(self.items)))
        )
        if refused:
            names = ", ".join(shown(i.name) for i in refused)
            self.status.show_message(
                "error" if not imported else "warning",
                summary
                + " "
                + self.tr(
                    "Not imported: %1. Their replica VMs were not changed; the reasons are above."
                ).replace("%1", names),
            )
        elif unhealthy:
            self.status.show_message(
                "warning",
                summary
                + " "
                + self.tr(
                    "Not every replica reached Replicating / Normal yet; check it in Hyper-V "
                    "Manager (Replication → View Replication Health). You may go on."
                ),
            )
        elif imported:
            self.status.show_message(
                "ok", summary + " " + self.tr("Next: a test failover of any of them (recommended).")
            )
        else:
            self.status.show_message("warning", summary)
        self._buttons()
        self.completeChanged.emit()

    def _outcome_final(self, row: int, item: ImportItem) -> None:
        self.cancels[row].setEnabled(False)
        if item.outcome is Outcome.IMPORTED and item.status is not None:
            self.bars[row].setValue(1000)
            self._result(row, *self._health_words(item.status))
        elif item.outcome is not Outcome.IMPORTED:
            self._outcome(row, item)

    def _crashed(self, exc: BaseException) -> None:  # a bug, not one VM's failure
        self.busy.stop()
        self.finished = True
        self.show_error(exc)
        self._buttons()
        self.completeChanged.emit()

    def import_consented(self) -> None:
        """The VMs the consent names, again, this time without a full verification."""
        if not self.consent.isChecked():
            return
        chosen = [i for i in self.items if i.consentable]
        for item in chosen:
            item.cancel = CancelToken()
            row = self.rows[_key(item)]
            self.cancels[row].setEnabled(True)
            self.bars[row].setValue(0)
            self._result(row, "info", self.tr("Waiting for its turn"))
        self.consent.hide()
        self.consent.setChecked(False)
        self.again_button.hide()
        self.finished = False
        self.status.clear_message()
        self._start(chosen, consent={_key(i) for i in chosen})

    def _buttons(self) -> None:
        running = self.worker.busy
        self.stop_button.setEnabled(running and not self.bridge.cancel.is_set())
        self.again_button.setEnabled(not running and self.consent.isChecked())
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        return self.finished and not self.worker.busy

    def validatePage(self) -> bool:  # noqa: N802 - Qt override (Next)
        return self.page_complete()

    def nextId(self) -> int:
        return PageId.IMPORT_FAILOVER


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

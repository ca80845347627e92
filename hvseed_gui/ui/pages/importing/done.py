"""Done: the replica's state, health and last replication, and a short report to keep."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from hvseed_gui import __version__
from hvseed_gui.core.import_gate import Integrity
from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.core.said import counted
from hvseed_gui.flows.import_all import ImportItem, Outcome
from hvseed_gui.hyperv.host import ReplicationStatus, VmRef
from hvseed_gui.ui.format import frequency, replication_health, replication_state, shown
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.import_state import ImportSession
from hvseed_gui.ui.pages.importing.check import INTEGRITY, row_label, verdict_word
from hvseed_gui.ui.pages.importing.import_page import ImportPage
from hvseed_gui.ui.pages.importing.many import outcome_word
from hvseed_gui.ui.pages.importing.run import delta_sentence
from hvseed_gui.ui.wording import hyperv_said, plural, word

_R = QCoreApplication  # the report's texts: _R.translate("ImportReport", …)


def integrity_sentence(integrity: Integrity | None) -> str:
    """How far the copy was checked before the import, for the report."""
    if integrity is None:
        return _R.translate(
            "ImportReport",
            "unknown (the import was followed after a restart; see the first report).",
        )
    if integrity.verified:
        full = integrity.fingerprint
        return (
            _R.translate(
                "ImportReport", "verified against the manifest (fingerprint %1, SHA-256 %2). %3"
            )
            .replace("%1", short_fingerprint(full))
            .replace("%2", full)
            .replace("%3", word(integrity.message))
        )
    return _R.translate("ImportReport", "imported without a full verification: %1").replace(
        "%1", word(integrity.unchecked())
    )


def _fields(pairs: list[tuple[str, str]], indent: str = "") -> list[str]:
    """``Label:  value`` lines, the values aligned after the longest translated label."""
    width = max(len(label) for label, _ in pairs) + 2
    return [f"{indent}{label + ':':<{width}}{value}" for label, value in pairs]


def _health(status: ReplicationStatus) -> str:
    return replication_health(status.health.value)


def build_report(imp: ImportSession, status: ReplicationStatus | None, now: datetime) -> str:
    """The plain-text report of one import in the GUI's language, for the clipboard or a file."""
    vm = imp.vm
    head = [
        (_R.translate("ImportReport", "Date"), f"{now:%Y-%m-%d %H:%M}"),
        (
            _R.translate("ImportReport", "Replica host"),
            imp.inventory.host_name if imp.inventory else "–",
        ),
        (
            _R.translate("ImportReport", "Replica VM"),
            f"{vm.name} ({vm.id})" if vm else "–",
        ),
        (_R.translate("ImportReport", "Folder"), imp.folder or "–"),
    ]
    if status is not None:
        last = status.last_replication_time
        head += [
            (
                _R.translate("ImportReport", "State"),
                replication_state(status.state.value),
            ),
            (_R.translate("ImportReport", "Health"), _health(status)),
            (
                _R.translate("ImportReport", "Last replication"),
                f"{last:%Y-%m-%d %H:%M:%S}" if last else _R.translate("ImportReport", "none yet"),
            ),
        ]
    lines = [
        _R.translate("ImportReport", "hvseed %1 — import of an initial copy").replace(
            "%1", __version__
        )
    ]
    lines += _fields(head)
    if status is not None:
        lines += [f"  {hyperv_said(d)}" for d in status.health_details]
        if vm:
            lines.append(delta_sentence(status, vm.id))
    if imp.check is not None:
        lines += ["", _R.translate("ImportReport", "Checks before the import:")]
        for r in imp.check.rows:
            lines.append(f"  [{verdict_word(r.verdict)}] {row_label(r.label)}: {word(r.message)}")
            if r.label == "VM ID":
                lines.append(
                    "      "
                    + _R.translate("ImportReport", "folder %1, XML %2, replica %3")
                    .replace("%1", r.folder_value)
                    .replace("%2", r.xml_value)
                    .replace("%3", r.replica_value)
                )
    lines.append(f"  {row_label(INTEGRITY)}: {integrity_sentence(imp.integrity)}")
    if imp.failover_log:
        lines += ["", _R.translate("ImportReport", "Test failover:")] + [
            f"  {entry}" for entry in imp.failover_log
        ]
    return "\n".join(lines) + "\n"


def build_batch_report(
    imp: ImportSession, statuses: dict[str, ReplicationStatus], now: datetime
) -> str:
    """The plain-text report of every copy on a drive, each VM and its outcome, in the GUI's
    language."""
    batch = imp.batch
    items: list[ImportItem] = batch.items if batch is not None else []
    ticked = {id(i) for i in imp.batch_items}
    imported = sum(1 for i in items if i.outcome is Outcome.IMPORTED)
    folders = sum(1 for i in items if i.folder is not None)
    lines = [
        _R.translate("ImportReport", "hvseed %1 — import of the initial copies on a drive").replace(
            "%1", __version__
        )
    ]
    lines += _fields(
        [
            (_R.translate("ImportReport", "Date"), f"{now:%Y-%m-%d %H:%M}"),
            (
                _R.translate("ImportReport", "Replica host"),
                imp.inventory.host_name if imp.inventory else "–",
            ),
            (_R.translate("ImportReport", "Path"), imp.batch_path or "–"),
            (
                _R.translate("ImportReport", "Imported"),
                plural(
                    counted.translate("ImportReport", "%1 of %n folder(s)", "", 0), folders
                ).replace("%1", str(imported)),
            ),
        ]
    )
    for item in items:
        vm = item.replica
        outcome = outcome_word(item.outcome)
        if item.outcome is Outcome.PENDING and id(item) not in ticked:
            outcome = _R.translate("ImportReport", "not ticked")
        lines += ["", f"{item.name}: {outcome}"]
        rows = [
            (_R.translate("ImportReport", "Replica VM"), vm.id if vm else "–"),
            (
                _R.translate("ImportReport", "Folder"),
                item.folder.path if item.folder else "–",
            ),
        ]
        status = statuses.get(vm.id.upper()) if vm else None
        if status is not None and item.outcome is Outcome.IMPORTED:
            rows.append(
                (
                    _R.translate("ImportReport", "State"),
                    f"{replication_state(status.state.value)} / {_health(status)}",
                )
            )
        if item.outcome is Outcome.IMPORTED and item.run is not None:
            rows.append(
                (
                    _R.translate("ImportReport", "Integrity"),
                    integrity_sentence(item.run.integrity),
                )
            )
        elif item.message:
            rows.append((_R.translate("ImportReport", "Why"), word(item.message)))
        lines += _fields(rows, "  ")
        if status is not None and item.outcome is Outcome.IMPORTED:
            lines += [f"    {hyperv_said(d)}" for d in status.health_details]
            lines.append("  " + delta_sentence(status, vm.id))
    if imp.failover_log:
        lines += ["", _R.translate("ImportReport", "Test failover:")] + [
            f"  {entry}" for entry in imp.failover_log
        ]
    return "\n".join(lines) + "\n"


class ImportDonePage(ImportPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("The initial copy is imported"),
            self.tr("Replication now runs over the network; the drive can be wiped or returned."),
        )
        self.batch_label = QLabel()  # every copy on a drive: one line per VM
        self.batch_label.setWordWrap(True)
        self.batch_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.batch_label.hide()
        self.body.addWidget(self.batch_label)
        form = QFormLayout()
        self.form = form
        self.state = QLabel("–")
        self.health = QLabel("–")
        self.last = QLabel("–")
        self.deltas = QLabel("–")
        self.deltas.setWordWrap(True)
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Health:"), self.health)
        form.addRow(self.tr("Last replication:"), self.last)
        form.addRow(self.tr("Deltas:"), self.deltas)
        self.integrity = QLabel("–")
        self.integrity.setWordWrap(True)
        self.integrity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Integrity:"), self.integrity)
        self.body.addLayout(form)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.report.setAccessibleName(self.tr("Report"))
        self.body.addWidget(self.report, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.copy_button.clicked.connect(self.copy_report)
        self.save_button.clicked.connect(self.save_report)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.grow_body()

    def _vm_ref(self) -> VmRef:
        """The replica VM: chosen on the VM page, or the one a reattached import runs for."""
        if self.imp.vm is not None:
            return self.imp.vm.ref
        return self.wiz.page_of(PageId.IMPORT_RUN).vm_ref

    def initializePage(self) -> None:
        batched = bool(self.imp.batch_path) and self.imp.batch is not None
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, not batched)
        self.batch_label.setVisible(batched)
        self.setTitle(self.tr("The initial copy is imported"))
        self.setSubTitle(
            self.tr("Replication now runs over the network; the drive can be wiped or returned.")
        )
        if batched:
            self._init_batch()
            return
        host, vm = self.imp.host, self._vm_ref()
        self.integrity.setText(self._integrity_text(self.imp.integrity))
        self._show(self.imp.status)
        self.run_host_call(
            self.tr("Reading the replication state…"),
            lambda: host.replication_status(vm),
            self._show,
        )

    def _init_batch(self) -> None:
        self.setTitle(self.tr("The copies on the drive are done"))
        batch, host = self.imp.batch, self.imp.host
        imported = [i for i in batch.items if i.outcome is Outcome.IMPORTED and i.replica]
        known = {i.replica.id.upper(): i.status for i in imported if i.status is not None}
        self._show_batch(known)
        left = (Outcome.REFUSED, Outcome.FAILED, Outcome.STOPPED, Outcome.PENDING)
        if any(i.folder is not None and i.outcome in left for i in batch.items):
            self.setSubTitle(
                self.tr(
                    "Keep the drive: the VMs not imported still wait for their initial copy. "
                    "Fix the cause the report names, then import them again (those imported are "
                    "skipped)."
                )
            )

        def read() -> dict[str, ReplicationStatus]:
            return {i.replica.id.upper(): host.replication_status(i.replica.ref) for i in imported}

        self.run_host_call(self.tr("Reading the replication state…"), read, self._show_batch)

    def _show_batch(self, statuses: dict[str, ReplicationStatus]) -> None:
        lines = []
        for item in self.imp.batch.items:
            vm = item.replica
            status = statuses.get(vm.id.upper()) if vm else None
            if item.outcome is Outcome.IMPORTED:
                state = f"{status.state.value} / {status.health.value}" if status else "–"
                lines.append(
                    self.tr("✔ %1: imported; %2")
                    .replace("%1", shown(item.name))
                    .replace("%2", state)
                )
            elif item.outcome.is_error:
                lines.append(
                    self.tr("✖ %1: not imported, its replica VM is unchanged.").replace(
                        "%1", item.name
                    )
                )
            else:
                lines.append(
                    self.tr("ℹ %1: %2")
                    .replace("%1", shown(item.name))
                    .replace("%2", outcome_word(item.outcome))
                )
        self.batch_label.setText("\n".join(lines))
        self.report.setPlainText(build_batch_report(self.imp, statuses, datetime.now()))

    def _integrity_text(self, integrity: Integrity | None) -> str:
        if integrity is None:
            return self.tr("Not known here: the import was followed after a restart.")
        if integrity.verified:
            return self.tr("✔ Verified against the manifest (fingerprint %1).").replace(
                "%1", short_fingerprint(integrity.fingerprint)
            )
        return self.tr("⚠ Imported without a full verification: %1").replace(
            "%1", word(integrity.unchecked())
        )

    def _show(self, status: ReplicationStatus | None) -> None:
        if status is not None:
            self.imp.status = status
            self.state.setText(replication_state(status.state.value))
            details = "; ".join(hyperv_said(d) for d in status.health_details)
            self.health.setText(_health(status) + (f" — {details}" if details else ""))
            last = status.last_replication_time
            if last:
                self.last.setText(last.strftime("%Y-%m-%d %H:%M:%S"))
            else:
                self.last.setText(
                    self.tr("None yet: the first cycle follows within %1.").replace(
                        "%1", frequency(status.frequency_sec or 300)
                    )
                )
            self.deltas.setText(delta_sentence(status, self._vm_ref().id))
        self.report.setPlainText(build_report(self.imp, status, datetime.now()))

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.status.show_message("ok", self.tr("The report is on the clipboard."))

    def save_report(self) -> None:
        name = "drive" if self.imp.batch_path else self._vm_ref().name
        path = self.wiz.prompt.save_file(
            self,
            self.tr("Save the import report"),
            f"hvseed-import-{name}.txt",
            self.tr("Text files (*.txt)"),
        )
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:  # the save dialog asked first
                handle.write(self.report.toPlainText())
        except OSError as exc:
            self.status.show_message(
                "error",
                self.tr("The report could not be saved to %1: %2")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        self.status.show_message("ok", self.tr("Report saved to %1.").replace("%1", path))

    def nextId(self) -> int:
        return -1

"""Done: the replica's state, health and last replication, and a short report to keep."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from hvseed_gui import __version__
from hvseed_gui.core.import_gate import Integrity
from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.hyperv.host import ReplicationStatus, VmRef
from hvseed_gui.ui.format import frequency
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.import_state import ImportContext
from hvseed_gui.ui.pages.imp_base import ImportPage
from hvseed_gui.ui.pages.imp_run import delta_sentence


def integrity_sentence(integrity: Integrity | None) -> str:
    """How far the copy was checked before the import (English, for the report)."""
    if integrity is None:
        return "unknown (the import was followed after a restart; see the first report)."
    if integrity.verified:
        full = integrity.fingerprint
        return (
            f"verified against the manifest (fingerprint {short_fingerprint(full)}, "
            f"SHA-256 {full}). {integrity.message}"
        )
    return f"imported without a full verification: {integrity.unchecked()}"


def build_report(imp: ImportContext, status: ReplicationStatus | None, now: datetime) -> str:
    """The plain-text report of one import, for the clipboard or a file."""
    vm = imp.vm
    lines = [
        f"hvseed {__version__} — import of an initial copy",
        f"Date:          {now:%Y-%m-%d %H:%M}",
        f"Replica host:  {imp.inventory.host_name if imp.inventory else '–'}",
        f"Replica VM:    {vm.name} ({vm.id})" if vm else "Replica VM:    –",
        f"Folder:        {imp.folder or '–'}",
    ]
    if status is not None:
        last = status.last_replication_time
        lines += [
            f"State:         {status.state.value}",
            f"Health:        {status.health.value}",
            f"Last replication: {last:%Y-%m-%d %H:%M:%S}" if last else "Last replication: none yet",
        ]
        lines += [f"  {d}" for d in status.health_details]
        if vm:
            lines.append(delta_sentence(status, vm.id, english=True))
    if imp.check is not None:
        lines += ["", "Checks before the import:"]
        for r in imp.check.rows:
            lines.append(f"  [{r.verdict.value}] {r.label}: {r.message}")
            if r.label == "VM ID":
                lines.append(
                    f"      folder {r.folder_value}, XML {r.xml_value}, replica {r.replica_value}"
                )
    lines.append(f"  Integrity (manifest): {integrity_sentence(imp.integrity)}")
    if imp.failover_log:
        lines += ["", "Test failover:"] + [f"  {entry}" for entry in imp.failover_log]
    return "\n".join(lines) + "\n"


class ImportDonePage(ImportPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("The initial copy is imported"),
            self.tr("Replication now runs over the network; the drive can be wiped or returned."),
        )
        form = QFormLayout()
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
        host, vm = self.imp.host, self._vm_ref()
        self.integrity.setText(self._integrity_text(self.imp.integrity))
        self._show(self.imp.status)
        self.run_host_call(
            self.tr("Reading the replication state…"),
            lambda: host.replication_status(vm),
            self._show,
        )

    def _integrity_text(self, integrity: Integrity | None) -> str:
        if integrity is None:
            return self.tr("Not known here: the import was followed after a restart.")
        if integrity.verified:
            return self.tr("✔ Verified against the manifest (fingerprint %1).").replace(
                "%1", short_fingerprint(integrity.fingerprint)
            )
        return self.tr("⚠ Imported without a full verification: %1").replace(
            "%1", integrity.unchecked()
        )

    def _show(self, status: ReplicationStatus | None) -> None:
        if status is not None:
            self.imp.status = status
            self.state.setText(status.state.value)
            self.health.setText(
                status.health.value
                + (f" — {'; '.join(status.health_details)}" if status.health_details else "")
            )
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
        vm = self._vm_ref()
        path = self.wiz.prompt.save_file(
            self,
            self.tr("Save the import report"),
            f"hvseed-import-{vm.name}.txt",
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

"""Check: the folder, its XML and the replica VM side by side, before anything is imported.

The verdicts come from ``core.media.check_import`` (the same as ``hvseed import``) plus one row
for the integrity manifest, hashed where the drive is: in this process when it is reachable here
(``core.manifest.verify_manifest``), else as a job on the replica host
(``hyperv.remote_verify.verify_on_host``), off the GUI thread either way, with progress, rate,
ETA and cancel. Any red row keeps Import disabled. This page is the commit page:
its button starts the import.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    QWizard,
)

from hvseed_gui.core.findings import Severity
from hvseed_gui.core.folder_report import FolderReport, inspect_folder
from hvseed_gui.core.import_gate import ImportCheck, check_import
from hvseed_gui.core.manifest import ManifestProblem, VerifyReport, manifest_paths, verify_manifest
from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.hyperv.host import VirtualMachine
from hvseed_gui.hyperv.remote_verify import verify_on_host
from hvseed_gui.ui.format import duration, rate, size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.imp_base import ImportPage, folder_on_this_computer, verdict_item
from hvseed_gui.ui.tasks import TaskRunner

INTEGRITY = QT_TRANSLATE_NOOP("CheckPage", "Integrity (manifest)")
_VERDICT = {Severity.OK: "ok", Severity.WARNING: "warning", Severity.ERROR: "error"}
_VERDICT_WORD = {
    "ok": QT_TRANSLATE_NOOP("CheckPage", "OK"),
    "warning": QT_TRANSLATE_NOOP("CheckPage", "Warning"),
    "error": QT_TRANSLATE_NOOP("CheckPage", "Problem"),
    "info": QT_TRANSLATE_NOOP("CheckPage", "Note"),
}


class _HashSignals(QObject):
    progress = Signal(object, object)  # bytes done, bytes total (Python ints: no 32-bit limit)


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
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # GUIDs: start and end show
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Checks before the import"))
        self.body.addWidget(self.table, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
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

        buttons = QHBoxLayout()
        self.recheck_button = QPushButton(self.tr("Check &again"))
        self.recheck_button.clicked.connect(self.recheck)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.grow_body()

        self.hasher = TaskRunner(self, long_running=True)  # hours of hashing: own pool
        self.hasher.busyChanged.connect(lambda _busy: self.completeChanged.emit())
        self.hash_signals = _HashSignals(self)
        self.hash_signals.progress.connect(self._hash_progress)
        self.cancel_flag = threading.Event()
        self.tracker = RateTracker()
        self.integrity: tuple[str, str] = ("info", "")  # verdict, sentence
        self.remote = False  # whether the running check hashes on the host (a host job)
        self.checked = False

    # -- checking ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.recheck()

    def recheck(self) -> None:
        """Read the folder and the replica VM again and judge them (nothing changes)."""
        self.cancel_verify(quiet=True)
        imp = self.imp
        imp.report = imp.check = imp.verify = None
        self.checked = False
        self.table.setRowCount(0)
        self.details.clear()
        self.status.clear_message()
        self.setSubTitle(
            self.tr("%1 against the replica VM %2. Nothing is imported until you press Import.")
            .replace("%1", imp.folder)
            .replace("%2", imp.vm.name)
        )
        host, folder, vm_id = imp.host, imp.folder, imp.vm.id

        def read():
            listing = host.read_export_folder(folder)
            return inspect_folder(listing), host.inventory().vm(vm_id)

        self.run_host_call(self.tr("Reading the folder and the replica VM…"), read, self._read)

    def _read(self, result: tuple[FolderReport, VirtualMachine | None]) -> None:
        report, replica = result
        imp = self.imp
        if replica is not None:
            imp.vm = replica
        check = check_import(
            report,
            replica.id if replica else None,
            replica.name if replica else imp.vm.name,
            replica.replication_state.value if replica else "",
        )
        imp.report, imp.check = report, check
        self.checked = True
        local = folder_on_this_computer(imp, imp.folder)
        if not check.can_import:
            self.integrity = ("info", self.tr("Not checked: the rows above must be fixed first."))
        elif local is None:
            # The drive is on the (remote) replica host: hash there, judge here.
            self.integrity = ("info", self.tr("Verifying on %1…").replace("%1", self._where()))
            self._start_verify(None)
        elif not manifest_paths(local)[0].is_file():
            self.integrity = (
                "info",
                self.tr(
                    "No integrity manifest beside the folder (the export was made without one): "
                    "files were checked by name and size only."
                ),
            )
        else:
            self.integrity = ("info", self.tr("Verifying…"))
            self._start_verify(local)
        self._show()

    # -- the manifest ------------------------------------------------------------------------

    def _where(self) -> str:
        host = self.imp.host
        return (host.display_name if host is not None else "") or self.imp.inventory.host_name

    def _start_verify(self, local: Path | None) -> None:
        """Hash ``local`` in this process, or (None) the folder on the host, as a host job."""
        self.cancel_flag = threading.Event()
        flag, signals = self.cancel_flag, self.hash_signals
        self.remote = local is None
        last = [0.0]

        def progress(done: int, total: int) -> None:  # on a pool thread
            now = time.monotonic()
            if now - last[0] >= 0.1 or done >= total:
                last[0] = now
                signals.progress.emit(done, total)

        self.tracker = RateTracker()
        self.hash_bar.setValue(0)
        self.hash_label.setText(self.tr("Verifying the files against the manifest…"))
        self.hash_cancel.setEnabled(True)
        self.hash_box.show()
        if local is not None:
            work = lambda: verify_manifest(local, progress=progress, cancel=flag)  # noqa: E731
        else:
            host, folder = self.imp.host, self.imp.folder
            interval = max(0.05, self.wiz.poll_ms / 1000.0)

            def work() -> VerifyReport:
                return verify_on_host(
                    host, folder, progress=progress, cancel=flag, poll_interval=interval
                )

        self.hasher.run(work, self._verified, self._verify_failed)

    def _hash_progress(self, done: int, total: int) -> None:
        if not self.hasher.busy:
            return
        est = self.tracker.add(time.monotonic(), done, total)
        if total:
            self.hash_bar.setValue(int(1000 * done / total))
        text = self.tr("Verifying: %1 of %2").replace("%1", size(done)).replace("%2", size(total))
        if self.remote:
            text = (
                self.tr("Verifying on %1: %2 of %3")
                .replace("%1", self._where())
                .replace("%2", size(done))
                .replace("%3", size(total))
            )
        if est.bytes_per_sec:
            text += self.tr(", %1, %2 left").replace("%1", rate(est.bytes_per_sec))
            text = text.replace("%2", duration(est.eta_seconds))
        self.hash_label.setText(text)

    def _verified(self, report: VerifyReport) -> None:
        self.hash_box.hide()
        self.imp.verify = report
        if report.cancelled:
            self.integrity = (
                "warning",
                self.tr(
                    "Verification stopped: the files were not checked against the manifest. "
                    "Press Check again to verify them."
                ),
            )
        elif report.problem is ManifestProblem.MANIFEST_MISSING:
            self.integrity = ("info", report.problem_detail)
        elif report.ok:
            self.integrity = (
                "ok",
                self.tr("All %1 files match the manifest (SHA-256, %2).")
                .replace("%1", str(len(report.files)))
                .replace("%2", size(report.bytes_hashed)),
            )
        elif report.problem is not None:
            self.integrity = ("error", report.problem_detail)
        else:
            bad = report.findings
            self.integrity = (
                "error",
                self.tr("%1 of %2 files do not match the manifest. %3")
                .replace("%1", str(len(bad)))
                .replace("%2", str(len(report.files)))
                .replace("%3", " ".join(f.sentence() for f in bad[:3])),
            )
        self._show()

    def _verify_failed(self, exc: BaseException) -> None:
        self.hash_box.hide()
        from hvseed_gui.ui.tasks import describe_error

        if self.remote:
            # The host's own hashing could not run (blocked, drive trouble): say so, and leave
            # the decision to the admin, as before this check existed for remote drives.
            self.integrity = (
                "warning",
                self.tr(
                    "The files could not be verified on %1: %2 Run 'hvseed verify' on that host "
                    "before you import."
                )
                .replace("%1", self._where())
                .replace("%2", describe_error(exc)),
            )
        else:
            self.integrity = (
                "error",
                self.tr("The files could not be verified: %1").replace("%1", describe_error(exc)),
            )
        self._show()

    def cancel_verify(self, quiet: bool = False) -> None:
        if not self.hasher.busy:
            return
        self.cancel_flag.set()
        self.hash_cancel.setEnabled(False)
        if not quiet:
            self.hash_label.setText(self.tr("Stopping the verification…"))
        if quiet:
            self.hasher.abandon()  # the pool thread stops within one chunk
            self.hash_box.hide()

    # -- showing -----------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(label, folder, XML, replica, verdict, message) as shown, the manifest row last."""
        check = self.imp.check
        if check is None:
            return []
        out = [
            (r.label, r.folder_value, r.xml_value, r.replica_value, _VERDICT[r.verdict], r.message)
            for r in check.rows
        ]
        verdict, message = self.integrity
        manifest_value = "–"
        if self.imp.verify is not None and self.imp.verify.manifest is not None:
            count = len(self.imp.verify.manifest.files)
            manifest_value = self.tr("%n file(s)", "", count)
        out.append((self.tr(INTEGRITY), manifest_value, "–", "–", verdict, message))
        return out

    def _show(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for i, (label, folder, xml, replica, verdict, message) in enumerate(rows):
            for col, text in ((0, label), (2, folder), (3, xml), (4, replica)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{text}\n\n{message}" if col else message)
                self.table.setItem(i, col, item)
            self.table.setItem(i, 1, verdict_item(verdict, self.tr(_VERDICT_WORD[verdict])))
        self.imp.integrity = self.integrity[1]
        self._details(rows)
        self._verdict()
        self.completeChanged.emit()

    def _details(self, rows) -> None:
        lines = []
        shown = self.imp.check.summary if self.imp.check is not None else ""
        for label, _f, _x, _r, verdict, message in rows:
            if verdict != "ok" and message and message != shown:
                symbol = {"warning": "⚠", "error": "✖"}.get(verdict, "ℹ")
                lines.append(f"{symbol} <b>{_esc(label)}</b>: {_esc(message)}")
        report = self.imp.report
        if report is not None:
            found = [
                self.tr("%1 in %2 (%3)")
                .replace("%1", _esc(h.vm_id))
                .replace("%2", _esc(h.file or "XML"))
                .replace("%3", _esc(h.where))
                for h in report.xml_ids
                if h.strong
            ]
            if found:
                lines.append(self.tr("VM IDs found in the XML: ") + "; ".join(found[:4]))
            if report.disk_files:
                disks = ", ".join(f"{_esc(d.name)} ({size(d.size)})" for d in report.disk_files[:6])
                lines.append(self.tr("Disk files: ") + disks)
        self.details.setText("<br>".join(lines))

    def _verdict(self) -> None:
        check, vm = self.imp.check, self.imp.vm
        if check is None:
            return
        if self.integrity_blocks() or not check.can_import:
            reason = check.summary if not check.can_import else self.integrity[1]
            self.status.show_message(
                "error",
                self.tr(
                    "Import is not possible: %1 Nothing was changed: the drive and the replica VM "
                    "%2 are as they were."
                )
                .replace("%1", reason)
                .replace("%2", vm.name),
            )
        elif self.hasher.busy:
            self.status.show_message(
                "info",
                self.tr("The folder matches %1; verifying its files…").replace("%1", vm.name),
            )
        else:
            self.status.show_message(
                "ok",
                self.tr("The folder holds the copy of %1. Press Import to start.").replace(
                    "%1", vm.name
                ),
            )

    def integrity_blocks(self) -> bool:
        return self.integrity[0] == "error"

    def page_complete(self) -> bool:
        check = self.imp.check
        return (
            self.checked
            and check is not None
            and check.can_import
            and not self.integrity_blocks()
            and not self.hasher.busy
        )

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        self.cancel_verify(quiet=True)
        self.runner.abandon()
        super().cleanupPage()

    def nextId(self) -> int:
        return PageId.IMPORT_RUN


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["CheckPage", "ImportCheck"]

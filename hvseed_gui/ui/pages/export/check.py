"""Check both hosts: ``hvseed doctor``'s readiness table in the wizard (read-only, optional).

Reached from the Replica page when the admin ticks "Check both hosts"; one ``readiness`` call
per host, off the GUI thread, judged by ``core.readiness`` exactly as the CLI does. Nothing is
changed; Next goes on whatever the table says (the later pages refuse what cannot work).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem

from hvseed_gui.core.readiness import Row, Status, overall, readiness_table
from hvseed_gui.hyperv.host_target import open_host
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.wording import word

#: check names in the GUI's language, by core's stable row code
CHECK_NAMES = {
    "powershell": QT_TRANSLATE_NOOP("CheckPage", "PowerShell version"),
    "hyperv": QT_TRANSLATE_NOOP("CheckPage", "Hyper-V module and service"),
    "replica_server": QT_TRANSLATE_NOOP("CheckPage", "Replica server and authorization"),
    "firewall_port": QT_TRANSLATE_NOOP("CheckPage", "Listener port vs firewall rule"),
    "certificate": QT_TRANSLATE_NOOP("CheckPage", "Replica certificate and EKU"),
    "bitlocker": QT_TRANSLATE_NOOP("CheckPage", "BitLocker (to unlock the drive)"),
    "storage": QT_TRANSLATE_NOOP("CheckPage", "Replica storage space"),
    "winrm": QT_TRANSLATE_NOOP("CheckPage", "WinRM listeners"),
    "fips": QT_TRANSLATE_NOOP("CheckPage", "FIPS policy"),
    "asr": QT_TRANSLATE_NOOP("CheckPage", "Defender ASR: process creation from WMI"),
    "cluster": QT_TRANSLATE_NOOP("CheckPage", "Cluster role"),
    "clock": QT_TRANSLATE_NOOP("CheckPage", "Time skew between hosts (Kerberos)"),
}
_COLOURS = {
    Status.OK: "#1b7f3b",
    Status.WARN: "#9a6700",
    Status.FAIL: "#b3261e",
    Status.UNKNOWN: "#505050",
}


def check_name(row: Row) -> str:
    source = CHECK_NAMES.get(row.code)
    return QCoreApplication.translate("CheckPage", source) if source else row.check


def read_both(primary, replica_target) -> tuple[object, object, tuple[float, float] | None]:
    """Both hosts' readiness and their clocks' offsets from this computer (off the GUI thread)."""
    facts, offsets = [], []
    for host in (primary, open_host(replica_target)):
        before = time.time()
        read = host.readiness()
        middle = (before + time.time()) / 2
        facts.append(read)
        offsets.append(read.clock_utc.timestamp() - middle if read.clock_utc else None)
    both = (offsets[0], offsets[1]) if None not in offsets else None
    return facts[0], facts[1], both  # type: ignore[return-value]


_STATUS_WORD = {
    Status.OK: QT_TRANSLATE_NOOP("CheckPage", "OK"),
    Status.WARN: QT_TRANSLATE_NOOP("CheckPage", "Warning"),
    Status.FAIL: QT_TRANSLATE_NOOP("CheckPage", "Failed"),
    Status.UNKNOWN: QT_TRANSLATE_NOOP("CheckPage", "Unknown"),
}


class CheckPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Check both hosts"),
            self.tr(
                "Read-only checks of Host A and the Replica server, as 'hvseed doctor' makes "
                "them. Nothing is changed."
            ),
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Result"), self.tr("Check"), self.tr("Host"), self.tr("Finding")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.table, 1)
        self.grow_body()
        self.rows: list[Row] = []

    def initializePage(self) -> None:
        ctx = self.ctx
        self.rows = []
        self.table.setRowCount(0)
        self.summary.clear()
        primary, target = ctx.host, ctx.replica_target
        if primary is None or target is None:
            self.summary.setText(self.tr("Connect to both hosts first."))
            return
        self.run_host_call(
            self.tr("Checking %1 and %2…")
            .replace("%1", primary.display_name)
            .replace("%2", target.host or target.description),
            lambda: read_both(primary, target),
            self._show,
        )

    def _show(self, result) -> None:
        facts_a, facts_b, offsets = result
        self.rows = readiness_table(facts_a, facts_b, clock_offsets=offsets)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            status = QTableWidgetItem(self.tr(_STATUS_WORD[row.status]))
            status.setForeground(QColor(_COLOURS[row.status]))
            finding = word(row.finding)
            if row.fix and row.status is not Status.OK:
                finding = f"{finding}\n→ {word(row.fix)}"
            for column, item in enumerate(
                (status, QTableWidgetItem(check_name(row)), QTableWidgetItem(row.host))
            ):
                self.table.setItem(index, column, item)
            self.table.setItem(index, 3, QTableWidgetItem(finding))
        self.table.resizeRowsToContents()
        verdict = overall(self.rows)
        failed = sum(1 for r in self.rows if r.status is Status.FAIL)
        warned = sum(1 for r in self.rows if r.status is Status.WARN)
        if verdict is Status.OK:
            self.summary.setText(self.tr("Both hosts are ready."))
        else:
            self.summary.setText(
                self.tr("%n check(s) failed", "", failed)
                + ", "
                + self.tr("%n need(s) attention; each says what to do.", "", warned)
            )

    def nextId(self) -> int:
        return PageId.PARAMS

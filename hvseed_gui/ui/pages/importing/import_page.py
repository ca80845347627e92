"""Common ground of the import pages: the shared ``ImportSession`` and small helpers.

What changes a host (import, test failover) runs in ``flows.ImportRun``, which the CLI runs
too; the pages word and colour what it reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidgetItem

from hvseed_gui.hyperv.host import ReplicationMode, ReplicationState, VirtualMachine
from hvseed_gui.ui.import_state import ImportSession
from hvseed_gui.ui.pages.base import HostPage

# (foreground, background, symbol) per verdict: "ok", "warning", "error", "info"
VERDICT_STYLE = {
    "ok": ("#1d4d22", "#e7f5e8", "✔"),
    "warning": ("#5a4300", "#fff6d9", "⚠"),
    "error": ("#6b1111", "#fdeaea", "✖"),
    "info": ("#1f3b57", "#eef3f8", "ℹ"),
}

_FAILED_OVER = (
    ReplicationState.PREPARED_FOR_FAILOVER,
    ReplicationState.FAILED_OVER_WAITING_COMPLETION,
    ReplicationState.FAILED_OVER,
)


class ImportPage(HostPage):
    """A host page of the import side; ``self.imp`` is the shared ``ImportSession``."""

    @property
    def imp(self) -> ImportSession:
        return self.wiz.imp


def verdict_item(verdict: str, text: str) -> QTableWidgetItem:
    """A table cell coloured by verdict, with its symbol; the tooltip repeats the text."""
    fg, bg, symbol = VERDICT_STYLE.get(verdict, VERDICT_STYLE["info"])
    item = QTableWidgetItem(f"{symbol} {text}")
    item.setForeground(QColor(fg))
    item.setBackground(QColor(bg))
    item.setToolTip(text)
    return item


def why_not_importable(vm: VirtualMachine) -> str:
    """Empty when ``vm`` waits for its initial copy, else why no copy can be imported into it."""
    mode, state = vm.replication_mode, vm.replication_state
    if mode is ReplicationMode.TEST_REPLICA:
        return QCoreApplication.translate("ImportVm", "This is a test-failover VM, not a replica.")
    if mode is ReplicationMode.PRIMARY:
        return QCoreApplication.translate(
            "ImportVm",
            "This VM is a primary (it is replicated from this host); import on its replica host.",
        )
    if mode not in (ReplicationMode.REPLICA, ReplicationMode.EXTENDED_REPLICA):
        return QCoreApplication.translate("ImportVm", "Replication is not enabled for this VM.")
    if state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION:
        return ""
    if state is ReplicationState.REPLICATING:
        return QCoreApplication.translate(
            "ImportVm", "Already imported: the replica is replicating."
        )
    if state in _FAILED_OVER:
        return QCoreApplication.translate(
            "ImportVm", "The replica has been failed over (%1); no copy can be imported."
        ).replace("%1", state.value)
    return QCoreApplication.translate(
        "ImportVm",
        "Its replication state is %1; only a replica waiting for its initial copy can import one.",
    ).replace("%1", state.value)


def folder_on_this_computer(imp: ImportSession, folder: str) -> Path | None:
    """Where ``folder`` (as the replica host names it) can be read in this process, or None
    when the drive is not reachable from here (hashing then runs on the host)."""
    return imp.host.local_path(folder) if imp.host is not None else None

"""Choose Initial Replication Method: external media by default; schedule where Hyper-V allows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
)

from hvseed_gui.core.plan import MAX_SCHEDULE_AHEAD, InitialReplicationMethod
from hvseed_gui.core.transfer import Transport
from hvseed_gui.ui.format import size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.widgets.keyboard import tab_to_checked
from hvseed_gui.ui.widgets.transport import TransportPlanner

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession


class MethodPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose Initial Replication Method"),
            self.tr("The initial copy is the full content of the replicated disks."),
        )
        self.size_label = QLabel()
        f = self.size_label.font()
        f.setBold(True)
        self.size_label.setFont(f)
        self.body.addWidget(self.size_label)
        self.body.addSpacing(6)
        self.media = QRadioButton(self.tr("Send initial copy using &external media (USB drive)"))
        self.network = QRadioButton(self.tr("Send initial copy over the &network"))
        self.existing = QRadioButton(
            self.tr("Use an existing virtual machine on the Replica server as the initial &copy")
        )
        group = QButtonGroup(self)
        for b in (self.media, self.network, self.existing):
            group.addButton(b)
            self.body.addWidget(b)
        self.media.setChecked(True)
        tab_to_checked(group)
        self.body.addSpacing(10)
        self.now = QRadioButton(self.tr("Start replication &immediately"))
        self.later = QRadioButton(self.tr("Start replication &on:"))
        sched = QButtonGroup(self)
        sched.addButton(self.now)
        sched.addButton(self.later)
        self.now.setChecked(True)
        tab_to_checked(sched)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.body.addWidget(self.now)
        row = QHBoxLayout()
        row.addWidget(self.later)
        row.addWidget(self.when)
        row.addStretch(1)
        self.body.addLayout(row)
        self.schedule_note = QLabel()
        self.schedule_note.setWordWrap(True)
        self.body.addWidget(self.schedule_note)
        self.body.addSpacing(8)
        self.planner = TransportPlanner()  # advice only: never blocks Next
        self.body.addWidget(self.planner)
        for w in (self.media, self.network, self.existing, self.now, self.later):
            w.toggled.connect(self._update)
        self.registerField("method.media", self.media)
        self.registerField("method.network", self.network)
        self.registerField("method.existing", self.existing)
        self.registerField("method.later", self.later)

    def initializePage(self) -> None:
        vm = self.ctx.vm
        excluded = self.wiz.excluded_paths()
        copy_bytes = sum(v.initial_copy_size(excluded) for v in self.wiz.chosen_vms())
        if vm is not None:
            self.size_label.setText(
                self.tr("Size of the initial copy: %1").replace("%1", size(copy_bytes))
            )
            self.planner.set_copy(copy_bytes)
        self.planner.load(self.ctx.settings)
        now = QDateTime.currentDateTime()
        self.when.setMinimumDateTime(now)
        self.when.setMaximumDateTime(now.addSecs(int(MAX_SCHEDULE_AHEAD.total_seconds())))
        if self.when.dateTime() < now:
            self.when.setDateTime(now.addSecs(3600))
        self._update()

    def method(self) -> InitialReplicationMethod:
        if self.network.isChecked():
            return InitialReplicationMethod.NETWORK
        if self.existing.isChecked():
            return InitialReplicationMethod.EXISTING_VM
        return InitialReplicationMethod.EXTERNAL_MEDIA

    def start_time(self) -> datetime | None:
        if not self.method().can_schedule or not self.later.isChecked():
            return None
        secs = self.when.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(secs, tz=timezone.utc)

    def _update(self) -> None:
        self.planner.set_choice(
            {
                InitialReplicationMethod.EXTERNAL_MEDIA: Transport.COURIER,
                InitialReplicationMethod.NETWORK: Transport.NETWORK,
            }.get(self.method())
        )
        can = self.method().can_schedule
        self.now.setEnabled(can)
        self.later.setEnabled(can)
        self.when.setEnabled(can and self.later.isChecked())
        if can:
            self.schedule_note.setText(self.tr("A scheduled start can be up to 7 days ahead."))
        else:
            self.schedule_note.setText(
                self.tr("An export to external media starts as soon as you finish the wizard.")
            )
        self.status.clear_message()
        if self.method() is not InitialReplicationMethod.EXTERNAL_MEDIA:
            self.status.show_message(
                "info",
                self.tr(
                    "With this method hvseed only enables replication; you then start the "
                    "initial replication in Hyper-V Manager or with the saved PowerShell script."
                ),
            )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        start = self.start_time()
        if start is None:
            return True
        now = datetime.now(timezone.utc)
        return now - timedelta(minutes=1) <= start <= now + MAX_SCHEDULE_AHEAD

    def nextId(self) -> int:
        if self.method() is InitialReplicationMethod.EXTERNAL_MEDIA:
            return PageId.MEDIA
        return PageId.SUMMARY

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: how the initial copy travels, and when."""
        session.initial_method = self.method()
        session.start_time = self.start_time()

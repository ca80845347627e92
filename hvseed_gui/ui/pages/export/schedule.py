"""Replication Frequency and Additional Recovery Points."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
)

from hvseed_gui.core.plan import FREQUENCIES_SEC, MAX_RECOVERY_HISTORY_HOURS
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.widgets.keyboard import tab_to_checked

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession


class FrequencyPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Configure Replication Frequency"),
            self.tr("How often changes are sent to the Replica server once replication runs."),
        )
        self.buttons: dict[int, QRadioButton] = {}
        group = QButtonGroup(self)
        for sec, text in zip(
            FREQUENCIES_SEC,
            (self.tr("&30 seconds"), self.tr("&5 minutes (default)"), self.tr("&15 minutes")),
            strict=True,
        ):
            button = QRadioButton(text)
            group.addButton(button)
            self.buttons[sec] = button
            self.body.addWidget(button)
        self.buttons[300].setChecked(True)
        tab_to_checked(group)
        note = QLabel(
            self.tr(
                "While the drive travels, changes keep flowing over the network at this "
                "frequency and wait on the Replica server until the initial copy is imported."
            )
        )
        note.setWordWrap(True)
        self.body.addSpacing(8)
        self.body.addWidget(note)
        for sec, button in self.buttons.items():
            self.registerField(f"frequency.s{sec}", button)

    def frequency_sec(self) -> int:
        for sec, button in self.buttons.items():
            if button.isChecked():
                return sec
        return 300

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: how often changes are sent."""
        session.frequency_sec = self.frequency_sec()


class RecoveryPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Configure Additional Recovery Points"),
            self.tr("Recovery points let you fail over to an earlier state of the VM."),
        )
        self.latest = QRadioButton(self.tr("Maintain only the &latest recovery point"))
        self.hourly = QRadioButton(self.tr("Create additional &hourly recovery points"))
        group = QButtonGroup(self)
        group.addButton(self.latest)
        group.addButton(self.hourly)
        self.latest.setChecked(True)
        tab_to_checked(group)
        self.hours = QSpinBox()
        self.hours.setRange(1, MAX_RECOVERY_HISTORY_HOURS)
        self.hours.setValue(4)
        self.hours.setSuffix(self.tr(" h"))
        self.vss = QCheckBox(self.tr("Volume Shadow Copy Service (&VSS) snapshot frequency:"))
        self.vss_hours = QSpinBox()
        self.vss_hours.setRange(1, 12)
        self.vss_hours.setValue(4)
        self.vss_hours.setSuffix(self.tr(" h"))
        for spin in (self.hours, self.vss_hours):
            spin.setMaximumWidth(90)
        self.body.addWidget(self.latest)
        self.body.addWidget(self.hourly)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        self.hours_label = QLabel(self.tr("&Coverage provided by additional recovery points:"))
        self.hours_label.setBuddy(self.hours)
        form.addRow(self.hours_label, self.hours)
        form.addRow(self.vss, self.vss_hours)
        self.body.addLayout(form)
        for w in (self.latest, self.hourly, self.vss):
            w.toggled.connect(self._update)
        self.registerField("recovery.hourly", self.hourly)
        self.registerField("recovery.hours", self.hours)
        self.registerField("recovery.vss", self.vss)
        self.registerField("recovery.vss_hours", self.vss_hours)
        self._update()

    def _update(self) -> None:
        hourly = self.hourly.isChecked()
        self.hours.setEnabled(hourly)
        self.hours_label.setEnabled(hourly)  # the label greys with its spin box
        self.vss.setEnabled(hourly)
        self.vss_hours.setEnabled(hourly and self.vss.isChecked())

    def history_hours(self) -> int:
        return self.hours.value() if self.hourly.isChecked() else 0

    def vss_frequency(self) -> int:
        return self.vss_hours.value() if self.hourly.isChecked() and self.vss.isChecked() else 0

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: the recovery points."""
        session.recovery_history_hours = self.history_hours()
        session.vss_frequency_hours = self.vss_frequency()

"""Network or courier? A small planner beside the choice of the initial replication method.

Advice, never a gate: whatever it says, Next stays enabled. The WAN bandwidth, courier days and
daily change rate are remembered in QSettings (read back with ``type=``).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hvseed_gui.core.transfer import (
    GB,
    OVERHEAD_FACTOR,
    DeltaRisk,
    Transport,
    TransportPlan,
    plan_transport,
)
from hvseed_gui.core.units import format_duration
from hvseed_gui.ui.widgets.status import StatusLabel

KEY_WAN = "transport/wan_mbit_per_s"
KEY_DAYS = "transport/courier_days"
KEY_CHANGE = "transport/change_gb_per_day"
DEFAULT_WAN_MBIT = 10.0  # the seed article's example link; the admin types theirs
DEFAULT_COURIER_DAYS = 2.0

_RISK_KIND = {
    DeltaRisk.UNKNOWN: "info",
    DeltaRisk.NONE: "ok",
    DeltaRisk.WARN: "warning",
    DeltaRisk.CRITICAL: "error",
}


class TransportPlanner(QGroupBox):
    """Inputs (WAN Mbit/s, courier days, optional GB/day of changes) and the comparison."""

    planChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Network or courier?"), parent)
        self.settings: QSettings | None = None
        self.copy_bytes = 0
        self.vhd_total_bytes: int | None = None
        self.wan = QDoubleSpinBox()
        self.wan.setRange(0.1, 100_000.0)
        self.wan.setDecimals(1)
        self.wan.setSuffix(" Mbit/s")
        self.wan.setValue(DEFAULT_WAN_MBIT)
        self.wan.setAccessibleName(self.tr("WAN bandwidth in Mbit/s"))
        self.days = QDoubleSpinBox()
        self.days.setRange(0.0, 60.0)
        self.days.setDecimals(1)
        self.days.setSingleStep(0.5)
        self.days.setSuffix(self.tr(" days"))
        self.days.setValue(DEFAULT_COURIER_DAYS)
        self.days.setAccessibleName(self.tr("Days the drive is in transit"))
        self.change = QDoubleSpinBox()
        self.change.setRange(0.0, 100_000.0)
        self.change.setDecimals(1)
        self.change.setSuffix(" GB/day")
        self.change.setSpecialValueText(self.tr("not given (GB/day)"))
        self.change.setAccessibleName(self.tr("Daily change rate in GB per day (optional)"))

        inputs = QHBoxLayout()
        for text, box in (
            (self.tr("&WAN:"), self.wan),
            (self.tr("Co&urier:"), self.days),
            (self.tr("C&hanges:"), self.change),
        ):
            label = QLabel(text)
            label.setBuddy(box)
            inputs.addWidget(label)
            inputs.addWidget(box)
            inputs.addSpacing(8)
        inputs.addStretch(1)

        results = QFormLayout()
        self.network_label = QLabel()
        self.courier_label = QLabel()
        for label in (self.network_label, self.courier_label):
            label.setWordWrap(True)
        results.addRow(self.tr("Over the network:"), self.network_label)
        results.addRow(self.tr("By courier:"), self.courier_label)
        self.advice = StatusLabel(self)  # the faster way, said against the admin's choice
        self.delta = StatusLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(inputs)
        layout.addLayout(results)
        layout.addWidget(self.advice)
        layout.addWidget(self.delta)
        self.current: TransportPlan | None = None
        self.choice: Transport | None = None  # how the admin chose to send the copy
        for box in (self.wan, self.days, self.change):
            box.valueChanged.connect(self._edited)

    # -- inputs ------------------------------------------------------------------------------

    def load(self, settings: QSettings) -> None:
        """Show the remembered inputs (typed reads: INI and registry return strings)."""
        self.settings = None  # no write-back while loading
        for box, key, default in (
            (self.wan, KEY_WAN, DEFAULT_WAN_MBIT),
            (self.days, KEY_DAYS, DEFAULT_COURIER_DAYS),
            (self.change, KEY_CHANGE, 0.0),
        ):
            try:
                value = float(settings.value(key, default, type=float))
            except (TypeError, ValueError):
                value = default
            box.setValue(value)
        self.settings = settings
        self.update_plan()

    def set_copy(self, copy_bytes: int, vhd_total_bytes: int | None = None) -> None:
        """The size of the initial copy (and the disk size the 50 % rule uses; default: copy)."""
        self.copy_bytes = max(0, int(copy_bytes))
        self.vhd_total_bytes = vhd_total_bytes
        self.update_plan()

    def set_choice(self, choice: Transport | None) -> None:
        """The method chosen on the page (None: neither, e.g. an existing VM): the advice
        speaks to that choice instead of contradicting it silently."""
        self.choice = choice
        self.update_plan()

    def change_bytes_per_day(self) -> float | None:
        value = self.change.value()
        return value * GB if value > 0 else None

    def _edited(self) -> None:
        if self.settings is not None:
            self.settings.setValue(KEY_WAN, self.wan.value())
            self.settings.setValue(KEY_DAYS, self.days.value())
            self.settings.setValue(KEY_CHANGE, self.change.value())
        self.update_plan()

    # -- output ------------------------------------------------------------------------------

    def delta_words(self, plan: TransportPlan) -> str:
        """The resync risk in the GUI's language (core's ``delta_text`` is the CLI's)."""
        fraction = plan.delta_fraction
        if plan.delta_risk is DeltaRisk.UNKNOWN or fraction is None:
            if self.change_bytes_per_day() is None:
                words = self.tr(
                    "Resync risk not assessed: give the VM's daily change rate to check it."
                )
            else:
                words = self.tr("Resync risk not assessed: the disk size is 0.")
        else:
            share = QLocale().toString(fraction * 100, "f", 0) + " %"
            if plan.delta_risk is DeltaRisk.CRITICAL:
                words = self.tr(
                    "Critical: while the drive travels the VM changes about %1 of its disk "
                    "size. If the changes cannot flow over the WAN meanwhile, Hyper-V forces a "
                    "resynchronisation (change tracking over 50 % of the disk size). Ship "
                    "faster, or make sure replication runs over the WAN during transit."
                ).replace("%1", share)
            elif plan.delta_risk is DeltaRisk.WARN:
                words = self.tr(
                    "Warning: while the drive travels the VM changes about %1 of its disk size, "
                    "close to the 50 % at which Hyper-V forces a resynchronisation if the "
                    "changes cannot flow over the WAN. Keep replication running over the WAN "
                    "during transit, and ship quickly."
                ).replace("%1", share)
            else:
                words = self.tr(
                    "Resync risk low: while the drive travels the VM changes about %1 of its "
                    "disk size; Hyper-V forces a resynchronisation only above 50 %."
                ).replace("%1", share)
        if plan.wan_carries_changes is False:
            words += " " + self.tr(
                "The WAN cannot even carry the daily changes: replication will fall behind "
                "whichever way the copy travels."
            )
        return words

    def advice_for(self, plan: TransportPlan) -> tuple[str, str]:
        """("ok" | "warning" | "info", the sentence): the faster way, said against the choice."""
        gap = format_duration(abs(plan.network_seconds - plan.courier_seconds))
        faster = plan.recommendation
        if self.choice is None:
            if faster is Transport.NETWORK:
                return "info", self.tr("The network is faster by about %1.").replace("%1", gap)
            return "info", self.tr("The drive is faster by about %1.").replace("%1", gap)
        if faster is self.choice and faster is Transport.COURIER:
            return "ok", self.tr(
                "Your choice, the drive, is the faster way: it saves about %1 and keeps the "
                "WAN free."
            ).replace("%1", gap)
        if faster is self.choice:
            return "ok", self.tr(
                "Your choice, the network, is the faster way: the drive would take about %1 "
                "longer, export and import included."
            ).replace("%1", gap)
        if faster is Transport.NETWORK:
            return "warning", self.tr(
                "You chose the drive, but the network would be faster by about %1, export and "
                "import included. Choose Send initial copy over the network, or keep the drive "
                "if the WAN must stay free for other traffic."
            ).replace("%1", gap)
        return "warning", self.tr(
            "You chose the network, but the drive would be faster by about %1 and keep the "
            "WAN free. Choose Send initial copy using external media to send it."
        ).replace("%1", gap)

    def update_plan(self) -> None:
        try:
            plan = plan_transport(
                self.copy_bytes,
                self.wan.value(),
                self.days.value(),
                change_bytes_per_day=self.change_bytes_per_day(),
                vhd_total_bytes=self.vhd_total_bytes,
            )
        except ValueError as exc:  # the spin boxes keep inputs in range; say it all the same
            self.current = None
            self.network_label.setText("–")
            self.courier_label.setText("–")
            self.advice.show_message("error", str(exc))
            self.delta.clear_message()
            self.planChanged.emit()
            return
        self.current = plan
        self.network_label.setText(
            self.tr("%1 at %2 Mbit/s (×%3 for protocol overhead)")
            .replace("%1", format_duration(plan.network_seconds))
            .replace("%2", f"{plan.wan_mbit_per_s:g}")
            .replace("%3", QLocale().toString(OVERHEAD_FACTOR, "g", 4))
        )
        self.courier_label.setText(
            self.tr("%1 door to door: export to the drive %2 + transit %3 + import %4")
            .replace("%1", format_duration(plan.courier_seconds))
            .replace("%2", format_duration(plan.export_seconds))
            .replace("%3", format_duration(plan.transit_seconds))
            .replace("%4", format_duration(plan.import_seconds))
        )
        self.advice.show_message(*self.advice_for(plan))
        self.delta.show_message(_RISK_KIND[plan.delta_risk], self.delta_words(plan))
        self.planChanged.emit()

"""Summary (commit page): every setting, the PowerShell equivalent, and Finish starts the work."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWizard,
)

from hvseed_gui.core.plan import AuthenticationType, InitialReplicationMethod, ReplicationPlan
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.ui.format import frequency, size
from hvseed_gui.ui.pages.base import HostPage


def encryption_warning(drives: Sequence[Volume]) -> str:
    """The sentence for drives that would travel unencrypted; '' when every drive is encrypted."""
    plain = [d for d in drives if d.bitlocker is not BitLockerStatus.ON]
    if not plain:
        return ""
    names = ", ".join(f"{d.display_name} (BitLocker {d.bitlocker.value.lower()})" for d in plain)
    return (
        f"Not encrypted: {names}. The VMs' full disks would travel readable by anyone who finds "
        "the drive. Go back to the drive page and encrypt it with BitLocker To Go, or accept "
        "the risk knowingly."
    )


def summary_rows(
    plan: ReplicationPlan, vm_size: int, drives: Sequence[Volume] = ()
) -> list[tuple[str, str]]:
    """The settings in the order of Hyper-V Manager's pages (every VM, every export folder)."""
    auth = (
        "Kerberos (HTTP)"
        if plan.authentication is AuthenticationType.KERBEROS
        else f"Certificate (HTTPS), thumbprint {plan.certificate_thumbprint}"
    )
    if plan.recovery_history_hours:
        points = f"Hourly, covering {plan.recovery_history_hours} h"
        if plan.vss_frequency_hours:
            points += f"; app-consistent (VSS) every {plan.vss_frequency_hours} h"
    else:
        points = "Only the latest recovery point"
    method = {
        InitialReplicationMethod.EXTERNAL_MEDIA: "Export to external media",
        InitialReplicationMethod.NETWORK: "Send over the network",
        InitialReplicationMethod.EXISTING_VM: "Use an existing VM on the Replica server",
    }[plan.initial_method]
    rows = [
        ("Primary server (Host A)", plan.primary_host),
        (
            "Virtual machine" if len(plan.vms) < 2 else f"Virtual machines ({len(plan.vms)})",
            "\n".join(f"{v.name}  ({v.id})" for v in plan.vms) or "–",
        ),
        ("Replica server", plan.replica_server),
        ("Replica server port", str(plan.replica_port)),
        ("Authentication type", auth),
        ("Compression", "Enabled" if plan.compression else "Disabled"),
        (
            "Excluded disks",
            "\n".join(p for v in plan.vms for p in v.excluded_vhd_paths) or "None",
        ),
        ("Replication frequency", frequency(plan.frequency_sec)),
        ("Recovery points", points),
        ("Initial replication method", method),
        ("Size of the initial copy", size(vm_size)),
    ]
    if plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA:
        folders = [
            f"{v.destination(plan.destination_path).rstrip(chr(92))}\\{v.name}_{v.id}"
            for v in plan.vms
        ]
        rows.append(("Export folder" if len(folders) < 2 else "Export folders", "\n".join(folders)))
        if drives:
            warning = encryption_warning(drives)
            rows.append(("Drive encryption", "⚠ " + warning if warning else "BitLocker on"))
    else:
        rows.append(
            (
                "Start",
                plan.start_time.astimezone().strftime("%Y-%m-%d %H:%M")
                if plan.start_time
                else "Immediately",
            )
        )
    return rows


class SummaryPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Completing the Enable Replication Wizard"),
            self.tr(
                "Check the settings. Enable replication makes Host B create the replica VM and "
                "starts the export; you cannot go back after that."
            ),
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Enable replication"))
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(18)
        self.body.addLayout(self.form)
        row = QHBoxLayout()
        self.show_ps = QPushButton(self.tr("Show &PowerShell"))
        self.show_ps.setCheckable(True)
        self.save_ps = QPushButton(self.tr("&Save as .ps1…"))
        row.addWidget(self.show_ps)
        row.addWidget(self.save_ps)
        row.addStretch(1)
        self.body.addSpacing(8)
        self.body.addLayout(row)
        self.script = QPlainTextEdit()
        self.script.setReadOnly(True)
        self.script.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.script.setAccessibleName(self.tr("PowerShell script"))
        self.script.hide()
        self.body.addWidget(self.script, 1)
        self.show_ps.toggled.connect(self._toggle_script)
        self.save_ps.clicked.connect(self.save_script)
        self.plan: ReplicationPlan | None = None
        self.warning = ""  # the unencrypted-drive sentence, also for the report

    def initializePage(self) -> None:
        self.plan = self.wiz.build_plan()
        while self.form.rowCount():
            self.form.removeRow(0)
        excluded = self.wiz.excluded_paths()
        vm_size = sum(v.initial_copy_size(excluded) for v in self.wiz.chosen_vms())
        to_media = self.plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA
        drives = self.ctx.drives if to_media else []
        self.warning = encryption_warning(drives)
        for label, value in summary_rows(self.plan, vm_size, drives):
            text = QLabel(value)
            if label == "Drive encryption" and self.warning:
                text.setStyleSheet("color: #9a5b00; font-weight: 600;")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name = QLabel(self.tr(label) + ":")
            name.setStyleSheet("font-weight: 600;")
            self.form.addRow(name, text)
        problems = self.plan.validate()
        if problems:
            self.status.show_message("error", " ".join(p.message for p in problems))
        elif self.warning:
            self.status.show_message("warning", self.warning)  # said plainly; it does not block
        else:
            self.status.clear_message()
        if self.script.isVisible():
            self._toggle_script(True)
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        return self.plan is not None and not self.plan.validate()

    def script_text(self) -> str:
        try:
            from hvseed_gui.hyperv.powershell import render_plan_script
        except ImportError:
            return "# The PowerShell renderer is not part of this build."
        return render_plan_script(self.plan)

    def _toggle_script(self, shown: bool) -> None:
        if shown:
            self.script.setPlainText(self.script_text())
        self.script.setVisible(shown)

    def save_script(self) -> None:
        if self.plan is None:
            return
        vm = self.plan.vms[0].name if len(self.plan.vms) == 1 else f"{len(self.plan.vms)}-VMs"
        path = self.wiz.prompt.save_file(
            self,
            self.tr("Save the PowerShell script"),
            f"Enable-Replication-{vm}.ps1",
            self.tr("PowerShell scripts (*.ps1)"),
        )
        if not path:
            return
        try:
            # UTF-8 with BOM: Windows PowerShell 5.1 reads BOM-less files in the ANSI code page
            Path(path).write_text(self.script_text(), encoding="utf-8-sig")
        except OSError as exc:
            self.status.show_message(
                "error", self.tr("Could not save the script: %1").replace("%1", str(exc))
            )
            return
        self.status.show_message("ok", self.tr("Saved to %1.").replace("%1", path))

    def validatePage(self) -> bool:
        return self.page_complete()

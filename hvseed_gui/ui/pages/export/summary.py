"""Summary (commit page): every setting, the PowerShell equivalent, and Finish starts the work."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from hvseed_gui.core.folder_name import folder_path
from hvseed_gui.core.plan import AuthenticationType, InitialReplicationMethod, ReplicationPlan
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.ui.export_session import ExportSession
from hvseed_gui.ui.format import frequency, shown, size
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.wording import word


def _tr(text: str) -> str:
    return QCoreApplication.translate("SummaryPage", text)


def encryption_warning(drives: Sequence[Volume]) -> str:
    """The sentence for drives that would travel unencrypted; '' when every drive is encrypted."""
    plain = [d for d in drives if d.bitlocker is not BitLockerStatus.ON]
    if not plain:
        return ""
    each = QCoreApplication.translate("SummaryPage", "%1 (BitLocker %2)")
    state = {
        BitLockerStatus.OFF: QT_TRANSLATE_NOOP("SummaryPage", "off"),
        BitLockerStatus.UNKNOWN: QT_TRANSLATE_NOOP("SummaryPage", "unknown"),
    }
    names = ", ".join(
        each.replace("%1", d.display_name).replace(
            "%2", _tr(state.get(d.bitlocker, d.bitlocker.value.lower()))
        )
        for d in plain
    )
    return QCoreApplication.translate(
        "SummaryPage",
        "Not encrypted: %1. The VMs' full disks would travel readable by anyone who finds "
        "the drive. Go back to the drive page and encrypt it with BitLocker To Go, or accept "
        "the risk knowingly.",
    ).replace("%1", names)


def summary_rows(
    plan: ReplicationPlan, vm_size: int, drives: Sequence[Volume] = ()
) -> list[tuple[str, str]]:
    """The settings in the order of Hyper-V Manager's pages (every VM, every export folder).

    Labels are English source texts (QT_TRANSLATE_NOOP): the page translates them; values are
    already in the admin's language."""
    if plan.authentication is AuthenticationType.KERBEROS:
        auth = QCoreApplication.translate("SummaryPage", "Kerberos (HTTP)")
    else:
        auth = QCoreApplication.translate(
            "SummaryPage", "Certificate (HTTPS), thumbprint %1"
        ).replace("%1", plan.certificate_thumbprint)
    if plan.recovery_history_hours:
        points = QCoreApplication.translate("SummaryPage", "Hourly, covering %1 h").replace(
            "%1", str(plan.recovery_history_hours)
        )
        if plan.vss_frequency_hours:
            points += QCoreApplication.translate(
                "SummaryPage", "; app-consistent (VSS) every %1 h"
            ).replace("%1", str(plan.vss_frequency_hours))
    else:
        points = QCoreApplication.translate("SummaryPage", "Only the latest recovery point")
    method = _tr(
        {
            InitialReplicationMethod.EXTERNAL_MEDIA: QT_TRANSLATE_NOOP(
                "SummaryPage", "Export to external media"
            ),
            InitialReplicationMethod.NETWORK: QT_TRANSLATE_NOOP(
                "SummaryPage", "Send over the network"
            ),
            InitialReplicationMethod.EXISTING_VM: QT_TRANSLATE_NOOP(
                "SummaryPage", "Use an existing VM on the Replica server"
            ),
        }[plan.initial_method]
    )
    if len(plan.vms) < 2:
        vm_label = QT_TRANSLATE_NOOP("SummaryPage", "Virtual machine")
    else:
        vm_label = QCoreApplication.translate("SummaryPage", "Virtual machines (%1)").replace(
            "%1", str(len(plan.vms))
        )
    compression = (
        QCoreApplication.translate("SummaryPage", "Enabled")
        if plan.compression
        else QCoreApplication.translate("SummaryPage", "Disabled")
    )
    rows = [
        (QT_TRANSLATE_NOOP("SummaryPage", "Primary server (Host A)"), plan.primary_host),
        (vm_label, "\n".join(f"{shown(v.name)}  ({v.id})" for v in plan.vms) or "–"),
        (QT_TRANSLATE_NOOP("SummaryPage", "Replica server"), plan.replica_server),
        (QT_TRANSLATE_NOOP("SummaryPage", "Replica server port"), str(plan.replica_port)),
        (QT_TRANSLATE_NOOP("SummaryPage", "Authentication type"), auth),
        (QT_TRANSLATE_NOOP("SummaryPage", "Compression"), compression),
        (
            QT_TRANSLATE_NOOP("SummaryPage", "Excluded disks"),
            "\n".join(shown(p) for v in plan.vms for p in v.excluded_vhd_paths)
            or QCoreApplication.translate("SummaryPage", "None"),
        ),
        (
            QT_TRANSLATE_NOOP("SummaryPage", "Replication frequency"),
            frequency(plan.frequency_sec),
        ),
        (QT_TRANSLATE_NOOP("SummaryPage", "Recovery points"), points),
        (QT_TRANSLATE_NOOP("SummaryPage", "Initial replication method"), method),
        (QT_TRANSLATE_NOOP("SummaryPage", "Size of the initial copy"), size(vm_size)),
    ]
    if plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA:
        folders = [
            shown(folder_path(v.destination(plan.destination_path), v.name, v.id)) for v in plan.vms
        ]
        folder_label = (
            QT_TRANSLATE_NOOP("SummaryPage", "Export folder")
            if len(folders) < 2
            else QT_TRANSLATE_NOOP("SummaryPage", "Export folders")
        )
        rows.append((folder_label, "\n".join(folders)))
        if drives:
            warning = encryption_warning(drives)
            rows.append(
                (
                    QT_TRANSLATE_NOOP("SummaryPage", "Drive encryption"),
                    "⚠ " + warning
                    if warning
                    else QCoreApplication.translate("SummaryPage", "BitLocker on"),
                )
            )
    else:
        rows.append(
            (
                QT_TRANSLATE_NOOP("SummaryPage", "Start"),
                plan.start_time.astimezone().strftime("%Y-%m-%d %H:%M")
                if plan.start_time
                else QCoreApplication.translate("SummaryPage", "Immediately"),
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
        # the settings, the route and the read-back tick give way to the script when it is shown
        self.settings_box = QWidget()
        panel = QVBoxLayout(self.settings_box)
        panel.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        panel.addLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(18)
        self.body.addWidget(self.settings_box, 1)
        # which way each copy reaches the drive (the preflight's staging decision), and the
        # admin's optional read-back: both said here, before anything changes
        self.route = QLabel()
        self.route.setWordWrap(True)
        self.route.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        panel.addSpacing(10)
        panel.addWidget(self.route)
        self.read_back = QCheckBox(
            self.tr("&Read the copy back from the drive once it is written (one more pass)")
        )
        self.read_back.setToolTip(
            self.tr(
                "After the manifest is written, hvseed reads every file back from the drive and "
                "checks it against the manifest: proof that the drive kept every byte before it "
                "travels. It costs one more read of the whole copy (about 2 hours per TB on a "
                "USB 3 hard disk)."
            )
        )
        panel.addWidget(self.read_back)
        panel.addStretch(1)  # the free height below the settings, not between them
        # its own runner: the route is news, not a gate (Next runs the same check again)
        self.route_runner = TaskRunner(self)
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
        self.script.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.script.setMinimumHeight(280)  # a script is read, not glimpsed
        self.script.hide()
        self.body.addWidget(self.script, 1)
        self.grow_body()
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
            self.status.show_message("error", " ".join(word(p.message) for p in problems))
        elif self.warning:
            self.status.show_message("warning", self.warning)  # said plainly; it does not block
        else:
            self.status.clear_message()
        if self.script.isVisible():
            self._toggle_script(True)
        self.read_back.setVisible(to_media)
        self.route.setVisible(to_media)
        self.route.clear()
        if to_media and not problems and self.ctx.host is not None:
            self._find_route()
        self.completeChanged.emit()

    def _find_route(self) -> None:
        """The preflight, read-only and off the GUI thread, for its staging decisions: whether
        each copy goes through Host A's own disk (the drive written once) or straight to the
        drive (then a hash pass), and why. Next runs it again before anything changes."""
        from hvseed_gui.flows.export_run import ExportRun
        from hvseed_gui.flows.export_staging import StagingDecision

        host, plan = self.ctx.host, self.plan

        def decisions() -> list[StagingDecision]:
            found: list[StagingDecision] = []

            def collect(event) -> None:
                if isinstance(event.data, StagingDecision):
                    found.append(event.data)

            ExportRun(host, plan, emit=collect).preflight()
            return found

        def show(found: list[StagingDecision]) -> None:
            self.route.clear()
            if found:
                lines = [f"• {word(d.sentence)}" for d in found]
                self.route.setText(
                    self.tr("How the copy reaches the drive:") + "\n" + "\n".join(lines)
                )

        def refused(exc: BaseException) -> None:  # said again, the same, when Next is pressed
            self.route.clear()
            self.status.show_message("error", describe_error(exc))

        self.route.setText(self.tr("Checking how the copy reaches the drive…"))
        self.route_runner.run(decisions, show, refused)

    def contribute(self, session: ExportSession) -> None:
        """This page's part: the read-back after writing."""
        session.verify_after_write = self.read_back.isVisible() and self.read_back.isChecked()

    def page_complete(self) -> bool:
        return self.plan is not None and not self.plan.validate()

    def script_text(self) -> str:
        """What Host A would run for the plan (``HyperVHost.plan_script``)."""
        host = self.ctx.host
        if host is None or self.plan is None:
            return "# Connect to Host A first."
        try:
            return host.plan_script(self.plan)
        except ImportError:
            return "# The PowerShell renderer is not part of this build."

    def _toggle_script(self, shown: bool) -> None:
        """The readable script in place of the settings (the page is too small for both)."""
        if shown:
            self.script.setPlainText(self.script_text())
        self.script.setVisible(shown)
        self.settings_box.setVisible(not shown)
        label = self.tr("Show the se&ttings") if shown else self.tr("Show &PowerShell")
        self.show_ps.setText(label)

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
        """Next checks the plan on Host A exactly as ``hvseed run`` does, before anything
        changes (``ExportRun.preflight``); a refusal is said on this page, which stays."""
        if not self.page_complete():
            return False
        self.contribute(self.wiz.session)  # the read-back, as ticked when Next is pressed
        from hvseed_gui.flows.export_run import ExportRun

        ctx = self.ctx
        run = ExportRun(ctx.host, self.plan)

        def checked(targets) -> bool:
            ctx.export_run, ctx.export_targets = run, list(targets)
            return True

        return self.validate_async(
            self.tr("Checking the plan on Host A before anything changes…"),
            run.preflight,
            checked,
        )

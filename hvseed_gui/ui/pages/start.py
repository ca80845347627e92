"""Start: enable replication on the primary, import on the replica, or reattach to an export."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from hvseed_gui.ui.ids import SKIP_BEFORE_KEY, PageId
from hvseed_gui.ui.widgets.keyboard import tab_to_checked


class StartPage(QWizardPage):
    """The first page: plain Qt only, so the window paints before the Hyper-V seam loads."""

    firstPainted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("What do you want to do?"))
        self.setSubTitle(
            self.tr(
                "hvseed sends the initial copy of a replicated VM on an external drive instead "
                "of over the WAN."
            )
        )
        self.body = QVBoxLayout(self)
        self.enable = QRadioButton(
            self.tr("&Enable replication and export the initial copy (primary host)")
        )
        self.enable_help = QLabel(
            self.tr("Run this on Host A, where the VM runs. The USB drive must be connected to it.")
        )
        self.import_ = QRadioButton(self.tr("&Import an initial copy (replica host)"))
        self.import_help = QLabel(self.tr("Run this on Host B once the drive has arrived there."))
        self.reattach = QRadioButton()
        self.reattach_help = QLabel()
        for label in (self.enable_help, self.import_help, self.reattach_help):
            label.setWordWrap(True)
            label.setIndent(24)
            label.setStyleSheet("color: #505050;")
        group = QButtonGroup(self)
        for button in (self.reattach, self.enable, self.import_):
            group.addButton(button)
        tab_to_checked(group)
        self.body.addWidget(self.reattach)
        self.body.addWidget(self.reattach_help)
        self.body.addSpacing(8)
        self.body.addWidget(self.enable)
        self.body.addWidget(self.enable_help)
        self.body.addSpacing(8)
        self.body.addWidget(self.import_)
        self.body.addWidget(self.import_help)
        self.body.addStretch(1)
        self.enable.setChecked(True)
        self.reattach.hide()
        self.reattach_help.hide()
        self.registerField("start.enable", self.enable)
        self.registerField("start.import", self.import_)
        self.registerField("start.reattach", self.reattach)
        self._painted = False

    @property
    def wiz(self):
        return self.wizard()

    @property
    def ctx(self):
        return self.wizard().ctx

    def initializePage(self) -> None:
        self._offer_running_import()
        running = self.ctx.reattach_peek
        if running is None:
            return
        vm_name, destination, where = running
        self.reattach.setText(self.tr("&Watch the running export of %1").replace("%1", vm_name))
        self.reattach_help.setText(
            self.tr(
                "hvseed was closed while it exported %1 to %2 on %3. The export went on in "
                "Hyper-V; reconnect to follow it to the end."
            )
            .replace("%1", vm_name)
            .replace("%2", destination)
            .replace("%3", where)
        )
        self.reattach.show()
        self.reattach_help.show()
        self.reattach.setChecked(True)

    def _offer_running_import(self) -> None:
        from hvseed_gui.ui.import_state import RunningImport  # Qt core only, no seam

        running = RunningImport.peek(self.ctx.settings)
        if running is None:
            return
        vm_name, folder, where = running
        self.import_help.setText(
            self.tr(
                "hvseed was closed while it imported %1 from %2 on %3. The import went on in "
                "Hyper-V; choose this to follow it to the end."
            )
            .replace("%1", vm_name)
            .replace("%2", folder)
            .replace("%3", where)
        )
        self.import_.setChecked(True)

    def isComplete(self) -> bool:
        return self.wiz.pages_ready

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def validatePage(self) -> bool:
        self.ctx.reattaching = self.reattach.isChecked() and self.ctx.reattach is not None
        return True

    def nextId(self) -> int:
        if self.import_.isChecked():
            return PageId.IMPORT_CONNECT
        if self.reattach.isChecked() or self.ctx.settings.value(SKIP_BEFORE_KEY, False, type=bool):
            return PageId.CONNECT
        return PageId.BEFORE

"""Before You Begin, as in Hyper-V Manager's wizards: what must be in place, and exactly what
the wizard will change on which host (nothing before the Summary page's Enable replication)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from hvseed_gui.ui.ids import SKIP_BEFORE_KEY as KEY_SKIP
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.base import HostPage


class BeforePage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Before You Begin"),
            self.tr("This wizard enables replication and sends the initial copy on a USB drive."),
        )
        self.needs = QLabel(
            self.tr(
                "<b>You need</b><ul>"
                "<li>Membership in Hyper-V Administrators (or Administrators) on the primary "
                "server (Host A) and on the Replica server (Host B).</li>"
                "<li>WinRM on both hosts, reachable from this computer, unless hvseed runs on "
                "Host A itself.</li>"
                "<li>Host B enabled as a Replica server that accepts Host A, with its listener "
                "firewall rule on; if it is not, the wizard shows exactly what it would change "
                "and changes it only with your consent.</li>"
                "<li>A USB drive attached to Host A (in a cluster: the VM's owner node), "
                "formatted NTFS, with room for the initial copy, preferably encrypted with "
                "BitLocker To Go.</li></ul>"
            )
        )
        self.changes = QLabel(
            self.tr(
                "<b>What will change</b> (only when you press Enable replication on the "
                "Summary page)<ul>"
                "<li>On Host A: replication is enabled for the VMs you choose, and their "
                "initial copies are exported to the drive; hvseed writes a manifest and a "
                "handover report beside them.</li>"
                "<li>On Host B: Hyper-V creates a replica VM per VM, without disks, that waits "
                "for the initial copy.</li>"
                "<li>Nothing is deleted or overwritten: not a VM, not a virtual disk, not an "
                "earlier export.</li></ul>"
            )
        )
        for label in (self.needs, self.changes):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.body.addWidget(label)
        self.skip = QCheckBox(self.tr("&Do not show this page again"))
        self.body.addSpacing(8)
        self.body.addWidget(self.skip)
        self.skip.toggled.connect(self._remember)

    def initializePage(self) -> None:
        self.skip.blockSignals(True)
        self.skip.setChecked(self.ctx.settings.value(KEY_SKIP, False, type=bool))
        self.skip.blockSignals(False)

    def _remember(self, skip: bool) -> None:
        self.ctx.settings.setValue(KEY_SKIP, skip)

    def nextId(self) -> int:
        return PageId.CONNECT

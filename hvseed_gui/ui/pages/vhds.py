"""Choose Replication VHDs: every disk ticked by default; warn when the OS disk is left out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from hvseed_gui.hyperv.host import Vhd, VirtualMachine
from hvseed_gui.ui.format import size
from hvseed_gui.ui.pages.base import HostPage


def os_disk(vm: VirtualMachine) -> Vhd | None:
    """The disk Windows most likely boots from: IDE 0:0 or SCSI 0:0, else the first disk."""
    for wanted in ("IDE 0:0", "SCSI 0:0"):
        for vhd in vm.vhds:
            if vhd.controller.replace(" ", "").upper() == wanted.replace(" ", ""):
                return vhd
    return vm.vhds[0] if vm.vhds else None


class VhdsPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose Replication VHDs"),
            self.tr(
                "Clear a disk to leave it out (for example a disk that holds only the page "
                "file). Left-out disks are not replicated and not exported."
            ),
        )
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Disk"), self.tr("Controller"), self.tr("Size on disk"), self.tr("Path")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._changed)
        self.tree.setAccessibleName(self.tr("Virtual hard disks"))
        self.body.addWidget(self.tree)
        self.grow_body()
        self._vm_id = ""

    def initializePage(self) -> None:
        vm = self.ctx.vm
        if vm is None or vm.id == self._vm_id:
            self._changed()
            return
        self._vm_id = vm.id
        self.tree.blockSignals(True)
        self.tree.clear()
        for vhd in vm.vhds:
            item = QTreeWidgetItem(
                [vhd.file_name, vhd.controller or "–", size(vhd.chain_file_size), vhd.path]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, vhd.path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            if vhd.parents:
                item.setToolTip(2, self.tr("Includes %n parent disk(s)", "", len(vhd.parents)))
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._changed()

    def items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def excluded_paths(self) -> tuple[str, ...]:
        return tuple(
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in self.items()
            if item.checkState(0) != Qt.CheckState.Checked
        )

    def set_included(self, path: str, included: bool) -> None:
        for item in self.items():
            if item.data(0, Qt.ItemDataRole.UserRole) == path:
                state = Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
                item.setCheckState(0, state)

    def _changed(self, *args) -> None:
        vm = self.ctx.vm if self.wizard() else None
        if vm is None:
            return
        excluded = self.excluded_paths()
        total = vm.initial_copy_size(excluded)
        if len(excluded) == len(vm.vhds):
            self.status.show_message("error", self.tr("Choose at least one disk to replicate."))
        else:
            disk = os_disk(vm)
            msg = self.tr("Initial copy: %1.").replace("%1", size(total))
            if disk is not None and disk.path in excluded:
                self.status.show_message(
                    "warning",
                    self.tr(
                        "%1 looks like the operating-system disk (%2). Without it the replica "
                        "cannot start after a failover. "
                    )
                    .replace("%1", disk.file_name)
                    .replace("%2", disk.controller or self.tr("first disk"))
                    + msg,
                )
            else:
                self.status.show_message("info", msg)
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        vm = self.ctx.vm if self.wizard() else None
        return vm is not None and len(self.excluded_paths()) < len(vm.vhds)

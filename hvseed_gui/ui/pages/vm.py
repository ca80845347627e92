"""Choose the VM: the host's inventory as a sortable table; VMs that cannot be enabled say why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from hvseed_gui.hyperv.host import VirtualMachine
from hvseed_gui.ui.format import size
from hvseed_gui.ui.pages.base import HostPage

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class _Item(QTableWidgetItem):
    """Sorts by a hidden key (bytes for sizes) instead of the text."""

    def __init__(self, text: str, key: object = None) -> None:
        super().__init__(text)
        self.setData(SORT_ROLE, text.lower() if key is None else key)
        self.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        try:
            return mine < theirs
        except TypeError:
            return str(mine) < str(theirs)


class VmPage(HostPage):
    COLUMNS = ("Name", "State", "Disk size", "Replication", "Can be enabled")

    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose the virtual machine"),
            self.tr("Replication is enabled for one VM at a time."),
        )
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Virtual machines"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.body.addWidget(self.table)
        self.grow_body()

    def initializePage(self) -> None:
        inventory = self.ctx.inventory
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        if inventory is None:
            return
        self.setSubTitle(
            self.tr("Virtual machines on %1. Replication is enabled for one VM at a time.").replace(
                "%1", inventory.host_name
            )
        )
        for vm in inventory.vms:
            row = self.table.rowCount()
            self.table.insertRow(row)
            reason = vm.why_not_enableable()
            size_bytes = vm.initial_copy_size()
            cells = (
                _Item(vm.name),
                _Item(vm.state),
                _Item(size(size_bytes), size_bytes),
                _Item(vm.replication_state.value),
                _Item(reason or self.tr("Yes")),
            )
            cells[0].setData(Qt.ItemDataRole.UserRole, vm.id)
            for col, item in enumerate(cells):
                if reason:
                    item.setForeground(Qt.GlobalColor.darkGray)
                    item.setToolTip(reason)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)
        # preselect: the previous choice, else the first VM that can be enabled
        wanted = self.ctx.vm.id if self.ctx.vm else None
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm and (vm.id == wanted or (wanted is None and not vm.why_not_enableable())):
                self.table.selectRow(row)
                break
        self._selection_changed()

    def _vm_at(self, row: int) -> VirtualMachine | None:
        item = self.table.item(row, 0)
        if item is None or self.ctx.inventory is None:
            return None
        return self.ctx.inventory.vm(item.data(Qt.ItemDataRole.UserRole))

    def selected_vm(self) -> VirtualMachine | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._vm_at(rows.pop()) if len(rows) == 1 else None

    def select_vm(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm and vm.name == name:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        vm = self.selected_vm()
        if vm is None:
            self.status.show_message("info", self.tr("Select a virtual machine."))
        elif vm.why_not_enableable():
            self.status.show_message("warning", vm.why_not_enableable())
        else:
            self.status.show_message(
                "info",
                self.tr("%1: %2 disk(s), initial copy %3.")
                .replace("%1", vm.name)
                .replace("%2", str(len(vm.vhds)))
                .replace("%3", size(vm.initial_copy_size())),
            )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        vm = self.selected_vm()
        return vm is not None and not vm.why_not_enableable()

    def validatePage(self) -> bool:
        vm = self.selected_vm()
        if vm is None or vm.why_not_enableable():
            return False
        if self.ctx.vm is None or self.ctx.vm.id != vm.id:
            self.wiz.vm_changed(vm)
        self.ctx.vm = vm
        return True

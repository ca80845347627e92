"""Choose the VMs: the host's inventory as a sortable, filterable table with a tick per VM;
several VMs share the replication settings of the next pages. VMs that cannot be enabled say
why.

The inventory is the light one (no Get-VHD: a host may run hundreds of VMs); the disk details
of the ticked VMs are read in one round trip when the page is left, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem

from hvseed_gui.hyperv.host import ReplicationMode, ReplicationState, VirtualMachine
from hvseed_gui.ui.format import replication_state, shown, size, vm_state
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.widgets.tables import row_table

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
    COLUMNS = (
        QT_TRANSLATE_NOOP("VmPage", "Name"),
        QT_TRANSLATE_NOOP("VmPage", "State"),
        QT_TRANSLATE_NOOP("VmPage", "Disk size"),
        QT_TRANSLATE_NOOP("VmPage", "Replication"),
        QT_TRANSLATE_NOOP("VmPage", "Can be enabled"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose the virtual machines"),
            self.tr("Tick one or more VMs: they get the same replication settings."),
        )
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("Virtual machines"),
            editable=True,  # the tick boxes
            sortable=True,
        )
        self.table.itemChanged.connect(self._item_changed)
        # Space ticks the current row, a double click too; Enter is Next, as in every dialog
        self.table.itemDoubleClicked.connect(self._toggle_row)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or ID"))
        self.filter_edit.setAccessibleName(self.tr("Filter the virtual machines"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.body.addWidget(self.filter_edit)
        self.body.addWidget(self.table)
        self.grow_body()

    def initializePage(self) -> None:
        inventory = self.ctx.inventory
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        if inventory is None:
            self.table.blockSignals(False)
            return
        self.setSubTitle(
            self.tr(
                "Virtual machines on %1. Tick one or more: they get the same replication settings."
            ).replace("%1", shown(inventory.host_name))
        )
        wanted = {vm.id for vm in self.wiz.chosen_vms()}
        first_free = next((vm.id for vm in inventory.vms if not vm.why_not_enableable()), None)
        if not wanted and first_free and self.ctx.demo:  # a real host: the admin chooses
            wanted = {first_free}
        for vm in inventory.vms:
            row = self.table.rowCount()
            self.table.insertRow(row)
            reason = self.why_not(vm)
            cells = (
                _Item(shown(vm.name)),
                _Item(vm_state(vm.state)),
                self._size_item(vm),
                _Item(replication_state(vm.replication_state.value)),
                _Item(reason or self.tr("Yes")),
            )
            cells[0].setData(Qt.ItemDataRole.UserRole, vm.id)
            if not reason:
                cells[0].setFlags(cells[0].flags() | Qt.ItemFlag.ItemIsUserCheckable)
                tick = Qt.CheckState.Checked if vm.id in wanted else Qt.CheckState.Unchecked
                cells[0].setCheckState(tick)
            for col, item in enumerate(cells):
                if reason:
                    item.setForeground(Qt.GlobalColor.darkGray)
                    item.setToolTip(reason)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.table.blockSignals(False)
        self.apply_filter()
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm and vm.id in wanted:
                self.table.selectRow(row)
                break
        self._item_changed()

    def _size_item(self, vm: VirtualMachine) -> QTableWidgetItem:
        if vm.details_known:
            size_bytes = vm.initial_copy_size()
            item = _Item(size(size_bytes), size_bytes)
        else:
            item = _Item(self.tr("%n disk(s)", "", len(vm.vhds)), -1)
            item.setToolTip(self.tr("The size is read when you continue with this VM ticked."))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def why_not(self, vm: VirtualMachine) -> str:
        """Why replication cannot be enabled for ``vm`` ("" when it can), in the GUI's
        language (the same rules as ``VirtualMachine.why_not_enableable``)."""
        reason = vm.why_not_enableable()
        if not reason:
            return ""
        if vm.replication_mode in (
            ReplicationMode.REPLICA,
            ReplicationMode.EXTENDED_REPLICA,
            ReplicationMode.TEST_REPLICA,
        ):
            return self.tr("This VM is itself a replica; replication is enabled on its primary.")
        if vm.replication_state is not ReplicationState.DISABLED:
            return self.tr(
                "Replication is already enabled (%1); remove it first if you want to start over."
            ).replace("%1", replication_state(vm.replication_state.value))
        if not vm.vhds:
            return self.tr("This VM has no virtual hard disk to replicate.")
        return reason

    def focus_target(self):
        return self.table

    def apply_filter(self, *_args: object) -> None:
        """Hide the rows whose name and ID do not contain the filter text; ticks are kept."""
        needle = self.filter_edit.text().strip().lower()
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            text = f"{vm.name}\n{vm.id}".lower() if vm else ""
            self.table.setRowHidden(row, bool(needle) and needle not in text)

    def _vm_at(self, row: int) -> VirtualMachine | None:
        item = self.table.item(row, 0)
        if item is None or self.ctx.inventory is None:
            return None
        return self.ctx.inventory.vm(item.data(Qt.ItemDataRole.UserRole))

    def _checked(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def selected_vms(self) -> list[VirtualMachine]:
        """The ticked VMs, in the table's order."""
        rows = range(self.table.rowCount())
        return [vm for row in rows if self._checked(row) and (vm := self._vm_at(row))]

    def selected_vm(self) -> VirtualMachine | None:
        """The first ticked VM (None when none is ticked)."""
        chosen = self.selected_vms()
        return chosen[0] if chosen else None

    def set_vm_checked(self, name: str, checked: bool) -> None:
        """Tick or clear one VM as a click on its box would."""
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            item = self.table.item(row, 0)
            if vm and vm.name == name and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def select_vm(self, name: str) -> None:
        """Choose exactly this one VM (every other tick is cleared)."""
        self.select_vms([name])

    def select_vms(self, names: list[str]) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm is not None:
                self.set_vm_checked(vm.name, vm.name in names)
                if vm.name == names[0]:
                    self.table.selectRow(row)
        self.table.blockSignals(False)
        self._item_changed()

    def _toggle_row(self, item: QTableWidgetItem) -> None:
        first = self.table.item(item.row(), 0)
        if first is not None and first.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = first.checkState() == Qt.CheckState.Checked
            first.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_changed(self, *args) -> None:
        chosen = self.selected_vms()
        if not chosen:
            self.status.show_message("info", self.tr("Tick at least one virtual machine."))
        elif len(chosen) == 1 and not chosen[0].details_known:
            vm = chosen[0]
            self.status.show_message(
                "info",
                self.tr(
                    "%1: %n disk(s); their size is read when you continue.", "", len(vm.vhds)
                ).replace("%1", vm.name),
            )
        elif len(chosen) == 1:
            vm = chosen[0]
            self.status.show_message(
                "info",
                self.tr("%1: %n disk(s), initial copy %3.", "", len(vm.vhds))
                .replace("%1", vm.name)
                .replace("%3", size(vm.initial_copy_size())),
            )
        elif not all(vm.details_known for vm in chosen):
            self.status.show_message(
                "info",
                self.tr("%1 VMs (%2); their sizes are read when you continue.")
                .replace("%1", str(len(chosen)))
                .replace("%2", ", ".join(vm.name for vm in chosen)),
            )
        else:
            total = sum(vm.initial_copy_size() for vm in chosen)
            self.status.show_message(
                "info",
                self.tr("%1 VMs (%2), initial copies %3 in all.")
                .replace("%1", str(len(chosen)))
                .replace("%2", ", ".join(vm.name for vm in chosen))
                .replace("%3", size(total)),
            )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        chosen = self.selected_vms()
        return bool(chosen) and not any(
            vm.why_not_enableable() for vm in chosen
        )  # rules, not words

    def validatePage(self) -> bool:
        chosen = self.selected_vms()
        if not self.page_complete():
            return False
        missing = [vm.id for vm in chosen if not vm.details_known]
        host = self.ctx.host

        def read_disks():
            return host.vm_disks(missing) if missing else {}

        def done(disks) -> bool:
            if self.ctx.inventory is None:
                return False
            self.ctx.inventory = self.ctx.inventory.with_disks(disks)
            fresh = [self.ctx.inventory.vm(vm.id) or vm for vm in chosen]
            for row in range(self.table.rowCount()):  # the sizes now known, in place
                vm = self._vm_at(row)
                if vm is not None and vm.id in disks:
                    self.table.setItem(row, 2, self._size_item(vm))
            return self._take(fresh)

        return self.validate_async(
            self.tr("Reading the disks of the chosen VMs…"), read_disks, done
        )

    def _take(self, chosen: list[VirtualMachine]) -> bool:
        if self.ctx.vm is None or self.ctx.vm.id != chosen[0].id:
            self.wiz.vm_changed(chosen[0])
        self.ctx.vm = chosen[0]
        self.ctx.vms = chosen
        return True

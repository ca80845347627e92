"""Choose the replica VM: those waiting for their initial copy; the others greyed, with why."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QCheckBox

from hvseed_gui.hyperv.host import ReplicationStatus, VirtualMachine
from hvseed_gui.ui.format import replication_health, replication_state, shown, size
from hvseed_gui.ui.pages.export.vm import _Item
from hvseed_gui.ui.pages.importing.import_page import ImportPage, why_not_importable
from hvseed_gui.ui.widgets.tables import row_table
from hvseed_gui.ui.wording import hyperv_said


class ReplicaVmPage(ImportPage):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ReplicaVmPage", "Name"),
        QT_TRANSLATE_NOOP("ReplicaVmPage", "Replication"),
        QT_TRANSLATE_NOOP("ReplicaVmPage", "Health"),
        QT_TRANSLATE_NOOP("ReplicaVmPage", "Deltas received"),
        QT_TRANSLATE_NOOP("ReplicaVmPage", "Can import"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose the replica VM"),
            self.tr("The replica VMs on this host that wait for their initial copy."),
        )
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("Replica virtual machines"),
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.body.addWidget(self.table)
        self.many_box = QCheckBox(
            self.tr("Import &every copy on a drive (several replica VMs wait on this host)")
        )
        self.many_box.setToolTip(
            self.tr(
                "Next asks for the drive; every export folder on it is matched with the replica "
                "VM it belongs to by VM ID, and you tick which to import."
            )
        )
        self.many_box.toggled.connect(lambda _on: self._selection_changed())
        self.many_box.hide()
        self.body.addWidget(self.many_box)
        self.grow_body()

    def initializePage(self) -> None:
        inventory = self.imp.inventory
        if inventory is None:
            return
        self.setSubTitle(
            self.tr(
                "Virtual machines on %1. An initial copy can be imported only into a replica VM "
                "that waits for it."
            ).replace("%1", inventory.host_name)
        )
        self._fill()
        waiting = [vm for vm in inventory.vms if not why_not_importable(vm)]
        self.many_box.setVisible(len(waiting) > 1)
        self.many_box.setChecked(len(waiting) > 1 and self.imp.want_batch)
        if not waiting:
            self.status.show_message(
                "warning",
                self.tr(
                    "No replica VM on %1 waits for an initial copy. Enable replication on the "
                    "primary host with 'Send initial copy using external media' first, or "
                    "connect to the host that holds the replica."
                ).replace("%1", inventory.host_name),
            )
            return
        host = self.imp.host
        self.run_host_call(
            self.tr("Reading the deltas received meanwhile…"),
            lambda: {vm.id: host.replication_status(vm.ref) for vm in waiting},
            self._statuses,
        )

    def _statuses(self, statuses: dict[str, ReplicationStatus]) -> None:
        self.imp.deltas = statuses
        chosen = self.selected_vm()  # chosen while the deltas were read: it stays chosen
        self._fill(chosen.id if chosen else None)

    def _fill(self, keep: str | None = None) -> None:
        inventory = self.imp.inventory
        wanted = keep or (self.imp.vm.id if self.imp.vm else None)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        vms = sorted(inventory.vms, key=lambda v: (bool(why_not_importable(v)), v.name.lower()))
        for vm in vms:
            row = self.table.rowCount()
            self.table.insertRow(row)
            reason = why_not_importable(vm)
            status = self.imp.deltas.get(vm.id)
            if status is None:
                deltas = "–" if reason else self.tr("…")
                delta_bytes = -1
            else:
                delta_bytes = sum(f.file_size for f in status.replica_delta_files)
                deltas = self.tr("%1 in %n file(s)", "", len(status.replica_delta_files))
                deltas = deltas.replace("%1", size(delta_bytes))
            health = replication_health(
                status.health.value if status else vm.replication_health.value
            )
            cells = (
                _Item(shown(vm.name)),
                _Item(replication_state(vm.replication_state.value)),
                _Item(health),
                _Item(deltas, delta_bytes),
                _Item(reason or self.tr("Yes: waits for its initial copy")),
            )
            cells[0].setData(Qt.ItemDataRole.UserRole, vm.id)
            if status and status.health_details:
                cells[2].setToolTip("\n".join(hyperv_said(d) for d in status.health_details))
            for col, item in enumerate(cells):
                if reason:
                    item.setForeground(Qt.GlobalColor.darkGray)
                    item.setToolTip(reason)
                self.table.setItem(row, col, item)
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm and (vm.id == wanted or (wanted is None and not why_not_importable(vm))):
                self.table.selectRow(row)
                break
        self._selection_changed()

    def _vm_at(self, row: int) -> VirtualMachine | None:
        item = self.table.item(row, 0)
        if item is None or self.imp.inventory is None:
            return None
        return self.imp.inventory.vm(item.data(Qt.ItemDataRole.UserRole))

    def selected_vm(self) -> VirtualMachine | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self._vm_at(rows.pop()) if len(rows) == 1 else None

    def select_vm(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            vm = self._vm_at(row)
            if vm and vm.name == name:
                self.table.selectRow(row)
                return

    def waiting(self) -> list[VirtualMachine]:
        inventory = self.imp.inventory
        return [v for v in inventory.vms if not why_not_importable(v)] if inventory else []

    def _selection_changed(self) -> None:
        vm = self.selected_vm()
        if self.many_box.isChecked():
            self.status.show_message(
                "info",
                self.tr(
                    "%1 replica VMs wait for their initial copy; Next asks for the drive."
                ).replace("%1", str(len(self.waiting()))),
            )
        elif vm is None:
            if self.table.rowCount():
                self.status.show_message("info", self.tr("Select the replica VM."))
        elif why_not_importable(vm):
            self.status.show_message("warning", f"{shown(vm.name)}: {why_not_importable(vm)}")
        else:
            self.status.show_message(
                "info",
                self.tr("%1 (ID %2) waits for its initial copy.")
                .replace("%1", shown(vm.name))
                .replace("%2", vm.id),
            )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        if self.many_box.isChecked():
            return bool(self.waiting())
        vm = self.selected_vm()
        return vm is not None and not why_not_importable(vm)

    def validatePage(self) -> bool:
        vm = self.selected_vm()
        self.imp.want_batch = self.many_box.isChecked()
        if self.imp.want_batch and (vm is None or why_not_importable(vm)):
            vm = next(iter(self.waiting()), None)  # the folder page preselects its folder
        if vm is None or why_not_importable(vm):
            return False
        if self.imp.vm is None or self.imp.vm.id != vm.id:
            self.imp.folder = ""
        self.imp.vm = vm
        return True

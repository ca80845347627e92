"""Choose Replication VHDs: per VM its disks, every disk ticked by default; warn when a VM's OS
disk is left out; each VM keeps at least one disk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from hvseed_gui.hyperv.host import Vhd, VirtualMachine
from hvseed_gui.ui.format import shown, size
from hvseed_gui.ui.pages.base import HostPage

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession

SIZE_COLUMNS = (2, 3)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DATABASE_WORDS = ("log", "tempdb")  # name heuristics, not a certainty
PAGING_WORDS = ("pagefile", "swap")


def disk_role(vhd: Vhd) -> str:
    """ "database" (a log or tempdb disk), "paging" (page file, swap) or "", by the file name."""
    name = vhd.file_name.lower()
    if any(word in name for word in PAGING_WORDS):
        return "paging"
    if any(word in name for word in DATABASE_WORDS):
        return "database"
    return ""


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
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                self.tr("Disk"),
                self.tr("Controller"),
                self.tr("File size"),
                self.tr("Maximum size"),
                self.tr("Path"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemChanged.connect(self._changed)
        self.tree.setAccessibleName(self.tr("Virtual hard disks per virtual machine"))
        self.body.addWidget(self.tree)
        self.grow_body()
        self._vm_ids: tuple[str, ...] = ()

    def _vms(self) -> list[VirtualMachine]:
        return self.wiz.chosen_vms() if self.wizard() else []

    def initializePage(self) -> None:
        vms = self._vms()
        ids = tuple(vm.id for vm in vms)
        if not vms or ids == self._vm_ids:
            self._changed()
            return
        kept = set(self.excluded_paths())  # choices for VMs still chosen survive
        self._vm_ids = ids
        self.tree.blockSignals(True)
        self.tree.clear()
        for vm in vms:
            parent = QTreeWidgetItem(
                [
                    shown(vm.name),
                    "",
                    size(vm.initial_copy_size()),
                    "",
                    self.tr("%n disk(s)", "", len(vm.vhds)),
                ]
            )
            for col in SIZE_COLUMNS:
                parent.setTextAlignment(col, RIGHT)
            parent.setData(0, Qt.ItemDataRole.UserRole + 1, vm.id)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(parent)
            for vhd in vm.vhds:
                item = QTreeWidgetItem(
                    [
                        vhd.file_name,
                        vhd.controller or "–",
                        size(vhd.chain_file_size),
                        size(vhd.max_size) if vhd.details_known else "–",
                        vhd.path,
                    ]
                )
                for col in SIZE_COLUMNS:
                    item.setTextAlignment(col, RIGHT)
                item.setData(0, Qt.ItemDataRole.UserRole, vhd.path)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                left_out = vhd.path in kept
                item.setCheckState(
                    0, Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked
                )
                if vhd.parents:
                    item.setToolTip(2, self.tr("Includes %n parent disk(s)", "", len(vhd.parents)))
                parent.addChild(item)
            parent.setExpanded(True)
        self.tree.blockSignals(False)
        self._changed()

    def items(self) -> list[QTreeWidgetItem]:
        """Every disk row, of every VM."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            rows.extend(parent.child(j) for j in range(parent.childCount()))
        return rows

    def excluded_paths(self) -> tuple[str, ...]:
        """Left-out disks of every VM (disk paths are unique across VMs)."""
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

    def problems(self) -> tuple[list[str], list[str]]:
        """(errors, warnings) for the admin: a VM without disks, a VM without its OS disk."""
        excluded = set(self.excluded_paths())
        errors: list[str] = []
        warnings: list[str] = []
        several = len(self._vms()) > 1
        for vm in self._vms():
            left = [v for v in vm.vhds if v.path not in excluded]
            if not left:
                errors.append(
                    self.tr("Choose at least one disk of %1 to replicate.").replace("%1", vm.name)
                    if several
                    else self.tr("Choose at least one disk to replicate.")
                )
                continue
            disk = os_disk(vm)
            if disk is not None and disk.path in excluded:
                warnings.append(
                    self.tr(
                        "%1 looks like the operating-system disk (%2). Without it the replica "
                        "cannot start after a failover."
                    )
                    .replace("%1", f"{vm.name}: {disk.file_name}" if several else disk.file_name)
                    .replace("%2", disk.controller or self.tr("first disk"))
                )
            for vhd in vm.vhds:
                kind = disk_role(vhd) if vhd.path in excluded else ""
                name = f"{vm.name}: {vhd.file_name}" if several else vhd.file_name
                if kind == "database":
                    warnings.append(
                        self.tr(
                            "%1 looks like a database log or tempdb disk (by its name). A "
                            "database's log belongs with its data: without it the replica's "
                            "database does not start consistently after a failover."
                        ).replace("%1", name)
                    )
                elif kind == "paging":
                    warnings.append(
                        self.tr(
                            "%1 looks like a page-file or swap disk (by its name). Leaving it "
                            "out saves copying, but after a failover the replica lacks that "
                            "disk: attach an empty disk there, or the guest runs without it."
                        ).replace("%1", name)
                    )
        return errors, warnings

    def _changed(self, *args) -> None:
        vms = self._vms()
        if not vms:
            return
        excluded = self.excluded_paths()
        total = sum(vm.initial_copy_size(excluded) for vm in vms)
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            vm_id = parent.data(0, Qt.ItemDataRole.UserRole + 1)
            vm = next((v for v in vms if v.id == vm_id), None)
            if vm is not None:
                self.tree.blockSignals(True)
                parent.setText(2, size(vm.initial_copy_size(excluded)))
                self.tree.blockSignals(False)
        errors, warnings = self.problems()
        msg = self.tr("Initial copy: %1.").replace("%1", size(total))
        if len(vms) > 1:
            msg = self.tr("Initial copies of %1 VMs: %2.").replace("%1", str(len(vms)))
            msg = msg.replace("%2", size(total))
        if errors:
            self.status.show_message("error", " ".join(errors))
        elif warnings:
            self.status.show_message("warning", " ".join(warnings) + " " + msg)
        else:
            self.status.show_message("info", msg)
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        return bool(self._vms()) and not self.problems()[0]

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: the disks left out."""
        session.excluded_paths = self.excluded_paths()

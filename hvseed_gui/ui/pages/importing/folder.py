"""Find the copy: scan the host's USB drives for <VMName>_<VMId> folders, or take any folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import ExportFolderSummary
from hvseed_gui.hyperv.host_target import HostKind, HostTarget, lab_info, open_host
from hvseed_gui.ui.format import size
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.export.vm import _Item
from hvseed_gui.ui.pages.importing.import_page import ImportPage, folder_on_this_computer
from hvseed_gui.ui.tasks import describe_error
from hvseed_gui.ui.widgets.tables import row_table


@dataclass(frozen=True)
class DriveScan:
    """What one USB volume holds: its export folders, or why it could not be read."""

    volume: Volume
    folders: tuple[ExportFolderSummary, ...] = ()
    problem: str = ""


def ship_lab_drive(target: HostTarget, vm_id: str) -> str:
    """The lab's courier: the drive on the lab's primary host that holds ``vm_id``'s copy is
    moved (``HyperVHost.move_drive``) to the replica host ``target`` names. Returns what was
    moved ("" when the primary has no such drive)."""
    info = lab_info(target.lab_dir)
    here = target.host or info.replica
    if here.split(".")[0].lower() == info.primary.split(".")[0].lower():
        return ""  # the drive is already where the primary's copies are
    primary = open_host(HostTarget(kind=HostKind.LAB, host=info.primary, lab_dir=target.lab_dir))
    for volume in primary.usb_volumes():
        folders = primary.export_folders(volume.mount_point)
        if any(_same_id(f.vm_id, vm_id) for f in folders):
            moved = primary.move_drive(volume.mount_point[:2], here)
            return f"{moved.display_name} ({info.primary.split('.')[0]} → {here.split('.')[0]})"
    return ""


def scan_drives(host) -> list[DriveScan]:
    """Every USB volume of ``host`` with the export folders in its root (one call per drive)."""
    scans = []
    for volume in host.usb_volumes():
        try:
            scans.append(DriveScan(volume, tuple(host.export_folders(volume.mount_point))))
        except Exception as exc:  # one unreadable drive must not hide the others
            scans.append(DriveScan(volume, problem=describe_error(exc)))
    return scans


class FindCopyPage(ImportPage):
    COLUMNS = (
        QT_TRANSLATE_NOOP("FindCopyPage", "Drive"),
        QT_TRANSLATE_NOOP("FindCopyPage", "Folder"),
        QT_TRANSLATE_NOOP("FindCopyPage", "VM"),
        QT_TRANSLATE_NOOP("FindCopyPage", "Size"),
        QT_TRANSLATE_NOOP("FindCopyPage", "For the chosen VM?"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Find the copy"),
            self.tr("Export folders <VMName>_<VMId> on the replica host's USB drives."),
        )
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("Export folders found"),
            stretch_column=1,  # the folder name
        )
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.body.addWidget(self.table)

        label = QLabel(self.tr("&Folder to import (as the replica host sees it):"))
        self.body.addWidget(label)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("E:\\SQL01_6F1C…")
        label.setBuddy(self.path_edit)
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._browse)
        self.rescan = QPushButton(self.tr("&Rescan drives"))
        self.rescan.clicked.connect(self.scan)
        self.courier = QPushButton(self.tr("Lab: &ship the drive here"))
        self.courier.setToolTip(
            self.tr(
                "The simulated courier: unplug the drive with this VM's copy from the lab's "
                "primary host and plug it into this one."
            )
        )
        self.courier.clicked.connect(self._ship)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        row.addWidget(self.rescan)
        row.addWidget(self.courier)
        self.body.addLayout(row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #505050;")
        self.body.addWidget(self.hint)
        self.all_box = QCheckBox()
        self.all_box.setToolTip(
            self.tr(
                "Every export folder on the drive (its root and one level below) is matched with "
                "the replica VM it belongs to by VM ID; you tick which to import on the next page."
            )
        )
        self.all_box.toggled.connect(self._all_toggled)
        self.all_box.hide()
        self.body.addWidget(self.all_box)
        self.registerField("import.folder*", self.path_edit)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.path_edit.textChanged.connect(lambda _t: self.loaded and self._offer_all())
        self.grow_body()
        self.scans: list[DriveScan] = []
        self.loaded = False

    # -- scanning ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.path_edit.setText(self.imp.folder)
        remote = self.imp.target.kind is HostKind.WINRM
        self.browse.setEnabled(not remote)
        self.browse.setToolTip(
            self.tr("A remote host's folders cannot be browsed from here: type the path.")
            if remote
            else ""
        )
        self.courier.setVisible(self.imp.target.kind is HostKind.LAB)
        self.all_box.setChecked(bool(self.imp.batch_path) or self.imp.want_batch)
        self._subtitle()
        self.scan()

    def _ship(self) -> None:
        target, vm = self.imp.target, self.imp.vm

        def shipped(what: str) -> None:
            if not what:
                self.status.show_message(
                    "warning",
                    self.tr(
                        "No lab drive holds a copy of %1. Export it on the primary first."
                    ).replace("%1", vm.name),
                )
                return
            self.hint.setText(self.tr("The courier delivered %1.").replace("%1", what))
            self.scan()

        self.run_host_call(
            self.tr("The courier is on the way…"),
            lambda: ship_lab_drive(target, vm.id),
            shipped,
            cancellable=False,  # moves a drive: its answer must not be lost
        )

    def scan(self) -> None:
        host = self.imp.host
        self.loaded = False
        self.run_host_call(
            self.tr("Looking for export folders on the USB drives…"),
            lambda: scan_drives(host),
            self._scanned,
        )

    def _scanned(self, scans: list[DriveScan]) -> None:
        self.scans = scans
        vm = self.imp.vm
        self.table.setRowCount(0)
        match_row = -1
        for scan in scans:
            entries = scan.folders or (None,)
            for folder in entries:
                row = self.table.rowCount()
                self.table.insertRow(row)
                if folder is None:
                    text = scan.problem or self.tr("no export folder")
                    cells = [_Item(scan.volume.display_name), _Item(text)] + [
                        _Item("") for _ in range(3)
                    ]
                    for item in cells:
                        item.setForeground(Qt.GlobalColor.darkGray)
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                else:
                    mine = _same_id(folder.vm_id, vm.id)
                    cells = [
                        _Item(scan.volume.display_name),
                        _Item(folder.path.rstrip("\\").rsplit("\\", 1)[-1]),
                        _Item(folder.vm_name),
                        _Item(size(folder.total_bytes), folder.total_bytes),
                        _Item(
                            self.tr("Yes")
                            if mine
                            else self.tr("No: another VM (%1)").replace("%1", folder.vm_id)
                        ),
                    ]
                    cells[0].setData(Qt.ItemDataRole.UserRole, folder.path)
                    if mine and match_row < 0:
                        match_row = row
                for col, item in enumerate(cells):
                    self.table.setItem(row, col, item)
        self.loaded = True
        self._offer_all()
        if match_row >= 0 and not self.path_edit.text().strip():
            self.table.selectRow(match_row)
        elif match_row >= 0:
            self._hint()
        else:
            self.status.show_message(
                "warning",
                self.tr(
                    "No folder for %1 (ID %2) was found on the USB drives of %3. Connect the "
                    "drive and press Rescan, or type or browse to the folder (for example a copy "
                    "on a local disk or a cluster volume)."
                )
                .replace("%1", vm.name)
                .replace("%2", vm.id)
                .replace("%3", self.imp.inventory.host_name),
            )
            if not scans:
                self.hint.setText(self.tr("The host reports no USB drive."))

    def _row_chosen(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        item = self.table.item(rows.pop(), 0)
        path = item.data(Qt.ItemDataRole.UserRole) if item else None
        if path:
            self.path_edit.setText(path)
            self._hint()

    def _hint(self) -> None:
        self.status.clear_message()
        if self.all_box.isChecked():
            self._batch_hint()
            return
        self.hint.setText(
            self.tr("Next checks the folder against %1 before anything is imported.").replace(
                "%1", self.imp.vm.name
            )
        )

    # -- every copy on the drive -------------------------------------------------------------

    def _offer_all(self) -> None:
        """Offered when the drives hold more than one export folder, or the path typed is no
        export folder itself (a drive root, a ``HyperV-Seed`` folder)."""
        count = sum(len(scan.folders) for scan in self.scans)
        path = self.path_edit.text().strip()
        typed_parent = bool(path) and not any(
            f.path.rstrip("\\").lower() == path.rstrip("\\").lower()
            for scan in self.scans
            for f in scan.folders
        )
        self.all_box.setText(
            self.tr(
                "Import &every copy on this drive (%1 export folders found on the USB drives)"
            ).replace("%1", str(count))
        )
        self.all_box.setVisible(count > 1 or typed_parent or self.all_box.isChecked())

    def batch_path(self) -> str:
        """Where to look for every copy: the drive holding the folder typed (its root), or the
        path typed when it is no export folder itself; else the drive with the most folders."""
        path = self.path_edit.text().strip()
        for scan in self.scans:
            mount = scan.volume.mount_point.rstrip("\\")
            for folder in scan.folders:
                if folder.path.rstrip("\\").lower() == path.rstrip("\\").lower():
                    return mount + "\\"
        if path:
            return path
        best = max(self.scans, key=lambda s: len(s.folders), default=None)
        return best.volume.mount_point.rstrip("\\") + "\\" if best and best.folders else ""

    def _subtitle(self) -> None:
        if self.all_box.isChecked():
            self.setSubTitle(
                self.tr(
                    "Choose the drive (or a folder on it) that holds the copies: every export "
                    "folder on it is matched with the replica VM it belongs to by VM ID."
                )
            )
            return
        vm = self.imp.vm
        self.setSubTitle(
            self.tr("The copy of %1 is the folder %2_%3 on a drive connected to %4.")
            .replace("%1", vm.name)
            .replace("%2", vm.name)
            .replace("%3", vm.id)
            .replace("%4", self.imp.inventory.host_name)
        )

    def _batch_hint(self) -> None:
        self.hint.setText(
            self.tr(
                "Next lists every export folder under %1 beside the replica VM it belongs "
                "to; nothing is imported before you tick and press Import."
            ).replace("%1", self.batch_path() or "…")
        )

    def _all_toggled(self, on: bool) -> None:
        if self.imp.vm is not None and self.imp.inventory is not None:
            self._subtitle()
        if on:
            self._batch_hint()
        else:
            self.imp.batch_path = ""
            self.imp.want_batch = False
            self.hint.clear()
        self.completeChanged.emit()

    # -- browsing ----------------------------------------------------------------------------

    def _browse(self) -> None:
        roots = self._browse_roots()
        start = self.path_edit.text().strip()
        local_start = folder_on_this_computer(self.imp, start) if start else None
        if local_start is None and roots:
            local_start = roots[0][1]
        chosen = self.wiz.prompt.choose_directory(
            self, self.tr("Choose the export folder"), str(local_start or "")
        )
        if chosen:
            self.path_edit.setText(self._host_path(chosen, roots))
            self.table.clearSelection()

    def _browse_roots(self) -> list[tuple[str, Path]]:
        """(mount point, where it is readable here) of each scanned drive."""
        roots = []
        for scan in self.scans:
            local = folder_on_this_computer(self.imp, scan.volume.mount_point)
            if local is not None:
                roots.append((scan.volume.mount_point, local))
        return roots

    def _host_path(self, chosen: str, roots: list[tuple[str, Path]]) -> str:
        """A browsed local path as the host names it (the lab maps drives to directories)."""
        if self.imp.target.kind is not HostKind.LAB:
            return chosen
        path = Path(chosen)
        for mount, local in roots:
            try:
                rel = path.resolve().relative_to(local.resolve())
            except ValueError:
                continue
            return mount.rstrip("\\") + "\\" + "\\".join(rel.parts)
        return chosen

    # -- moving on ---------------------------------------------------------------------------

    def page_complete(self) -> bool:
        if self.all_box.isChecked():
            return bool(self.batch_path())
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        if self.all_box.isChecked():
            self.imp.batch_path = self.batch_path()
            return bool(self.imp.batch_path)
        self.imp.batch_path = ""
        self.imp.batch = None
        self.imp.folder = self.path_edit.text().strip()
        return bool(self.imp.folder)

    def nextId(self) -> int:
        return PageId.IMPORT_MANY if self.all_box.isChecked() else PageId.IMPORT_CHECK


def _same_id(a: str, b: str) -> bool:
    try:
        return normalize_vm_id(a) == normalize_vm_id(b)
    except ValueError:
        return False

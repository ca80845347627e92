"""External media target: Host A's USB volumes, a verdict per drive, refreshed on plug/unplug."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
)

from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.connect import HostKind
from hvseed_gui.hyperv.host import ExportFolderSummary, HyperVHost, VhdFile
from hvseed_gui.ui.format import size
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.verdict import DriveCheck, check_drive

POLL_MS = 2000


def existing_exports(host: HyperVHost, folder: str) -> list[ExportFolderSummary] | str:
    """Exports already in ``folder``, or the sentence saying the folder does not exist.

    Start-VMInitialReplication needs an existing destination and hvseed has no operation that
    creates folders on Host A, so the drive's root is the default and a typed folder must exist.
    """
    from hvseed_gui.hyperv.errors import NotFound

    try:
        return host.export_folders(folder)
    except NotFound as exc:
        return f"{exc.message} Choose the drive's root ({folder[:3]}) or a folder that exists."


def list_usb_volumes(host: HyperVHost, kind: HostKind) -> list[Volume]:
    """USB volumes of Host A: a helper-process probe when Host A is this computer."""
    if kind is HostKind.LOCAL:
        from hvseed_gui.core.volumes import probe_local_volumes

        return [v for v in probe_local_volumes(timeout=10.0) if v.is_usb]
    return host.usb_volumes()


class MediaPage(HostPage):
    COLUMNS = ("Drive", "Label", "File system", "Free / total", "Verdict")

    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose the external drive"),
            self.tr(
                "USB drives attached to Host A. Plug in a drive and it appears here within a "
                "few seconds."
            ),
        )
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("USB drives"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.body.addWidget(self.table)
        self.grow_body()
        form = QFormLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleDescription(
            self.tr("hvseed creates a sub-folder <VMName>_<VMId> here; nothing is overwritten.")
        )
        form.addRow(self.tr("&Folder on the drive:"), self.folder_edit)
        self.target_note = QLabel()
        self.target_note.setWordWrap(True)
        self.target_note.setStyleSheet("color: #505050;")
        form.addRow("", self.target_note)
        self.body.addLayout(form)
        self.registerField("media.folder*", self.folder_edit)
        self.folder_edit.textChanged.connect(self._folder_changed)

        self.volumes: list[Volume] = []
        self.checks: dict[str, DriveCheck] = {}
        self.existing: dict[str, list[ExportFolderSummary]] = {}  # folder -> exports found
        self.missing: dict[str, str] = {}  # folder -> why it cannot be used (does not exist)
        self.poller = TaskRunner(self)
        self.folder_checker = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.loaded = False
        self.poll_error = ""

    # -- polling -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.loaded = False
        self.busy.start(self.tr("Looking for USB drives on Host A…"))
        self.poll()
        self.timer.start()

    def cleanupPage(self) -> None:
        self.timer.stop()

    def validatePage(self) -> bool:
        folder = self.folder()
        host = self.ctx.host
        vm = self.ctx.vm

        def check():
            return existing_exports(host, folder)

        def done(found: list[ExportFolderSummary] | str) -> bool:
            self._folder_result(folder, found)
            if not self.page_complete():
                return False
            self.timer.stop()
            return True

        if not self.page_complete() or vm is None:
            return False
        return self.validate_async(
            self.tr("Checking %1 for an earlier export…").replace("%1", folder), check, done
        )

    def poll(self) -> None:
        if self.poller.busy or self.ctx.host is None:
            return
        host, kind = self.ctx.host, self.ctx.target.kind
        self.poller.run(
            lambda: list_usb_volumes(host, kind), self._volumes_arrived, self._poll_failed
        )

    def _poll_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.loaded = True
        self.poll_error = describe_error(exc)
        self.status.show_message("error", self.poll_error)
        self.completeChanged.emit()

    def _volumes_arrived(self, volumes: list[Volume]) -> None:
        self.busy.stop()
        self.poll_error = ""
        first = not self.loaded
        self.loaded = True
        key = [(v.mount_point, v.free_bytes, v.total_bytes, v.file_system) for v in volumes]
        if not first and key == [
            (v.mount_point, v.free_bytes, v.total_bytes, v.file_system) for v in self.volumes
        ]:
            return
        selected = self.selected_volume()
        self.volumes = sorted(volumes, key=lambda v: v.mount_point)
        self._refresh_checks()
        if selected is not None and any(v.mount_point == selected.mount_point for v in volumes):
            self._select(selected.mount_point)
        elif first or selected is None:
            best = next((v for v in self.volumes if self.checks[v.mount_point].ok), None)
            if best is not None:
                self._select(best.mount_point)
        self._selection_changed()
        if first:
            self._check_folder()

    # -- verdicts ----------------------------------------------------------------------------

    def _files(self) -> list[VhdFile]:
        vm = self.ctx.vm
        excluded = {p.lower() for p in self.wiz.excluded_paths()}
        files: list[VhdFile] = []
        for vhd in vm.vhds if vm else ():
            if vhd.path.lower() not in excluded:
                files.append(VhdFile(vhd.path, vhd.file_size))
                files.extend(vhd.parents)
        return files

    def _refresh_checks(self) -> None:
        vm = self.ctx.vm
        inventory = self.ctx.inventory
        files = self._files()
        folder = self.folder()
        self.checks = {}
        for v in self.volumes:
            in_folder = folder.lower().startswith(v.mount_point.lower())
            existing = self.existing.get(folder.lower(), []) if in_folder else []
            self.checks[v.mount_point] = check_drive(
                v,
                files,
                vm_storage_paths=tuple(vhd.path for vhd in vm.vhds) if vm else (),
                system_drive=inventory.system_drive if inventory else "C:\\",
                existing_export_folders=tuple(existing),
                vm_folder_name=f"{vm.name}_{vm.id}" if vm else "",
            )
        selected = self.selected_volume()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for v in self.volumes:
            row = self.table.rowCount()
            self.table.insertRow(row)
            check = self.checks[v.mount_point]
            cells = [
                v.mount_point,
                v.label or "–",
                v.file_system,
                f"{size(v.free_bytes)} / {size(v.total_bytes)}",
                check.summary,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.mount_point)
                if not check.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(check.detail)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        if selected is not None:
            self._select(selected.mount_point)

    def _select(self, mount_point: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == mount_point:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
                return

    def select_drive(self, mount_point: str) -> None:
        """Select a drive as a click would."""
        self._select(mount_point)
        self._selection_changed()

    def selected_volume(self) -> Volume | None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return None
        mount = self.table.item(rows.pop(), 0).data(Qt.ItemDataRole.UserRole)
        return next((v for v in self.volumes if v.mount_point == mount), None)

    def folder(self) -> str:
        return self.folder_edit.text().strip()

    def _selection_changed(self) -> None:
        volume = self.selected_volume()
        if volume is not None and not self.folder().lower().startswith(volume.mount_point.lower()):
            self.folder_edit.setText(volume.mount_point)
        self._show_verdict()

    def _folder_changed(self) -> None:
        vm = self.ctx.vm
        if vm is not None and self.folder():
            self.target_note.setText(
                self.tr(
                    "The export creates %1 there; an existing export is never overwritten."
                ).replace("%1", f"{self.folder().rstrip(chr(92))}\\{vm.name}_{vm.id}")
            )
        self._refresh_checks()
        self._show_verdict()
        self._check_folder()

    def _check_folder(self) -> None:
        folder = self.folder()
        if not folder or self.ctx.host is None or self.selected_volume() is None:
            return
        host = self.ctx.host

        def found(result: list[ExportFolderSummary] | str) -> None:
            self._folder_result(folder, result)

        self.folder_checker.run(lambda: existing_exports(host, folder), found, lambda exc: None)

    def _folder_result(self, folder: str, result: list[ExportFolderSummary] | str) -> None:
        key = folder.lower()
        if isinstance(result, str):
            self.missing[key] = result
            self.existing[key] = []
        else:
            self.missing.pop(key, None)
            self.existing[key] = result
        self._refresh_checks()
        self._show_verdict()

    def _show_verdict(self) -> None:
        volume = self.selected_volume()
        if self.poll_error:
            self.status.show_message("error", self.poll_error)
        elif self.loaded and not self.volumes:
            self.status.show_message(
                "error",
                self.tr(
                    "No USB drive is attached to Host A. Connect the drive to the host that runs "
                    "the VM (in a cluster: its owner node); it appears here by itself."
                ),
            )
        elif volume is None:
            self.status.show_message("info", self.tr("Select the drive that receives the copy."))
        else:
            check = self.checks.get(volume.mount_point)
            if self.folder().lower() in self.missing:
                self.status.show_message("error", self.missing[self.folder().lower()])
            elif check is not None:
                self.status.show_message(
                    ("warning" if check.warnings else "ok") if check.ok else "error", check.detail
                )
            if (
                check is not None
                and check.ok
                and not self.folder().lower().startswith(volume.mount_point.lower())
            ):
                self.status.show_message(
                    "error", self.tr("The folder must be on the selected drive.")
                )
        self.completeChanged.emit()

    def page_complete(self) -> bool:
        volume = self.selected_volume()
        if volume is None or not self.folder():
            return False
        check = self.checks.get(volume.mount_point)
        return (
            check is not None
            and check.ok
            and self.folder().lower().startswith(volume.mount_point.lower())
            and self.folder().lower() not in self.missing
        )

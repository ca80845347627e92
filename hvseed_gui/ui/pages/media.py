"""External media target: Host A's USB volumes with a verdict and BitLocker state per drive,
refreshed on plug/unplug; several VMs are planned over the drives (first fit decreasing) and the
admin accepts the assignment; a drive can be encrypted with BitLocker To Go from here."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
)

from hvseed_gui.core.fitness import DrivePlan, plan_drives
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.hyperv.host import ExportFolderSummary, HyperVHost, VhdFile, VirtualMachine
from hvseed_gui.hyperv.host_target import HostKind
from hvseed_gui.ui.devicechange import DeviceChangeFilter
from hvseed_gui.ui.format import shown, size
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.verdict import DriveCheck, check_drive, finding_title
from hvseed_gui.ui.widgets.bitlocker import BitLockerPanel
from hvseed_gui.ui.widgets.tables import row_table

POLL_MS = 2000  # the drive list follows plugging within 2 s; on Windows WM_DEVICECHANGE is faster

BITLOCKER_TEXT = {
    BitLockerStatus.ON: QT_TRANSLATE_NOOP("MediaPage", "On"),
    BitLockerStatus.OFF: QT_TRANSLATE_NOOP("MediaPage", "Off — not encrypted"),
    BitLockerStatus.UNKNOWN: QT_TRANSLATE_NOOP("MediaPage", "Unknown"),
}


def existing_exports(host: HyperVHost, folder: str) -> list[ExportFolderSummary] | str:
    """Exports already in ``folder``, or the sentence saying why it cannot be used.

    A folder that does not exist yet is fine when its drive is there: start_export creates it
    before Hyper-V exports into it.
    """
    from hvseed_gui.hyperv.errors import NotFound

    try:
        return host.export_folders(folder)
    except NotFound as exc:
        root = folder[:3]
        if folder.rstrip("\\/").lower() != root.rstrip("\\/").lower():
            try:
                host.export_folders(root)
                return []  # the drive is there; the folder is created at the export
            except NotFound:
                pass
        return (
            exc.message
            + " "
            + QCoreApplication.translate(
                "MediaPage", "Plug the drive into Host A, or choose another drive."
            )
        )


def drive_identity(volume: Volume) -> tuple[str, str, str, int]:
    """What tells one drive from another when letters move: serial number, label, file
    system and size."""
    return (volume.serial, volume.label, volume.file_system, volume.total_bytes)


def list_usb_volumes(host: HyperVHost, kind: HostKind) -> list[Volume]:
    """USB volumes of Host A: a helper-process probe when Host A is this computer."""
    if kind is HostKind.LOCAL:
        from hvseed_gui.core.volumes import probe_local_volumes

        return [v for v in probe_local_volumes(timeout=10.0) if v.is_usb]
    return host.usb_volumes()


class MediaPage(HostPage):
    COLUMNS = (
        QT_TRANSLATE_NOOP("MediaPage", "Drive"),
        QT_TRANSLATE_NOOP("MediaPage", "Label"),
        QT_TRANSLATE_NOOP("MediaPage", "File system"),
        QT_TRANSLATE_NOOP("MediaPage", "Free / total"),
        QT_TRANSLATE_NOOP("MediaPage", "BitLocker"),
        QT_TRANSLATE_NOOP("MediaPage", "Verdict"),
    )

    def __init__(self) -> None:
        super().__init__(
            self.tr("Choose the external drive"),
            self.tr(
                "USB drives attached to Host A. Plug in a drive and it appears here within a "
                "few seconds."
            ),
        )
        self.table = row_table(
            [self.tr(c) for c in self.COLUMNS],
            accessible_name=self.tr("USB drives"),
            word_wrap=True,
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.body.addWidget(self.table, 1)
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

        # several VMs: which VM goes to which drive
        self.plan_box = QGroupBox(self.tr("Which VM goes where"))
        plan_layout = QHBoxLayout(self.plan_box)
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plan_layout.addWidget(self.plan_label, 1)
        self.accept_plan = QCheckBox(self.tr("&Spread the copies this way"))
        self.accept_plan.toggled.connect(self._show_verdict)
        plan_layout.addWidget(self.accept_plan)
        self.body.addWidget(self.plan_box)
        self.plan_box.hide()

        # BitLocker To Go for the selected drive
        row = QHBoxLayout()
        self.encrypt_toggle = QPushButton(self.tr("Encrypt this drive with &BitLocker To Go…"))
        self.encrypt_toggle.setCheckable(True)
        self.encrypt_toggle.toggled.connect(self._toggle_encrypt)
        row.addWidget(self.encrypt_toggle)
        row.addStretch(1)
        self.body.addLayout(row)
        self.bitlocker = BitLockerPanel(lambda: self.wiz.prompt)
        self.bitlocker.encrypted.connect(self._bitlocker_encrypted)
        self.bitlocker.runner.busyChanged.connect(self.completeChanged)
        self.bitlocker.runner.finished.connect(self._bitlocker_finished)
        self.bitlocker.hide()
        self.body.addWidget(self.bitlocker)

        self.volumes: list[Volume] = []
        self.checks: dict[str, DriveCheck] = {}
        self.plan: DrivePlan | None = None
        self._plan_key: tuple = ()
        self.existing: dict[str, list[ExportFolderSummary]] = {}  # folder -> exports found
        self.missing: dict[str, str] = {}  # folder -> why it cannot be used (does not exist)
        self.poller = TaskRunner(self)
        self.folder_checker = TaskRunner(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.device_filter = DeviceChangeFilter(self.poll_now)
        self._poll_again = False
        self.loaded = False
        self.poll_error = ""
        # the chosen drive by what it is, not by its letter: a different drive plugged in at
        # the same letter is not the admin's choice
        self._chosen: tuple | None = None
        self._chosen_name = ""
        self._chosen_mount = ""
        self.drive_notice = ""  # why the choice was cleared; shown until a drive is chosen

    # -- polling -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.loaded = False
        self.busy.start(self.tr("Looking for USB drives on Host A…"))
        self.accept_plan.setChecked(False)
        self._plan_key = ()
        self.plan_box.setVisible(self.multi)
        self.poll()
        self.timer.start()
        self.device_filter.install()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        """Back: stop polling and drop a pending folder check; the folder typed stays (no
        field reset), and a BitLocker call in flight goes on and reports when it returns."""
        self.stop_polling()
        self.runner.abandon()
        self.poller.abandon()
        self.folder_checker.abandon()
        self._poll_again = False
        self._validated = False

    def stop_polling(self) -> None:
        self.timer.stop()
        self.device_filter.remove()

    def validatePage(self) -> bool:
        host = self.ctx.host
        if not self.page_complete() or not self._vms():
            return False
        folders = sorted(set(self.destinations().values()))
        key = self._plan_key

        def check():
            return {folder: existing_exports(host, folder) for folder in folders}

        def done(found: dict[str, list[ExportFolderSummary] | str]) -> bool:
            for folder, result in found.items():
                self._store_folder_result(folder, result)
            self._refresh_checks()
            self._show_verdict()
            if not self.page_complete() or self._plan_key != key:
                return False
            self.stop_polling()
            self.ctx.drives = self.planned_volumes()
            return True

        return self.validate_async(
            self.tr("Checking %1 for an earlier export…").replace("%1", ", ".join(folders)),
            check,
            done,
        )

    def poll(self) -> None:
        if self.ctx.host is None:
            return
        if self.poller.busy:
            self._poll_again = True
            return
        host, kind = self.ctx.host, self.ctx.target.kind
        self.poller.run(
            lambda: list_usb_volumes(host, kind), self._volumes_arrived, self._poll_failed
        )

    def poll_now(self) -> None:
        """A drive came or went (WM_DEVICECHANGE) or was encrypted: refresh at once."""
        self.poll()

    def _poll_failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.loaded = True
        self.poll_error = describe_error(exc)
        self.status.show_message("error", self.poll_error)
        self.completeChanged.emit()
        self._poll_follow_up()

    def _poll_follow_up(self) -> None:
        if self._poll_again:
            self._poll_again = False
            QTimer.singleShot(0, self.poll)

    def _volumes_arrived(self, volumes: list[Volume]) -> None:
        self.busy.stop()
        self.poll_error = ""
        first = not self.loaded
        self.loaded = True
        self._poll_follow_up()

        def key(vs: list[Volume]) -> list[tuple]:
            return [(v.mount_point, v.free_bytes, v.bitlocker, *drive_identity(v)) for v in vs]

        if not first and key(volumes) == key(self.volumes):
            return
        self.volumes = sorted(volumes, key=lambda v: v.mount_point)
        target = None
        if self._chosen is not None:
            target = next((v for v in self.volumes if drive_identity(v) == self._chosen), None)
            if target is None:
                self._lose_choice()
        self._refresh_checks()
        if target is not None:
            self._select(target.mount_point)
        elif self._chosen is None and (first or self.selected_volume() is None):
            best = next((v for v in self._preferred() if self.checks[v.mount_point].ok), None)
            if best is not None:
                self._select(best.mount_point)
        self._selection_changed()
        if first:
            self._check_folder()

    def _lose_choice(self) -> None:
        """The chosen drive is gone: clear the selection (never slide onto another drive at
        the same letter) and say why."""
        old_mount = self._chosen_mount
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        stranger = next((v for v in self.volumes if v.mount_point == old_mount), None)
        if stranger is not None:
            self.drive_notice = (
                self.tr(
                    "The drive now at %1 is not the drive you chose (%2): another drive was "
                    "plugged in there. Check which drive is which, then choose one again."
                )
                .replace("%1", old_mount)
                .replace("%2", self._chosen_name)
            )
        else:
            self.drive_notice = self.tr(
                "The drive you chose (%1) was unplugged. Plug it in again, or choose another drive."
            ).replace("%1", self._chosen_name)

    def _preferred(self) -> list[Volume]:
        """Drives in the order a first choice should try them: encrypted ones first."""
        return sorted(self.volumes, key=lambda v: v.bitlocker is not BitLockerStatus.ON)

    # -- verdicts ----------------------------------------------------------------------------

    def _vms(self) -> list[VirtualMachine]:
        return self.wiz.chosen_vms() if self.wizard() else []

    @property
    def multi(self) -> bool:
        return len(self._vms()) > 1

    def _files(self, vm: VirtualMachine | None = None) -> list[VhdFile]:
        vm = vm if vm is not None else self.ctx.vm
        excluded = {p.lower() for p in self.wiz.excluded_paths()}
        files: list[VhdFile] = []
        for vhd in vm.vhds if vm else ():
            if vhd.path.lower() not in excluded:
                files.append(VhdFile(vhd.path, vhd.file_size))
                files.extend(vhd.parents)
        return files

    def _destination_on(self, volume: Volume) -> str:
        """The folder a drive receives copies in: the typed folder on the selected drive, else
        the drive's root."""
        selected = self.selected_volume()
        if selected is not None and selected.mount_point == volume.mount_point:
            return self.folder() or volume.mount_point
        return volume.mount_point

    def _make_plan(self) -> DrivePlan:
        vms = self._vms()
        inventory = self.ctx.inventory
        selected = self.selected_volume()
        existing = {
            v.mount_point: [e.path for e in self.existing.get(self._destination_on(v).lower(), [])]
            for v in self.volumes
        }
        return plan_drives(  # one drive for all when one can; the chosen one if it can
            [(f"{vm.name}_{vm.id}", self._files(vm)) for vm in vms],
            self.volumes,
            vm_storage_paths=tuple(vhd.path for vm in vms for vhd in vm.vhds),
            system_drive=inventory.system_drive if inventory else "C:\\",
            existing_export_folders=existing,
            preferred=selected.mount_point if selected is not None else "",
        )

    def _vm_names(self, folder_names: tuple[str, ...]) -> list[str]:
        by_folder = {f"{vm.name}_{vm.id}": vm.name for vm in self._vms()}
        return [by_folder.get(name, name) for name in folder_names]

    def _refresh_checks(self) -> None:
        vms = self._vms()
        inventory = self.ctx.inventory
        folder = self.folder()
        self.checks = {}
        excluded = self.wiz.excluded_paths() if vms else ()
        # one VM: that VM; several: the smallest copy says whether a drive is usable at all
        probe = min(vms, key=lambda m: m.initial_copy_size(excluded)) if vms else None
        for v in self.volumes:
            if probe is None:
                self.checks[v.mount_point] = DriveCheck(False, "", "")
                continue
            existing: list[ExportFolderSummary] = []
            if not self.multi and folder.lower().startswith(v.mount_point.lower()):
                existing = self.existing.get(folder.lower(), [])
            self.checks[v.mount_point] = check_drive(
                v,
                self._files(probe),
                vm_storage_paths=tuple(vhd.path for m in vms for vhd in m.vhds),
                system_drive=inventory.system_drive if inventory else "C:\\",
                existing_export_folders=tuple(existing),
                vm_folder_name=f"{probe.name}_{probe.id}",
            )
        self.plan = self._make_plan() if self.multi and self.volumes else None
        verdicts = {v.mount_point: self.checks[v.mount_point].summary for v in self.volumes}
        if self.plan is not None:
            for assignment in self.plan.assignments:
                mount = assignment.volume.mount_point
                if assignment.vm_names:
                    verdicts[mount] = (
                        self.tr("Takes %1; %2 left")
                        .replace("%1", ", ".join(self._vm_names(assignment.vm_names)))
                        .replace("%2", size(assignment.free_after_bytes))
                    )
                    check = self.checks[mount]
                    self.checks[mount] = DriveCheck(
                        True, verdicts[mount], check.detail, check.warnings
                    )
                elif self.checks[mount].ok:
                    verdicts[mount] = self.tr("Not needed")
        self._update_plan_label()
        selected = self.selected_volume()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for v in self.volumes:
            row = self.table.rowCount()
            self.table.insertRow(row)
            check = self.checks[v.mount_point]
            cells = [
                v.mount_point,
                shown(v.label) or "–",
                v.file_system,
                f"{size(v.free_bytes)} / {size(v.total_bytes)}",
                self.tr(BITLOCKER_TEXT[v.bitlocker]),
                verdicts[v.mount_point],
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.mount_point)
                if not check.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif col == 4 and v.bitlocker is not BitLockerStatus.ON:
                    item.setForeground(Qt.GlobalColor.darkYellow)
                item.setToolTip(check.detail)
                if col == 3:  # sizes line up on the right
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        if selected is not None:
            self._select(selected.mount_point)

    def _update_plan_label(self) -> None:
        plan = self.plan
        if plan is None:
            self.plan_label.clear()
            self._plan_key = ()
            return
        lines = []
        for assignment in plan.assignments:
            if not assignment.vm_names:
                continue
            volume = assignment.volume
            lines.append(
                self.tr("%1 → %2 (%3): %4 of copies, %5 left")
                .replace("%1", shown(", ".join(self._vm_names(assignment.vm_names))))
                .replace("%2", self._destination_on(volume))
                .replace("%3", shown(volume.label or volume.mount_point))
                .replace("%4", size(assignment.copy_bytes))
                .replace("%5", size(assignment.free_after_bytes))
            )
        for unplaced in plan.unplaced:
            lines.append("✖ " + unplaced.reason)
        if plan.ok and plan.spread:
            used = sum(1 for a in plan.assignments if a.vm_names)
            why = "; ".join(
                f"{shown(v.display_name)}: {shown(self._vm_names((u.name,))[0])}, "
                + (finding_title(u.finding, v) if u.finding else u.reason)
                for v, u in plan.alone
            )
            lines.insert(
                0,
                self.tr(
                    "No single drive takes every copy (%1 in all: %2), so the copies are "
                    "spread over %n drives:",
                    "",
                    used,
                )
                .replace("%1", size(plan.total_bytes))
                .replace("%2", why),
            )
        self.plan_label.setText("\n".join(lines) or self.tr("No drive can take these VMs."))
        key = tuple(
            (a.volume.mount_point, self._destination_on(a.volume), a.vm_names)
            for a in plan.assignments
        ) + tuple(u.name for u in plan.unplaced)
        if key != self._plan_key:
            self._plan_key = key
            self.accept_plan.setChecked(False)  # a changed assignment is accepted anew
        self.accept_plan.setEnabled(plan.ok)
        # one drive for every copy needs no extra consent; spreading is the admin's choice
        self.accept_plan.setVisible(plan.spread or not plan.ok)

    # -- the result for the next pages ---------------------------------------------------------

    def destinations(self) -> dict[str, str]:
        """VM ID -> the folder its copy goes to."""
        vms = self._vms()
        if not self.multi:
            return {vm.id: self.folder() for vm in vms}
        if self.plan is None:
            return {}
        by_folder = {f"{vm.name}_{vm.id}": vm.id for vm in vms}
        return {
            by_folder[name]: self._destination_on(a.volume)
            for a in self.plan.assignments
            for name in a.vm_names
            if name in by_folder
        }

    def spread_destinations(self) -> dict[str, str]:
        """VM ID -> folder, for the VMs whose folder is not the page's folder (other drives)."""
        return {vm_id: d for vm_id, d in self.destinations().items() if d != self.folder()}

    def planned_volumes(self) -> list[Volume]:
        """The drives that receive a copy."""
        if not self.multi:
            selected = self.selected_volume()
            return [selected] if selected is not None else []
        if self.plan is None:
            return []
        return [a.volume for a in self.plan.assignments if a.vm_names]

    # -- selection -----------------------------------------------------------------------------

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
        if volume is not None:
            self._chosen = drive_identity(volume)
            self._chosen_mount = volume.mount_point
            self._chosen_name = shown(volume.display_name)
            self.drive_notice = ""
        if volume is not None and not self.folder().lower().startswith(volume.mount_point.lower()):
            self.folder_edit.setText(volume.mount_point)  # refreshes the checks
        elif self.multi:
            self._refresh_checks()  # the selected drive is tried first
        self._update_bitlocker_target()
        self._show_verdict()

    def _folder_changed(self) -> None:
        vms = self._vms()
        if vms and self.folder():
            base = self.folder().rstrip(chr(92))
            if len(vms) == 1:
                where = f"{base}\\{vms[0].name}_{vms[0].id}"
            else:
                where = f"{base}\\<VMName>_<VMId>"
            self.target_note.setText(
                self.tr(
                    "The export creates %1 there; an existing export is never overwritten."
                ).replace("%1", where)
                + (
                    self.tr(" VMs placed on another drive go to that drive's root.")
                    if len(vms) > 1
                    else ""
                )
            )
        self._refresh_checks()
        self._show_verdict()
        self._check_folder()

    def _check_folder(self) -> None:
        folder = self.folder()
        if not folder or self.ctx.host is None or self.selected_volume() is None:
            return
        host = self.ctx.host
        others = [v.mount_point for v in self.volumes] if self.multi else []
        folders = [folder, *(f for f in others if f.lower() != folder.lower())]

        def found(results: dict[str, list[ExportFolderSummary] | str]) -> None:
            for where, result in results.items():
                self._store_folder_result(where, result)
            self._refresh_checks()
            self._show_verdict()

        def look() -> dict[str, list[ExportFolderSummary] | str]:
            return {f: existing_exports(host, f) for f in folders}

        self.folder_checker.run(look, found, lambda exc: None)

    def _store_folder_result(self, folder: str, result: list[ExportFolderSummary] | str) -> None:
        key = folder.lower()
        if isinstance(result, str):
            self.missing[key] = result
            self.existing[key] = []
        else:
            self.missing.pop(key, None)
            self.existing[key] = result

    def _folder_result(self, folder: str, result: list[ExportFolderSummary] | str) -> None:
        self._store_folder_result(folder, result)
        self._refresh_checks()
        self._show_verdict()

    # -- BitLocker -------------------------------------------------------------------------------

    def bitlocker_pending(self) -> bool:
        """BitLocker is being turned on, or its recovery key still waits to be saved."""
        return self.bitlocker.runner.busy or self.bitlocker.unsaved is not None

    def _bitlocker_encrypted(self, _result: object) -> None:
        self.completeChanged.emit()
        self.poll_now()

    def _bitlocker_finished(self) -> None:
        """The BitLocker call returned; if the admin left this page, say so where they are."""
        self.completeChanged.emit()
        current = self.wiz.currentPage() if self.wizard() else None
        if current is self or current is None:
            return
        status = getattr(current, "status", None)
        if self.bitlocker.unsaved is not None:
            if status is not None:
                status.show_message(
                    "error",
                    self.tr(
                        "BitLocker is on, but its recovery key is not saved yet. Choose where "
                        "to save it now; hvseed keeps it only until then."
                    ),
                )
            self.bitlocker.choose_key_file()  # the save dialog, wherever the admin is
        elif status is not None:
            status.show_message("info", self.bitlocker.status.text())

    def forget_vm_state(self) -> None:
        """Another VM was chosen: folder checks and the drive plan belong to the old one."""
        self.existing.clear()
        self.missing.clear()
        self.plan = None
        self._plan_key = ()

    def _toggle_encrypt(self, shown: bool) -> None:
        self.bitlocker.setVisible(shown)
        self._update_bitlocker_target()

    def drive_roots(self, volume: Volume) -> list[str]:
        """Where this computer sees ``volume``: a key file there would travel with the drive."""
        target = self.ctx.target
        host = self.ctx.host
        try:  # this computer reads the host's drive (the lab's drives, or this computer)
            local = host.local_path(volume.mount_point) if host is not None else None
        except (OSError, ValueError):
            return []
        if local is not None:
            return [str(local)]
        if target is None or target.kind is HostKind.LOCAL:
            return [volume.mount_point]
        letter = volume.mount_point[:1]
        names = {target.host}
        if self.ctx.inventory is not None:
            names |= {self.ctx.inventory.host_name, self.ctx.inventory.host_name.split(".")[0]}
        return [f"\\\\{name}\\{letter}$" for name in sorted(names) if name and letter]

    def _update_bitlocker_target(self) -> None:
        volume = self.selected_volume()
        self.encrypt_toggle.setEnabled(
            volume is not None and volume.bitlocker is not BitLockerStatus.ON
        )
        if not self.bitlocker.isVisible():
            return
        inventory = self.ctx.inventory
        self.bitlocker.set_target(
            volume,
            self.ctx.host,
            inventory.host_name if inventory else self.tr("Host A"),
            self.drive_roots(volume) if volume is not None else [],
        )

    # -- the message area ------------------------------------------------------------------------

    def _show_verdict(self, *args) -> None:
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
        elif volume is None and self.drive_notice:
            self.status.show_message("warning", self.drive_notice)
        elif volume is None:
            self.status.show_message("info", self.tr("Select the drive that receives the copy."))
        elif self.folder().lower() in self.missing:
            self.status.show_message("error", self.missing[self.folder().lower()])
        elif not self.folder().lower().startswith(volume.mount_point.lower()):
            self.status.show_message("error", self.tr("The folder must be on the selected drive."))
        elif self.multi:
            self._show_plan_verdict()
        else:
            check = self.checks.get(volume.mount_point)
            if check is not None:
                self.status.show_message(
                    ("warning" if check.warnings else "ok") if check.ok else "error", check.detail
                )
        self.completeChanged.emit()

    def _show_plan_verdict(self) -> None:
        plan = self.plan
        if plan is None:
            return
        if not plan.ok:
            self.status.show_message("error", " ".join(u.reason for u in plan.unplaced))
            return
        plain = [
            v.display_name for v in self.planned_volumes() if v.bitlocker is not BitLockerStatus.ON
        ]
        warning = (
            self.tr(
                "Not encrypted: %1. Turn on BitLocker before the drive leaves the building."
            ).replace("%1", ", ".join(plain))
            if plain
            else ""
        )
        if plan.spread and not self.accept_plan.isChecked():
            self.status.show_message(
                "warning" if warning else "info",
                (warning + " " if warning else "")
                + self.tr("Check which VM goes where, then tick Spread the copies this way."),
            )
        else:
            used = len(self.planned_volumes())
            text = self.tr("%1 VMs on %n drive(s).", "", used).replace("%1", str(len(self._vms())))
            self.status.show_message("warning" if warning else "ok", (text + " " + warning).strip())

    def page_complete(self) -> bool:
        if self.bitlocker_pending():  # the drive's state (and its recovery key) is not settled
            return False
        volume = self.selected_volume()
        if volume is None or not self.folder():
            return False
        on_drive = self.folder().lower().startswith(volume.mount_point.lower())
        if not on_drive or self.folder().lower() in self.missing:
            return False
        if self.multi:
            plan = self.plan
            return (
                plan is not None and plan.ok and (not plan.spread or self.accept_plan.isChecked())
            )
        check = self.checks.get(volume.mount_point)
        return check is not None and check.ok

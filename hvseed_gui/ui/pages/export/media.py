"""External media target: Host A's USB volumes with a verdict and BitLocker state per drive,
refreshed on plug/unplug; several VMs are planned over the drives (first fit decreasing) and the
admin accepts the assignment; a drive can be encrypted with BitLocker To Go from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from hvseed_gui.core.fitness import DrivePlan
from hvseed_gui.core.folder_name import folder_path
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.hyperv.host import ExportFolderSummary, HyperVHost, VhdFile, VirtualMachine
from hvseed_gui.hyperv.host_target import HostKind
from hvseed_gui.ui.devicechange import DeviceChangeFilter
from hvseed_gui.ui.format import shown
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.pages.export.drive_plan import DrivePlanMixin
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.verdict import DriveCheck
from hvseed_gui.ui.widgets.bitlocker import BitLockerPanel
from hvseed_gui.ui.widgets.tables import row_table
from hvseed_gui.ui.wording import word

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession

POLL_MS = 2000  # the drive list follows plugging within 2 s; on Windows WM_DEVICECHANGE is faster


def existing_exports(host: HyperVHost, folder: str) -> list[ExportFolderSummary] | str:
    """Exports already in ``folder``, or the sentence saying why it cannot be used.

    A folder that does not exist yet is fine when its drive is there: start_export creates it
    before Hyper-V exports into it.
    """
    from hvseed_gui.hyperv.host_errors import NotFound

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
            word(exc.message)
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


class MediaPage(DrivePlanMixin, HostPage):
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
                where = folder_path(base, vms[0].name, vms[0].id)
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

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: the drive folder, and other drives' folders."""
        session.destination_path = self.folder()
        session.spread = self.spread_destinations() if self._vms() else {}

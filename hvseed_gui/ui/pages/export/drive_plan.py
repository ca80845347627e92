"""The drive page's plan: which drive takes which VM's copy, the checks per drive and their
verdicts (a mixin of ``MediaPage``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QTableWidgetItem,
)

from hvseed_gui.core.fitness import DrivePlan, plan_drives
from hvseed_gui.core.folder_name import folder_name
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.hyperv.host import ExportFolderSummary
from hvseed_gui.ui.format import shown, size
from hvseed_gui.ui.verdict import DriveCheck, check_drive, finding_title

BITLOCKER_TEXT = {
    BitLockerStatus.ON: QT_TRANSLATE_NOOP("MediaPage", "On"),
    BitLockerStatus.OFF: QT_TRANSLATE_NOOP("MediaPage", "Off — not encrypted"),
    BitLockerStatus.UNKNOWN: QT_TRANSLATE_NOOP("MediaPage", "Unknown"),
}


class DrivePlanMixin:
    """The drive plan and verdict half of ``MediaPage``."""

    def _make_plan(self) -> DrivePlan:
        vms = self._vms()
        inventory = self.ctx.inventory
        selected = self.selected_volume()
        existing = {
            v.mount_point: [e.path for e in self.existing.get(self._destination_on(v).lower(), [])]
            for v in self.volumes
        }
        return plan_drives(  # one drive for all when one can; the chosen one if it can
            [(folder_name(vm.name, vm.id), self._files(vm)) for vm in vms],
            self.volumes,
            vm_storage_paths=tuple(vhd.path for vm in vms for vhd in vm.vhds),
            system_drive=inventory.system_drive if inventory else "C:\\",
            existing_export_folders=existing,
            preferred=selected.mount_point if selected is not None else "",
        )

    def _vm_names(self, folder_names: tuple[str, ...]) -> list[str]:
        by_folder = {folder_name(vm.name, vm.id): vm.name for vm in self._vms()}
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
                vm_folder_name=folder_name(probe.name, probe.id),
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
        by_folder = {folder_name(vm.name, vm.id): vm.id for vm in vms}
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

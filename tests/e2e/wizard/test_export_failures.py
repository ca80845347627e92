"""Branches of the wizard on the lab: replica server not ready, failing test, drive problems,
cancel, and reattaching after the window was closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.core.manifest import verify_manifest
from hvseed_gui.hyperv.host import ExportHandle, JobState, ReplicationState
from hvseed_gui.ui.context import RunningExport
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import UP_TO_MEDIA


def walk(drive, wizard, pages, vm_name: str | None = None) -> None:
    for page_id in pages:
        drive.next(wizard, page_id)
        if page_id == PageId.VM and vm_name:
            wizard.currentPage().select_vm(vm_name)


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_replica_server_not_enabled_is_fixed_from_the_wizard(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, (PageId.CONNECT, PageId.VM, PageId.REPLICA))
    page = wizard.currentPage()
    page.server_edit.setText("hv-c.lab.local")
    wizard.button(QWizard.WizardButton.NextButton).click()
    drive.until(lambda: page.fix_box.isVisible())
    assert wizard.currentId() == PageId.REPLICA
    assert "not enabled as a Replica server" in page.status.text()
    assert "Enable this computer as a Replica server" in page.change_label.text()
    assert "Hyper-V Replica HTTP Listener (TCP-In)" in page.change_label.text()
    assert not page.fix_button.isEnabled()  # nothing changes without consent
    page.consent.setChecked(True)
    page.fix_button.click()
    drive.until(lambda: page.status.kind == "ok")
    config = lab.host("hv-c.lab.local").replica_server_config()
    assert config.replication_enabled
    assert config.firewall_rule_enabled(wizard.build_plan().authentication) is True
    drive.next(wizard, PageId.PARAMS)
    assert wizard.currentPage().port.value() == 80


def test_failing_connection_test_is_shown_on_the_page(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA[:4])
    page = wizard.currentPage()
    page.test_button.click()
    drive.until(lambda: page.status.kind == "ok")
    assert "passed" in page.status.text()

    lab.inject_fault(
        "hv-a", "test_replication_connection", "HostUnreachable", "The replica did not answer."
    )
    page.test_button.click()
    drive.until(lambda: page.status.kind == "error")
    assert "The replica did not answer." in page.status.text()
    assert next_enabled(wizard)  # a failed test informs; it does not block


def test_no_usb_drive_then_plugging_one_in(lab, make_wizard, drive):
    for letter in ("E", "F", "G"):
        lab.unplug("hv-a", letter)
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA)
    page = wizard.currentPage()
    drive.until(lambda: page.loaded)
    assert "No USB drive" in page.status.text()
    assert not next_enabled(wizard)
    lab.plug("SEED-USB", "hv-a", "E")  # the poll finds it without any click
    drive.until(lambda: page.selected_volume() is not None)
    assert page.selected_volume().mount_point == "E:\\"
    drive.until(lambda: next_enabled(wizard))


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_drive_too_small_is_refused(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA, vm_name="SQL01")
    page = wizard.currentPage()
    drive.until(lambda: page.loaded)
    page.select_drive("G:\\")
    assert not page.checks["G:\\"].ok
    assert page.status.kind == "error"
    drive.until(lambda: not next_enabled(wizard))
    page.select_drive("E:\\")
    drive.until(lambda: next_enabled(wizard))


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_fat32_cannot_take_a_large_vhdx(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA, vm_name="DC01")
    page = wizard.currentPage()
    drive.until(lambda: page.loaded)
    page.select_drive("F:\\")
    check = page.checks["F:\\"]
    assert not check.ok and "FAT32" in check.detail
    drive.until(lambda: not next_enabled(wizard))


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_cancel_during_export_asks_once_and_stops_it(
    lab, make_wizard, drive, prompt, settings_path
):
    lab.configure(export_bytes_per_sec=50 * 2**20)  # slow enough to cancel
    prompt.confirms.extend([True])
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA + (PageId.SUMMARY,), vm_name="DC01")
    drive.next(wizard, PageId.PROGRESS)
    page = wizard.currentPage()
    drive.until(lambda: page.cancel_button.isEnabled() and page.state is JobState.RUNNING)
    page.cancel_button.click()
    drive.until(lambda: page.state is JobState.CANCELLED)
    assert len(prompt.asked) == 1
    assert not page.page_complete()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert not settings.value("export/running", False, type=bool)


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_closing_the_window_leaves_the_export_running_and_reopening_reattaches(
    lab, make_wizard, drive, settings_path
):
    lab.configure(export_bytes_per_sec=50 * 2**20)
    wizard = make_wizard()
    # 600 MiB: exports for 12 s at this rate, and hashing it after the reattach takes moments
    walk(drive, wizard, UP_TO_MEDIA + (PageId.SUMMARY,), vm_name="TinyLinux")
    vm = wizard.ctx.vm
    drive.next(wizard, PageId.PROGRESS)
    page = wizard.currentPage()
    drive.until(lambda: page.state is JobState.RUNNING and page.bar.value() > 0)
    wizard.close()
    assert not wizard.isVisible()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert settings.value("export/running", False, type=bool)
    assert settings.value("export/vm_id", "", type=str) == vm.id
    assert "password" not in " ".join(settings.allKeys()).lower()
    # the export went on without us
    saved = RunningExport.load(settings)  # a new process builds the handle from what was saved
    assert saved is not None and saved.items[0].handle.job_id
    job = lab.host("hv-a").export_progress(saved.items[0].handle)
    assert job.state is JobState.RUNNING

    lab.configure(export_bytes_per_sec=200 * 2**30)
    again = make_wizard(demo=False)
    start = again.currentPage()
    assert start.reattach.isVisible() and start.reattach.isChecked()
    assert vm.name in start.reattach.text()
    drive.next(again, PageId.CONNECT)
    assert again.currentPage().lab.isChecked()
    drive.next(again, PageId.PROGRESS)
    progress = again.currentPage()
    drive.until(lambda: progress.page_complete())
    assert progress.state is JobState.COMPLETED
    drive.next(again, PageId.DONE)
    folder = again.ctx.export_folder
    assert lab.real_path("hv-a", folder).is_dir()
    # the reattached wizard hashed the finished export: the manifest names the replica server
    check = verify_manifest(lab.real_path("hv-a", folder))
    assert check.ok, check.to_text()
    assert check.manifest.replica_server == lab.replica_name
    replica = lab.host("hv-b").inventory().vm(vm.id)
    assert replica.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_an_existing_export_of_the_vm_is_never_overwritten(lab, make_wizard, drive):
    vm = lab.host("hv-a").inventory().vm("TinyLinux")
    earlier = lab.real_path("hv-a", "E:\\") / f"{vm.name}_{vm.id}"
    earlier.mkdir()
    (earlier / "keep.txt").write_text("an earlier export")
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA, vm_name="TinyLinux")
    page = wizard.currentPage()
    drive.until(lambda: page.loaded and not page.folder_checker.busy)
    drive.until(lambda: not page.checks["E:\\"].ok)
    assert page.status.kind == "error"
    assert not next_enabled(wizard)
    assert (earlier / "keep.txt").read_text() == "an earlier export"


def test_excluding_the_os_disk_warns_and_excluding_all_blocks(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA[:5], vm_name="SQL01")
    page = wizard.currentPage()
    os_vhd, data_vhd, log_vhd = wizard.ctx.vm.vhds
    page.set_included(log_vhd.path, False)  # SQL01-Log.vhdx: a database log, by its name
    assert page.status.kind == "warning" and "database log" in page.status.text()
    assert next_enabled(wizard)  # a warning, not a gate
    page.set_included(os_vhd.path, False)
    assert page.status.kind == "warning" and "operating-system disk" in page.status.text()
    assert next_enabled(wizard)
    page.set_included(data_vhd.path, False)
    assert page.status.kind == "error" and not next_enabled(wizard)
    page.set_included(data_vhd.path, True)
    assert wizard.build_plan().vms[0].excluded_vhd_paths == (os_vhd.path, log_vhd.path)


def test_network_method_skips_the_drive_and_only_enables_replication(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA[:8], vm_name="TinyLinux")
    wizard.currentPage().network.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)  # no drive page for the network
    assert wizard.build_plan().destination_path == ""
    drive.next(wizard, PageId.PROGRESS)
    page = wizard.currentPage()
    drive.until(lambda: page.page_complete())
    assert "Start Initial Replication" in page.status.text()
    vm = wizard.ctx.vm
    assert lab.host("hv-b").inventory().vm(vm.id) is not None


def test_a_new_folder_on_the_drive_is_created_by_the_export(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA, vm_name="TinyLinux")
    page = wizard.currentPage()
    drive.until(lambda: page.loaded and not page.folder_checker.busy)
    page.folder_edit.setText("E:\\HyperV-Seed\\2026")
    drive.until(lambda: next_enabled(wizard) and not page.folder_checker.busy)
    assert page.status.kind != "error"
    page.folder_edit.setText("Q:\\Seed")  # a drive Host A does not have
    drive.until(lambda: not next_enabled(wizard))
    for page_id in (PageId.SUMMARY, PageId.PROGRESS):
        if page_id == PageId.SUMMARY:
            page.folder_edit.setText("E:\\HyperV-Seed\\2026")
        drive.next(wizard, page_id)
    vm = lab.host("hv-a").inventory().vm("TinyLinux")
    folder = lab.real_path("hv-a", f"E:\\HyperV-Seed\\2026\\{vm.name}_{vm.id}")
    drive.until(lambda: folder.is_dir(), timeout=20_000)


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_reattaching_after_hyperv_dropped_the_finished_job_still_completes(
    lab, make_wizard, drive, settings_path
):
    """Hyper-V forgets finished jobs; the reopened wizard must judge the export by the folder
    it remembered, neither hanging on "running" nor trusting the state alone."""
    lab.configure(export_bytes_per_sec=50 * 2**20, job_removal_seconds=0)
    wizard = make_wizard()
    walk(drive, wizard, UP_TO_MEDIA + (PageId.SUMMARY,), vm_name="TinyLinux")
    vm = wizard.ctx.vm
    drive.next(wizard, PageId.PROGRESS)
    page = wizard.currentPage()
    drive.until(lambda: page.state is JobState.RUNNING and page.bar.value() > 0)
    wizard.close()
    lab.configure(export_bytes_per_sec=200 * 2**30)
    # The export ends while no wizard watches, and Hyper-V drops its job record.

    def job_dropped() -> bool:
        lab.host("hv-a").export_progress(ExportHandle(vm.ref, ""))  # lets the lab's time move on
        return not any("export" in key and vm.id in key for key in lab.dump()["jobs"])

    drive.until(job_dropped)
    again = make_wizard(demo=False)
    drive.next(again, PageId.CONNECT)
    drive.next(again, PageId.PROGRESS)
    progress = again.currentPage()
    drive.until(lambda: progress.page_complete(), timeout=20_000)
    assert progress.state is JobState.COMPLETED

"""The import side on the lab: export on hv-a, courier to hv-b, then the wizard to Replicating."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from hvseed_gui.core.manifest import (
    Manifest,
    ManifestFile,
    list_files,
    save_manifest,
)
from hvseed_gui.hyperv.host import ReplicationHealth, ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import (
    FAST,
    GiB,
    consent,
    courier,
    export_on_primary,
    folder_state,
    replica_state,
    row,
    walk_to_check,
    walk_to_folder,
)


def commit_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_import_to_replicating_normal_then_test_failover(
    lab, make_wizard, drive, prompt, tmp_path, settings_path
):
    lab.configure(import_bytes_per_sec=FAST, delta_bytes_per_sec=64 * 2**20)
    vm, folder = export_on_primary(lab, "TinyLinux")  # with its manifest
    courier(lab)
    real = lab.real_path("hv-b", folder)
    before = folder_state(real)
    wizard = make_wizard()

    page = walk_to_folder(drive, wizard, "TinyLinux")
    assert page.path_edit.text() == folder  # the chosen VM's folder is preselected
    vm_page = wizard.page_of(PageId.IMPORT_VM)
    assert wizard.imp.vm.id == vm.id
    assert vm.id in wizard.imp.deltas  # deltas received meanwhile were read

    drive.next(wizard, PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    drive.until(lambda: check.checked and not check.hasher.busy and not check.runner.busy)
    verdicts = {r[0]: r[4] for r in check.rows()}
    assert verdicts["VM ID"] == "ok"
    assert verdicts["Integrity (manifest)"] == "ok", row(check, "Integrity (manifest)")
    assert "error" not in verdicts.values()
    assert row(check, "VM ID")[1:4] == (vm.id, vm.id, vm.id)
    assert check.isCommitPage() and commit_enabled(wizard)

    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.page_complete())
    assert "merged" in run.step_deltas.text()
    status = lab.host("hv-b").replication_status(vm.ref)
    assert (status.state, status.health) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    assert status.replica_delta_files == ()
    assert folder_state(real) == before  # the copy on the drive is untouched
    assert not QSettings(str(settings_path), QSettings.Format.IniFormat).value(
        "import/running", False, type=bool
    )

    drive.next(wizard, PageId.IMPORT_FAILOVER)
    failover = wizard.currentPage()
    assert "isolated network" in failover.reminder.text()
    failover.start_button.click()
    drive.until(lambda: bool(failover.test_vm) and not failover.runner.busy)
    assert lab.host("hv-b").inventory().vm("TinyLinux - Test") is not None
    assert failover.stop_button.isEnabled() and not failover.start_button.isEnabled()
    failover.stop_button.click()
    drive.until(lambda: not failover.test_vm and not failover.runner.busy)
    assert lab.host("hv-b").inventory().vm("TinyLinux - Test") is None
    assert failover.log.count() == 2

    drive.next(wizard, PageId.IMPORT_DONE)
    done = wizard.currentPage()
    drive.idle(done)
    assert done.state.text() == "Replicating"
    assert done.health.text().startswith("Normal")
    assert done.last.text().startswith("None yet")  # the first cycle runs after the import
    text = done.report.toPlainText()
    assert vm.id in text and "Replicating" in text and "Test failover" in text
    done.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    target = tmp_path / "report.txt"
    prompt.paths.append(str(target))
    done.save_button.click()
    assert target.read_text(encoding="utf-8") == text
    assert vm_page.selected_vm().id == vm.id


def test_folder_of_another_vm_leaves_import_disabled_and_the_replica_waiting(
    lab, make_wizard, drive
):
    tiny, _ = export_on_primary(lab, "TinyLinux")
    legacy, legacy_folder = export_on_primary(lab, "LegacyApp")  # both with their manifests
    courier(lab)
    real = lab.real_path("hv-b", legacy_folder)
    before = folder_state(real)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, "TinyLinux", legacy_folder)
    vm_id = row(check, "VM ID")
    assert vm_id[1] == legacy.id and vm_id[3] == tiny.id and vm_id[4] == "error"
    assert not check.isComplete() and not commit_enabled(wizard)
    assert "Import is not possible" in check.status.text()
    assert "Choose this VM's folder" in check.status.text()
    assert replica_state(lab, tiny.id) is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert folder_state(real) == before

    # the wizard stays usable: back, pick the right folder, and the check passes
    wizard.back()
    folder_page = wizard.currentPage()
    assert wizard.currentId() == PageId.IMPORT_FOLDER
    folder_page.path_edit.setText(
        legacy_folder.replace("LegacyApp", "TinyLinux").replace(legacy.id, tiny.id)
    )
    drive.next(wizard, PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    assert check.isComplete(), check.rows()


def test_several_folders_on_one_drive_the_chosen_vm_is_preselected(lab, make_wizard, drive):
    export_on_primary(lab, "LegacyApp")
    tiny, tiny_folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    page = walk_to_folder(drive, wizard, "TinyLinux")
    assert page.table.rowCount() >= 2
    assert page.path_edit.text() == tiny_folder
    texts = [page.table.item(r, 4).text() for r in range(page.table.rowCount())]
    assert any(t.startswith("No: another VM") for t in texts)


def test_other_vms_are_greyed_with_the_reason(lab, make_wizard, drive):
    export_on_primary(lab, "TinyLinux")
    wizard = make_wizard()
    wizard.page_of(PageId.START).import_.setChecked(True)
    drive.next(wizard, PageId.IMPORT_CONNECT)
    connect = wizard.currentPage()
    assert connect.lab.isChecked() and connect.lab_host_edit.text() == lab.replica_name
    drive.next(wizard, PageId.IMPORT_VM)
    page = wizard.currentPage()
    drive.idle(page)
    page.select_vm("EXCH01")  # already replicating on hv-b
    assert not page.isComplete()
    assert "Already imported" in page.status.text()
    page.select_vm("TinyLinux")
    assert page.isComplete()


def test_closed_window_reattaches_to_the_running_import(lab, make_wizard, drive, settings_path):
    lab.configure(import_bytes_per_sec=1 * 2**20)  # slow: still running when the window closes
    vm, folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.phase == "import")
    wizard.reject()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert settings.value("import/running", False, type=bool)
    assert settings.value("import/vm_id", "", type=str) == vm.id

    lab.configure(import_bytes_per_sec=FAST)
    again = make_wizard()
    start = again.page_of(PageId.START)
    assert start.import_.isChecked()
    assert "imported TinyLinux" in start.import_help.text()
    drive.next(again, PageId.IMPORT_CONNECT)
    connect = again.currentPage()
    assert connect.follow.isChecked() and "TinyLinux" in connect.follow.text()
    drive.next(again, PageId.IMPORT_RUN)
    run = again.currentPage()
    drive.until(lambda: run.page_complete())
    assert replica_state(lab, vm.id) is ReplicationState.REPLICATING
    fresh = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert not fresh.value("import/running", False, type=bool)


def test_done_page_import_button_switches_to_the_import_side(make_wizard, drive, lab):
    wizard = make_wizard()
    drive.until(lambda: wizard.pages_ready)
    wizard.importRequested.emit()
    assert wizard.currentId() == PageId.IMPORT_CONNECT
    assert wizard.page_of(PageId.START).import_.isChecked()


@pytest.mark.realistic_disks  # hashing must take long enough to be stopped or watched
def test_stopped_verification_needs_the_consent_and_the_report_says_so(lab, make_wizard, drive):
    lab.configure(import_bytes_per_sec=FAST)
    vm, folder = export_on_primary(lab, "DC01", manifest=False)  # 9.5 GiB: hashing takes a while
    real = lab.real_path("hv-a", folder)
    files = tuple(  # sizes are real; the hashes need not be: the check is stopped first
        ManifestFile(e.path, e.size, "0" * 64) for e in list_files(real)
    )
    save_manifest(
        Manifest(real.name, vm.name, vm.id, "hv-a", "hv-b", datetime.now(timezone.utc), "t", files),
        real,
    )
    courier(lab)
    wizard = make_wizard()
    page = walk_to_folder(drive, wizard, "DC01")
    drive.next(wizard, PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    drive.until(lambda: check.hasher.busy and check.hash_bar.value() > 0)
    assert not commit_enabled(wizard)  # not while hashing
    assert "Verifying:" in check.hash_label.text() and "left" in check.hash_label.text()
    check.hash_cancel.click()
    drive.until(lambda: not check.hasher.busy)
    verdict = row(check, "Integrity (manifest)")
    assert verdict[4] == "error" and "stopped before every file was checked" in verdict[5]
    assert not commit_enabled(wizard)  # stopping is no licence to import: it needs a decision
    assert "Import only if you decide so" in check.status.text()
    text = consent(check)
    assert "stopped before the end" in text  # names what was not checked
    assert row(check, "Integrity (manifest)")[4] == "warning"
    assert commit_enabled(wizard)
    check.consent.click()  # changed their mind: Import is off again
    assert not commit_enabled(wizard)
    consent(check)
    assert page is wizard.page_of(PageId.IMPORT_FOLDER)
    assert vm.initial_copy_size() > 9 * GiB

    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.page_complete(), timeout=30_000)
    assert replica_state(lab, vm.id) is ReplicationState.REPLICATING
    drive.next(wizard, PageId.IMPORT_FAILOVER)
    drive.next(wizard, PageId.IMPORT_DONE)
    done = wizard.currentPage()
    drive.idle(done)
    assert "without a full verification" in done.integrity.text()
    report = done.report.toPlainText()
    assert "imported without a full verification: The verification against the manifest " in (
        report
    ), report
    assert "verified against the manifest" not in report


def test_browsing_maps_a_lab_directory_to_the_hosts_path(lab, make_wizard, drive, prompt):
    vm, folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    page = walk_to_folder(drive, wizard, "TinyLinux")
    page.path_edit.setText("")
    prompt.paths.append(str(lab.real_path("hv-b", folder)))
    page.browse.click()
    assert page.path_edit.text() == folder
    assert prompt.asked[-1][1] == str(lab.real_path("hv-b", "E:\\"))  # starts at the drive


def test_a_remote_host_is_verified_there_not_here(lab, make_wizard, drive):
    from hvseed_gui.ui.pages.importing.import_page import folder_on_this_computer

    vm, folder = export_on_primary(lab, "TinyLinux", manifest=False)
    courier(lab)
    wizard = make_wizard()
    walk_to_folder(drive, wizard, "TinyLinux")
    imp = wizard.imp
    assert folder_on_this_computer(imp, folder) == lab.real_path("hv-b", folder)
    lab.configure(drives_remote=True)  # the lab plays a remote host: its drive is not here
    assert folder_on_this_computer(imp, folder) is None
    drive.next(wizard, PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    verdict = row(check, "Integrity (manifest)")
    # read on the host (more in test_import_remote_verify.py): this export has no manifest
    assert verdict[4] == "error" and "no manifest beside" in verdict[5], verdict
    assert not commit_enabled(wizard)  # without a manifest, only an explicit decision
    assert "no manifest" in consent(check)
    assert commit_enabled(wizard)


def test_the_lab_courier_brings_a_drive_and_a_copy_in_a_subfolder_is_found(lab, make_wizard, drive):
    vm, folder = export_on_primary(lab, "TinyLinux", destination="E:\\HyperV-Seed")
    assert folder == f"E:\\HyperV-Seed\\{vm.name}_{vm.id}"
    wizard = make_wizard()
    page = walk_to_folder(drive, wizard, "TinyLinux")
    assert page.courier.isVisible()  # lab only
    assert page.path_edit.text() == ""  # the drive is still at hv-a
    page.courier.click()
    drive.until(lambda: page.path_edit.text() == folder)  # found one level below the root
    assert lab.host("hv-b").usb_volumes()[0].label == "SEED-USB"

"""Every copy on a drive through the wizard: two VMs exported by ``hvseed run`` with a two-VM
plan, the drive moved to hv-b, then the folder page's "Import every copy on this drive"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from hvseed_gui.flows.import_all import Outcome
from hvseed_gui.hyperv.host import ReplicationHealth, ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.cli import TWO, hvseed
from tests.support.cli import ship_two as ship_two_with_hvseed
from tests.support.import_side import FAST, folder_state, remove_manifest, walk_to_folder

LONG_MS = 60_000


def ship_two(lab, lab_dir: Path, tmp_path: Path) -> list:
    """The two VMs exported at the fast rates and shipped to hv-b, as ``hvseed import --all``'s
    tests do."""
    lab.configure(import_bytes_per_sec=FAST, hash_bytes_per_sec=FAST, export_bytes_per_sec=FAST)
    return ship_two_with_hvseed(lab_dir, tmp_path)


def state(lab, vm) -> tuple[ReplicationState, ReplicationHealth]:
    status = lab.host("hv-b").replication_status(vm.ref)
    return status.state, status.health


def walk_to_many(drive, wizard):
    """… Find the copy → tick "every copy on this drive" → the table, read."""
    folder_page = walk_to_folder(drive, wizard, "TinyLinux")
    assert folder_page.all_box.isVisible(), "two folders on the drive: the batch is offered"
    folder_page.all_box.setChecked(True)
    assert folder_page.batch_path() == "E:\\"
    drive.next(wizard, PageId.IMPORT_MANY)
    page = wizard.currentPage()
    drive.until(lambda: page.loaded and not page.runner.busy)
    return page


def run_batch(drive, wizard):
    drive.next(wizard, PageId.IMPORT_MANY_RUN)
    run = wizard.currentPage()
    run.settle_seconds = 30.0
    drive.until(lambda: run.page_complete(), timeout=LONG_MS)
    return run


def gate_column(page) -> dict[str, str]:
    return {page.items[r].name: page.table.item(r, 4).text() for r in range(len(page.items))}


def test_two_vms_on_one_drive_both_end_replicating_normal(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    wizard = make_wizard()

    page = walk_to_many(drive, wizard)
    names = {i.name: i for i in page.items}
    assert set(TWO) <= set(names)
    for vm in (tiny, legacy):  # matched by VM ID, beside the folder named after it
        item = names[vm.name]
        assert item.replica.id == vm.id and item.folder.vm_id.upper() == vm.id.upper()
        assert item.importable
    assert {i.name for i in page.ticked()} == set(TWO)  # all that pass, by default
    for name in TWO:
        assert "Passes" in gate_column(page)[name]
    assert state(lab, tiny)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION  # nothing yet

    run = run_batch(drive, wizard)
    assert {i.name: i.outcome for i in run.items} == dict.fromkeys(TWO, Outcome.IMPORTED)
    for vm in (tiny, legacy):
        assert state(lab, vm) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    for row in range(run.table.rowCount()):
        assert "Replicating / Normal" in run.table.item(row, 3).text()
        assert run.bars[row].value() == 1000
    assert run.status.kind == "ok"

    drive.next(wizard, PageId.IMPORT_FAILOVER)
    failover = wizard.currentPage()
    assert failover.picker.isVisible() and failover.picker.count() == 2
    failover.picker.setCurrentIndex(failover.picker.findText("LegacyApp"))
    assert wizard.imp.run.vm.id == legacy.id
    failover.start_button.click()
    drive.until(lambda: bool(failover.test_vm) and not failover.runner.busy)
    assert lab.host("hv-b").inventory().vm("LegacyApp - Test") is not None
    assert not failover.picker.isEnabled()  # one test VM at a time
    failover.stop_button.click()
    drive.until(lambda: not failover.test_vm and not failover.runner.busy)

    drive.next(wizard, PageId.IMPORT_DONE)
    done = wizard.currentPage()
    drive.idle(done)
    report = done.report.toPlainText()
    for vm in (tiny, legacy):
        assert f"{vm.name}: imported" in report and vm.id in report
    assert report.count("Replicating / Normal") == 2
    assert "LegacyApp - Test" in report  # the test failover is in the report


def test_a_damaged_folder_is_refused_by_name_and_the_other_imports(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    folder = lab.real_path("hv-b", f"E:\\HyperV-Seed\\{tiny.name}_{tiny.id}")
    disk = next((folder / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(11)
        handle.write(b"#")
    before = folder_state(folder)
    wizard = make_wizard()

    page = walk_to_many(drive, wizard)
    assert {i.name for i in page.ticked()} == set(TWO)  # the gate without hashing passes both
    run = run_batch(drive, wizard)

    outcomes = {i.name: i for i in run.items}
    assert outcomes[legacy.name].outcome is Outcome.IMPORTED
    refused = outcomes[tiny.name]
    assert refused.outcome is Outcome.REFUSED and not refused.consentable
    row = run.rows[tiny.id.upper()]
    result = run.table.item(row, 3).text()
    assert "refused" in result and disk.name in result
    assert tiny.name in run.status.text() and disk.name in run.details.text()
    assert not run.consent.isVisible()  # a failed check is never a choice
    assert state(lab, tiny)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert state(lab, legacy) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    assert folder_state(folder) == before  # the damaged copy is untouched

    drive.next(wizard, PageId.IMPORT_FAILOVER)
    failover = wizard.currentPage()
    assert [failover.picker.itemText(i) for i in range(failover.picker.count())] == [legacy.name]
    drive.next(wizard, PageId.IMPORT_DONE)
    done = wizard.currentPage()
    drive.idle(done)
    report = done.report.toPlainText()
    assert f"{tiny.name}: refused" in report and disk.name in report
    assert f"{legacy.name}: imported" in report


def test_running_again_resumes_with_the_vms_not_yet_imported(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    code, out, err = hvseed(
        "--host", "hv-b", "import", "--vm", tiny.name, f"E:\\HyperV-Seed\\{tiny.name}_{tiny.id}",
        lab=lab_dir,
    )  # fmt: skip
    assert code == 0, out + err  # as if the first run was interrupted after TinyLinux
    wizard = make_wizard()

    folder_page = walk_to_folder(drive, wizard, "LegacyApp")
    folder_page.all_box.setChecked(True)
    drive.next(wizard, PageId.IMPORT_MANY)
    page = wizard.currentPage()
    drive.until(lambda: page.loaded and not page.runner.busy)
    items = {i.name: i for i in page.items}
    assert items[tiny.name].outcome is Outcome.ALREADY
    row = page.items.index(items[tiny.name])
    assert not page.table.item(row, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable  # greyed
    assert "already imported" in page.table.item(row, 4).text()
    assert [i.name for i in page.ticked()] == [legacy.name]

    run = run_batch(drive, wizard)
    assert [i.name for i in run.items] == [legacy.name]
    assert state(lab, legacy) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)


def test_a_vm_unticked_or_cancelled_is_not_imported(lab, lab_dir, make_wizard, drive, tmp_path):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    wizard = make_wizard()
    page = walk_to_many(drive, wizard)
    page.set_ticked(tiny.name, False)
    assert [i.name for i in page.ticked()] == [legacy.name]
    page.set_ticked(legacy.name, False)
    assert not page.isComplete()  # nothing ticked: Import stays disabled
    page.set_ticked(legacy.name, True)

    run = run_batch(drive, wizard)
    assert state(lab, tiny)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert state(lab, legacy) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    done_report = run.items
    assert [i.name for i in done_report] == [legacy.name]


def test_a_copy_without_manifest_is_refused_until_a_consent_names_it(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    remove_manifest(lab.real_path("hv-b", f"E:\\HyperV-Seed\\{tiny.name}_{tiny.id}"))
    wizard = make_wizard()
    walk_to_many(drive, wizard)
    run = run_batch(drive, wizard)

    refused = next(i for i in run.items if i.name == tiny.name)
    assert refused.outcome is Outcome.REFUSED and refused.consentable
    assert state(lab, tiny)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert state(lab, legacy) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)
    assert run.consent.isVisible() and not run.consent.isChecked()
    assert tiny.name in run.consent.text() and legacy.name not in run.consent.text()
    assert not run.again_button.isEnabled()  # no import without the explicit decision

    run.consent.click()
    run.again_button.click()
    drive.until(lambda: run.page_complete(), timeout=LONG_MS)
    assert refused.outcome is Outcome.IMPORTED
    assert refused.run.integrity.consent and not refused.run.integrity.verified
    assert state(lab, tiny) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)


def test_cancel_stops_one_vm_and_the_others_go_on(lab, lab_dir, make_wizard, drive, tmp_path):
    ship_two(lab, lab_dir, tmp_path)
    lab.configure(import_bytes_per_sec=64 * 2**20)  # the first import takes a while
    wizard = make_wizard()
    walk_to_many(drive, wizard)
    drive.next(wizard, PageId.IMPORT_MANY_RUN)
    run = wizard.currentPage()
    run.settle_seconds = 30.0
    first, second = run.items
    drive.until(lambda: not run.cancels[0].isEnabled(), timeout=LONG_MS)  # Hyper-V imports it
    assert run.cancels[1].isEnabled()
    run.cancels[1].click()  # the second, before its turn
    lab.configure(import_bytes_per_sec=FAST)
    drive.until(lambda: run.page_complete(), timeout=LONG_MS)

    assert first.outcome is Outcome.IMPORTED
    assert second.outcome is Outcome.STOPPED
    assert state(lab, second.replica)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    assert "stopped" in run.table.item(1, 3).text()


def test_a_window_closed_mid_import_resumes_with_the_vms_not_yet_imported(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    ship_two(lab, lab_dir, tmp_path)
    lab.configure(import_bytes_per_sec=64 * 2**20)  # the first import takes a while
    wizard = make_wizard()
    walk_to_many(drive, wizard)
    drive.next(wizard, PageId.IMPORT_MANY_RUN)
    run = wizard.currentPage()
    first, second = run.items
    drive.until(lambda: not run.cancels[0].isEnabled(), timeout=LONG_MS)  # Hyper-V imports it
    wizard.reject()  # the window closes: following stops, Hyper-V's job goes on
    drive.until(lambda: not run.worker.busy, timeout=LONG_MS)
    assert second.outcome is Outcome.STOPPED  # never started
    assert state(lab, second.replica)[0] is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
    lab.configure(import_bytes_per_sec=FAST)

    again = make_wizard()
    page = walk_to_many(drive, again)
    assert second.name in {i.name for i in page.ticked()}
    rerun = run_batch(drive, again)
    assert all(i.outcome is Outcome.IMPORTED for i in rerun.items), [
        (i.name, i.outcome, i.message) for i in rerun.items
    ]
    for item in (first, second):
        assert state(lab, item.replica) == (ReplicationState.REPLICATING, ReplicationHealth.NORMAL)


def test_the_vm_page_offers_every_copy_without_choosing_one_vm(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    ship_two(lab, lab_dir, tmp_path)
    wizard = make_wizard()
    wizard.page_of(PageId.START).import_.setChecked(True)
    drive.next(wizard, PageId.IMPORT_CONNECT)
    drive.next(wizard, PageId.IMPORT_VM)
    vm_page = wizard.currentPage()
    drive.idle(vm_page)
    assert vm_page.many_box.isVisible()  # two replica VMs wait
    vm_page.table.clearSelection()
    assert not vm_page.isComplete()
    vm_page.many_box.setChecked(True)
    drive.next(wizard, PageId.IMPORT_FOLDER)
    folder_page = wizard.currentPage()
    drive.until(lambda: folder_page.loaded)
    assert folder_page.all_box.isChecked() and "every export folder" in folder_page.subTitle()
    drive.next(wizard, PageId.IMPORT_MANY)
    page = wizard.currentPage()
    drive.until(lambda: page.loaded and not page.runner.busy)
    assert {i.name for i in page.ticked()} == set(TWO)

    wizard.back()  # and back: unticked, the single import goes to the check as before
    folder_page.all_box.setChecked(False)
    assert not wizard.imp.want_batch
    folder_page.path_edit.setText(page.items[0].folder.path)
    drive.next(wizard, PageId.IMPORT_CHECK)


def test_rows_without_a_match_are_greyed_with_the_reason_never_matched_by_name(
    lab, lab_dir, make_wizard, drive, tmp_path
):
    tiny, legacy = ship_two(lab, lab_dir, tmp_path)
    seed = lab.real_path("hv-b", "E:\\HyperV-Seed")
    stranger = "0BADF00D-0000-4000-8000-000000000001"
    (seed / f"{tiny.name}_{tiny.id}").rename(seed / f"{tiny.name}_{stranger}")
    wizard = make_wizard()
    page = walk_to_many(drive, wizard)

    rows = {(i.outcome, i.name) for i in page.items}
    assert (Outcome.NO_REPLICA, tiny.name) in rows  # the folder: named TinyLinux, other ID
    assert (Outcome.NO_FOLDER, tiny.name) in rows  # the replica VM TinyLinux: no folder
    assert [i.name for i in page.ticked()] == [legacy.name]
    for row, item in enumerate(page.items):
        name_cell, gate = page.table.item(row, 0), page.table.item(row, 4).text()
        if item.outcome is Outcome.NO_REPLICA:
            assert stranger in gate and "no replica VM" in gate
        if item.outcome is Outcome.NO_FOLDER:
            assert "no folder" in gate and item.folder is None
        if not item.importable:
            assert not name_cell.flags() & Qt.ItemFlag.ItemIsUserCheckable
            assert name_cell.foreground().color() == Qt.GlobalColor.darkGray

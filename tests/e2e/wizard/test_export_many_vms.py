"""Several VMs in one run on the lab: planned over the drives, exported together, all on Done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.hyperv.host import JobState, ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import BEFORE_VM, to_media


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_vm_page_ticks_several_and_refuses_none(lab, make_wizard, drive):
    wizard = make_wizard()
    for page_id in BEFORE_VM:
        drive.next(wizard, page_id)
    page = wizard.currentPage()
    page.select_vms(["DC01", "TinyLinux"])
    assert [vm.name for vm in page.selected_vms()] == ["DC01", "TinyLinux"]
    assert "2 VMs" in page.status.text()
    page.set_vm_checked("EXCH01", True)  # already replicating: no tick box at all
    assert [vm.name for vm in page.selected_vms()] == ["DC01", "TinyLinux"]
    page.set_vm_checked("DC01", False)
    page.set_vm_checked("TinyLinux", False)
    assert not next_enabled(wizard)
    page.set_vm_checked("TinyLinux", True)
    drive.next(wizard, PageId.REPLICA)
    assert [vm.name for vm in wizard.ctx.vms] == ["TinyLinux"]


def test_disks_per_vm_each_vm_keeps_one(lab, make_wizard, drive):
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "SQL01"], until=PageId.VHDS)
    assert page.tree.topLevelItemCount() == 2
    sql = wizard.ctx.inventory.vm("SQL01")
    dc = wizard.ctx.inventory.vm("DC01")
    page.set_included(sql.vhds[0].path, False)  # SQL01's OS disk
    assert page.status.kind == "warning" and "SQL01" in page.status.text()
    assert next_enabled(wizard)
    page.set_included(dc.vhds[0].path, False)  # DC01's only disk
    assert page.status.kind == "error" and "DC01" in page.status.text()
    assert not next_enabled(wizard)
    page.set_included(dc.vhds[0].path, True)
    plan = wizard.build_plan()
    by_name = {vm.name: vm for vm in plan.vms}
    assert by_name["SQL01"].excluded_vhd_paths == (sql.vhds[0].path,)
    assert by_name["DC01"].excluded_vhd_paths == ()
    drive.next(wizard, PageId.FREQUENCY)
    drive.next(wizard, PageId.RECOVERY)
    drive.next(wizard, PageId.METHOD)
    expected = sql.initial_copy_size((sql.vhds[0].path,)) + dc.initial_copy_size()
    from hvseed_gui.ui.format import size

    assert size(expected) in wizard.currentPage().size_label.text()


@pytest.mark.realistic_disks  # DC01's 9.5 GiB disk is what the FAT32 stick cannot hold
def test_one_drive_that_takes_every_copy_is_used_even_when_the_stick_is_chosen(
    lab, make_wizard, drive
):
    """Choosing the FAT32 stick F: used to spread the copies over E: and F:; E: (BitLocker,
    1.8 TiB) takes all three, so everything goes there and no consent box is asked for."""
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "LegacyApp", "TinyLinux"])
    drive.until(lambda: page.loaded and page.plan is not None)
    page.select_drive("F:\\")
    drive.until(lambda: page.plan is not None and page.plan.ok)
    destinations = {wizard.ctx.inventory.vm(i).name: d for i, d in page.destinations().items()}
    assert set(destinations.values()) == {"E:\\"}, destinations
    assert not page.plan.spread and not page.accept_plan.isVisible()
    assert next_enabled(wizard)


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_three_vms_spread_over_two_drives_export_together(
    lab, make_wizard, drive, settings_path, prompt, tmp_path
):
    lab.unplug("hv-a", "E")  # the FAT32 stick and the 16 GB exFAT stick: neither takes all
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "LegacyApp", "TinyLinux"])
    drive.until(lambda: page.loaded and page.plan is not None)
    page.select_drive("F:\\")  # the FAT32 stick: DC01's 9.5 GiB disk cannot go there
    drive.until(lambda: page.plan is not None and page.plan.ok)
    assert page.plan.spread
    destinations = {wizard.ctx.inventory.vm(i).name: d for i, d in page.destinations().items()}
    assert destinations == {"DC01": "G:\\", "LegacyApp": "F:\\", "TinyLinux": "F:\\"}
    assert "DC01" in page.plan_label.text() and "left" in page.plan_label.text()
    assert "No single drive takes every copy" in page.plan_label.text()  # why it is spread
    assert "Files too large for FAT32" in page.plan_label.text()  # F: alone cannot take DC01
    assert page.accept_plan.isVisible()
    assert not next_enabled(wizard)  # the admin accepts the spreading first
    page.accept_plan.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)

    summary = wizard.currentPage()
    plan = wizard.build_plan()
    assert plan.validate() == []
    assert {vm.name: vm.destination(plan.destination_path) for vm in plan.vms} == destinations
    texts = [summary.form.itemAt(i).widget().text() for i in range(summary.form.count())]
    assert any("DC01_" in t and "TinyLinux_" in t for t in texts)  # every export folder
    assert summary.status.kind == "warning" and "Not encrypted: F:\\" in summary.status.text()
    assert "G:\\" in summary.status.text()

    drive.next(wizard, PageId.PROGRESS)  # the warning does not block
    progress = wizard.currentPage()
    assert len(progress.rows) == 3 and progress.rows_box.isVisible()
    # after the exports the manifests are hashed, DC01's 9.5 GiB first: cancelled here (the
    # manifests themselves are tested with small VMs in test_export_manifest.py)
    drive.until(lambda: progress.hasher.busy and progress.hasher.current.vm.name == "DC01")
    assert progress.state is JobState.COMPLETED and not progress.page_complete()
    assert [r.step.text() for r in progress.rows][0] == "hashing…"
    progress.hashing_box.cancel_button.click()
    drive.until(lambda: progress.page_complete())
    assert progress.bar.value() == 1000
    assert not QSettings(str(settings_path), QSettings.Format.IniFormat).value(
        "export/running", False, type=bool
    )
    drive.next(wizard, PageId.DONE)
    done = wizard.currentPage()
    drive.until(lambda: len(done.listings) == 3)
    assert len(wizard.ctx.export_folders) == 3
    for folder in wizard.ctx.export_folders:
        assert lab.real_path("hv-a", folder).is_dir()
    # one handover report per drive, beside its folders; the PDF covers every VM
    box = done.handover
    drive.until(lambda: len(box.reports) == 2 and not box.runner.busy)
    for mount, names in (("G:\\", ["DC01"]), ("F:\\", ["LegacyApp", "TinyLinux"])):
        texts = list(lab.real_path("hv-a", mount).glob("HANDOVER-*.txt"))
        assert len(texts) == 1 and texts[0].name in box.note.text()
        text = texts[0].read_bytes().decode("utf-8-sig")
        assert all(name in text for name in names)
        assert "NOT ENCRYPTED" in text
    assert "F:\\: NOT ENCRYPTED" in box.note.text() and box.note.kind == "warning"
    assert "hashing was cancelled" in done.hashing_box.result.text()
    pdf = tmp_path / "all.pdf"
    prompt.paths.append(str(pdf))
    box.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF-") and "all.pdf" in box.note.text()
    assert all(n in prompt.asked[-1][1] for n in ("DC01", "LegacyApp", "TinyLinux"))
    replica = lab.host("hv-b").inventory()
    for name in destinations:
        vm = wizard.ctx.inventory.vm(name)
        waiting = replica.vm(vm.id).replication_state
        assert waiting is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def _folders(wizard):
    return [f"{vm.name}_{vm.id}" for vm in wizard.ctx.vms]


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_an_unplaceable_vm_blocks_with_the_reason(lab, make_wizard, drive):
    lab.unplug("hv-a", "E")  # only the FAT32 and exFAT sticks remain
    wizard = make_wizard()
    page = to_media(drive, wizard, ["SQL01", "TinyLinux"])
    drive.until(lambda: page.loaded and page.plan is not None)
    assert not page.plan.ok
    assert page.status.kind == "error" and "SQL01" in page.status.text()
    assert not page.accept_plan.isEnabled() and not next_enabled(wizard)


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_cancel_stops_every_export_after_one_question(lab, make_wizard, drive, prompt):
    lab.configure(export_bytes_per_sec=50 * 2**20)
    prompt.confirms.extend([True])
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "TinyLinux"])
    drive.until(lambda: page.plan is not None and page.plan.ok)
    page.accept_plan.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    drive.until(
        lambda: (
            progress.cancel_button.isEnabled()
            and all(r.state is JobState.RUNNING for r in progress.rows)
        )
    )
    progress.cancel_button.click()
    drive.until(lambda: all(r.state is JobState.CANCELLED for r in progress.rows))
    assert len(prompt.asked) == 1 and "DC01" in prompt.asked[0][1]
    assert progress.state is JobState.CANCELLED and not progress.page_complete()


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_closing_during_two_exports_reattaches_to_both(lab, make_wizard, drive, settings_path):
    lab.configure(export_bytes_per_sec=50 * 2**20)
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "TinyLinux"])
    drive.until(lambda: page.plan is not None and page.plan.ok)
    page.accept_plan.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    drive.until(lambda: all(r.state is JobState.RUNNING for r in progress.rows))
    wizard.close()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert "TinyLinux" in settings.value("export/more", "", type=str)

    lab.configure(export_bytes_per_sec=200 * 2**30)
    again = make_wizard(demo=False)
    start = again.currentPage()
    assert "DC01" in start.reattach.text() and "TinyLinux" in start.reattach.text()
    drive.next(again, PageId.CONNECT)
    drive.next(again, PageId.PROGRESS)
    watched = again.currentPage()
    assert [r.vm.name for r in watched.rows] == ["DC01", "TinyLinux"]
    # once the reattached exports finish, their manifests are hashed (cancelled here: 9.5 GiB)
    drive.until(lambda: watched.hasher.busy)
    assert [j.vm.name for j in watched.hasher.jobs] == ["DC01", "TinyLinux"]
    watched.hashing_box.cancel_button.click()
    drive.until(lambda: watched.page_complete())
    assert len(again.ctx.export_folders) == 2

"""The VM page on the light inventory: the ticked VMs' disks are read when the page is left,
the filter keeps the ticks, and the summary's total is right."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hvseed_gui.ui.format import size
from hvseed_gui.ui.ids import PageId


def test_a_ticked_vms_sizes_arrive_when_the_page_is_left(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    drive.next(wizard, PageId.VM)
    page = wizard.currentPage()
    assert wizard.ctx.inventory is not None
    assert not any(vm.details_known for vm in wizard.ctx.inventory.vms if vm.vhds)
    page.select_vm("TinyLinux")
    row = next(
        r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "TinyLinux"
    )
    assert "disk" in page.table.item(row, 2).text()  # not read yet

    drive.next(wizard, PageId.REPLICA)

    vm = wizard.ctx.vm
    expected = lab.host(lab.primary_name).inventory().vm("TinyLinux").initial_copy_size()
    assert vm.name == "TinyLinux" and vm.details_known
    assert vm.initial_copy_size() == expected > 0
    assert page.table.item(row, 2).text() == size(expected)

    for page_id in (
        PageId.PARAMS,
        PageId.VHDS,
        PageId.FREQUENCY,
        PageId.RECOVERY,
        PageId.METHOD,
        PageId.MEDIA,
        PageId.SUMMARY,
    ):
        drive.next(wizard, page_id)
    summary = wizard.currentPage()
    texts = [summary.form.itemAt(i).widget().text() for i in range(summary.form.count())]
    assert size(expected) in texts  # the summary's "Size of the initial copy" is the real one


def test_the_filter_hides_rows_and_keeps_the_ticks(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    drive.next(wizard, PageId.VM)
    page = wizard.currentPage()
    page.select_vms(["TinyLinux", "DC01"])
    page.filter_edit.setText("tiny")
    shown = [
        page.table.item(r, 0).text()
        for r in range(page.table.rowCount())
        if not page.table.isRowHidden(r)
    ]
    assert shown == ["TinyLinux"]
    assert {vm.name for vm in page.selected_vms()} == {"TinyLinux", "DC01"}
    page.filter_edit.setText(lab.host(lab.primary_name).inventory().vm("DC01").id[:8].lower())
    hidden = [page.table.isRowHidden(r) for r in range(page.table.rowCount())]
    assert hidden.count(False) == 1
    page.filter_edit.clear()
    assert not any(page.table.isRowHidden(r) for r in range(page.table.rowCount()))
    item = next(
        page.table.item(r, 0)
        for r in range(page.table.rowCount())
        if page.table.item(r, 0).text() == "DC01"
    )
    assert item.checkState() == Qt.CheckState.Checked

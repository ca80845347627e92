"""The replica VM the admin chooses stays chosen while the deltas are still being read (it
used to jump back to the earlier choice when the read ended)."""

from __future__ import annotations

from hvseed_gui.ui.ids import PageId
from tests.support.import_side import export_on_primary


def test_a_vm_chosen_while_the_deltas_are_read_stays_chosen(lab, make_wizard, drive):
    export_on_primary(lab, "TinyLinux")
    export_on_primary(lab, "LegacyApp")
    lab.configure(latency=0.3)  # a slow replica host: the deltas take a while
    wizard = make_wizard()
    wizard.page_of(PageId.START).import_.setChecked(True)
    drive.next(wizard, PageId.IMPORT_CONNECT)
    drive.next(wizard, PageId.IMPORT_VM)
    page = wizard.currentPage()
    drive.until(lambda: page.runner.busy)  # "Reading the deltas received meanwhile…"
    first = page.selected_vm()
    other = "TinyLinux" if first is None or first.name != "TinyLinux" else "LegacyApp"
    page.select_vm(other)

    drive.idle(page)

    assert page.selected_vm() is not None and page.selected_vm().name == other
    waiting_words = {page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert "Waiting to complete initial replication" in waiting_words  # Hyper-V Manager's words

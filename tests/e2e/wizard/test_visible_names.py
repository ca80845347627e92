"""GUI labels show control and bidirectional characters of host-given names, never obey them."""

from __future__ import annotations

from hvseed_gui.ui.ids import PageId

HOSTILE = "evil\u202egpj.exe\x1b[2K"


def test_the_vm_table_and_status_show_a_hostile_name_escaped(lab, make_wizard, drive):
    with lab.world() as w:
        vms = w.host(lab.primary_name)["vms"]
        vm_id = sorted(vms)[0]
        vms[vm_id]["name"] = HOSTILE
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    drive.next(wizard, PageId.VM)
    page = wizard.currentPage()
    texts = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "evil<U+202E>gpj.exe\\x1b[2K" in texts
    assert not any("\u202e" in t or "\x1b" in t for t in texts)
    page.select_vm(HOSTILE)  # the raw name still identifies the VM
    assert [vm.id for vm in page.selected_vms()] == [vm_id]
    assert "evil<U+202E>gpj.exe" in page.status.text() and "\u202e" not in page.status.text()


def test_the_progress_rows_show_a_hostile_name_escaped(lab, make_wizard, drive):
    """Two VMs, one named with a right-to-left override (Windows allows it in a folder name):
    the progress page's row labels spell it out, the export still uses the raw name."""
    from tests.support.wizard import to_media

    with lab.world() as w:
        vms = w.host(lab.primary_name)["vms"]
        tiny = next(i for i, vm in vms.items() if vm["name"] == "TinyLinux")
        vms[tiny]["name"] = "Tiny\u202eLinux"
    wizard = make_wizard()
    page = to_media(drive, wizard, ["Tiny\u202eLinux", "LegacyApp"])
    drive.until(lambda: page.plan is not None and page.plan.ok)
    drive.next(wizard, PageId.SUMMARY)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    drive.until(lambda: len(progress.rows) == 2 and all(r.name is not None for r in progress.rows))
    labels = [r.name.text() for r in progress.rows]
    assert "Tiny<U+202E>Linux" in labels and not any("\u202e" in t for t in labels)

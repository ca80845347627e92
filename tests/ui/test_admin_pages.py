"""What an admin needs on screen on the export side (issue 11): the Done page's advice for
the drive as it is, and the smaller facts on the other pages."""

from __future__ import annotations

from hvseed_gui.ui.ids import PageId

SMALL_VM = "TinyLinux"


def walk(drive, wizard, until: PageId, vm: str = SMALL_VM) -> None:
    for page_id in PageId:
        if page_id in (PageId.START, PageId.CHECK) or page_id > until:
            continue
        drive.next(wizard, page_id, timeout=30_000)
        page = wizard.currentPage()
        if page_id == PageId.VM:
            page.select_vm(vm)
        if page_id == PageId.PROGRESS:
            drive.until(lambda p=page: p.page_complete(), timeout=30_000)


def test_done_page_advises_for_the_encrypted_drive_and_says_how_to_eject(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, PageId.DONE)
    steps = wizard.currentPage().steps.text()
    assert "E:\\ (SEED-USB) is encrypted with BitLocker" in steps
    assert "if it is not" not in steps and "recovery key apart from the drive" in steps
    assert "Eject E:\\ safely on hv-a" in steps

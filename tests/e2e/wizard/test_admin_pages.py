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


def walk_on(drive, wizard, after: PageId, until: PageId) -> None:
    for page_id in PageId:
        if after < page_id <= until and page_id != PageId.CHECK:
            drive.next(wizard, page_id, timeout=30_000)
            page = wizard.currentPage()
            if page_id == PageId.PROGRESS:
                drive.until(lambda p=page: p.page_complete(), timeout=30_000)


def test_done_page_advises_for_the_encrypted_drive_and_says_how_to_eject(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, PageId.DONE)
    steps = wizard.currentPage().steps.text()
    assert "E:\\ (SEED-USB) is encrypted with BitLocker" in steps
    assert "if it is not" not in steps and "recovery key apart from the drive" in steps
    assert "Eject E:\\ safely on hv-a" in steps


def test_sizes_follow_the_gui_language_and_states_read_as_in_hyper_v_manager(qtbot):
    from hvseed_gui.language import install_translators
    from hvseed_gui.ui.format import rate, replication_state, size

    assert size(1536) == "1.5 KiB" and rate(3 * 2**20 // 2) == "1.5 MiB/s"
    assert replication_state("WaitingForInitialReplication") == (
        "Waiting to complete initial replication"
    )
    install_translators("de")
    try:
        assert size(1536) == "1,5 KiB"
        assert replication_state("ReadyForInitialReplication") != "ReadyForInitialReplication"
    finally:
        install_translators("en")
    assert size(1536) == "1.5 KiB"


def test_vm_page_shows_states_in_words_and_sizes_on_the_right(lab, make_wizard, drive):
    from PySide6.QtCore import Qt

    wizard = make_wizard()
    walk(drive, wizard, PageId.VM)
    table = wizard.currentPage().table
    texts = {table.item(r, 3).text() for r in range(table.rowCount())}
    assert "Not enabled" in texts
    assert not any(
        t[0].isupper() and any(c.isupper() for c in t[1:]) for t in texts if " " not in t
    )
    alignment = table.item(0, 2).textAlignment()
    assert alignment & Qt.AlignmentFlag.AlignRight.value


def test_before_you_begin_says_what_changes_and_can_be_turned_off(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.BEFORE)
    page = wizard.currentPage()
    assert "Hyper-V Administrators" in page.needs.text()
    assert "On Host B" in page.changes.text() and "Nothing is deleted" in page.changes.text()
    page.skip.setChecked(True)
    again = make_wizard()
    drive.next(again, PageId.CONNECT)
    assert PageId.BEFORE not in again.visitedIds()  # remembered: straight to Connect


def test_the_step_list_shows_where_the_admin_is_and_what_is_skipped(lab, make_wizard, drive):
    wizard = make_wizard()
    walk(drive, wizard, PageId.METHOD)
    assert wizard.steps.current_text() == "Choose Initial Replication Method"
    wizard.currentPage().network.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)
    texts = [label.text() for label in wizard.steps.labels]
    assert "<s>Choose the External Drive</s>" in texts  # a network copy needs no drive
    assert texts[0].startswith("✔")


def test_english_plurals_come_from_the_english_plural_catalogue(qtbot):
    from PySide6.QtCore import QCoreApplication

    from hvseed_gui.language import install_translators

    assert install_translators("en") == ["hvseed_en"]
    text = "%1: %n file(s), %3."
    assert QCoreApplication.translate("DonePage", text, "", 1) == "%1: 1 file, %3."
    assert QCoreApplication.translate("DonePage", text, "", 4) == "%1: 4 files, %3."
    needs = QCoreApplication.translate(
        "CheckPage", "%n need(s) attention; each says what to do.", "", 1
    )
    assert needs.startswith("1 needs attention")

"""The GUI shows a damaged lab file as the lab's sentence, not as a JSON parser's message."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.ids import PageId


def test_a_damaged_lab_file_is_a_sentence_on_the_connect_page(lab, lab_dir, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    (lab_dir / "lab.json").write_text("", encoding="utf-8")
    page = wizard.currentPage()
    wizard.button(QWizard.WizardButton.NextButton).click()
    drive.until(lambda: page.status.kind == "error")
    text = page.status.text()
    assert "lab.json cannot be used: it is empty" in text
    assert "start a fresh lab" in text
    assert "Expecting value" not in text
    assert wizard.currentId() == PageId.CONNECT

"""Back while a Next check runs drops the check: its late result never moves another page."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from hvseed_gui.ui import tasks
from hvseed_gui.ui.ids import PageId


def test_back_during_the_connect_check_drops_it(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    connect = wizard.currentPage()
    lab.configure(latency=0.3)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert connect.runner.busy
    wizard.back()
    assert not connect.runner.busy and not connect._validated
    lab.configure(latency=0.0)
    wizard.page_of(PageId.START).import_.setChecked(True)
    tasks.pool().waitForDone(5000)
    drive.qtbot.wait(100)  # give a late result every chance to arrive
    assert wizard.currentId() == PageId.BEFORE  # Back from Connect: Before You Begin
    assert not connect._validated


def test_late_check_result_never_moves_another_page(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    connect = wizard.currentPage()
    wizard.back()
    # an answer for the Connect page arriving while Before You Begin is on screen
    connect.validate_async("x", lambda: 1, lambda result: True)
    drive.until(lambda: not connect.runner.busy)
    assert wizard.currentId() == PageId.BEFORE and not connect._validated

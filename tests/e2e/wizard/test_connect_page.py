"""The connect page on the lab: a connection error is a sentence, certificate authentication
picks a machine certificate, Enter does not stop a running host call."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.ui.ids import PageId


def test_connection_error_is_a_sentence_on_the_page(lab, make_wizard, drive):
    lab.inject_fault("hv-a", "inventory", "AccessDenied", "Access is denied.", times=1)
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    page = wizard.currentPage()
    wizard.button(QWizard.WizardButton.NextButton).click()
    drive.until(lambda: page.status.kind == "error")
    assert wizard.currentId() == PageId.CONNECT
    assert "Access is denied." in page.status.text()
    assert "Hyper-V Administrators" in page.status.text()  # what to do about it
    assert "Traceback" not in page.status.text()
    drive.next(wizard, PageId.VM)  # the fault was one-off: pressing Next again works


def test_certificate_authentication_picks_a_machine_certificate(lab, make_wizard, drive):
    wizard = make_wizard()
    for page_id in (PageId.CONNECT, PageId.VM, PageId.REPLICA, PageId.PARAMS):
        drive.next(wizard, page_id)
    page = wizard.currentPage()
    assert page.kerberos.isChecked() and page.port.value() == 80
    page.certificate.setChecked(True)
    drive.until(lambda: page.cert_combo.count() == 1)
    assert "CN=hv-a.lab.local" in page.cert_combo.currentText()
    plan = wizard.build_plan()
    assert plan.authentication is AuthenticationType.CERTIFICATE
    assert plan.certificate_thumbprint == "3F2A9C41D7E85B06A1C4E97F2B3D5A6C8E0F1B2D"
    assert not [p for p in plan.validate() if p.field == "certificate_thumbprint"]


def test_enter_while_a_host_call_runs_does_not_stop_it(lab, make_wizard, drive, qtbot):
    from PySide6.QtCore import Qt

    lab.configure(latency=0.5)  # a slow host: Next stays disabled while the call runs
    from PySide6.QtWidgets import QApplication

    wizard = make_wizard()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    drive.next(wizard, PageId.CONNECT)
    page = wizard.currentPage()
    qtbot.keyClick(wizard.button(QWizard.WizardButton.NextButton), Qt.Key.Key_Return)
    drive.until(lambda: page.runner.busy)
    # Next is disabled now and has lost the focus; an impatient admin presses Enter again
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)
    drive.until(lambda: wizard.currentId() == PageId.VM, timeout=10_000)
    assert "Stopped waiting" not in page.status.text()

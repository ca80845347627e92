"""Single pages on the lab: connection errors, certificate picker, the app's entry point."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.ui.context import MemorySecretStore
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.prompt import ScriptedPrompt


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


def test_build_main_window_paints_first_then_builds_the_other_pages(qtbot, tmp_path, lab_dir):
    from hvseed_gui.app import build_main_window

    window = build_main_window(
        ["--lab", str(lab_dir)],
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        prompt=ScriptedPrompt(),
        secrets=MemorySecretStore(),
    )
    qtbot.addWidget(window)
    assert not window.pages_ready
    with qtbot.waitSignal(window.pagesReady, timeout=10_000):
        window.show()
    assert window.wizardStyle() == QWizard.WizardStyle.ModernStyle
    qtbot.waitUntil(lambda: window.button(QWizard.WizardButton.NextButton).isEnabled())
    window.next()
    qtbot.waitUntil(lambda: window.currentId() == PageId.CONNECT)
    assert window.currentPage().lab.isChecked()
    assert window.currentPage().target().lab_dir == str(lab_dir)


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

"""Start page choices that need no host."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.ids import PageId


def test_import_branch_connects_to_the_replica_host(make_wizard, drive, lab_dir):
    wizard = make_wizard()
    start = wizard.page_of(PageId.START)
    start.import_.setChecked(True)
    drive.next(wizard, PageId.IMPORT_CONNECT)
    page = wizard.currentPage()
    assert "replica host" in page.title().lower()
    assert page.lab.isChecked() and page.target().lab_dir == str(lab_dir)
    assert page.target().host == "hv-b.lab.local"


def test_connect_page_in_demo_mode_preselects_the_lab(make_wizard, drive, lab_dir):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    page = wizard.currentPage()
    assert page.lab.isChecked()
    assert page.target().lab_dir == str(lab_dir)


def test_remote_host_needs_a_name_and_remembered_password_goes_to_the_keyring(make_wizard, drive):
    wizard = make_wizard(demo=False)
    drive.next(wizard, PageId.CONNECT)
    page = wizard.currentPage()
    page.remote.setChecked(True)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.host_edit.setText("hv01.corp.example")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.user_edit.setText("CORP\\admin")
    page.password_edit.setText("s3cret")
    page.remember.setChecked(True)
    page._remember(page.target())
    assert wizard.ctx.secrets.get("CORP\\admin@hv01.corp.example") == "s3cret"
    values = [str(wizard.ctx.settings.value(k)) for k in wizard.ctx.settings.allKeys()]
    assert not any("s3cret" in v for v in values)

"""A remembered password stays with its account: cleared when the host changes, kept while the
admin types, forgotten when Remember is unticked."""

from __future__ import annotations

from hvseed_gui.ui.ids import PageId


def _remote(make_wizard, drive):
    wizard = make_wizard(demo=False)
    drive.next(wizard, PageId.CONNECT)
    page = wizard.currentPage()
    page.remote.setChecked(True)
    return wizard, page


def test_remembered_password_is_cleared_when_the_host_changes(make_wizard, drive):
    wizard, page = _remote(make_wizard, drive)
    wizard.ctx.secrets.set("CORP\\admin@hv01.corp.example", "s3cret")
    page.host_edit.setText("hv01.corp.example")
    page.user_edit.setText("CORP\\admin")
    page.user_edit.editingFinished.emit()
    assert page.password_edit.text() == "s3cret" and page.remember.isChecked()
    page.host_edit.setText("evil.example")
    assert page.target().password == "" and not page.remember.isChecked()
    page.host_edit.setText("hv01.corp.example")
    page.host_edit.editingFinished.emit()  # back to the first host: its password returns
    assert page.password_edit.text() == "s3cret"


def test_typed_password_is_not_cleared_by_a_host_edit(make_wizard, drive):
    _wizard, page = _remote(make_wizard, drive)
    page.host_edit.setText("hv0")
    page.user_edit.setText("CORP\\admin")
    page.password_edit.setText("typed")
    page.host_edit.setText("hv01.corp.example")
    assert page.password_edit.text() == "typed"


def test_unticking_remember_forgets_the_stored_password(make_wizard, drive):
    wizard, page = _remote(make_wizard, drive)
    secrets = wizard.ctx.secrets
    secrets.set("CORP\\admin@hv01.corp.example", "s3cret")
    page.host_edit.setText("hv01.corp.example")
    page.user_edit.setText("CORP\\admin")
    page.user_edit.editingFinished.emit()
    assert page.remember.isChecked()
    page.remember.click()
    assert secrets.get("CORP\\admin@hv01.corp.example") == ""
    page.remember.setChecked(True)
    page._remember(page.target())  # ticked again and connected: stored again
    assert secrets.get("CORP\\admin@hv01.corp.example") == "s3cret"
    page.remember.setChecked(False)
    page._remember(page.target())  # connected with Remember unticked: forgotten
    assert secrets.get("CORP\\admin@hv01.corp.example") == ""

"""Regressions from the UI review: reattached import to the end, one Replica-server change per
consent, a BitLocker recovery key that cannot get lost, passwords that stay with their host,
and nothing of an earlier host or run on later pages."""

from __future__ import annotations

import re

import pytest

from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages import replica as replica_module
from tests.support.import_side import FAST, courier, export_on_primary, replica_state, walk_to_check
from tests.support.wizard import forward_button, media_page, open_fix

RECOVERY_RE = re.compile(r"(\d{6}-){7}\d{6}")


# -- finding 3: a reattached import reaches the test failover and Done ---------------------------


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_reattached_import_runs_the_test_failover_and_reaches_done(lab, make_wizard, drive):
    lab.configure(import_bytes_per_sec=1 * 2**20)  # still running when the window closes
    vm, _folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.phase == "import")
    wizard.reject()

    lab.configure(import_bytes_per_sec=FAST)
    again = make_wizard()
    drive.next(again, PageId.IMPORT_CONNECT)
    connect = again.currentPage()
    assert not connect.lab_host_edit.isEnabled()  # the import runs on the saved host
    connect.follow.setChecked(False)
    assert connect.lab_host_edit.isEnabled()
    connect.follow.setChecked(True)
    drive.next(again, PageId.IMPORT_RUN)
    assert again.imp.vm is not None and again.imp.vm.id == vm.id
    run = again.currentPage()
    drive.until(lambda: run.page_complete())
    drive.next(again, PageId.IMPORT_FAILOVER)
    failover = again.currentPage()
    assert "TinyLinux - Test" in failover.explain.text()
    failover.start_button.click()
    assert not failover.busy.cancel_button.isVisible()
    drive.until(lambda: failover.stop_button.isEnabled())
    assert failover.status.kind == "ok", failover.status.text()
    failover.stop_button.click()
    drive.until(lambda: failover.start_button.isEnabled())
    assert failover.status.kind == "ok", failover.status.text()
    assert replica_state(lab, vm.id) is ReplicationState.REPLICATING
    drive.next(again, PageId.IMPORT_DONE)
    done = again.currentPage()
    drive.idle(done)
    assert f"TinyLinux ({vm.id})" in done.report.toPlainText()
    assert done.state.text() == ReplicationState.REPLICATING.value


# -- finding 5: one consent, one change ----------------------------------------------------------


def test_double_click_on_apply_sends_the_change_once(lab, make_wizard, drive, monkeypatch):
    calls = []
    real = replica_module.open_host

    def counting(target):
        host = real(target)
        configure = host.configure_replica_server

        def counted(change):
            calls.append(change)
            return configure(change)

        host.configure_replica_server = counted
        return host

    monkeypatch.setattr(replica_module, "open_host", counting)
    _wizard, page = open_fix(make_wizard, drive)
    lab.configure(latency=0.3)  # a slow host: the second click lands while the first runs
    page.consent.setChecked(True)
    page.fix_button.click()
    assert page.runner.busy and not page.fix_button.isEnabled()
    assert not page.busy.cancel_button.isVisible()  # the change cannot be left untracked
    page.fix_button.click()
    page._apply_fix()  # even a re-entry past the disabled button changes nothing twice
    drive.idle(page)
    lab.configure(latency=0.0)
    assert len(calls) == 1
    assert page.status.kind == "ok", page.status.text()


# -- finding 7: the BitLocker recovery key ------------------------------------------------------


def _encrypting(drive, wizard, prompt, key_path):
    page = media_page(drive, wizard)
    page.select_drive("F:\\")
    page.encrypt_toggle.setChecked(True)
    panel = page.bitlocker
    prompt.paths.append(str(key_path))
    panel.password.setText("Kurier-2026!")
    panel.confirm.setText("Kurier-2026!")
    panel.choose_button.click()
    return page, panel


def test_drive_page_cannot_be_left_forward_or_closed_while_bitlocker_turns_on(
    lab, make_wizard, drive, prompt, tmp_path
):
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, tmp_path / "key.txt")
    drive.until(lambda: forward_button(wizard).isEnabled())
    lab.configure(latency=0.3)
    panel.encrypt_button.click()
    assert panel.runner.busy and not forward_button(wizard).isEnabled()
    wizard.reject()  # the admin answers No: the window stays
    assert wizard.isVisible() and prompt.asked[-1][0] == "BitLocker is being turned on"
    drive.until(lambda: not panel.runner.busy)
    lab.configure(latency=0.0)
    drive.until(lambda: panel.status.kind == "ok")
    drive.until(lambda: forward_button(wizard).isEnabled())
    assert RECOVERY_RE.search((tmp_path / "key.txt").read_text())


def test_unsaved_recovery_key_blocks_next_and_close_until_it_is_saved(
    lab, make_wizard, drive, prompt, tmp_path, settings_path
):
    taken = tmp_path / "taken.txt"
    taken.write_text("the key of another drive")  # never overwritten: the save fails
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, taken)
    panel.encrypt_button.click()
    drive.until(lambda: panel.unsaved is not None)
    assert not forward_button(wizard).isEnabled()
    retry = tmp_path / "retry.txt"
    prompt.paths.append(str(retry))
    wizard.reject()  # "Close without saving?" No → the save dialog opens at once
    assert wizard.isVisible()
    drive.until(lambda: panel.unsaved is None)
    recovery = RECOVERY_RE.search(retry.read_text()).group(0)
    drive.until(lambda: forward_button(wizard).isEnabled())
    settings = settings_path.read_text() if settings_path.exists() else ""
    assert recovery not in settings


def test_recovery_key_reaches_the_admin_who_went_back(lab, make_wizard, drive, prompt, tmp_path):
    taken = tmp_path / "taken.txt"
    taken.write_text("the key of another drive")
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, taken)
    lab.configure(latency=0.3)
    panel.encrypt_button.click()
    retry = tmp_path / "retry.txt"
    prompt.paths.append(str(retry))
    wizard.back()  # Back stays possible while the call runs
    assert wizard.currentId() == PageId.METHOD
    drive.until(lambda: not panel.runner.busy)
    lab.configure(latency=0.0)
    # the save dialog came to the admin on the page they are on; the key is in the file
    assert prompt.asked[-1][0] == "Save the BitLocker recovery key"
    assert panel.unsaved is None and RECOVERY_RE.search(retry.read_text())
    assert lab.host("hv-a").usb_volumes()[1].bitlocker is BitLockerStatus.ON


# -- finding 9: a remembered password stays with its account -----------------------------------


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


# -- finding 10: nothing stale from another host or run ------------------------------------------


def test_certificate_list_follows_a_new_connection_to_host_a(lab, make_wizard, drive):
    wizard = make_wizard()
    for page_id in (PageId.CONNECT, PageId.VM, PageId.REPLICA, PageId.PARAMS):
        drive.next(wizard, page_id)
    params = wizard.currentPage()
    params.certificate.setChecked(True)
    drive.until(lambda: params.cert_combo.count() > 0)
    old = params.cert_combo.currentData()
    with lab.world() as w:  # Host A now has another machine certificate
        fqdn = lab.primary_name
        for cert in w.host(fqdn)["certificates"]:
            cert["thumbprint"] = "0123456789ABCDEF0123456789ABCDEF01234567"
    for _ in range(3):
        wizard.back()
    assert wizard.currentId() == PageId.CONNECT
    for page_id in (PageId.VM, PageId.REPLICA, PageId.PARAMS):
        drive.next(wizard, page_id)
    params.certificate.setChecked(True)  # Back reset the page to Kerberos
    drive.until(lambda: params.cert_combo.count() > 0 and not params.runner.busy)
    assert params.cert_combo.currentData() != old
    assert wizard.build_plan().certificate_thumbprint == "0123456789ABCDEF0123456789ABCDEF01234567"


def test_a_second_run_starts_without_the_first_runs_folders(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.until(lambda: wizard.pages_ready)
    ctx = wizard.ctx
    ctx.export_folder = "E:\\TinyLinux_old"
    ctx.export_folders = ["E:\\TinyLinux_old"]
    wizard.importRequested.emit()  # the Done page's Import button
    assert ctx.export_folder == "" and ctx.export_folders == []
    ctx.export_folder = "E:\\TinyLinux_old"
    wizard.back()
    wizard.page_of(PageId.START).enable.setChecked(True)
    drive.next(wizard, PageId.CONNECT)
    assert ctx.export_folder == "" and ctx.export_folders == [] and ctx.drives == []


def test_choosing_another_vm_forgets_the_drive_checks_of_the_old_one(lab, make_wizard, drive):
    wizard = make_wizard()
    media = media_page(drive, wizard)
    drive.until(lambda: forward_button(wizard).isEnabled())
    drive.next(wizard, PageId.SUMMARY)
    assert wizard.ctx.drives
    media.existing["e:\\stale"] = []
    media.missing["e:\\stale"] = "gone"
    while wizard.currentId() != PageId.VM:
        wizard.back()
    wizard.currentPage().select_vm("DC01")
    drive.next(wizard, PageId.REPLICA)
    assert wizard.ctx.vm.name == "DC01"
    assert wizard.ctx.drives == [] and media.existing == {} and media.missing == {}

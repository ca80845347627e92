"""Nothing stale from another host or run: the certificate list follows a new connection to
Host A, a second run starts without the first run's folders, another VM forgets the old one's
drive checks."""

from __future__ import annotations

from hvseed_gui.ui.ids import PageId
from tests.support.wizard import forward_button, media_page


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

"""The wizard's Check page: hvseed doctor's table for Host A and the Replica server, reached
only when the admin asks for it on the Replica page; read-only, off the GUI thread."""

from __future__ import annotations

from hvseed_gui.core.readiness import Status
from hvseed_gui.ui.ids import PageId


def walk_to_replica(drive, wizard) -> None:
    for page_id in (PageId.CONNECT, PageId.VM, PageId.REPLICA):
        drive.next(wizard, page_id)


def test_check_page_shows_both_hosts_and_goes_on(lab, make_wizard, drive):
    lab.set_host_facts("hv-b", clock_offset_seconds=900)
    lab.set_bitlocker_feature("hv-b", False)
    wizard = make_wizard()
    walk_to_replica(drive, wizard)
    replica = wizard.currentPage()
    replica.server_edit.setText("hv-b.lab.local")
    assert replica.nextId() == PageId.PARAMS  # not asked: the flow is unchanged
    replica.check_hosts.setChecked(True)
    before = lab.dump()
    drive.next(wizard, PageId.CHECK)
    page = wizard.currentPage()
    drive.until(lambda: page.table.rowCount() > 0)
    hosts = {page.table.item(r, 2).text() for r in range(page.table.rowCount())}
    assert {"hv-a.lab.local", "hv-b.lab.local"} <= hosts
    failed = [r for r in page.rows if r.status is Status.FAIL]
    assert [r.code for r in failed] == ["clock"]
    shown = page.table.item(page.rows.index(failed[0]), 3).text()
    assert "5 minutes" in shown and "w32tm /resync" in shown
    bitlocker = next(r for r in page.rows if r.code == "bitlocker")
    assert bitlocker.status is Status.WARN
    assert "1 check failed" in page.summary.text()  # a plural form, not "check(s)"
    after = lab.dump()
    assert before["hosts"] == after["hosts"]  # nothing changed on either host
    drive.next(wizard, PageId.PARAMS)


def test_replica_on_a_custom_port_gets_its_own_rule_with_consent(lab, make_wizard, drive):
    from PySide6.QtWidgets import QWizard

    from hvseed_gui.hyperv.host import ReplicaServerChange

    lab.host("hv-b").configure_replica_server(ReplicaServerChange.only(kerberos_port=8080))
    wizard = make_wizard()
    walk_to_replica(drive, wizard)
    page = wizard.currentPage()
    page.server_edit.setText("hv-b.lab.local")
    wizard.button(QWizard.WizardButton.NextButton).click()
    drive.until(lambda: page.fix_box.isVisible())
    assert "port 8080" in page.status.text() and "opens port 80 only" in page.status.text()
    assert "HVSEED-HVR-In-TCP-8080" in page.change_label.text()
    assert not page.fix_button.isEnabled()  # nothing changes without consent
    page.consent.setChecked(True)
    page.fix_button.click()
    drive.until(lambda: page.status.kind == "ok")
    config = lab.host("hv-b").replica_server_config()
    assert config.firewall_port_open(wizard.build_plan().authentication) is True
    drive.next(wizard, PageId.PARAMS)
    assert wizard.currentPage().port.value() == 8080

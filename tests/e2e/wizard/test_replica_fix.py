"""The Replica server fix panel on the lab: what it shows is exactly what it changes, and the
smallest change for an unlisted primary is one authorization entry, not "any server"."""

from __future__ import annotations

import dataclasses

from hvseed_gui.hyperv.host import FIREWALL_RULE_HTTP, ReplicaServerChange, ReplicaServerConfig
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.export.replica import describe_change
from tests.support.wizard import open_fix

PRIMARY = "hv-a.lab.local"
ANY_SERVER = "Allow replication from any authenticated server"


def changed_fields(before: ReplicaServerConfig, after: ReplicaServerConfig) -> set[str]:
    return {
        f.name
        for f in dataclasses.fields(ReplicaServerConfig)
        if getattr(before, f.name) != getattr(after, f.name)
    }


def bullets(page) -> list[str]:
    return [line[4:] for line in page.change_label.text().splitlines() if line.startswith("  • ")]


def apply(page, drive) -> None:
    assert not page.fix_button.isEnabled()  # nothing changes without consent
    page.consent.setChecked(True)
    page.fix_button.click()
    drive.idle(page)
    assert page.status.kind == "ok", page.status.text()


def test_server_not_enabled_shows_every_key_and_adds_one_entry(lab, make_wizard, drive):
    before = lab.host("hv-c").replica_server_config()
    wizard, page = open_fix(make_wizard, drive)
    change = page._change
    shown = bullets(page)
    # one line per key sent, per entry and per rule, and nothing else
    assert shown == describe_change(before, change)
    assert len(shown) == len(change.server_settings()) + 1 + len(change.enable_firewall_rules)
    assert change.server_settings() == {"ReplicationEnabled": True}
    assert "Enable this computer as a Replica server: off → on." in shown
    assert "Windows Firewall rule Hyper-V Replica HTTP Listener (TCP-In): off → on." in shown
    assert FIREWALL_RULE_HTTP not in page.change_label.text()  # its display name, not its Name
    assert any(PRIMARY in line for line in shown)
    assert not any(ANY_SERVER in line for line in shown)
    assert not any("Default location" in line for line in shown)

    apply(page, drive)
    after = lab.host("hv-c").replica_server_config()
    assert changed_fields(before, after) == {
        "replication_enabled",
        "authorization_entries",
        "firewall_rules",
    }
    assert [e.allowed_primary_server for e in after.authorization_entries] == [PRIMARY]
    assert not after.allow_any_server and after.default_storage_location == ""
    drive.next(wizard, PageId.PARAMS)
    assert wizard.currentPage().port.value() == 80


def test_only_the_primarys_authorization_missing_proposes_one_entry(lab, make_wizard, drive):
    lab.host("hv-c").configure_replica_server(
        ReplicaServerChange.only(
            enable_replication=True, enable_firewall_rules=(FIREWALL_RULE_HTTP,)
        )
    )
    before = lab.host("hv-c").replica_server_config()
    wizard, page = open_fix(make_wizard, drive)
    assert "accepts replication only from listed servers" in page.status.text()
    change = page._change
    assert change.server_settings() == {}  # Set-VMReplicationServer is not called at all
    assert change.enable_firewall_rules == ()
    assert change.add_authorization_entry.allowed_primary_server == PRIMARY
    (line,) = bullets(page)
    assert PRIMARY in line and ANY_SERVER not in line
    assert page.any_server.isVisible() and not page.any_server.isChecked()

    page.storage_edit.setText("D:\\Replicas\\hv-a")
    page.storage_edit.textEdited.emit("D:\\Replicas\\hv-a")  # as typing would
    assert "D:\\Replicas\\hv-a" in page.change_label.text()
    apply(page, drive)
    after = lab.host("hv-c").replica_server_config()
    assert changed_fields(before, after) == {"authorization_entries"}
    (entry,) = after.authorization_entries
    assert (entry.allowed_primary_server, entry.storage_location) == (PRIMARY, "D:\\Replicas\\hv-a")
    drive.next(wizard, PageId.PARAMS)


def test_allowing_any_server_is_a_separate_explicit_choice(lab, make_wizard, drive):
    lab.host("hv-c").configure_replica_server(
        ReplicaServerChange.only(
            enable_replication=True, enable_firewall_rules=(FIREWALL_RULE_HTTP,)
        )
    )
    before = lab.host("hv-c").replica_server_config()
    wizard, page = open_fix(make_wizard, drive)
    page.consent.setChecked(True)
    page.any_server.setChecked(True)
    assert not page.consent.isChecked()  # consent covers what is shown, not an older text
    shown = bullets(page)
    assert f"{ANY_SERVER}: off → on." in shown
    assert "Default location for replica files: (none) → C:\\Hyper-V\\Replica." in shown
    assert len(shown) == 2 and page._change.add_authorization_entry is None
    apply(page, drive)
    after = lab.host("hv-c").replica_server_config()
    assert changed_fields(before, after) == {"allow_any_server", "default_storage_location"}
    assert after.authorization_entries == ()

"""Issue 10, item 14: the connect page defaults to PowerShell remoting's own setting (Kerberos
over HTTP on 5985, message-encrypted), has a port field, and a Test button that connects once
without leaving the page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hvseed_gui.hyperv.host_target import HostKind, HostTarget, open_host
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.export import connect as connect_module


def _connect_page(make_wizard, drive):
    wizard = make_wizard(demo=False)
    drive.next(wizard, PageId.CONNECT)
    page = wizard.page(PageId.CONNECT)
    page.remote.setChecked(True)
    return wizard, page


def test_remote_default_is_kerberos_over_http_5985(make_wizard, drive):
    _wizard, page = _connect_page(make_wizard, drive)
    page.host_edit.setText("hv01.corp.example")
    target = page.target()
    assert (target.kind, target.transport, target.use_https, target.port) == (
        HostKind.WINRM,
        "kerberos",
        False,
        None,
    )
    assert HostTarget().use_https is False
    page.port.setValue(15985)
    page.https.setChecked(True)
    assert (page.target().port, page.target().use_https) == (15985, True)


def test_test_button_connects_once_and_stays(make_wizard, drive, qtbot, lab_dir, monkeypatch):
    wizard, page = _connect_page(make_wizard, drive)
    asked: list[HostTarget] = []

    def fake_open(target: HostTarget):
        asked.append(target)
        return open_host(HostTarget(kind=HostKind.LAB, lab_dir=str(lab_dir), host="hv-a"))

    monkeypatch.setattr(connect_module, "open_host", fake_open)
    page.host_edit.setText("hv-a.lab.local")
    page.port.setValue(5999)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Connected to" in page.status.text(), timeout=10_000)
    assert "hv-a.lab.local" in page.status.text()
    assert wizard.currentPage() is page
    assert [(t.host, t.port, t.use_https) for t in asked] == [("hv-a.lab.local", 5999, False)]


def test_test_button_without_a_host_says_so(make_wizard, drive):
    _wizard, page = _connect_page(make_wizard, drive)
    page.host_edit.clear()
    page.test_connection()
    assert "host name" in page.status.text()

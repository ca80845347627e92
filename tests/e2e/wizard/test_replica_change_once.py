"""One consent, one change: a double click on Apply sends the Replica server change once."""

from __future__ import annotations

from hvseed_gui.ui.pages.export import replica as replica_module
from tests.support.wizard import open_fix


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

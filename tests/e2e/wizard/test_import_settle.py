"""The import's settle time is bounded: a health that stays Warning lets the admin on."""

from __future__ import annotations

from hvseed_gui.hyperv.host import (
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
)
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import courier, export_on_primary, walk_to_check


def test_import_lets_the_admin_on_when_health_stays_warning(lab, make_wizard, drive, monkeypatch):
    vm, _folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    host = wizard.imp.host
    warning = ReplicationStatus(
        vm=vm.ref,
        mode=ReplicationMode.REPLICA,
        state=ReplicationState.REPLICATING,
        health=ReplicationHealth.WARNING,
        health_details=("More than 20 percent of replication cycles have been missed.",),
    )
    monkeypatch.setattr(host, "replication_status", lambda ref: warning)
    run = wizard.page_of(PageId.IMPORT_RUN)
    run.settle_seconds = 0.0
    drive.next(wizard, PageId.IMPORT_RUN)
    drive.until(lambda: run.page_complete())
    assert run.phase == "settle" and run.settled_short
    assert "Warning" in run.step_health.text() and "20 percent" in run.step_health.text()
    assert run.status.kind == "warning"
    drive.next(wizard, PageId.IMPORT_FAILOVER)

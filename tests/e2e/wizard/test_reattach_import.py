"""A reattached import (the window was closed while it ran) runs the test failover and reaches
Done."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import FAST, courier, export_on_primary, replica_state, walk_to_check


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

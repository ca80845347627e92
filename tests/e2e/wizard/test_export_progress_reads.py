"""Progress that cannot be read for a while is not a failed export: the page says so and keeps
following the same export."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.host import (
    JobState,
)
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import walk_to_summary


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_failed_progress_reads_are_not_a_failed_export(lab, make_wizard, drive, monkeypatch):
    """Hyper-V's progress cannot be read for a while (WinRM hiccups): the page says so and
    keeps following the same export until it can read it again."""
    from hvseed_gui.hyperv.host_errors import HyperVError

    lab.configure(export_bytes_per_sec=200 * 2**20)
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    host = wizard.ctx.host
    real = host.export_progress
    failures = {"left": 6}

    def flaky(handle):
        if failures["left"]:
            failures["left"] -= 1
            raise HyperVError("The WinRM connection dropped.")
        return real(handle)

    monkeypatch.setattr(host, "export_progress", flaky)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    drive.until(lambda: "Could not read the export's progress" in progress.status.text())
    assert progress.status.kind == "warning" and "Retrying" in progress.status.text()
    assert progress.rows[0].state is JobState.RUNNING  # not failed: still followed
    lab.configure(export_bytes_per_sec=200 * 2**30)
    drive.until(lambda: progress.page_complete(), timeout=20_000)
    assert progress.state is JobState.COMPLETED and failures["left"] == 0
    exports = [j for j in lab.dump()["jobs"].values() if j.get("kind") == "export"]
    assert len(exports) == 1  # following again never started a second export

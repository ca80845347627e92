"""Review findings 1, 2, 4, 6, 8, 11, 12: changing calls are never dropped, a refused export
can be started again, Back drops a pending Next check, workers outlive their pages, the
import does not wait forever for Normal health, hashing has its own pool, and an uncaught
exception reaches the page as a sentence."""

from __future__ import annotations

import gc
import sys
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget, QWizard

from hvseed_gui.hyperv.host import (
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
)
from hvseed_gui.ui import tasks
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.tasks import TaskRunner
from tests.support.import_side import courier, export_on_primary, walk_to_check
from tests.support.wizard import to_media, walk_to_summary


def remembered(settings_path, group: str) -> bool:
    s = QSettings(str(settings_path), QSettings.Format.IniFormat)
    return s.value(f"{group}/running", False, type=bool)


def lab_state(lab, vm_id: str) -> ReplicationState:
    return lab.host("hv-a").inventory().vm(vm_id).replication_state


# -- finding 1: changing calls ---------------------------------------------------------------


def test_enable_and_export_cannot_be_abandoned_and_is_remembered_first(
    lab, make_wizard, drive, settings_path
):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    lab.configure(latency=0.3)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    assert progress.exports.busy and progress.busy.isVisible()
    assert progress.busy.cancel_button.isHidden()  # no "Stop waiting" for a change
    assert remembered(settings_path, "export")  # saved before the start call returned
    progress.cancel_call()  # even if asked to, the result is not dropped
    assert progress.exports.busy
    drive.until(lambda: progress.rows[0].job_id != "")
    lab.configure(latency=0.0)
    assert progress.rows[0].state in (JobState.RUNNING, JobState.COMPLETED)
    drive.until(lambda: progress.page_complete())


def test_closing_mid_start_keeps_the_export_to_reattach(lab, make_wizard, drive, settings_path):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    lab.configure(latency=0.3)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    vm_id = progress.rows[0].vm.id
    wizard.reject()  # the window closes while the start is in flight
    assert remembered(settings_path, "export")
    drive.until(lambda: not progress.exports.busy)  # the result still arrived
    lab.configure(latency=0.0)
    assert lab_state(lab, vm_id) is not ReplicationState.DISABLED
    assert remembered(settings_path, "export")
    assert not progress.exports.busy  # nothing follows the export any more; it runs in Hyper-V


@pytest.mark.realistic_disks  # sizes, rates or timing of the realistic lab
def test_cancel_while_the_second_vm_starts_cancels_both(
    lab, make_wizard, drive, prompt, settings_path
):
    lab.configure(export_bytes_per_sec=50 * 2**20)
    prompt.confirms.extend([True])
    wizard = make_wizard()
    page = to_media(drive, wizard, ["DC01", "TinyLinux"])
    drive.until(lambda: page.plan is not None and page.plan.ok)
    page.accept_plan.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)
    lab.configure(latency=0.3)
    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.currentPage()
    drive.until(lambda: progress.cancel_button.isEnabled())
    assert progress.starting and progress.pending is progress.rows[1]
    progress.cancel_button.click()
    title, text = prompt.asked[-1]
    assert "DC01" in text and "TinyLinux" in text  # the question covers every VM stopped
    drive.until(lambda: progress.reported)
    lab.configure(latency=0.0)
    assert [r.state for r in progress.rows] == [JobState.CANCELLED, JobState.CANCELLED]
    for r in progress.rows:
        assert lab_state(lab, r.vm.id) is not ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
    assert not progress.starting
    drive.until(lambda: not progress.exports.busy)  # no step follows a cancelled export
    assert not remembered(settings_path, "export")


def test_import_start_cannot_be_abandoned_and_is_remembered_first(
    lab, make_wizard, drive, settings_path
):
    vm, _folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    lab.configure(latency=0.3)
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    assert run.runner.busy and run.busy.cancel_button.isHidden()
    assert remembered(settings_path, "import")
    run.cancel_call()
    drive.until(lambda: run.phase != "idle")
    lab.configure(latency=0.0)
    drive.until(lambda: run.page_complete())


def test_a_read_only_call_can_still_be_abandoned(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    lab.configure(latency=0.3)
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.currentPage()
    assert page.runner.busy and not page.busy.cancel_button.isHidden()
    page.busy.cancel_button.click()
    assert not page.runner.busy
    lab.configure(latency=0.0)


# -- finding 2: export refused after enabling ------------------------------------------------


def test_refused_export_says_replication_is_enabled_and_can_start_again(lab, make_wizard, drive):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    vm = wizard.ctx.vm
    dest = wizard.build_plan().destination_path
    blocker = lab.real_path(lab.primary_name, dest.rstrip("\\") + "\\" + f"{vm.name}_{vm.id}")
    lab.configure(latency=0.3)
    drive.next(wizard, PageId.PROGRESS)  # the check passed; enabling is under way
    progress = wizard.currentPage()
    blocker.mkdir(parents=True)  # a stray folder appears before Hyper-V starts the export
    drive.until(lambda: not progress.starting and progress.reported)
    lab.configure(latency=0.0)
    assert "Replication could not be enabled" not in progress.step_enable.text()
    assert "Replication is enabled, but the export did not start" in progress.status.text()
    assert progress.retry_button.isVisible() and progress.retry_button.isEnabled()
    assert not progress.page_complete()
    blocker.rmdir()  # the admin removed the stray folder
    progress.retry_button.click()
    drive.until(lambda: progress.page_complete())
    assert progress.state is JobState.COMPLETED
    assert progress.retry_button.isHidden()


def test_summary_refuses_what_hvseed_run_refuses_before_anything_changes(lab, make_wizard, drive):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    vm = wizard.ctx.vm
    dest = wizard.build_plan().destination_path
    lab.real_path(lab.primary_name, dest.rstrip("\\") + "\\" + f"{vm.name}_{vm.id}").mkdir(
        parents=True
    )
    summary = wizard.currentPage()
    forward = wizard.button(QWizard.WizardButton.CommitButton)
    forward.click()
    drive.until(lambda: summary.status.kind == "error")
    assert wizard.currentId() == PageId.SUMMARY  # Next stays; nothing was enabled
    assert (
        "already holds" in summary.status.text() and "Nothing was changed" in summary.status.text()
    )
    assert lab_state(lab, vm.id) is ReplicationState.DISABLED
    drive.until(lambda: forward.isEnabled())


# -- finding 4: Back while a Next check runs ---------------------------------------------------


def test_back_during_the_connect_check_drops_it(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    connect = wizard.currentPage()
    lab.configure(latency=0.3)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert connect.runner.busy
    wizard.back()
    assert not connect.runner.busy and not connect._validated
    lab.configure(latency=0.0)
    wizard.page_of(PageId.START).import_.setChecked(True)
    tasks.pool().waitForDone(5000)
    drive.qtbot.wait(100)  # give a late result every chance to arrive
    assert wizard.currentId() == PageId.START
    assert not connect._validated


def test_late_check_result_never_moves_another_page(lab, make_wizard, drive):
    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    connect = wizard.currentPage()
    wizard.back()
    # an answer for the Connect page arriving while Start is on screen
    connect.validate_async("x", lambda: 1, lambda result: True)
    drive.until(lambda: not connect.runner.busy)
    assert wizard.currentId() == PageId.START and not connect._validated


# -- finding 6: workers outlive their pages --------------------------------------------------


def test_a_call_finishing_after_its_page_is_gone_prints_nothing(qtbot, capfd):
    release = threading.Event()
    parent = QWidget()
    runner = TaskRunner(parent)
    runner.run(lambda: release.wait(5), lambda r: None, lambda e: None)
    parent.deleteLater()
    held = [runner]
    qtbot.waitUntil(lambda: not _alive(held[0]))
    held.clear()
    del runner, parent
    gc.collect()
    release.set()
    assert tasks.pool().waitForDone(5000)
    qtbot.wait(50)
    err = capfd.readouterr().err
    assert "Signal source has been deleted" not in err
    assert "Error calling Python override" not in err


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_shutdown_lets_changing_calls_deliver_their_result(qtbot):
    release = threading.Event()
    seen = []
    runner = TaskRunner()
    runner.run(lambda: release.wait(5) and "started", seen.append, seen.append, cancellable=False)
    runner.abandon()  # closing the window does not drop it
    assert tasks.mutations_in_flight() == 1
    threading.Timer(0.1, release.set).start()
    assert tasks.shutdown(mutation_wait_ms=5000, wait_ms=5000)
    assert seen == ["started"] and tasks.mutations_in_flight() == 0


# -- finding 8: the import's settle time is bounded -------------------------------------------


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


# -- finding 11: hashing has its own pool -----------------------------------------------------


def test_long_jobs_and_stuck_calls_do_not_starve_host_calls(qtbot):
    release = threading.Event()
    hashers = [TaskRunner(long_running=True) for _ in range(tasks.long_pool().maxThreadCount())]
    stuck = [TaskRunner() for _ in range(2)]
    for r in hashers + stuck:
        r.run(lambda: release.wait(10), lambda x: None, lambda e: None)
    for r in stuck:
        r.abandon()  # "Stop waiting" on a hung host: the thread stays taken
    seen = []
    fresh = TaskRunner()
    try:
        fresh.run(lambda: "read", seen.append, seen.append)
        qtbot.waitUntil(lambda: seen == ["read"], timeout=3000)
    finally:
        release.set()
        tasks.long_pool().waitForDone(5000)
        tasks.pool().waitForDone(5000)


# -- finding 12: the last-resort exception hook ------------------------------------------------


def test_uncaught_exception_shows_a_sentence_and_logs_the_traceback(make_wizard, drive, tmp_path):
    from hvseed_gui.app import ERROR_LOG, make_excepthook

    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    hook = make_excepthook(wizard, tmp_path / "data")
    try:
        raise AttributeError("'NoneType' object has no attribute 'name'")
    except AttributeError:
        hook(*sys.exc_info())
    page = wizard.currentPage()
    assert page.status.kind == "error"
    assert "Something went wrong inside hvseed" in page.status.text()
    assert "Traceback" not in page.status.text()
    log = (tmp_path / "data" / ERROR_LOG).read_text(encoding="utf-8")
    assert "Traceback" in log and "AttributeError" in log


@pytest.mark.realistic_disks  # a job must still run when the test acts
def test_failed_progress_reads_are_not_a_failed_export(lab, make_wizard, drive, monkeypatch):
    """Hyper-V's progress cannot be read for a while (WinRM hiccups): the page says so and
    keeps following the same export until it can read it again."""
    from hvseed_gui.hyperv.errors import HyperVError

    lab.configure(export_bytes_per_sec=200 * 2**20)
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    host = wizard.ctx.host
    real = host.export_progress
    failures = {"left": 6}

    def flaky(vm, destination, job_id=""):
        if failures["left"]:
            failures["left"] -= 1
            raise HyperVError("The WinRM connection dropped.")
        return real(vm, destination, job_id)

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

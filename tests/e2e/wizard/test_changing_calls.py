"""Calls that change a host are never dropped: an enable, export or import start cannot be
abandoned and is remembered before it returns, a cancel reaches every VM started; a read-only
call can still be abandoned."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from hvseed_gui.hyperv.host import (
    JobState,
    ReplicationState,
)
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import courier, export_on_primary, walk_to_check
from tests.support.wizard import lab_state, remembered, to_media, walk_to_summary


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

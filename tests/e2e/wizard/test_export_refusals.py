"""An export refused after replication was enabled says so and can be started again; the Summary
refuses what hvseed run refuses, before anything changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from hvseed_gui.hyperv.host import (
    JobState,
    ReplicationState,
)
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import lab_state, walk_to_summary


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

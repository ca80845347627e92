"""The Summary says which way each copy reaches the drive (staged through Host A's own disk, or
straight to the drive and why), and the admin's read-back tick makes the wizard read the copy
back once, saying what it found."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.ids import PageId
from tests.support.wizard import walk_to_summary


def _route(drive, summary) -> str:
    drive.until(lambda: not summary.route_runner.busy and bool(summary.route.text()))
    return summary.route.text()


def test_the_summary_says_the_copy_is_staged_and_the_read_back_reads_it_once(
    lab, lab_dir, make_wizard, drive
):
    lab.configure(staging=True)
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    summary = wizard.currentPage()
    route = _route(drive, summary)
    assert "TinyLinux: staged export" in route and "hvseed-staging" in route
    assert summary.read_back.isVisible() and not summary.read_back.isChecked()
    summary.read_back.setChecked(True)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    drive.until(lambda: wizard.currentId() == PageId.PROGRESS, timeout=30_000)
    progress = wizard.currentPage()
    drive.until(lambda: progress.page_complete(), timeout=30_000)
    [job] = progress.hasher.jobs
    assert job.read_back is not None and job.read_back.ok
    assert "read back from the drive, all 2 files match" in job.sentence()
    from tests.support.cli import hvseed

    usb = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    seed = max((c for c in usb.values() if c["kind"] == "usb"), key=lambda c: c["written"])
    assert seed["read"] == seed["written"] > 0  # staged: written once, read back once


def test_the_summary_says_why_a_copy_goes_straight_to_the_drive(lab, make_wizard, drive):
    wizard = make_wizard()  # the lab's Host A offers no staging folder by default
    walk_to_summary(drive, wizard)
    route = _route(drive, wizard.currentPage())
    assert "TinyLinux: direct export to the drive, then a hash pass over it" in route
    assert "has no local disk with room for it" in route


def test_over_winrm_the_hosts_own_job_copies_and_the_manifest_is_the_copys(
    lab, lab_dir, make_wizard, drive
):
    """Host A's disks remote: the Summary says staged, the host's job copies and hashes, and
    the wizard reports the manifest that copy wrote (written, not "kept"), without hashing
    the drive again."""
    lab.configure(staging=True, drives_remote=True)
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    assert "TinyLinux: staged export" in _route(drive, wizard.currentPage())
    wizard.button(QWizard.WizardButton.CommitButton).click()
    drive.until(lambda: wizard.currentId() == PageId.PROGRESS, timeout=30_000)
    progress = wizard.currentPage()
    drive.until(lambda: progress.page_complete(), timeout=30_000)
    [job] = progress.hasher.jobs
    assert job.outcome.value == "written" and not job.kept and job.files == 2
    from tests.support.cli import hvseed

    usb = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    seed = max((c for c in usb.values() if c["kind"] == "usb"), key=lambda c: c["written"])
    assert seed["read"] == 0 and seed["written"] > 0  # written once by the host, never read

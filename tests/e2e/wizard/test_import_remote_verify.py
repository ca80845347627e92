"""The Check page with the drive on a remote replica host: the files are hashed there.

The lab's hosts play remote WinRM hosts (``drives_remote``): their ``local_path`` is None, as
for a drive not reachable from this process, so the flow runs the host's hashing job
(start_hashing, polls, cancel_hashing) and the page judges the result here.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.importing.import_page import folder_on_this_computer
from tests.support.import_side import consent, courier, export_on_primary, row, walk_to_folder

MiB = 2**20
INTEGRITY = "Integrity (manifest)"


def commit_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def exported_with_manifest(lab, name: str = "TinyLinux"):
    vm, folder = export_on_primary(lab, name)  # the manifest is written beside it
    courier(lab)
    return vm, folder


def to_check_as_remote(lab, drive, wizard, folder):
    walk_to_folder(drive, wizard, "TinyLinux")
    lab.configure(drives_remote=True)
    assert folder_on_this_computer(wizard.imp, folder) is None  # not reachable from here
    drive.next(wizard, PageId.IMPORT_CHECK)
    return wizard.currentPage()


@pytest.mark.realistic_disks  # hashing must take long enough to be stopped or watched
def test_remote_drive_is_verified_on_the_host_with_progress(lab, make_wizard, drive):
    lab.configure(hash_bytes_per_sec=400 * MiB)  # ~1.5 s for TinyLinux: several polls
    vm, folder = exported_with_manifest(lab)
    wizard = make_wizard()
    check = to_check_as_remote(lab, drive, wizard, folder)
    drive.until(lambda: check.hasher.busy and 0 < check.hash_bar.value() < 1000)
    text = check.hash_label.text()
    assert "Verifying on lab: hv-b:" in text and "left" in text, text
    assert not commit_enabled(wizard)  # not while hashing
    drive.until(lambda: check.checked and not check.hasher.busy)
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "ok", verdict
    assert commit_enabled(wizard)
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Completed"]  # it ran on the host


def test_remote_mismatch_blocks_the_import(lab, make_wizard, drive):
    lab.configure(hash_bytes_per_sec=50e9)
    vm, folder = exported_with_manifest(lab)
    disk = next((lab.real_path("hv-b", folder) / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\x01")
    wizard = make_wizard()
    check = to_check_as_remote(lab, drive, wizard, folder)
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and disk.name in verdict[5], verdict
    assert "differs from the manifest" in check.details.text()
    assert not commit_enabled(wizard)
    assert not check.consent.isVisible()  # a failed check is never a choice


@pytest.mark.realistic_disks  # the comment's 30 s need TinyLinux's real size
def test_remote_verification_can_be_stopped_and_the_host_job_ends(lab, make_wizard, drive):
    lab.configure(hash_bytes_per_sec=20 * MiB)  # 30 s for TinyLinux: it is stopped long before
    vm, folder = exported_with_manifest(lab)
    wizard = make_wizard()
    check = to_check_as_remote(lab, drive, wizard, folder)
    drive.until(lambda: check.hasher.busy and check.hash_bar.value() > 0)
    check.hash_cancel.click()
    drive.until(lambda: not check.hasher.busy)
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "stopped before every file was checked" in verdict[5]
    assert not commit_enabled(wizard)  # stopping the check asks for the admin's decision
    assert "stopped before the end" in consent(check)
    assert commit_enabled(wizard)
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Cancelled"]


def test_remote_folder_without_manifest_needs_the_consent(lab, make_wizard, drive):
    vm, folder = export_on_primary(lab, "TinyLinux", manifest=False)
    courier(lab)
    wizard = make_wizard()
    check = to_check_as_remote(lab, drive, wizard, folder)
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    verdict = row(check, INTEGRITY)
    assert verdict[4] == "error" and "no manifest beside" in verdict[5]
    assert "lab: hv-b" in verdict[5]
    assert not commit_enabled(wizard)
    assert "no manifest" in consent(check)
    assert commit_enabled(wizard)
    assert "hash_jobs" not in lab.dump()  # nothing to hash without a manifest


def test_remote_hashing_that_cannot_run_refuses_until_it_can(lab, make_wizard, drive):
    lab.configure(hash_bytes_per_sec=50e9)
    vm, folder = exported_with_manifest(lab)
    lab.inject_fault("hv-b", "start_hashing", "AccessDenied", "Access is denied.")
    wizard = make_wizard()
    check = to_check_as_remote(lab, drive, wizard, folder)
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    verdict = row(check, INTEGRITY)
    # a manifest is beside the folder: nothing is imported before it verified in full
    assert verdict[4] == "error" and "could not be verified on lab: hv-b" in verdict[5]
    assert "Access is denied." in verdict[5] and "Check again" in verdict[5]
    assert not commit_enabled(wizard) and not check.consent.isVisible()
    lab.configure(faults={})  # the host's hashing works again
    check.recheck_button.click()
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    assert row(check, INTEGRITY)[4] == "ok"
    assert commit_enabled(wizard)

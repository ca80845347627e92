"""After the export the wizard writes the integrity manifest beside each folder (as 'hvseed run'
does), then one handover report for every VM; cancelled hashing and a remote Host A say plainly
what is missing and why."""

from __future__ import annotations

import shutil
import subprocess
import threading

import pytest

from hvseed_gui.core import manifest as core_manifest
from hvseed_gui.core.manifest import manifest_paths, verify_manifest
from hvseed_gui.flows import drive as flows_drive
from hvseed_gui.hyperv.host import JobState
from hvseed_gui.ui import manifests as ui_manifests
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import BEFORE_VM as TO_VM
from tests.support.wizard import VM_TO_MEDIA


def to_progress(drive, wizard, names, mount_point="E:\\"):
    """Tick ``names``, put them on ``mount_point``, and start the run."""
    for page_id in TO_VM:
        drive.next(wizard, page_id)
    wizard.currentPage().select_vms(names)
    for page_id in VM_TO_MEDIA:
        drive.next(wizard, page_id)
    media = wizard.currentPage()
    drive.until(lambda: media.loaded)
    media.select_drive(mount_point)
    if len(names) > 1:
        drive.until(lambda: media.plan is not None and media.plan.ok)
        media.accept_plan.setChecked(True)
    drive.next(wizard, PageId.SUMMARY)
    drive.next(wizard, PageId.PROGRESS)
    return wizard.currentPage()


def shrink(lab, vm_name: str, size: int) -> None:
    """Make a VM's disks small on Host A (sparse files): hashing them takes moments."""
    for vhd in lab.host(lab.primary_name).inventory().vm(vm_name).vhds:
        with open(lab.real_path(lab.primary_name, vhd.path), "r+b") as f:
            f.truncate(size)


def real_folders(lab, wizard):
    return [lab.real_path(lab.primary_name, f) for f in wizard.ctx.export_folders]


class GatedHashing:
    """``write_manifest`` that waits, the first ``hold`` times, until hashing is cancelled, then
    runs the real function (which then stops at its first chunk): cancel is tested without
    racing a fast lab drive."""

    def __init__(self, monkeypatch, hold: int = 1) -> None:
        self.hold = hold
        self.calls = 0
        self.waiting = threading.Event()
        real = core_manifest.write_manifest

        def gated(folder, **kwargs):
            self.calls += 1
            if self.calls <= self.hold:
                self.waiting.set()
                kwargs["cancel"].wait(10)  # the worker thread waits for the click
            return real(folder, **kwargs)

        monkeypatch.setattr(flows_drive, "write_manifest", gated)


def test_several_vms_on_one_drive_each_get_a_manifest_and_share_one_report(lab, make_wizard, drive):
    shrink(lab, "LegacyApp", 96 * 2**20)
    wizard = make_wizard()
    progress = to_progress(drive, wizard, ["LegacyApp", "TinyLinux"], "G:\\")  # exFAT, clear
    drive.until(lambda: progress.hasher.busy, timeout=20_000)
    assert "Hashing" in progress.hashing_box.label.text()
    assert not progress.page_complete()  # Next waits for the manifests
    drive.until(lambda: progress.page_complete(), timeout=20_000)
    assert progress.state is JobState.COMPLETED
    assert [r.step.text() for r in progress.rows] == ["✔ exported · manifest"] * 2

    drive.next(wizard, PageId.DONE)
    done = wizard.currentPage()
    box = done.handover
    drive.until(lambda: box.report is not None or box.note.kind == "error")
    folders = real_folders(lab, wizard)
    assert len(folders) == 2
    for folder in folders:
        json_path, sums_path = manifest_paths(folder)
        assert json_path.parent == folder.parent and sums_path.is_file()
        check = verify_manifest(folder)
        assert check.ok, check.to_text()
    reports = sorted(folders[0].parent.glob("HANDOVER-*.txt"))
    assert len(reports) == 1 and reports[0].name in box.note.text()
    text = reports[0].read_bytes().decode("utf-8-sig")
    for vm in wizard.ctx.vms:
        assert vm.name in text and vm.id in text
    assert "No integrity manifest" not in text
    # the drive is not encrypted: said in the report and on the page
    assert "NOT ENCRYPTED" in text
    assert box.note.kind == "warning" and "NOT ENCRYPTED" in box.note.text()
    assert done.hashing_box.result.kind == "ok"
    assert [vm.name for vm in box.report.vms] == ["LegacyApp", "TinyLinux"]


def test_cancelled_hashing_leaves_no_manifest_and_hash_again_writes_it(
    lab, make_wizard, drive, monkeypatch
):
    gate = GatedHashing(monkeypatch)
    wizard = make_wizard()
    progress = to_progress(drive, wizard, ["TinyLinux"])
    drive.until(lambda: gate.waiting.is_set() and progress.hashing_box.cancel_button.isVisible())
    assert not progress.page_complete()
    progress.hashing_box.cancel_button.click()
    drive.until(lambda: progress.page_complete())
    folder = real_folders(lab, wizard)[0]
    assert not any(p.exists() for p in manifest_paths(folder))
    beside = [p.name for p in folder.parent.iterdir() if p.name.startswith(folder.name)]
    assert beside == [folder.name]  # no half manifest, no temporary file
    result = progress.hashing_box.result
    assert result.kind == "warning"
    assert "hashing was cancelled, so no integrity manifest was written" in result.text()
    assert "copy on the drive is fine" in result.text() and "Hash again" in result.text()
    assert progress.hashing_box.again_button.isVisible()

    drive.next(wizard, PageId.DONE)
    done = wizard.currentPage()
    drive.until(lambda: done.handover.report is not None)
    first = sorted(folder.parent.glob("HANDOVER-*.txt"))
    assert len(first) == 1
    assert "No integrity manifest for TinyLinux" in first[0].read_bytes().decode("utf-8-sig")
    assert "hashing was cancelled" in done.hashing_box.result.text()

    done.hashing_box.again_button.click()  # the gate lets the second hashing through
    drive.until(lambda: done.hashing_box.result.kind == "ok", timeout=20_000)
    assert verify_manifest(folder).ok
    drive.until(lambda: len(list(folder.parent.glob("HANDOVER-*.txt"))) == 2)
    drive.until(lambda: not done.handover.runner.busy)
    newer = sorted(folder.parent.glob("HANDOVER-*.txt"), key=lambda p: p.stat().st_mtime_ns)[-1]
    text = newer.read_bytes().decode("utf-8-sig")
    assert "No integrity manifest" not in text
    assert verify_manifest(folder).manifest.files[0].sha256 in text
    assert "replaces the report written before them" in done.handover.note.text()


def test_closing_the_window_while_hashing_leaves_no_manifest(lab, make_wizard, drive, monkeypatch):
    gate = GatedHashing(monkeypatch)
    wizard = make_wizard()
    progress = to_progress(drive, wizard, ["TinyLinux"])
    drive.until(lambda: gate.waiting.is_set())
    wizard.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    folder = real_folders(lab, wizard)[0]
    assert not any(p.exists() for p in manifest_paths(folder))
    assert not progress.hasher.busy


def to_progress_as_remote(lab, drive, wizard, name: str = "TinyLinux"):
    """Run the export on a lab that plays a remote Host A (``drives_remote``): its drive is
    then not readable from this process, and the lab host hashes and writes there."""
    for page_id in TO_VM:
        drive.next(wizard, page_id)
    wizard.currentPage().select_vms([name])
    for page_id in (*VM_TO_MEDIA, PageId.SUMMARY):
        drive.next(wizard, page_id)
    lab.configure(drives_remote=True)
    drive.next(wizard, PageId.PROGRESS)
    return wizard.currentPage()


@pytest.fixture()
def no_local_writers(monkeypatch):
    def refuse(*_args, **_kwargs):
        pytest.fail("the wizard hashed or wrote on this computer for a remote Host A")

    monkeypatch.setattr(flows_drive, "write_manifest", refuse)
    monkeypatch.setattr(flows_drive, "write_text_report", refuse)


def test_remote_host_a_hashes_on_the_host_and_writes_manifest_and_report_there(
    lab, make_wizard, drive, no_local_writers
):
    shrink(lab, "TinyLinux", 24 * 2**20)
    lab.configure(hash_bytes_per_sec=16 * 2**20)  # ~1.5 s: several polls with progress
    wizard = make_wizard()
    progress = to_progress_as_remote(lab, drive, wizard)
    drive.until(lambda: progress.hasher.busy and progress.hasher.estimate is not None)
    assert "Hashing TinyLinux" in progress.hashing_box.label.text()
    assert not progress.page_complete()  # Next waits for the manifest, as on this computer
    drive.until(lambda: progress.page_complete(), timeout=20_000)
    assert [r.step.text() for r in progress.rows] == ["✔ exported · manifest"]
    result = progress.hashing_box.result
    assert result.kind == "ok" and "integrity manifest written beside the folder" in result.text()
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Completed"]  # Host A hashed, not we
    folder = real_folders(lab, wizard)[0]
    json_path, sums_path = manifest_paths(folder)
    check = verify_manifest(folder)
    assert check.ok and not check.notes, check.to_text()
    if shutil.which("sha256sum"):
        run = subprocess.run(
            ["sha256sum", "-c", sums_path.name], cwd=folder.parent, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stdout + run.stderr

    drive.next(wizard, PageId.DONE)
    done = wizard.currentPage()
    box = done.handover
    drive.until(lambda: box.report is not None or box.note.kind == "error")
    (report,) = folder.parent.glob("HANDOVER-*.txt")  # written on Host A's drive
    assert report.name in box.note.text() and "not to this computer" not in box.note.text()
    text = report.read_bytes().decode("utf-8-sig")
    assert check.manifest.files[0].sha256 in text and "No integrity manifest" not in text
    assert box.report.vms[0].has_manifest and box.pdf_button.isEnabled()
    assert done.hashing_box.result.kind == "ok"


def test_remote_hashing_cancelled_stops_the_host_job_and_hash_again_writes_it(
    lab, make_wizard, drive, no_local_writers
):
    shrink(lab, "TinyLinux", 64 * 2**20)
    lab.configure(hash_bytes_per_sec=2 * 2**20)  # 32 s: it is stopped long before
    wizard = make_wizard()
    progress = to_progress_as_remote(lab, drive, wizard)
    box = progress.hashing_box
    drive.until(lambda: progress.hasher.busy and box.cancel_button.isVisible())
    drive.until(lambda: bool(progress.hasher.estimate and progress.hasher.estimate.done))
    box.cancel_button.click()
    drive.until(lambda: progress.page_complete())
    folder = real_folders(lab, wizard)[0]
    beside = sorted(p.name for p in folder.parent.iterdir() if p != folder)
    assert beside == []  # no manifest, no temporary file
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Cancelled"]  # the host's job ended too
    assert box.result.kind == "warning"
    assert "hashing was cancelled, so no integrity manifest was written" in box.result.text()
    assert box.again_button.isVisible()

    lab.configure(hash_bytes_per_sec=50e9)
    box.again_button.click()
    drive.until(lambda: box.result.kind == "ok", timeout=20_000)
    assert verify_manifest(folder).ok
    states = sorted(j["state"] for j in lab.dump()["hash_jobs"].values())
    assert states == ["Cancelled", "Completed"]


def test_remote_host_a_without_a_connection_is_said_plainly(lab, make_wizard, drive):
    """Only without a host to ask is a remote folder left without manifest: the outcome says
    why (the jobs name a remote host, the hasher has none)."""
    from hvseed_gui.core.plan import normalize_vm_id
    from hvseed_gui.hyperv.host import VmRef

    hasher = ui_manifests.ManifestHasher()
    vm = VmRef("TinyLinux", normalize_vm_id("6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"))
    job = ui_manifests.ManifestJob(
        vm, f"E:\\TinyLinux_{vm.id}", "hv-a", remote_host="hv-a.corp.example"
    )
    hasher.reset([job])
    hasher.start()
    assert job.outcome is ui_manifests.Outcome.REMOTE and not hasher.busy
    text = job.sentence()
    assert "no integrity manifest was written" in text and "hv-a.corp.example" in text
    assert "no connection to it" in text

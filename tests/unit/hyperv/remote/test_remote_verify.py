"""Hashing where the drive is, through the seam: the lab's poll-driven job and remote verify.

The lab job really hashes the files on the lab drive, so these tests judge real bytes: a
flipped byte must come back as a mismatch through the same path a WinRM host takes.
"""

from __future__ import annotations

import threading

import pytest

from hvseed_gui.core.manifest import FileStatus, ManifestProblem, write_manifest
from hvseed_gui.hyperv.host import JobState
from hvseed_gui.hyperv.host_errors import CmdletError, NotFound
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.remote_verify import manifest_locations, verify_on_host

MiB = 2**20
VM_ID = "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"
FOLDER = f"F:\\Seed\\SQL01_{VM_ID}"


@pytest.fixture
def folder(lab):
    """An export-like folder on hv-b's F: with a manifest beside it: 3 MiB + 1 MiB + an XML."""
    real = lab.real_path("hv-b", "F:\\") / "Seed" / f"SQL01_{VM_ID}"
    (real / "Virtual Hard Disks").mkdir(parents=True)
    (real / "Virtual Machines").mkdir()
    (real / "Virtual Hard Disks" / "SQL01.vhdx").write_bytes(bytes(range(256)) * (3 * MiB // 256))
    (real / "Virtual Hard Disks" / "Data.vhdx").write_bytes(b"\x5a" * MiB)
    (real / "Virtual Machines" / f"{VM_ID}.xml").write_text("<VM/>", encoding="utf-8")
    write_manifest(real, vm_name="SQL01", vm_id=VM_ID, source_host="hv-a", replica_server="hv-b")
    return real


def ticking(clock, seconds: float = 1.0):
    """A progress callback that moves the lab's clock: each poll finds ``seconds`` elapsed."""
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        clock.advance(seconds)

    return progress, seen


def test_lab_job_advances_per_poll_by_rate_and_hashes_for_real(lab, folder, clock):
    host = lab.host("hv-b")
    job = host.start_hashing(FOLDER)
    assert job.state is JobState.RUNNING and job.bytes_total == 4 * MiB + 5
    assert job.hashes == {}  # hashes only come with COMPLETED
    clock.advance(1)
    job = host.hashing_progress(job.job_id)
    assert job.bytes_done == 1 * MiB  # one second at 1 MiB/s
    # the job lives in the lab directory: another process (another Lab object) polls it on
    other = Lab.open(lab.directory, clock=clock).host("hv-b")
    clock.advance(10)
    done = other.hashing_progress(job.job_id)
    assert done.state is JobState.COMPLETED and done.fraction == 1.0
    import hashlib

    real = (folder / "Virtual Hard Disks" / "Data.vhdx").read_bytes()
    assert done.hashes["Virtual Hard Disks/Data.vhdx"] == hashlib.sha256(real).hexdigest()
    assert set(done.hashes) == {
        "Virtual Hard Disks/SQL01.vhdx",
        "Virtual Hard Disks/Data.vhdx",
        f"Virtual Machines/{VM_ID}.xml",
    }


def test_only_the_listed_paths_are_hashed_and_bad_ones_are_named(lab, folder, clock):
    host = lab.host("hv-b")
    job = host.start_hashing(FOLDER, ["Virtual Hard Disks/Data.vhdx", "gone.vhdx", "../x"])
    assert job.bytes_total == MiB
    clock.advance(5)
    job = host.hashing_progress(job.job_id)
    assert list(job.hashes) == ["Virtual Hard Disks/Data.vhdx"]
    assert set(job.unreadable) == {"gone.vhdx", "../x"}


def test_remote_verify_finds_the_copy_intact(lab, folder, clock):
    progress, seen = ticking(clock)
    report = verify_on_host(lab.host("hv-b"), FOLDER, progress=progress, poll_interval=0)
    assert report.ok, report.to_text()
    assert report.bytes_hashed == 4 * MiB + 5
    assert seen[0][1] == 4 * MiB + 5 and seen[-1][0] == seen[-1][1]
    assert len(seen) >= 4  # several polls: progress really came from the host's job
    assert "The copy is intact" in report.to_text()


def test_a_flipped_byte_is_found_through_the_remote_path(lab, folder, clock):
    disk = folder / "Virtual Hard Disks" / "SQL01.vhdx"
    data = bytearray(disk.read_bytes())
    data[2 * MiB + 17] ^= 0x01
    disk.write_bytes(bytes(data))
    progress, _ = ticking(clock, 5)
    report = verify_on_host(lab.host("hv-b"), FOLDER, progress=progress, poll_interval=0)
    assert not report.ok
    (bad,) = report.findings
    assert bad.path == "Virtual Hard Disks/SQL01.vhdx" and bad.status is FileStatus.MISMATCH
    assert "Do not import this copy" in report.to_text()


def test_truncated_and_extra_files_are_judged_without_hashing_them(lab, folder, clock):
    (folder / "Virtual Hard Disks" / "Data.vhdx").write_bytes(b"\x5a" * 100)
    (folder / "notes.txt").write_text("added later", encoding="utf-8")
    progress, _ = ticking(clock, 5)
    host = lab.host("hv-b")
    report = verify_on_host(host, FOLDER, progress=progress, poll_interval=0)
    statuses = {f.path: f.status for f in report.findings}
    assert statuses == {
        "Virtual Hard Disks/Data.vhdx": FileStatus.TRUNCATED,
        "notes.txt": FileStatus.EXTRA,
    }
    assert report.bytes_hashed == 3 * MiB + 5  # the truncated file was not sent for hashing


def test_cancel_stops_the_job_on_the_host(lab, folder, clock):
    host = lab.host("hv-b")
    flag = threading.Event()
    jobs = []

    def progress(done: int, total: int) -> None:
        clock.advance(1)
        if done > 0:
            flag.set()

    report = verify_on_host(
        host, FOLDER, progress=progress, cancel=flag, poll_interval=0, on_job=jobs.append
    )
    assert report.cancelled and not report.ok
    assert "cancelled" in report.to_text()
    clock.advance(100)
    after = host.hashing_progress(jobs[0].job_id)
    assert after.state is JobState.CANCELLED and after.bytes_done < after.bytes_total


def test_pulling_the_drive_fails_the_job_in_a_sentence(lab, folder, clock):
    host = lab.host("hv-b")
    job = host.start_hashing(FOLDER)
    lab.unplug("hv-b", "F:")
    clock.advance(1)
    job = host.hashing_progress(job.job_id)
    assert job.state is JobState.FAILED
    assert "no longer attached" in job.message and "F:" in job.message
    with pytest.raises(NotFound):  # and a new check says the drive is not there
        verify_on_host(host, FOLDER, poll_interval=0)


def test_a_failed_job_during_verify_is_raised_as_a_sentence(lab, folder, clock):
    host = lab.host("hv-b")

    pulled = []

    def progress(done: int, total: int) -> None:
        clock.advance(1)
        if done > 0 and not pulled:
            pulled.append(lab.unplug("hv-b", "F:"))

    with pytest.raises(CmdletError, match="no longer attached"):
        verify_on_host(host, FOLDER, progress=progress, poll_interval=0)


def test_missing_and_damaged_manifests_are_reported_not_raised(lab, folder, clock):
    host = lab.host("hv-b")
    _, json_path, sums_path = manifest_locations(FOLDER)
    real_json = lab.real_path("hv-b", json_path)
    real_json.write_text("{not json", encoding="utf-8")
    report = verify_on_host(host, FOLDER, poll_interval=0)
    assert report.problem is ManifestProblem.MANIFEST_UNREADABLE
    assert "not valid JSON" in report.problem_detail
    real_json.unlink()
    report = verify_on_host(host, FOLDER, poll_interval=0)
    assert report.problem is ManifestProblem.MANIFEST_MISSING and "lab: hv-b" in report.to_text()
    report = verify_on_host(host, "F:\\Seed\\Nothing_here", poll_interval=0)
    assert report.problem is ManifestProblem.FOLDER_MISSING


def test_sums_file_disagreeing_is_a_note(lab, folder, clock):
    _, _, sums_path = manifest_locations(FOLDER)
    lab.real_path("hv-b", sums_path).unlink()
    progress, _ = ticking(clock, 5)
    report = verify_on_host(lab.host("hv-b"), FOLDER, progress=progress, poll_interval=0)
    assert report.ok
    assert any(".sha256 is missing" in note for note in report.notes)


def test_read_text_file_on_the_lab(lab, folder):
    host = lab.host("hv-b")
    _, json_path, _ = manifest_locations(FOLDER)
    assert '"hvseed-manifest"' in host.read_text_file(json_path, 1 << 20)
    assert host.read_text_file("F:\\Seed\\absent.json", 100) is None
    with pytest.raises(CmdletError, match="larger than 10 bytes"):
        host.read_text_file(json_path, 10)


def test_unknown_job_is_a_failed_job_with_a_sentence(lab):
    job = lab.host("hv-b").hashing_progress("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert job.state is JobState.FAILED and "no hashing job" in job.message

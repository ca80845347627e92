"""Hostile export folders on the lab: a FIFO, a link to /dev/zero, a link out of the folder.

The ``hvseed`` processes run as real subprocesses (with a deadline and, where memory is the
danger, an address-space limit), so a hang or a runaway read fails the test instead of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hvseed_gui.core.untrusted import UnsafeFolder
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.lab import drives as lab_drives
from tests.support.cli import export_example, hvseed

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks: POSIX"),
    pytest.mark.realistic_disks,  # the demo's disk sizes, as the lab this module shared had them
]

REPO = Path(__file__).resolve().parents[3]
GiB = 1024**3


def start(lab: Path, *argv: str, address_space: int | None = None) -> subprocess.Popen[str]:
    def limit() -> None:  # runs in the child only
        if address_space is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

    return subprocess.Popen(
        [sys.executable, "-m", "hvseed_gui.cli", "--lab", str(lab), "--poll", "0.01", *argv],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limit,
    )


def finish(process: subprocess.Popen[str], seconds: float) -> tuple[int, str]:
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"hvseed did not end within {seconds} s")
    return process.returncode, out + err


def test_a_fifo_in_the_folder_is_named_and_the_lab_keeps_answering(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    fifo = folder / "Virtual Machines" / "copy.xml"
    os.mkfifo(fifo)  # nobody ever writes to it: a reader that opens it waits forever

    inspect = start(lab_dir, "inspect", str(folder))
    status = start(lab_dir, "status", plan["vms"][0]["name"])
    try:
        code, status_text = finish(status, 20)
        assert code == 0, status_text
        code, text = finish(inspect, 20)
    finally:
        for process in (inspect, status):
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert code != 0
    assert "Virtual Machines/copy.xml" in text and "named pipe" in text
    assert "Traceback" not in text


def test_the_lab_lock_is_free_while_a_drive_is_read(lab_dir, tmp_path, monkeypatch):
    plan, folder = export_example(lab_dir, tmp_path)
    reading, release = threading.Event(), threading.Event()
    real_walk = lab_drives.walk

    def slow_walk(root, **kwargs):  # a drive that takes its time
        reading.set()
        release.wait(30)
        return real_walk(root, **kwargs)

    monkeypatch.setattr(lab_drives, "walk", slow_walk)
    results: dict[str, int] = {}
    inspecting = threading.Thread(
        target=lambda: results.update(inspect=hvseed("inspect", str(folder), lab=lab_dir)[0])
    )
    inspecting.start()
    try:
        assert reading.wait(20)
        answered = threading.Thread(
            target=lambda: results.update(status=hvseed("status", "SQL01", lab=lab_dir)[0])
        )
        answered.start()
        answered.join(20)
        assert not answered.is_alive(), "status waited for the drive read"
        assert results["status"] == 0
    finally:
        release.set()
        inspecting.join(30)
    assert results["inspect"] == 0


@pytest.mark.parametrize("victim", ["disk", "xml"])
def test_a_link_to_dev_zero_ends_inspect_and_verify_with_its_name(lab_dir, tmp_path, victim):
    _plan, folder = export_example(lab_dir, tmp_path)
    if victim == "disk":
        target = next((folder / "Virtual Hard Disks").glob("*.vhdx"))
    else:
        target = next((folder / "Virtual Machines").glob("*.xml"))
    rel = target.relative_to(folder).as_posix()
    target.unlink()
    target.symlink_to("/dev/zero")

    for command in ("inspect", "verify"):
        code, text = finish(start(lab_dir, command, str(folder), address_space=3 * GiB), 60)
        assert code != 0, text
        assert rel in text and "link" in text, text
        assert "Traceback" not in text and "MemoryError" not in text


def test_a_link_out_of_the_folder_is_named_by_the_lab_listing(lab_dir, tmp_path):
    _plan, folder = export_example(lab_dir, tmp_path)
    secret = tmp_path / "secret.xml"
    secret.write_text("<secret/>", encoding="utf-8")
    (folder / "Virtual Machines" / "other.xml").symlink_to(secret)
    lab = Lab.open(lab_dir)
    host = lab.host(lab.primary_name)

    with pytest.raises(UnsafeFolder) as caught:
        host.read_export_folder(str(folder))
    assert "Virtual Machines/other.xml" in str(caught.value)
    assert "<secret/>" not in str(caught.value)

    # the job that hashes where the drive is names it too, and never reads it
    job = host.start_hashing(str(folder))
    while job.state.value == "Running":
        job = host.hashing_progress(job.job_id)
    assert "Virtual Machines/other.xml" in job.unreadable
    assert "Virtual Machines/other.xml" not in job.hashes

""" "File too large" and "No space left on device" name the file that could not be written.

EFBIG is real: the child runs with a small RLIMIT_FSIZE (Python ignores SIGXFSZ, so the write
fails). ENOSPC cannot be made without a full file system, so a failing fsync stands in for it.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hvseed_gui.core import recovery_key
from hvseed_gui.core.manifest import ManifestError, build_manifest, save_manifest
from hvseed_gui.hyperv.lab import Lab

VM_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
resource = pytest.importorskip("resource")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "drive" / f"SQL01_{VM_ID}"
    (folder / "Virtual Hard Disks").mkdir(parents=True)
    for n in range(60):
        (folder / "Virtual Hard Disks" / f"disk-{n:03d}.vhdx").write_bytes(b"x" * n)
    return folder


def _hvseed_limited(argv: list[str], limit: int) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "hvseed_gui.cli", *argv],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        env=dict(os.environ, PYTHONPATH=str(Path.cwd())),
        timeout=60,
    )


def test_a_manifest_that_is_too_large_for_the_file_system_names_its_file(folder, tmp_path):
    lab_dir = tmp_path / "lab"
    Lab.open(lab_dir)
    done = _hvseed_limited(["--lab", str(lab_dir), "manifest", str(folder)], 2000)
    assert done.returncode == 1, done.stderr
    sums = folder.with_name(folder.name + ".sha256")
    assert f"Cannot write the manifest file {sums}: File too large." in done.stderr
    assert "internal error" not in done.stderr
    assert not sums.exists()  # written whole or not at all


def test_a_report_that_is_too_large_for_the_file_system_names_its_file(folder):
    manifest = build_manifest(
        folder, vm_name="SQL01", vm_id=VM_ID, source_host="a", replica_server="b"
    )
    save_manifest(manifest, folder)
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from hvseed_gui.core.report import report_from_folders, write_text_report\n"
        "report = report_from_folders([Path(sys.argv[1])])\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))\n"
        "try:\n"
        "    write_text_report(report, Path(sys.argv[1]).parent)\n"
        "except Exception as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(Path.cwd())),
        timeout=60,
    )
    assert f"Cannot write the handover report {folder.parent}" in done.stdout, done
    assert "HANDOVER-" in done.stdout and "File too large" in done.stdout
    assert not list(folder.parent.glob("HANDOVER-*"))


def _disk_full(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_drive_names_the_manifest_file_being_written(folder, monkeypatch):
    manifest = build_manifest(
        folder, vm_name="SQL01", vm_id=VM_ID, source_host="a", replica_server="b"
    )
    from hvseed_gui.core import whole_files

    monkeypatch.setattr(whole_files.os, "fsync", _disk_full)
    with pytest.raises(ManifestError) as caught:
        save_manifest(manifest, folder)
    sums = folder.with_name(folder.name + ".sha256")
    assert f"{sums}: No space left on device" in str(caught.value)
    assert not sums.exists()


def test_a_full_drive_names_the_recovery_key_file(tmp_path, monkeypatch):
    monkeypatch.setattr(recovery_key.os, "fsync", _disk_full)
    path = tmp_path / "key.txt"
    with pytest.raises(OSError) as caught:
        recovery_key.write_key_file(str(path), "key")
    assert caught.value.filename == str(path) and "No space left" in str(caught.value)
    assert not path.exists()

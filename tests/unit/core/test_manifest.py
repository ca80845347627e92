"""The integrity manifest: written beside the export folder, damage reported by file name."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from hvseed_gui.core import hashing
from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.hashing import hash_files
from hvseed_gui.core.manifest import (
    FileStatus,
    Manifest,
    ManifestError,
    ManifestProblem,
    compare,
    files_to_hash,
    list_files,
    manifest_paths,
    parse_sha256sum,
    verify_manifest,
    write_manifest,
)
from hvseed_gui.hyperv.host_errors import Cancelled
from tests.support.export_folders import CONFIG, VHD, VM_ID, make_export, write


def finding(report, path: str):
    matches = [f for f in report.files if f.path == path]
    assert len(matches) == 1, report.to_text()
    return matches[0]


def test_round_trip_is_ok_and_manifest_sits_beside_the_folder(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    manifest = write(folder)
    json_path, sums_path = manifest_paths(folder)
    assert json_path.parent == sums_path.parent == tmp_path  # beside, not inside
    assert json_path.name == f"Prüf-Server_{VM_ID}.hvseed-manifest.json"
    assert sums_path.name == f"Prüf-Server_{VM_ID}.sha256"
    assert [e.path for e in list_files(folder)] == sorted(f.path for f in manifest.files)

    doc = json.loads(json_path.read_text(encoding="utf-8"))
    assert doc["vm"] == {"name": "Prüf-Server", "id": VM_ID}
    assert doc["source_host"] == "hv-a.corp.local"
    assert doc["replica_server"] == "hv-b.corp.local"
    assert doc["tool_version"] == "9.9.9"
    by_path = {f["path"]: f for f in doc["files"]}
    vhd_bytes = (folder / VHD).read_bytes()
    assert by_path[VHD]["sha256"] == hashlib.sha256(vhd_bytes).hexdigest()
    assert by_path[VHD]["size"] == len(vhd_bytes)
    assert Manifest.from_json(json_path.read_text(encoding="utf-8")) == manifest

    report = verify_manifest(folder)
    assert report.ok, report.to_text()
    assert {f.status for f in report.files} == {FileStatus.OK}
    assert report.bytes_hashed == manifest.total_bytes
    assert "match the manifest" in report.to_text()
    assert report.notes == ()


def test_flipped_byte_is_reported_by_name(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    write(folder)
    data = bytearray((folder / VHD).read_bytes())
    data[123_456] ^= 0x01
    (folder / VHD).write_bytes(bytes(data))
    report = verify_manifest(folder)
    assert not report.ok
    assert finding(report, VHD).status is FileStatus.MISMATCH
    assert [f.path for f in report.findings] == [VHD]
    text = report.to_text()
    assert VHD in text and "export the initial copy again" in text


def test_truncated_file_is_reported_by_name(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    write(folder)
    size = (folder / VHD).stat().st_size
    with open(folder / VHD, "r+b") as f:
        f.truncate(size - 1000)
    report = verify_manifest(folder)
    check = finding(report, VHD)
    assert check.status is FileStatus.TRUNCATED
    assert (check.expected_size, check.actual_size) == (size, size - 1000)
    assert [f.path for f in report.findings] == [VHD]
    assert "incomplete" in report.to_text()


def test_missing_and_extra_files_are_reported_by_name(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    write(folder)
    (folder / CONFIG).unlink()
    (folder / "Virtual Hard Disks" / "stray.avhdx").write_bytes(b"x")
    report = verify_manifest(folder)
    assert not report.ok
    assert finding(report, CONFIG).status is FileStatus.MISSING
    assert finding(report, "Virtual Hard Disks/stray.avhdx").status is FileStatus.EXTRA
    assert finding(report, VHD).status is FileStatus.OK
    text = report.to_text()
    assert f"{CONFIG}: missing" in text
    assert "Virtual Hard Disks/stray.avhdx: not in the manifest" in text
    assert "2 of 4 files do not match" in text


def test_sha256sum_accepts_the_sums_file_and_catches_damage(tmp_path: Path) -> None:
    tool = shutil.which("sha256sum")
    if tool is None:
        pytest.skip("sha256sum is not installed")
    folder = make_export(tmp_path)
    write(folder)
    _, sums_path = manifest_paths(folder)
    ok = subprocess.run(
        [tool, "--strict", "-c", sums_path.name], cwd=tmp_path, capture_output=True, timeout=60
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.decode("utf-8").count(": OK") == 3

    with open(folder / VHD, "r+b") as f:
        f.seek(10)
        byte = f.read(1)
        f.seek(10)
        f.write(bytes([byte[0] ^ 0xFF]))
    bad = subprocess.run(
        [tool, "-c", sums_path.name], cwd=tmp_path, capture_output=True, timeout=60
    )
    assert bad.returncode != 0
    assert f"{folder.name}/{VHD}: FAILED" in bad.stdout.decode("utf-8")


def test_existing_manifest_is_never_overwritten(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    write(folder)
    json_path, sums_path = manifest_paths(folder)
    before = (json_path.read_bytes(), sums_path.read_bytes())
    (folder / CONFIG).write_text("<changed/>", encoding="utf-8")
    with pytest.raises(ManifestError, match="already exists"):
        write(folder)
    assert (json_path.read_bytes(), sums_path.read_bytes()) == before


def test_a_lone_sums_file_blocks_writing_and_survives(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    json_path, sums_path = manifest_paths(folder)
    sums_path.write_text("someone else's\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="never overwrites"):
        write(folder)
    assert sums_path.read_text(encoding="utf-8") == "someone else's\n"
    assert not json_path.exists()


def test_write_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="does not exist"):
        write(tmp_path / f"Gone_{VM_ID}")
    assert list(tmp_path.iterdir()) == []


def test_missing_manifest_is_reported(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    report = verify_manifest(folder)
    assert not report.ok
    assert report.problem is ManifestProblem.MANIFEST_MISSING
    assert "no manifest beside" in report.to_text()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not an hvseed manifest"),
        (
            '{"format": "hvseed-manifest", "version": 1, "created": "2025-01-01T00:00:00+00:00",'
            ' "files": [{"path": "../../etc/passwd", "size": 1, "sha256": "' + "a" * 64 + '"}]}',
            "not a plain relative path",
        ),
    ],
)
def test_unreadable_manifest_is_reported(tmp_path: Path, text: str, reason: str) -> None:
    folder = make_export(tmp_path)
    json_path, _ = manifest_paths(folder)
    json_path.write_text(text, encoding="utf-8")
    report = verify_manifest(folder)
    assert report.problem is ManifestProblem.MANIFEST_UNREADABLE
    assert reason in report.to_text()
    assert not report.ok


def test_edited_sums_file_is_noted_without_failing(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    manifest = write(folder)
    _, sums_path = manifest_paths(folder)
    vhd_hash = next(f.sha256 for f in manifest.files if f.path == VHD)
    sums_path.write_text(
        sums_path.read_text(encoding="utf-8").replace(vhd_hash, "0" * 64), encoding="utf-8"
    )
    report = verify_manifest(folder)
    assert report.ok
    assert len(report.notes) == 1 and VHD in report.notes[0]


def test_cancel_during_verify_returns_a_cancelled_report(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    write(folder)
    cancel = threading.Event()
    cancel.set()
    report = verify_manifest(folder, cancel=cancel)
    assert report.cancelled and not report.ok
    assert "cancelled" in report.to_text()


class CancelAfter:
    """A cancel flag that turns on after ``n`` looks, i.e. after a known amount of work."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.looks = 0
        self._lock = threading.Lock()

    def is_set(self) -> bool:
        with self._lock:
            self.looks += 1
            return self.looks > self.n


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_stops_hashing_within_a_chunk_per_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(hashing, "PROGRESS_INTERVAL", 0.0)  # a progress call per chunk
    chunk = 4096
    for name in ("a.vhdx", "b.vhdx"):
        (tmp_path / name).write_bytes(os.urandom(chunk * 200))
    seen: list[int] = []
    with pytest.raises(Cancelled):
        hash_files(
            tmp_path,
            ["a.vhdx", "b.vhdx"],
            progress=lambda done, total: seen.append(done),
            cancel=CancelAfter(5),
            workers=workers,
            chunk=chunk,
        )
    assert max(seen, default=0) <= (5 + workers) * chunk  # 400 chunks would be the full run


def test_write_cancelled_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = make_export(tmp_path)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        write_manifest(
            folder, vm_name="x", vm_id=VM_ID, source_host="a", replica_server="b", cancel=cancel
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]


@pytest.mark.parametrize("workers", [None, 1, 3])
def test_hash_files_matches_hashlib_serial_parallel_and_adaptive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int | None
) -> None:
    monkeypatch.setattr(hashing, "PROBE_BYTES", 8192)  # let the adaptive gate decide early
    names = [f"d{i}/f{i}.bin" for i in range(5)] + ["empty.bin"]
    expected = {}
    for i, name in enumerate(names):
        data = os.urandom(i * 50_000 + 1) if name != "empty.bin" else b""
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(data)
        expected[name] = hashlib.sha256(data).hexdigest()
    calls: list[tuple[int, int]] = []
    got = hash_files(
        tmp_path, names, workers=workers, chunk=8192, progress=lambda d, t: calls.append((d, t))
    )
    assert got == expected
    assert list(got) == names  # caller's order
    total = sum((tmp_path / n).stat().st_size for n in names)
    assert calls[-1] == (total, total)


def test_unreadable_file_is_collected_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "here.bin").write_bytes(b"abc")
    errors: dict[str, OSError] = {}
    got = hash_files(tmp_path, ["here.bin", "gone.bin"], errors=errors)
    assert got == {"here.bin": hashlib.sha256(b"abc").hexdigest()}
    assert list(errors) == ["gone.bin"]
    with pytest.raises(FileNotFoundError):
        hash_files(tmp_path, ["gone.bin"])


def test_compare_works_on_a_remote_listing_and_hashes() -> None:
    """What a remote host sends back (listing + hashes) is judged by the same rules."""
    manifest = Manifest.from_json(
        json.dumps(
            {
                "format": "hvseed-manifest",
                "version": 1,
                "folder": f"SQL01_{VM_ID}",
                "vm": {"name": "SQL01", "id": VM_ID},
                "created": "2025-05-01T10:00:00+00:00",
                "files": [
                    {"path": "a.vhdx", "size": 10, "sha256": "a" * 64},
                    {"path": "b.vhdx", "size": 10, "sha256": "b" * 64},
                    {"path": "c.xml", "size": 5, "sha256": "c" * 64},
                    {"path": "d.vhdx", "size": 7, "sha256": "d" * 64},
                ],
            }
        )
    )
    listing = [FileEntry("a.vhdx", 10), FileEntry("b.vhdx", 10), FileEntry("c.xml", 4)]
    listing.append(FileEntry("x.txt", 1))
    assert files_to_hash(manifest, listing) == ["a.vhdx", "b.vhdx"]
    checks = compare(manifest, listing, {"a.vhdx": "A" * 64, "b.vhdx": "f" * 64})
    assert [(c.path, c.status) for c in checks] == [
        ("a.vhdx", FileStatus.OK),  # Get-FileHash's upper case is fine
        ("b.vhdx", FileStatus.MISMATCH),
        ("c.xml", FileStatus.TRUNCATED),
        ("d.vhdx", FileStatus.MISSING),
        ("x.txt", FileStatus.EXTRA),
    ]
    unreadable = compare(manifest, listing, {}, {"a.vhdx": "I/O error"})[0]
    assert unreadable.status is FileStatus.UNREADABLE
    assert "I/O error" in unreadable.sentence()


def test_sums_lines_with_awkward_names_round_trip() -> None:
    manifest = Manifest.from_json(
        json.dumps(
            {
                "format": "hvseed-manifest",
                "version": 1,
                "folder": "Prüf Server_X",
                "created": "2025-05-01T10:00:00+00:00",
                "files": [{"path": "dir/na me.vhdx", "size": 1, "sha256": "e" * 64}],
            }
        )
    )
    text = manifest.to_sha256sum()
    assert text == f"{'e' * 64}  Prüf Server_X/dir/na me.vhdx\n"
    assert parse_sha256sum(text.replace("\n", "\r\n"), "Prüf Server_X") == {
        "dir/na me.vhdx": "e" * 64
    }


def test_parallel_only_when_hashing_not_reading_is_the_bottleneck() -> None:
    """A USB hard disk (slow reads) keeps one reader; fast storage (CPU-bound) gets them all."""
    slow_disk = hashing._Gate(1, 4, adaptive=True)
    slow_disk.observe(hashing.PROBE_BYTES, read_s=2.0, hash_s=0.1)
    assert slow_disk.limit == 1
    cpu_bound = hashing._Gate(1, 4, adaptive=True)
    cpu_bound.observe(hashing.PROBE_BYTES // 2, read_s=0.01, hash_s=0.2)
    assert cpu_bound.limit == 1  # not decided before the probe is complete
    cpu_bound.observe(hashing.PROBE_BYTES // 2, read_s=0.01, hash_s=0.2)
    assert cpu_bound.limit == 4

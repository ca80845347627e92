"""The manifest and the handover report written on the host where the drive is.

The lab host stands in for a WinRM host: it lists, hashes in its own poll-driven job and writes
with ``write_new_text_files``; the files land on the lab drive, so they are checked here with
``core.manifest.verify_manifest`` and with GNU ``sha256sum -c`` as the replica side would.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

import pytest

from hvseed_gui.core.manifest import Manifest, ManifestError, manifest_paths, verify_manifest
from hvseed_gui.core.report import report_file_name
from hvseed_gui.hyperv.host_errors import Cancelled, CmdletError
from hvseed_gui.hyperv.remote_manifest import (
    build_report_on_host,
    folder_parent,
    write_report_on_host,
)
from tests.support.remote_drive import FOLDER, NAME, VM_ID, MiB, ticking, write


def beside(folder) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p != folder)


def test_manifest_hashed_and_written_on_the_host_verifies_here_and_with_sha256sum(
    lab, folder, clock
):
    progress, seen = ticking(clock)
    manifest = write(lab, progress)
    json_path, sums_path = manifest_paths(folder)
    assert beside(folder) == sorted([json_path.name, sums_path.name])  # nothing else, no temp
    assert Manifest.from_json(json_path.read_text(encoding="utf-8")) == manifest
    assert sums_path.read_text(encoding="utf-8") == manifest.to_sha256sum()
    assert {f.path for f in manifest.files} == {
        "Virtual Hard Disks/Prüf.vhdx",
        "Virtual Hard Disks/Data.vhdx",
        f"Virtual Machines/{VM_ID}.xml",
    }
    assert manifest.folder == NAME and manifest.replica_server == "hv-b.lab.local"
    check = verify_manifest(folder)
    assert check.ok and not check.notes, check.to_text()
    # several polls with growing byte counts: the progress the wizard and the CLI show
    assert len(seen) >= 4 and seen[-1] == (4 * MiB + 5, 4 * MiB + 5)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Completed"]  # hashed on the host
    if shutil.which("sha256sum"):
        run = subprocess.run(
            ["sha256sum", "-c", sums_path.name],
            cwd=folder.parent,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.count(": OK") == 3


def test_a_flipped_byte_after_writing_is_found_by_the_check(lab, folder, clock):
    progress, _ = ticking(clock, 10)
    write(lab, progress)
    with (folder / "Virtual Hard Disks" / "Data.vhdx").open("r+b") as handle:
        handle.write(b"X")
    check = verify_manifest(folder)
    assert not check.ok and "Data.vhdx" in check.to_text()


@pytest.mark.parametrize("which", [0, 1])
def test_an_existing_manifest_is_never_overwritten_and_nothing_is_hashed(lab, folder, which):
    existing = manifest_paths(folder)[which]
    existing.write_bytes(b"earlier")
    with pytest.raises(ManifestError, match="already exists on lab: hv-b") as caught:
        write(lab)
    assert "never overwrites" in str(caught.value)
    assert existing.read_bytes() == b"earlier"
    assert beside(folder) == [existing.name]
    assert "hash_jobs" not in lab.dump()  # refused before hashing


def test_a_manifest_that_appears_while_hashing_is_kept_and_nothing_is_written(lab, folder, clock):
    json_path, sums_path = manifest_paths(folder)

    def meanwhile(polls: int) -> None:
        if polls == 2:
            json_path.write_bytes(b"someone else's")

    progress, _ = ticking(clock, 1, meanwhile)
    with pytest.raises(CmdletError) as caught:
        write(lab, progress)
    assert caught.value.category == "ResourceExists" and json_path.name in str(caught.value)
    assert json_path.read_bytes() == b"someone else's"
    assert not sums_path.exists()  # all or nothing: the .sha256 was not written either


def test_cancel_stops_the_host_job_and_writes_nothing(lab, folder, clock):
    flag = threading.Event()

    def stop_after_two(polls: int) -> None:
        if polls == 2:
            flag.set()

    progress, _ = ticking(clock, 1, stop_after_two)
    with pytest.raises(Cancelled, match="no manifest was written"):
        write(lab, progress, flag)
    assert beside(folder) == []
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Cancelled"]


def test_a_drive_pulled_out_while_hashing_writes_nothing(lab, folder, clock):
    def pull(polls: int) -> None:
        if polls == 2:
            lab.unplug("hv-b", "F:")

    progress, _ = ticking(clock, 1, pull)
    with pytest.raises(CmdletError, match="no longer attached"):
        write(lab, progress)
    assert beside(folder) == []


def test_a_missing_folder_is_a_sentence(lab):
    with pytest.raises(ManifestError, match="does not exist on lab: hv-b"):
        write(lab, folder="F:\\Seed\\Nothing_here")


def test_folder_parent_names_the_folder_that_holds_it():
    assert folder_parent("E:\\Seed\\SQL01_x\\") == "E:\\Seed"
    assert folder_parent("E:\\SQL01_x") == "E:\\"
    assert folder_parent("\\\\hv-a\\E$\\SQL01_x") == "\\\\hv-a\\E$"
    with pytest.raises(ValueError):
        folder_parent("SQL01_x")


def test_handover_report_is_written_on_the_host_never_over_an_earlier_one(lab, folder, clock):
    progress, _ = ticking(clock, 10)
    manifest = write(lab, progress)
    host = lab.host("hv-b")
    report = build_report_on_host(host, [FOLDER], source_host="hv-a.lab.local")
    assert report.vms[0].has_manifest and report.replica_server == "hv-b.lab.local"
    first = write_report_on_host(host, report, "F:\\Seed")
    second = write_report_on_host(host, report, "F:\\Seed")
    day = report.created.astimezone()
    assert first == f"F:\\Seed\\{report_file_name(day)}"
    assert second == f"F:\\Seed\\{report_file_name(day, 2)}"
    raw = (folder.parent / report_file_name(day)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n\n" not in raw
    text = raw.decode("utf-8-sig")
    assert "Prüf server" in text and manifest.files[0].sha256 in text
    assert (folder.parent / report_file_name(day, 2)).read_bytes() == raw


def test_handover_report_of_a_folder_without_manifest_uses_the_listing(lab, folder):
    report = build_report_on_host(lab.host("hv-b"), [FOLDER])
    (vm,) = report.vms
    assert not vm.has_manifest and vm.name == "Prüf server" and vm.total_bytes == 4 * MiB + 5
    assert any("No integrity manifest" in w for w in report.warnings())
    assert "hash_jobs" not in lab.dump()  # the listing came from the host; nothing hashed

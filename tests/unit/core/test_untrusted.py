"""Untrusted folders: links never followed, pipes and devices never opened, reads capped."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from hvseed_gui.core.hashing import hash_file, hash_files
from hvseed_gui.core.manifest import (
    FileStatus,
    ManifestError,
    read_manifest,
    verify_manifest,
    write_manifest,
)
from hvseed_gui.core.untrusted import (
    FIFO,
    LINK,
    RefusedEntry,
    open_below,
    read_capped,
    refused_error,
    shown,
    walk,
)
from tests.support.export_folders import CONFIG, VHD, VM_ID, make_export, write

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and symlinks: POSIX")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("not for the drive", encoding="utf-8")
    return secret


@posix_only
def test_walk_names_links_pipes_and_devices_and_never_enters_them(tmp_path, outside):
    folder = make_export(tmp_path)
    (folder / "out.txt").symlink_to(outside)
    (folder / "outdir").symlink_to(outside.parent, target_is_directory=True)
    (folder / "zero.vhdx").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.xml")

    listed = walk(folder)

    assert {f.path for f in listed.files} == {VHD, CONFIG, "Virtual Hard Disks/data.vhdx"}
    assert listed.refused == {
        "out.txt": LINK,
        "outdir": LINK,
        "pipe.xml": FIFO,
        "zero.vhdx": LINK,
    }


@posix_only
def test_open_below_refuses_a_link_in_any_component_and_a_fifo(tmp_path, outside):
    folder = make_export(tmp_path)
    (folder / "Virtual Machines" / "out").symlink_to(outside.parent, target_is_directory=True)
    os.mkfifo(folder / "pipe")

    with pytest.raises(RefusedEntry) as caught:
        open_below(folder, "Virtual Machines/out/secret.txt")
    assert caught.value.strerror == LINK and "out" in caught.value.filename
    with pytest.raises(RefusedEntry) as caught:
        open_below(folder, "pipe")  # returns at once: a FIFO is never opened
    assert caught.value.strerror == FIFO
    with pytest.raises(RefusedEntry):
        open_below(folder, "../outside/secret.txt")


def test_read_capped_never_holds_more_than_the_cap(tmp_path):
    (tmp_path / "big.xml").write_bytes(b"x" * 5000)
    assert read_capped(tmp_path, "big.xml", 5000) == b"x" * 5000
    with pytest.raises(RefusedEntry) as caught:
        read_capped(tmp_path, "big.xml", 4999)
    assert caught.value.errno == errno.EFBIG


@posix_only
def test_hashing_refuses_a_link_out_of_the_folder(tmp_path, outside):
    folder = make_export(tmp_path)
    (folder / "out.txt").symlink_to(outside)
    errors: dict[str, OSError] = {}

    hashes = hash_files(folder, [VHD, "out.txt"], errors=errors)

    assert VHD in hashes and "out.txt" not in hashes
    assert isinstance(errors["out.txt"], RefusedEntry)
    assert errors["out.txt"].strerror == LINK
    with pytest.raises(RefusedEntry):
        hash_file(folder / "out.txt")


@posix_only
def test_hash_file_ends_at_once_on_a_fifo_and_on_dev_zero(tmp_path):
    os.mkfifo(tmp_path / "pipe.vhdx")
    (tmp_path / "zero.vhdx").symlink_to("/dev/zero")
    with pytest.raises(RefusedEntry):
        hash_file(tmp_path / "pipe.vhdx")
    with pytest.raises(RefusedEntry):
        hash_file(tmp_path / "zero.vhdx")


@posix_only
def test_verify_reports_a_link_out_of_the_folder_by_name_and_never_follows_it(tmp_path, outside):
    folder = make_export(tmp_path)
    write(folder)
    disk = folder / VHD
    outside.write_bytes(disk.read_bytes())  # same bytes: following it would say "OK"
    disk.unlink()
    disk.symlink_to(outside)
    (folder / "extra-link").symlink_to(outside)

    report = verify_manifest(folder)

    assert not report.ok
    statuses = {f.path: f.status for f in report.findings}
    assert statuses == {VHD: FileStatus.REFUSED, "extra-link": FileStatus.REFUSED}
    text = report.to_text()
    assert VHD in text and "extra-link" in text and "not followed" in text


@posix_only
def test_no_manifest_is_written_of_a_folder_with_a_link(tmp_path, outside):
    folder = make_export(tmp_path)
    (folder / "Virtual Hard Disks" / "out.vhdx").symlink_to(outside)
    with pytest.raises(ManifestError) as caught:
        write_manifest(folder, vm_name="x", vm_id=VM_ID, source_host="a", replica_server="b")
    assert "Virtual Hard Disks/out.vhdx" in str(caught.value)
    assert not list(tmp_path.glob("*.hvseed-manifest.json"))


@posix_only
def test_a_manifest_that_is_a_fifo_or_a_link_is_not_read(tmp_path, outside):
    folder = make_export(tmp_path)
    manifest = tmp_path / f"{folder.name}.hvseed-manifest.json"
    os.mkfifo(manifest)
    with pytest.raises(RefusedEntry):
        read_manifest(folder)
    manifest.unlink()
    manifest.symlink_to(outside)
    with pytest.raises(RefusedEntry):
        read_manifest(folder)


def test_names_are_shown_with_control_and_bidi_characters_visible():
    assert shown("evil\u202egpj.vhdx\n") == "evil\\u202egpj.vhdx\\u000a"
    error = refused_error("E:\\X", {"a\u202eb": LINK})
    assert "a\\u202eb" in str(error) and "\u202e" not in str(error)


@posix_only
def test_the_admins_own_path_may_pass_through_a_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    folder = make_export(real)
    write(folder)
    (tmp_path / "mnt").symlink_to(real, target_is_directory=True)
    assert verify_manifest(tmp_path / "mnt" / folder.name).ok

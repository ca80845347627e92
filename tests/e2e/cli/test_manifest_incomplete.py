"""An interrupted manifest is not a dead end: verify names it, ``hvseed manifest`` redoes it."""

from __future__ import annotations

import pytest

from hvseed_gui.core.manifest import (
    ManifestError,
    ManifestState,
    manifest_paths,
    manifest_state,
    write_manifest,
)
from tests.support.cli import export_example, hvseed

# The demo's disk sizes, as the lab these tests were written on had them.
pytestmark = pytest.mark.realistic_disks


def test_an_emptied_manifest_is_named_incomplete_and_written_again(lab_dir, tmp_path):
    _plan, folder = export_example(lab_dir, tmp_path)
    json_path, sums_path = manifest_paths(folder)
    json_path.write_bytes(b"")  # a crash while the manifest was written
    sums_path.unlink()

    code, out, err = hvseed("verify", str(folder), lab=lab_dir)
    assert code != 0
    assert "incomplete" in out and f"hvseed manifest '{folder}'" in out, out + err

    code, out, err = hvseed("manifest", str(folder), lab=lab_dir)
    assert code == 0, out + err
    assert sums_path.is_file() and json_path.stat().st_size > 0

    code, out, err = hvseed("verify", str(folder), lab=lab_dir)
    assert code == 0, out + err
    assert "The copy is intact" in out


def test_a_half_written_manifest_is_incomplete_but_a_whole_one_is_kept(lab_dir, tmp_path):
    _plan, folder = export_example(lab_dir, tmp_path)
    json_path, _sums_path = manifest_paths(folder)
    whole = json_path.read_bytes()
    assert manifest_state(folder) is ManifestState.COMPLETE

    code, out, err = hvseed("manifest", str(folder), lab=lab_dir)
    assert code != 0 and "already exists" in out + err
    assert json_path.read_bytes() == whole

    json_path.write_bytes(whole[: len(whole) // 2])  # cut short, as a pulled drive leaves it
    assert manifest_state(folder) is ManifestState.INCOMPLETE
    code, out, err = hvseed("manifest", str(folder), lab=lab_dir)
    assert code == 0, out + err
    assert manifest_state(folder) is ManifestState.COMPLETE


@pytest.mark.parametrize(
    "content",
    [b'{"format": "hvseed-manifest", "files": []}\n', b"not json at all, edited by hand\n"],
)
def test_a_complete_or_foreign_manifest_is_never_replaced(tmp_path, content):
    folder = tmp_path / "SQL01_6F1C2A3B-1111-4222-8333-944455556666"
    folder.mkdir()
    (folder / "a.vhdx").write_bytes(b"x")
    json_path, _ = manifest_paths(folder)
    json_path.write_bytes(content)
    assert manifest_state(folder) is ManifestState.COMPLETE
    with pytest.raises(ManifestError, match="already exists"):
        write_manifest(folder, vm_name="SQL01", vm_id="x", source_host="a", replica_server="b")
    assert json_path.read_bytes() == content


def test_a_lone_sums_file_of_hvseed_is_replaced_but_a_foreign_one_kept(tmp_path):
    folder = tmp_path / "SQL01_6F1C2A3B-1111-4222-8333-944455556666"
    folder.mkdir()
    (folder / "a.vhdx").write_bytes(b"x")
    json_path, sums_path = manifest_paths(folder)
    sums_path.write_text(f"{'0' * 64}  {folder.name}/a.vhdx\n{'1' * 20}", encoding="utf-8")
    assert manifest_state(folder) is ManifestState.INCOMPLETE
    write_manifest(folder, vm_name="SQL01", vm_id="x", source_host="a", replica_server="b")
    assert json_path.is_file() and "0" * 64 not in sums_path.read_text(encoding="utf-8")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    json_path.unlink()
    sums_path.write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="already exists"):
        write_manifest(folder, vm_name="SQL01", vm_id="x", source_host="a", replica_server="b")
    assert sums_path.read_text(encoding="utf-8") == "my own notes\n"

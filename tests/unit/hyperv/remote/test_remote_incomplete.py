"""Whole files or none on the host where the drive is: an incomplete manifest is replaced there
(only while it is still the incomplete one), a complete one never; verify names it."""

from __future__ import annotations

import pytest

from hvseed_gui.core.manifest import ManifestProblem, manifest_paths, verify_manifest
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host_errors import CmdletError
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell.files import text_digest
from hvseed_gui.hyperv.remote_verify import verify_on_host
from tests.support.remote_drive import FOLDER, ticking, write


def test_an_emptied_manifest_on_the_host_is_named_and_written_again(lab, folder, clock):
    write(lab, ticking(clock, 10)[0])
    json_path, sums_path = manifest_paths(folder)
    json_path.write_bytes(b"")  # the host crashed while the manifest was written
    sums_path.unlink()

    report = verify_on_host(lab.host("hv-b"), FOLDER, poll_interval=0)
    assert report.problem is ManifestProblem.MANIFEST_INCOMPLETE
    assert "incomplete" in report.to_text() and "hvseed manifest '" in report.to_text()

    write(lab, ticking(clock, 10)[0])
    assert verify_manifest(folder).ok
    assert sorted(p.name for p in folder.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_a_half_written_manifest_and_its_sums_are_replaced_on_the_host(lab, folder, clock):
    write(lab, ticking(clock, 10)[0])
    json_path, sums_path = manifest_paths(folder)
    json_path.write_bytes(json_path.read_bytes()[:300])
    write(lab, ticking(clock, 10)[0])
    assert verify_manifest(folder).ok


def test_the_lab_replaces_only_the_file_still_holding_the_named_text(lab, folder):
    host = lab.host("hv-b")
    directory = "F:\\Seed"
    target = folder.parent / "a.txt"
    target.write_bytes(b"\xef\xbb\xbfhalf")
    with pytest.raises(CmdletError) as caught:
        host.write_new_text_files(directory, {"a.txt": "new"}, replacing={"a.txt": "0" * 64})
    assert caught.value.category == "ResourceExists"
    assert target.read_bytes() == b"\xef\xbb\xbfhalf"
    host.write_new_text_files(directory, {"a.txt": "new"}, replacing={"a.txt": text_digest("half")})
    assert target.read_text(encoding="utf-8") == "new"
    with pytest.raises(CmdletError):  # without naming it, an existing file is never replaced
        host.write_new_text_files(directory, {"a.txt": "newer"})
    assert target.read_text(encoding="utf-8") == "new"


def test_the_powershell_write_carries_what_it_may_replace_as_data():
    script = ps_files.render_write_new_text_files(
        "E:\\Seed", {"a.json": "{}", "a.sha256": ""}, replacing={"a.json": text_digest("")}
    )
    data = ps.decode_blob(script.source)
    assert [f["Replace"] for f in data["Files"]] == [text_digest(""), ""]
    assert data["MaxReplaceBytes"] > 0
    # the bytes it compares: the file without a UTF-8 byte order mark, hashed with SHA-256
    assert "0xEF" in script.source and "ComputeHash($old, $skip" in script.source

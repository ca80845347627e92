"""The PowerShell side of untrusted folders: reparse points skipped and named, never followed.

Windows PowerShell 5.1's ``Get-ChildItem -Recurse`` follows junctions and directory symbolic
links, so every script that walks a drive goes one level at a time (``Get-HvseedTree``) and
names what it skipped; the parse side turns that into an error naming each entry.
"""

from __future__ import annotations

import base64
import re

import pytest

from hvseed_gui.core.untrusted import UnsafeFolder
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import JobState
from hvseed_gui.hyperv.host_errors import CmdletError
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing
from hvseed_gui.hyperv.ps_host import PowerShellHost
from tests.support.ps51 import (
    FakeRunner,
    facts,
    fixture_host,
    host_answering,
    result_line,
    worker_state,
)
from tests.support.ps_scripts import ALL_SCRIPTS, PARSER, _bad_nodes

JOB = "0f8fad5b-d9cb-469f-a165-70867728950e"
FOLDER = "E:\\Seed\\SQL01_6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"


def _worker(paths: list[str] | None) -> str:
    script = ps_hashing.render_start_hashing(FOLDER, paths, JOB)
    return base64.b64decode(script.data["WorkerCommand"]).decode("utf-16-le")


def _walkers() -> list[tuple[str, str]]:
    return [
        *ALL_SCRIPTS,
        ("worker-all", _worker(None)),
        ("worker-listed", _worker(["Virtual Hard Disks/a.vhdx"])),
    ]


@pytest.mark.parametrize("name,source", _walkers())
def test_no_script_lets_get_childitem_recurse(name, source):
    # -Recurse (and -Depth, which implies it) would follow junctions on 5.1
    code = "\n".join(line for line in source.splitlines() if not line.strip().startswith("#"))
    calls = re.findall(r"Get-ChildItem[^\n|;)]*", code)
    assert all("-Recurse" not in c and "-Depth" not in c for c in calls), calls


@pytest.mark.parametrize(
    "name,source",
    [
        ("read_export_folder", ps.render_read_export_folder(FOLDER).source),
        ("export_folders", ps.render_export_folders("E:\\Seed").source),
        ("worker-all", _worker(None)),
        ("worker-listed", _worker(["Virtual Hard Disks/a.vhdx"])),
    ],
)
def test_walking_scripts_skip_reparse_points_and_parse(name, source):
    assert not _bad_nodes(PARSER.parse(source.encode("utf-8")).root_node)
    assert "-band 1024" in source  # FILE_ATTRIBUTE_REPARSE_POINT
    if name != "worker-listed":
        assert "Get-HvseedTree" in source


def test_the_listing_caps_entries_depth_and_xml_size():
    script = ps.render_read_export_folder(FOLDER, max_xml_bytes=4096)
    data = ps.decode_blob(script.source)
    assert data["MaxXmlBytes"] == 4096 and data["MaxEntries"] > 0 and data["MaxDepth"] > 0
    assert "ReadAllText" not in script.source  # reads at most MaxXmlBytes + 1 characters
    assert "ReadBlock($chars, 0, $chars.Length)" in script.source


def test_a_junction_in_a_51_listing_is_named_as_an_error():
    host, _ = fixture_host("folder_listing_junction.json")
    with pytest.raises(UnsafeFolder) as caught:
        host.read_export_folder("E:\\Seed\\x")
    text = str(caught.value)
    assert "Virtual Machines/Snapshots" in text and "Junction" in text and "not followed" in text


@pytest.mark.parametrize("refused", [None, []])
def test_a_listing_without_reparse_points_reads_as_before(refused):
    document = {
        "ok": True,
        "data": {
            "path": FOLDER,
            "exists": True,
            "files": {"path": "a.vhdx", "size": 5},
            "xml_texts": [],
            "xml_errors": None,
            "refused": refused,
        },
    }
    host = PowerShellHost(FakeRunner(result_line(document)))
    listing = host.read_export_folder(FOLDER)
    assert [f.path for f in listing.files] == ["a.vhdx"]


def test_a_link_the_worker_skipped_is_named_unreadable():
    text = worker_state(
        state="Completed",
        bytes_done=5,
        bytes_total=5,
        hashes={"path": "a.vhdx", "sha256": "ab" * 32},
        unreadable={"path": "Virtual Machines/Snapshots", "error": ps_hashing.LINK},
    )
    host, _ = host_answering(facts(text, alive=False))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.COMPLETED
    assert job.unreadable == {"Virtual Machines/Snapshots": ps_hashing.LINK}


def test_a_manifest_that_is_a_link_on_the_host_is_not_read():
    source = ps_files.render_read_text_file("E:\\a.json", 4096).source
    assert "-band 1024" in source
    document = {"ok": True, "data": {"path": "E:\\a.json", "exists": True, "size": 9, "link": True}}
    host = PowerShellHost(FakeRunner(result_line(document)))
    with pytest.raises(CmdletError, match="not followed"):
        host.read_text_file("E:\\a.json", 4096)

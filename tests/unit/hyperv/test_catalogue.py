"""The script catalogue every reviewer reads: it covers every host operation, and each of its
scripts parses and uses documented parameters only."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.catalogue import catalogue
from hvseed_gui.hyperv.host import HyperVHost
from tests.support.ps_scripts import PARSER, _bad_nodes, analyse, parameter_problems

ENTRIES = catalogue()


def test_catalogue_covers_every_operation():
    operations = {e.operation for e in ENTRIES}
    assert len(ENTRIES) >= 20 and len(operations) == len(ENTRIES)
    assert set(HyperVHost.__abstractmethods__) <= operations
    assert {"plan_script", "hash_worker"} <= operations


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
def test_catalogue_script_parses_and_uses_documented_parameters(entry):
    text = entry.text()
    assert not _bad_nodes(PARSER.parse(text.encode("utf-8")).root_node)
    assert parameter_problems(text) == []
    calls, _splats, functions = analyse(text)
    called = {c.command for c in calls if c.command not in functions}
    assert called == set(entry.cmdlets()), "the header must name every cmdlet the script calls"
    assert "UNCONFIRMED" not in text
    assert ps._BLOB_RE.search(text) is None  # inputs shown readably, not as base64
    first = text.splitlines()[2]
    assert first.startswith("# Reads only") if entry.reads_only else first.startswith("# Changes:")
    if entry.reads_only:
        changing = ("Set-", "New-VM", "New-Net", "Enable-", "Start-VM", "Stop-VM", "Import-")
        assert not [c for c in called if c.startswith(changing) or c == "Invoke-CimMethod"]

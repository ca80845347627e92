"""``hvseed scripts`` writes the catalogue, one file per operation, never replacing one; ``hvseed
script`` shows the server and the VM readably, as data."""

from __future__ import annotations

import json

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.catalogue import catalogue
from tests.support.cli import hvseed
from tests.support.ps_scripts import PARSER, _bad_nodes, parameter_problems

ENTRIES = catalogue()


def test_scripts_command_writes_one_file_per_operation_and_never_replaces(tmp_path):
    target = tmp_path / "review"
    code, out, err = hvseed("scripts", str(target))
    assert code == 0, err
    files = sorted(target.glob("*.ps1"))
    assert len(files) == len(ENTRIES) >= 20
    text = files[0].read_bytes()
    assert text.startswith(b"\xef\xbb\xbf# hvseed script catalogue: ")  # UTF-8 BOM for 5.1
    assert b"\r\n" in text
    code, _, err = hvseed("scripts", str(target))
    assert code == 2 and "never replaces" in err


def test_hvseed_script_shows_server_and_vm_readably_as_data(lab_dir, tmp_path):
    code, plan_text, _ = hvseed("--lab", str(lab_dir), "plan", "--example")
    plan = json.loads(plan_text)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan_text, encoding="utf-8")
    code, script, err = hvseed("--lab", str(lab_dir), "script", str(plan_file))
    assert code == 0, err
    assert f'"ReplicaServer": "{plan["replica_server"]}"' in script
    assert f'"Name": "{plan["vms"][0]["name"]}"' in script
    assert "FromBase64String" not in script and "UNCONFIRMED" not in script
    assert "$plan = ConvertFrom-Json -InputObject $planJson" in script
    assert ps.decode_blob(script)["VMs"][0]["Id"].lower() == plan["vms"][0]["id"].lower()
    assert not _bad_nodes(PARSER.parse(script.encode("utf-8")).root_node)
    assert parameter_problems(script) == []

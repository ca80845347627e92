"""``hvseed doctor`` on the lab (table, exit code, --bundle whose files the parser tests can
replay) and ``hvseed scripts`` (the catalogue every reviewer reads, checked like the scripts)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from hvseed_gui.cli import run
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.catalogue import catalogue
from hvseed_gui.hyperv.host import HyperVHost
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.powershell.host_readiness import parse_readiness
from tests.support.ps_scripts import PARSER, _bad_nodes, analyse, parameter_problems


def hvseed(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def DOCTOR(lab_dir: Path) -> tuple[str, ...]:  # noqa: N802 - reads as the command line
    return ("--lab", str(lab_dir), "doctor", "--host", "hv-a", "--replica", "hv-b")


@pytest.fixture
def lab_dir(tmp_path: Path) -> Path:
    Lab.open(tmp_path / "lab")
    return tmp_path / "lab"


def test_doctor_prints_one_table_for_both_hosts(lab_dir):
    code, out, err = hvseed("--lab", str(lab_dir), "doctor", "--host", "hv-a", "--replica", "hv-b")
    assert code == 0, err
    assert "Replica server and authorization" in out and "Time skew" in out
    assert "hv-a.lab.local" in out and "hv-b.lab.local" in out
    assert out.rstrip().endswith("Overall: OK")


def test_doctor_fails_with_what_to_do(lab_dir):
    Lab.open(lab_dir).set_host_facts("hv-b", powershell_version="4.0")
    code, out, _ = hvseed("--lab", str(lab_dir), "doctor", "--host", "hv-a", "--replica", "hv-b")
    assert code == 1
    assert "FAIL" in out and "Windows Management Framework 5.1" in out


def test_doctor_bundle_holds_raw_answers_the_parser_replays(lab_dir, tmp_path):
    bundle = tmp_path / "doctor.zip"
    code, out, err = hvseed(
        "--lab",
        str(lab_dir),
        "doctor",
        "--host",
        "hv-a",
        "--replica",
        "hv-b",
        "--bundle",
        str(bundle),
    )
    assert code == 0, err
    with zipfile.ZipFile(bundle) as archive:
        names = set(archive.namelist())
        assert {"versions.json", "table.json", "table.txt"} <= names
        raws = sorted(n for n in names if n.startswith("raw/readiness-"))
        assert raws == ["raw/readiness-hv-a.lab.local.json", "raw/readiness-hv-b.lab.local.json"]
        for name in raws:
            document = json.loads(archive.read(name))
            facts = parse_readiness(document["data"])
            assert facts.host_name in name and facts.powershell_version.startswith("5.1")
        table = json.loads(archive.read("table.json"))
        assert table["overall"] == "OK" and len(table["rows"]) >= 15
        versions = json.loads(archive.read("versions.json"))
        assert versions["hosts"]["hv-b.lab.local"]["powershell"].startswith("5.1")
        everything = b"".join(archive.read(n) for n in names).lower()
    assert b"password" not in everything and b"secret" not in everything
    code, _, err = hvseed(
        "--lab",
        str(lab_dir),
        "doctor",
        "--host",
        "hv-a",
        "--replica",
        "hv-b",
        "--bundle",
        str(bundle),
    )
    assert code == 2 and "exists already" in err  # never replaced


def test_doctor_with_a_plan_checks_the_replicas_space(lab_dir, tmp_path):
    code, plan_text, _ = hvseed("--lab", str(lab_dir), "plan", "--example")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan_text, encoding="utf-8")
    code, out, err = hvseed(
        "--lab",
        str(lab_dir),
        "doctor",
        "--host",
        "hv-a",
        "--replica",
        "hv-b",
        "--plan",
        str(plan_file),
    )
    assert code == 0, err
    assert "Replica storage space" in out and "the plan needs" in out


# --- the catalogue ------------------------------------------------------------------------------

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

"""``hvseed doctor`` on the lab: one table, the exit code, and a --bundle whose files the parser
tests can replay."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.powershell.host_readiness import parse_readiness
from tests.support.cli import hvseed


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

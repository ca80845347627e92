"""Issue "one path, one gate" through the CLI on a real lab: every tampered drive is refused
before Hyper-V is asked, and every refusable plan before anything changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import hvseed

OTHER_ID = "0BADC0DE-0000-4000-8000-000000000000"


def shipped(lab_dir: Path, tmp_path: Path) -> tuple[dict, str, Path, str]:
    """Export the example VM, move the drive to hv-b: (vm, folder as hv-b names it, its real
    path, the run's output)."""
    code, plan_text, err = hvseed("plan", "--example", lab=lab_dir)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan_text, encoding="utf-8")
    code, run_out, err = hvseed("run", str(plan_file), lab=lab_dir)
    assert code == 0, err
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    code, _, err = hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    assert code == 0, err
    shown = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    return vm, shown, Lab.open(lab_dir).real_path("hv-b", shown), run_out


def replica_state(lab_dir: Path, vm: dict) -> str:
    code, out, _ = hvseed("status", vm["id"], "--json", lab=lab_dir)
    return {s["mode"]: s["state"] for s in json.loads(out)}["Replica"]


def import_jobs(lab_dir: Path) -> list[dict]:
    return [j for j in Lab.open(lab_dir).dump()["jobs"].values() if j.get("kind") == "import"]


def _xml(folder: Path) -> Path:
    return next((folder / "Virtual Machines").glob("*.xml"))


def test_xml_content_naming_another_vm_is_refused_before_hyperv_is_asked(lab_dir, tmp_path):
    vm, shown, folder, _ = shipped(lab_dir, tmp_path)
    xml = _xml(folder)  # the file keeps its <GUID>.xml name: evidence, not a vote
    xml.write_text(xml.read_text(encoding="utf-8").replace(vm["id"], OTHER_ID), "utf-8")

    code, out, err = hvseed("inspect", shown, lab=lab_dir)
    assert code != 0
    assert vm["id"] in out and OTHER_ID in out and xml.name in out

    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)
    assert code != 0 and "Traceback" not in err
    assert vm["id"] in out + err and OTHER_ID in out + err
    assert import_jobs(lab_dir) == []  # refused before Hyper-V was asked
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"


def test_configuration_of_a_second_vm_in_the_folder_is_refused(lab_dir, tmp_path):
    vm, shown, folder, _ = shipped(lab_dir, tmp_path)
    xml = _xml(folder)
    second = xml.with_name(f"{OTHER_ID}.xml")
    second.write_text(xml.read_text(encoding="utf-8").replace(vm["id"], OTHER_ID), "utf-8")

    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)

    assert code != 0
    assert "more than one VM" in out + err and OTHER_ID in out + err
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"


def test_one_flipped_byte_is_refused_by_name_and_the_genuine_copy_then_imports(lab_dir, tmp_path):
    vm, shown, folder, _ = shipped(lab_dir, tmp_path)
    disk = next((folder / "Virtual Hard Disks").iterdir())
    original = disk.read_bytes()[:16]
    with disk.open("r+b") as handle:
        handle.seek(5)
        handle.write(b"\xff" if original[5:6] != b"\xff" else b"\x00")

    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)

    assert code != 0
    assert disk.name in out + err
    assert import_jobs(lab_dir) == []
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"
    with disk.open("r+b") as handle:  # the genuine copy
        handle.write(original)
    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)
    assert code == 0, err
    assert "state Replicating, health Normal" in out
    assert "All 3 files match" in out or "files match the manifest" in out


def test_without_a_manifest_the_import_needs_an_explicit_decision(lab_dir, tmp_path):
    vm, shown, folder, _ = shipped(lab_dir, tmp_path)
    for leftover in folder.parent.glob(f"{folder.name}.*"):
        leftover.unlink()

    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)
    assert code != 0 and "--without-manifest" in err
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"

    code, out, err = hvseed("import", "--vm", vm["name"], "--without-manifest", shown, lab=lab_dir)
    assert code == 0, err
    assert "Imported without a full verification" in out
    assert replica_state(lab_dir, vm) == "Replicating"


def test_a_manifest_written_for_another_folder_is_refused_even_with_the_decision(lab_dir, tmp_path):
    vm, shown, folder, _ = shipped(lab_dir, tmp_path)
    manifest = folder.parent / f"{folder.name}.hvseed-manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8"))
    doc["folder"] = f"Other_{OTHER_ID}"
    doc["vm"]["id"] = OTHER_ID
    manifest.write_text(json.dumps(doc), encoding="utf-8")

    for extra in ([], ["--without-manifest"]):
        code, out, err = hvseed("import", "--vm", vm["name"], *extra, shown, lab=lab_dir)
        assert code != 0
        assert "written for" in out + err
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"


def test_the_fingerprint_catches_a_rewritten_manifest(lab_dir, tmp_path):
    vm, shown, folder, run_out = shipped(lab_dir, tmp_path)
    full = re.search(r"manifest fingerprint [0-9A-F ]+ \(SHA-256 ([0-9a-f]{64})\)", run_out)
    assert full, run_out
    fingerprint = full.group(1)
    # the courier changes a file and writes a new manifest for it
    disk = next((folder / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(7)
        handle.write(b"!")
    for leftover in folder.parent.glob(f"{folder.name}.*"):
        leftover.unlink()
    code, _, err = hvseed("--host", "hv-b", "manifest", shown, lab=lab_dir)
    assert code == 0, err
    assert hvseed("verify", shown, lab=lab_dir)[0] == 0  # consistent in itself

    code, out, err = hvseed("verify", "--fingerprint", fingerprint[:16], shown, lab=lab_dir)
    assert code != 0 and "rewritten" in out
    code, out, err = hvseed(
        "import", "--vm", vm["name"], "--fingerprint", fingerprint, shown, lab=lab_dir
    )
    assert code != 0 and "rewritten" in out + err
    assert replica_state(lab_dir, vm) == "WaitingForInitialReplication"


def test_the_right_fingerprint_imports(lab_dir, tmp_path):
    vm, shown, folder, run_out = shipped(lab_dir, tmp_path)
    short = re.search(
        r"manifest fingerprint ([0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4})", run_out
    )
    assert short, run_out
    code, out, err = hvseed(
        "import", "--vm", vm["name"], "--fingerprint", short.group(1), shown, lab=lab_dir
    )
    assert code == 0, err


def test_a_second_import_says_it_is_done_and_nothing_about_waiting(lab_dir, tmp_path):
    vm, shown, _, _ = shipped(lab_dir, tmp_path)
    assert hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)[0] == 0
    code, out, err = hvseed("import", "--vm", vm["name"], shown, lab=lab_dir)
    assert code != 0
    assert "already been imported" in err
    assert "still waiting" not in err


@pytest.mark.parametrize(
    "destination",
    [
        "E:\\HyperV-Seed\\..\\..\\etc",
        "E:x",
        "E:\\CON",
        "E:\\Seed\x00x",
        "E:\\a<b",
        "E:\\Seed.",
        "E:\\a::$DATA",
        "\\\\server\\share",
    ],
)
def test_run_refuses_a_bad_destination_before_anything_changes(lab_dir, tmp_path, destination):
    code, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    plan["destination_path"] = destination
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")

    code, _, err = hvseed("run", str(plan_file), lab=lab_dir)

    assert code != 0 and "Traceback" not in err
    code, out, _ = hvseed("status", plan["vms"][0]["id"], "--json", lab=lab_dir)
    assert [s["state"] for s in json.loads(out)] == ["Disabled"]


def test_run_refuses_a_file_in_the_destinations_way(lab_dir, tmp_path):
    code, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    lab = Lab.open(lab_dir)
    root = lab.real_path(lab.primary_name, "E:\\")
    (root / "Seed").write_text("not a folder", encoding="utf-8")
    plan["destination_path"] = "E:\\Seed\\Copies"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")

    code, _, err = hvseed("run", str(plan_file), lab=lab_dir)

    assert code != 0 and "file" in err and "Traceback" not in err
    code, out, _ = hvseed("status", plan["vms"][0]["id"], "--json", lab=lab_dir)
    assert [s["state"] for s in json.loads(out)] == ["Disabled"]


def test_run_refuses_a_plan_whose_vm_name_and_id_disagree(lab_dir, tmp_path):
    code, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    real_name = plan["vms"][0]["name"]
    plan["vms"][0]["name"] = "SomeOtherVM"
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")

    code, _, err = hvseed("run", str(plan_file), lab=lab_dir)

    assert code != 0 and "SomeOtherVM" in err and real_name in err
    code, out, _ = hvseed("status", plan["vms"][0]["id"], "--json", lab=lab_dir)
    assert [s["state"] for s in json.loads(out)] == ["Disabled"]


def test_export_output_and_report_carry_the_fingerprint(lab_dir, tmp_path):
    _, _, folder, run_out = shipped(lab_dir, tmp_path)
    full = re.search(r"\(SHA-256 ([0-9a-f]{64})\)", run_out).group(1)
    (report,) = folder.parent.glob("HANDOVER-*.txt")
    assert full in report.read_text(encoding="utf-8")

"""The ``hvseed`` command end to end on a real lab directory (no mocks of hvseed itself)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import export_example, hvseed

# The demo's disk sizes, as the lab these tests were written on had them.
pytestmark = pytest.mark.realistic_disks


def test_plan_run_import_status_on_the_lab(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    vm = plan["vms"][0]
    assert folder.is_dir()
    disks = list((folder / "Virtual Hard Disks").iterdir())
    assert disks and all(d.stat().st_size > 0 for d in disks)
    assert (folder.parent / f"{folder.name}.sha256").is_file()

    code, out, _ = hvseed("status", vm["name"], "--json", lab=lab_dir)
    states = {s["mode"]: s["state"] for s in json.loads(out)}
    assert states == {
        "Primary": "InitialReplicationInProgress",
        "Replica": "WaitingForInitialReplication",
    }

    code, out, err = hvseed("import", "--vm", vm["name"], str(folder), lab=lab_dir)
    assert code == 0, err
    assert "state Replicating, health Normal" in out

    code, out, _ = hvseed("status", vm["name"], "--json", lab=lab_dir)
    assert {(s["state"], s["health"]) for s in json.loads(out)} == {("Replicating", "Normal")}


def test_import_refuses_a_folder_whose_xml_names_another_vm(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    vm = plan["vms"][0]
    other_id = "0BADC0DE-0000-4000-8000-000000000000"
    xml = next((folder / "Virtual Machines").glob("*.xml"))
    xml.write_text(xml.read_text(encoding="utf-8").replace(vm["id"], other_id), encoding="utf-8")

    code, out, err = hvseed("import", "--vm", vm["name"], str(folder), lab=lab_dir)

    assert code != 0
    assert vm["id"] in out + err and other_id in out + err
    assert "Traceback" not in err
    code, out, _ = hvseed("status", vm["name"], "--json", lab=lab_dir)
    replica = [s for s in json.loads(out) if s["mode"] == "Replica"][0]
    assert replica["state"] == "WaitingForInitialReplication"


def test_the_drive_travels_and_verifies_on_the_replica(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    vm = plan["vms"][0]
    code, out, err = hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    assert code == 0, err
    drive_path = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    code, out, err = hvseed("--host", "hv-b", "verify", drive_path, lab=lab_dir)
    assert code == 0, err
    assert "intact" in out
    # A flipped byte in transit is reported by file name.
    disk = next((Lab.open(lab_dir).real_path("hv-b", drive_path) / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(3)
        handle.write(b"X")
    code, out, _ = hvseed("--host", "hv-b", "verify", drive_path, lab=lab_dir)
    assert code == 1
    assert disk.name in out


def test_run_refuses_a_fat32_stick_for_a_large_vhdx_before_changing_anything(lab_dir, tmp_path):
    lab = Lab.open(lab_dir)
    dc = lab.host(lab.primary_name).inventory().vm("DC01")
    code, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    plan.update(vms=[{"name": dc.name, "id": dc.id}], destination_path="F:\\")
    plan_file = tmp_path / "fat32.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")

    code, out, err = hvseed("run", str(plan_file), lab=lab_dir)

    assert code == 1
    assert "FAT32" in err and "Traceback" not in err
    after = lab.host(lab.primary_name).inventory().vm("DC01")
    assert after.replication_state.value == "Disabled"


def test_a_bad_plan_is_one_sentence(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    code, _, err = hvseed("script", str(bad))
    assert code == 2
    assert err.startswith("hvseed: ") and err.count("\n") == 1
    code, _, err = hvseed("run", str(tmp_path / "missing.json"))
    assert code == 2 and "Cannot read the plan" in err


def test_host_failures_are_sentences_without_the_password(lab_dir, monkeypatch):
    Lab.open(lab_dir).inject_fault("*", "inventory", "AccessDenied", "Access is denied.")
    code, _, err = hvseed("vms", lab=lab_dir)
    assert code == 1
    assert "Hyper-V Administrators" in err and "Traceback" not in err

    monkeypatch.setenv("HVSEED_TEST_PW", "s3cret-Pa55")
    code, _, err = hvseed(
        "--host",
        "127.0.0.1",
        "--port",
        "9",
        "--http",
        "--transport",
        "ntlm",
        "--user",
        "admin",
        "--password-env",
        "HVSEED_TEST_PW",
        "--timeout",
        "5",
        "vms",
    )
    assert code == 1
    assert "s3cret" not in err and "Traceback" not in err
    assert "refused the connection" in err and "Enable-PSRemoting" in err


def test_a_missing_password_variable_is_named():
    code, _, err = hvseed("--host", "hv01", "--password-env", "HVSEED_NOT_SET_X", "vms")
    assert code == 2 and "HVSEED_NOT_SET_X" in err


def test_run_leaves_a_handover_report_and_report_writes_a_pdf(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    reports = list(folder.parent.glob("HANDOVER-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8-sig")
    assert plan["vms"][0]["id"] in text and "SEED-USB" in text
    pdf = tmp_path / "handover.pdf"
    shown = f"{plan['destination_path']}\\{folder.name}"
    code, out, err = hvseed("report", shown, "--pdf", str(pdf), lab=lab_dir)
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    # A second run never overwrites the PDF.
    code, _, err = hvseed("report", shown, "--pdf", str(pdf), lab=lab_dir)
    assert code == 1 and "Traceback" not in err


def test_plan_transport_reproduces_the_article():
    code, out, _ = hvseed("plan-transport", "--size", "1024GB", "--wan-mbit", "10")
    assert code == 0
    assert "10 d 16 h" in out  # 256 h, the seed article's figure
    code, _, err = hvseed("plan-transport", "--size", "lots", "--wan-mbit", "10")
    assert code == 2 and "not a size" in err


def test_manifest_can_be_written_later_but_never_over_an_existing_one(lab_dir, tmp_path):
    plan, folder = export_example(lab_dir, tmp_path)
    shown = f"{plan['destination_path']}\\{folder.name}"
    for leftover in folder.parent.glob(f"{folder.name}.*"):
        leftover.unlink()  # as if hashing had been cancelled in the wizard
    code, out, err = hvseed("manifest", shown, lab=lab_dir)
    assert code == 0, err
    assert (folder.parent / f"{folder.name}.sha256").is_file()
    code, out, _ = hvseed("verify", shown, lab=lab_dir)
    assert code == 0 and "intact" in out
    code, _, err = hvseed("manifest", shown, lab=lab_dir)
    assert code == 1 and "Traceback" not in err


def _plan_for(lab_dir: Path, tmp_path: Path, vms: list[dict], destination: str) -> Path:
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    plan.update(vms=vms, destination_path=destination)
    path = tmp_path / "several.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    return path


def test_each_vm_goes_to_its_own_drive(lab_dir, tmp_path):
    inventory = Lab.open(lab_dir).host("hv-a").inventory()
    tiny, legacy = inventory.vm("TinyLinux"), inventory.vm("LegacyApp")
    plan_file = _plan_for(
        lab_dir,
        tmp_path,
        [
            {"name": tiny.name, "id": tiny.id},
            {"name": legacy.name, "id": legacy.id, "destination_path": "G:\\Seed"},
        ],
        "E:\\Seed",
    )
    code, out, err = hvseed("run", str(plan_file), lab=lab_dir)
    assert code == 0, err
    lab = Lab.open(lab_dir)
    assert lab.real_path("hv-a", f"E:\\Seed\\{tiny.name}_{tiny.id}").is_dir()
    assert lab.real_path("hv-a", f"G:\\Seed\\{legacy.name}_{legacy.id}").is_dir()


def test_vms_that_fit_one_by_one_but_not_together_are_refused_up_front(lab_dir, tmp_path):
    inventory = Lab.open(lab_dir).host("hv-a").inventory()
    dc, web = inventory.vm("DC01"), inventory.vm("WEB01")
    # G: (exFAT, 14.9 GiB) takes DC01 (9.5 GiB) or nearly WEB01, never both.
    plan_file = _plan_for(
        lab_dir,
        tmp_path,
        [
            {"name": dc.name, "id": dc.id},
            {"name": "TinyLinux", "id": inventory.vm("TinyLinux").id},
            {"name": web.name, "id": web.id},
        ],
        "G:\\",
    )
    code, _, err = hvseed("run", str(plan_file), lab=lab_dir)
    assert code == 1 and "cannot take the copy" in err
    after = Lab.open(lab_dir).host("hv-a").inventory()
    assert all(after.vm(n).replication_state.value == "Disabled" for n in ("DC01", "WEB01"))


def test_run_again_after_an_interruption_follows_the_export_instead_of_starting_one(
    lab_dir, tmp_path
):
    code, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan_text, encoding="utf-8")
    plan = ReplicationPlan.from_json(plan_text)
    lab = Lab.open(lab_dir)
    lab.configure(job_removal_seconds=0)  # Hyper-V has forgotten the job by the next run
    host = lab.host(lab.primary_name)
    vm = host.inventory().vm(plan.vms[0].id)
    host.enable_replication(plan, vm.ref)  # as if a first 'hvseed run' was stopped with Ctrl+C
    host.start_export(vm.ref, plan.destination_path)

    code, out, err = hvseed("run", str(plan_file), lab=lab_dir)

    assert code == 0, err
    assert "started earlier" in err
    folder = lab.real_path(lab.primary_name, f"{plan.destination_path}\\{vm.name}_{vm.id}")
    assert (folder.parent / f"{folder.name}.sha256").is_file()
    code, out, err = hvseed("run", str(plan_file), lab=lab_dir)  # and once more: nothing breaks
    assert code == 0, err
    assert "kept as it is" in out


def test_report_speaks_the_readers_language(lab_dir, tmp_path):
    """``report --lang de`` for a German replica admin: labels, warnings and the checklist in
    German; names, paths, IDs, hashes and command lines as they are."""
    from tests.support.english import english_words

    plan, folder = export_example(lab_dir, tmp_path)
    shown = f"{plan['destination_path']}\\{folder.name}"
    code, english, err = hvseed("report", shown, lab=lab_dir)
    assert code == 0, err
    assert "CHECKLIST FOR THE REPLICA SIDE" in english
    code, german, err = hvseed("report", shown, "--lang", "de", lab=lab_dir)
    assert code == 0, err
    assert "CHECKLISTE FÜR DIE REPLIKATSEITE" in german and "Seriennummer" in german
    assert plan["vms"][0]["id"] in german and folder.name in german
    prose = [line for line in german.splitlines() if "hvseed " not in line and "SHA" not in line]
    names = [plan["vms"][0]["name"], "Hyper-V Replica", "BitLocker To Go", "Replicating"]
    leftover = [line for line in prose if english_words(line, names)]
    assert not leftover, "English in the German report:\n" + "\n".join(leftover)
    pdf = tmp_path / "übergabe.pdf"
    code, _, err = hvseed("report", shown, "--lang", "de", "--pdf", str(pdf), lab=lab_dir)
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF"), err

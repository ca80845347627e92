"""After the import: the primary's side is checked (a journey can leave it Suspended, in Error
or waiting for a resynchronization) and resumed only as the admin asks; AVHDX files kept as
recovery points are explained, not alarmed about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import hvseed

# The demo's disk sizes, as this module's own lab had them.
pytestmark = pytest.mark.realistic_disks


def shipped(lab_dir: Path, tmp_path: Path, **plan_changes) -> tuple[dict, str]:
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    plan.update(plan_changes)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    code, _, err = hvseed("run", str(path), lab=lab_dir)
    assert code == 0, err
    assert hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)[0] == 0
    vm = plan["vms"][0]
    return vm, f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"


def primary_state(lab_dir: Path, vm: dict) -> str:
    host = Lab.open(lab_dir).host("hv-a")
    return host.replication_status(host.inventory(details=False).vm(vm["id"]).ref).state.value


def test_a_suspended_primary_is_reported_and_resumed_only_when_asked(lab_dir, tmp_path):
    vm, folder = shipped(lab_dir, tmp_path)
    Lab.open(lab_dir).interrupt_replication("hv-a", vm["id"], "Suspended", "link down")

    code, out, err = hvseed("import", "--vm", vm["name"], folder, lab=lab_dir)

    assert code == 0, err
    assert "Suspended" in out and "Resume" in out
    assert primary_state(lab_dir, vm) == "Suspended"  # nothing done without being asked
    code, out, err = hvseed("import", "--vm", vm["name"], "--resume", folder, lab=lab_dir)
    assert code != 0  # already imported: the gate refuses, the primary is not touched
    assert primary_state(lab_dir, vm) == "Suspended"


def test_resume_after_the_import_in_one_command(lab_dir, tmp_path):
    vm, folder = shipped(lab_dir, tmp_path)
    Lab.open(lab_dir).interrupt_replication("hv-a", vm["id"], "Error", "link down")

    code, out, err = hvseed("import", "--vm", vm["name"], "--resume", folder, lab=lab_dir)

    assert code == 0, err
    assert "Resumed: state Replicating" in out
    assert primary_state(lab_dir, vm) == "Replicating"


def test_a_resynchronization_states_its_cost_and_needs_its_own_flag(lab_dir, tmp_path):
    vm, folder = shipped(lab_dir, tmp_path)
    Lab.open(lab_dir).interrupt_replication(
        "hv-a", vm["id"], "WaitingForStartResynchronize", "log too large"
    )

    code, out, err = hvseed("import", "--vm", vm["name"], "--resume", folder, lab=lab_dir)

    assert code == 0, err
    assert "block by block" in out and "--resynchronize" in out
    assert primary_state(lab_dir, vm) == "WaitingForStartResynchronize"


def test_recovery_points_keep_avhdx_files_and_that_is_no_alarm(lab_dir, tmp_path):
    vm, folder = shipped(lab_dir, tmp_path, recovery_history_hours=4)
    code, out, err = hvseed("import", "--vm", vm["name"], folder, lab=lab_dir)
    assert code == 0, err
    assert "AVHDX files remain" in out and "recovery points" in out and "expected" in out
    assert "Delta files still present" not in out

"""hvseed run in this process on a lab directory, and the example plan exported with it."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hvseed_gui.cli import run
from hvseed_gui.hyperv.lab import Lab


def hvseed(*argv: str, lab: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    prefix = ["--lab", str(lab), "--poll", "0.01", "--settle-timeout", "5"] if lab else []
    code = run([*prefix, *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def export_example(lab_dir: Path, tmp_path: Path) -> tuple[dict, Path]:
    code, plan_text, err = hvseed("plan", "--example", lab=lab_dir)
    assert code == 0, err
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(plan_text, encoding="utf-8")
    code, out, err = hvseed("run", str(plan_file), lab=lab_dir)
    assert code == 0, err
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    lab = Lab.open(lab_dir)
    folder = lab.real_path(lab.primary_name, f"{plan['destination_path']}\\{vm['name']}_{vm['id']}")
    return plan, folder


TWO = ("TinyLinux", "LegacyApp")


def ship_two(lab_dir: Path, tmp_path: Path) -> list:
    """Export TinyLinux and LegacyApp to E:\\HyperV-Seed on hv-a with one plan (``hvseed run``)
    and carry the drive to hv-b."""
    inventory = Lab.open(lab_dir).host("hv-a").inventory()
    vms = [inventory.vm(name) for name in TWO]
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    plan.update(vms=[{"name": vm.name, "id": vm.id} for vm in vms])
    path = tmp_path / "two.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    code, _, err = hvseed("run", str(path), lab=lab_dir)
    assert code == 0, err
    code, _, err = hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    assert code == 0, err
    return vms

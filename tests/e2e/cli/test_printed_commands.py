"""For a lab VM named p'$(touch PWNED)'q `touch X`;touch Y, every command line that 'hvseed run'
prints into the handover text and the manifest, pasted into bash, runs nothing from the name."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hvseed_gui.cli import run
from hvseed_gui.hyperv.lab import Lab

HOSTILE = "p'$(touch PWNED)'q `touch X`;touch Y"
PLANTED = ("PWNED", "X", "Y")
BASH = shutil.which("bash")


def hvseed(lab_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    prefix = ["--lab", str(lab_dir), "--poll", "0.01", "--settle-timeout", "5"]
    code = run([*prefix, *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def _planted_anywhere(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name in PLANTED]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_pasted_lines_for_a_hostile_vm_name_run_nothing_from_it(tmp_path: Path) -> None:
    lab_dir = tmp_path / "lab"
    lab = Lab.open(lab_dir)
    lab.configure(export_bytes_per_sec=50e9, import_bytes_per_sec=50e9)
    code, plan_text, err = hvseed(lab_dir, "plan", "--example")
    assert code == 0, err
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    with lab.world() as w:
        w.host(lab.primary_name)["vms"][vm["id"].upper()]["name"] = HOSTILE
    vm["name"] = HOSTILE
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    code, out, err = hvseed(lab_dir, "run", str(plan_file))
    assert code == 0, err

    drive_folder = lab.real_path(lab.primary_name, plan["destination_path"])
    (report,) = drive_folder.glob("HANDOVER-*.txt")
    text = report.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    starts = ("hvseed ", "sha256sum ", "Get-Content ")
    lines = [line.strip() for line in text.split("\n") if line.strip().startswith(starts)]
    (manifest_file,) = drive_folder.glob("*.hvseed-manifest.json")
    check = json.loads(manifest_file.read_text(encoding="utf-8"))["check_without_hvseed"]
    lines += [check["sha256sum"], check["powershell"]]
    assert [line for line in lines if line.startswith("hvseed verify")]
    assert [line for line in lines if line.startswith("hvseed import")]
    assert [line for line in lines if line.startswith("sha256sum")]

    stub = tmp_path / "bin"
    stub.mkdir()
    (stub / "hvseed").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (stub / "hvseed").chmod(0o755)
    env = {"PATH": f"{stub}:{os.environ['PATH']}", "HOME": str(tmp_path)}
    assert not _planted_anywhere(tmp_path)
    for line in lines:
        assert '"' not in line, line  # no data inside double quotes
        done = subprocess.run(
            [BASH, "-c", line], cwd=drive_folder, env=env, capture_output=True, timeout=60
        )
        assert not _planted_anywhere(tmp_path), line
        if line.startswith("sha256sum"):
            assert done.returncode == 0, done.stderr  # and it does check the copy

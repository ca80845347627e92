"""``hvseed run`` with Host A remote: the manifest and the handover text are written on the host.

The lab host stands in for the WinRM host: the lab setting ``drives_remote`` makes its drives
unreadable from this computer (``local_path`` is None), as a remote host's are. The local
writers are made to fail, so a pass proves the files came through ``write_manifest_on_host`` /
``write_new_text_files``.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hvseed_gui.cli import primary
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.cli.main import build_parser
from hvseed_gui.core.manifest import manifest_paths, verify_manifest
from hvseed_gui.flows import drive as flows_drive
from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import hvseed


@pytest.fixture()
def no_local_writers(monkeypatch):
    def refuse(*_args, **_kwargs):
        pytest.fail("hvseed run hashed or wrote on this computer for a remote Host A")

    monkeypatch.setattr(flows_drive, "write_manifest", refuse)
    monkeypatch.setattr(flows_drive, "write_text_report", refuse)


def plan_file(lab_dir: Path, tmp_path: Path) -> tuple[dict, Path]:
    code, text, err = hvseed("plan", "--example", lab=lab_dir)
    assert code == 0, err
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    return json.loads(text), path


def run_on_host(lab_dir: Path, plan: Path) -> tuple[int, str, str, Lab]:
    Lab.open(lab_dir).configure(drives_remote=True)
    args = build_parser().parse_args(["--lab", str(lab_dir), "--poll", "0.01", "run", str(plan)])
    out, err = io.StringIO(), io.StringIO()
    code = primary.cmd_run(args, Hosts(args), out, err)
    return code, out.getvalue(), err.getvalue(), Lab.open(lab_dir)


def test_run_writes_the_manifest_and_report_on_a_remote_host_a(lab_dir, tmp_path, no_local_writers):
    plan, path = plan_file(lab_dir, tmp_path)
    vm = plan["vms"][0]
    code, out, err, lab = run_on_host(lab_dir, path)
    assert code == 0, out + err
    folder = lab.real_path(lab.primary_name, f"{plan['destination_path']}\\{vm['name']}_{vm['id']}")
    json_path, sums_path = manifest_paths(folder)
    assert f"written beside the folder on lab: hv-a: {json_path.name}, {sums_path.name}" in out
    assert f"Hashing {vm['name']} on lab: hv-a" in err
    assert "No integrity manifest written" not in err
    check = verify_manifest(folder)
    assert check.ok, check.to_text()
    jobs = lab.dump()["hash_jobs"]
    assert [j["state"] for j in jobs.values()] == ["Completed"]  # hashed on the host
    if shutil.which("sha256sum"):
        done = subprocess.run(
            ["sha256sum", "-c", sums_path.name], cwd=folder.parent, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
    (report,) = folder.parent.glob("HANDOVER-*.txt")
    assert f"Handover report written beside the folders on lab: hv-a: {report.name}" in out
    text = report.read_bytes().decode("utf-8-sig")
    assert check.manifest.files[0].sha256 in text and "No integrity manifest" not in text

    # a second run follows the same export: the manifest stays as it is, a second report
    before = json_path.read_bytes(), sums_path.read_bytes()
    code, out, err, lab = run_on_host(lab_dir, path)
    assert code == 0, out + err
    assert "kept as it is" in out
    assert (json_path.read_bytes(), sums_path.read_bytes()) == before
    assert len(lab.dump()["hash_jobs"]) == 1  # nothing hashed again
    assert len(list(folder.parent.glob("HANDOVER-*.txt"))) == 2
    assert report.read_bytes().decode("utf-8-sig") == text  # never overwritten


def test_where_a_drive_is_read_is_the_hosts_answer():
    """A WinRM host's drive is never read here; this computer's own PowerShell reads its own
    drives (on Windows); the lab's drives are read here unless it plays remote hosts."""
    from hvseed_gui.hyperv.ps_host import PowerShellHost
    from hvseed_gui.hyperv.runners import LocalPowerShell, WinRmOptions, WinRmPowerShell

    remote = PowerShellHost(WinRmPowerShell(WinRmOptions(host="hv-a.corp.example")))
    assert remote.local_path("E:\\HyperV-Seed\\x") is None
    local = PowerShellHost(LocalPowerShell()).local_path("E:\\HyperV-Seed\\x")
    assert (local is not None) == (sys.platform == "win32")


def test_manifest_later_for_a_remote_host_hashes_there(lab_dir, tmp_path, no_local_writers):
    plan, path = plan_file(lab_dir, tmp_path)
    code, out, err, lab = run_on_host(lab_dir, path)
    assert code == 0, err
    vm = plan["vms"][0]
    shown = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    folder = lab.real_path(lab.primary_name, shown)
    for written in manifest_paths(folder):
        written.unlink()  # as if the wizard's hashing had been cancelled
    args = build_parser().parse_args(["--lab", str(lab_dir), "--poll", "0.01", "manifest", shown])
    out, err = io.StringIO(), io.StringIO()
    assert primary.cmd_manifest(args, Hosts(args), out, err) == 0, err.getvalue()
    assert "on lab: hv-a" in out.getvalue()
    assert verify_manifest(folder).ok

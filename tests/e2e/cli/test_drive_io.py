"""The lab counts what crosses a drive's bus: ``hvseed drive-io`` after a whole seeding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import hvseed


@pytest.mark.parametrize(("staging", "passes"), [(False, 4), (True, 2)])
def test_a_seeding_moves_the_copy_four_times_direct_and_twice_staged(
    tmp_path: Path, staging: bool, passes: int
):
    lab_dir = tmp_path / "lab"
    Lab.open(lab_dir, disk_sizes="small").configure(
        export_bytes_per_sec=50e9,
        import_bytes_per_sec=50e9,
        hash_bytes_per_sec=50e9,
        staging=staging,
    )
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    (tmp_path / "p.json").write_text(plan_text, encoding="utf-8")
    assert hvseed("run", str(tmp_path / "p.json"), lab=lab_dir)[0] == 0
    folder = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    real = Lab.open(lab_dir).real_path("hv-a", folder)
    size = sum(p.stat().st_size for p in real.rglob("*") if p.is_file())  # disks and XML
    usb = {
        k: v
        for k, v in json.loads(hvseed("drive-io", lab=lab_dir)[1]).items()
        if v["kind"] == "usb"
    }
    seed = max(usb.values(), key=lambda c: c["written"])
    assert seed["written"] == size  # Hyper-V's export, or hvseed's staged copy
    assert seed["read"] == (0 if staging else size)  # the hash pass (none after a staged copy)
    staging_folder = Lab.open(lab_dir).real_path("hv-a", "D:\\")
    assert not list(staging_folder.glob("hvseed-staging/*/*"))  # the staged files are gone

    hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    assert hvseed("import", "--vm", vm["name"], folder, lab=lab_dir)[0] == 0
    after = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    moved = sum(c["read"] + c["written"] for c in after.values() if c["kind"] == "usb")
    # direct: export, hash, verify, Hyper-V's import read; staged: the copy to the drive and
    # the verifying copy off it (the lab's import counts the disks it copies, not the few
    # bytes of XML it parses)
    assert passes * size - 4096 <= moved <= passes * size


def test_drive_io_is_a_lab_command():
    code, _, err = hvseed("drive-io")
    assert code == 2 and "lab command" in err


def test_verify_after_write_reads_the_copy_back_once(tmp_path: Path):
    """``run --verify-after-write``: the admin's proof that the drive kept every byte costs
    exactly one more read of the copy, and says what it found."""
    lab_dir = tmp_path / "lab"
    Lab.open(lab_dir, disk_sizes="small").configure(
        export_bytes_per_sec=50e9, hash_bytes_per_sec=50e9, staging=True
    )
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    (tmp_path / "p.json").write_text(plan_text, encoding="utf-8")
    code, out, err = hvseed("run", str(tmp_path / "p.json"), "--verify-after-write", lab=lab_dir)
    assert code == 0, err
    assert f"{vm['name']}: read back from the drive: all 2 files match." in out
    folder = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    real = Lab.open(lab_dir).real_path("hv-a", folder)
    size = sum(p.stat().st_size for p in real.rglob("*") if p.is_file())
    usb = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    seed = max((c for c in usb.values() if c["kind"] == "usb"), key=lambda c: c["written"])
    assert seed["written"] == size and seed["read"] == size  # staged write, one read-back


def test_a_remote_host_copies_its_staged_export_itself(tmp_path: Path):
    """Host A over WinRM (the lab's ``drives_remote``): Hyper-V exports to the host's own disk,
    the host's copy job writes it to the drive hashing as it copies (the drive written once,
    never read back), the manifest lands beside it, and the staged files are removed."""
    lab_dir = tmp_path / "lab"
    Lab.open(lab_dir, disk_sizes="small").configure(
        export_bytes_per_sec=50e9, hash_bytes_per_sec=50e9, staging=True, drives_remote=True
    )
    _, plan_text, _ = hvseed("plan", "--example", lab=lab_dir)
    plan = json.loads(plan_text)
    vm = plan["vms"][0]
    (tmp_path / "p.json").write_text(plan_text, encoding="utf-8")
    code, out, err = hvseed("run", str(tmp_path / "p.json"), lab=lab_dir)
    assert code == 0, err
    assert "staged export" in err and "copies TinyLinux to the drive" in err
    folder = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
    lab = Lab.open(lab_dir)
    real = lab.real_path("hv-a", folder)
    size = sum(p.stat().st_size for p in real.rglob("*") if p.is_file())
    assert (real.parent / f"{real.name}.hvseed-manifest.json").is_file()
    usb = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    seed = max((c for c in usb.values() if c["kind"] == "usb"), key=lambda c: c["written"])
    assert seed == {"kind": "usb", "read": 0, "written": size}
    assert not list(lab.real_path("hv-a", "D:\\").glob("hvseed-staging/*/*"))
    code, out, err = hvseed("--host", "hv-a", "verify", folder, lab=lab_dir)
    assert code == 0, err
    before = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    read_before = sum(c["read"] for c in before.values() if c["kind"] == "usb")

    # the replica host reads the drive once too: its job copies the folder to its own disk
    # verifying as it copies, and Hyper-V imports that verified copy
    hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    code, out, err = hvseed("import", "--vm", vm["name"], folder, lab=lab_dir)
    assert code == 0, err
    assert "copies the folder to" in err, err
    after = json.loads(hvseed("drive-io", lab=lab_dir)[1])
    read_after = sum(c["read"] for c in after.values() if c["kind"] == "usb")
    assert read_after - read_before == size
    assert not list(Lab.open(lab_dir).real_path("hv-b", "D:\\").glob("hvseed-staging/*/*"))

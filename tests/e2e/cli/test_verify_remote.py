"""``hvseed verify`` through the remote path: the host hashes, this process judges.

On the lab the in-process path is the default (its drives are directories here); the
``hash_on_host`` switch on the parsed arguments sends the lab host down the path a WinRM host
takes: start_hashing, polls with progress on stderr, compare against the host's manifest.
"""

from __future__ import annotations

import io

from hvseed_gui.cli import replica
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.cli.main import build_parser
from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import export_example, hvseed


def verify_on_host(lab_dir, folder: str) -> tuple[int, str, str, Lab]:
    Lab.open(lab_dir).configure(drives_remote=True)
    args = build_parser().parse_args(
        ["--lab", str(lab_dir), "--poll", "0.01", "--host", "hv-b", "verify", folder]
    )
    out, err = io.StringIO(), io.StringIO()
    hosts = Hosts(args)
    code = replica.cmd_verify(args, hosts, out, err)
    return code, out.getvalue(), err.getvalue(), Lab.open(lab_dir)


def test_verify_hashes_on_the_host_and_finds_a_flipped_byte(lab_dir, tmp_path):
    plan, _ = export_example(lab_dir, tmp_path)
    vm = plan["vms"][0]
    code, _, err = hvseed("move-drive", "E:", "--to", "hv-b", lab=lab_dir)
    assert code == 0, err
    drive_path = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"

    code, out, err, lab = verify_on_host(lab_dir, drive_path)
    assert code == 0, out + err
    assert "intact" in out
    assert f"Verifying {vm['name']}_{vm['id']} on lab: hv-b" in err
    jobs = lab.dump()["hash_jobs"]
    assert len(jobs) == 1 and next(iter(jobs.values()))["state"] == "Completed"

    disk = next((lab.real_path("hv-b", drive_path) / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(3)
        handle.write(b"X")
    code, out, _, lab = verify_on_host(lab_dir, drive_path)
    assert code == 1
    assert disk.name in out and "content differs" in out
    assert len(lab.dump()["hash_jobs"]) == 2  # hashed on the host again, not here


def test_verify_of_a_missing_folder_on_the_host_says_so(lab_dir):
    Lab.open(lab_dir).add_usb_volume("hv-b", "F:", "Empty", "NTFS", 10**12)
    code, out, _, _ = verify_on_host(lab_dir, "F:\\Nothing_here")
    assert code == 1
    assert "does not exist on lab: hv-b" in out

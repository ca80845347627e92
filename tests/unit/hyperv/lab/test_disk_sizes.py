"""The lab's disk sizes: realistic for the demo and the tests about sizes, small for the tests
that only need a disk to travel (every byte of it is hashed, twice)."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.lab.defaults import DISK_SIZE_DIVISORS

MiB = 1024**2
GiB = 1024**3


def disk_file_sizes(lab: Lab, vm_name: str) -> list[int]:
    return [vhd.file_size for vhd in lab.host("hv-a").inventory().vm(vm_name).vhds]


def test_a_new_lab_is_realistic(tmp_path):
    lab = Lab.open(tmp_path / "lab")
    assert lab.settings["disk_sizes"] == "realistic"
    assert disk_file_sizes(lab, "TinyLinux") == [600 * MiB]
    assert disk_file_sizes(lab, "LegacyApp") == [3 * GiB]


def test_a_small_lab_divides_every_disk_file_and_nothing_else(tmp_path):
    small = Lab.open(tmp_path / "small", disk_sizes="small")
    real = Lab.open(tmp_path / "real")
    divisor = DISK_SIZE_DIVISORS["small"]
    assert small.settings["disk_sizes"] == "small"
    for name in ("TinyLinux", "LegacyApp", "SQL01"):
        assert disk_file_sizes(small, name) == [s // divisor for s in disk_file_sizes(real, name)]
    # drives and the disks' maximum sizes are the world's, unchanged
    assert [v.total_bytes for v in small.host("hv-a").usb_volumes()] == [
        v.total_bytes for v in real.host("hv-a").usb_volumes()
    ]
    small_vm = small.host("hv-a").inventory().vm("SQL01")
    real_vm = real.host("hv-a").inventory().vm("SQL01")
    assert [d.max_size for d in small_vm.vhds] == [d.max_size for d in real_vm.vhds]


def test_an_existing_lab_keeps_its_files(tmp_path):
    Lab.open(tmp_path / "lab", disk_sizes="small")
    again = Lab.open(tmp_path / "lab")  # the CLI or the GUI opening it later
    assert again.settings["disk_sizes"] == "small"
    assert disk_file_sizes(again, "TinyLinux") == [600 * MiB // DISK_SIZE_DIVISORS["small"]]


def test_an_unknown_size_is_refused_before_anything_is_made(tmp_path):
    with pytest.raises(ValueError, match="realistic, small"):
        Lab.open(tmp_path / "lab", disk_sizes="tiny")
    assert not (tmp_path / "lab").exists()

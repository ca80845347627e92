"""Local volume detection: psutil rows as Windows and Linux return them, sysfs, the helper."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import psutil
import pytest

from hvseed_gui.core.volumes import (
    BitLockerStatus,
    Volume,
    VolumeProbeError,
    VolumeProbeTimeout,
    bus_type_name,
    linux_bus_type,
    probe_local_volumes,
    scan_volumes,
    usb_only,
    volume_from_psutil,
    windows_bus_type,
)

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "volumes"

try:  # psutil's own result types, so the tests use the real shapes
    from psutil._ntuples import sdiskpart, sdiskusage
except ImportError:  # psutil < 7
    from psutil._common import sdiskpart, sdiskusage


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_fixture_rows_have_psutils_fields():
    # if psutil changes its tuple (as 6.0 did, dropping maxfile/maxpath), the fixtures must too
    assert sdiskpart._fields == ("device", "mountpoint", "fstype", "opts")
    assert sdiskusage._fields == ("total", "used", "free", "percent")


def windows_scan():
    data = load("psutil_windows.json")
    rows = data["rows"]
    parts = [sdiskpart(*r["part"]) for r in rows]
    by_mount = {r["part"][1]: r for r in rows}

    def usage_of(mount):
        usage = by_mount[mount]["usage"]
        if isinstance(usage, dict):
            raise OSError(None, usage["strerror"], mount, usage["winerror"])
        if usage is None:
            raise AssertionError(f"disk_usage must not be called for {mount}")
        return sdiskusage(*usage)

    def bus_of(device, mount):
        return bus_type_name(by_mount[mount]["bus"])

    return scan_volumes(parts, usage_of, bus_of, system=data["system_drive"])


def test_windows_rows_become_volumes_and_drives_without_medium_are_skipped():
    volumes, skipped = windows_scan()
    by_mount = {v.mount_point: v for v in volumes}
    assert set(by_mount) == {"C:\\", "E:\\", "F:\\", "G:\\", "C:\\Mount\\Backup\\", "V:\\", "K:\\"}
    skipped_mounts = dict(skipped)
    assert set(skipped_mounts) == {"D:\\", "H:\\", "U:\\"}
    assert "The device is not ready" in skipped_mounts["U:\\"]

    usb_hdd = by_mount["E:\\"]
    assert (usb_hdd.file_system, usb_hdd.bus_type, usb_hdd.removable) == ("NTFS", "USB", False)
    assert usb_hdd.is_usb and not usb_hdd.read_only and not usb_hdd.is_system
    assert usb_hdd.free_bytes == 1999215000000
    assert by_mount["C:\\"].is_system and by_mount["C:\\"].bus_type == "NVMe"
    assert not by_mount["C:\\Mount\\Backup\\"].is_system  # a folder mount on C: is not C:
    sd_card = by_mount["G:\\"]
    assert sd_card.read_only and sd_card.removable and sd_card.bus_type == "SD"
    assert by_mount["V:\\"].bus_type == "FileBackedVirtual"
    assert by_mount["K:\\"].file_system == "ReFS" and by_mount["K:\\"].bus_type == "SAS"


def test_usb_only_uses_the_bus_not_removable():
    volumes, _ = windows_scan()
    assert [v.mount_point for v in usb_only(volumes)] == ["E:\\", "F:\\"]


def test_volume_from_psutil_skips_cdrom_and_unknown_fs():
    usage = sdiskusage(100, 10, 90, 10.0)
    assert volume_from_psutil(sdiskpart("D:\\", "D:\\", "", "cdrom"), usage) is None
    assert volume_from_psutil(sdiskpart("D:\\", "D:\\", "UDF", "ro,readonly,cdrom"), usage) is None
    assert volume_from_psutil(sdiskpart("H:\\", "H:\\", "", "removable"), usage) is None
    assert volume_from_psutil(sdiskpart("E:\\", "E:\\", "NTFS", "rw,fixed"), None) is None
    stick = volume_from_psutil(sdiskpart("F:\\", "F:\\", "FAT32", "rw,removable"), usage)
    assert stick is not None and stick.removable and stick.total_bytes == 100


def fake_sysfs(tmp_path: Path, links: dict[str, str]) -> Path:
    """A /sys with class/block/<disk> and <disk><n> links to real-looking device paths."""
    sys_root = tmp_path / "sys"
    (sys_root / "class" / "block").mkdir(parents=True)
    for disk, target in links.items():
        disk_dir = sys_root / target
        disk_dir.mkdir(parents=True)
        os.symlink(disk_dir, sys_root / "class" / "block" / disk)
        for number in (1, 2):
            part = f"{disk}p{number}" if disk[-1].isdigit() else f"{disk}{number}"
            (disk_dir / part).mkdir()
            (disk_dir / part / "partition").write_text(f"{number}\n")
            os.symlink(disk_dir / part, sys_root / "class" / "block" / part)
    return sys_root


def test_linux_bus_type_from_sysfs(tmp_path):
    data = load("psutil_linux.json")
    sys_root = fake_sysfs(tmp_path, data["sysfs"])
    assert linux_bus_type("/dev/sdb1", str(sys_root)) == "USB"
    assert linux_bus_type("/dev/sdb", str(sys_root)) == "USB"
    assert linux_bus_type("/dev/sda1", str(sys_root)) == "SATA"
    assert linux_bus_type("/dev/nvme0n1p2", str(sys_root)) == "NVMe"
    assert linux_bus_type("/dev/sdz9", str(sys_root)) == ""


def test_linux_rows_with_raw_mount_options(tmp_path):
    data = load("psutil_linux.json")
    sys_root = str(fake_sysfs(tmp_path, data["sysfs"]))
    parts = [sdiskpart(*r["part"]) for r in data["rows"]]
    usages = {r["part"][1]: sdiskusage(*r["usage"]) for r in data["rows"]}
    volumes, skipped = scan_volumes(
        parts, usages.__getitem__, lambda dev, mount: linux_bus_type(dev, sys_root), system="/"
    )
    assert skipped == []
    by_mount = {v.mount_point: v for v in volumes}
    assert by_mount["/"].is_system and by_mount["/"].bus_type == "NVMe"
    seed = by_mount["/media/admin/SEED"]
    assert seed.is_usb and seed.file_system == "ntfs3" and not seed.read_only
    assert seed.device == "/dev/sdb1"
    assert by_mount["/srv/vms"].read_only


def test_linux_bus_type_on_this_machine_never_raises():
    for part in psutil.disk_partitions():
        assert isinstance(linux_bus_type(part.device), str)


def test_windows_bus_type_is_empty_off_windows():
    if sys.platform == "win32":
        pytest.skip("real lookup on Windows")
    assert windows_bus_type("E:\\") == ""


def test_volume_round_trips_through_the_probe_json():
    volume = Volume("E:\\", "SEED", "NTFS", 10, 5, "USB", bitlocker=BitLockerStatus.ON)
    assert Volume.from_dict(json.loads(json.dumps(volume.to_dict()))) == volume


# --- the helper process --------------------------------------------------------------------


def test_probe_process_really_runs_here():
    volumes = probe_local_volumes(timeout=30)
    expected = {p.mountpoint for p in psutil.disk_partitions() if p.fstype}
    assert {v.mount_point for v in volumes} == expected
    assert all(v.total_bytes > 0 for v in volumes)
    if "/" in expected:
        assert next(v for v in volumes if v.mount_point == "/").is_system


SLOW_PROBE = """
import json, sys, time
print(json.dumps({"probing": "*"}), flush=True)
print(json.dumps({"probing": "E:\\\\"}), flush=True)
print(json.dumps({"volume": {"mount_point": "E:\\\\", "label": "", "file_system": "NTFS",
      "total_bytes": 10, "free_bytes": 5, "bus_type": "USB"}}), flush=True)
print(json.dumps({"probing": "Z:\\\\"}), flush=True)
time.sleep(60)  # a dead network drive
"""


def test_a_hanging_probe_times_out_with_what_it_found():
    with pytest.raises(VolumeProbeTimeout) as info:
        probe_local_volumes(timeout=1.0, command=[sys.executable, "-c", SLOW_PROBE])
    exc = info.value
    assert [v.mount_point for v in exc.volumes] == ["E:\\"]
    assert exc.stalled_on == "Z:\\"
    assert "drive Z:\\ did not answer" in str(exc)


def test_a_crashing_probe_is_a_clear_error():
    crash = "import sys; sys.stderr.write('ImportError: no psutil\\n'); sys.exit(3)"
    with pytest.raises(VolumeProbeError) as info:
        probe_local_volumes(timeout=10, command=[sys.executable, "-c", crash])
    assert not isinstance(info.value, VolumeProbeTimeout)
    assert "no psutil" in str(info.value) and "by hand" in str(info.value)


def test_a_probe_that_cannot_start_is_a_clear_error(tmp_path):
    with pytest.raises(VolumeProbeError, match="Could not start"):
        probe_local_volumes(command=[str(tmp_path / "missing-python")])


def test_the_probe_runs_from_a_venv_and_from_the_frozen_app(monkeypatch):
    import sys

    from hvseed_gui.core.volumes import PROBE_ARGUMENT, probe_command

    assert probe_command()[1:] == ["-m", "hvseed_gui.core.volumes.probe_child"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert probe_command() == [sys.executable, PROBE_ARGUMENT]

"""A real Host A offers a staging folder on its own data volume: found by the local probe when
hvseed runs on it, by the host's own answer over WinRM (its copy job then copies there)."""

from __future__ import annotations

from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv import ps_host
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners.local import LocalPowerShell
from tests.support.ps51 import FakeRunner, result_line

GIB = 2**30


def test_this_computers_powershell_stages_on_its_own_data_volume(monkeypatch):
    import hvseed_gui.core.volumes.probe as probe

    monkeypatch.setattr(ps_host.sys, "platform", "win32")  # hvseed runs on Host A itself
    volumes = [
        Volume("C:\\", "", "NTFS", 200 * GIB, 150 * GIB, bus_type="NVMe", is_system=True),
        Volume("D:\\", "Data", "NTFS", 4000 * GIB, 900 * GIB, bus_type="SAS"),
        Volume("E:\\", "SEED", "NTFS", 2000 * GIB, 1900 * GIB, bus_type="USB"),
    ]
    monkeypatch.setattr(probe, "probe_local_volumes", lambda *a, **k: volumes)
    host = PowerShellHost(LocalPowerShell("powershell.exe"))
    assert host.staging_folder(70 * GIB) == "D:\\hvseed-staging"
    assert host.staging_folder(2000 * GIB) is None  # no room: straight to the drive


def test_a_winrm_host_stages_on_its_own_data_volume_by_its_answer():
    """The host lists its own lettered volumes on disks that are neither USB nor virtual; the
    same rule picks one; its copy job copies from there (``start_hashing(copy_to=…)``)."""
    answer = {
        "volumes": [
            {
                "mount_point": "C:\\",
                "file_system": "NTFS",
                "total_bytes": 200 * GIB,
                "free_bytes": 150 * GIB,
                "bus_type": "NVMe",
                "is_system": True,
            },
            {
                "mount_point": "D:\\",
                "file_system": "ReFS",
                "total_bytes": 4000 * GIB,
                "free_bytes": 900 * GIB,
                "bus_type": "SAS",
            },
            {
                "mount_point": "F:\\",
                "file_system": "NTFS",
                "total_bytes": 4000 * GIB,
                "free_bytes": 3000 * GIB,
                "bus_type": "SAS",
                "read_only": True,
            },
        ]
    }
    host = PowerShellHost(
        FakeRunner(result_line({"ok": True, "data": answer})), display_name="hv01"
    )
    assert host.staging_folder(70 * GIB) == "D:\\hvseed-staging"
    assert host.staging_folder(1000 * GIB) is None

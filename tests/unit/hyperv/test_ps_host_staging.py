"""A real Host A offers a staging folder when hvseed runs on it (its disks are readable here);
a WinRM host does not (the copy would run in hvseed's process, away from its disks)."""

from __future__ import annotations

from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv import ps_host
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners.local import LocalPowerShell

GIB = 2**30


class _Remote:
    """Any runner that is not this computer's PowerShell (WinRM)."""


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


def test_a_winrm_host_offers_none(monkeypatch):
    monkeypatch.setattr(ps_host.sys, "platform", "win32")
    assert PowerShellHost(_Remote()).staging_folder(GIB) is None

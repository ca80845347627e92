"""Big hosts: the light inventory reads no disk details; vm_disks reads them for the VMs that
need them; the lab charges what a real host's calls cost."""

from __future__ import annotations

from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.lab import lab_host as lab_host_module


def test_light_inventory_has_paths_and_vm_disks_the_details(tmp_path):
    lab = Lab.open(tmp_path / "lab")
    host = lab.host(lab.primary_name)
    full = host.inventory()
    light = host.inventory(details=False)
    assert [vm.id for vm in light.vms] == [vm.id for vm in full.vms]
    sql = light.vm("SQL01")
    assert sql.vhds and not sql.details_known
    assert [d.path for d in sql.vhds] == [d.path for d in full.vm("SQL01").vhds]
    assert sql.why_not_enableable() == ""  # enabling needs no sizes

    disks = host.vm_disks([sql.id, "00000000-0000-4000-8000-000000000000"])
    assert set(disks) == {sql.id}
    merged = light.with_disks(disks).vm("SQL01")
    assert merged.details_known
    assert merged.initial_copy_size() == full.vm("SQL01").initial_copy_size() > 0


def test_the_lab_charges_get_vhd_only_where_details_are_read(tmp_path, monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(lab_host_module.time, "sleep", slept.append)
    lab = Lab.open(tmp_path / "lab")
    lab.configure(get_vhd_seconds=0.05, vm_seconds=0.004)
    host = lab.host(lab.primary_name)
    count = len(host.inventory(details=False).vms)
    assert slept == [0.004 * count]  # Get-VM + Get-VMHardDiskDrive, no Get-VHD
    slept.clear()
    full = host.inventory()
    files = sum(len(d.parents) + 1 for vm in full.vms for d in vm.vhds)
    assert slept == [0.004 * count + 0.05 * files]
    slept.clear()
    web = full.vm("WEB01")  # a differencing disk: the parent is opened too
    host.vm_disks([web.id])
    assert slept == [0.004 + 0.05 * (1 + len(web.vhds[0].parents))]


def test_a_grown_host_lists_hundreds_of_vms(tmp_path):
    lab = Lab.open(tmp_path / "lab")
    added = lab.grow_host(lab.primary_name, 120, 3)
    inventory = lab.host(lab.primary_name).inventory(details=False)
    assert len(added) == 120 and len(inventory.vms) >= 120
    big = inventory.vm(added[7])
    assert len(big.vhds) == 3 and not big.details_known
    sizes = lab.host(lab.primary_name).vm_disks([big.id])[big.id]
    assert all(d.file_size == 1024 * 1024 for d in sizes)


def test_recovery_history_is_read_where_the_host_says_it():
    from hvseed_gui.hyperv.host import VmRef
    from hvseed_gui.hyperv.powershell.replication_status import parse_status

    vm = VmRef("SQL01", "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B")
    base = {"mode": 2, "state": "Replicating", "health": 1}

    def hours(**extra):
        return parse_status({**base, **extra}, vm).recovery_history_hours

    assert hours(recovery_history_hours=4) == 4
    assert hours(recovery_history_hours=None) is None
    assert hours() is None

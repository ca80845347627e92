"""The lab's controls: opening, host names, faults, settings, sharing between processes."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.hyperv.host_errors import AccessDenied, HostUnreachable, MediaError
from hvseed_gui.hyperv.lab import Lab, ManualClock

REPO = Path(__file__).resolve().parents[4]


@pytest.fixture
def lab(tmp_path, clock) -> Lab:
    return Lab.open(tmp_path / "lab", clock=clock)


def test_host_names_short_fqdn_any_case(lab):
    assert lab.host("hv-b").name == "hv-b.lab.local"
    assert lab.host("HV-B.LAB.LOCAL").name == "hv-b.lab.local"
    assert lab.host("hv-a").display_name == "lab: hv-a"
    with pytest.raises(HostUnreachable, match="hv-x"):
        lab.host("hv-x")


def test_open_refuses_foreign_dirs_and_missing_labs(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(FileExistsError):
        Lab.open(foreign)
    with pytest.raises(FileNotFoundError):
        Lab.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_configure_is_persisted_and_validated(tmp_path, clock):
    Lab.open(tmp_path / "lab", clock=clock).configure(latency=0.5, delta_bytes_per_sec=1000)
    again = Lab.open(tmp_path / "lab", clock=clock)
    assert again.settings["latency"] == 0.5 and again.settings["delta_bytes_per_sec"] == 1000
    with pytest.raises(ValueError):
        again.configure(export_bytes_per_sec=0)


def test_configured_fault_raises_its_kind_on_every_host(lab):
    lab.configure(faults={"usb_volumes": "MediaError", "hv-b:inventory": "AccessDenied"})
    with pytest.raises(MediaError):
        lab.host("hv-a").usb_volumes()
    with pytest.raises(AccessDenied):
        lab.host("hv-b").inventory()
    assert lab.host("hv-a").inventory().vms  # other hosts and operations are unaffected
    lab.configure(faults={})
    assert lab.host("hv-a").usb_volumes()


def test_injected_fault_with_message_and_count(lab):
    lab.inject_fault("hv-a", "*", "HostUnreachable", "hv-a is switched off.", times=2)
    for _ in range(2):
        with pytest.raises(HostUnreachable, match="hv-a is switched off"):
            lab.host("hv-a").inventory()
    assert lab.host("hv-a").inventory().host_name == "hv-a.lab.local"
    lab.inject_fault("*", "inventory", "AccessDenied")
    with pytest.raises(AccessDenied):
        lab.host("hv-c").inventory()
    lab.clear_faults()
    assert lab.host("hv-c").inventory()
    with pytest.raises(ValueError, match="Unknown error kind"):
        lab.inject_fault("hv-a", "inventory", "KeyError")


def test_deltas_advance_last_replication_time_while_waiting(lab, clock):
    from hvseed_gui.core.plan import PlanVm, ReplicationPlan

    lab.configure(export_bytes_per_sec=10 * 1024**3, delta_bytes_per_sec=1000)
    a, b = lab.host("hv-a"), lab.host("hv-b")
    vm = a.inventory().vm("TinyLinux")
    plan = ReplicationPlan("hv-a.lab.local", (PlanVm(vm.name, vm.id),), "hv-b", frequency_sec=30)
    a.enable_replication(plan, vm.ref)
    assert b.replication_status(vm.ref).last_replication_time is None
    a.start_export(vm.ref, "E:\\")
    clock.advance(31)
    first = b.replication_status(vm.ref)
    clock.advance(60)
    second = b.replication_status(vm.ref)
    assert first.last_replication_time < second.last_replication_time
    assert (
        second.replica_delta_files[0].file_size - first.replica_delta_files[0].file_size == 60_000
    )
    assert a.replication_status(vm.ref).last_replication_time == second.last_replication_time
    assert second.state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_threads_share_one_lab_without_losing_updates(tmp_path, clock):
    Lab.open(tmp_path / "lab", clock=clock)

    def worker(n: int) -> None:
        mine = Lab.open(tmp_path / "lab", clock=clock)
        for _ in range(15):
            mine.inject_fault(f"hv-{'abc'[n]}", "inventory", "AccessDenied", times=1)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(Lab.open(tmp_path / "lab").dump()["faults"]) == 45


def test_another_process_sees_the_same_lab(tmp_path):
    lab = Lab.open(tmp_path / "lab")
    script = (
        "import sys\n"
        "from hvseed_gui.hyperv.lab import Lab\n"
        "lab = Lab.open(sys.argv[1], create=False)\n"
        "lab.add_usb_volume('hv-b', 'K', 'FROM-CLI', 'NTFS', 10**12)\n"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "lab")],
        cwd=REPO,
        check=True,
        timeout=60,
    )
    assert [v.label for v in lab.host("hv-b").usb_volumes()] == ["FROM-CLI"]


def test_manual_clock():
    clock = ManualClock(100.0)
    assert clock() == 100.0
    assert clock.advance(5) == 105.0 and clock() == 105.0

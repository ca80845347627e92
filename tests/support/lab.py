"""Shared by the lab tests: a plan for one VM, and driving a job to its end on a manual clock."""

from __future__ import annotations

from hvseed_gui.core.plan import PlanVm, ReplicationPlan
from hvseed_gui.hyperv.host import (
    JobState,
    VirtualMachine,
)
from hvseed_gui.hyperv.lab import Lab, ManualClock

GiB = 1024**3


def plan_for(vm: VirtualMachine, replica: str = "hv-b", **changes) -> ReplicationPlan:
    """Replicate ``vm`` from hv-a to ``replica``, exporting to E:\\ (override with ``changes``)."""
    plan = ReplicationPlan(
        primary_host="hv-a.lab.local",
        vms=(PlanVm(vm.name, vm.id),),
        replica_server=replica,
        destination_path="E:\\",
    )
    return plan.with_changes(**changes)


def finish(step, clock: ManualClock):
    """Poll ``step`` (a job's progress) a second of lab time apart until the job ends."""
    for _ in range(500):
        progress = step()
        if progress.state.finished:
            return progress
        clock.advance(1.0)
    raise AssertionError("the job did not finish")


def exported(lab: Lab, clock: ManualClock, name: str = "TinyLinux", drive: str = "E:\\"):
    a = lab.host("hv-a")
    vm = a.inventory().vm(name)
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, drive)
    done = finish(lambda: a.export_progress(started.handle), clock)
    assert done.state is JobState.COMPLETED
    return vm, done.folder

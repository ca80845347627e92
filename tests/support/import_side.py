"""Helpers for the import-side tests: an export on Host A, the courier, and the walk to Check."""

from __future__ import annotations

from pathlib import Path

from hvseed_gui.core.manifest import write_manifest
from hvseed_gui.core.plan import PlanVm, ReplicationPlan
from hvseed_gui.hyperv.host import JobState, ReplicationState, VirtualMachine
from hvseed_gui.ui.ids import PageId

GiB = 2**30
FAST = 500 * GiB


def export_on_primary(
    lab, name: str, destination: str = "E:\\", *, manifest: bool = True
) -> tuple[VirtualMachine, str]:
    """Enable replication of ``name`` on hv-a and export it to ``destination`` (fast lab rates),
    with its integrity manifest beside the folder as the wizard and ``hvseed run`` write it
    (``manifest=False``: an export without one)."""
    a = lab.host("hv-a")
    vm = a.inventory().vm(name)
    plan = ReplicationPlan(
        primary_host=lab.primary_name,
        vms=(PlanVm(vm.name, vm.id),),
        replica_server=lab.replica_name,
        destination_path=destination,
    )
    a.enable_replication(plan, vm.ref)
    job = a.start_export(vm.ref, destination)
    for _ in range(10_000):  # real clock, fast rate: a few polls
        if job.state.finished:
            break
        job = a.export_progress(job.handle)
    assert job.state is JobState.COMPLETED, job
    if manifest:
        write_manifest(
            lab.real_path("hv-a", job.folder),
            vm_name=vm.name,
            vm_id=vm.id,
            source_host=lab.primary_name,
            replica_server=lab.replica_name,
        )
    return vm, job.folder


def remove_manifest(real: Path) -> None:
    """Delete the manifest files beside the export folder ``real`` (as a courier might)."""
    gone = [p for p in real.parent.glob(f"{real.name}.*") if p.is_file()]
    assert gone, f"no manifest beside {real}"
    for path in gone:
        path.unlink()


def courier(lab, letter: str = "E:") -> None:
    lab.move_drive("hv-a", letter, "hv-b")


def replica_state(lab, vm_id: str) -> ReplicationState:
    return lab.host("hv-b").inventory().vm(vm_id).replication_state


def folder_state(path: Path) -> list[tuple[str, int, int]]:
    """Every file below ``path`` with size and mtime: proves nothing was changed."""
    return sorted(
        (str(p.relative_to(path)), p.stat().st_size, p.stat().st_mtime_ns)
        for p in path.rglob("*")
        if p.is_file()
    )


def walk_to_folder(drive, wizard, vm_name: str):
    """Start → import → Connect (lab hv-b) → replica VM → Find the copy (scan finished)."""
    wizard.page_of(PageId.START).import_.setChecked(True)
    drive.next(wizard, PageId.IMPORT_CONNECT)
    drive.next(wizard, PageId.IMPORT_VM)
    page = wizard.currentPage()
    drive.idle(page)
    page.select_vm(vm_name)
    drive.next(wizard, PageId.IMPORT_FOLDER)
    folder_page = wizard.currentPage()
    drive.until(lambda: folder_page.loaded)
    return folder_page


def walk_to_check(drive, wizard, vm_name: str, folder: str | None = None):
    """… then the Check page with ``folder`` typed (or the preselected one), checks finished."""
    page = walk_to_folder(drive, wizard, vm_name)
    if folder is not None:
        page.path_edit.setText(folder)
    drive.next(wizard, PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    drive.until(lambda: check.checked and not check.runner.busy and not check.hasher.busy)
    return check


def row(check, label: str) -> tuple[str, str, str, str, str, str]:
    return next(r for r in check.rows() if r[0] == label)


def consent(check) -> str:
    """Tick the Check page's consent as the admin would; returns its text."""
    assert check.consent.isVisible() and check.consent.isEnabled(), check.rows()
    check.consent.click()
    assert check.consent.isChecked()
    return check.consent.text()

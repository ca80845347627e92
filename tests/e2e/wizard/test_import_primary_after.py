"""After the import the wizard reads Host A's side: a relationship the journey left Suspended is
shown and resumed only when the admin presses Resume; a resynchronization asks first."""

from __future__ import annotations

from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.import_side import courier, export_on_primary, walk_to_check

FAST = 50e9


def primary_state(lab, vm_id: str) -> ReplicationState:
    host = lab.host("hv-a")
    return host.replication_status(host.inventory(details=False).vm(vm_id).ref).state


def run_page_after_import(lab, make_wizard, drive, interrupted: str):
    lab.configure(import_bytes_per_sec=FAST)
    vm, _folder = export_on_primary(lab, "TinyLinux")
    courier(lab)
    lab.interrupt_replication("hv-a", vm.id, interrupted, "the link was down")
    wizard = make_wizard()
    walk_to_check(drive, wizard, "TinyLinux")
    drive.next(wizard, PageId.IMPORT_RUN)
    run = wizard.currentPage()
    drive.until(lambda: run.page_complete())
    drive.until(lambda: run.step_primary.isVisible() and run.primary_verdict is not None)
    return vm, wizard, run


def test_a_suspended_host_a_is_resumed_when_the_admin_presses_resume(lab, make_wizard, drive):
    vm, _wizard, run = run_page_after_import(lab, make_wizard, drive, "Suspended")
    assert "Suspended" in run.step_primary.text()
    assert run.resume_button.isVisible()
    assert primary_state(lab, vm.id) is ReplicationState.SUSPENDED  # nothing done unasked

    run.resume_button.click()

    drive.until(lambda: "resumed" in run.step_primary.text())
    assert primary_state(lab, vm.id) is ReplicationState.REPLICATING


def test_a_resynchronization_is_started_only_after_its_cost_is_accepted(
    lab, make_wizard, drive, prompt
):
    vm, wizard, run = run_page_after_import(lab, make_wizard, drive, "WaitingForStartResynchronize")
    assert run.resume_button.isVisible()
    prompt.confirms.append(False)  # the admin reads the cost and declines
    run.resume_button.click()
    assert "block by block" in prompt.asked[-1][1]
    assert primary_state(lab, vm.id) is ReplicationState.WAITING_FOR_START_RESYNCHRONIZE
    prompt.confirms.append(True)
    run.resume_button.click()
    drive.until(lambda: "resumed" in run.step_primary.text())
    assert primary_state(lab, vm.id) is not ReplicationState.WAITING_FOR_START_RESYNCHRONIZE

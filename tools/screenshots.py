"""Grab every page of the Enable Replication wizard, offscreen, into docs/screenshots/*.png.

Runs the real wizard on a throw-away lab, the way ``hvseed-gui --demo`` does.

    python tools/screenshots.py [--out docs/screenshots] [--lang de]

With ``--lang de`` the pages are German (Qt's catalogue and hvseed's) and go to
docs/screenshots/de/ unless ``--out`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="")
    parser.add_argument("--lang", choices=("en", "de"), default="en")
    args = parser.parse_args()
    default_out = ROOT / "docs" / "screenshots"
    out = Path(args.out) if args.out else default_out / ("" if args.lang == "en" else args.lang)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import (
        QEventLoop,
        QSettings,
        Qt,
        QThreadPool,
        QTimer,
        qInstallMessageHandler,
    )
    from PySide6.QtWidgets import QApplication, QWizard

    qInstallMessageHandler(
        lambda mode, ctx, msg: None if "propagateSizeHints" in msg else print(msg, file=sys.stderr)
    )
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    from hvseed_gui.language import install_translators

    install_translators(args.lang)  # before any widget is built

    from hvseed_gui.hyperv.lab import Lab
    from hvseed_gui.ui.context import MemorySecretStore
    from hvseed_gui.ui.ids import PageId
    from hvseed_gui.ui.prompt import ScriptedPrompt
    from hvseed_gui.ui.wizard import EnableReplicationWizard

    tmp = tempfile.mkdtemp(prefix="hvseed-shots-")
    lab_dir = os.path.join(tmp, "lab")
    lab = Lab.open(lab_dir)
    lab.configure(export_bytes_per_sec=2 * 2**30)

    def make() -> EnableReplicationWizard:
        w = EnableReplicationWizard(
            settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
            prompt=ScriptedPrompt(),
            secrets=MemorySecretStore(),
            demo=True,
            lab_dir=lab_dir,
            poll_ms=200,
        )
        w.show()
        return w

    def wait(condition, timeout_ms: int = 20_000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(20)
        waited = [0]

        def check() -> None:
            waited[0] += 20
            if condition() or waited[0] > timeout_ms:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        if not condition():
            raise SystemExit(f"timed out waiting on page {wizard.currentPage().title()!r}")

    def settle() -> None:
        wait(
            lambda: (
                not getattr(wizard.currentPage(), "runner", None)
                or not wizard.currentPage().runner.busy
            )
        )
        for _ in range(5):
            app.processEvents()

    def shot(name: str, settled: bool = True) -> None:
        if settled:
            settle()
        path = out / f"{name}.png"
        wizard.grab().save(str(path))
        print(path)

    def forward():
        page = wizard.currentPage()
        which = (
            QWizard.WizardButton.CommitButton
            if page.isCommitPage()
            else (QWizard.WizardButton.NextButton)
        )
        return wizard.button(which)

    def next_to(page_id: int) -> None:
        wait(lambda: forward().isEnabled())
        forward().click()
        wait(lambda: wizard.currentId() == page_id)

    wizard = make()
    shot("01-start")
    next_to(PageId.BEFORE)
    shot("01b-before-you-begin")
    next_to(PageId.CONNECT)
    connect = wizard.currentPage()
    connect.remote.setChecked(True)
    connect.host_edit.setText("hv01.corp.example")
    connect.user_edit.setText("CORP\\hvadmin")
    shot("02b-connect-remote")
    connect.lab.setChecked(True)
    shot("02-connect")
    next_to(PageId.VM)
    wizard.currentPage().select_vm("SQL01")
    shot("03-choose-vm")
    next_to(PageId.REPLICA)
    replica = wizard.currentPage()
    replica.server_edit.setText("hv-c.lab.local")
    forward().click()
    wait(lambda: replica.fix_box.isVisible())
    shot("04b-replica-server-not-ready")
    replica.server_edit.setText(lab.replica_name)
    replica._server_edited()
    shot("04-replica-server")
    replica.check_hosts.setChecked(True)  # the optional Check page (hvseed doctor's table)
    lab.set_host_facts("hv-b", clock_offset_seconds=420)
    next_to(PageId.CHECK)
    check = wizard.currentPage()
    wait(lambda: check.table.rowCount() > 0)
    shot("04c-check-both-hosts")
    lab.set_host_facts("hv-b", clock_offset_seconds=0)
    next_to(PageId.PARAMS)
    wizard.currentPage().test_button.click()
    shot("05-connection-parameters")
    next_to(PageId.VHDS)
    vhds = wizard.currentPage()
    vhds.set_included(wizard.ctx.vm.vhds[-1].path, False)
    shot("06-choose-vhds")
    vhds.set_included(wizard.ctx.vm.vhds[-1].path, True)
    next_to(PageId.FREQUENCY)
    shot("07-frequency")
    next_to(PageId.RECOVERY)
    shot("08-recovery-points")
    next_to(PageId.METHOD)
    shot("09-initial-method")
    next_to(PageId.MEDIA)
    media = wizard.currentPage()
    wait(lambda: media.loaded)
    shot("10-external-drive")
    next_to(PageId.SUMMARY)
    summary = wizard.currentPage()
    wait(lambda: not summary.route_runner.busy and bool(summary.route.text()))
    shot("11-summary")
    summary.show_ps.setChecked(True)
    shot("11b-summary-powershell")
    summary.show_ps.setChecked(False)
    next_to(PageId.PROGRESS)
    progress = wizard.currentPage()
    wait(lambda: progress.bar.value() > 100)
    shot("12-progress")
    lab.configure(export_bytes_per_sec=100 * 2**30)
    wait(lambda: progress.hasher.busy and 150 < progress.hashing_box.bar.value() < 900, 60_000)
    shot("12b-progress-hashing")
    wait(lambda: progress.page_complete(), 600_000)  # hashing SQL01's 70 GiB takes a while
    shot("12c-progress-complete")
    next_to(PageId.DONE)
    done = wizard.currentPage()
    wait(lambda: done.handover.report is not None and not done.handover.runner.busy)
    shot("13-done")

    # the import side: a second, small VM with a manifest on the same drive, then the courier
    export_small_vm_with_manifest(lab)
    lab.configure(delta_bytes_per_sec=8 * 2**20)
    lab.move_drive("hv-a", "E:", "hv-b")
    wizard.importRequested.emit()  # the Done page's Import button
    shot("20-import-connect")
    next_to(PageId.IMPORT_VM)
    settle()  # the replica host's VMs are listed before one is chosen
    wizard.currentPage().select_vm("TinyLinux")
    shot("21-import-replica-vm")
    next_to(PageId.IMPORT_FOLDER)
    folder_page = wizard.currentPage()
    wait(lambda: folder_page.loaded)
    shot("22-import-find-copy")
    right = folder_page.path_edit.text()
    wrong = next(
        folder_page.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(folder_page.table.rowCount())
        if folder_page.table.item(r, 4).text().startswith(("No", "Nein"))  # not for this VM
    )
    folder_page.path_edit.setText(wrong)
    next_to(PageId.IMPORT_CHECK)
    check = wizard.currentPage()
    wait(lambda: check.checked and not check.hasher.busy)
    shot("23b-import-check-wrong-folder")
    wizard.back()
    folder_page.path_edit.setText(right)
    next_to(PageId.IMPORT_CHECK)
    wait(lambda: check.hasher.busy and check.hash_bar.value() > 0)
    shot("23a-import-check-verifying")
    wait(lambda: check.checked and not check.hasher.busy)
    shot("23-import-check")
    lab.configure(import_bytes_per_sec=150 * 2**20)
    next_to(PageId.IMPORT_RUN)
    run = wizard.currentPage()
    wait(lambda: run.bar.value() > 150)
    shot("24-import-progress", settled=False)  # the import itself is the page's host call
    lab.configure(import_bytes_per_sec=100 * 2**30)
    wait(lambda: run.page_complete())
    shot("24b-import-healthy")
    next_to(PageId.IMPORT_FAILOVER)
    failover = wizard.currentPage()
    failover.start_button.click()
    wait(lambda: bool(failover.test_vm) and not failover.runner.busy)
    shot("25-test-failover")
    failover.stop_button.click()
    wait(lambda: not failover.test_vm and not failover.runner.busy)
    next_to(PageId.IMPORT_DONE)
    shot("26-import-done")
    wizard.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return 0


def export_small_vm_with_manifest(lab) -> None:
    """TinyLinux exported to hv-a's E: beside the other copy, with its integrity manifest."""
    from hvseed_gui.core.manifest import write_manifest
    from hvseed_gui.core.plan import PlanVm, ReplicationPlan

    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    plan = ReplicationPlan(
        primary_host=lab.primary_name,
        vms=(PlanVm(vm.name, vm.id),),
        replica_server=lab.replica_name,
        destination_path="E:\\",
    )
    a.enable_replication(plan, vm.ref)
    job = a.start_export(vm.ref, "E:\\")
    while not job.state.finished:
        job = a.export_progress(job.handle)
    write_manifest(
        lab.real_path("hv-a", job.folder),
        vm_name=vm.name,
        vm_id=vm.id,
        source_host=lab.primary_name,
        replica_server=lab.replica_name,
    )


if __name__ == "__main__":
    raise SystemExit(main())

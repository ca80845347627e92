"""Big hosts: a lab Host A with 500 VMs and 1,500 disks under a real host's per-call costs.

Prints the seconds from the Connect page's Next to a usable VM page, and from ticking 5 VMs
to the Replica server page; "before" is what reading every disk at connect costs (the old
design: Get-VHD for every disk of every VM), "after" the light inventory plus one round trip
for the ticked VMs. The last line is ``vm page: N s`` (target: N <= 3).

    QT_QPA_PLATFORM=offscreen python benchmarks/big_host.py [--vms 500] [--disks 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GET_VHD_SECONDS = 0.05  # Get-VHD opens each file's metadata
VM_SECONDS = 0.004  # Get-VM + Get-VMHardDiskDrive per VM


def wait_until(app, condition, timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.005)  # a benchmark's poll, not a test's synchronisation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vms", type=int, default=500)
    parser.add_argument("--disks", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWizard

    from hvseed_gui.hyperv.lab import Lab
    from hvseed_gui.ui.context import MemorySecretStore
    from hvseed_gui.ui.ids import PageId
    from hvseed_gui.ui.prompt import ScriptedPrompt
    from hvseed_gui.ui.wizard import EnableReplicationWizard

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        lab = Lab.open(Path(tmp) / "lab")
        lab.grow_host(lab.primary_name, args.vms, args.disks)
        lab.configure(get_vhd_seconds=GET_VHD_SECONDS, vm_seconds=VM_SECONDS)
        host = lab.host(lab.primary_name)
        vm_count = len(host.inventory(details=False).vms)

        started = time.monotonic()
        host.inventory(details=True)
        before_connect = time.monotonic() - started

        wizard = EnableReplicationWizard(
            settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
            prompt=ScriptedPrompt(),
            secrets=MemorySecretStore(),
            demo=True,
            lab_dir=str(lab.directory),
            poll_ms=50,
        )
        wizard.show()
        next_button = QWizard.WizardButton.NextButton
        wizard.button(next_button).click()  # start -> before you begin
        wait_until(app, lambda: wizard.currentId() == PageId.BEFORE)
        wizard.button(next_button).click()  # -> connect
        wait_until(app, lambda: wizard.currentId() == PageId.CONNECT)
        wait_until(app, lambda: wizard.button(next_button).isEnabled())
        started = time.monotonic()
        wizard.button(next_button).click()
        wait_until(app, lambda: wizard.currentId() == PageId.VM)
        page = wizard.currentPage()
        wait_until(app, lambda: page.table.rowCount() >= vm_count)
        vm_page = time.monotonic() - started

        names = sorted(vm.name for vm in wizard.ctx.inventory.vms if vm.name.startswith("Big-"))
        page.select_vms(names[:5])
        started = time.monotonic()
        wizard.button(next_button).click()
        wait_until(app, lambda: wizard.currentId() == PageId.REPLICA)
        ticked = time.monotonic() - started
        wizard.reject()

    before_ticked = 0.0  # the old design had every size already
    print(
        f"host: {vm_count} VMs, {args.vms * args.disks}+ disks; Get-VHD {GET_VHD_SECONDS} s, "
        f"per VM {VM_SECONDS} s"
    )
    print(
        f"before: connect -> vm page about {before_connect:.1f} s (every Get-VHD), "
        f"5 ticked -> replica page {before_ticked:.1f} s"
    )
    print(f"after:  connect -> vm page {vm_page:.1f} s, 5 ticked -> replica page {ticked:.1f} s")
    print(f"vm page: {vm_page:.1f} s")


if __name__ == "__main__":
    main()

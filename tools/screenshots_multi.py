"""Grab the pages of a run with several VMs and the BitLocker panel, offscreen, into
docs/screenshots/3x-*.png (the single-VM walk is tools/screenshots.py).

    python tools/screenshots_multi.py [--out docs/screenshots]
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
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QWizard

    qInstallMessageHandler(
        lambda mode, ctx, msg: None if "propagateSizeHints" in msg else print(msg, file=sys.stderr)
    )
    app = QApplication(sys.argv[:1])
    from hvseed_gui.language import install_translators

    install_translators("en")  # as the app does: English plural forms (1 file, 2 files)
    app.setStyle("Fusion")

    from hvseed_gui.hyperv.lab import Lab
    from hvseed_gui.ui.context import MemorySecretStore
    from hvseed_gui.ui.ids import PageId
    from hvseed_gui.ui.prompt import ScriptedPrompt
    from hvseed_gui.ui.wizard import EnableReplicationWizard

    tmp = tempfile.mkdtemp(prefix="hvseed-shots-")
    lab_dir = os.path.join(tmp, "lab")
    lab = Lab.open(lab_dir)
    lab.configure(export_bytes_per_sec=1 * 2**30)
    # without the big drive E: no single drive takes all three copies: the plan spreads them
    # over the two sticks and says why (with E: plugged in, everything would go to E:)
    lab.unplug("hv-a", "E")
    prompt = ScriptedPrompt(paths=[os.path.join(tmp, "BitLocker Recovery Key STICK.txt")])
    wizard = EnableReplicationWizard(
        settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
        prompt=prompt,
        secrets=MemorySecretStore(),
        demo=True,
        lab_dir=lab_dir,
        poll_ms=200,
    )
    wizard.show()

    def wait(condition, timeout_ms: int = 20_000) -> None:
        loop, timer, waited = QEventLoop(), QTimer(), [0]
        timer.setInterval(20)

        def check() -> None:
            waited[0] += 20
            if condition() or waited[0] > timeout_ms:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        if not condition():
            raise SystemExit(f"timed out on page {wizard.currentPage().title()!r}")

    def shot(name: str) -> None:
        page = wizard.currentPage()
        wait(lambda: not getattr(page, "runner", None) or not page.runner.busy)
        for _ in range(5):
            app.processEvents()
        path = out / f"{name}.png"
        wizard.grab().save(str(path))
        print(path)

    def next_to(page_id: int) -> None:
        page = wizard.currentPage()
        which = QWizard.WizardButton.NextButton
        if page.isCommitPage():
            which = QWizard.WizardButton.CommitButton
        wait(lambda: wizard.button(which).isEnabled())
        wizard.button(which).click()
        wait(lambda: wizard.currentId() == page_id)

    next_to(PageId.BEFORE)
    next_to(PageId.CONNECT)
    next_to(PageId.VM)
    wizard.currentPage().select_vms(["DC01", "LegacyApp", "TinyLinux"])
    shot("30-several-vms")
    for page_id in (PageId.REPLICA, PageId.PARAMS, PageId.VHDS):
        next_to(page_id)
    shot("31-disks-per-vm")
    for page_id in (PageId.FREQUENCY, PageId.RECOVERY, PageId.METHOD, PageId.MEDIA):
        next_to(page_id)
    media = wizard.currentPage()
    wait(lambda: media.loaded)
    media.select_drive("F:\\")
    wait(lambda: media.plan is not None and media.plan.ok)
    shot("32-drive-plan")
    media.encrypt_toggle.setChecked(True)
    media.bitlocker.password.setText("Kurier-2026!")
    media.bitlocker.confirm.setText("Kurier-2026!")
    media.bitlocker.choose_button.click()
    shot("33-bitlocker-panel")
    media.bitlocker.encrypt_button.click()
    wait(lambda: media.bitlocker.status.kind == "ok")
    wait(lambda: any(v.mount_point == "F:\\" and v.bitlocker.value == "On" for v in media.volumes))
    shot("34-bitlocker-done")
    media.encrypt_toggle.setChecked(False)
    media.accept_plan.setChecked(True)
    next_to(PageId.SUMMARY)
    shot("35-summary-several")
    next_to(PageId.PROGRESS)
    progress = wizard.currentPage()
    wait(lambda: 50 < progress.bar.value() < 900, 60_000)
    shot("36-progress-several")
    lab.configure(export_bytes_per_sec=100 * 2**30)
    wait(lambda: progress.hasher.busy and progress.hashing_box.bar.value() > 300, 60_000)
    shot("36b-progress-several-hashing")
    wait(lambda: progress.page_complete(), 180_000)
    next_to(PageId.DONE)
    done = wizard.currentPage()
    wait(lambda: len(done.listings) == 3)
    wait(lambda: len(done.handover.reports) == 2 and not done.handover.runner.busy)
    shot("37-done-several")
    wizard.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""GUI responsiveness: a whole wizard run on the lab with slow hosts, measuring GUI-thread stalls.

Every host call in the lab takes ``--latency`` seconds (default 2). A QTimer heartbeat fires
every 10 ms on the GUI thread; the longest gap between two beats is the longest stall the admin
would feel. The wizard is driven like an admin would: press Next whenever it is enabled.

    python benchmarks/responsiveness.py [--latency 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, QThreadPool, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QWizard

    from hvseed_gui.hyperv.lab import Lab
    from hvseed_gui.ui.context import MemorySecretStore
    from hvseed_gui.ui.ids import PageId
    from hvseed_gui.ui.prompt import ScriptedPrompt
    from hvseed_gui.ui.wizard import EnableReplicationWizard

    qInstallMessageHandler(
        lambda mode, ctx, msg: None if "propagateSizeHints" in msg else print(msg, file=sys.stderr)
    )
    app = QApplication(sys.argv[:1])
    tmp = tempfile.mkdtemp(prefix="hvseed-bench-")
    lab = Lab.open(os.path.join(tmp, "lab"))
    lab.configure(latency=args.latency, export_bytes_per_sec=2 * 2**30)
    wizard = EnableReplicationWizard(
        settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat),
        prompt=ScriptedPrompt(),
        secrets=MemorySecretStore(),
        demo=True,
        lab_dir=os.path.join(tmp, "lab"),
        poll_ms=500,
    )
    wizard.show()

    gaps: list[tuple[float, str]] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0], wizard.currentPage().title() if wizard.currentPage() else ""))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)

    pressed: set[int] = set()
    started = time.perf_counter()

    def drive() -> None:
        page = wizard.currentPage()
        page_id = wizard.currentId()
        if page_id == PageId.DONE and not page.runner.busy:
            app.quit()
            return
        if time.perf_counter() - started > args.timeout:
            print(f"timed out on page {page.title()!r}", file=sys.stderr)
            app.exit(2)
            return
        which = (
            QWizard.WizardButton.CommitButton
            if page.isCommitPage()
            else QWizard.WizardButton.NextButton
        )
        button = wizard.button(which)
        if button.isEnabled() and button.isVisible() and page_id not in pressed:
            pressed.add(page_id)
            button.click()
        elif page_id in pressed and button.isEnabled() and not page.runner.busy:
            pressed.discard(page_id)  # an asynchronous Next came back refused: try again

    driver = QTimer()
    driver.setInterval(50)
    driver.timeout.connect(drive)
    heartbeat.start()
    driver.start()
    code = app.exec()
    heartbeat.stop()
    QThreadPool.globalInstance().waitForDone(30_000)
    total = time.perf_counter() - started
    worst = sorted(gaps, reverse=True)[:5]
    print(f"wizard run with {args.latency:.1f} s per host call: {total:.1f} s, {len(gaps)} beats")
    print(f"longest GUI-thread stall: {worst[0][0] * 1000:.0f} ms (on {worst[0][1]!r})")
    print("next longest: " + ", ".join(f"{g * 1000:.0f} ms ({t})" for g, t in worst[1:]))
    return code


if __name__ == "__main__":
    raise SystemExit(main())

"""Start-up: time from process start to the first painted wizard page, hvseed vs a bare QWizard.

Each run is a fresh interpreter (imports count). The bare wizard has as many empty pages as
hvseed's. Prints the medians and their ratio; the target is a ratio of at most 1.3.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

T0 = time.perf_counter()


def child(kind: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

    app = QApplication(sys.argv[:1])
    if kind == "bare":
        window = QWizard()
        window.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        for i in range(14):
            page = QWizardPage()
            page.setTitle(f"Page {i}")
            window.addPage(page)
    else:
        from hvseed_gui.app import build_main_window

        window = build_main_window(["--demo"])

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                print(f"{(time.perf_counter() - T0) * 1000:.2f}", flush=True)
                QTimer.singleShot(0, app.quit)
                obj.removeEventFilter(self)
            return False

    paint_filter = FirstPaint()
    window.show()  # sets the first page; painting happens in the event loop below
    window.currentPage().installEventFilter(paint_filter)
    QTimer.singleShot(20_000, app.quit)
    app.exec()


def measure(kind: str) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout.split()
    return float(out[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "hvseed"))
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    bare, hvseed = [], []
    measure("bare")  # warm the disk cache for both
    measure("hvseed")
    for _ in range(args.runs):
        bare.append(measure("bare"))
        hvseed.append(measure("hvseed"))
    b, h = statistics.median(bare), statistics.median(hvseed)
    print(f"bare QWizard (14 empty pages): median {b:.1f} ms over {args.runs} runs")
    print(f"hvseed wizard (first page):    median {h:.1f} ms over {args.runs} runs")
    print(f"ratio: {h / b:.2f} (target <= 1.30)")
    return 0 if h / b <= 1.3 else 1


if __name__ == "__main__":
    raise SystemExit(main())

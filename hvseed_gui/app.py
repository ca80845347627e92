"""Start the GUI: ``hvseed-gui [--demo] [--lab DIR]``.

Only Qt's core modules are imported at start; WinRM, psutil and the lab load when a page first
needs them, so the first page paints about as fast as a bare QWizard.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

ORGANIZATION = "hvseed"
APPLICATION = "hvseed-gui"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hvseed-gui", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--demo", action="store_true", help="preselect the simulated lab and fill in defaults"
    )
    parser.add_argument("--lab", metavar="DIR", default="", help="folder of the simulated lab")
    return parser.parse_args(argv)


def default_lab_dir() -> str:
    """A per-user data folder for the demo lab."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return f"{base.rstrip('/')}/lab" if base else ""


def build_main_window(
    argv: list[str],
    *,
    settings: QSettings | None = None,
    prompt=None,
    secrets=None,
    defer_pages: bool = True,
) -> QWidget:
    """The top-level window for ``argv`` (without the program name). QApplication must exist."""
    from hvseed_gui.ui.wizard import EnableReplicationWizard

    args = parse_args(argv)
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
    demo = args.demo or bool(args.lab)
    lab_dir = args.lab or (default_lab_dir() if demo else "")
    wizard = EnableReplicationWizard(
        settings=settings,
        prompt=prompt,
        secrets=secrets,
        demo=demo,
        lab_dir=lab_dir,
        defer_pages=defer_pages,
    )
    return wizard  # its Done page's importRequested switches to the import side itself


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--volume-probe"]:  # the frozen app doubles as its own volume probe
        from hvseed_gui.core._volume_probe import main as probe_main

        return probe_main()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_main_window(argv)
    window.show()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(5000)
    return code


if __name__ == "__main__":
    raise SystemExit(main())

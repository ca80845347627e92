"""Start the GUI: ``hvseed-gui [--demo] [--lab DIR] [--lang de|en]``.

Only Qt's core modules are imported at start; WinRM, psutil and the lab load when a page first
needs them, so the first page paints about as fast as a bare QWizard.

The language is ``--lang``, else the environment variable HVSEED_LANG, else the first of the
system's UI languages that hvseed has (German or English); English is the source text.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QSettings,
    QStandardPaths,
)
from PySide6.QtWidgets import QApplication, QWidget

from hvseed_gui import __version__
from hvseed_gui.language import LANG_ENV, LANGUAGES, choose_language, install_translators

ORGANIZATION = "hvseed"
APPLICATION = "hvseed-gui"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hvseed-gui", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"hvseed-gui {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="preselect the simulated lab and fill in defaults"
    )
    parser.add_argument("--lab", metavar="DIR", default="", help="folder of the simulated lab")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="",
        help=f"language of the window (default: ${LANG_ENV}, else the system's language)",
    )
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
    install_translators(choose_language(args.lang))
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


ERROR_LOG = "hvseed-gui-errors.log"


def data_dir() -> Path:
    """hvseed's per-user data folder (AppLocalDataLocation), created if needed."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base) if base else Path.home() / ".hvseed-gui"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_excepthook(
    window: QWidget, log_dir: Path
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """The last-resort handler for an exception nothing caught (a slot, a Qt virtual): the
    traceback goes to ``log_dir``/hvseed-gui-errors.log, the admin reads a plain sentence on
    the current page's message area. Never a silent failure, never a traceback on screen."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log = log_dir / ERROR_LOG
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as out:
                out.write("".join(traceback.format_exception(kind, exc, tb)) + "\n")
        except OSError:
            logging.getLogger("hvseed_gui").exception("could not write %s", log)
        from hvseed_gui.ui.tasks import describe_error

        text = (
            QCoreApplication.translate(
                "App",
                "Something went wrong inside hvseed: %1 What was done so far is kept. If this "
                "page no longer responds, close hvseed and start it again; the details are in "
                "%2.",
            )
            .replace("%1", describe_error(exc))
            .replace("%2", str(log))
        )
        try:
            page = window.currentPage() if hasattr(window, "currentPage") else None
            status = getattr(page, "status", None)
            if status is not None:
                status.show_message("error", text)
                return
        except Exception:  # the window itself is broken: stderr is all that is left
            pass
        sys.stderr.write(text + "\n")

    return hook


HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def missing_display(environ: dict[str, str] | None = None, platform: str | None = None) -> str:
    """The sentence to print when Qt would find no screen (Linux without a desktop session),
    else "". Qt itself would abort with a message about the xcb plugin, which misleads."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or QApplication.instance() is not None:
        return ""
    qpa = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS:
        return ""
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "hvseed-gui needs a desktop session: no display was found (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Start it from a desktop, or without one set "
        "QT_QPA_PLATFORM=offscreen (the window is then drawn invisibly, e.g. for screenshots "
        "and tests). The command line, hvseed, needs no display."
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--volume-probe"]:  # the frozen app doubles as its own volume probe
        from hvseed_gui.core.volumes.probe_child import main as probe_main

        return probe_main()
    parse_args(argv)  # --help, --version and wrong options answer without a display
    sentence = missing_display()
    if sentence:
        sys.stderr.write(sentence + "\n")
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from hvseed_gui.ui import tasks

    window = build_main_window(argv)
    sys.excepthook = make_excepthook(window, data_dir())
    window.show()
    code = app.exec()
    # calls that change a host may finish (their results are saved for reattaching); never
    # let Python finalise under worker threads still running Python code
    if not tasks.shutdown():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())

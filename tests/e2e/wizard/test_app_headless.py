"""``hvseed-gui --help``/``--version`` need no display; without one the app says so in a
sentence instead of Qt's message about the xcb plugin."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hvseed_gui.app import missing_display

NO_DISPLAY = {
    k: v
    for k, v in os.environ.items()
    if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hvseed_gui", *args],
        env=NO_DISPLAY,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux display question")
def test_help_and_version_work_without_a_display():
    assert "--demo" in _run("--help").stdout
    assert "hvseed-gui" in _run("--version").stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux display question")
def test_without_a_display_the_app_says_what_to_do():
    result = _run("--demo")
    assert result.returncode == 2
    assert "desktop session" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr


def test_missing_display_rules(monkeypatch):
    # decided before QApplication exists; the test process has one, so ask as a fresh start would
    import hvseed_gui.app as app

    monkeypatch.setattr(app.QApplication, "instance", staticmethod(lambda: None))
    assert missing_display({}, "linux")
    assert not missing_display({"DISPLAY": ":0"}, "linux")
    assert not missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not missing_display({}, "win32")

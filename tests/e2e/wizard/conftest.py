"""Fixtures for driving the real wizard on a throw-away lab, with no modal dialog possible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from hvseed_gui.ui.context import MemorySecretStore
from hvseed_gui.ui.prompt import ScriptedPrompt
from hvseed_gui.ui.wizard import EnableReplicationWizard
from tests.support.wizard import WAIT_MS, Driver


@pytest.fixture(autouse=True)
def english(qapp):
    """The app always installs its language; English brings its plural forms ("1 file")."""
    from hvseed_gui.language import install_translators

    install_translators("en")


@pytest.fixture
def lab_dir(tmp_path: Path) -> Path:
    return tmp_path / "lab"


@pytest.fixture
def lab(lab_dir: Path, request):
    """The lab, with small disk files (every byte is hashed); a test about sizes, rates or
    timing marks itself ``@pytest.mark.realistic_disks``."""
    from hvseed_gui.hyperv.lab import Lab

    realistic = request.node.get_closest_marker("realistic_disks") is not None
    lab = Lab.open(lab_dir, disk_sizes="realistic" if realistic else "small")
    lab.configure(export_bytes_per_sec=200 * 2**30)  # a fast "drive": exports take moments
    return lab


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def prompt() -> ScriptedPrompt:
    return ScriptedPrompt()


@pytest.fixture
def make_wizard(qtbot, lab_dir, settings_path, prompt):
    """Build the wizard as ``--demo --lab <tmp>`` would, with test settings and prompt."""
    made: list[EnableReplicationWizard] = []

    def make(**kwargs) -> EnableReplicationWizard:
        kwargs.setdefault("demo", True)
        kwargs.setdefault("lab_dir", str(lab_dir))
        kwargs.setdefault("poll_ms", 50)
        wizard = EnableReplicationWizard(
            settings=QSettings(str(settings_path), QSettings.Format.IniFormat),
            prompt=prompt,
            secrets=MemorySecretStore(),
            **kwargs,
        )
        qtbot.addWidget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        if wizard.isVisible():
            wizard.reject()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


@pytest.fixture
def drive(qtbot) -> Driver:
    return Driver(qtbot)

"""Fixtures for driving the real wizard on a throw-away lab, with no modal dialog possible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.context import MemorySecretStore
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.prompt import ScriptedPrompt
from hvseed_gui.ui.wizard import EnableReplicationWizard

WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def english(qapp):
    """The app always installs its language; English brings its plural forms ("1 file")."""
    from hvseed_gui.app import install_translators

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


def forward_button(wizard: QWizard):
    page = wizard.currentPage()
    which = QWizard.WizardButton.NextButton
    if page.isCommitPage():
        which = QWizard.WizardButton.CommitButton
    return wizard.button(which)


def describe(wizard: QWizard) -> str:
    page = wizard.currentPage()
    status = getattr(page, "status", None)
    text = status.text() if status is not None and status.isVisible() else ""
    return f"on page {wizard.currentId()} ({page.title()!r}); message: {text!r}"


def press_next(qtbot, wizard: QWizard, expect: int, timeout: int = WAIT_MS) -> None:
    """Press Next as the admin would (only once it is enabled) and wait for page ``expect``."""
    try:
        qtbot.waitUntil(lambda: forward_button(wizard).isEnabled(), timeout=timeout)
    except Exception:
        raise AssertionError(f"Next stayed disabled {describe(wizard)}") from None
    forward_button(wizard).click()
    if expect != PageId.BEFORE and wizard.currentId() == PageId.BEFORE:
        forward_button(wizard).click()  # Before You Begin: read, then Next, as an admin does
    try:
        qtbot.waitUntil(lambda: wizard.currentId() == expect, timeout=timeout)
    except Exception:
        raise AssertionError(f"expected page {expect}, still {describe(wizard)}") from None


class Driver:
    """Presses the wizard's buttons as the admin would; waits with qtbot, never sleeps."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def next(self, wizard: QWizard, expect: int, timeout: int = WAIT_MS) -> None:
        press_next(self.qtbot, wizard, expect, timeout)

    def until(self, condition, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def idle(self, page, timeout: int = WAIT_MS) -> None:
        """Wait until the page has no host call in flight."""
        self.qtbot.waitUntil(lambda: not page.runner.busy, timeout=timeout)


@pytest.fixture
def drive(qtbot) -> Driver:
    return Driver(qtbot)

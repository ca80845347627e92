"""The app's entry point: the main window paints its first page, then builds the others."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.ui.context import MemorySecretStore
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.prompt import ScriptedPrompt


def test_build_main_window_paints_first_then_builds_the_other_pages(qtbot, tmp_path, lab_dir):
    from hvseed_gui.app import build_main_window

    window = build_main_window(
        ["--lab", str(lab_dir)],
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        prompt=ScriptedPrompt(),
        secrets=MemorySecretStore(),
    )
    qtbot.addWidget(window)
    assert not window.pages_ready
    with qtbot.waitSignal(window.pagesReady, timeout=10_000):
        window.show()
    assert window.wizardStyle() == QWizard.WizardStyle.ModernStyle
    qtbot.waitUntil(lambda: window.button(QWizard.WizardButton.NextButton).isEnabled())
    window.next()
    qtbot.waitUntil(lambda: window.currentId() == PageId.BEFORE)
    assert window.steps.isVisible() and window.steps.current_text() == "Before You Begin"
    window.next()
    qtbot.waitUntil(lambda: window.currentId() == PageId.CONNECT)
    assert window.steps.current_text() == "Connect to Host A"
    assert window.currentPage().lab.isChecked()
    assert window.currentPage().target().lab_dir == str(lab_dir)

"""Every question hvseed asks the admin goes through one ``Prompt`` object.

The wizard receives it at construction; tests pass a ``ScriptedPrompt`` so no modal dialog can
ever block a run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Prompt:
    """Real dialogs, for the application."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        """A path to save to, or ``""`` when the admin cancelled."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path

    def choose_directory(self, parent: QWidget | None, title: str, start: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(parent, title, start)


class ScriptedPrompt(Prompt):
    """Answers from a list, records every question; for tests and benchmarks."""

    def __init__(self, confirms: Iterable[bool] = (), paths: Iterable[str] = ()) -> None:
        self.confirms = deque(confirms)
        self.paths = deque(paths)
        self.asked: list[tuple[str, str]] = []

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.confirms.popleft() if self.confirms else False

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        self.asked.append((title, suggested))
        return self.paths.popleft() if self.paths else ""

    def choose_directory(self, parent: QWidget | None, title: str, start: str) -> str:
        self.asked.append((title, start))
        return self.paths.popleft() if self.paths else ""

"""Messages on the page itself (never a modal): a coloured, word-wrapped label, and a busy bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from hvseed_gui.ui.format import shown

_STYLES = {
    "info": ("#1f3b57", "#e8f1fa", "#9cc0e3"),
    "ok": ("#1d4d22", "#e7f5e8", "#9bcf9f"),
    "warning": ("#5a4300", "#fff6d9", "#e5c466"),
    "error": ("#6b1111", "#fdeaea", "#e09a9a"),
}
_PREFIX = {"info": "", "ok": "✔ ", "warning": "⚠ ", "error": "✖ "}


class StatusLabel(QLabel):
    """A message box drawn inside the page: ``show_message(kind, text)``; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        self.kind = kind if text else ""
        if not text:
            self.clear()
            self.hide()
            return
        fg, bg, border = _STYLES.get(kind, _STYLES["info"])
        self.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 1px solid {border};"
            " border-radius: 3px; padding: 6px; }"
        )
        text = shown(text, keep="\n")  # messages quote names from hosts and drives
        self.setText(_PREFIX.get(kind, "") + text)
        self.setAccessibleDescription(text)
        self.show()

    def clear_message(self) -> None:
        self.show_message("", "")


class BusyIndicator(QWidget):
    """An indeterminate bar with what is happening and a *Stop waiting* button."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Stop waiting"), self)
        self.cancel_button.setAutoDefault(False)  # Enter must not stop a host call
        self.cancel_button.clicked.connect(self.cancelRequested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def stop(self) -> None:
        self.hide()

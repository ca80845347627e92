"""Numbers as admins read them (thin wrappers over ``core.units`` that accept ``None``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvseed_gui.core.units import format_bytes, format_duration, format_rate
from hvseed_gui.core.visible import visible


def shown(text: str, keep: str = "") -> str:
    """A name from a host, a drive or a file as a label shows it: control and bidirectional
    characters spelt out (``\\x1b``, ``<U+202E>``), never obeyed; ``keep`` passes as is."""
    return visible(text, keep)


def size(n: int | None) -> str:
    return "–" if n is None else format_bytes(n)


def rate(bytes_per_sec: float | None) -> str:
    return "–" if not bytes_per_sec else format_rate(bytes_per_sec)


def duration(seconds: float | None) -> str:
    return "–" if seconds is None else format_duration(seconds)


def frequency(sec: int) -> str:
    if sec < 60:
        return QCoreApplication.translate("Format", "%1 seconds").replace("%1", str(sec))
    return QCoreApplication.translate("Format", "%1 minutes").replace("%1", str(sec // 60))

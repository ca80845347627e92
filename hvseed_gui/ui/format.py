"""Numbers as admins read them (thin wrappers over ``core.units`` that accept ``None``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvseed_gui.core.units import format_bytes, format_duration, format_rate


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

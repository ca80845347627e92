"""Sizes, rates and durations the way an admin reads them."""

from __future__ import annotations

_UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB")


def format_bytes(size: float) -> str:
    """``1536`` -> ``"1.5 KiB"``; binary units, as Windows Explorer counts."""
    value = float(size)
    for unit in _UNITS:
        if abs(value) < 1024 or unit == _UNITS[-1]:
            if unit == "bytes":
                return f"{int(value)} bytes"
            return f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def format_rate(bytes_per_sec: float) -> str:
    return f"{format_bytes(bytes_per_sec)}/s"


def format_duration(seconds: float) -> str:
    """``3725`` -> ``"1 h 02 min"``; ``42`` -> ``"42 s"``; ``174660`` -> ``"2 d 0 h 31 min"``."""
    seconds = max(0, int(round(seconds)))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:  # minutes too: a courier's 2 days must not hide the drive's half hour
        return f"{days} d {hours} h" + (f" {minutes:02d} min" if minutes else "")
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"

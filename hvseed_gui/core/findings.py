"""A verdict for the admin: a stable ``code``, a ``Severity``, a few words and what to do.

Folder checks, the drive's fitness and the import gate all speak in ``Finding``s, so every front
end words and colours them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Finding:
    """One verdict for the admin: ``title`` is a few words, ``message`` says what to do."""

    code: str
    severity: Severity
    title: str
    message: str

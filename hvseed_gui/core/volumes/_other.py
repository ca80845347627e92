"""Any other OS (macOS, BSD): the bus type is not known, the system volume is ``/``."""

from __future__ import annotations


def bus_type_of(device: str, mount_point: str) -> str:
    return ""


def system_drive() -> str:
    return "/"


def quiet_error_boxes() -> None:
    """Nothing to quieten."""


def seek_penalty_of(path: str) -> bool | None:
    """Unknown on this platform: hashing measures its way (see core.hashing)."""
    return None

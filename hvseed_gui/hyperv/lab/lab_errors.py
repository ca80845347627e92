"""The lab's own refusals: a lab file that cannot be used, a lab command that cannot be done.

``LabError`` is a ``HyperVError`` (so the CLI and the GUI show its sentence like any host's) and
a ``ValueError`` (what these refusals were before, for callers that catch that).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hvseed_gui.hyperv.host_errors import HyperVError

STATE_VERSION = 1
_TOP = {
    "settings": dict,
    "faults": list,
    "primary": str,
    "replica": str,
    "drives": dict,
    "hosts": dict,
    "jobs": dict,
}
_HOST_KEYS = ("vms", "replica_server", "firewall", "certificates", "system_drive")
_DRIVE_KEYS = ("label", "file_system", "capacity", "host", "letter", "bus_type", "serial")


class LabError(HyperVError, ValueError):
    """A lab file or lab command that cannot be used; the sentence says what to do."""


def lab_file_error(path: Path, problem: str) -> LabError:
    return LabError(
        f"The lab file {path} cannot be used: {problem}.",
        f"Open another lab with --lab <an empty folder>, or delete the folder {path.parent} "
        "to start a fresh lab there.",
    )


def check_state(path: Path, data: Any) -> dict[str, Any]:
    """``data`` if it has the shape of a lab state of this version, else ``LabError``."""
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        raise lab_file_error(path, f"it holds {kind}, not a lab state")
    version = data.get("version")
    if version != STATE_VERSION:
        raise lab_file_error(
            path, f"it is of version {version!r}; this hvseed reads lab files of version 1"
        )
    for key, kind in _TOP.items():
        if not isinstance(data.get(key), kind):
            raise lab_file_error(path, f"it is incomplete ('{key}' is missing or damaged)")
    for fqdn, host in data["hosts"].items():
        if not isinstance(host, dict) or any(k not in host for k in _HOST_KEYS):
            raise lab_file_error(path, f"it is incomplete (host '{fqdn}' is damaged)")
        if not isinstance(host["vms"], dict):
            raise lab_file_error(path, f"it is incomplete (the VMs of '{fqdn}' are damaged)")
    for drive_id, drive in data["drives"].items():
        if not isinstance(drive, dict) or any(k not in drive for k in _DRIVE_KEYS):
            raise lab_file_error(path, f"it is incomplete (drive '{drive_id}' is damaged)")
    for role in ("primary", "replica"):
        if data[role] not in data["hosts"]:
            raise lab_file_error(path, f"its {role} host '{data[role]}' is not among its hosts")
    return data

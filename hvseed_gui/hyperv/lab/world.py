"""One look at the lab inside a transaction: the state dict, the lab directory and "now"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.hyperv.host_errors import NotFound

from . import drives
from .state import State

VmDict = dict[str, Any]


def to_datetime(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, timezone.utc)


def short_name(fqdn: str) -> str:
    return fqdn.split(".")[0]


def resolve_host_name(state: State, name: str) -> str | None:
    """The FQDN of a lab host named by short name or FQDN (case-insensitive), else None."""
    key = name.strip().lower().rstrip(".")
    for fqdn in state["hosts"]:
        if key in (fqdn.lower(), short_name(fqdn).lower()):
            return fqdn
    return None


@dataclass
class World:
    lab_dir: Path
    state: State
    now: float

    @property
    def settings(self) -> dict[str, Any]:
        return self.state["settings"]

    # -- hosts and VMs ------------------------------------------------------------------------

    def host(self, fqdn: str) -> dict[str, Any]:
        return self.state["hosts"][fqdn]

    def find_vm(self, fqdn: str, vm_id: str) -> VmDict | None:
        try:
            key = normalize_vm_id(vm_id)
        except ValueError:
            return None
        return self.host(fqdn)["vms"].get(key)

    def vm(self, fqdn: str, vm_id: str, name: str = "") -> VmDict:
        """The VM with this ID on ``fqdn``, else NotFound in Hyper-V's words."""
        found = self.find_vm(fqdn, vm_id)
        if found is None:
            label = f"'{name}' " if name else ""
            raise NotFound(
                f"Hyper-V was unable to find a virtual machine {label}with ID {vm_id} on {fqdn}.",
                "Refresh the list of virtual machines; it may have been removed or renamed.",
                cmdlet="Get-VM",
                category="ObjectNotFound",
            )
        return found

    # -- paths --------------------------------------------------------------------------------

    def locate(self, fqdn: str, path: str) -> drives.Location:
        return drives.locate(self.state, self.lab_dir, fqdn, path)

    def real(self, fqdn: str, path: str) -> Path:
        return drives.real_path(self.lab_dir, self.locate(fqdn, path))

    def file_size(self, fqdn: str, path: str) -> int:
        """Apparent size of a host file; 0 when it (or its drive) is missing."""
        try:
            real = self.real(fqdn, path)
        except NotFound:
            return 0
        return real.stat().st_size if real.is_file() else 0

    def count_io(self, drive_id: str, *, read: int = 0, written: int = 0) -> None:
        """Bytes moved over a drive's bus (the lab counts what a seeding costs the drive)."""
        io = self.state.setdefault("drive_io", {}).setdefault(drive_id, {"read": 0, "written": 0})
        io["read"] += int(read)
        io["written"] += int(written)

    def free(self, drive_id: str) -> int:
        return drives.drive_free(self.lab_dir, self.state, drive_id)

    def drive_at(self, fqdn: str, letter: str) -> str | None:
        return drives.mounts(self.state, fqdn).get(letter.upper().rstrip("\\/"))

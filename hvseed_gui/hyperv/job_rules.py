"""Judgements every ``HyperVHost`` implementation shares (the PowerShell host and the lab).

* ``state_without_job``: what an export or import poll means when Hyper-V shows no job for it.
  Finished ``Msvm_ConcreteJob`` records disappear (``TimeBeforeRemoval``), and a new process has
  no job ID to look for, so this path is normal. It never calls an export COMPLETED from the
  replication state alone: the primary is InitialReplicationInProgress while the export runs
  *and* after it (hyperv-reference.md §c/§f).
* ``import_folder_problem``: the import folder must be the ``<VMName>_<VMId>`` folder of this VM.
"""

from __future__ import annotations

import re

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.hyperv.host import JobState, ReplicationState, VmRef
from hvseed_gui.hyperv.host_errors import InvalidState

_FOLDER_ID = re.compile(
    r"_([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$"
)


def folder_vm_id(folder: str) -> str | None:
    """The VM ID at the end of an ``<VMName>_<VMId>`` folder name, upper-case, or None."""
    leaf = folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    match = _FOLDER_ID.search(leaf)
    return match.group(1).upper() if match else None


def import_folder_problem(vm: VmRef, folder: str) -> InvalidState | None:
    """Why ``folder`` must not be imported into ``vm`` (checked before Hyper-V is asked).

    Whether Hyper-V itself rejects a folder of another VM is UNCONFIRMED, so the seam refuses a
    folder whose name does not end in this VM's ID, and one without any ID in its name.
    """
    try:
        wanted = normalize_vm_id(vm.id).upper()
    except ValueError:
        wanted = vm.id.strip().strip("{}").upper()
    found = folder_vm_id(folder)
    if found is None:
        return InvalidState(
            f"The folder {folder} is not an export folder of {vm.name}: its name does not end "
            f"in the VM's ID ({wanted}).",
            f"Choose the folder named {vm.name}_{wanted} that the export wrote on the drive. "
            "If it was renamed, give it back its original name.",
        )
    if found != wanted:
        return InvalidState(
            f"The folder {folder} holds the initial copy of the VM with ID {found}, "
            f"not of {vm.name} ({vm.id}).",
            "Choose the folder whose name ends with this VM's ID.",
        )
    return None


def _size(value: int | None) -> str:
    if value is None:
        return "an unknown number of"
    return f"{value:,}"


def no_export_job_message(folder: str, bytes_done: int | None, bytes_total: int | None) -> str:
    """The sentence for an export whose job Hyper-V no longer shows and that is not complete."""
    head = "Hyper-V no longer shows the export job, and the VM still waits for its initial copy"
    if not folder:
        return (
            f"{head}; hvseed cannot tell whether the export finished because it does not know "
            "the destination folder. Keep the drive attached and give the destination (or check "
            "the <VMName>_<VMId> folder and the VM's replication health in Hyper-V Manager) "
            "before you unplug it."
        )
    if bytes_done is None:
        return (
            f"{head}, but the folder {folder} is not there. Check the drive is attached and the "
            "VM's replication health in Hyper-V Manager before you unplug it."
        )
    return (
        f"{head}; the folder {folder} holds {_size(bytes_done)} of {_size(bytes_total)} bytes. "
        "Keep the drive attached and check the folder and the VM's replication health in "
        "Hyper-V Manager before you unplug it."
    )


def state_without_job(
    kind: str,
    replication: ReplicationState,
    *,
    bytes_done: int | None = None,
    bytes_total: int | None = None,
    folder: str = "",
) -> tuple[JobState, str]:
    """(state, message) of a poll that sees no Hyper-V job for this VM.

    Replicating means the initial copy was imported: both ends are done. An export while the
    primary is InitialReplicationInProgress counts as COMPLETED only when the folder holds at
    least the whole initial copy; otherwise it stays RUNNING with a sentence saying why hvseed
    cannot tell (callers hash and hand over only on COMPLETED).
    """
    if replication is ReplicationState.REPLICATING:
        return JobState.COMPLETED, ""
    if kind == "export" and replication is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS:
        # UNCONFIRMED whether Hyper-V preallocates the exported files: if it did, the sum could
        # reach the total early. Only used when no job is visible at all.
        if bytes_total and bytes_total > 0 and bytes_done is not None and bytes_done >= bytes_total:
            return JobState.COMPLETED, ""
        return JobState.RUNNING, no_export_job_message(folder, bytes_done, bytes_total)
    return JobState.NOT_STARTED, ""

"""Export and import of the initial copy as jobs that advance with the clock.

A job is a record in the state (start time, bytes written so far, last update). Whatever
process looks at the lab next advances every running job by ``elapsed x rate`` and really grows
the files on disk, so a job survives the GUI or CLI that started it; "reattaching" is one more
poll. Failures happen where they would on a real host: a file crossing FAT32's 4 GiB limit, a
full drive, a drive pulled out. Partial files are left where they are, as Hyper-V leaves them.
"""

from __future__ import annotations

from hvseed_gui.hyperv.host import JobState
from hvseed_gui.hyperv.host_errors import NotFound

from . import drives
from .defaults import JOB_REMOVAL_SECONDS
from .export_job import advance_export, cancel_export, start_export
from .import_job import advance_import, start_import
from .jobcore import (
    DELTA_BASE_BYTES,
    IN_PROGRESS,
    READY,
    REPLICATING,
    WAITING,
    fail,
    job_key,
    replica_partner,
)
from .world import World

__all__ = [
    "DELTA_BASE_BYTES",
    "IN_PROGRESS",
    "READY",
    "REPLICATING",
    "WAITING",
    "advance",
    "cancel_export",
    "fail_jobs_on_drive",
    "job_key",
    "replica_partner",
    "start_export",
    "start_import",
]


def advance_deltas(w: World) -> None:
    """Grow the AVHDX files of replicas whose primary is sending changes while they wait."""
    rate = w.settings["delta_bytes_per_sec"]
    for fqdn, host in w.state["hosts"].items():
        for vm in host["vms"].values():
            delta = (vm.get("repl") or {}).get("delta")
            if not delta or not delta["flowing"]:
                continue
            delta["bytes"] += int(max(0.0, w.now - delta["updated"]) * rate)
            delta["updated"] = w.now
            files = delta["files"]
            each, extra = divmod(delta["bytes"], max(1, len(files)))
            for index, entry in enumerate(files):
                share = each + (1 if index < extra else 0)
                try:
                    real = w.real(fqdn, entry["path"])
                except NotFound:
                    continue
                drives.extend_file(real, DELTA_BASE_BYTES + share, entry["format"])


def advance(w: World) -> None:
    """Bring every running job and every delta up to ``w.now``; forget long-finished jobs."""
    for job in w.state["jobs"].values():
        if job["state"] != JobState.RUNNING.value:
            continue
        if job["kind"] == "export":
            advance_export(w, job)
        else:
            advance_import(w, job)
    advance_deltas(w)
    from .replication import advance_resync  # replication imports this module

    advance_resync(w)
    remove_finished(w)


def remove_finished(w: World) -> None:
    """Finished jobs disappear, as Hyper-V removes a finished Msvm_ConcreteJob after its
    TimeBeforeRemoval: a later poll must then judge without the job, as on a real host."""
    delay = float(w.settings.get("job_removal_seconds", JOB_REMOVAL_SECONDS))
    gone = [
        key
        for key, job in w.state["jobs"].items()
        if job["state"] != JobState.RUNNING.value
        and job.get("finished") is not None
        and w.now - job["finished"] >= delay
    ]
    for key in gone:
        del w.state["jobs"][key]


def fail_jobs_on_drive(w: World, drive_id: str) -> None:
    """The drive was pulled out: every job reading or writing it fails now."""
    for job in w.state["jobs"].values():
        if job["state"] == JobState.RUNNING.value and job["drive"] == drive_id:
            fail(w, job, drives.ERR_DEVICE_GONE)

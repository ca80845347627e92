"""Hashing on a lab host: a poll-driven job that really hashes the files on the lab drive.

The job is a record in the lab state (``hash_jobs``), so it outlives the process that started
it, like the detached worker on a real host. Each poll advances it by ``elapsed x
hash_bytes_per_sec``; a file whose bytes are all "read" is then hashed for real (SHA-256 with
``hashlib``), so a flipped byte on the drive shows. A drive pulled out fails the job at the next
poll, as a real read would.

The files are read after the lab's transaction (``due`` names them, ``store`` records their
hashes in a new one): the lab's lock is never held while a drive is read. Only plain files are
hashed; a link, pipe or device in the folder is reported by name as unreadable, never opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hvseed_gui.core.hashing import hash_files
from hvseed_gui.core.staged_copy import copy_files_hashing
from hvseed_gui.core.untrusted import walk
from hvseed_gui.hyperv.host import HashJob, JobState
from hvseed_gui.hyperv.host_errors import NotFound

from . import drives
from .jobcore import drive_attached
from .world import World

DEFAULT_HASH_BYTES_PER_SEC = 200.0 * 1024 * 1024  # a USB 3 hard disk read at full speed


def _jobs(w: World) -> dict[str, dict[str, Any]]:
    return w.state.setdefault("hash_jobs", {})


def _plain_relative(path: str) -> bool:
    if not path or "\\" in path or ":" in path or path.startswith("/"):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def start_hash(
    w: World, fqdn: str, folder: str, paths: list[str] | None, job_id: str, copy_to: str = ""
) -> dict[str, Any]:
    loc = w.locate(fqdn, folder)
    target = w.locate(fqdn, copy_to) if copy_to else None
    root = drives.real_path(w.lab_dir, loc)
    if not root.is_dir():
        raise NotFound(
            f"The folder {loc.windows} does not exist on {fqdn}.",
            "Check the drive and the folder name.",
            cmdlet="Test-Path",
            category="ObjectNotFound",
        )
    try:  # metadata only: nothing is opened while the lab is locked
        found = walk(root)
    except OSError as exc:
        raise NotFound(
            f"The folder {loc.windows} cannot be read on {fqdn}: {exc.strerror or exc}.",
            "Check the drive and the folder name.",
            cmdlet="Get-ChildItem",
            category="ReadError",
        ) from None
    listed = {f.path: f.size for f in found.files}
    files: list[dict[str, Any]] = []
    unreadable: dict[str, str] = {}
    wanted = sorted(listed) if paths is None else list(dict.fromkeys(paths))
    if paths is None:
        unreadable.update(found.refused)
    for rel in wanted:
        if rel in found.refused:
            unreadable[rel] = found.refused[rel]
        elif not _plain_relative(rel):
            unreadable[rel] = "not a plain relative path; not read"
        elif rel not in listed:
            unreadable[rel] = "The file does not exist."
        else:
            files.append({"rel": rel, "size": listed[rel], "done": 0, "sha256": None})
    job = {
        "job_id": job_id,
        "host": fqdn,
        "folder": loc.windows,
        "drive": loc.drive_id,
        "letter": loc.letter,
        "folder_parts": list(loc.parts),
        "files": files,
        "unreadable": unreadable,
        "total": sum(f["size"] for f in files),
        "done": 0,
        "started": w.now,
        "updated": w.now,
        "state": JobState.RUNNING.value,
        "message": "",
        # a staged copy: each file is written there as it is hashed (the host-side copy job)
        "copy": None
        if target is None
        else {"drive": target.drive_id, "letter": target.letter, "parts": list(target.parts)},
    }
    _jobs(w)[job_id] = job
    advance_hash(w, job)  # empty files are done at once
    return job


def find(w: World, fqdn: str, job_id: str) -> dict[str, Any] | None:
    job = _jobs(w).get(job_id.strip().strip("{}").lower())
    return job if job is not None and job["host"] == fqdn else None


def advance_hash(w: World, job: dict[str, Any]) -> None:
    if job["state"] != JobState.RUNNING.value:
        return
    rate = float(w.settings.get("hash_bytes_per_sec", DEFAULT_HASH_BYTES_PER_SEC))
    budget = int(max(0.0, w.now - job["updated"]) * rate)
    job["updated"] = w.now
    if not drive_attached(w, job):
        job.update(
            state=JobState.FAILED.value,
            message=f"The drive holding {job['folder']} is no longer attached to "
            f"{job['host']}. {drives.ERR_DEVICE_GONE}",
        )
        return
    for entry in job["files"]:
        if entry["sha256"] is not None or entry["rel"] in job["unreadable"]:
            continue
        missing = entry["size"] - entry["done"]
        if missing > 0:
            if budget <= 0:
                break
            step = min(missing, budget)
            entry["done"] += step
            if job.get("drive"):
                w.count_io(job["drive"], read=step)
            if job.get("copy"):
                w.count_io(job["copy"]["drive"], written=step)
            job["done"] += step
            budget -= step
    _conclude(job)


def _conclude(job: dict[str, Any]) -> None:
    if job["state"] != JobState.RUNNING.value:
        return
    if all(f["sha256"] is not None or f["rel"] in job["unreadable"] for f in job["files"]):
        job["state"] = JobState.COMPLETED.value


def copy_target(w: World, job: dict[str, Any]) -> Path | None:
    """Where a staged copy job writes its files on this machine; None for plain hashing."""
    copy = job.get("copy")
    if not copy:
        return None
    return drives.real_path(
        w.lab_dir, drives.Location(copy["drive"], copy["letter"], tuple(copy["parts"]))
    )


def due(w: World, job: dict[str, Any]) -> tuple[Path, list[str]]:
    """The job's folder on this machine and the files whose bytes are all "read" but not yet
    hashed: hash them (``hash_due``) after the transaction, then ``store`` the result."""
    root = drives.real_path(
        w.lab_dir, drives.Location(job["drive"], job["letter"], tuple(job["folder_parts"]))
    )
    if job["state"] != JobState.RUNNING.value:
        return root, []
    return root, [
        f["rel"]
        for f in job["files"]
        if f["sha256"] is None and f["rel"] not in job["unreadable"] and f["done"] >= f["size"]
    ]


def hash_due(
    root: Path, rels: list[str], copy_to: Path | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(hashes, unreadable) of ``rels`` below ``root``; reads the drive, so no lock held.
    With ``copy_to`` each file is copied there as it is hashed (whole files only; a file
    already whole there is hashed there: the copy resumes)."""
    if copy_to is not None:
        listed = {f.path: f for f in walk(root).files}
        entries = tuple(listed[rel] for rel in rels if rel in listed)
        missing = {rel: "The file does not exist." for rel in rels if rel not in listed}
        try:
            copied = copy_files_hashing(root, copy_to, entries)
        except OSError as exc:
            return {}, {e.path: exc.strerror or str(exc) for e in entries} | missing
        return copied.hashes, missing
    errors: dict[str, OSError] = {}
    hashes = hash_files(root, rels, workers=1, errors=errors)
    return hashes, {rel: exc.strerror or str(exc) for rel, exc in errors.items()}


def store(
    w: World, job: dict[str, Any], hashes: dict[str, str], unreadable: dict[str, str]
) -> None:
    """Record what ``hash_due`` found (unless the job ended or lost its drive meanwhile)."""
    if job["state"] != JobState.RUNNING.value:
        return
    if not drive_attached(w, job):
        advance_hash(w, job)  # fails it, as a read would have
        return
    for entry in job["files"]:
        rel = entry["rel"]
        if entry["sha256"] is None and rel in hashes:
            entry["sha256"] = hashes[rel]
        elif entry["sha256"] is None and rel in unreadable:
            job["unreadable"][rel] = unreadable[rel]
    _conclude(job)


def cancel_hash(w: World, job: dict[str, Any]) -> None:
    advance_hash(w, job)
    if job["state"] == JobState.RUNNING.value:
        job["state"] = JobState.CANCELLED.value


def result(job: dict[str, Any]) -> HashJob:
    state = JobState(job["state"])
    return HashJob(
        job_id=job["job_id"],
        folder=job["folder"],
        state=state,
        bytes_done=job["done"],
        bytes_total=job["total"],
        hashes=(
            {f["rel"]: f["sha256"] for f in job["files"] if f["sha256"] is not None}
            if state is JobState.COMPLETED
            else {}
        ),
        unreadable=dict(job["unreadable"]),
        message=job["message"],
    )


def unknown(job_id: str, fqdn: str) -> HashJob:
    return HashJob(
        job_id,
        "",
        JobState.FAILED,
        message=f"There is no hashing job {job_id} on {fqdn} (it was never started there, or "
        "its record was removed). Start the check again.",
    )

"""Hashing on a lab host: a poll-driven job that really hashes the files on the lab drive.

The job is a record in the lab state (``hash_jobs``), so it outlives the process that started
it, like the detached worker on a real host. Each poll advances it by ``elapsed x
hash_bytes_per_sec``; a file whose bytes are all "read" is then hashed for real (SHA-256 with
``hashlib``), so a flipped byte on the drive shows. A drive pulled out fails the job at the next
poll, as a real read would.
"""

from __future__ import annotations

from typing import Any

from hvseed_gui.core.hashing import hash_file
from hvseed_gui.hyperv.errors import NotFound
from hvseed_gui.hyperv.host import HashJob, JobState

from . import media
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
    w: World, fqdn: str, folder: str, paths: list[str] | None, job_id: str
) -> dict[str, Any]:
    loc = w.locate(fqdn, folder)
    root = media.real_path(w.lab_dir, loc)
    if not root.is_dir():
        raise NotFound(
            f"The folder {loc.windows} does not exist on {fqdn}.",
            "Check the drive and the folder name.",
            cmdlet="Test-Path",
            category="ObjectNotFound",
        )
    listed = {f.path: f.size for f in media.list_folder(w.lab_dir, loc).files}
    files: list[dict[str, Any]] = []
    unreadable: dict[str, str] = {}
    for rel in sorted(listed) if paths is None else list(dict.fromkeys(paths)):
        if not _plain_relative(rel):
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
            f"{job['host']}. {media.ERR_DEVICE_GONE}",
        )
        return
    root = media.real_path(
        w.lab_dir, media.Location(job["drive"], job["letter"], tuple(job["folder_parts"]))
    )
    for entry in job["files"]:
        if entry["sha256"] is not None or entry["rel"] in job["unreadable"]:
            continue
        missing = entry["size"] - entry["done"]
        if missing > 0:
            if budget <= 0:
                break
            step = min(missing, budget)
            entry["done"] += step
            job["done"] += step
            budget -= step
        if entry["done"] >= entry["size"]:
            try:
                entry["sha256"] = hash_file(media.real_path_below(root, *entry["rel"].split("/")))
            except OSError as exc:
                job["unreadable"][entry["rel"]] = exc.strerror or str(exc)
    if all(f["sha256"] is not None or f["rel"] in job["unreadable"] for f in job["files"]):
        job["state"] = JobState.COMPLETED.value


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

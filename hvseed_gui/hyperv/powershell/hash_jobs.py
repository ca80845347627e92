"""Hashing on a remote host: the scripts of a detached SHA-256 job, and how its polls are read.

A process started inside a WinRM shell dies with the shell (WinRM puts it in the shell's job
object), so ``start_hashing`` starts the worker through CIM ``Win32_Process.Create``: a
``powershell.exe -EncodedCommand <worker>`` that belongs to no WinRM shell. The worker script
is rendered here like every other script (its inputs in ONE base64 JSON blob), then encoded as
UTF-16LE base64; that string travels to the host inside the start script's blob and is the
only thing appended to the fixed command line.

The worker keeps its state in ``%ProgramData%\\hvseed\\jobs\\<job id>.json`` (written whole to a
temporary file, then ``File.Replace``: a reader never sees half a document): state, bytes done
and total, its PID and process start time, a heartbeat, and the hashes once done. Cancel is a
``<job id>.cancel`` marker it looks for every 64 MiB (or 2 s); the cancel script waits a few
seconds for it, then ends the process. The poll (or cancel) that sees the worker ended removes
the job's files, its result carrying the final state; ``start_hashing`` removes job files older
than 7 days (jobs nobody followed to the end). Polls only report facts (the state file, whether the
recorded process still lives, the host's clock); ``judge_hash_job`` turns them into a
``HashJob``, so a worker that died (ended, host restarted) is reported as FAILED in a sentence.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from datetime import datetime
from typing import Any

from hvseed_gui.core.untrusted import LINK
from hvseed_gui.hyperv.host import HashJob, JobState
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import as_int, as_list, as_opt_int, as_time
from hvseed_gui.hyperv.powershell.script import Script

#: CreateProcess's documented command-line limit is 32,767 characters; stay well below it.
MAX_COMMAND_LINE = 30_000

#: A worker that has not written its state this long after the launch never started.
START_GRACE_SECONDS = 120.0

#: No heartbeat for this long while the process lives: say so (a read may hang on a bad drive).
STALE_SECONDS = 300.0

#: Win32_ProcessStartup.CreateFlags Create_Breakaway_From_Job (CREATE_BREAKAWAY_FROM_JOB).
BREAKAWAY_FROM_JOB = 0x01000000

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _compact(source: str) -> str:
    """Drop indentation, blank lines and whole-line comments: the worker must fit a command
    line. (Safe for these scripts: they use no here-strings.)"""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return "\n".join(lines) + "\n"


def _poll_body(name: str) -> str:
    """A script that reads a job's facts: the job and poll functions, then its body."""
    return ps1("hash_job_functions") + ps1("hash_poll_functions") + ps1(name)


def _job_id(job_id: str) -> str:
    text = str(job_id).strip().strip("{}")
    if not _GUID.match(text):
        raise ValueError(f"'{job_id}' is not a hashing job ID (a GUID).")
    return text.lower()


def new_job_id() -> str:
    return str(uuid.uuid4())


def render_hash_worker(
    folder: str, paths: list[str] | None, job_id: str, copy_to: str = ""
) -> Script:
    """The detached worker: hashes, writes its state file; its inputs in the usual blob.
    With ``copy_to`` it copies each file there as it hashes it (a staged export's copy to the
    drive: whole files only, never over another file; a file whole there is hashed there)."""
    data = {
        "JobId": _job_id(job_id),
        "Folder": folder,
        "Paths": paths,
        "LinkText": LINK,
        "CopyTo": copy_to,
    }
    return render(
        "hash_worker",
        ps1("hash_job_functions") + ps1("hash_worker"),
        data,
        helpers=("Get-HvseedTree",),
        needs_hyperv=False,
    )


def encode_command(source: str) -> str:
    """``powershell.exe -EncodedCommand`` form: base64 of the UTF-16LE script."""
    return base64.b64encode(source.encode("utf-16-le")).decode("ascii")


def render_start_hashing(
    folder: str, paths: list[str] | None, job_id: str, copy_to: str = ""
) -> Script:
    """Start the worker for ``folder`` through Win32_Process.Create; return the first facts.

    When the listed ``paths`` make the command line too long, the worker hashes every file of
    the folder instead (the judgement only looks at the files it needs).
    """
    job_id = _job_id(job_id)
    worker = encode_command(_compact(render_hash_worker(folder, paths, job_id, copy_to).source))
    if paths is not None and len(worker) > MAX_COMMAND_LINE:
        worker = encode_command(_compact(render_hash_worker(folder, None, job_id, copy_to).source))
    if len(worker) > MAX_COMMAND_LINE:
        raise ValueError(
            "The folder path is too long to start a hashing job on the host; "
            "move the export folder closer to the drive's root."
        )
    data = {
        "JobId": job_id,
        "Folder": folder,
        "WorkerCommand": worker,
        "CreateFlags": BREAKAWAY_FROM_JOB,
    }
    return render("start_hashing", _poll_body("start_hashing"), data, needs_hyperv=False)


def render_hashing_progress(job_id: str) -> Script:
    data = {"JobId": _job_id(job_id)}
    return render(
        "hashing_progress",
        _poll_body("hashing_progress"),
        data,
        needs_hyperv=False,
    )


def render_cancel_hashing(job_id: str, wait_ms: int = 10_000) -> Script:
    data = {"JobId": _job_id(job_id), "WaitMs": int(wait_ms)}
    return render("cancel_hashing", _poll_body("cancel_hashing"), data, needs_hyperv=False)


def _json_object(text: Any) -> dict[str, Any] | None:
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _seconds(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    try:
        return (later - earlier).total_seconds()
    except TypeError:  # one naive, one aware
        return None


def judge_hash_job(
    data: Any, job_id: str, folder: str = "", host: str = "", *, cancelling: bool = False
) -> HashJob:
    """A ``HashJob`` from a poll's facts: the worker's own state while it lives or once it has
    finished; FAILED with a sentence when its process is gone without finishing."""
    facts = data if isinstance(data, dict) else {}
    where = f" on {host}" if host else ""
    state_doc = _json_object(facts.get("state_text"))
    launch = _json_object(facts.get("launch_text"))
    if state_doc is None and launch is None:
        return HashJob(
            job_id,
            folder,
            JobState.FAILED,
            message=f"There is no hashing job {job_id}{where} (it was never started there, or "
            "its record was removed). Start the check again.",
        )
    doc = state_doc or {}
    folder = str(doc.get("folder") or (launch or {}).get("folder") or folder)
    hashes = {
        str(item.get("path")): str(item.get("sha256", "")).lower()
        for item in as_list(doc.get("hashes"))
        if isinstance(item, dict) and item.get("path")
    }
    unreadable = {
        str(item.get("path")): str(item.get("error", ""))
        for item in as_list(doc.get("unreadable"))
        if isinstance(item, dict) and item.get("path")
    }
    done = as_int(doc.get("bytes_done"))
    total = as_opt_int(doc.get("bytes_total"))
    if state_doc is not None and not total:
        total = 0 if str(doc.get("state")) == JobState.COMPLETED.value else None
    stated = str(doc.get("state") or JobState.RUNNING.value)
    alive = facts.get("alive")
    cancel_requested = bool(facts.get("cancel_requested")) or cancelling
    now = as_time(facts.get("now"))
    message = str(doc.get("message") or "")

    def job(state: JobState, text: str = message) -> HashJob:
        return HashJob(
            job_id,
            folder,
            state,
            bytes_done=done,
            bytes_total=total,
            hashes=hashes if state is JobState.COMPLETED else {},
            unreadable=unreadable,
            message=text,
        )

    if stated in (JobState.COMPLETED.value, JobState.CANCELLED.value):
        return job(JobState(stated), "")
    if stated == JobState.FAILED.value:
        return job(JobState.FAILED, f"Hashing failed{where}: {message or 'no reason given'}")
    if alive is False:
        if cancel_requested:
            return job(JobState.CANCELLED, "")
        if state_doc is None:
            return job(JobState.FAILED, _never_started(where))
        return job(
            JobState.FAILED,
            f"The hashing process{where} ended before it finished (it was stopped, or the host "
            "restarted). Nothing was changed on the drive; start the check again.",
        )
    if state_doc is None:
        launched = _seconds(now, as_time((launch or {}).get("created")))
        if alive is None and launched is not None and launched > START_GRACE_SECONDS:
            return job(JobState.FAILED, _never_started(where))
        return job(JobState.RUNNING, "Starting the hashing process…")
    if cancel_requested:
        return job(JobState.RUNNING, "Stopping…")
    quiet = _seconds(now, as_time(doc.get("heartbeat")))
    if quiet is not None and quiet > STALE_SECONDS:
        return job(
            JobState.RUNNING,
            f"No progress for {int(quiet // 60)} minutes; the drive may be failing or very slow.",
        )
    return job(JobState.RUNNING, "")


def _never_started(where: str) -> str:
    # Defender's ASR rule d1e49aac-8f56-4280-b9ba-993a6d77406c (event 1121) blocks processes
    # that Win32_Process.Create starts; other endpoint protection may block them as well.
    return (
        f"The hashing process{where} did not start, or ended at once. Defender's attack surface "
        'reduction rule "Block process creations originating from PSExec and WMI commands" '
        "(d1e49aac-8f56-4280-b9ba-993a6d77406c, event 1121 in Microsoft-Windows-Windows "
        "Defender/Operational) blocks it; other security software may too. Hash from a "
        "workstation instead: attach the drive there (or open it over the network) and run "
        "'hvseed verify' on the export folder, or ask for an exclusion and try again."
    )

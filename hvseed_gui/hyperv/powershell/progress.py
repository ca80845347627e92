"""Export and import jobs: the data every progress script takes, and how its result is judged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hvseed_gui.hyperv import job_rules
from hvseed_gui.hyperv.host import JobProgress, JobState, ReplicationState, VmRef
from hvseed_gui.hyperv.powershell.ps_json import (
    STATE_NUMBERS,
    as_int,
    as_list,
    as_opt_int,
    as_text,
    as_time,
    parse_enum,
    vm_ref,
)
from hvseed_gui.hyperv.powershell.results import MEDIA_HINT, is_media_problem
from hvseed_gui.hyperv.powershell.script import checked_vm_id

#: Msvm_ConcreteJob.JobType values watched per job kind (WMI-msvm-concretejob):
#: 116 Sending Initial Replica, 118 Start Export Initial Replication, 95 Import Replication.
EXPORT_JOB_TYPES = (116, 118)

IMPORT_JOB_TYPES = (95,)

#: The job types whose completion means the copy is done (a completed 118 only means the export
#: was started: in the modelled sequence 116 does the copying; UNCONFIRMED on a real host).
EXPORT_DONE_JOB_TYPES = (116,)

EXPORT_START_JOB_TYPES = (118,)

IMPORT_DONE_JOB_TYPES = (95,)


def progress_data(vm: VmRef, kind: str, job_id: str = "", **extra: Any) -> dict[str, Any]:
    job_types = EXPORT_JOB_TYPES if kind == "export" else IMPORT_JOB_TYPES
    return {
        "VMId": checked_vm_id(vm),
        "Kind": kind,
        "JobTypes": list(job_types),
        "JobId": job_id.strip(),
        **extra,
    }


# Msvm_ConcreteJob.JobState: 2 New, 3 Starting, 4 Running, 5 Suspended, 6 Shutting Down,
# 7 Completed, 8 Terminated, 9 Killed, 10 Exception, 11 Service.
_JOB_RUNNING = {2, 3, 4, 5, 6, 11}

_JOB_COMPLETED = {7}

_JOB_CANCELLED = {8, 9}

_JOB_FAILED = {10}

#: A job started this long before the tracked one belongs to an earlier attempt.
_EARLIER_ATTEMPT = timedelta(seconds=2)


def _job_type(job: dict[str, Any]) -> int:
    return as_int(job.get("job_type"), -1)


def _job_state(job: dict[str, Any]) -> int:
    return as_int(job.get("job_state"), -1)


#: Win32 codes for a full drive or a file too large for it (ERROR_DISK_FULL,
#: ERROR_HANDLE_DISK_FULL, ERROR_FILE_TOO_LARGE). UNCONFIRMED whether Msvm_ConcreteJob.ErrorCode
#: carries them (the class calls it vendor-specific); the localized text is the fallback.
_WIN32_MEDIA_CODES = (112, 39, 223)


def _failed_message(job: dict[str, Any], kind: str) -> str:
    code = as_int(job.get("error_code"))
    message = as_text(job.get("error_description")).strip() or (
        f"Hyper-V's {kind} job failed (error {code})."
    )
    if code in _WIN32_MEDIA_CODES or is_media_problem(message):
        message = f"{message} {MEDIA_HINT}"
    return message


def parse_progress(data: Any, vm: VmRef, *, cancelled: bool = False) -> JobProgress:
    """One poll of an export or import, judged in this order:

    1. the job hvseed started (``matched_by == "tracked"``, found by its InstanceID): running,
       failed or stopped decides; completed decides unless it is only the job that *started*
       the export (type 118), after which the copy goes on in another job;
    2. jobs Hyper-V links to this VM: running > failed > stopped > completed, where only a
       completed copy job (116 Sending Initial Replica; 95 for imports) means done;
    3. a running job that cannot be tied to any VM, or a job started by this very call: running;
    4. no job: ``job_rules.state_without_job`` (never COMPLETED on the replication state alone
       while the export folder holds less than the whole copy).
    """
    data = data if isinstance(data, dict) else {}
    kind = as_text(data.get("kind")) or "export"
    done_types = EXPORT_DONE_JOB_TYPES if kind == "export" else IMPORT_DONE_JOB_TYPES
    replication_state = parse_enum(ReplicationState, data.get("replication_state"), STATE_NUMBERS)
    jobs = [j for j in as_list(data.get("jobs")) if isinstance(j, dict)]
    tracked = next((j for j in jobs if as_text(j.get("matched_by")) == "tracked"), None)
    others = [j for j in jobs if j is not tracked]
    if tracked is not None:
        begun = as_time(tracked.get("start_time"))
        if begun is not None:
            others = [
                j
                for j in others
                if (as_time(j.get("start_time")) or begun) >= begun - _EARLIER_ATTEMPT
            ]
    bytes_done = as_opt_int(data.get("bytes_done"))
    bytes_total = as_opt_int(data.get("bytes_total"))
    folder = as_text(data.get("folder"))

    def with_state(states: set[int], pool: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # copy jobs first: their percent is the copy's, their failure the copy's failure
        found = [j for j in pool if _job_state(j) in states]
        return sorted(found, key=lambda j: 0 if _job_type(j) in done_types else 1)

    percent: float | None = None
    message = ""
    job: dict[str, Any] | None = None
    state: JobState | None = None
    if tracked is not None:
        code = _job_state(tracked)
        if code in _JOB_RUNNING:
            state, job = JobState.RUNNING, tracked
        elif code in _JOB_FAILED:
            state, job, message = JobState.FAILED, tracked, _failed_message(tracked, kind)
        elif code in _JOB_CANCELLED:
            state, job = JobState.CANCELLED, tracked
        elif code in _JOB_COMPLETED and _job_type(tracked) not in EXPORT_START_JOB_TYPES:
            state, job, percent = JobState.COMPLETED, tracked, 100.0
    if state is None or state is JobState.RUNNING:
        running = with_state(_JOB_RUNNING, others)
        if running:  # the copy job's percent beats the starter's
            state, job = JobState.RUNNING, running[0]
        elif state is None:
            failed = with_state(_JOB_FAILED, others)
            killed = with_state(_JOB_CANCELLED, others)
            finished = with_state(_JOB_COMPLETED, others)
            completed = [j for j in finished if _job_type(j) in done_types]
            if failed:
                state, job, message = JobState.FAILED, failed[0], _failed_message(failed[0], kind)
            elif killed:
                state, job = JobState.CANCELLED, killed[0]
            elif completed:
                state, job, percent = JobState.COMPLETED, completed[0], 100.0
    if state is JobState.RUNNING and job is not None:
        percent = float(as_int(job.get("percent")))
    if state is None:
        if as_int(data.get("unattributed_running")) > 0:
            state = JobState.RUNNING  # a job runs that cannot be tied to a VM: it may be ours
        elif data.get("method_return") is not None:
            state = JobState.RUNNING  # we started the job this very call
        else:
            state, message = job_rules.state_without_job(
                kind,
                replication_state,
                bytes_done=bytes_done,
                bytes_total=bytes_total,
                folder=folder,
            )
            if state is JobState.COMPLETED:
                percent = 100.0
    if cancelled and state not in (JobState.COMPLETED, JobState.FAILED):
        state = JobState.CANCELLED
        message = ""
    started = as_time(job.get("start_time")) if job else None
    return JobProgress(
        vm=vm_ref(data, vm),
        kind=kind,
        state=state,
        percent=percent,
        bytes_done=bytes_done,
        bytes_total=bytes_total,
        replication_state=replication_state,
        folder=folder,
        message=message,
        started=started or as_time(data.get("started")),
        job_id=as_text(data.get("job_id")) or (as_text(tracked.get("job_id")) if tracked else ""),
    )

# ruff: noqa: E501 -- long lines here are embedded PowerShell, kept one statement per line.
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
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import HashJob, JobState
from hvseed_gui.hyperv.ps_json import as_int, as_list, as_opt_int, as_time

#: CreateProcess's documented command-line limit is 32,767 characters; stay well below it.
MAX_COMMAND_LINE = 30_000
#: A worker that has not written its state this long after the launch never started.
START_GRACE_SECONDS = 120.0
#: No heartbeat for this long while the process lives: say so (a read may hang on a bad drive).
STALE_SECONDS = 300.0
#: Win32_ProcessStartup.CreateFlags Create_Breakaway_From_Job (CREATE_BREAKAWAY_FROM_JOB).
BREAKAWAY_FROM_JOB = 0x01000000

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

_JOB_FUNCTIONS = r"""
    function Get-HvseedJobPaths {
        # The files of one hashing job below %ProgramData%\hvseed\jobs; the name is the job's GUID.
        param($JobId)
        $id = ([guid][string]$JobId).ToString()
        $dir = [IO.Path]::Combine([Environment]::GetFolderPath('CommonApplicationData'), 'hvseed', 'jobs')
        return [pscustomobject]@{
            dir = $dir
            state = [IO.Path]::Combine($dir, $id + '.json')
            launch = [IO.Path]::Combine($dir, $id + '.launch.json')
            cancel = [IO.Path]::Combine($dir, $id + '.cancel')
        }
    }

    function Write-HvseedJsonFile {
        # Atomic: a temporary file, then File.Replace (or File.Move for a new file).
        param($Path, $Document)
        $json = ConvertTo-Json -InputObject $Document -Depth 5 -Compress
        $tmp = $Path + '.' + [string]$PID + '.tmp'
        $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
        [IO.File]::WriteAllText($tmp, [string]$json, $encoding)
        $tries = 0
        while ($true) {
            try {
                if ([IO.File]::Exists($Path)) { [void][IO.File]::Replace($tmp, $Path, [NullString]::Value) } else { [IO.File]::Move($tmp, $Path) }
                return
            } catch {
                $tries = $tries + 1
                if ($tries -ge 50) { throw }
                [Threading.Thread]::Sleep(100)
            }
        }
    }

"""

_POLL_FUNCTIONS = r"""
    function Read-HvseedTextFile {
        # The whole text of a job file, or $null; retried while a writer replaces it.
        param($Path)
        $tries = 0
        while ($tries -lt 20) {
            if (-not [IO.File]::Exists($Path)) { return $null }
            try { return [IO.File]::ReadAllText($Path) } catch { [Threading.Thread]::Sleep(100) }
            $tries = $tries + 1
        }
        return $null
    }

    function Get-HvseedJobFacts {
        # What a poll reports: the worker's state file, the launch record, whether the worker
        # process still runs (same PID *and* start time: a PID can be reused), the host's clock.
        param($Paths)
        $stateText = Read-HvseedTextFile -Path $Paths.state
        $launchText = Read-HvseedTextFile -Path $Paths.launch
        $workerPid = 0
        $workerStart = ''
        if ($null -ne $stateText) {
            try {
                $state = ConvertFrom-Json -InputObject $stateText
                $workerPid = [int]$state.pid
                $workerStart = [string]$state.process_start
            } catch { $workerPid = 0 }
        }
        if ($workerPid -le 0 -and $null -ne $launchText) {
            try { $workerPid = [int](ConvertFrom-Json -InputObject $launchText).pid } catch { $workerPid = 0 }
        }
        $alive = $null
        if ($workerPid -gt 0) {
            $alive = $false
            try {
                $process = [Diagnostics.Process]::GetProcessById($workerPid)
                $alive = -not $process.HasExited
                if ($alive -and $workerStart) { $alive = ($process.StartTime.ToUniversalTime().ToString('o') -eq $workerStart) }
            } catch { $alive = $false }
        }
        return [ordered]@{
            state_text = $stateText
            launch_text = $launchText
            cancel_requested = [IO.File]::Exists($Paths.cancel)
            pid = $workerPid
            alive = $alive
            now = [DateTime]::UtcNow.ToString('o')
        }
    }

    function Remove-HvseedFinishedJob {
        # The final poll carries the worker's whole state document, so once the worker has ended
        # (its state says so, or its process is gone) the job's files are not needed any more.
        param($Paths, $Facts)
        $finished = ($Facts['alive'] -eq $false)
        if ($null -ne $Facts['state_text']) {
            try {
                $stated = [string](ConvertFrom-Json -InputObject $Facts['state_text']).state
                if ($stated -eq 'Completed' -or $stated -eq 'Cancelled' -or $stated -eq 'Failed') { $finished = $true }
            } catch { $stated = '' }
        }
        if (-not $finished) { return }
        foreach ($path in @($Paths.state, $Paths.launch, $Paths.cancel)) {
            try { if ([IO.File]::Exists($path)) { [IO.File]::Delete($path) } } catch { $null = $_ }
        }
    }
"""

_WORKER_BODY = r"""
    $paths = Get-HvseedJobPaths -JobId $in.JobId
    $root = [string]$in.Folder
    $me = [Diagnostics.Process]::GetCurrentProcess()
    $hashes = New-Object -TypeName System.Collections.ArrayList
    $unreadable = New-Object -TypeName System.Collections.ArrayList
    $job = [ordered]@{
        job_id = ([guid][string]$in.JobId).ToString()
        folder = $root
        state = 'Running'
        pid = [int]$me.Id
        process_start = $me.StartTime.ToUniversalTime().ToString('o')
        started = [DateTime]::UtcNow.ToString('o')
        heartbeat = [DateTime]::UtcNow.ToString('o')
        bytes_done = [int64]0
        bytes_total = [int64]0
        hashes = @()
        unreadable = @()
        message = ''
    }
    $cancelled = $false
    try {
        Write-HvseedJsonFile -Path $paths.state -Document $job
        if (-not [IO.Directory]::Exists($root)) { throw ('The folder ' + $root + ' does not exist on ' + $env:COMPUTERNAME + '.') }
        $rootFull = ([string](New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $root).FullName).TrimEnd('\')
        $todo = New-Object -TypeName System.Collections.ArrayList
        if ($null -eq $in.Paths) {
            # one level at a time: reparse points (links, junctions) are named, never followed
            $tree = Get-HvseedTree -Root $rootFull
            foreach ($file in @($tree.files)) {
                [void]$todo.Add([pscustomobject]@{ rel = $file.path; full = $file.full; size = [int64]$file.size })
            }
            foreach ($skipped in @($tree.refused)) {
                [void]$unreadable.Add([pscustomobject]@{ path = $skipped.path; error = [string]$in.LinkText })
            }
        } else {
            foreach ($item in @($in.Paths)) {
                $relative = [string]$item
                $parts = $relative.Split('/')
                if (-not $relative -or $relative.Contains('\') -or $relative.Contains(':') -or $parts -contains '..' -or $parts -contains '') {
                    [void]$unreadable.Add([pscustomobject]@{ path = $relative; error = 'not a plain relative path; not read' })
                    continue
                }
                $full = $rootFull
                $link = $false
                foreach ($part in $parts) {
                    $full = [IO.Path]::Combine($full, $part)
                    if (([IO.File]::Exists($full) -or [IO.Directory]::Exists($full)) -and (([int][IO.File]::GetAttributes($full) -band 1024) -ne 0)) { $link = $true; break }
                }
                if ($link) {
                    [void]$unreadable.Add([pscustomobject]@{ path = $relative; error = [string]$in.LinkText })
                    continue
                }
                if (-not [IO.File]::Exists($full)) {
                    [void]$unreadable.Add([pscustomobject]@{ path = $relative; error = 'The file does not exist.' })
                    continue
                }
                $info = New-Object -TypeName System.IO.FileInfo -ArgumentList $full
                [void]$todo.Add([pscustomobject]@{ rel = $relative; full = $full; size = [int64]$info.Length })
            }
        }
        $total = [int64]0
        foreach ($entry in $todo) { $total = $total + [int64]$entry.size }
        $job['bytes_total'] = $total
        $buffer = New-Object -TypeName 'byte[]' -ArgumentList 4194304
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $lastSave = [int64]0
        $sinceSave = [int64]0
        foreach ($entry in $todo) {
            if ([IO.File]::Exists($paths.cancel)) { $cancelled = $true }
            if ($cancelled) { break }
            # FIPS mode: the managed SHA256 that ::Create() returns throws; the CSP class works.
            $sha = New-Object -TypeName 'System.Security.Cryptography.SHA256CryptoServiceProvider'
            $stream = $null
            try {
                $stream = [IO.File]::Open($entry.full, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::Read)
                $read = $stream.Read($buffer, 0, $buffer.Length)
                while ($read -gt 0) {
                    [void]$sha.TransformBlock($buffer, 0, $read, $null, 0)
                    $job['bytes_done'] = [int64]$job['bytes_done'] + $read
                    $sinceSave = $sinceSave + $read
                    if ($sinceSave -ge 67108864 -or $clock.ElapsedMilliseconds - $lastSave -ge 2000) {
                        $sinceSave = [int64]0
                        $lastSave = $clock.ElapsedMilliseconds
                        if ([IO.File]::Exists($paths.cancel)) { $cancelled = $true; break }
                        $job['heartbeat'] = [DateTime]::UtcNow.ToString('o')
                        $job['hashes'] = @($hashes)
                        $job['unreadable'] = @($unreadable)
                        Write-HvseedJsonFile -Path $paths.state -Document $job
                    }
                    $read = $stream.Read($buffer, 0, $buffer.Length)
                }
                if (-not $cancelled) {
                    [void]$sha.TransformFinalBlock($buffer, 0, 0)
                    $hex = ([BitConverter]::ToString($sha.Hash)).Replace('-', '').ToLowerInvariant()
                    [void]$hashes.Add([pscustomobject]@{ path = $entry.rel; sha256 = $hex })
                }
            } catch {
                [void]$unreadable.Add([pscustomobject]@{ path = $entry.rel; error = [string]$_.Exception.Message })
                if (-not [IO.Directory]::Exists($rootFull)) { throw ('The folder ' + $rootFull + ' is gone while its files were hashed; the drive was removed or failed.') }
            } finally {
                if ($null -ne $stream) { $stream.Dispose() }
                $sha.Dispose()
            }
        }
        if ($cancelled) { $job['state'] = 'Cancelled' } else { $job['state'] = 'Completed' }
    } catch {
        $job['state'] = 'Failed'
        $job['message'] = [string]$_.Exception.Message
    }
    $job['heartbeat'] = [DateTime]::UtcNow.ToString('o')
    $job['hashes'] = @($hashes)
    $job['unreadable'] = @($unreadable)
    Write-HvseedJsonFile -Path $paths.state -Document $job
    $result = [ordered]@{ state = $job['state'] }
"""

_START_BODY = r"""
    $paths = Get-HvseedJobPaths -JobId $in.JobId
    $folder = [string]$in.Folder
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'FolderNotFound' -Message ('The folder ' + $folder + ' does not exist on ' + $env:COMPUTERNAME + '.')
    }
    $worker = [string]$in.WorkerCommand
    if ($worker -notmatch '^[A-Za-z0-9+/=]+$') {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Invoke-CimMethod' -Id 'BadWorker' -Message 'The hashing worker is not an encoded command.'
    }
    $null = [IO.Directory]::CreateDirectory($paths.dir)
    # Files of jobs older than 7 days are left-overs of checks nobody followed to the end.
    $cutoff = [DateTime]::UtcNow.AddDays(-7)
    foreach ($old in @(Get-ChildItem -LiteralPath $paths.dir -File -Force)) {
        if ($old.LastWriteTimeUtc -lt $cutoff) { try { $old.Delete() } catch { $null = $_ } }
    }
    if ([IO.File]::Exists($paths.state) -or [IO.File]::Exists($paths.launch)) {
        Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'Invoke-CimMethod' -Id 'JobExists' -Message ('A hashing job with ID ' + [string]$in.JobId + ' exists already on ' + $env:COMPUTERNAME + '.')
    }
    # Fixed text plus the encoded worker: no user text on this command line.
    $exe = [IO.Path]::Combine([Environment]::SystemDirectory, 'WindowsPowerShell\v1.0\powershell.exe')
    $commandLine = '"' + $exe + '" -NoProfile -NonInteractive -EncodedCommand ' + $worker
    # UNCONFIRMED: whether a process made by Win32_Process.Create outlives the WMI provider host
    # on every Windows version (the documentation says such processes are limited by a job
    # object unless CREATE_BREAKAWAY_FROM_JOB is given). Try with breakaway first; when the host
    # refuses it (its job does not allow breakaway), start without. Either way the worker records
    # its PID and a heartbeat, so a worker that dies is reported, never waited for forever.
    $created = $null
    $breakaway = $true
    try {
        $startupClass = Get-CimClass -ClassName 'Win32_ProcessStartup'
        $startup = New-CimInstance -CimClass $startupClass -Property @{ ShowWindow = [uint16]0; CreateFlags = [uint32]$in.CreateFlags } -ClientOnly
        $createArgs = @{ CommandLine = $commandLine; ProcessStartupInformation = $startup }
        $created = Invoke-CimMethod -ClassName 'Win32_Process' -MethodName 'Create' -Arguments $createArgs
        if ([int]$created.ReturnValue -ne 0) { $created = $null }
    } catch { $created = $null }
    if ($null -eq $created) {
        $breakaway = $false
        $plainArgs = @{ CommandLine = $commandLine }
        $created = Invoke-CimMethod -ClassName 'Win32_Process' -MethodName 'Create' -Arguments $plainArgs
    }
    $code = [int]$created.ReturnValue
    if ($code -ne 0) {
        Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Invoke-CimMethod' -Id 'ProcessNotCreated' -Code $code -Message ('Windows could not start the hashing process on ' + $env:COMPUTERNAME + ' (Win32_Process.Create returned ' + [string]$code + ').')
    }
    $launch = [ordered]@{ job_id = ([guid][string]$in.JobId).ToString(); folder = $folder; pid = [int]$created.ProcessId; created = [DateTime]::UtcNow.ToString('o'); breakaway = $breakaway }
    Write-HvseedJsonFile -Path $paths.launch -Document $launch
    $result = Get-HvseedJobFacts -Paths $paths
"""

_PROGRESS_BODY = r"""
    $paths = Get-HvseedJobPaths -JobId $in.JobId
    $result = Get-HvseedJobFacts -Paths $paths
    Remove-HvseedFinishedJob -Paths $paths -Facts $result
"""

_CANCEL_BODY = r"""
    $paths = Get-HvseedJobPaths -JobId $in.JobId
    if ([IO.Directory]::Exists($paths.dir) -and ([IO.File]::Exists($paths.state) -or [IO.File]::Exists($paths.launch))) {
        [IO.File]::WriteAllText($paths.cancel, [DateTime]::UtcNow.ToString('o'))
    }
    # The worker looks for the marker every 64 MiB or 2 s; give it a moment, then end it.
    $waited = 0
    $facts = Get-HvseedJobFacts -Paths $paths
    while ($facts['alive'] -eq $true -and $waited -lt [int]$in.WaitMs) {
        [Threading.Thread]::Sleep(250)
        $waited = $waited + 250
        $facts = Get-HvseedJobFacts -Paths $paths
    }
    if ($facts['alive'] -eq $true -and [int]$facts['pid'] -gt 0) {
        # A read can hang on a failing drive: stop the worker (it only reads; nothing is lost).
        try { [Diagnostics.Process]::GetProcessById([int]$facts['pid']).Kill() } catch { $null = $_ }
        [Threading.Thread]::Sleep(250)
        $facts = Get-HvseedJobFacts -Paths $paths
    }
    Remove-HvseedFinishedJob -Paths $paths -Facts $facts
    $result = $facts
"""

_READ_TEXT_BODY = r"""
    $path = [string]$in.Path
    $limit = [int64]$in.MaxBytes
    $exists = Test-Path -LiteralPath $path -PathType Leaf
    $content = $null
    $size = [int64]0
    $link = $false
    if ($exists) {
        $item = Get-Item -LiteralPath $path -Force
        $size = [int64]$item.Length
        # a reparse point (symbolic link) is never followed: named, not read
        $link = (([int]$item.Attributes -band 1024) -ne 0)
        if (-not $link -and $size -le $limit) {
            $bytes = [IO.File]::ReadAllBytes($path)
            if ($bytes.Length -le $limit) { $content = [Convert]::ToBase64String($bytes) } else { $size = [int64]$bytes.Length }
        }
    }
    $result = [ordered]@{ path = $path; exists = [bool]$exists; size = $size; content = $content; link = [bool]$link }
"""


def _compact(source: str) -> str:
    """Drop indentation, blank lines and whole-line comments: the worker must fit a command
    line. (Safe for these scripts: they use no here-strings.)"""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return "\n".join(lines) + "\n"


def _job_id(job_id: str) -> str:
    text = str(job_id).strip().strip("{}")
    if not _GUID.match(text):
        raise ValueError(f"'{job_id}' is not a hashing job ID (a GUID).")
    return text.lower()


def new_job_id() -> str:
    return str(uuid.uuid4())


def render_hash_worker(folder: str, paths: list[str] | None, job_id: str) -> ps.Script:
    """The detached worker: hashes, writes its state file; its inputs in the usual blob."""
    data = {"JobId": _job_id(job_id), "Folder": folder, "Paths": paths, "LinkText": LINK}
    return ps._render(
        "hash_worker",
        _JOB_FUNCTIONS + _WORKER_BODY,
        data,
        helpers=("Get-HvseedTree",),
        needs_hyperv=False,
    )


def encode_command(source: str) -> str:
    """``powershell.exe -EncodedCommand`` form: base64 of the UTF-16LE script."""
    return base64.b64encode(source.encode("utf-16-le")).decode("ascii")


def render_start_hashing(folder: str, paths: list[str] | None, job_id: str) -> ps.Script:
    """Start the worker for ``folder`` through Win32_Process.Create; return the first facts.

    When the listed ``paths`` make the command line too long, the worker hashes every file of
    the folder instead (the judgement only looks at the files it needs).
    """
    job_id = _job_id(job_id)
    worker = encode_command(_compact(render_hash_worker(folder, paths, job_id).source))
    if paths is not None and len(worker) > MAX_COMMAND_LINE:
        worker = encode_command(_compact(render_hash_worker(folder, None, job_id).source))
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
    return ps._render(
        "start_hashing", _JOB_FUNCTIONS + _POLL_FUNCTIONS + _START_BODY, data, needs_hyperv=False
    )


def render_hashing_progress(job_id: str) -> ps.Script:
    data = {"JobId": _job_id(job_id)}
    return ps._render(
        "hashing_progress",
        _JOB_FUNCTIONS + _POLL_FUNCTIONS + _PROGRESS_BODY,
        data,
        needs_hyperv=False,
    )


def render_cancel_hashing(job_id: str, wait_ms: int = 10_000) -> ps.Script:
    data = {"JobId": _job_id(job_id), "WaitMs": int(wait_ms)}
    return ps._render(
        "cancel_hashing", _JOB_FUNCTIONS + _POLL_FUNCTIONS + _CANCEL_BODY, data, needs_hyperv=False
    )


def render_read_text_file(path: str, max_bytes: int) -> ps.Script:
    data = {"Path": path, "MaxBytes": int(max_bytes)}
    return ps._render("read_text_file", _READ_TEXT_BODY, data, needs_hyperv=False)


# --- reading the facts ------------------------------------------------------------------------


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


def decode_text(data: Any, path: str, max_bytes: int) -> str | None:
    """The text of ``read_text_file``'s result: None when missing; ValueError when too large or
    not UTF-8 (the caller words it)."""
    facts = data if isinstance(data, dict) else {}
    exists = facts.get("exists")
    if exists is False or str(exists).lower() == "false":
        return None
    link = facts.get("link")
    if link is True or str(link).lower() == "true":
        raise ValueError(f"{path} is {LINK.split(';')[0]}; it was not followed")
    size = as_opt_int(facts.get("size")) or 0
    content = facts.get("content")
    if size > max_bytes or content is None:
        raise ValueError(f"{path} is larger than {max_bytes:,} bytes; it was not read")
    raw = base64.b64decode(str(content))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text") from None

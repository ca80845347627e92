# hash_poll_functions.ps1: functions that read a hashing job's facts (start, poll, cancel).
# Inside hvseed's frame (common/frame.ps1), before the hashing bodies.

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

# hash_job_functions.ps1: functions of the hashing job's files (before every hashing body).
# Inside hvseed's frame (common/frame.ps1), before the hashing bodies.

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


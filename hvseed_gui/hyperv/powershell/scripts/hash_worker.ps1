# hash_worker.ps1: the detached SHA-256 worker (started by start_hashing through Win32_Process.Create).
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$paths = Get-HvseedJobPaths -JobId $in.JobId
$root = [string]$in.Folder
# a staged export's copy: each file is written to $copyTo as it is hashed (whole files only)
$copyTo = [string]$in.CopyTo
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
        $out = $null
        $partial = ''
        $final = ''
        try {
            $source = $entry.full
            if ($copyTo) {
                $final = [IO.Path]::Combine($copyTo, ([string]$entry.rel).Replace('/', '\'))
                $whole = [IO.File]::Exists($final) -and (([int][IO.File]::GetAttributes($final) -band 1024) -eq 0) -and ((New-Object -TypeName System.IO.FileInfo -ArgumentList $final).Length -eq [int64]$entry.size)
                if ($whole) {
                    # whole under its final name from an earlier run: hash it where it is
                    $source = $final
                    $final = ''
                } elseif ([IO.File]::Exists($final) -or [IO.Directory]::Exists($final)) {
                    throw ('The file ' + $final + ' is already there with another size; it is not replaced.')
                } else {
                    $null = [IO.Directory]::CreateDirectory([IO.Path]::GetDirectoryName($final))
                    $partial = $final + '.hvseed-partial-' + [string]$job['job_id']
                    $out = [IO.File]::Open($partial, [IO.FileMode]::CreateNew, [IO.FileAccess]::Write, [IO.FileShare]::None)
                }
            }
            $stream = [IO.File]::Open($source, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::Read)
            $read = $stream.Read($buffer, 0, $buffer.Length)
            while ($read -gt 0) {
                [void]$sha.TransformBlock($buffer, 0, $read, $null, 0)
                if ($null -ne $out) { $out.Write($buffer, 0, $read) }
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
                if ($null -ne $out) {
                    $out.Flush($true)
                    $out.Dispose()
                    $out = $null
                    [IO.File]::Move($partial, $final)  # never replaces a file of that name
                    $partial = ''
                }
                $hex = ([BitConverter]::ToString($sha.Hash)).Replace('-', '').ToLowerInvariant()
                [void]$hashes.Add([pscustomobject]@{ path = $entry.rel; sha256 = $hex })
            }
        } catch {
            [void]$unreadable.Add([pscustomobject]@{ path = $entry.rel; error = [string]$_.Exception.Message })
            if (-not [IO.Directory]::Exists($rootFull)) { throw ('The folder ' + $rootFull + ' is gone while its files were hashed; the drive was removed or failed.') }
        } finally {
            if ($null -ne $stream) { $stream.Dispose() }
            if ($null -ne $out) { $out.Dispose() }
            if ($partial -and [IO.File]::Exists($partial)) { try { [IO.File]::Delete($partial) } catch { $null = $_ } }
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

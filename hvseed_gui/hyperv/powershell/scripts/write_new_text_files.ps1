# write_new_text_files.ps1: create new text files, all or none, never replacing a file.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$dir = [string]$in.Directory
Test-HvseedAbsolutePath -Path $dir -What 'folder for the new files'
$driveRoot = [IO.Path]::GetPathRoot($dir)
if (-not $driveRoot -or -not [IO.Directory]::Exists($driveRoot)) {
    Stop-Hvseed -Category 'DeviceError' -Cmdlet 'hvseed' -Id 'DriveNotFound' -Message ('The drive ' + [string]$driveRoot + ' is not attached to ' + $env:COMPUTERNAME + '; nothing was written.')
}
if (-not [IO.Directory]::Exists($dir)) {
    Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'hvseed' -Id 'FolderNotFound' -Message ('The folder ' + $dir + ' does not exist on ' + $env:COMPUTERNAME + '; nothing was written.')
}
$invalid = [IO.Path]::GetInvalidFileNameChars()
$plan = New-Object -TypeName System.Collections.ArrayList
$existing = New-Object -TypeName System.Collections.ArrayList
foreach ($file in @($in.Files)) {
    $name = [string]$file.Name
    if (-not $name -or $name -eq '.' -or $name -eq '..' -or $name.IndexOfAny($invalid) -ge 0) {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'hvseed' -Id 'BadFileName' -Message ('Not a plain file name: ' + $name + '; nothing was written.')
    }
    $target = [IO.Path]::Combine($dir, $name)
    $replace = $false
    if ([IO.File]::Exists($target) -and [string]$file.Replace) {
        # An incomplete file the caller read may be replaced, only while it holds that text
        # (SHA-256 of its bytes without a UTF-8 byte order mark) and is no reparse point.
        $info = New-Object -TypeName System.IO.FileInfo -ArgumentList $target
        if ((([int]$info.Attributes -band 1024) -eq 0) -and $info.Length -le [int64]$in.MaxReplaceBytes) {
            $old = [IO.File]::ReadAllBytes($target)
            $skip = 0
            if ($old.Length -ge 3 -and $old[0] -eq 0xEF -and $old[1] -eq 0xBB -and $old[2] -eq 0xBF) { $skip = 3 }
            $sha = [Security.Cryptography.SHA256]::Create()
            try { $digest = ([BitConverter]::ToString($sha.ComputeHash($old, $skip, $old.Length - $skip))).Replace('-', '').ToLowerInvariant() } finally { $sha.Dispose() }
            $replace = ($digest -eq [string]$file.Replace)
        }
    }
    if (-not $replace -and ([IO.File]::Exists($target) -or [IO.Directory]::Exists($target))) { [void]$existing.Add($name) }
    [void]$plan.Add([pscustomobject]@{ target = $target; bytes = [Convert]::FromBase64String([string]$file.Content); temp = ''; replace = $replace })
}
if ($existing.Count -gt 0) {
    Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'hvseed' -Id 'FileExists' -Message ('Already in ' + $dir + ' on ' + $env:COMPUTERNAME + ': ' + ($existing -join ', ') + '.')
}
$moved = New-Object -TypeName System.Collections.ArrayList
try {
    foreach ($item in $plan) {
        # A fresh temporary name: CreateNew never opens an existing file.
        $item.temp = [IO.Path]::Combine($dir, '.hvseed-' + [guid]::NewGuid().ToString('N') + '.tmp')
        $stream = [IO.File]::Open($item.temp, [IO.FileMode]::CreateNew, [IO.FileAccess]::Write, [IO.FileShare]::None)
        try {
            $stream.Write($item.bytes, 0, $item.bytes.Length)
            $stream.Flush($true)
        } finally {
            $stream.Dispose()
        }
    }
    foreach ($item in $plan) {
        if ($item.replace) {
            # only the incomplete file checked above: swapped in one step, no half state
            [void][IO.File]::Replace($item.temp, $item.target, [NullString]::Value)
        } else {
            # File.Move fails when the target exists (.NET Framework never replaces here).
            [IO.File]::Move($item.temp, $item.target)
        }
        [void]$moved.Add($item.target)
    }
} catch {
    $failure = $_
    foreach ($item in $plan) {
        if ($item.temp) { try { if ([IO.File]::Exists($item.temp)) { [IO.File]::Delete($item.temp) } } catch { $null = $_ } }
    }
    foreach ($path in $moved) { try { [IO.File]::Delete($path) } catch { $null = $_ } }
    $appeared = New-Object -TypeName System.Collections.ArrayList
    foreach ($item in $plan) {
        if (-not ($moved -contains $item.target) -and [IO.File]::Exists($item.target)) { [void]$appeared.Add([IO.Path]::GetFileName($item.target)) }
    }
    if ($appeared.Count -gt 0) {
        Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'hvseed' -Id 'FileExists' -Message ('Already in ' + $dir + ' on ' + $env:COMPUTERNAME + ': ' + ($appeared -join ', ') + '.')
    }
    throw $failure
}
$result = [ordered]@{ directory = $dir; files = @($moved) }

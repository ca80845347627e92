# remove_staged.ps1: remove exactly the files a staged export put in hvseed's staging folder
# (after their copy on the drive and its manifest are written), then the folders left empty.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$root = [string]$in.Folder
Test-HvseedAbsolutePath -Path $root -What 'staging folder'
$full = ([string](New-Object -TypeName System.IO.DirectoryInfo -ArgumentList $root).FullName).TrimEnd('\')
if (-not (@($full.Split('\')) -contains [string]$in.StagingName)) {
    Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'hvseed' -Id 'NotStaging' -Message ('Not a staging folder of hvseed: ' + $full + '; nothing was removed.')
}
$removed = 0
$dirs = New-Object -TypeName System.Collections.ArrayList
[void]$dirs.Add($full)
foreach ($item in @($in.Paths)) {
    $relative = [string]$item
    $parts = $relative.Split('/')
    if (-not $relative -or $relative.Contains('\') -or $relative.Contains(':') -or $parts -contains '..' -or $parts -contains '') { continue }
    $path = $full
    $link = $false
    foreach ($part in $parts) {
        $path = [IO.Path]::Combine($path, $part)
        if (([IO.File]::Exists($path) -or [IO.Directory]::Exists($path)) -and (([int][IO.File]::GetAttributes($path) -band 1024) -ne 0)) { $link = $true; break }
        if ($path.Length -lt ($full.Length + $relative.Length + 1)) { [void]$dirs.Add($path) }
    }
    # a link is never followed and never removed; only plain files hvseed put there
    if ($link -or -not [IO.File]::Exists($path)) { continue }
    [IO.File]::Delete($path)
    $removed = $removed + 1
}
# deepest first without sorting: a folder emptied in one pass goes in the next
for ($pass = 0; $pass -lt 32; $pass++) {
    $gone = 0
    foreach ($dir in $dirs) {
        if ([IO.Directory]::Exists($dir) -and @([IO.Directory]::GetFileSystemEntries($dir)).Count -eq 0) {
            try { [IO.Directory]::Delete($dir); $gone = $gone + 1 } catch { $null = $_ }
        }
    }
    if ($gone -eq 0) { break }
}
$result = [ordered]@{ removed = $removed }

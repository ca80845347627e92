# export_folders.ps1: <VMName>_<VMId> folders at or below a path, with sizes.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$root = [string]$in.Path
if (-not (Test-Path -LiteralPath $root -PathType Container)) {
    # a file in the way (the path itself or the first part of it that exists) is not "missing"
    $probe = $root
    while ($probe -and -not (Test-Path -LiteralPath $probe)) { $probe = [System.IO.Path]::GetDirectoryName($probe) }
    if ($probe -and (Test-Path -LiteralPath $probe -PathType Leaf)) {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Test-Path' -Id 'PathIsFile' -Message ('The path ' + $root + ' on ' + $env:COMPUTERNAME + ' runs into the file ' + $probe + ', not a folder.')
    }
    Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'FolderNotFound' -Message ('The folder ' + $root + ' does not exist on ' + $env:COMPUTERNAME + '.')
}
# the same rule as core.folder_name: any name (even empty), then _<VMId>, braces allowed
$pattern = '^(.*)_\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}?$'
$candidates = New-Object -TypeName System.Collections.ArrayList
[void]$candidates.Add((Get-Item -LiteralPath $root -Force))
foreach ($dir in @(Get-ChildItem -LiteralPath $root -Directory -Force)) {
    [void]$candidates.Add($dir)
    if (-not ([string]$dir.Name -match $pattern)) {
        foreach ($sub in @(Get-ChildItem -LiteralPath ([string]$dir.FullName) -Directory -Force -ErrorAction SilentlyContinue)) { [void]$candidates.Add($sub) }
    }
}
$folders = New-Object -TypeName System.Collections.ArrayList
foreach ($dir in $candidates) {
    # a junction or link posing as a VM folder is not followed (and not offered)
    if (([int]$dir.Attributes -band 1024) -ne 0) { continue }
    if ([string]$dir.Name -match $pattern) {
        $vmName = [string]$Matches[1]
        $vmId = ([string]$Matches[2]).ToUpper()
        $measured = Measure-HvseedFolder -Folder ([string]$dir.FullName)
        [void]$folders.Add([pscustomobject]@{ path = [string]$dir.FullName; vm_name = $vmName; vm_id = $vmId; total_bytes = [int64]$measured.bytes; file_count = [int]$measured.count })
    }
}
$result = [ordered]@{ folders = @($folders) }

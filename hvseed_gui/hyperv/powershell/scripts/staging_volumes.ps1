# staging_volumes.ps1: the host's own volumes with a drive letter on disks that are not USB and
# not virtual, for a staged export's folder (the choice is made in hvseed's core.staging_choice).
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$systemDrive = ([string]$env:SystemDrive).TrimEnd('\')
$volumes = New-Object -TypeName System.Collections.ArrayList
foreach ($disk in @(Get-Disk)) {
    # Storage formats BusType as a name; the MSFT_Disk values are USB 7, FileBackedVirtual 15.
    $bus = [string]$disk.BusType
    if ($bus -eq 'USB' -or $bus -eq '7' -or $bus -eq 'FileBackedVirtual' -or $bus -eq '15') { continue }
    $partitions = @()
    try { $partitions = @(Get-Partition -DiskNumber ([int]$disk.Number)) } catch { $partitions = @() }
    foreach ($partition in $partitions) {
        $letter = [string]$partition.DriveLetter
        if ($letter -notmatch '^[A-Za-z]$') { continue }
        $volume = $null
        try { $volume = Get-Volume -Partition $partition } catch { $volume = $null }
        if ($null -eq $volume) { continue }
        $mount = $letter.ToUpper() + ':\'
        # every volume of the disk Windows boots from counts as the system's (conservative:
        # a full data partition there still starves the system disk's I/O)
        $system = [bool]$disk.IsSystem -or [bool]$disk.IsBoot -or ($mount.TrimEnd('\') -ieq $systemDrive)
        [void]$volumes.Add([pscustomobject]@{
            mount_point = $mount
            label = [string]$volume.FileSystemLabel
            file_system = [string]$volume.FileSystem
            total_bytes = [int64]$volume.Size
            free_bytes = [int64]$volume.SizeRemaining
            bus_type = $bus
            removable = $false
            is_system = $system
            read_only = [bool]$disk.IsReadOnly
        })
    }
}
$result = [ordered]@{ volumes = @($volumes) }

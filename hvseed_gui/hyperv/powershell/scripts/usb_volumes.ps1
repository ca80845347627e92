# usb_volumes.ps1: volumes on USB disks.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$canBitLocker = [bool](Get-Command -Name 'Get-BitLockerVolume' -ErrorAction SilentlyContinue)
$volumes = New-Object -TypeName System.Collections.ArrayList
foreach ($disk in @(Get-Disk)) {
    # Storage formats BusType as 'USB'; the underlying MSFT_Disk value is 7. Accept both.
    $bus = [string]$disk.BusType
    if ($bus -ne 'USB' -and $bus -ne '7') { continue }
    $partitions = @()
    try { $partitions = @(Get-Partition -DiskNumber ([int]$disk.Number)) } catch { $partitions = @() }
    foreach ($partition in $partitions) {
        $volume = $null
        try { $volume = Get-Volume -Partition $partition } catch { $volume = $null }
        if ($null -eq $volume) { continue }
        $mount = ''
        $letter = [string]$partition.DriveLetter
        if ($letter -match '^[A-Za-z]$') {
            $mount = $letter.ToUpper() + ':\'
        } else {
            foreach ($accessPath in $partition.AccessPaths) {
                if ([string]$accessPath -and -not ([string]$accessPath).StartsWith('\\?\')) { $mount = [string]$accessPath; break }
            }
        }
        if (-not $mount) { continue }
        $protection = 'Unknown'
        if ($canBitLocker) {
            try {
                $bitLockerMount = $mount.TrimEnd('\')
                $protection = [string](Get-BitLockerVolume -MountPoint $bitLockerMount).ProtectionStatus
            } catch { $protection = 'Unknown' }
        }
        $fileSystem = [string]$volume.FileSystem
        if (-not $fileSystem -and $null -ne $volume.PSObject.Properties['FileSystemType']) { $fileSystem = [string]$volume.FileSystemType }
        [void]$volumes.Add([pscustomobject]@{
            mount_point = $mount
            label = [string]$volume.FileSystemLabel
            file_system = $fileSystem
            total_bytes = [int64]$volume.Size
            free_bytes = [int64]$volume.SizeRemaining
            bus_type = 'USB'
            removable = ([string]$volume.DriveType -eq 'Removable')
            is_system = ([bool]$disk.IsSystem -or [bool]$disk.IsBoot)
            bitlocker = $protection
            serial = ([string]$disk.SerialNumber).Trim()
            friendly_name = [string]$disk.FriendlyName
        })
    }
}
$result = [ordered]@{ volumes = @($volumes) }

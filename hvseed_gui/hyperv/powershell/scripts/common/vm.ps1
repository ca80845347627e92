# common/vm.ps1: shared helpers for VMs, their disks and their replication.
# Each region is one helper; a script carries only the helpers it uses (and what they call).

#region Get-HvseedVM

function Get-HvseedVM {
    # Resolve a VM by its ID: names repeat, and -VMName treats * and ? as wildcards.
    param($Id)
    $vmGuid = [guid][string]$Id
    $found = @(Hyper-V\Get-VM -Id $vmGuid)
    if ($found.Count -eq 0 -or $null -eq $found[0]) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Get-VM' -Id 'VMNotFound' -Message ('No virtual machine with ID ' + $vmGuid.ToString().ToUpper() + ' exists on ' + $env:COMPUTERNAME + '.')
    }
    return $found[0]
}
#endregion

#region Get-HvseedVhds

function Get-HvseedVhds {
    # Disks of a VM with format, type, sizes and the parent chain (nearest parent first).
    param($VM)
    $disks = New-Object -TypeName System.Collections.ArrayList
    foreach ($drive in @(Get-HvseedDrivePaths -VM $VM)) {
        $path = [string]$drive.path
        $controller = [string]$drive.controller
        $format = ''
        $vhdType = ''
        $fileSize = [int64]0
        $maxSize = [int64]0
        # Parents travel as two flat lists: objects nested one level deeper could pass
        # ConvertTo-Json -Depth 6 if 5.1 counts arrays as a level (it then prints them as text).
        $parentPaths = New-Object -TypeName System.Collections.ArrayList
        $parentSizes = New-Object -TypeName System.Collections.ArrayList
        try {
            $vhd = Hyper-V\Get-VHD -Path $path
            $format = [string]$vhd.VhdFormat
            $vhdType = [string]$vhd.VhdType
            $fileSize = [int64]$vhd.FileSize
            $maxSize = [int64]$vhd.Size
            $parentPath = [string]$vhd.ParentPath
            $depth = 0
            while ($parentPath -and $depth -lt 64) {
                $parent = Hyper-V\Get-VHD -Path $parentPath
                [void]$parentPaths.Add($parentPath)
                [void]$parentSizes.Add([int64]$parent.FileSize)
                $parentPath = [string]$parent.ParentPath
                $depth = $depth + 1
            }
        } catch {
            # Get-VHD fails for a disk this host does not own (shared VHDX, another node's CSV):
            # report the file size alone.
            if (Test-Path -LiteralPath $path -PathType Leaf) {
                $fileSize = [int64](Get-Item -LiteralPath $path -Force).Length
            }
        }
        [void]$disks.Add([pscustomobject]@{
            path = $path
            format = $format
            vhd_type = $vhdType
            file_size = $fileSize
            max_size = $maxSize
            controller = $controller
            parent_paths = @($parentPaths)
            parent_sizes = @($parentSizes)
        })
    }
    return $disks
}
#endregion

#region Get-HvseedDrivePaths

function Get-HvseedDrivePaths {
    # The light inventory's disks: path and controller only (no Get-VHD, which opens each file).
    param($VM)
    $disks = New-Object -TypeName System.Collections.ArrayList
    foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $VM)) {
        $path = [string]$drive.Path
        if (-not $path) { continue }
        $controller = [string]$drive.ControllerType + ' ' + [string]$drive.ControllerNumber + ':' + [string]$drive.ControllerLocation
        [void]$disks.Add([pscustomobject]@{ path = $path; controller = $controller; details = $false })
    }
    return $disks
}
#endregion

#region Find-HvseedTestVm

function Find-HvseedTestVm {
    # The test-failover VM of a replica VM, or ''.
    param($VM)
    $replication = $null
    try { $replication = Hyper-V\Get-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $replication = $null }
    if ($null -ne $replication -and $null -ne $replication.PSObject.Properties['TestVirtualMachine']) {
        if ($null -ne $replication.TestVirtualMachine) { return [string]$replication.TestVirtualMachine.Name }
        return ''
    }
    # UNCONFIRMED: VMReplication.TestVirtualMachine is known only from a decompiled copy of the
    # module. Without it, look for the documented test VM name '<VM> - Test' (exact match) on a
    # VM in mode TestReplica (documented enum value): an ordinary VM of that name is not one.
    $wanted = [string]$VM.Name + ' - Test'
    foreach ($candidate in @(Hyper-V\Get-VM)) {
        if ([string]$candidate.Name -ceq $wanted -and [string]$candidate.ReplicationMode -eq 'TestReplica') { return $wanted }
    }
    return ''
}
#endregion

#region Get-HvseedStatus

function Get-HvseedStatus {
    # Get-VMReplication and Measure-VMReplication merged for one VM.
    param($VM)
    $replication = $null
    $measure = $null
    # UNCONFIRMED whether Get-VMReplication fails or returns nothing for a VM without
    # replication: both outcomes fall back to the VM's own replication properties.
    try { $replication = Hyper-V\Get-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $replication = $null }
    if ($null -ne $replication) {
        try { $measure = Hyper-V\Measure-VMReplication -VM $VM -ReplicationRelationshipType 'Simple' } catch { $measure = $null }
    }
    $state = [string]$VM.ReplicationState
    $mode = [string]$VM.ReplicationMode
    $health = [string]$VM.ReplicationHealth
    if ($null -ne $replication) {
        $state = [string]$replication.ReplicationState
        $mode = [string]$replication.ReplicationMode
        $health = [string]$replication.ReplicationHealth
    }
    $details = New-Object -TypeName System.Collections.ArrayList
    $pending = $null
    $initial = $null
    $lastTime = $null
    if ($null -ne $replication) { $lastTime = ConvertTo-HvseedTime -Value $replication.LastReplicationTime }
    if ($null -ne $measure) {
        foreach ($detail in $measure.ReplicationHealthDetails) {
            # UNCONFIRMED whether details are strings or objects with a Message: take either.
            $text = [string]$detail
            if ($null -ne $detail -and $null -ne $detail.PSObject.Properties['Message']) { $text = [string]$detail.Message }
            if ($text) { [void]$details.Add($text) }
        }
        if ($null -ne $measure.PSObject.Properties['PendingReplicationSize'] -and $null -ne $measure.PendingReplicationSize) { $pending = [int64]$measure.PendingReplicationSize }
        if ($null -ne $measure.PSObject.Properties['InitialReplicationSize'] -and $null -ne $measure.InitialReplicationSize) { $initial = [int64]$measure.InitialReplicationSize }
        if ($null -eq $lastTime) { $lastTime = ConvertTo-HvseedTime -Value $measure.LastReplicationTime }
    }
    $deltas = New-Object -TypeName System.Collections.ArrayList
    if ($mode -eq 'Replica' -or $mode -eq 'ExtendedReplica') {
        # The replica VM keeps the deltas that arrive before the import as .avhdx files.
        foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $VM)) {
            $chainPath = [string]$drive.Path
            $depth = 0
            while ($chainPath -and $depth -lt 64) {
                $parentPath = ''
                try {
                    if ($chainPath.EndsWith('.avhdx', [StringComparison]::OrdinalIgnoreCase) -or $chainPath.EndsWith('.avhd', [StringComparison]::OrdinalIgnoreCase)) {
                        $item = Get-Item -LiteralPath $chainPath -Force
                        [void]$deltas.Add([pscustomobject]@{ path = $chainPath; file_size = [int64]$item.Length })
                    }
                    $parentPath = [string](Hyper-V\Get-VHD -Path $chainPath).ParentPath
                } catch { $parentPath = '' }
                $chainPath = $parentPath
                $depth = $depth + 1
            }
        }
    }
    return [pscustomobject]@{
        vm_name = [string]$VM.Name
        vm_id = [string]$VM.Id
        mode = $mode
        state = $state
        health = $health
        health_details = @($details)
        primary_server = [string]$replication.PrimaryServerName
        replica_server = [string]$replication.ReplicaServerName
        replica_port = [int]$replication.ReplicaServerPort
        authentication = [string]$replication.AuthenticationType
        frequency_sec = [int]$replication.ReplicationFrequencySec
        last_replication_time = $lastTime
        pending_replication_bytes = $pending
        initial_replication_bytes = $initial
        test_vm_name = (Find-HvseedTestVm -VM $VM)
        replica_delta_files = @($deltas)
        # VMReplication.RecoveryHistory (hours): read only where the object has it; $null says
        # "unknown" to the parser (UNCONFIRMED on every Windows Server version)
        recovery_history_hours = $(if ($null -ne $replication -and $null -ne $replication.PSObject.Properties['RecoveryHistory']) { [int]$replication.RecoveryHistory } else { $null })
    }
}
#endregion

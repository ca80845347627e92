# start_export.ps1: start the export of the initial copy in Hyper-V's own job.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$destination = [string]$in.Destination
Test-HvseedAbsolutePath -Path $destination -What 'destination folder'
$drive = [System.IO.Path]::GetPathRoot($destination)
if (-not (Test-Path -LiteralPath $drive -PathType Container)) {
    Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'DriveNotFound' -Message ('The drive ' + $drive + ' is not attached to ' + $env:COMPUTERNAME + '.')
}
$mode = [string]$vm.ReplicationMode
if ($mode -ne 'Primary') {
    # StartReplication on a replica would start extended replication (MS Learn): refuse.
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Start-VMInitialReplication' -Id 'NotAPrimary' -Code 32775 -Message ('The initial copy is exported on the primary server; ' + [string]$vm.Name + ' on ' + $env:COMPUTERNAME + ' is not a primary VM (mode ' + $mode + ').')
}
$state = [string]$vm.ReplicationState
if ($state -and $state -ne 'ReadyForInitialReplication') {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Start-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('The initial copy of ' + [string]$vm.Name + ' can only be exported while replication waits for it (state ReadyForInitialReplication); its state is ' + $state + '.')
}
$existing = Find-HvseedExportFolder -Destination $destination -VM $vm
if ($existing) {
    Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'Start-VMInitialReplication' -Id 'ExportFolderExists' -Message ('The folder ' + $existing + ' already exists. hvseed never overwrites an export.')
}
[void][System.IO.Directory]::CreateDirectory($destination)
$arguments = @{ InitialReplicationType = [uint16]2; InitialReplicationExportLocation = $destination }
$call = Invoke-HvseedReplicationService -VM $vm -MethodName 'StartReplication' -Arguments $arguments
$methodReturn = [int]$call.code
$jobId = [string]$call.job_id
$started = [datetime]::Now.ToString('o')
$stopped = $false
$vm = Get-HvseedVM -Id $in.VMId
$folder = Find-HvseedExportFolder -Destination $destination -VM $vm
if (-not $folder) { $folder = $destination.TrimEnd('\') + '\' + [string]$vm.Name + '_' + ([string]$vm.Id).ToUpper() }
$bytesDone = Get-HvseedFolderBytes -Folder $folder
$bytesTotal = Get-HvseedInitialSize -VM $vm

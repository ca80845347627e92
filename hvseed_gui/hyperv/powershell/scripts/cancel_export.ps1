# cancel_export.ps1: Stop-VMInitialReplication, only while an export job of the VM still runs.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$jobId = [string]$in.JobId
$state = [string]$vm.ReplicationState
if ($state -ne 'InitialReplicationInProgress') {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('No export of ' + [string]$vm.Name + ' is running on ' + $env:COMPUTERNAME + ' (replication state ' + $state + '); nothing was stopped.')
}
$before = Get-HvseedJobs -VmId ([string]$vm.Id) -JobTypes @($in.JobTypes) -JobId $jobId
$running = ([int]$before.unattributed_running -gt 0)
foreach ($job in @($before.jobs)) {
    if (@(2, 3, 4, 5, 6, 11) -contains [int]$job.job_state) { $running = $true }
}
if (-not $running) {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMInitialReplication' -Id 'ExportFinished' -Message ('The initial replication of ' + [string]$vm.Name + ' cannot be stopped: Hyper-V runs no export job for it any more, so the export to external media has already ended.')
}
$stop = @{ VM = $vm; Confirm = $false }
Hyper-V\Stop-VMInitialReplication @stop
$stopped = $true
$started = $null
$methodReturn = $null
$vm = Get-HvseedVM -Id $in.VMId
$folder = Find-HvseedExportFolder -Destination ([string]$in.Destination) -VM $vm
$bytesDone = Get-HvseedFolderBytes -Folder $folder
# The size of the whole copy does not matter for a cancel (and may read every VHD chain).
$bytesTotal = $null

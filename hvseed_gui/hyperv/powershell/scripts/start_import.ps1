# start_import.ps1: start the import of the initial copy in Hyper-V's own job.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$folder = [string]$in.Folder
Test-HvseedAbsolutePath -Path $folder -What 'export folder'
if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
    Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'ImportFolderNotFound' -Message ('The folder ' + $folder + ' does not exist on ' + $env:COMPUTERNAME + '.')
}
$mode = [string]$vm.ReplicationMode
$state = [string]$vm.ReplicationState
if ($mode -and $mode -ne 'Replica' -and $mode -ne 'ExtendedReplica') {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Import-VMInitialReplication' -Id 'NotAReplica' -Code 32775 -Message ('The initial copy is imported into the replica VM; ' + [string]$vm.Name + ' on ' + $env:COMPUTERNAME + ' is not one (mode ' + $mode + ').')
}
if ($state -and $state -ne 'WaitingForInitialReplication') {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Import-VMInitialReplication' -Id 'InvalidReplicationState' -Code 32775 -Message ('The replica VM ' + [string]$vm.Name + ' does not wait for its initial copy (state ' + $state + ').')
}
$arguments = @{ InitialReplicationImportLocation = $folder }
$call = Invoke-HvseedReplicationService -VM $vm -MethodName 'ImportInitialReplica' -Arguments $arguments
$methodReturn = [int]$call.code
$jobId = [string]$call.job_id
$started = [datetime]::Now.ToString('o')
$stopped = $false
$vm = Get-HvseedVM -Id $in.VMId
$bytesDone = $null
$bytesTotal = Get-HvseedFolderBytes -Folder $folder

# stop_test_failover.ps1: Stop-VMFailover on a replica VM, only when a test VM exists.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$testName = Find-HvseedTestVm -VM $vm
$message = ''
if ($testName) {
    # Stop-VMFailover also cancels a (planned) failover: only a replica that replicates (or
    # is suspended, or in error) can be in a test failover. UNCONFIRMED whether a running
    # test failover shows as FiredrillInProgress on newer hosts; it is accepted as well.
    $replicaState = [string]$vm.ReplicationState
    if (@('Replicating', 'Suspended', 'Error', 'FiredrillInProgress') -notcontains $replicaState) {
        Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Stop-VMFailover' -Id 'InvalidReplicationState' -Code 32775 -Message ('Not stopping anything: ' + [string]$vm.Name + ' is in replication state ' + $replicaState + ', which belongs to a real failover, not a test failover.')
    }
    $stop = @{ VM = $vm; Confirm = $false }
    Hyper-V\Stop-VMFailover @stop
    $testName = Find-HvseedTestVm -VM $vm
} else {
    $message = 'No test failover VM exists; nothing was changed.'
}

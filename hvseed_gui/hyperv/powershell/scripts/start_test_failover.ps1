# start_test_failover.ps1: Start-VMFailover -AsTest on a replica VM.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$failover = @{ VM = $vm; AsTest = $true; Confirm = $false }
Hyper-V\Start-VMFailover @failover
$testName = Find-HvseedTestVm -VM $vm
$message = ''

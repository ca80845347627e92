# replication_status.ps1: Get-VMReplication and Measure-VMReplication merged for one VM.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$result = Get-HvseedStatus -VM $vm

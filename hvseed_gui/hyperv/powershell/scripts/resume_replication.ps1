# resume_replication.ps1: Resume-VMReplication for one VM, with -Resynchronize when asked.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$resume = @{ VM = $vm; ReplicationRelationshipType = 'Simple'; Confirm = $false }
if ([bool]$in.Resynchronize) { $resume['Resynchronize'] = $true }
Hyper-V\Resume-VMReplication @resume
$result = Get-HvseedStatus -VM (Get-HvseedVM -Id $in.VMId)

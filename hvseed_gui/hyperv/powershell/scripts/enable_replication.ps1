# enable_replication.ps1: Enable-VMReplication for one VM with every setting of the plan.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$enable = @{
    VM = $vm
    ReplicaServerName = [string]$in.ReplicaServer
    ReplicaServerPort = [int]$in.ReplicaPort
    AuthenticationType = [string]$in.AuthenticationType
    CompressionEnabled = [bool]$in.Compression
    BypassProxyServer = [bool]$in.BypassProxy
    ReplicationFrequencySec = [int]$in.FrequencySec
    RecoveryHistory = [int]$in.RecoveryHistory
    Confirm = $false
}
if ([string]$in.CertificateThumbprint) { $enable['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
if ([int]$in.VssFrequencyHours -gt 0) { $enable['VSSSnapshotFrequencyHour'] = [int]$in.VssFrequencyHours }
$excluded = New-Object -TypeName System.Collections.ArrayList
foreach ($excludedPath in $in.ExcludedVhdPaths) { if ([string]$excludedPath) { [void]$excluded.Add([string]$excludedPath) } }
if ($excluded.Count -gt 0) { $enable['ExcludedVhdPath'] = [string[]]@($excluded) }
Hyper-V\Enable-VMReplication @enable
$result = Get-HvseedStatus -VM (Get-HvseedVM -Id $in.VMId)

# test_replication_connection.ps1: Test-VMReplicationConnection with the plan's server, port and authentication.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$test = @{
    ReplicaServerName = [string]$in.ReplicaServer
    ReplicaServerPort = [int]$in.ReplicaPort
    AuthenticationType = [string]$in.AuthenticationType
    BypassProxyServer = [bool]$in.BypassProxy
}
if ([string]$in.CertificateThumbprint) { $test['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
$connected = $true
$failure = $null
$lines = New-Object -TypeName System.Collections.ArrayList
try {
    foreach ($line in @(Hyper-V\Test-VMReplicationConnection @test)) { [void]$lines.Add([string]$line) }
} catch {
    $connected = $false
    $failure = ConvertTo-HvseedErrorRecord -Record $_
}
$message = (@($lines) -join ' ').Trim()
if ($null -ne $failure) { $message = [string]$failure.message }
$result = [ordered]@{ ok = $connected; message = $message; error = $failure }

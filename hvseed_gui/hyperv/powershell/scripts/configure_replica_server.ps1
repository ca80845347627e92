# configure_replica_server.ps1: change only the Replica server settings the data document names.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$set = @{ Force = $true; Confirm = $false }
if ($null -ne $in.ReplicationEnabled) { $set['ReplicationEnabled'] = [bool]$in.ReplicationEnabled }
if ($null -ne $in.AllowedAuthenticationType) { $set['AllowedAuthenticationType'] = [string]$in.AllowedAuthenticationType }
if ($null -ne $in.KerberosAuthenticationPort) { $set['KerberosAuthenticationPort'] = [int]$in.KerberosAuthenticationPort }
if ($null -ne $in.CertificateAuthenticationPort) { $set['CertificateAuthenticationPort'] = [int]$in.CertificateAuthenticationPort }
if ($null -ne $in.CertificateThumbprint) { $set['CertificateThumbprint'] = [string]$in.CertificateThumbprint }
if ($null -ne $in.ReplicationAllowedFromAnyServer) { $set['ReplicationAllowedFromAnyServer'] = [bool]$in.ReplicationAllowedFromAnyServer }
if ($null -ne $in.DefaultStorageLocation) { $set['DefaultStorageLocation'] = [string]$in.DefaultStorageLocation }
if ($set.Count -gt 2) { Hyper-V\Set-VMReplicationServer @set }
if ($null -ne $in.AuthorizationEntry) {
    $entry = @{
        AllowedPrimaryServer = [string]$in.AuthorizationEntry.AllowedPrimaryServer
        ReplicaStorageLocation = [string]$in.AuthorizationEntry.ReplicaStorageLocation
        TrustGroup = [string]$in.AuthorizationEntry.TrustGroup
        Confirm = $false
    }
    $null = Hyper-V\New-VMReplicationAuthorizationEntry @entry  # it returns the new entry
}
foreach ($ruleName in $in.EnableFirewallRules) {
    $enableRule = @{ Name = [string]$ruleName }
    Enable-NetFirewallRule @enableRule
}
if ($null -ne $in.OpenFirewallPort) {
    # A Replica server on another port than 80/443: the built-in rules do not open it.
    $listenerPort = [int]$in.OpenFirewallPort
    $ownName = [string]$in.RulePrefix + [string]$listenerPort
    if (@(Get-NetFirewallRule -Name $ownName -ErrorAction SilentlyContinue).Count -gt 0) {
        $enableOwn = @{ Name = $ownName }
        Enable-NetFirewallRule @enableOwn
    } else {
        $newRule = @{
            Name = $ownName
            DisplayName = 'Hyper-V Replica listener, TCP ' + [string]$listenerPort + ' (hvseed)'
            Direction = 'Inbound'
            Protocol = 'TCP'
            LocalPort = [string]$listenerPort
            Action = 'Allow'
            Profile = 'Any'
            Enabled = 'True'
        }
        $null = New-NetFirewallRule @newRule
    }
}
$result = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)

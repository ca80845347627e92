# common/replica.ps1: shared helpers for the Replica server.
# Each region is one helper; a script carries only the helpers it uses (and what they call).

#region Get-HvseedReplicaConfig

function Get-HvseedReplicaConfig {
    # Get-VMReplicationServer, its authorization entries and the listener firewall rules.
    param($RuleNames, $RulePrefix)
    $server = Hyper-V\Get-VMReplicationServer
    $entries = New-Object -TypeName System.Collections.ArrayList
    foreach ($entry in @(Hyper-V\Get-VMReplicationAuthorizationEntry)) {
        if ($null -eq $entry) { continue }
        [void]$entries.Add([pscustomobject]@{
            allowed_primary_server = [string]$entry.AllowedPrimaryServer
            storage_location = [string]$entry.ReplicaStorageLocation
            trust_group = [string]$entry.TrustGroup
        })
    }
    # The built-in rules open ports 80 and 443 only: read each rule's port filter, and look
    # for hvseed's own rule for a listener on another port (its name is our prefix + a number).
    $names = New-Object -TypeName System.Collections.ArrayList
    foreach ($ruleName in $RuleNames) { [void]$names.Add([string]$ruleName) }
    foreach ($listenerPort in @([int]$server.KerberosAuthenticationPort, [int]$server.CertificateAuthenticationPort)) {
        $ownName = [string]$RulePrefix + [string]$listenerPort
        if ($listenerPort -gt 0 -and -not $names.Contains($ownName)) { [void]$names.Add($ownName) }
    }
    $rules = New-Object -TypeName System.Collections.ArrayList
    foreach ($ruleName in $names) {
        $found = @(Get-NetFirewallRule -Name ([string]$ruleName) -ErrorAction SilentlyContinue)
        if ($found.Count -gt 0 -and $null -ne $found[0]) {
            $ports = New-Object -TypeName System.Collections.ArrayList
            try {
                $filter = Get-NetFirewallPortFilter -AssociatedNetFirewallRule $found[0]
                foreach ($localPort in @($filter.LocalPort)) { if ($null -ne $localPort) { [void]$ports.Add([string]$localPort) } }
            } catch { $ports.Clear() }
            [void]$rules.Add([pscustomobject]@{ name = [string]$ruleName; display_name = [string]$found[0].DisplayName; present = $true; enabled = [string]$found[0].Enabled; local_ports = (@($ports) -join ',') })
        } elseif (-not ([string]$ruleName).StartsWith([string]$RulePrefix)) {
            [void]$rules.Add([pscustomobject]@{ name = [string]$ruleName; display_name = ''; present = $false; enabled = 'False'; local_ports = '' })
        }
    }
    $hostName = [string]$server.ComputerName
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
    # A clustered Replica server is named by its Replica Broker's client access point.
    $cluster = Get-HvseedCluster
    $clusterName = [string]$cluster.name
    $broker = [string]$cluster.broker
    return [pscustomobject]@{
        host_name = $hostName
        cluster_name = $clusterName
        replica_broker = $broker
        replication_enabled = [bool]$server.ReplicationEnabled
        allowed_authentication = [string]$server.AllowedAuthenticationType
        kerberos_port = [int]$server.KerberosAuthenticationPort
        certificate_port = [int]$server.CertificateAuthenticationPort
        allow_any_server = [bool]$server.ReplicationAllowedFromAnyServer
        default_storage_location = [string]$server.DefaultStorageLocation
        certificate_thumbprint = [string]$server.CertificateThumbprint
        authorization_entries = @($entries)
        firewall_rules = @($rules)
    }
}
#endregion

#region Get-HvseedCluster

function Get-HvseedCluster {
    # The failover cluster of this host and its Replica Broker's name: '' for each on a host
    # without the cluster service (namespace missing) or without the right to read it.
    $clusterName = ''
    $broker = ''
    try {
        $clusters = @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Cluster')
        if ($clusters.Count -gt 0 -and $null -ne $clusters[0]) { $clusterName = [string]$clusters[0].Name }
        foreach ($resource in @(Get-CimInstance -Namespace 'root\MSCluster' -ClassName 'MSCluster_Resource')) {
            # UNCONFIRMED: the broker's role (owner group) carries its client access point name
            # unless renamed; the admin can correct it in the wizard.
            if ([string]$resource.Type -eq 'Virtual Machine Replication Broker') { $broker = [string]$resource.OwnerGroup }
        }
    } catch { $clusterName = '' }
    return [pscustomobject]@{ name = $clusterName; broker = $broker }
}
#endregion

# plan_script.ps1: the hand-runnable plan script's body (after its JSON settings).
# It runs at the top level of the saved script: $plan is the settings document.

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'Continue'
if (-not (Get-Module -ListAvailable -Name 'Hyper-V')) { throw 'The Hyper-V PowerShell module is not installed on this computer.' }

Write-Host ('Replica server:  ' + [string]$plan.ReplicaServer + ', port ' + [string]$plan.ReplicaPort + ', ' + [string]$plan.AuthenticationType)
Write-Host ('Initial copy:    ' + [string]$plan.InitialMethod + ' ' + [string]$plan.DestinationPath)

foreach ($item in $plan.VMs) {
    # 1. Find the VM by its ID: names can repeat, and -VMName treats * and ? as wildcards.
    $vm = Hyper-V\Get-VM -Id ([guid][string]$item.Id)
    Write-Host ('--- ' + [string]$vm.Name + ' (' + [string]$vm.Id + ')')

    # 2. Enable replication, unless a previous run already did (then continue with step 3).
    if ([string]$vm.ReplicationState -eq 'Disabled') {
        $enable = @{
            VM = $vm
            ReplicaServerName = [string]$plan.ReplicaServer
            ReplicaServerPort = [int]$plan.ReplicaPort
            AuthenticationType = [string]$plan.AuthenticationType
            CompressionEnabled = [bool]$plan.Compression
            BypassProxyServer = [bool]$plan.BypassProxy
            ReplicationFrequencySec = [int]$plan.FrequencySec
            RecoveryHistory = [int]$plan.RecoveryHistory
        }
        if ([string]$plan.CertificateThumbprint) { $enable['CertificateThumbprint'] = [string]$plan.CertificateThumbprint }
        if ([int]$plan.VssFrequencyHours -gt 0) { $enable['VSSSnapshotFrequencyHour'] = [int]$plan.VssFrequencyHours }
        $excluded = New-Object -TypeName System.Collections.ArrayList
        foreach ($excludedPath in $item.ExcludedVhdPaths) { if ([string]$excludedPath) { [void]$excluded.Add([string]$excludedPath) } }
        if ($excluded.Count -gt 0) { $enable['ExcludedVhdPath'] = [string[]]@($excluded) }
        Write-Host 'Enabling replication (Hyper-V creates the replica VM on the Replica server) ...'
        Hyper-V\Enable-VMReplication @enable
        $vm = Hyper-V\Get-VM -Id ([guid][string]$item.Id)
    } else {
        Write-Host ('Replication is already enabled (state ' + [string]$vm.ReplicationState + ').')
    }

    # 3. Send the initial copy.
    if ([string]$vm.ReplicationState -ne 'ReadyForInitialReplication') {
        Write-Host 'The initial copy is already on its way or done; skipping.'
        continue
    }
    $start = @{ VM = $vm }
    if ([string]$plan.InitialMethod -eq 'ExternalMedia') {
        # Export to the external drive. This call is synchronous: it returns when the copy is
        # written to <DestinationPath>\<VMName>_<VMId>. An existing folder is never overwritten.
        # Each VM may have its own drive (several VMs spread over several drives).
        $destination = [string]$item.DestinationPath
        if (-not $destination) { $destination = [string]$plan.DestinationPath }
        # The same checks as hvseed's own export: a full path, on a drive that is attached.
        if (-not ($destination -match '^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)')) { throw ('The destination folder must be a full path such as E:\Seed, not ' + $destination + '.') }
        $drive = [System.IO.Path]::GetPathRoot($destination)
        if (-not (Test-Path -LiteralPath $drive -PathType Container)) { throw ('The drive ' + $drive + ' is not attached to ' + $env:COMPUTERNAME + '.') }
        $folder = $destination.TrimEnd('\') + '\' + [string]$vm.Name + '_' + ([string]$vm.Id).ToUpper()
        $existing = Find-HvseedExportFolder -Destination $destination -VM $vm
        if ($existing) { throw ('The folder ' + $existing + ' already exists; move it away or choose another folder.') }
        # Hyper-V writes <destination>\<VMName>_<VMId> but does not create <destination> itself.
        [void][System.IO.Directory]::CreateDirectory($destination)
        $start['DestinationPath'] = $destination
        Write-Host ('Exporting the initial copy to ' + $folder + ' ...')
    } elseif ([string]$plan.InitialMethod -eq 'ExistingVM') {
        # Use the VM already restored on the Replica server as the initial copy.
        $start['UseBackup'] = $true
    }
    if ([string]$plan.InitialMethod -ne 'ExternalMedia' -and $null -ne $plan.StartTime) {
        # Scheduled start (network and existing-VM seeding only; Hyper-V ignores it for exports).
        $when = $plan.StartTime
        if (-not ($when -is [datetime])) { $when = [DateTimeOffset]::Parse([string]$when).LocalDateTime }
        $start['InitialReplicationStartTime'] = $when
    }
    Hyper-V\Start-VMInitialReplication @start
    Write-Host 'Done.'
}

# Next: carry the drive to the Replica server and import each folder there
# (Hyper-V Manager: replica VM > Replication > Import Initial Replica, or hvseed import).

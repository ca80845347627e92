# readiness.ps1: read-only facts for hvseed doctor, in one round trip.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$os = Get-CimInstance -ClassName 'Win32_OperatingSystem'
$computer = Get-CimInstance -ClassName 'Win32_ComputerSystem'
$hostName = [string]$computer.DNSHostName
if (-not $hostName) { $hostName = $env:COMPUTERNAME }
if ($computer.PartOfDomain -and [string]$computer.Domain) { $hostName = $hostName + '.' + [string]$computer.Domain }
$moduleFound = [bool](Get-Module -ListAvailable -Name 'Hyper-V')
$vmms = @(Get-CimInstance -ClassName 'Win32_Service' -Filter "Name='vmms'")
$vmmsRunning = ($vmms.Count -gt 0 -and $null -ne $vmms[0] -and [string]$vmms[0].State -eq 'Running')
$replica = $null
$certificate = [ordered]@{ found = $null; ekus = @(); not_after = $null; has_private_key = $false }
$storage = New-Object -TypeName System.Collections.ArrayList
if ($moduleFound -and $vmmsRunning) {
    $replica = Get-HvseedReplicaConfig -RuleNames @($in.FirewallRules) -RulePrefix ([string]$in.RulePrefix)
    $thumbprint = [string]$replica.certificate_thumbprint
    if ($thumbprint) {
        $certificate['found'] = $false
        foreach ($candidate in @(Get-ChildItem -Path 'Cert:\LocalMachine\My')) {
            if ([string]$candidate.Thumbprint -ne $thumbprint) { continue }
            $usages = New-Object -TypeName System.Collections.ArrayList
            foreach ($usage in $candidate.EnhancedKeyUsageList) { [void]$usages.Add([string]$usage.ObjectId) }
            $certificate['found'] = $true
            $certificate['ekus'] = @($usages)
            $certificate['not_after'] = ConvertTo-HvseedTime -Value $candidate.NotAfter
            $certificate['has_private_key'] = [bool]$candidate.HasPrivateKey
        }
    }
    $locations = New-Object -TypeName System.Collections.ArrayList
    if ([string]$replica.default_storage_location) { [void]$locations.Add([string]$replica.default_storage_location) }
    foreach ($entry in @($replica.authorization_entries)) {
        if ($null -ne $entry -and [string]$entry.storage_location -and -not $locations.Contains([string]$entry.storage_location)) { [void]$locations.Add([string]$entry.storage_location) }
    }
    foreach ($location in $locations) {
        $free = $null
        try {
            $root = [System.IO.Path]::GetPathRoot([string]$location)
            $drive = New-Object -TypeName 'System.IO.DriveInfo' -ArgumentList $root
            if ($drive.IsReady) { $free = [int64]$drive.AvailableFreeSpace }
        } catch { $free = $null }
        [void]$storage.Add([pscustomobject]@{ path = [string]$location; free_bytes = $free })
    }
}
$listeners = New-Object -TypeName System.Collections.ArrayList
try {
    foreach ($listener in @(Get-WSManInstance -ResourceURI 'winrm/config/listener' -Enumerate)) {
        if ($null -ne $listener) { [void]$listeners.Add(([string]$listener.Transport).ToUpper() + ':' + [string]$listener.Port) }
    }
} catch { $listeners.Clear() }
$fips = $null
try {
    $fipsValue = [Microsoft.Win32.Registry]::GetValue('HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Lsa\FipsAlgorithmPolicy', 'Enabled', $null)
    if ($null -ne $fipsValue) { $fips = ([int]$fipsValue -ne 0) } else { $fips = $false }
} catch { $fips = $null }
$asr = ''
try {
    $preference = Get-MpPreference
    $ids = @($preference.AttackSurfaceReductionRules_Ids)
    $actions = @($preference.AttackSurfaceReductionRules_Actions)
    $asr = 'Disabled'
    for ($index = 0; $index -lt $ids.Count; $index++) {
        if ([string]$ids[$index] -eq [string]$in.AsrRule -and $index -lt $actions.Count) {
            $action = [int]$actions[$index]
            if ($action -eq 1) { $asr = 'Block' } elseif ($action -eq 2) { $asr = 'Audit' } elseif ($action -eq 6) { $asr = 'Warn' } else { $asr = 'Disabled' }
        }
    }
} catch { $asr = '' }
$bitlockerFeature = ''
if ([int]$os.ProductType -ne 1) {
    try {
        $feature = Get-WindowsFeature -Name 'BitLocker'
        if ($null -ne $feature) { $bitlockerFeature = [string]$feature.InstallState }
    } catch { $bitlockerFeature = '' }
}
$cluster = Get-HvseedCluster
$clusterName = [string]$cluster.name
$broker = [string]$cluster.broker
$result = [ordered]@{
    host_name = $hostName
    os_caption = [string]$os.Caption
    os_build = [string]$os.BuildNumber
    is_server = ([int]$os.ProductType -ne 1)
    powershell_version = [string]$PSVersionTable.PSVersion
    hyperv_module = $moduleFound
    vmms_running = $vmmsRunning
    replica = $replica
    certificate = $certificate
    winrm_listeners = @($listeners)
    clock_utc = [DateTime]::UtcNow.ToString('o')
    fips_enabled = $fips
    asr_wmi_process_rule = $asr
    bitlocker_cmdlets = [bool](Get-Command -Name 'Enable-BitLocker' -ErrorAction SilentlyContinue)
    bitlocker_feature = $bitlockerFeature
    storage = @($storage)
    is_cluster_node = [bool]$clusterName
    cluster_name = $clusterName
    replica_broker = $broker
}

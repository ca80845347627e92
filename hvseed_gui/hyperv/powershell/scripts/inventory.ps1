# inventory.ps1: host facts and every VM with its disks and replication state.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$os = Get-CimInstance -ClassName 'Win32_OperatingSystem'
$computer = Get-CimInstance -ClassName 'Win32_ComputerSystem'
$hostName = [string]$computer.DNSHostName
if (-not $hostName) { $hostName = $env:COMPUTERNAME }
if ($computer.PartOfDomain -and [string]$computer.Domain) { $hostName = $hostName + '.' + [string]$computer.Domain }
$cluster = Get-HvseedCluster
$clusterName = [string]$cluster.name
$broker = [string]$cluster.broker
$moduleFound = [bool](Get-Module -ListAvailable -Name 'Hyper-V')
$vmmsFound = @(Get-CimInstance -ClassName 'Win32_Service' -Filter "Name='vmms'").Count -gt 0
$vms = New-Object -TypeName System.Collections.ArrayList
if ($moduleFound -and $vmmsFound) {
    foreach ($vm in @(Hyper-V\Get-VM)) {
        [void]$vms.Add([pscustomobject]@{
            name = [string]$vm.Name
            id = [string]$vm.Id
            state = [string]$vm.State
            generation = [int]$vm.Generation
            replication_state = [string]$vm.ReplicationState
            replication_mode = [string]$vm.ReplicationMode
            replication_health = [string]$vm.ReplicationHealth
            is_clustered = [bool]$vm.IsClustered
            vhds = $(if ([bool]$in.Details) { @(Get-HvseedVhds -VM $vm) } else { @(Get-HvseedDrivePaths -VM $vm) })
        })
    }
}
$systemDrive = [string]$os.SystemDrive
if ($systemDrive -and -not $systemDrive.EndsWith('\')) { $systemDrive = $systemDrive + '\' }
$result = [ordered]@{
    host_name = $hostName
    os_version = [string]$os.Caption
    os_build = [string]$os.BuildNumber
    hyperv_present = ($moduleFound -and $vmmsFound)
    is_cluster_node = [bool]$clusterName
    cluster_name = $clusterName
    replica_broker = $broker
    system_drive = $systemDrive
    vms = @($vms)
}

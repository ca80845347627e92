# vm_disks.ps1: Get-VHD details (sizes, type, parent chain) of the disks of some VMs.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$found = New-Object -TypeName System.Collections.ArrayList
foreach ($id in @($in.VmIds)) {
    $vm = $null
    # a VM that is gone (or an ID that is no GUID) is left out, not an error
    try { $vm = @(Hyper-V\Get-VM -Id ([guid][string]$id))[0] } catch { $vm = $null }
    if ($null -eq $vm) { continue }
    [void]$found.Add([pscustomobject]@{ id = [string]$vm.Id; vhds = @(Get-HvseedVhds -VM $vm) })
}
$result = [ordered]@{ vms = @($found) }

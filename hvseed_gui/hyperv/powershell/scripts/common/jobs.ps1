# common/jobs.ps1: shared helpers for Hyper-V's export and import jobs.
# Each region is one helper; a script carries only the helpers it uses (and what they call).

#region Get-HvseedJobs

function ConvertTo-HvseedJob {
    # One Msvm_ConcreteJob as a plain record.
    param($Job, $MatchedBy)
    return [pscustomobject]@{
        job_id = [string]$Job.InstanceID
        job_type = [int]$Job.JobType
        job_state = [int]$Job.JobState
        percent = [int]$Job.PercentComplete
        error_code = [int]$Job.ErrorCode
        error_description = [string]$Job.ErrorDescription
        start_time = (ConvertTo-HvseedTime -Value $Job.StartTime)
        matched_by = $MatchedBy
    }
}

function Get-HvseedJobs {
    # Hyper-V's own jobs (Msvm_ConcreteJob) of one VM: first the job hvseed started, found by
    # its InstanceID (compared as data, never put into a WQL filter), then the jobs of the given
    # types that Msvm_AffectedJobElement links to this VM.
    param($VmId, $JobTypes, $JobId)
    $wanted = [string]$JobId
    $tracked = $null
    $candidates = New-Object -TypeName System.Collections.ArrayList
    foreach ($job in @(Get-CimInstance -Namespace 'root\virtualization\v2' -ClassName 'Msvm_ConcreteJob')) {
        if ($null -eq $job) { continue }
        if ($wanted -and [string]$job.InstanceID -eq $wanted) { $tracked = $job; continue }
        if ($JobTypes -contains [int]$job.JobType) { [void]$candidates.Add($job) }
    }
    $out = New-Object -TypeName System.Collections.ArrayList
    if ($null -ne $tracked) { [void]$out.Add((ConvertTo-HvseedJob -Job $tracked -MatchedBy 'tracked')) }
    # UNCONFIRMED whether Hyper-V links replication jobs to the VM via Msvm_AffectedJobElement.
    # A job linked to this VM is attributed; a running job linked to no VM is counted (it may be
    # ours: the poll then says "running"), but never credited: its end may be another VM's end.
    $unattributed = 0
    $runningStates = @(2, 3, 4, 5, 6, 11)
    foreach ($job in $candidates) {
        $elements = @()
        try {
            $elements = @(Get-CimAssociatedInstance -InputObject $job -Association 'Msvm_AffectedJobElement' -ResultClassName 'Msvm_ComputerSystem')
        } catch { $elements = @() }
        $linked = $false
        $mine = $false
        foreach ($element in $elements) {
            if ($null -eq $element) { continue }
            $linked = $true
            if ([string]$element.Name -eq [string]$VmId) { $mine = $true }
        }
        if ($mine) {
            [void]$out.Add((ConvertTo-HvseedJob -Job $job -MatchedBy 'association'))
        } elseif (-not $linked -and $runningStates -contains [int]$job.JobState) {
            $unattributed = $unattributed + 1
        }
    }
    return [pscustomobject]@{ jobs = @($out); unattributed_running = $unattributed; tracked_found = ($null -ne $tracked) }
}
#endregion

#region Find-HvseedExportFolder

function Find-HvseedExportFolder {
    # The <VMName>_<VMId> folder Hyper-V writes below the destination, or ''.
    param($Destination, $VM)
    if (-not $Destination) { return '' }
    $vmId = [string]$VM.Id
    $expected = $Destination.TrimEnd('\') + '\' + [string]$VM.Name + '_' + $vmId.ToUpper()
    try {
        if (Test-Path -LiteralPath $expected -PathType Container) { return $expected }
    } catch { $expected = '' }
    # UNCONFIRMED: the letter case of the ID in the folder name; accept any child folder that
    # ends in _<VMId>, ignoring case.
    if (Test-Path -LiteralPath $Destination -PathType Container) {
        foreach ($dir in @(Get-ChildItem -LiteralPath $Destination -Directory -Force)) {
            if ($dir.Name.EndsWith('_' + $vmId, [StringComparison]::OrdinalIgnoreCase)) { return $dir.FullName }
        }
    }
    return ''
}
#endregion

#region Get-HvseedInitialSize

function Get-HvseedInitialSize {
    # Size of the initial copy: Measure-VMReplication's InitialReplicationSize where it exists
    # (UNCONFIRMED, known from a decompiled copy), else the VHD files plus their parents.
    param($VM)
    try {
        $measure = Hyper-V\Measure-VMReplication -VM $VM -ReplicationRelationshipType 'Simple'
        if ($null -ne $measure -and $null -ne $measure.PSObject.Properties['InitialReplicationSize']) {
            if ([int64]$measure.InitialReplicationSize -gt 0) { return [int64]$measure.InitialReplicationSize }
        }
    } catch { $measure = $null }
    $total = [int64]0
    foreach ($vhd in @(Get-HvseedVhds -VM $VM)) {
        $total = $total + [int64]$vhd.file_size
        foreach ($parentSize in $vhd.parent_sizes) { $total = $total + [int64]$parentSize }
    }
    return $total
}
#endregion

#region Invoke-HvseedReplicationService

function Invoke-HvseedReplicationService {
    # Call a Msvm_ReplicationService method for one VM; the work runs in Hyper-V's own job.
    param($VM, $MethodName, $Arguments)
    $namespace = 'root\virtualization\v2'
    $vmGuid = [guid][string]$VM.Id
    # The filter is built from a parsed GUID (hex digits and dashes only), never from user text.
    $systems = @(Get-CimInstance -Namespace $namespace -ClassName 'Msvm_ComputerSystem' -Filter ("Name='" + $vmGuid.ToString() + "'"))
    if ($systems.Count -eq 0 -or $null -eq $systems[0]) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Get-CimInstance' -Id 'VMNotFound' -Message ('Hyper-V WMI has no virtual machine with ID ' + $vmGuid.ToString().ToUpper() + '.')
    }
    $service = @(Get-CimInstance -Namespace $namespace -ClassName 'Msvm_ReplicationService')[0]
    $Arguments['ComputerSystem'] = $systems[0]
    $call = Invoke-CimMethod -InputObject $service -MethodName $MethodName -Arguments $Arguments
    $code = [int]$call.ReturnValue
    if ($code -ne 0 -and $code -ne 4096) {
        $category = 'NotSpecified'
        if ($code -eq 32769) { $category = 'PermissionDenied' }
        elseif ($code -eq 32775) { $category = 'InvalidOperation' }
        elseif ($code -eq 32779) { $category = 'ObjectNotFound' }
        elseif ($code -eq 32773) { $category = 'InvalidArgument' }
        Stop-Hvseed -Category $category -Cmdlet ('Msvm_ReplicationService.' + $MethodName) -Id ('Wmi' + [string]$code) -Code $code -Message ('Hyper-V refused ' + $MethodName + ' for ' + [string]$VM.Name + ' (WMI return code ' + [string]$code + ').')
    }
    # 4096: the work runs in the job named by the Job out parameter (CIM_ConcreteJob REF, MS
    # Learn). Its InstanceID lets every later poll find exactly this job. UNCONFIRMED whether
    # that job is the copy itself (Sending Initial Replica) or only its start: parse_progress
    # does not take a completed "Start Export Initial Replication" job as the end of the copy.
    $jobId = ''
    if ($code -eq 4096 -and $null -ne $call.Job) { $jobId = [string]$call.Job.InstanceID }
    return [pscustomobject]@{ code = $code; job_id = $jobId }
}
#endregion

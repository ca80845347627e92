# progress_result.ps1: the result of every export/import script (appended to their bodies).
# Inside hvseed's frame (common/frame.ps1), after an export or import body.

$jobInfo = Get-HvseedJobs -VmId ([string]$vm.Id) -JobTypes @($in.JobTypes) -JobId $jobId
$result = [ordered]@{
    vm_name = [string]$vm.Name
    vm_id = [string]$vm.Id
    kind = [string]$in.Kind
    replication_state = [string]$vm.ReplicationState
    jobs = @($jobInfo.jobs)
    unattributed_running = [int]$jobInfo.unattributed_running
    job_id = $jobId
    tracked_found = [bool]$jobInfo.tracked_found
    folder = $folder
    bytes_done = $bytesDone
    bytes_total = $bytesTotal
    started = $started
    method_return = $methodReturn
    stopped = $stopped
}

# export_progress.ps1: one poll of an export: Hyper-V's job, bytes in the folder, replication state.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$jobId = [string]$in.JobId
$started = $null
$methodReturn = $null
$stopped = $false
$folder = Find-HvseedExportFolder -Destination ([string]$in.Destination) -VM $vm
$bytesDone = Get-HvseedFolderBytes -Folder $folder
$bytesTotal = Get-HvseedInitialSize -VM $vm

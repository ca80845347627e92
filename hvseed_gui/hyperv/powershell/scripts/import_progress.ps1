# import_progress.ps1: one poll of an import: Hyper-V's job and the replica's replication state.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$vm = Get-HvseedVM -Id $in.VMId
$jobId = [string]$in.JobId
$folder = [string]$in.Folder
$started = $null
$methodReturn = $null
$stopped = $false
$bytesDone = $null
$bytesTotal = Get-HvseedFolderBytes -Folder $folder

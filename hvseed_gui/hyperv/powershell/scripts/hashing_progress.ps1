# hashing_progress.ps1: one poll of a hashing job.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$paths = Get-HvseedJobPaths -JobId $in.JobId
$result = Get-HvseedJobFacts -Paths $paths
Remove-HvseedFinishedJob -Paths $paths -Facts $result

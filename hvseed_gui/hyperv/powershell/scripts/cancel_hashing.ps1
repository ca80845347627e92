# cancel_hashing.ps1: ask a hashing job to stop, then end its process.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$paths = Get-HvseedJobPaths -JobId $in.JobId
if ([IO.Directory]::Exists($paths.dir) -and ([IO.File]::Exists($paths.state) -or [IO.File]::Exists($paths.launch))) {
    [IO.File]::WriteAllText($paths.cancel, [DateTime]::UtcNow.ToString('o'))
}
# The worker looks for the marker every 64 MiB or 2 s; give it a moment, then end it.
$waited = 0
$facts = Get-HvseedJobFacts -Paths $paths
while ($facts['alive'] -eq $true -and $waited -lt [int]$in.WaitMs) {
    [Threading.Thread]::Sleep(250)
    $waited = $waited + 250
    $facts = Get-HvseedJobFacts -Paths $paths
}
if ($facts['alive'] -eq $true -and [int]$facts['pid'] -gt 0) {
    # A read can hang on a failing drive: stop the worker (it only reads; nothing is lost).
    try { [Diagnostics.Process]::GetProcessById([int]$facts['pid']).Kill() } catch { $null = $_ }
    [Threading.Thread]::Sleep(250)
    $facts = Get-HvseedJobFacts -Paths $paths
}
Remove-HvseedFinishedJob -Paths $paths -Facts $facts
$result = $facts

# start_hashing.ps1: start the detached hashing worker and return its first facts.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$paths = Get-HvseedJobPaths -JobId $in.JobId
$folder = [string]$in.Folder
if (-not (Test-Path -LiteralPath $folder -PathType Container)) {
    Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'Test-Path' -Id 'FolderNotFound' -Message ('The folder ' + $folder + ' does not exist on ' + $env:COMPUTERNAME + '.')
}
$worker = [string]$in.WorkerCommand
if ($worker -notmatch '^[A-Za-z0-9+/=]+$') {
    Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Invoke-CimMethod' -Id 'BadWorker' -Message 'The hashing worker is not an encoded command.'
}
$null = [IO.Directory]::CreateDirectory($paths.dir)
# Files of jobs older than 7 days are left-overs of checks nobody followed to the end.
$cutoff = [DateTime]::UtcNow.AddDays(-7)
foreach ($old in @(Get-ChildItem -LiteralPath $paths.dir -File -Force)) {
    if ($old.LastWriteTimeUtc -lt $cutoff) { try { $old.Delete() } catch { $null = $_ } }
}
if ([IO.File]::Exists($paths.state) -or [IO.File]::Exists($paths.launch)) {
    Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'Invoke-CimMethod' -Id 'JobExists' -Message ('A hashing job with ID ' + [string]$in.JobId + ' exists already on ' + $env:COMPUTERNAME + '.')
}
# Fixed text plus the encoded worker: no user text on this command line.
$exe = [IO.Path]::Combine([Environment]::SystemDirectory, 'WindowsPowerShell\v1.0\powershell.exe')
$commandLine = '"' + $exe + '" -NoProfile -NonInteractive -EncodedCommand ' + $worker
# UNCONFIRMED: whether a process made by Win32_Process.Create outlives the WMI provider host
# on every Windows version (the documentation says such processes are limited by a job
# object unless CREATE_BREAKAWAY_FROM_JOB is given). Try with breakaway first; when the host
# refuses it (its job does not allow breakaway), start without. Either way the worker records
# its PID and a heartbeat, so a worker that dies is reported, never waited for forever.
$created = $null
$breakaway = $true
try {
    $startupClass = Get-CimClass -ClassName 'Win32_ProcessStartup'
    $startup = New-CimInstance -CimClass $startupClass -Property @{ ShowWindow = [uint16]0; CreateFlags = [uint32]$in.CreateFlags } -ClientOnly
    $createArgs = @{ CommandLine = $commandLine; ProcessStartupInformation = $startup }
    $created = Invoke-CimMethod -ClassName 'Win32_Process' -MethodName 'Create' -Arguments $createArgs
    if ([int]$created.ReturnValue -ne 0) { $created = $null }
} catch { $created = $null }
if ($null -eq $created) {
    $breakaway = $false
    $plainArgs = @{ CommandLine = $commandLine }
    $created = Invoke-CimMethod -ClassName 'Win32_Process' -MethodName 'Create' -Arguments $plainArgs
}
$code = [int]$created.ReturnValue
if ($code -ne 0) {
    Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Invoke-CimMethod' -Id 'ProcessNotCreated' -Code $code -Message ('Windows could not start the hashing process on ' + $env:COMPUTERNAME + ' (Win32_Process.Create returned ' + [string]$code + ').')
}
$launch = [ordered]@{ job_id = ([guid][string]$in.JobId).ToString(); folder = $folder; pid = [int]$created.ProcessId; created = [DateTime]::UtcNow.ToString('o'); breakaway = $breakaway }
Write-HvseedJsonFile -Path $paths.launch -Document $launch
$result = Get-HvseedJobFacts -Paths $paths

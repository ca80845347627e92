# enable_bitlocker.ps1: BitLocker To Go with a password protector, then a recovery password.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$mount = ([string]$in.MountPoint).TrimEnd('\')
if (-not (Get-Command -Name 'Enable-BitLocker' -ErrorAction SilentlyContinue)) {
    Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'Get-Command' -Id 'BitLockerMissing' -Message ('BitLocker Drive Encryption is not installed on ' + $env:COMPUTERNAME + '.')
}
$before = Get-BitLockerVolume -MountPoint $mount
$volumeStatus = [string]$before.VolumeStatus
if ($volumeStatus -ne 'FullyDecrypted') {
    Stop-Hvseed -Category 'InvalidOperation' -Cmdlet 'Enable-BitLocker' -Id 'BitLockerBusy' -Message ('BitLocker already protects ' + $mount + ' on ' + $env:COMPUTERNAME + ' (volume status ' + $volumeStatus + ').')
}
$known = New-Object -TypeName System.Collections.ArrayList
foreach ($protector in @($before.KeyProtector)) { [void]$known.Add([string]$protector.KeyProtectorId) }
$plain = [Environment]::GetEnvironmentVariable([string]$in.PasswordVariable)
[Environment]::SetEnvironmentVariable([string]$in.PasswordVariable, $null)
if (-not $plain) {
    Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'Enable-BitLocker' -Id 'PasswordMissing' -Message 'No BitLocker password reached the script.'
}
# Built character by character, never through a cmdlet parameter: module logging (event
# 4103) records cmdlet parameter values, and would keep the password in the event log.
$secure = New-Object -TypeName 'System.Security.SecureString'
foreach ($character in $plain.ToCharArray()) { $secure.AppendChar($character) }
$secure.MakeReadOnly()
$plain = $null
$enable = @{
    MountPoint = $mount
    EncryptionMethod = [string]$in.EncryptionMethod
    PasswordProtector = $true
    Password = $secure
    Confirm = $false
}
$null = Enable-BitLocker @enable
$secure = $null
$recoveryArgs = @{
    MountPoint = $mount
    RecoveryPasswordProtector = $true
    Confirm = $false
}
try {
    $null = Add-BitLockerKeyProtector @recoveryArgs
} catch {
    Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Add-BitLockerKeyProtector' -Id 'RecoveryPasswordMissing' -Message ('BitLocker started encrypting ' + $mount + ' with your password, but no recovery password could be added: ' + [string]$_.Exception.Message)
}
$after = Get-BitLockerVolume -MountPoint $mount
$recovery = $null
foreach ($protector in @($after.KeyProtector)) {
    if ([string]$protector.KeyProtectorType -eq 'RecoveryPassword' -and -not $known.Contains([string]$protector.KeyProtectorId)) { $recovery = $protector }
}
if ($null -eq $recovery -or -not [string]$recovery.RecoveryPassword) {
    Stop-Hvseed -Category 'InvalidResult' -Cmdlet 'Add-BitLockerKeyProtector' -Id 'RecoveryPasswordMissing' -Message ('BitLocker started encrypting ' + $mount + ' with your password, but it did not report the new recovery password.')
}
$result = [ordered]@{
    mount_point = [string]$after.MountPoint
    status = [string]$after.VolumeStatus
    protection = [string]$after.ProtectionStatus
    encryption_method = [string]$after.EncryptionMethod
    recovery_password = [string]$recovery.RecoveryPassword
    protector_id = [string]$recovery.KeyProtectorId
}

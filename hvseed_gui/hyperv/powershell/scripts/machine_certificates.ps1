# machine_certificates.ps1: certificates of the computer's personal store with EKUs and DNS names.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$certificates = New-Object -TypeName System.Collections.ArrayList
foreach ($certificate in @(Get-ChildItem -Path 'Cert:\LocalMachine\My')) {
    $usages = New-Object -TypeName System.Collections.ArrayList
    foreach ($usage in $certificate.EnhancedKeyUsageList) { [void]$usages.Add([string]$usage.ObjectId) }
    $names = New-Object -TypeName System.Collections.ArrayList
    foreach ($dnsName in $certificate.DnsNameList) { [void]$names.Add([string]$dnsName.Unicode) }
    [void]$certificates.Add([pscustomobject]@{
        thumbprint = [string]$certificate.Thumbprint
        subject = [string]$certificate.Subject
        issuer = [string]$certificate.Issuer
        not_after = (ConvertTo-HvseedTime -Value $certificate.NotAfter)
        has_private_key = [bool]$certificate.HasPrivateKey
        ekus = @($usages)
        dns_names = @($names)
    })
}
$result = [ordered]@{ certificates = @($certificates) }

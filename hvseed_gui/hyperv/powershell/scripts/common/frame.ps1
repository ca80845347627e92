# common/frame.ps1: the frame of every hvseed operation script.
# hvseed joins these regions in order, with the helpers an operation uses after 'core' and the
# operation's body (scripts/<operation>.ps1) before 'footer'. @@OPERATION@@ and the input blob
# are filled in by hvseed_gui/hyperv/powershell/compose.py.

#region header
# hvseed operation: @@OPERATION@@
# Inputs arrive as ONE base64 JSON blob; nothing else in this script comes from the user.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$in = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('@@HVSEED_INPUT_BLOB@@')) | ConvertFrom-Json
$script:hvseedFailure = $null
#endregion

#region core

function Write-HvseedResult {
    # The one result line: JSON as base64 of UTF-8, so no console code page can mangle it.
    param($Document)
    $json = ConvertTo-Json -InputObject $Document -Depth 6 -Compress
    $bytes = [Text.Encoding]::UTF8.GetBytes([string]$json)
    Write-Output ('HVSEED-RESULT:' + [Convert]::ToBase64String($bytes))
}

function ConvertTo-HvseedTime {
    # Windows PowerShell 5.1 would emit a DateTime as "\/Date(ms)\/"; send ISO 8601 instead.
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) { return $Value.ToString('o') }
    return [string]$Value
}

function New-HvseedError {
    param($Category, $Cmdlet, $Message, $Id, $Code)
    return [pscustomobject]@{
        category = [string]$Category
        cmdlet = [string]$Cmdlet
        message = [string]$Message
        fqid = 'Hvseed.' + [string]$Id
        hresult = $null
        code = $Code
    }
}

function Stop-Hvseed {
    # End the operation with our own error record (a failed precondition, a WMI return code).
    param($Category, $Cmdlet, $Message, $Id, $Code)
    $script:hvseedFailure = New-HvseedError -Category $Category -Cmdlet $Cmdlet -Message $Message -Id $Id -Code $Code
    throw ('hvseed: ' + [string]$Message)
}

function ConvertTo-HvseedErrorRecord {
    # An ErrorRecord as a plain record: category, cmdlet, message, fully qualified id, HRESULT.
    param($Record)
    $hresult = $null
    $message = ''
    if ($null -ne $Record.Exception) {
        $hresult = $Record.Exception.HResult
        $message = [string]$Record.Exception.Message
    }
    if ($null -ne $Record.ErrorDetails -and [string]$Record.ErrorDetails.Message) {
        $message = [string]$Record.ErrorDetails.Message
    }
    $cmdlet = ''
    if ($null -ne $Record.InvocationInfo -and $null -ne $Record.InvocationInfo.MyCommand) {
        $cmdlet = [string]$Record.InvocationInfo.MyCommand.Name
    }
    return [pscustomobject]@{
        category = [string]$Record.CategoryInfo.Category
        cmdlet = $cmdlet
        message = $message
        fqid = [string]$Record.FullyQualifiedErrorId
        hresult = $hresult
        code = $null
    }
}
#endregion

#region try

try {
#endregion

#region version-check

    if ($PSVersionTable.PSVersion.Major -lt 5 -or ($PSVersionTable.PSVersion.Major -eq 5 -and $PSVersionTable.PSVersion.Minor -lt 1)) {
        Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'hvseed' -Id 'PowerShellTooOld' -Message ('Windows PowerShell ' + [string]$PSVersionTable.PSVersion + ' on ' + $env:COMPUTERNAME + ' is too old: hvseed needs Windows PowerShell 5.1.')
    }
#endregion

#region hyperv-check

    if (-not (Get-Module -ListAvailable -Name 'Hyper-V')) {
        Stop-Hvseed -Category 'NotInstalled' -Cmdlet 'Get-Module' -Id 'HyperVModuleMissing' -Message ('The Hyper-V PowerShell module is not installed on ' + $env:COMPUTERNAME + '.')
    }
#endregion

#region footer

    Write-HvseedResult -Document ([ordered]@{ ok = $true; data = $result })
} catch {
    $failure = $script:hvseedFailure
    if ($null -eq $failure) { $failure = ConvertTo-HvseedErrorRecord -Record $_ }
    Write-HvseedResult -Document ([ordered]@{ ok = $false; errors = @($failure) })
}
#endregion

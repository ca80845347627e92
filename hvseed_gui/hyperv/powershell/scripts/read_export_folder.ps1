# read_export_folder.ps1: every plain file below an export folder, XML texts up to a limit, links named.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$folder = [string]$in.Folder
$limit = [int64]$in.MaxXmlBytes
$files = New-Object -TypeName System.Collections.ArrayList
$xmlTexts = New-Object -TypeName System.Collections.ArrayList
$xmlErrors = New-Object -TypeName System.Collections.ArrayList
$refused = @()
$exists = Test-Path -LiteralPath $folder -PathType Container
if ($exists -and (([int](Get-Item -LiteralPath $folder -Force).Attributes -band 1024) -ne 0)) {
    $refused = @([pscustomobject]@{ path = '.'; kind = 'link'; link_type = [string](Get-Item -LiteralPath $folder -Force).LinkType })
} elseif ($exists) {
    $tree = Get-HvseedTree -Root $folder -MaxEntries ([int]$in.MaxEntries) -MaxDepth ([int]$in.MaxDepth)
    $refused = @($tree.refused)
    foreach ($file in @($tree.files)) {
        [void]$files.Add([pscustomobject]@{ path = $file.path; size = [int64]$file.size })
        if (-not ([string]$file.path).EndsWith('.xml', [StringComparison]::OrdinalIgnoreCase)) { continue }
        if ([int64]$file.size -gt $limit) {
            [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = 'larger than ' + [string]$limit + ' bytes; not read' })
            continue
        }
        $stream = $null
        try {
            # never more than the limit in memory, even if the file grows while it is read
            $stream = [IO.File]::Open([string]$file.full, [IO.FileMode]::Open, [IO.FileAccess]::Read, [IO.FileShare]::Read)
            $reader = New-Object -TypeName System.IO.StreamReader -ArgumentList $stream, $true
            $chars = New-Object -TypeName 'char[]' -ArgumentList ($limit + 1)
            $count = $reader.ReadBlock($chars, 0, $chars.Length)
            if ($count -gt $limit) {
                [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = 'larger than ' + [string]$limit + ' bytes; not read' })
            } else {
                [void]$xmlTexts.Add([pscustomobject]@{ path = $file.path; text = [string]::new($chars, 0, $count) })
            }
        } catch {
            [void]$xmlErrors.Add([pscustomobject]@{ path = $file.path; error = [string]$_.Exception.Message })
        } finally {
            if ($null -ne $stream) { $stream.Dispose() }
        }
    }
}
$result = [ordered]@{ path = $folder; exists = [bool]$exists; files = @($files); xml_texts = @($xmlTexts); xml_errors = @($xmlErrors); refused = @($refused) }

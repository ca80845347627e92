# read_text_file.ps1: one small file's bytes (base64), never following a link.
# Runs inside hvseed's frame (common/frame.ps1): $in is the operation's data document
# (one JSON document, the only input); the body leaves its answer in $result.

$path = [string]$in.Path
$limit = [int64]$in.MaxBytes
$exists = Test-Path -LiteralPath $path -PathType Leaf
$content = $null
$size = [int64]0
$link = $false
if ($exists) {
    $item = Get-Item -LiteralPath $path -Force
    $size = [int64]$item.Length
    # a reparse point (symbolic link) is never followed: named, not read
    $link = (([int]$item.Attributes -band 1024) -ne 0)
    if (-not $link -and $size -le $limit) {
        $bytes = [IO.File]::ReadAllBytes($path)
        if ($bytes.Length -le $limit) { $content = [Convert]::ToBase64String($bytes) } else { $size = [int64]$bytes.Length }
    }
}
$result = [ordered]@{ path = $path; exists = [bool]$exists; size = $size; content = $content; link = [bool]$link }

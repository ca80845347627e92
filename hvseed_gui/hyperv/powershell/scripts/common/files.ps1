# common/files.ps1: shared helpers for folders and paths.
# Each region is one helper; a script carries only the helpers it uses (and what they call).

#region Get-HvseedTree

function Get-HvseedTree {
    # Every plain file below a folder, one level at a time: in Windows PowerShell 5.1 the
    # recursion of Get-ChildItem follows junctions and directory links out of the folder. A reparse
    # point (symbolic link, junction, mount point or other) is never entered or read; it is
    # named in 'refused' (LinkType says which kind, when PowerShell knows). UNCONFIRMED whether
    # deduplicated or cloud files (reparse points too) ever reach an export drive: refused alike.
    param($Root, $MaxEntries = 200000, $MaxDepth = 32)
    $rootPath = ([string](Get-Item -LiteralPath $Root -Force).FullName).TrimEnd('\')
    $files = New-Object -TypeName System.Collections.ArrayList
    $refused = New-Object -TypeName System.Collections.ArrayList
    $pending = New-Object -TypeName System.Collections.Stack
    $pending.Push(@($rootPath, 0))
    $seen = 0
    while ($pending.Count -gt 0) {
        $next = $pending.Pop()
        $depth = [int]$next[1]
        foreach ($item in @(Get-ChildItem -LiteralPath ([string]$next[0]) -Force)) {
            $seen = $seen + 1
            if ($seen -gt [int]$MaxEntries) { throw ('The folder ' + $rootPath + ' holds more than ' + [string]$MaxEntries + ' entries; it is not an export folder.') }
            $relative = ([string]$item.FullName).Substring($rootPath.Length).TrimStart('\').Replace('\', '/')
            if (([int]$item.Attributes -band 1024) -ne 0) {
                [void]$refused.Add([pscustomobject]@{ path = $relative; kind = 'link'; link_type = [string]$item.LinkType })
            } elseif ($item.PSIsContainer) {
                if ($depth + 1 -ge [int]$MaxDepth) {
                    [void]$refused.Add([pscustomobject]@{ path = $relative; kind = 'too_deep'; link_type = '' })
                } else {
                    $pending.Push(@([string]$item.FullName, ($depth + 1)))
                }
            } else {
                [void]$files.Add([pscustomobject]@{ path = $relative; size = [int64]$item.Length; full = [string]$item.FullName })
            }
        }
    }
    return [pscustomobject]@{ root = $rootPath; files = @($files); refused = @($refused) }
}
#endregion

#region Measure-HvseedFolder

function Measure-HvseedFolder {
    # Bytes and number of the plain files below a folder (reparse points not followed), or
    # $null when it does not exist.
    # UNCONFIRMED whether Hyper-V writes VHDX files sparse or preallocated: the sum is what
    # the file system reports as file lengths.
    param($Folder)
    if (-not $Folder) { return $null }
    if (-not (Test-Path -LiteralPath $Folder -PathType Container)) { return $null }
    $total = [int64]0
    $count = 0
    foreach ($file in @((Get-HvseedTree -Root $Folder).files)) {
        $total = $total + [int64]$file.size
        $count = $count + 1
    }
    return [pscustomobject]@{ bytes = $total; count = $count }
}
#endregion

#region Get-HvseedFolderBytes

function Get-HvseedFolderBytes {
    # Bytes already in a folder (all files below it), or $null when it does not exist.
    param($Folder)
    $measured = Measure-HvseedFolder -Folder $Folder
    if ($null -eq $measured) { return $null }
    return [int64]$measured.bytes
}
#endregion

#region Test-HvseedAbsolutePath

function Test-HvseedAbsolutePath {
    # Hyper-V resolves paths on the host; a relative path would land somewhere unexpected.
    param($Path, $What)
    # IsPathRooted would also accept 'E:Seed' (relative to E:'s current folder) and '\Seed'
    # (relative to the current drive): only X:\... and \\server\share\... are full paths.
    $rooted = ([string]$Path) -match '^([A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)'
    if (-not $rooted) {
        Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'hvseed' -Id 'RelativePath' -Message ('The ' + $What + ' must be a full path such as E:\Seed, not ' + [string]$Path + '.')
    }
}
#endregion

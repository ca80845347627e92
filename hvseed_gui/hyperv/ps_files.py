# ruff: noqa: E501 -- long lines here are embedded PowerShell, kept one statement per line.
"""Small new text files on a host (the manifest and the handover report beside an export folder).

``write_new_text_files`` creates files that must never replace anything. The script:

* checks every name first (plain file names only) and refuses the whole call when ANY target
  exists, so nothing is written at all;
* writes each text to its own temporary file in the same folder (``[IO.File]::Open`` with
  ``FileMode.CreateNew``: never an existing file), flushed to the drive;
* then renames each temporary file to its name with ``[IO.File]::Move``, which on .NET
  Framework never replaces an existing file (it fails instead; MoveFile without
  MOVEFILE_REPLACE_EXISTING). A rename on one volume is atomic, so a reader (or a drive pulled
  out mid-write) sees a whole file or none, never half a manifest that would then block the
  next attempt ("never overwrite"). The renames run in the order given (the manifest's
  ``.sha256`` first, its JSON last = done), and when one fails the files this call created are
  removed again, nothing else.

Inputs travel in the blob like every other script: the folder, the names and the texts (as
base64 of their UTF-8 bytes, so the bytes written are exactly the bytes meant).
"""

from __future__ import annotations

import base64
import hashlib

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.errors import CmdletError, HyperVError, MediaError

#: Characters Windows refuses in a file name (and the path separators).
_INVALID = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
MAX_NAME = 255
MAX_REPLACE_BYTES = 16 * 1024 * 1024  # an incomplete manifest is never larger than a manifest

DRIVE_GONE_HINT = "Plug the drive in again on that host (same drive letter), then try again."
EXISTS_HINT = (
    "hvseed never overwrites a file, and nothing was written. Move the existing file off the "
    "drive if it belongs to an earlier export, then try again."
)

_WRITE_BODY = r"""
    $dir = [string]$in.Directory
    Test-HvseedAbsolutePath -Path $dir -What 'folder for the new files'
    $driveRoot = [IO.Path]::GetPathRoot($dir)
    if (-not $driveRoot -or -not [IO.Directory]::Exists($driveRoot)) {
        Stop-Hvseed -Category 'DeviceError' -Cmdlet 'hvseed' -Id 'DriveNotFound' -Message ('The drive ' + [string]$driveRoot + ' is not attached to ' + $env:COMPUTERNAME + '; nothing was written.')
    }
    if (-not [IO.Directory]::Exists($dir)) {
        Stop-Hvseed -Category 'ObjectNotFound' -Cmdlet 'hvseed' -Id 'FolderNotFound' -Message ('The folder ' + $dir + ' does not exist on ' + $env:COMPUTERNAME + '; nothing was written.')
    }
    $invalid = [IO.Path]::GetInvalidFileNameChars()
    $plan = New-Object -TypeName System.Collections.ArrayList
    $existing = New-Object -TypeName System.Collections.ArrayList
    foreach ($file in @($in.Files)) {
        $name = [string]$file.Name
        if (-not $name -or $name -eq '.' -or $name -eq '..' -or $name.IndexOfAny($invalid) -ge 0) {
            Stop-Hvseed -Category 'InvalidArgument' -Cmdlet 'hvseed' -Id 'BadFileName' -Message ('Not a plain file name: ' + $name + '; nothing was written.')
        }
        $target = [IO.Path]::Combine($dir, $name)
        $replace = $false
        if ([IO.File]::Exists($target) -and [string]$file.Replace) {
            # An incomplete file the caller read may be replaced, only while it holds that text
            # (SHA-256 of its bytes without a UTF-8 byte order mark) and is no reparse point.
            $info = New-Object -TypeName System.IO.FileInfo -ArgumentList $target
            if ((([int]$info.Attributes -band 1024) -eq 0) -and $info.Length -le [int64]$in.MaxReplaceBytes) {
                $old = [IO.File]::ReadAllBytes($target)
                $skip = 0
                if ($old.Length -ge 3 -and $old[0] -eq 0xEF -and $old[1] -eq 0xBB -and $old[2] -eq 0xBF) { $skip = 3 }
                $sha = [Security.Cryptography.SHA256]::Create()
                try { $digest = ([BitConverter]::ToString($sha.ComputeHash($old, $skip, $old.Length - $skip))).Replace('-', '').ToLowerInvariant() } finally { $sha.Dispose() }
                $replace = ($digest -eq [string]$file.Replace)
            }
        }
        if (-not $replace -and ([IO.File]::Exists($target) -or [IO.Directory]::Exists($target))) { [void]$existing.Add($name) }
        [void]$plan.Add([pscustomobject]@{ target = $target; bytes = [Convert]::FromBase64String([string]$file.Content); temp = ''; replace = $replace })
    }
    if ($existing.Count -gt 0) {
        Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'hvseed' -Id 'FileExists' -Message ('Already in ' + $dir + ' on ' + $env:COMPUTERNAME + ': ' + ($existing -join ', ') + '.')
    }
    $moved = New-Object -TypeName System.Collections.ArrayList
    try {
        foreach ($item in $plan) {
            # A fresh temporary name: CreateNew never opens an existing file.
            $item.temp = [IO.Path]::Combine($dir, '.hvseed-' + [guid]::NewGuid().ToString('N') + '.tmp')
            $stream = [IO.File]::Open($item.temp, [IO.FileMode]::CreateNew, [IO.FileAccess]::Write, [IO.FileShare]::None)
            try {
                $stream.Write($item.bytes, 0, $item.bytes.Length)
                $stream.Flush($true)
            } finally {
                $stream.Dispose()
            }
        }
        foreach ($item in $plan) {
            if ($item.replace) {
                # only the incomplete file checked above: swapped in one step, no half state
                [void][IO.File]::Replace($item.temp, $item.target, [NullString]::Value)
            } else {
                # File.Move fails when the target exists (.NET Framework never replaces here).
                [IO.File]::Move($item.temp, $item.target)
            }
            [void]$moved.Add($item.target)
        }
    } catch {
        $failure = $_
        foreach ($item in $plan) {
            if ($item.temp) { try { if ([IO.File]::Exists($item.temp)) { [IO.File]::Delete($item.temp) } } catch { $null = $_ } }
        }
        foreach ($path in $moved) { try { [IO.File]::Delete($path) } catch { $null = $_ } }
        $appeared = New-Object -TypeName System.Collections.ArrayList
        foreach ($item in $plan) {
            if (-not ($moved -contains $item.target) -and [IO.File]::Exists($item.target)) { [void]$appeared.Add([IO.Path]::GetFileName($item.target)) }
        }
        if ($appeared.Count -gt 0) {
            Stop-Hvseed -Category 'ResourceExists' -Cmdlet 'hvseed' -Id 'FileExists' -Message ('Already in ' + $dir + ' on ' + $env:COMPUTERNAME + ': ' + ($appeared -join ', ') + '.')
        }
        throw $failure
    }
    $result = [ordered]@{ directory = $dir; files = @($moved) }
"""


def file_name_problem(name: str) -> str:
    """Why ``name`` is not a plain Windows file name (in words); "" when it is one."""
    if not name or name in (".", ".."):
        return "an empty name"
    bad = sorted({c for c in name if c in _INVALID})
    if bad:
        return "the character(s) " + " ".join(repr(c) for c in bad)
    if name[-1] in " .":
        return "a trailing space or dot"
    if len(name) > MAX_NAME:
        return f"more than {MAX_NAME} characters"
    return ""


def text_digest(text: str) -> str:
    """SHA-256 (hex) of ``text`` as UTF-8: how a file's content (read without its byte order
    mark) is named when it may be replaced."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_new_files(files: dict[str, str]) -> None:
    """ValueError (a sentence) unless ``files`` maps distinct plain file names to text."""
    if not files:
        raise ValueError("No file to write was given.")
    seen: set[str] = set()
    for name, text in files.items():
        problem = file_name_problem(name)
        if problem:
            raise ValueError(f"'{name}' is not a plain file name ({problem}); nothing was written.")
        if not isinstance(text, str):
            raise ValueError(f"The content of {name} is not text; nothing was written.")
        if name.casefold() in seen:
            raise ValueError(f"{name} is named twice; nothing was written.")
        seen.add(name.casefold())


def render_write_new_text_files(
    directory: str, files: dict[str, str], replacing: dict[str, str] | None = None
) -> ps.Script:
    """Create ``files`` (name -> text) in ``directory``, all or none, never replacing a file
    but those named in ``replacing`` (name -> ``text_digest``), and only while they hold it."""
    check_new_files(files)
    replacing = replacing or {}
    data = {
        "Directory": directory,
        "Files": [
            {
                "Name": name,
                "Content": base64.b64encode(text.encode("utf-8")).decode("ascii"),
                "Replace": str(replacing.get(name, "")).lower(),
            }
            for name, text in files.items()
        ],
        "MaxReplaceBytes": MAX_REPLACE_BYTES,
    }
    return ps._render(
        "write_new_text_files",
        _WRITE_BODY,
        data,
        helpers=("Test-HvseedAbsolutePath",),
        needs_hyperv=False,
    )


def refine_error(exc: HyperVError) -> HyperVError:
    """The write's own refusals as the seam promises them: a drive that is not attached is a
    ``MediaError``, an existing file a ``CmdletError`` (category ResourceExists) saying that
    nothing was written; everything else as it came."""
    if not isinstance(exc, CmdletError):
        return exc
    if "Hvseed.DriveNotFound" in exc.detail:
        return MediaError(
            exc.message,
            DRIVE_GONE_HINT,
            cmdlet=exc.cmdlet,
            category=exc.category,
            detail=exc.detail,
        )
    if exc.category == "ResourceExists" and type(exc) is CmdletError:
        return CmdletError(
            exc.message,
            EXISTS_HINT,
            cmdlet=exc.cmdlet,
            category=exc.category,
            detail=exc.detail,
        )
    return exc

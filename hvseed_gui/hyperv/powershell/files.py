"""Files and folders on a host: export folders and their listings, one small text file, and new
text files beside an export folder.


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
from typing import Any

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.export_xml import MAX_XML_BYTES
from hvseed_gui.core.untrusted import LINK, MAX_DEPTH, MAX_ENTRIES, refused_error
from hvseed_gui.hyperv.host import ExportFolderSummary
from hvseed_gui.hyperv.host_errors import CmdletError, HyperVError, MediaError
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import (
    as_bool,
    as_int,
    as_list,
    as_opt_int,
    as_text,
    field_of,
    vm_id_text,
)
from hvseed_gui.hyperv.powershell.script import Script


def render_export_folders(path: str) -> Script:
    """``<VMName>_<VMId>`` folders: ``path`` itself, or below it and one level deeper (a drive's
    root finds ``E:\\HyperV-Seed\\SQL01_<id>`` too), with sizes."""
    body = ps1("export_folders")
    return render(
        "export_folders",
        body,
        {"Path": path},
        helpers=("Measure-HvseedFolder",),
        needs_hyperv=False,
    )


def parse_export_folders(data: Any) -> list[ExportFolderSummary]:
    return [
        ExportFolderSummary(
            path=as_text(item.get("path")),
            vm_name=as_text(item.get("vm_name")),
            vm_id=vm_id_text(item.get("vm_id")),
            total_bytes=as_int(item.get("total_bytes")),
            file_count=as_int(item.get("file_count")),
        )
        for item in as_list(field_of(data, "folders"))
        if isinstance(item, dict)
    ]


def render_read_export_folder(folder: str, max_xml_bytes: int = MAX_XML_BYTES) -> Script:
    """Every plain file below ``folder`` with its size, the text of XML files up to a limit, and
    every reparse point (link, junction) by name in ``refused``: never followed or read."""
    body = ps1("read_export_folder")
    data = {
        "Folder": folder,
        "MaxXmlBytes": int(max_xml_bytes),
        "MaxEntries": MAX_ENTRIES,
        "MaxDepth": MAX_DEPTH,
    }
    return render("read_export_folder", body, data, helpers=("Get-HvseedTree",), needs_hyperv=False)


def refused_entries(items: Any) -> dict[str, str]:
    """``{relative path: why}`` of the reparse points (and too deep folders) a script skipped."""
    refused: dict[str, str] = {}
    for item in as_list(items):
        if not isinstance(item, dict):
            continue
        kind, link_type = as_text(item.get("kind")), as_text(item.get("link_type"))
        if kind == "too_deep":
            refused[as_text(item.get("path"))] = f"nested more than {MAX_DEPTH} folders deep"
        else:  # "link", or anything this version does not know: never read either way
            what = f" ({link_type})" if link_type else ""
            refused[as_text(item.get("path"))] = LINK.replace("; it", f"{what}; it", 1)
    return refused


def parse_folder_listing(data: Any, folder: str) -> FolderListing:
    """The listing; ``UnsafeFolder`` naming every link or junction the host found (and did
    not follow) in the folder."""
    data = data if isinstance(data, dict) else {}
    refused = refused_entries(data.get("refused"))
    if refused:
        raise refused_error(as_text(data.get("path")) or folder, refused)
    return FolderListing(
        path=as_text(data.get("path")) or folder,
        exists=as_bool(data.get("exists")),
        files=tuple(
            FileEntry(path=as_text(f.get("path")), size=as_int(f.get("size")))
            for f in as_list(data.get("files"))
            if isinstance(f, dict)
        ),
        xml_texts={
            as_text(x.get("path")): as_text(x.get("text"))
            for x in as_list(data.get("xml_texts"))
            if isinstance(x, dict)
        },
        xml_errors={
            as_text(x.get("path")): as_text(x.get("error"))
            for x in as_list(data.get("xml_errors"))
            if isinstance(x, dict)
        },
    )


def render_read_text_file(path: str, max_bytes: int) -> Script:
    data = {"Path": path, "MaxBytes": int(max_bytes)}
    return render("read_text_file", ps1("read_text_file"), data, needs_hyperv=False)


def decode_text(data: Any, path: str, max_bytes: int) -> str | None:
    """The text of ``read_text_file``'s result: None when missing; ValueError when too large or
    not UTF-8 (the caller words it)."""
    facts = data if isinstance(data, dict) else {}
    exists = facts.get("exists")
    if exists is False or str(exists).lower() == "false":
        return None
    link = facts.get("link")
    if link is True or str(link).lower() == "true":
        raise ValueError(f"{path} is {LINK.split(';')[0]}; it was not followed")
    size = as_opt_int(facts.get("size")) or 0
    content = facts.get("content")
    if size > max_bytes or content is None:
        raise ValueError(f"{path} is larger than {max_bytes:,} bytes; it was not read")
    raw = base64.b64decode(str(content))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not UTF-8 text") from None


#: Characters Windows refuses in a file name (and the path separators).
_INVALID = set('<>:"/\\|?*') | {chr(c) for c in range(32)}

MAX_NAME = 255

MAX_REPLACE_BYTES = 16 * 1024 * 1024  # an incomplete manifest is never larger than a manifest

DRIVE_GONE_HINT = "Plug the drive in again on that host (same drive letter), then try again."

EXISTS_HINT = (
    "hvseed never overwrites a file, and nothing was written. Move the existing file off the "
    "drive if it belongs to an earlier export, then try again."
)


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
) -> Script:
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
    return render(
        "write_new_text_files",
        ps1("write_new_text_files"),
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
        kind, hint = MediaError, DRIVE_GONE_HINT
    elif exc.category == "ResourceExists" and type(exc) is CmdletError:
        kind, hint = CmdletError, EXISTS_HINT
    else:
        return exc
    return kind(exc.message, hint, cmdlet=exc.cmdlet, category=exc.category, detail=exc.detail)


def render_remove_staged(folder: str, paths: list[str]) -> Script:
    """Remove exactly ``paths`` (relative, ``/``) below ``folder``, which must lie in hvseed's
    staging folder; links are never followed nor removed; then the folders left empty."""
    from hvseed_gui.core.staging_choice import STAGING_FOLDER

    data = {"Folder": folder, "Paths": list(paths), "StagingName": STAGING_FOLDER}
    return render(
        "remove_staged",
        ps1("remove_staged"),
        data,
        helpers=("Test-HvseedAbsolutePath",),
        needs_hyperv=False,
    )

"""New text files on a lab drive (``write_new_text_files``): real files, never replacing one.

The same refusals as the PowerShell script, in the same order: a drive that is not attached
(``MediaError``), a missing folder (``NotFound``), a name that is not a plain file name, any
target that exists (``CmdletError``, category ResourceExists: nothing written), a full drive.
Names are matched case-insensitively, as NTFS does.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from hvseed_gui.core.untrusted import read_capped
from hvseed_gui.core.whole_files import write_whole
from hvseed_gui.hyperv.host_errors import CmdletError, MediaError, NotFound
from hvseed_gui.hyperv.powershell.files import (
    DRIVE_GONE_HINT,
    EXISTS_HINT,
    MAX_REPLACE_BYTES,
    check_new_files,
)

from . import drives
from .world import World


def _drive_gone(directory: str, fqdn: str) -> MediaError:
    return MediaError(
        f"The drive holding {directory} is not attached to {fqdn}; nothing was written. "
        f"{drives.ERR_DEVICE_GONE}",
        DRIVE_GONE_HINT,
        cmdlet="hvseed",
        category="DeviceError",
    )


def _replaceable(path: Path, digest: str) -> bytes | None:
    """The bytes of ``path`` when it may be replaced: a plain file still holding the text the
    caller read (``text_digest``, without a UTF-8 byte order mark); else None."""
    if not digest:
        return None
    try:
        raw = read_capped(path.parent, path.name, MAX_REPLACE_BYTES)
    except OSError:
        return None
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    return raw if hashlib.sha256(body).hexdigest() == digest.lower() else None


def write_new(
    w: World,
    fqdn: str,
    directory: str,
    files: dict[str, str],
    replacing: dict[str, str] | None = None,
) -> None:
    split = drives.split_windows(directory)
    if split is not None and w.drive_at(fqdn, split[0]) is None:
        raise _drive_gone(directory, fqdn)
    try:
        loc = w.locate(fqdn, directory)
    except NotFound as exc:
        if "not attached" in exc.message:
            raise _drive_gone(directory, fqdn) from None
        raise
    root = drives.real_path(w.lab_dir, loc)
    if not root.is_dir():
        raise NotFound(
            f"The folder {loc.windows} does not exist on {fqdn}; nothing was written.",
            "Check that it still exists there, refresh, and try again.",
            cmdlet="hvseed",
            category="ObjectNotFound",
        )
    try:
        check_new_files(files)
    except ValueError as exc:
        raise CmdletError(str(exc), "", cmdlet="hvseed", category="InvalidArgument") from None
    targets = {name: drives.real_path_below(root, name) for name in files}
    replaced = {
        name: _replaceable(path, (replacing or {}).get(name, "")) for name, path in targets.items()
    }
    existing = [
        name for name, path in targets.items() if os.path.lexists(path) and replaced[name] is None
    ]
    if existing:
        raise CmdletError(
            f"Already in {loc.windows} on {fqdn}: {', '.join(existing)}.",
            EXISTS_HINT,
            cmdlet="hvseed",
            category="ResourceExists",
        )
    payloads = {name: text.encode("utf-8") for name, text in files.items()}
    if sum(len(p) for p in payloads.values()) > w.free(loc.drive_id):
        raise MediaError(
            f"Cannot write beside the export on {loc.letter}: {drives.ERR_DISK_FULL}",
            "Make a little room on the drive, then try again.",
            cmdlet="hvseed",
            category="WriteError",
        )
    created: list[Path] = []
    writing: Path | None = None
    try:
        for name, payload in payloads.items():
            # whole or not at all: a temporary name, then a rename that never replaces a file
            # (but the incomplete one checked above)
            writing = targets[name]
            write_whole(writing, payload, replacing=replaced[name])
            created.append(writing)
    except BaseException as exc:
        for path in created:
            with contextlib.suppress(OSError):
                path.unlink()
        if isinstance(exc, OSError) and not exc.filename and writing is not None:
            exc.filename = str(writing)  # a failed write names no file by itself
        raise

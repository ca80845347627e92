"""Files written whole or not at all: a temporary name in the same folder, then a rename.

``write_whole`` never replaces a file unless the caller names the exact bytes it may replace
(an incomplete file it has judged), so a complete file written by someone else is never lost,
and a reader never sees half a file under the final name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from hvseed_gui.core.untrusted import read_capped

_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# link() is not offered by every file system (FAT32 and exFAT on Linux say EPERM)
_NO_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def temporary_name(path: Path) -> Path:
    """A hidden, unique name beside ``path`` (same folder, so the rename stays on one volume)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def write_whole(path: Path, data: bytes, *, replacing: bytes | None = None) -> None:
    """Write ``data`` to ``path`` under a temporary name, flush it to the disk, rename it in.

    ``replacing=None``: ``path`` must not exist (``FileExistsError`` otherwise, nothing
    changed). With ``replacing``, ``path`` must hold exactly those bytes (the incomplete file
    the caller judged) and is replaced; if it changed meanwhile, ``FileExistsError``.
    """
    path = Path(path)
    tmp = temporary_name(path)
    fd = os.open(tmp, _CREATE, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replacing is None:
            _rename_new(tmp, path)
        else:
            try:
                current = read_capped(path.parent, path.name, len(replacing))
            except OSError:
                current = None  # gone, grown or turned into something else: not ours to replace
            if current != replacing:
                raise FileExistsError(
                    errno.EEXIST, "it changed since it was found incomplete", str(path)
                )
            os.replace(tmp, path)
        _sync_folder(path.parent)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _rename_new(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` only if ``path`` does not exist (never replacing)."""
    if os.name == "nt":  # pragma: no cover - Windows: rename refuses an existing target
        os.rename(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic and refuses an existing target
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
        # No hard links here: check, then rename. A file created in between would be replaced;
        # only hvseed writes these names, one run at a time.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "the file exists", str(path)) from None
        os.rename(tmp, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the OS allows it (POSIX); best effort."""
    if os.name == "nt":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

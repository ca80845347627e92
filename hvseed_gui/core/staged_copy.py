"""Copy an export folder to another disk, hashing every byte as it is copied.

The USB drive is the slow part of a seeding: a copy that hashes what it reads (or writes)
crosses the drive's bus once instead of twice. The source is read as untrusted (no link is
followed, no pipe or device opened); each file appears under its final name whole or not at
all (a temporary name in the same folder, then a rename that never replaces a file); an
interrupted copy goes on where it stopped: a file already whole in the target is hashed there
(on the target's disk) instead of being read from the source again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.hashing import CHUNK, CancelFlag, hash_file, hashing_cancelled
from hvseed_gui.core.untrusted import open_below, refused_error, walk
from hvseed_gui.core.whole_files import temporary_name

Progress = Callable[[int, int], None]


@dataclass
class CopyResult:
    """What a copy did: the SHA-256 of every file (of the bytes read from the source, or of
    the whole file found in the target), and how many bytes came from the source this time."""

    files: tuple[FileEntry, ...] = ()
    hashes: dict[str, str] = field(default_factory=dict)
    source_bytes: int = 0  # read from the source (and written to the target) by this copy
    resumed: list[str] = field(default_factory=list)  # already whole in the target


def copy_folder_hashing(
    source: Path,
    target: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> CopyResult:
    """Copy every plain file below ``source`` to the same place below ``target``.

    Raises ``UnsafeFolder`` (before anything is copied) when the source holds a link, pipe,
    device or socket, ``Cancelled`` within one chunk of ``cancel`` (files already copied stay:
    the next copy resumes), ``FileExistsError`` when the target holds a file of another size
    under a name being copied (never replaced), ``OSError`` for read or write errors."""
    listed = walk(source)
    if listed.refused:
        raise refused_error(str(source), listed.refused)
    return copy_files_hashing(source, target, listed.files, progress=progress, cancel=cancel)


def copy_files_hashing(
    source: Path,
    target: Path,
    files: tuple[FileEntry, ...],
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
) -> CopyResult:
    """Copy ``files`` (listed below ``source`` by ``walk``: plain files only) to the same
    places below ``target``, hashing as they are copied; a file already whole in the target is
    hashed there (an interrupted copy resumes). Raises as ``copy_folder_hashing``."""
    total = sum(f.size for f in files)
    result = CopyResult(files=tuple(files))
    done = 0

    def moved(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    target.mkdir(parents=True, exist_ok=True)
    for entry in files:
        dst = target.joinpath(*entry.path.split("/"))
        if dst.is_file() and not dst.is_symlink() and dst.stat().st_size == entry.size:
            # whole under its final name (written by an earlier copy): hash it where it is
            result.hashes[entry.path] = hash_file(dst, cancel=cancel, on_bytes=moved)
            result.resumed.append(entry.path)
            continue
        if os.path.lexists(dst):
            raise FileExistsError(f"{dst} is already there with another size; it is not replaced")
        dst.parent.mkdir(parents=True, exist_ok=True)
        result.hashes[entry.path] = _copy_one(source, entry.path, dst, cancel, moved)
        result.source_bytes += entry.size
    if progress is not None:
        progress(done, total)
    return result


def _copy_one(
    source: Path, rel: str, dst: Path, cancel: CancelFlag | None, moved: Callable[[int], None]
) -> str:
    digest = hashlib.sha256()
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    tmp = temporary_name(dst)
    try:
        with (
            open(open_below(source, rel), "rb", buffering=0) as src,
            open(tmp, "xb", buffering=0) as out,
        ):
            while True:
                if cancel is not None and cancel.is_set():
                    raise hashing_cancelled()
                n = src.readinto(buf)
                if not n:
                    break
                digest.update(view[:n])
                out.write(view[:n])
                moved(n)
            out.flush()
            os.fsync(out.fileno())
        if os.name == "nt":  # pragma: no cover - Windows' rename refuses an existing target
            os.rename(tmp, dst)
        else:
            _link_in(tmp, dst)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return digest.hexdigest()


def _link_in(tmp: Path, dst: Path) -> None:
    """Put ``tmp`` under ``dst`` without ever replacing a file there."""
    try:
        os.link(tmp, dst)
    except OSError:
        if os.path.lexists(dst):
            raise
        os.rename(tmp, dst)


def remove_copied(target: Path, files: tuple[FileEntry, ...]) -> None:
    """Remove exactly the files a copy put below ``target``, then the folders it left empty;
    anything else found there stays."""
    for entry in files:
        with contextlib.suppress(FileNotFoundError):
            path = target.joinpath(*entry.path.split("/"))
            if path.is_file() and not path.is_symlink():
                path.unlink()
    folders = sorted(
        {target.joinpath(*e.path.split("/")[:-1]) for e in files} | {target},
        key=lambda p: len(p.parts),
        reverse=True,
    )
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty

"""Reading a folder we do not trust (a drive from elsewhere): plain files and folders only.

Everything here refuses, by name, what an export from Hyper-V never holds: a symbolic link, a
junction or any other reparse point (never followed, so nothing outside the folder is read), a
named pipe (FIFO), a device or a socket (never opened: a FIFO blocks a reader forever, a link
to ``/dev/zero`` never ends). Listing is capped in entries and depth, reads in bytes, so every
call ends in bounded time and memory.

Opening walks the path one component at a time below the folder (``O_NOFOLLOW`` with a
directory handle where the OS has them, else ``lstat`` of each component and a check that the
opened file is the one looked at), then checks with ``fstat`` that it is a regular file. The
folder's own path is the caller's (typed by the admin, or the lab's) and is taken as given.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.errors import HvseedError

MAX_ENTRIES = 200_000  # an export holds a handful of files; this is far beyond any real one
MAX_DEPTH = 32  # Hyper-V writes two or three levels

_REPARSE = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)
_BIDI_AND_CONTROL = {
    *range(0x00, 0x20),
    0x7F,
    *range(0x80, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
}

LINK = "a link (symbolic link, junction or other reparse point); it was not followed"
FIFO = "a named pipe (FIFO), not a file; it was not opened"
DEVICE = "a device, not a file; it was not opened"
SOCKET = "a socket, not a file; it was not opened"
OTHER = "not a plain file; it was not opened"
A_FOLDER = "a folder, not a file"


class RefusedEntry(OSError):
    """An entry that is not a plain file or folder (or is too large); ``strerror`` says why."""

    def __init__(self, path: str | os.PathLike[str], reason: str, code: int = errno.EPERM):
        super().__init__(code, reason, str(path))


class UnsafeFolder(HvseedError):
    """A folder holds entries hvseed does not read (links, pipes, devices); names them all."""


def shown(name: str) -> str:
    """``name`` with control and bidirectional characters made visible (``\\u202e``)."""
    return "".join(f"\\u{ord(c):04x}" if ord(c) in _BIDI_AND_CONTROL else c for c in name)


def refusal_reason(st: os.stat_result) -> str | None:
    """Why an entry with this ``lstat`` result is not read; None for a folder or plain file."""
    mode = st.st_mode
    # UNCONFIRMED whether files of a deduplicated NTFS volume (reparse tag DEDUP) ever reach an
    # export drive; they carry a reparse point and are refused like a link.
    if stat.S_ISLNK(mode) or getattr(st, "st_file_attributes", 0) & _REPARSE:
        return LINK
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return FIFO
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DEVICE
    if stat.S_ISSOCK(mode):
        return SOCKET
    return OTHER


@dataclass(frozen=True)
class Walk:
    """The plain files below a folder (sorted) and what was refused (relative path -> why)."""

    files: tuple[FileEntry, ...]
    refused: dict[str, str] = field(default_factory=dict)


def walk(root: str | os.PathLike[str], *, max_entries: int = MAX_ENTRIES) -> Walk:
    """Every plain file below ``root`` with its size; links, pipes, devices and sockets are
    refused by name, never followed or opened. ``OSError`` when ``root`` itself cannot be read
    or is not a plain folder (``RefusedEntry``), or holds more than ``max_entries`` entries."""
    root = Path(root)
    reason = refusal_reason(os.lstat(root))
    if reason is not None:
        raise RefusedEntry(root, reason)
    if not stat.S_ISDIR(os.lstat(root).st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(root))
    files: list[FileEntry] = []
    refused: dict[str, str] = {}
    seen = 0
    stack: list[tuple[Path, str, int]] = [(root, "", 0)]
    while stack:
        directory, prefix, depth = stack.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                seen += 1
                if seen > max_entries:
                    raise RefusedEntry(
                        root,
                        f"it holds more than {max_entries:,} entries; it is not an export folder",
                        errno.EFBIG,
                    )
                rel = prefix + entry.name
                st = entry.stat(follow_symlinks=False)
                why = refusal_reason(st)
                if why is not None:
                    refused[rel] = why
                elif stat.S_ISDIR(st.st_mode):
                    if depth + 1 >= MAX_DEPTH:
                        refused[rel] = f"nested more than {MAX_DEPTH} folders deep; not read"
                    else:
                        stack.append((Path(entry.path), rel + "/", depth + 1))
                else:
                    files.append(FileEntry(rel, st.st_size))
    files.sort(key=lambda e: e.path)
    return Walk(tuple(files), dict(sorted(refused.items())))


def _parts(rel: str) -> list[str]:
    parts = rel.replace("\\", "/").split("/")
    if not rel or any(p in ("", ".", "..") for p in parts):
        raise RefusedEntry(rel, "not a plain relative path; not read", errno.EINVAL)
    return parts


_DIR_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)
)
_FILE_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOINHERIT", 0)
)
_WITH_DIR_FD = (
    os.open in os.supports_dir_fd
    and os.stat in os.supports_dir_fd
    and hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
)


def _refuse_unless(st: os.stat_result, shown_path: str, want_dir: bool) -> None:
    why = refusal_reason(st)
    if why is None and want_dir and not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", shown_path)
    if why is None and not want_dir and not stat.S_ISREG(st.st_mode):
        why = A_FOLDER
    if why is not None:
        raise RefusedEntry(shown_path, why)


def open_below(root: str | os.PathLike[str], rel: str) -> int:
    """A read-only descriptor of the plain file ``root/rel`` (``/`` separators).

    No component is followed if it is a link; a FIFO, device or socket is never opened
    (``RefusedEntry``, an ``OSError`` naming ``root/rel``). The caller closes the descriptor.
    """
    parts = _parts(rel)
    root = Path(root)
    shown_path = str(root.joinpath(*parts))
    if _WITH_DIR_FD:
        fd = os.open(root, _DIR_FLAGS & ~os.O_NOFOLLOW)  # the caller's own path: as given
        try:
            for part in parts[:-1]:
                st = os.stat(part, dir_fd=fd, follow_symlinks=False)
                _refuse_unless(st, shown_path, want_dir=True)
                nxt = os.open(part, _DIR_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = nxt
            st = os.stat(parts[-1], dir_fd=fd, follow_symlinks=False)
            _refuse_unless(st, shown_path, want_dir=False)
            try:
                file_fd = os.open(parts[-1], _FILE_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno == errno.ELOOP:  # swapped for a link since the stat
                    raise RefusedEntry(shown_path, LINK) from None
                raise
        finally:
            os.close(fd)
    else:  # Windows: no dir_fd; lstat each component, then check the opened file is the same
        current = root
        for part in parts[:-1]:
            current = current / part
            _refuse_unless(os.lstat(current), shown_path, want_dir=True)
        path = current / parts[-1]
        st = os.lstat(path)
        _refuse_unless(st, shown_path, want_dir=False)
        file_fd = os.open(path, _FILE_FLAGS)
    try:
        opened = os.fstat(file_fd)
        _refuse_unless(opened, shown_path, want_dir=False)
        if (opened.st_dev, opened.st_ino) != (st.st_dev, st.st_ino):
            raise RefusedEntry(shown_path, "it changed while it was opened; not read")
        if _WITH_DIR_FD and hasattr(os, "set_blocking"):
            os.set_blocking(file_fd, True)  # a plain file: blocking reads as usual
    except BaseException:
        os.close(file_fd)
        raise
    return file_fd


def open_file(path: str | os.PathLike[str]) -> int:
    """``open_below`` for one file whose folder is trusted (its own name is not followed)."""
    path = Path(path)
    return open_below(path.parent, path.name)


def stat_below(root: str | os.PathLike[str], rel: str) -> os.stat_result:
    """``lstat`` of the plain file ``root/rel``; ``RefusedEntry`` for a link (in any component),
    pipe, device or socket, as ``open_below`` would refuse it."""
    parts = _parts(rel)
    root = Path(root)
    shown_path = str(root.joinpath(*parts))
    current = root
    for part in parts[:-1]:
        current = current / part
        _refuse_unless(os.lstat(current), shown_path, want_dir=True)
    st = os.lstat(current / parts[-1])
    _refuse_unless(st, shown_path, want_dir=False)
    return st


def read_capped(root: str | os.PathLike[str], rel: str, max_bytes: int) -> bytes:
    """The bytes of the plain file ``root/rel``; ``RefusedEntry`` when it is larger than
    ``max_bytes`` (checked before and while reading: nothing larger is ever held)."""
    fd = open_below(root, rel)
    shown_path = str(Path(root).joinpath(*_parts(rel)))
    too_large = f"larger than {max_bytes:,} bytes; not read"
    try:
        if os.fstat(fd).st_size > max_bytes:
            raise RefusedEntry(shown_path, too_large, errno.EFBIG)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1024 * 1024, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise RefusedEntry(shown_path, too_large, errno.EFBIG)
        return b"".join(chunks)
    finally:
        os.close(fd)


def refused_error(folder: str, refused: Mapping[str, str]) -> UnsafeFolder:
    """The error naming every refused entry of ``folder`` and what to do."""
    names = [f"{shown(rel)} ({why})" for rel, why in sorted(refused.items())]
    listed = "; ".join(names[:10]) + (f"; and {len(names) - 10} more" if len(names) > 10 else "")
    return UnsafeFolder(
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{folder} holds entries that are not a plain file or folder ({count}): {listed}.",
            ),
            folder=shown(folder),
            count=len(names),
            listed=listed,
        ),
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An export from Hyper-V holds only folders and plain files, and hvseed reads "
                "nothing else from a drive. Copy the folder again from the exported original "
                "(without links), or export the initial copy again.",
            )
        ),
    )

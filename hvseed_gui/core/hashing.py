"""SHA-256 of the files of an export folder: streaming, parallel when that pays, cancellable.

Memory stays flat whatever the file size: each worker reads into one reused buffer of ``chunk``
bytes. ``hashlib`` releases the GIL while it hashes a large buffer (and while reading), so
threads hash several files truly in parallel.

Parallel is not always faster: on a USB hard disk, two readers make the heads seek between two
files and the total rate drops. With ``workers=None`` a disk that says it seeks (a rotating
disk: ``seek_penalty_of``, sysfs ``rotational`` / Windows ``IncursSeekPenalty``) is read one file
at a time; any other starts with one file at a time and lets more run at once only when it finds
that hashing, not reading, is the bottleneck (the data come from a fast SSD or the cache).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

from hvseed_gui.core.untrusted import open_below, open_file, stat_below
from hvseed_gui.errors import Cancelled

CHUNK = 1024 * 1024  # 1 MiB: large enough that per-chunk Python overhead is < 1 %
PROGRESS_INTERVAL = 0.1  # seconds between progress calls (the last one always comes)
PROBE_BYTES = 64 * 1024 * 1024  # read this much before judging whether to go parallel

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


class CancelFlag(Protocol):
    """What cancel needs: ``threading.Event`` fits, so does anything with ``is_set()``."""

    def is_set(self) -> bool: ...


def default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def plan_workers(workers: int | None, files: int, seeks: bool | None) -> tuple[int, bool]:
    """(how many files may be read at once, whether that may grow while hashing runs).

    A number is taken as given; ``None`` reads a seeking disk one file at a time for good and
    lets any other disk prove that parallel pays (adaptive, starting at one)."""
    if workers is not None:
        return max(1, min(files, workers)), False
    if seeks:
        return 1, False
    ceiling = max(1, min(files, default_workers()))
    return ceiling, ceiling > 1


def hashing_cancelled() -> Cancelled:
    return Cancelled(
        "Hashing was cancelled.", "Nothing was changed; start the check again when you like."
    )


class _Gate:
    """Lets at most ``limit`` files be read at once; the limit can rise while hashing runs."""

    def __init__(self, limit: int, ceiling: int, adaptive: bool) -> None:
        self.limit = limit
        self.ceiling = ceiling
        self.adaptive = adaptive
        self._active = 0
        self._cond = threading.Condition()
        self._read_s = 0.0
        self._hash_s = 0.0
        self._probed = 0

    def __enter__(self) -> _Gate:
        with self._cond:
            while self._active >= self.limit:
                self._cond.wait()
            self._active += 1
        return self

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify()

    def observe(self, nbytes: int, read_s: float, hash_s: float) -> None:
        """Judge from the first ``PROBE_BYTES`` whether hashing (CPU) or reading limits us."""
        if not self.adaptive:
            return
        with self._cond:
            self._read_s += read_s
            self._hash_s += hash_s
            self._probed += nbytes
            if self._probed < PROBE_BYTES:
                return
            self.adaptive = False  # decided once
            if self._hash_s >= self._read_s:  # CPU-bound: more cores help
                self.limit = self.ceiling
                self._cond.notify_all()


class _Counter:
    """Sums bytes from every worker and calls ``progress`` at most every PROGRESS_INTERVAL."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._lock = threading.Lock()
        self._last = 0.0

    def add(self, nbytes: int) -> None:
        with self._lock:
            self.done += nbytes
            if self._progress is None:
                return
            now = time.monotonic()
            if now - self._last >= PROGRESS_INTERVAL:
                self._last = now
                self._progress(self.done, self.total)

    def finish(self) -> None:
        if self._progress is not None:
            with self._lock:
                self._progress(self.done, self.total)


def hash_file(
    path: Path,
    *,
    chunk: int = CHUNK,
    cancel: CancelFlag | None = None,
    on_bytes: Callable[[int], None] | None = None,
    _gate: _Gate | None = None,
    _fd: int | None = None,
) -> str:
    """SHA-256 (lower-case hex) of one plain file, read in ``chunk``-sized pieces into one buffer.

    Raises ``Cancelled`` within one chunk of ``cancel`` being set; ``OSError`` if unreadable,
    ``RefusedEntry`` (an ``OSError``) if ``path`` is a link, pipe, device or socket.
    """
    digest = hashlib.sha256()
    buf = bytearray(chunk)
    view = memoryview(buf)
    with open(open_file(path) if _fd is None else _fd, "rb", buffering=0) as f:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)
        while True:
            if cancel is not None and cancel.is_set():
                raise hashing_cancelled()
            t0 = time.perf_counter()
            n = f.readinto(buf)
            if not n:
                break
            t1 = time.perf_counter()
            digest.update(view[:n])
            if _gate is not None:
                _gate.observe(n, t1 - t0, time.perf_counter() - t1)
            if on_bytes is not None:
                on_bytes(n)
    return digest.hexdigest()


def hash_files(
    root: Path,
    rel_paths: Iterable[str],
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int | None = None,
    chunk: int = CHUNK,
    errors: dict[str, OSError] | None = None,
    seeks: bool | None = None,
) -> dict[str, str]:
    """SHA-256 of each ``root / rel_path`` (``/`` separators), as ``{rel_path: hex}``.

    ``progress(done, total)`` is called from worker threads (serialised, at most every 0.1 s,
    and once at the end). ``workers=None`` adapts (see module doc); a number fixes how many files
    are read at once; ``seeks`` says whether ``root``'s disk seeks (None: asked of the OS).
    Raises ``Cancelled`` promptly (within one chunk per worker) when ``cancel``
    is set. A file that cannot be read raises ``OSError`` naming it; or, when an ``errors`` dict
    is given, goes there (``{rel_path: OSError}``), is left out of the result, and the other
    files are still hashed.
    """
    paths = list(dict.fromkeys(rel_paths))
    files = {rel: root.joinpath(*rel.split("/")) for rel in paths}
    sizes: dict[str, int] = {}
    for rel in list(files):
        try:  # never through a link, never a pipe or device: the drive is not trusted
            sizes[rel] = stat_below(root, rel).st_size
        except OSError as exc:
            if errors is None:
                raise
            errors[rel] = exc
            del files[rel]
    paths = [rel for rel in paths if rel in files]
    total = sum(sizes.values())
    if not paths:
        return {}
    if workers is None and seeks is None:
        from hvseed_gui.core.volumes.os_facts import seek_penalty_of

        seeks = seek_penalty_of(str(root))
    ceiling, adaptive = plan_workers(workers, len(paths), seeks)
    gate = _Gate(1 if adaptive else ceiling, ceiling, adaptive)
    counter = _Counter(total, progress)
    # Biggest first: the long files start early, so the pool does not wait on one at the end.
    order = sorted(paths, key=sizes.__getitem__, reverse=True)
    stop = threading.Event()

    class _Either:
        def is_set(self) -> bool:
            return stop.is_set() or (cancel is not None and cancel.is_set())

    either = _Either()

    def one(rel: str) -> str:
        with gate:
            if either.is_set():
                raise hashing_cancelled()
            try:
                return hash_file(
                    files[rel],
                    chunk=chunk,
                    cancel=either,
                    on_bytes=counter.add,
                    _gate=gate,
                    _fd=open_below(root, rel),
                )
            except OSError as exc:
                if exc.filename is None:  # a read error mid-file: say which file
                    exc.filename = str(files[rel])
                if errors is None:
                    raise
                errors[rel] = exc
                return ""

    results: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=ceiling, thread_name_prefix="hvseed-hash") as pool:
        futures = {rel: pool.submit(one, rel) for rel in order}
        try:
            for rel in order:
                results[rel] = futures[rel].result()
        except BaseException:
            stop.set()  # the other workers stop within one chunk
            raise
    counter.finish()
    return {rel: results[rel] for rel in paths if results[rel]}

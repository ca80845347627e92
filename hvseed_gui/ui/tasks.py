"""Run host calls off the GUI thread: a QRunnable per call, results delivered by signals.

``TaskRunner`` is what pages use: ``runner.run(fn, on_done, on_error)`` starts ``fn`` on the
thread pool and calls exactly one of the two callbacks on the GUI thread. ``busyChanged`` drives
the page's busy indicator; ``abandon()`` cancels: the running call finishes on its own (a host
round trip cannot be interrupted), but its result is dropped and the page is usable at once.

A call that *changes* the host (``cancellable=False``) is never dropped: neither ``abandon()``
nor a newer call supersedes it, so its result always reaches the page.

Host calls run on Qt's global pool, widened so a few stuck calls cannot queue the rest; long
jobs (hashing hundreds of GB) run on their own pool (``TaskRunner(long_running=True)``).
Every task and its signal object stay alive in a module registry until their result has been
delivered, so a page closed mid-call never deletes the sender under a running worker.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

HOST_THREADS = 8  # host calls are I/O-bound: a hung WinRM call must not queue every other one

_alive: dict[int, _Task] = {}  # id -> task, until its result was delivered (GUI thread only)
_mutating = 0  # changing calls in flight, across every runner
_mutating_lock = threading.Lock()
_long_pool: QThreadPool | None = None
_keys_made = 0


class _TaskSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, serial: int, fn: Callable[[], Any], mutating: bool) -> None:
        super().__init__()
        self.serial = serial
        self.fn = fn
        self.mutating = mutating
        self.signals = _TaskSignals()  # no parent: lives exactly as long as this task

    def run(self) -> None:  # runs on a pool thread
        global _mutating
        try:
            try:
                result = self.fn()
            except BaseException as exc:  # every failure travels to the page as data
                self._emit(self.signals.failed, exc)
            else:
                self._emit(self.signals.done, result)
        finally:
            if self.mutating:
                with _mutating_lock:
                    _mutating -= 1

    def _emit(self, signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the application is gone: nobody to tell
            signal.emit(self.serial, value)


def _next_key() -> int:
    global _keys_made
    _keys_made += 1
    return _keys_made


def pool() -> QThreadPool:
    """The pool every host call runs on (Qt's global one, at least ``HOST_THREADS`` wide)."""
    shared = QThreadPool.globalInstance()
    if shared.maxThreadCount() < HOST_THREADS:
        shared.setMaxThreadCount(HOST_THREADS)
    return shared


def long_pool() -> QThreadPool:
    """The pool for long jobs (hashing, verifying): never shared with host calls."""
    global _long_pool
    if _long_pool is None:
        _long_pool = QThreadPool()
        _long_pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount() // 2))
    return _long_pool


def mutations_in_flight() -> int:
    """How many calls that change a host have not returned yet."""
    return _mutating


def shutdown(mutation_wait_ms: int = 120_000, wait_ms: int = 3_000) -> bool:
    """At exit: drop queued tasks; let changing calls return (their results are saved, so a
    later start can reattach), processing events meanwhile; then wait briefly for the rest.
    True if no worker thread still runs Python code (safe to let the interpreter finalise)."""
    pools = [pool(), long_pool()]
    for p in pools:
        p.clear()
    app = QCoreApplication.instance()
    deadline = time.monotonic() + mutation_wait_ms / 1000
    while mutations_in_flight() and time.monotonic() < deadline:
        pools[0].waitForDone(50)
        if app is not None:
            app.processEvents()
    if app is not None:
        app.processEvents()  # the last results, so their callbacks save what they must
    return all(p.waitForDone(wait_ms) for p in pools)


class TaskRunner(QObject):
    """One page's worker slot: at most one read-only call in flight (a newer one supersedes
    it); changing calls (``cancellable=False``) are never superseded nor abandoned."""

    busyChanged = Signal(bool)
    finished = Signal()  # after either callback ran (tests wait on it)

    def __init__(self, parent: QObject | None = None, *, long_running: bool = False) -> None:
        super().__init__(parent)
        self._serial = 0
        self._busy = False
        self._long = long_running
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]]
        self._callbacks = {}
        self._pinned: set[int] = set()  # serials of changing calls: never dropped
        self._keys: dict[int, int] = {}  # serial -> key in the module registry

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def changing(self) -> bool:
        """A call that changes the host is in flight."""
        return bool(self._pinned)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        *,
        cancellable: bool = True,
    ) -> None:
        global _mutating
        self._serial += 1
        serial = self._serial
        # older read-only calls are now abandoned; changing calls keep their callbacks
        self._callbacks = {s: cb for s, cb in self._callbacks.items() if s in self._pinned}
        self._callbacks[serial] = (on_done, on_error)
        mutating = not cancellable
        if mutating:
            self._pinned.add(serial)
            with _mutating_lock:
                _mutating += 1
        task = _Task(serial, fn, mutating)
        task.setAutoDelete(False)
        task.signals.done.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        key = _next_key()
        _alive[key] = task
        self._keys[serial] = key
        self._set_busy(True)
        (long_pool() if self._long else pool()).start(task)

    def abandon(self) -> None:
        """Drop the result of the read-only call in flight; the page is usable again. A
        changing call in flight keeps its callbacks (and the runner stays busy)."""
        self._callbacks = {s: cb for s, cb in self._callbacks.items() if s in self._pinned}
        self._set_busy(bool(self._callbacks))

    def _finish(self, serial: int, result: Any, ok: bool) -> None:
        _alive.pop(self._keys.pop(serial, -1), None)
        self._pinned.discard(serial)
        callbacks = self._callbacks.pop(serial, None)
        if callbacks is None:
            return
        self._set_busy(bool(self._callbacks))
        (callbacks[0] if ok else callbacks[1])(result)
        self.finished.emit()

    def _on_done(self, serial: int, result: Any) -> None:
        self._finish(serial, result, True)

    def _on_failed(self, serial: int, exc: Any) -> None:
        self._finish(serial, exc, False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)


def describe_error(exc: BaseException) -> str:
    """The sentence the admin reads for a failed call: never a traceback."""
    from hvseed_gui.errors import HvseedError
    from hvseed_gui.ui.wording import error

    if isinstance(exc, HvseedError):
        return error(exc)
    if isinstance(exc, ModuleNotFoundError):
        return QCoreApplication.translate(
            "Errors",
            "This part of hvseed is not installed on this computer (%1). Reinstall hvseed or "
            "use the simulated lab.",
        ).replace("%1", str(exc.name))
    if isinstance(exc, (OSError, ValueError)):
        return f"{exc}"
    return (
        QCoreApplication.translate("Errors", "Unexpected error: %1: %2")
        .replace("%1", type(exc).__name__)
        .replace("%2", str(exc))
    )

"""Run host calls off the GUI thread: a QRunnable per call, results delivered by signals.

``TaskRunner`` is what pages use: ``runner.run(fn, on_done, on_error)`` starts ``fn`` on the
thread pool and calls exactly one of the two callbacks on the GUI thread. ``busyChanged`` drives
the page's busy indicator; ``abandon()`` cancels: the running call finishes on its own (a host
round trip cannot be interrupted), but its result is dropped and the page is usable at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal


class _TaskSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, serial: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.serial = serial
        self.fn = fn
        self.signals = _TaskSignals()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.fn()
        except BaseException as exc:  # every failure travels to the page as data
            self.signals.failed.emit(self.serial, exc)
        else:
            self.signals.done.emit(self.serial, result)


def pool() -> QThreadPool:
    """The one pool every host call runs on."""
    return QThreadPool.globalInstance()


class TaskRunner(QObject):
    """One page's worker slot: at most one call in flight; a newer call supersedes the older."""

    busyChanged = Signal(bool)
    finished = Signal()  # after either callback ran (tests wait on it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serial = 0
        self._busy = False
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]]
        self._callbacks = {}
        self._keep: dict[int, _Task] = {}

    @property
    def busy(self) -> bool:
        return self._busy

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._serial += 1
        serial = self._serial
        self._callbacks = {serial: (on_done, on_error)}  # older calls are now abandoned
        task = _Task(serial, fn)
        task.setAutoDelete(False)
        task.signals.done.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        self._keep[serial] = task
        self._set_busy(True)
        pool().start(task)

    def abandon(self) -> None:
        """Drop the result of the call in flight; the page is usable again."""
        self._callbacks.clear()
        self._set_busy(False)

    def _finish(self, serial: int, result: Any, ok: bool) -> None:
        self._keep.pop(serial, None)
        callbacks = self._callbacks.pop(serial, None)
        if callbacks is None:
            return
        self._set_busy(False)
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
    from hvseed_gui.hyperv.errors import HyperVError

    if isinstance(exc, HyperVError):
        return str(exc)
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

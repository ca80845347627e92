"""The wizard's adapter to a flow: its events reach the GUI thread as a Qt signal.

A page builds a flow (``ExportRun``/``ImportRun``) with ``emit=bridge`` and
``cancel=bridge.cancel``, then runs one step at a time on the thread pool through its
``TaskRunner`` (``changing=True`` for the steps that change a host, so they are never dropped).
Progress events are coalesced to a few per second per step and VM, so hashing a terabyte does
not flood the event loop; every other event is delivered as it comes, in order.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal

from hvseed_gui.flows.events import CancelToken, FlowEvent, Status

PROGRESS_INTERVAL_S = 0.1  # at most ten progress updates a second per step and VM


class FlowBridge(QObject):
    """Callable event sink for a flow, safe to call from any thread."""

    event = Signal(object)  # FlowEvent, delivered on the thread this object lives in

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel = CancelToken()
        self._lock = threading.Lock()
        self._last_progress: dict[tuple[str, str], float] = {}

    def __call__(self, event: FlowEvent) -> None:
        if event.status is Status.PROGRESS and not self._due(event):
            return
        self.event.emit(event)  # queued to the GUI thread when called from a worker

    def _due(self, event: FlowEvent) -> bool:
        key = (event.phase.value, event.vm.id if event.vm else "")
        now = time.monotonic()
        finished = event.done is not None and event.total is not None and event.done >= event.total
        with self._lock:
            if not finished and now - self._last_progress.get(key, 0.0) < PROGRESS_INTERVAL_S:
                return False
            self._last_progress[key] = now
        return True

    def renew(self) -> CancelToken:
        """A fresh cancel token for the next run (a cancelled token stays cancelled)."""
        self.cancel = CancelToken()
        return self.cancel

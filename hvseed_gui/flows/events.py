"""What a flow tells its face: typed progress events, refusals, and the cancel token."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from hvseed_gui.errors import HvseedError
from hvseed_gui.hyperv.host import VmRef


class Phase(str, Enum):
    PREFLIGHT = "preflight"
    ENABLE = "enable"
    EXPORT = "export"
    HASH = "hash"  # hashing the export and writing its manifest
    HANDOVER = "handover"
    CHECK = "check"  # the import gate's rows that need no hashing
    VERIFY = "verify"  # the copy against its manifest
    IMPORT = "import"
    HEALTH = "health"
    FAILOVER = "failover"


class Status(str, Enum):
    STARTED = "started"
    PROGRESS = "progress"  # ``done``/``total`` bytes
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    NOTE = "note"  # worth telling, changes nothing


@dataclass(frozen=True)
class FlowEvent:
    """One step's news. ``message`` is a sentence for the admin (English; the GUI words the
    phase and status itself and shows ``message`` as detail)."""

    phase: Phase
    status: Status
    vm: VmRef | None = None
    message: str = ""
    done: int | None = None
    total: int | None = None
    data: Any = None  # the step's typed result (JobProgress, Integrity, ManifestOutcome, …)


Emit = Callable[[FlowEvent], None]


def ignore(_event: FlowEvent) -> None:
    """The default sink."""


class CancelToken:
    """Cancel for a flow: set from any thread; long steps wake at once (``threading.Event``)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True at once when cancelled."""
        return self._event.wait(max(0.0, seconds))


class Flow:
    """What every flow shares: where its events go, its cancel token, how often it polls."""

    def __init__(
        self, *, emit: Emit = ignore, cancel: CancelToken | None = None, poll: float = 1.0
    ) -> None:
        self.emit = emit
        self.cancel = cancel or CancelToken()
        self.poll = poll


class Refused(HvseedError):
    """A step was refused before it changed anything; ``str()`` says why and what to do."""

    def __init__(self, message: str, hint: str = "", *, code: str = "") -> None:
        super().__init__(message, hint)
        self.code = code


class Stopped(HvseedError):
    """The face stopped following a job (cancel, Ctrl+C); the job goes on in Hyper-V."""

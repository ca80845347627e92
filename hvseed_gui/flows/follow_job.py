"""Following a Hyper-V job until it ends, for any flow."""

from __future__ import annotations

import time
from collections.abc import Callable

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.flows.events import CancelToken, Emit, FlowEvent, Phase, Status, Stopped
from hvseed_gui.hyperv.host import JobProgress
from hvseed_gui.hyperv.host_errors import HyperVError

#: consecutive failed polls tolerated (a WinRM hiccup) before giving up; the job goes on
POLL_RETRIES = 3


def follow(
    poll: Callable[[], JobProgress],
    first: JobProgress,
    phase: Phase,
    emit: Emit,
    cancel: CancelToken | None,
    interval: float,
    *,
    deadline: float | None = None,
) -> JobProgress:
    """Poll until the job ends, emitting PROGRESS events. Cancel (or the deadline) raises
    ``Stopped``: the job itself lives on in Hyper-V and can be followed again."""
    progress = first
    failures = 0
    while True:
        emit(
            FlowEvent(
                phase,
                Status.PROGRESS,
                progress.vm,
                progress.message,
                progress.bytes_done,
                progress.bytes_total,
                progress,
            )
        )
        if progress.state.finished:
            return progress
        if deadline is not None and time.monotonic() > deadline:
            raise Stopped(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The job did not finish in time; it goes on in Hyper-V."
                    )
                )
            )
        if cancel is not None:
            if cancel.wait(interval):
                raise Stopped(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors", "Stopped following the job; it goes on in Hyper-V."
                        )
                    )
                )
        else:
            time.sleep(interval)
        try:
            progress = poll()
            failures = 0
        except HyperVError:
            failures += 1
            if failures > POLL_RETRIES:
                raise

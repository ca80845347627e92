"""The CLI's face of a flow: each event as a line on stderr, progress as one rewritten line."""

from __future__ import annotations

from typing import TextIO

from hvseed_gui.cli.common import ProgressPrinter
from hvseed_gui.flows.events import FlowEvent, Phase, Status
from hvseed_gui.hyperv.host import JobProgress

_PROGRESS_LABEL = {
    Phase.EXPORT: "Export",
    Phase.IMPORT: "Import",
    Phase.HASH: "Hashing",
    Phase.VERIFY: "Verifying",
}


class FlowPrinter:
    """Callable event sink: sentences of STARTED/NOTE/FAILED events, progress lines."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self._bars: dict[tuple[Phase, str], ProgressPrinter] = {}
        self._labels: dict[tuple[Phase, str], str] = {}  # hashing: the step's own words

    def __call__(self, event: FlowEvent) -> None:
        name = event.vm.name if event.vm else ""
        key = (event.phase, event.vm.id if event.vm else "")
        if event.status is Status.STARTED and event.phase in (Phase.HASH, Phase.VERIFY):
            self._labels[key] = event.message
            self._bars.pop(key, None)
        if event.status is Status.PROGRESS and event.phase in _PROGRESS_LABEL:
            bar = self._bars.get(key)
            if bar is None:
                label = self._labels.get(key) or f"{_PROGRESS_LABEL[event.phase]} {name}".strip()
                bar = self._bars[key] = ProgressPrinter(self.err, label)
            if isinstance(event.data, JobProgress):
                bar.show(event.data)
            elif event.done is not None and event.total is not None:
                bar.callback(event.done, event.total)
            return
        if event.status is Status.STARTED and event.message:
            self.err.write(f"{event.message} ...\n")
        elif event.status is Status.NOTE and event.message:
            self.err.write(f"{event.message}\n")
        elif event.status is Status.FAILED and event.message and event.phase is Phase.HASH:
            self.err.write(f"No integrity manifest written: {event.message}\n")
        self.err.flush()

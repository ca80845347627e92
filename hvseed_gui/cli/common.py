"""What every hvseed command shares: exit codes, the error type, output and progress."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from enum import Enum
from typing import Any, TextIO

from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.core.units import format_bytes, format_duration, format_rate
from hvseed_gui.core.visible import visible
from hvseed_gui.hyperv.host import (
    Inventory,
    JobProgress,
    JobState,
    VirtualMachine,
    VmRef,
)

EXIT_OK = 0
EXIT_FAILED = 1  # the operation ran and failed, or a check refused it
EXIT_USAGE = 2  # bad arguments or plan


class CliError(Exception):
    """A failure already phrased for the admin."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: to_jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def print_json(value: Any, out: TextIO) -> None:
    # json escapes C0 controls itself; C1 and bidirectional controls become \\uXXXX escapes too,
    # so the JSON stays valid and nothing raw reaches the terminal.
    text = json.dumps(to_jsonable(value), indent=2, ensure_ascii=False)
    out.write(_JSON_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


_JSON_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class VisibleStream:
    """A text stream that shows control and bidirectional characters escaped (``\\x1b``,
    ``<U+202E>``): whatever a host, drive or file said reaches the terminal visible, never
    obeyed. Newlines and tabs pass; a carriage return only through ``control``."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(visible(text, keep="\n\t"))

    def control(self, text: str) -> None:
        """Write terminal control text as is (the progress line's own ``\\r``)."""
        self.raw.write(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def write_control(stream: TextIO, text: str) -> None:
    """Terminal control text (``\\r``) past a ``VisibleStream``; other streams take it as is."""
    control = getattr(stream, "control", None)
    if callable(control):
        control(text)
    else:
        stream.write(text)


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() + "\n")


class ProgressPrinter:
    """Writes job progress to stderr: one rewritten line on a terminal, else a line per step."""

    def __init__(self, err: TextIO, label: str) -> None:
        self.err = err
        self.label = label
        self.tracker = RateTracker()
        self.tty = err.isatty()
        self._last_percent = -10.0
        self._ended = False

    def callback(self, done: int, total: int) -> None:
        """Progress callback for hashing (may be called from worker threads, one at a time)."""
        state = JobState.COMPLETED if done >= total else JobState.RUNNING
        self.show(JobProgress(VmRef("", ""), "hash", state, bytes_done=done, bytes_total=total))

    def show(self, progress: JobProgress) -> None:
        if self._ended:
            return
        self._ended = progress.state.finished
        done = progress.bytes_done or 0
        total = progress.bytes_total
        est = self.tracker.add(time.monotonic(), done, total)
        fraction = progress.fraction
        percent = 100.0 * fraction if fraction is not None else 0.0
        parts = [f"{self.label}: {format_bytes(done)}"]
        if total:
            parts[0] += f" of {format_bytes(total)} ({percent:.0f}%)"
        if est.bytes_per_sec:
            parts.append(format_rate(est.bytes_per_sec))
        if est.eta_seconds is not None and not progress.state.finished:
            parts.append(f"about {format_duration(est.eta_seconds)} left")
        line = ", ".join(parts)
        if self.tty:
            write_control(self.err, "\r")
            self.err.write(line.ljust(79))
            if progress.state.finished:
                self.err.write("\n")
        elif percent - self._last_percent >= 10 or progress.state.finished:
            self._last_percent = percent
            self.err.write(line + "\n")
        self.err.flush()


def follow_job(
    poll: Callable[[], JobProgress],
    first: JobProgress,
    printer: ProgressPrinter,
    interval: float,
    deadline: float | None = None,
) -> JobProgress:
    """Poll a Hyper-V job until it ends; the job itself lives on in Hyper-V if we stop."""
    progress = first
    printer.show(progress)
    while not progress.state.finished:
        if deadline is not None and time.monotonic() > deadline:
            raise CliError("The job did not finish in time; it goes on in Hyper-V.")
        time.sleep(interval)
        progress = poll()
        printer.show(progress)
    return progress


def find_vm(inventory: Inventory, name_or_id: str, where: str) -> VirtualMachine:
    """The one VM called ``name_or_id`` (or with that ID), or a sentence saying why not."""
    found = inventory.vms_named(name_or_id)
    if len(found) == 1:
        return found[0]
    if not found:
        raise CliError(f"No VM called '{name_or_id}' on {where}. List them with 'hvseed vms'.")
    ids = ", ".join(vm.id for vm in found)
    raise CliError(f"Several VMs are called '{name_or_id}' on {where} ({ids}); give the VM ID.")

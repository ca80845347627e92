"""The lab's persistent state: one JSON document in the lab directory, shared between processes.

Every operation runs as a *transaction*: take an exclusive lock on ``lab.lock``, read
``lab.json``, change the dict, write it back atomically (temporary file + ``os.replace``). So the
CLI and the GUI can drive one lab at the same time and a crash never leaves half a file.

The document (version 1) holds plain JSON data::

    settings   latency, export/import/delta bytes per second
    faults     [{host, operation, kind, message, remaining}]
    primary, replica   FQDNs of the default primary and replica host
    drives     {drive_id: {label, file_system, capacity, reserved, bus_type, removable, bitlocker,
                           serial, friendly_name, is_system, host, letter}}
    hosts      {fqdn: {os_version, os_build, system_drive, replica_server, firewall,
                       certificates, vms: {VM_ID: vm}}}
    jobs       {"<fqdn>|<kind>|<VM_ID>": job}
    hash_jobs  {job_id: hashing job on a host's drive} (created on first use; see hash_job.py)

A drive's files live in ``<lab>/drives/<drive_id>/``; ``host``/``letter`` say where it is plugged
in (both ``None`` while it travels).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

STATE_FILE = "lab.json"
LOCK_FILE = "lab.lock"
DRIVES_DIR = "drives"
STATE_VERSION = 1

Clock = Callable[[], float]
State = dict[str, Any]


class ManualClock:
    """A clock tests move by hand: ``clock.advance(60)``; call it for the current epoch seconds."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        self.now = float(start)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += float(seconds)
        return self.now


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Exclusive lock between processes (and between threads: each holds its own handle)."""
    with open(path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class Store:
    """Reads and writes ``lab.json`` under a lock; transactions nest within one thread."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.state_path = directory / STATE_FILE
        self.lock_path = directory / LOCK_FILE
        self._local = threading.local()

    def exists(self) -> bool:
        return self.state_path.is_file()

    def peek(self) -> State:
        """The current state, read under the lock (on Windows a reader holding the file open
        would make the writer's ``os.replace`` fail); inside a transaction, its state."""
        current = getattr(self._local, "state", None)
        if current is not None:
            return current
        with _file_lock(self.lock_path):
            return self._read()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[State]:
        """Yield the state for changes; it is written back when the block ends.

        It is written back too when the block raises one of our errors (``HvseedError``): a
        refusal happens after the lab has caught up with the clock, and that progress is real.
        """
        current = getattr(self._local, "state", None)
        if current is not None:  # nested: the outer transaction writes
            yield current
            return
        from hvseed_gui.errors import HvseedError

        with _file_lock(self.lock_path):
            state = self._read()
            before = json.dumps(state, sort_keys=True)
            self._local.state = state
            try:
                yield state
            except HvseedError:
                self._write_if_changed(state, before)
                raise
            finally:
                self._local.state = None
            self._write_if_changed(state, before)

    def write_new(self, state: State) -> None:
        with _file_lock(self.lock_path):
            self._write(state)

    def _read(self) -> State:
        from .lab_errors import check_state, lab_file_error

        try:
            data = self.state_path.read_bytes()
        except FileNotFoundError:
            raise FileNotFoundError(f"No lab found in {self.directory}.") from None
        if not data.strip():
            raise lab_file_error(self.state_path, "it is empty")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise lab_file_error(self.state_path, "it is not UTF-8 text") from None
        try:
            state = json.loads(text)
        except json.JSONDecodeError as exc:
            raise lab_file_error(
                self.state_path, f"it is damaged: not valid JSON at line {exc.lineno}"
            ) from None
        except (ValueError, RecursionError):
            raise lab_file_error(self.state_path, "it is damaged") from None
        return check_state(self.state_path, state)

    def _write_if_changed(self, state: State, before: str) -> None:
        if json.dumps(state, sort_keys=True) != before:
            self._write(state)

    def _write(self, state: State) -> None:
        tmp = self.state_path.with_name(f"{STATE_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(state, handle, indent=1, ensure_ascii=False, sort_keys=True)
            handle.flush()
            os.fsync(handle.fileno())
        for attempt in range(50):
            try:
                os.replace(tmp, self.state_path)
                return
            except PermissionError:  # pragma: no cover - Windows: a virus scanner, an editor
                if attempt == 49:
                    raise
                time.sleep(0.05)

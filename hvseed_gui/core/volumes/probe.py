"""Local volumes found by a short-lived helper process, with a timeout.

psutil <= 7.2.2 holds the GIL inside ``disk_partitions()`` on Windows, so one slow drive would
freeze every thread (the GUI too). ``probe_local_volumes`` runs ``probe_child`` in a helper
process (``python -m hvseed_gui.core.volumes.probe_child``, or the frozen app itself with
``--volume-probe``) and kills it when it does not finish in time.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Sequence

import hvseed_gui
from hvseed_gui.core.volumes.volume import Volume

ALL_DRIVES = "*"  # what the probe reports while it asks the OS for the list of drives


class VolumeProbeError(Exception):
    """The local volume probe failed; ``str()`` says what happened and what to do."""


class VolumeProbeTimeout(VolumeProbeError):
    """The probe did not finish in time. ``volumes`` holds what it found before it stalled;
    ``stalled_on`` names the volume it was asking when time ran out ("" if not known)."""

    def __init__(self, message: str, volumes: list[Volume], stalled_on: str = "") -> None:
        super().__init__(message)
        self.volumes = volumes
        self.stalled_on = stalled_on


#: the argument with which the frozen (PyInstaller) app runs the probe instead of the GUI
PROBE_ARGUMENT = "--volume-probe"


def probe_command() -> list[str]:
    """How to start the probe helper: ``python -m …`` from a venv, the app itself when frozen
    (then ``sys.executable`` is hvseed-gui.exe, which has no ``-m``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_ARGUMENT]
    return [sys.executable, "-m", "hvseed_gui.core.volumes.probe_child"]


def probe_local_volumes(
    timeout: float = 5.0, *, command: Sequence[str] | None = None
) -> list[Volume]:
    """Volumes mounted on this computer, found by a helper process within ``timeout`` seconds.

    Raises ``VolumeProbeTimeout`` (with the volumes found so far and the one that stalled) when
    the helper does not finish in time, ``VolumeProbeError`` when it fails. ``command`` replaces
    the helper (tests).
    """
    cmd = list(command) if command else probe_command()
    creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    env = dict(os.environ)
    # the helper must import this very package, wherever it was loaded from
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(hvseed_gui.__file__)))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        proc = subprocess.Popen(
            cmd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            creationflags=creationflags,
        )
    except OSError as exc:
        raise VolumeProbeError(
            f"Could not start the drive probe ({exc.strerror or exc}). Choose the folder by hand."
        ) from None

    lines: list[bytes] = []
    errors: list[bytes] = []
    done = threading.Event()

    def pump_stdout() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
        done.set()

    def pump_stderr() -> None:
        assert proc.stderr is not None
        errors.append(proc.stderr.read())

    # Daemon readers: a helper stuck in a kernel call may outlive its kill for a while.
    out_thread = threading.Thread(target=pump_stdout, daemon=True)
    err_thread = threading.Thread(target=pump_stderr, daemon=True)
    out_thread.start()
    err_thread.start()
    finished = done.wait(timeout)
    if finished:
        try:
            proc.wait(timeout=max(1.0, timeout))
        except subprocess.TimeoutExpired:
            finished = False
    if not finished:
        proc.kill()
        # reap it; one stuck in a kernel call may take a moment to die, or longer
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=2.0)
    for thread, pipe in ((out_thread, proc.stdout), (err_thread, proc.stderr)):
        thread.join(1.0)
        if not thread.is_alive() and pipe is not None:
            pipe.close()

    volumes, stalled, complete = _read_probe_output(list(lines))
    if not finished:
        where = f"drive {stalled}" if stalled and stalled != ALL_DRIVES else "a drive"
        raise VolumeProbeTimeout(
            f"Looking for drives took longer than {timeout:g} s: {where} did not answer "
            "(a disconnected network drive, an empty card reader or a drive unplugged a "
            "moment ago). Unplug or reconnect it and refresh, or choose the folder by hand.",
            volumes,
            stalled,
        )
    if not complete:
        detail = b"".join(errors).decode("utf-8", "replace").strip().splitlines()
        raise VolumeProbeError(
            "The drive probe stopped without an answer"
            + (f" ({detail[-1]})" if detail else "")
            + ". Choose the folder by hand."
        )
    return volumes


def _read_probe_output(raw: list[bytes]) -> tuple[list[Volume], str, bool]:
    """Parse the helper's JSON lines: (volumes, volume being asked last, finished?)."""
    volumes: list[Volume] = []
    stalled = ""
    complete = False
    for line in raw:
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if not isinstance(record, dict):
            continue
        if "volume" in record:
            try:
                volumes.append(Volume.from_dict(record["volume"]))
            except (TypeError, ValueError):
                continue
            stalled = ""
        elif "skipped" in record:
            stalled = ""
        elif "probing" in record:
            stalled = str(record["probing"])
        elif record.get("done"):
            complete = True
    return volumes, stalled, complete

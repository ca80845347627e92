"""This computer's powershell.exe: the script runs as a temporary ``.ps1`` with ``-File``, any
size; a deadline ends the whole process tree."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host_errors import HyperVError, HyperVModuleMissing, OperationTimeout
from hvseed_gui.hyperv.runners.runner_types import (
    RunResult,
    clixml_to_text,
    decode_console,
    decode_output,
    policy_problem,
)

log = logging.getLogger(__name__)

# --- this computer: powershell.exe -File ----------------------------------------------------

_RESULT_MARKER = "HVSEED-RESULT:"  # the scripts' result line (powershell.RESULT_MARKER)
_CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW, which exists on Windows only
_KILL_GRACE = 5.0  # seconds to collect the output of a process tree we killed


class LocalPowerShell:
    """Runs scripts with this computer's Windows PowerShell (``powershell.exe -File``).

    The script goes to a temporary UTF-8 (with BOM, so 5.1 reads it as UTF-8) ``.ps1`` that is
    removed afterwards. stdin is closed (``DEVNULL``); no console window opens on Windows. On
    timeout the whole process tree is killed and ``OperationTimeout`` raised.
    """

    description = "this computer"

    def __init__(self, executable: str = "powershell.exe", codepage: str | None = None) -> None:
        self.executable = executable
        self.codepage = codepage  # None: this computer's OEM code page for stderr

    def __repr__(self) -> str:
        return f"LocalPowerShell(executable={self.executable!r})"

    def _missing(self, detail: str = "") -> HyperVModuleMissing:
        return HyperVModuleMissing(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "PowerShell was not found on this computer (looked for {executable})."
                ),
                executable=repr(self.executable),
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "hvseed needs Windows with the Hyper-V PowerShell module, or use --host to "
                    "manage a remote Hyper-V host, or --lab for the simulated lab.",
                )
            ),
            detail=detail,
        )

    def run(
        self, script: str, *, timeout: float, secrets: Mapping[str, str] | None = None
    ) -> RunResult:
        executable = shutil.which(self.executable)
        if executable is None:
            raise self._missing()
        fd, path = tempfile.mkstemp(prefix="hvseed-", suffix=".ps1")
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
                handle.write(script)
            return self._run_file(executable, path, timeout, secrets)
        finally:
            try:
                os.unlink(path)
            except OSError as exc:  # pragma: no cover - e.g. a virus scanner holds it
                log.warning("Could not remove the temporary script %s: %s", path, exc)

    def _run_file(
        self,
        executable: str,
        path: str,
        timeout: float,
        secrets: Mapping[str, str] | None = None,
    ) -> RunResult:
        args = [
            executable,
            "-NoProfile",
            "-NonInteractive",
            "-ExecutionPolicy",
            "Bypass",
            "-File",
            path,
        ]
        extra: dict[str, Any] = {}
        if secrets:
            extra["env"] = {**os.environ, **secrets}
        if os.name == "nt":
            extra["creationflags"] = _CREATE_NO_WINDOW
        else:
            extra["start_new_session"] = True  # own process group: the tree can be killed
        try:
            proc = subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                **extra,
            )
        except FileNotFoundError as exc:
            raise self._missing(str(exc)) from None
        except OSError as exc:
            raise HyperVError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "PowerShell on this computer could not be started: {p}."
                    ),
                    p=exc.strerror or exc,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that powershell.exe may run here (application control, antivirus).",
                    )
                ),
                detail=str(exc),
            ) from None
        try:
            out, err = proc.communicate(timeout=max(timeout, 0.0))
        except subprocess.TimeoutExpired:
            _kill_tree(proc)
            try:
                proc.communicate(timeout=_KILL_GRACE)
            except subprocess.TimeoutExpired:  # pragma: no cover - a grandchild escaped
                for stream in (proc.stdout, proc.stderr):
                    if stream is not None:
                        stream.close()
            raise OperationTimeout(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "PowerShell on this computer did not finish within {timeout} seconds; "
                        "hvseed stopped it.",
                    ),
                    timeout=f"{timeout:g}",
                ),
            ) from None
        result = RunResult(
            stdout=decode_output(out),
            stderr=clixml_to_text(decode_console(err, self.codepage)),
            exit_code=proc.returncode,
        )
        if _RESULT_MARKER not in result.stdout:
            # The script did not run at all (or died before its result line): say why in words
            # when a script policy is the cause.
            problem = policy_problem(result.stderr)
            if problem is not None:
                raise problem
        return result


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and every process it started."""
    try:
        import psutil  # only needed when something hangs

        children = psutil.Process(proc.pid).children(recursive=True)
    except Exception:  # already gone, or psutil unavailable
        children = []
    if os.name != "nt":
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    for child in children:
        with contextlib.suppress(Exception):  # already gone
            child.kill()
    with contextlib.suppress(OSError):
        proc.kill()

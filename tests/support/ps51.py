"""PowerShellHost fed canned Windows PowerShell 5.1 output: the fake runner, fixtures, facts."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners import RunResult

PS51 = Path(__file__).resolve().parents[1] / "fixtures" / "ps51"


def result_line(document: dict | str) -> str:
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    return ps.RESULT_MARKER + base64.b64encode(text.encode("utf-8")).decode("ascii")


class FakeRunner:
    """The other side of the wire: answers each script with canned stdout."""

    description = "hv01 (fake)"

    def __init__(self, answer: str | Callable[[str], str], stderr: str = "", exit_code: int = 0):
        self.answer = answer
        self.stderr = stderr
        self.exit_code = exit_code
        self.scripts: list[str] = []
        self.timeouts: list[float] = []

    def run(self, script: str, *, timeout: float, secrets=None) -> RunResult:
        self.scripts.append(script)
        self.timeouts.append(timeout)
        stdout = self.answer(script) if callable(self.answer) else self.answer
        return RunResult(stdout=stdout, stderr=self.stderr, exit_code=self.exit_code)


def fixture_host(name: str, **kwargs) -> tuple[PowerShellHost, FakeRunner]:
    raw = (PS51 / name).read_text(encoding="utf-8")
    # Whatever else the host prints (a warning in the OEM code page) is ignored.
    runner = FakeRunner("WARNUNG: Pr\x81fung\r\n" + result_line(raw) + "\r\n")
    return PowerShellHost(runner, **kwargs), runner


JOB = "0f8fad5b-d9cb-469f-a165-70867728950e"


FOLDER = "E:\\Prüf'server_6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"


NOW = "2026-03-01T10:00:00.0000000Z"


def worker_state(**changes) -> str:
    """The worker's state file as 5.1's ConvertTo-Json -Compress writes it (\\u0027 escapes)."""
    doc = {
        "job_id": JOB,
        "folder": FOLDER,
        "state": "Running",
        "pid": 4711,
        "process_start": "2026-03-01T09:58:00.1234567Z",
        "started": "2026-03-01T09:58:00.2000000Z",
        "heartbeat": "2026-03-01T09:59:59.5000000Z",
        "bytes_done": 1073741824,
        "bytes_total": 4294967296,
        "hashes": [],
        "unreadable": [],
        "message": "",
    }
    doc.update(changes)
    return json.dumps(doc, ensure_ascii=True, separators=(",", ":")).replace("'", "\\u0027")


def facts(state_text=None, *, alive=True, cancel=False, launch_created=NOW, pid=4711) -> str:
    launch = json.dumps({"job_id": JOB, "folder": FOLDER, "pid": pid, "created": launch_created})
    data = {
        "state_text": state_text,
        "launch_text": launch if launch_created else None,
        "cancel_requested": cancel,
        "pid": pid,
        "alive": alive,
        "now": NOW,
    }
    return "WARNUNG: Pr\x81fung\r\n" + result_line({"ok": True, "data": data}) + "\r\n"


def host_answering(stdout: str) -> tuple[PowerShellHost, FakeRunner]:
    runner = FakeRunner(stdout)
    return PowerShellHost(runner), runner

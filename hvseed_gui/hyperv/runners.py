"""Where a PowerShell script runs: this computer's powershell.exe, or a host over WinRM.

A runner moves a script there and its output back; it knows nothing of Hyper-V. Transport
failures are raised as ``hvseed_gui.hyperv.errors`` types (unreachable, authentication failed,
access denied, timeout); what the script itself reports is parsed by ``ps_host``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RunResult:
    stdout: str
    stderr: str  # CLIXML already turned into readable text
    exit_code: int


class PowerShellRunner(Protocol):
    """Runs one script on one machine and returns its output."""

    description: str  # "this computer", "hv01.corp.local (WinRM, Kerberos over HTTP)"

    def run(self, script: str, *, timeout: float) -> RunResult:
        """Run ``script``; raise HostUnreachable / AuthenticationFailed / AccessDenied /
        OperationTimeout for transport failures. ``timeout`` is our own deadline in seconds."""
        ...

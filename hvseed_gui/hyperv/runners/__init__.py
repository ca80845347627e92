"""Where a PowerShell script runs: this computer's powershell.exe (``local``), or a host over
WinRM (``winrm``); ``common`` holds what both share and ``limits`` WinRM's deadline and size cap.

A runner moves a script there and its output back; it knows nothing of Hyper-V. Transport
failures are raised as ``hvseed_gui.hyperv.host_errors`` types (unreachable, authentication failed,
access denied, timeout); what the script itself reports is parsed by the ``powershell`` package.

Neither runner limits the script's size: the local one runs a temporary ``.ps1`` with ``-File``;
the WinRM one sends a small ``-EncodedCommand`` bootstrap and the script itself on stdin.
"""

from __future__ import annotations

from hvseed_gui.hyperv.runners.local import LocalPowerShell
from hvseed_gui.hyperv.runners.runner_types import (
    PowerShellRunner,
    RunResult,
    clixml_to_text,
    decode_console,
    decode_output,
    error_ids,
    oem_codepage,
    policy_problem,
)
from hvseed_gui.hyperv.runners.winrm import (
    MAX_OUTPUT_BYTES,
    STDIN_CHUNK,
    WINRM_TRANSPORTS,
    WinRmFault,
    WinRmOptions,
    WinRmPowerShell,
    check_winrm_options,
)

__all__ = [
    "MAX_OUTPUT_BYTES",
    "STDIN_CHUNK",
    "WINRM_TRANSPORTS",
    "LocalPowerShell",
    "PowerShellRunner",
    "RunResult",
    "WinRmFault",
    "WinRmOptions",
    "WinRmPowerShell",
    "check_winrm_options",
    "clixml_to_text",
    "decode_console",
    "decode_output",
    "error_ids",
    "oem_codepage",
    "policy_problem",
]

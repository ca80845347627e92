"""Open a ``HyperVHost`` from what the admin chose: this computer, a host over WinRM, or the lab.

The wizard's *Connect* page and the CLI's host options both build a ``HostTarget`` and call
``open_host``; nothing else in the program constructs hosts. Opening is cheap and contacts
nothing: the first operation is the first round trip.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from hvseed_gui.hyperv.host import HyperVHost
from hvseed_gui.hyperv.runners import WINRM_TRANSPORTS

__all__ = ["WINRM_TRANSPORTS", "HostKind", "HostTarget", "LabInfo", "lab_info", "open_host"]


class HostKind(str, Enum):
    LOCAL = "local"  # powershell.exe on this computer
    WINRM = "winrm"  # a remote host over WinRM
    LAB = "lab"  # the simulated lab in a directory


@dataclass(frozen=True)
class HostTarget:
    """Where a host is and how to reach it. ``password`` never appears in ``repr``."""

    kind: HostKind = HostKind.LOCAL
    host: str = ""  # WinRM: name or URL; lab: lab host name ("" = the role's default)
    transport: str = "kerberos"
    username: str = ""
    password: str = field(default="", repr=False)
    port: int | None = None
    use_https: bool = False  # PowerShell remoting's default: Kerberos over HTTP 5985, encrypted
    validate_certificate: bool = True
    timeout: float = 120.0
    lab_dir: str = ""

    def with_host(self, host: str) -> HostTarget:
        """The same connection settings aimed at another host (e.g. the replica server)."""
        return replace(self, host=host)

    @property
    def description(self) -> str:
        if self.kind is HostKind.LOCAL:
            return "this computer"
        if self.kind is HostKind.LAB:
            return f"lab: {self.host or 'default host'}"
        scheme = "HTTPS" if self.use_https else "HTTP"
        return f"{self.host} (WinRM, {self.transport} over {scheme})"


def open_host(target: HostTarget) -> HyperVHost:
    """Build the host object for ``target``; raises ``HyperVError`` kinds for bad settings."""
    if target.kind is HostKind.LAB:
        from hvseed_gui.hyperv.lab import Lab

        lab = Lab.open(Path(target.lab_dir))
        return lab.host(target.host or lab.primary_name)

    from hvseed_gui.hyperv.ps_host import PowerShellHost

    if target.kind is HostKind.LOCAL:
        from hvseed_gui.hyperv.runners import LocalPowerShell

        return PowerShellHost(
            LocalPowerShell(), display_name="this computer", timeout=target.timeout
        )

    from hvseed_gui.hyperv.runners import WinRmOptions, WinRmPowerShell

    options = WinRmOptions(
        host=target.host,
        port=target.port,
        use_https=target.use_https,
        transport=target.transport,
        username=target.username,
        password=target.password,
        validate_certificate=target.validate_certificate,
    )
    return PowerShellHost(
        WinRmPowerShell(options), display_name=target.host, timeout=target.timeout
    )


@dataclass(frozen=True)
class LabInfo:
    """The simulated lab's hosts by role, so faces need not know the lab's internals."""

    primary: str
    replica: str
    hosts: tuple[str, ...]


def lab_info(lab_dir: str) -> LabInfo:
    """The roles of the lab in ``lab_dir`` (created with its defaults if it is new)."""
    from hvseed_gui.hyperv.lab import Lab

    lab = Lab.open(Path(lab_dir))
    return LabInfo(lab.primary_name, lab.replica_name, tuple(lab.host_names))


def lab_drive_io(lab_dir: str) -> dict[str, dict[str, object]]:
    """Bytes each drive of the lab in ``lab_dir`` moved so far (``hvseed drive-io``)."""
    from hvseed_gui.hyperv.lab import Lab

    return Lab.open(Path(lab_dir)).drive_io()

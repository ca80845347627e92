"""Which host a command talks to: the lab's, this computer's, or one over WinRM."""

from __future__ import annotations

import argparse
import os
import socket
from pathlib import Path
from typing import Any

from hvseed_gui.cli.common import CliError
from hvseed_gui.hyperv.connect import HostKind, HostTarget, open_host
from hvseed_gui.hyperv.host import (
    HyperVHost,
)


class Hosts:
    """Turns the global options into hosts: the lab's, this computer's, or one over WinRM."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._lab: Any = None

    @property
    def is_lab(self) -> bool:
        return bool(self.args.lab)

    def lab(self) -> Any:
        if self._lab is None:
            from hvseed_gui.hyperv.lab import Lab

            self._lab = Lab.open(Path(self.args.lab))
        return self._lab

    def _password(self) -> str:
        var = self.args.password_env
        if not var:
            return ""
        value = os.environ.get(var)
        if value is None:
            raise CliError(f"The environment variable {var} (--password-env) is not set.", 2)
        return value

    def target(self, host: str) -> HostTarget:
        """A WinRM target for ``host`` with the global connection options."""
        return HostTarget(
            kind=HostKind.WINRM,
            host=host,
            transport=self.args.transport,
            username=self.args.user or "",
            password=self._password(),
            port=self.args.port,
            use_https=bool(getattr(self.args, "https", False)),
            validate_certificate=not self.args.skip_certificate_check,
            timeout=self.args.timeout,
        )

    def named(self, name: str) -> HyperVHost:
        """The host called ``name``: a lab host, this computer, or a remote host over WinRM."""
        if self.is_lab:
            return self.lab().host(name)
        if _is_this_computer(name):
            return open_host(HostTarget(kind=HostKind.LOCAL, timeout=self.args.timeout))
        return open_host(self.target(name))

    def default(self, lab_role: str = "primary") -> HyperVHost:
        """``--host`` if given; else the lab's primary (or replica); else this computer."""
        if self.args.host:
            return self.named(self.args.host)
        if self.is_lab:
            lab = self.lab()
            return lab.host(lab.replica_name if lab_role == "replica" else lab.primary_name)
        return open_host(HostTarget(kind=HostKind.LOCAL, timeout=self.args.timeout))

    def candidates(self) -> list[HyperVHost]:
        """Hosts to search for a VM: ``--host`` or this computer; on the lab every lab host."""
        if self.args.host or not self.is_lab:
            return [self.default()]
        lab = self.lab()
        return [lab.host(name) for name in lab.host_names]

    def drive_is_remote(self, host_name: str) -> bool:
        """Whether a drive on ``host_name`` must be hashed there (it is not readable here).

        ``args.hash_on_host`` (not a command-line option) sends a lab host down the remote
        path, for tests of it."""
        if getattr(self.args, "hash_on_host", False):
            return True
        return not self.is_lab and not _is_this_computer(host_name)

    def local_path(self, host_name: str, folder: str) -> Path:
        """``folder`` on the host ``host_name`` as a path on this computer, for hashing where
        the drive is."""
        if not folder.strip():
            raise CliError("Hyper-V did not report the export folder; name it explicitly.")
        if self.is_lab:
            given = Path(folder)
            if given.is_absolute() and given.exists():
                return given
            lab = self.lab()
            for name in [host_name] if host_name else lab.host_names:
                try:
                    return lab.real_path(name, folder)
                except ValueError:
                    continue
            raise CliError(f"{folder} is not on a drive attached to {host_name or 'a lab host'}.")
        if self.args.host and not _is_this_computer(self.args.host):
            raise CliError(
                "The drive is attached to a remote host; hashing runs where the drive is, and "
                "hashing on a remote host is not supported yet. Run hvseed on that host."
            )
        return Path(folder)


def _is_this_computer(name: str) -> bool:
    short = name.strip().lower().split(".")[0]
    return short in ("", "localhost", ".", socket.gethostname().lower().split(".")[0])


# --- output helpers -----------------------------------------------------------------------------

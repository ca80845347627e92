"""Which host a command talks to: the lab's, this computer's, or one over WinRM."""

from __future__ import annotations

import argparse
import os
import socket

from hvseed_gui.cli.common import CliError
from hvseed_gui.hyperv.host import HyperVHost
from hvseed_gui.hyperv.host_errors import HyperVError
from hvseed_gui.hyperv.host_target import HostKind, HostTarget, LabInfo, lab_info, open_host


class Hosts:
    """Turns the global options into hosts: the lab's, this computer's, or one over WinRM."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._lab: LabInfo | None = None
        self._opened: dict[str, HyperVHost] = {}

    @property
    def is_lab(self) -> bool:
        return bool(self.args.lab)

    def lab(self) -> LabInfo:
        """The lab's host names by role."""
        if self._lab is None:
            self._lab = lab_info(self.args.lab)
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
        key = name.strip().lower()
        if key not in self._opened:
            if self.is_lab:
                target = HostTarget(kind=HostKind.LAB, host=name, lab_dir=self.args.lab)
            elif _is_this_computer(name):
                target = HostTarget(kind=HostKind.LOCAL, timeout=self.args.timeout)
            else:
                target = self.target(name)
            self._opened[key] = open_host(target)
        return self._opened[key]

    def default(self, lab_role: str = "primary") -> HyperVHost:
        """``--host`` if given; else the lab's primary (or replica); else this computer."""
        if self.args.host:
            return self.named(self.args.host)
        if self.is_lab:
            lab = self.lab()
            return self.named(lab.replica if lab_role == "replica" else lab.primary)
        return self.named("localhost")

    def candidates(self) -> list[HyperVHost]:
        """Hosts to search for a VM: ``--host`` or this computer; on the lab every lab host."""
        if self.args.host or not self.is_lab:
            return [self.default()]
        return [self.named(name) for name in self.lab().hosts]

    def drive_host(self, path: str, lab_role: str = "primary") -> HyperVHost:
        """The host whose drive holds ``path``: ``--host``, this computer, or on the lab the
        lab host the drive is plugged into now (it may have travelled). Every command that
        reads a drive finds it this way."""
        if self.args.host or not self.is_lab:
            return self.default(lab_role)
        for host in self.candidates():
            try:
                if host.local_path(path) is not None:
                    return host
            except HyperVError:
                continue
        return self.default(lab_role)


def _is_this_computer(name: str) -> bool:
    short = name.strip().lower().split(".")[0]
    return short in ("", "localhost", ".", socket.gethostname().lower().split(".")[0])

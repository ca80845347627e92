"""Exception types of the Hyper-V seam: one per failure kind, each with a sentence for the admin.

Every host implementation (PowerShell, WinRM, the lab) raises only these (and ``Cancelled``,
the package-wide kind from ``hvseed_gui/errors.py``, re-exported here). ``str(exc)`` is the
sentence the admin reads: what happened and what to do. It never contains a password.
"""

from __future__ import annotations

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said

# re-exported: hosts raise the package-wide ``Cancelled`` too
from hvseed_gui.errors import Cancelled as Cancelled
from hvseed_gui.errors import HvseedError


class HyperVError(HvseedError):
    """Base of every failure a host reports (the seam's kinds below derive from it)."""


class HostUnreachable(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Check the host name, that the host is running, and that WinRM is enabled "
            "(Enable-PSRemoting) and allowed through its firewall.",
        )
    )


class AuthenticationFailed(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Check the user name and password, or the transport (Kerberos needs a domain).",
        )
    )


class AccessDenied(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Use an account that is a member of 'Hyper-V Administrators' (or local "
            "Administrators) on that host.",
        )
    )


class OperationTimeout(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors", "The host did not answer in time. Try again, or raise the timeout."
        )
    )


class HyperVModuleMissing(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Install the Hyper-V PowerShell module on that host (Install-WindowsFeature "
            "Hyper-V-PowerShell, or the Hyper-V role).",
        )
    )


class FeatureMissing(HyperVError):
    """A Windows feature the operation needs is not installed on the host (e.g. BitLocker)."""


BITLOCKER_MISSING_HINT = said(
    QT_TRANSLATE_NOOP(
        "Errors",
        "On Windows Server add the feature with Install-WindowsFeature BitLocker "
        "-IncludeAllSubFeature -IncludeManagementTools (or Server Manager: Add Roles and Features "
        "> BitLocker Drive Encryption), then restart the host. Windows 10/11 Pro and Enterprise "
        "have BitLocker built in. Or encrypt the drive on another computer before the export.",
    )
)


POWERSHELL_TOO_OLD_HINT = said(
    QT_TRANSLATE_NOOP(
        "Errors",
        "Install Windows Management Framework 5.1 on that host (Windows Server 2012 R2 ships "
        "PowerShell 4.0) and restart it; 'hvseed doctor' shows each host's version.",
    )
)


class CmdletError(HyperVError):
    """A Hyper-V cmdlet failed; ``message`` carries Hyper-V's own words."""

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        cmdlet: str = "",
        category: str = "",
        detail: str = "",
    ) -> None:
        self.cmdlet = cmdlet
        self.category = category
        super().__init__(message, hint, detail=detail)


class InvalidState(CmdletError):
    """The VM is not in the replication state this operation needs."""


class NotFound(CmdletError):
    """A VM, folder or file the operation needs does not exist."""


class MediaError(CmdletError):
    """The target drive cannot take the copy (full, file too large for its file system, gone)."""


class ProtocolError(HyperVError):
    default_hint = said(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The host answered with something hvseed cannot read. Run with --debug and report it.",
        )
    )


class InsecureTransport(HyperVError):
    """The requested connection would send credentials or data unprotected; refused."""


class Unsupported(HyperVError):
    """The operation does not exist for this kind of host (e.g. the lab's courier)."""

"""The result line and error records: what a script reports, as data or as our exception types."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host_errors import (
    BITLOCKER_MISSING_HINT,
    POWERSHELL_TOO_OLD_HINT,
    AccessDenied,
    CmdletError,
    FeatureMissing,
    HyperVError,
    HyperVModuleMissing,
    InvalidState,
    MediaError,
    NotFound,
    ProtocolError,
)
from hvseed_gui.hyperv.powershell.ps_json import as_bool, as_list, as_opt_int, as_text
from hvseed_gui.hyperv.powershell.script import RESULT_MARKER
from hvseed_gui.hyperv.runners import RunResult, policy_problem


def decode_result(stdout: str) -> dict[str, Any] | None:
    """The JSON document of the last ``HVSEED-RESULT:`` line, None if there is no such line.

    Raises ProtocolError when the line is there but does not decode.
    """
    payload = None
    for line in stdout.splitlines():
        stripped = line.strip()
        if stripped.startswith(RESULT_MARKER):
            payload = stripped[len(RESULT_MARKER) :].strip()
    if payload is None:
        return None
    try:
        document = json.loads(base64.b64decode(payload, validate=True).decode("utf-8"))
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError(
            said(QT_TRANSLATE_NOOP("Errors", "The host's result line is damaged.")),
            detail=f"{exc}: {payload[:200]}",
        ) from None
    if not isinstance(document, dict) or "ok" not in document:
        raise ProtocolError(
            said(QT_TRANSLATE_NOOP("Errors", "The host's result has an unexpected form.")),
            detail=str(document)[:500],
        )
    return document


def _unsigned(hresult: Any) -> int | None:
    number = as_opt_int(hresult)
    if number is None and isinstance(hresult, str) and hresult.lower().startswith("0x"):
        try:
            number = int(hresult, 16)
        except ValueError:
            number = None
    if number is None:
        return None
    return number & 0xFFFFFFFF


HR_ACCESS_DENIED = 0x80070005

HR_FILE_NOT_FOUND = 0x80070002

HR_PATH_NOT_FOUND = 0x80070003

HR_DISK_FULL = 0x80070070

HR_HANDLE_DISK_FULL = 0x80070027

HR_FILE_TOO_LARGE = 0x800700DF

WMI_ACCESS_DENIED = 32769

WMI_INVALID_STATE = 32775

WMI_FILE_NOT_FOUND = 32779

_MEDIA_WORDS = (
    "not enough space",
    "disk is full",
    "disk full",
    "file too large",
    "too large for the destination file system",
    "exceeds the maximum",
)

_ACCESS_WORDS = ("access is denied", "access denied", "required permission", "unauthorized")

MEDIA_HINT = "Use an NTFS-formatted drive with room for the whole initial copy, then try again."

_STATE_HINT = (
    "Check the VM's replication state (Hyper-V Manager: Replication > View Replication Health) "
    "and continue with the step that matches it."
)

_NOT_FOUND_HINT = "Check that it still exists there, refresh, and try again."

_EXISTS_HINT = "Move the existing folder away or choose another destination folder."


def is_media_problem(message: str, hresult: Any = None) -> bool:
    """Whether an error says the target drive is full or cannot hold a file that large."""
    code = _unsigned(hresult)
    if code in (HR_DISK_FULL, HR_HANDLE_DISK_FULL, HR_FILE_TOO_LARGE):
        return True
    lowered = message.lower()
    return any(word in lowered for word in _MEDIA_WORDS)


def error_from_record(record: Any, *, host: str = "") -> HyperVError:
    """Map one error record ``{category, cmdlet, message, fqid, hresult, code}`` to our type."""
    if not isinstance(record, dict):
        return CmdletError(as_text(record) or "The host reported an error without details.")
    category = as_text(record.get("category"))
    cmdlet = as_text(record.get("cmdlet"))
    message = as_text(record.get("message")).strip()
    fqid = as_text(record.get("fqid"))
    code = as_opt_int(record.get("code"))
    hresult = _unsigned(record.get("hresult"))
    where = f" on {host}" if host else ""
    if not message:
        message = f"{cmdlet or 'The operation'} failed{where} ({category or 'no details'})."
    detail = (
        f"{cmdlet} [{category}] {fqid}"
        + (f" hresult=0x{hresult:08X}" if hresult is not None else "")
        + (f" code={code}" if code is not None else "")
    ).strip()
    lowered = message.lower()
    kwargs = {"cmdlet": cmdlet, "category": category, "detail": detail}

    if fqid.endswith("ExportFinished"):
        return InvalidState(
            message,
            "Check the export folder (hvseed verify) and ship the drive; to start over, remove "
            "replication for the VM first.",
            **kwargs,
        )
    policy = policy_problem(message, host or "the host", fqid)
    if policy is not None:
        return policy
    if fqid.endswith("PowerShellTooOld"):
        return FeatureMissing(message, POWERSHELL_TOO_OLD_HINT, detail=detail)
    if fqid.endswith("BitLockerMissing"):
        return FeatureMissing(message, BITLOCKER_MISSING_HINT, detail=detail)
    if fqid.endswith("BitLockerBusy"):
        return InvalidState(
            message,
            "hvseed encrypts only a drive without BitLocker; this one is protected already.",
            **kwargs,
        )
    if fqid.endswith("HyperVModuleMissing") or (
        fqid.startswith("CommandNotFoundException") and ("-vm" in lowered or "hyper-v" in lowered)
    ):
        return HyperVModuleMissing(message, detail=detail)
    if (
        category == "PermissionDenied"
        or code == WMI_ACCESS_DENIED
        or hresult == HR_ACCESS_DENIED
        or "AccessDenied" in fqid
        or "UnauthorizedAccess" in fqid
        or any(word in lowered for word in _ACCESS_WORDS)
    ):
        return AccessDenied(message, detail=detail)
    if is_media_problem(message, hresult):
        return MediaError(message, MEDIA_HINT, **kwargs)
    if category == "ResourceExists":
        return CmdletError(message, _EXISTS_HINT, **kwargs)
    if (
        category == "ObjectNotFound"
        or code == WMI_FILE_NOT_FOUND
        or hresult in (HR_FILE_NOT_FOUND, HR_PATH_NOT_FOUND)
        or "NotFound" in fqid
    ):
        return NotFound(message, _NOT_FOUND_HINT, **kwargs)
    if (
        code == WMI_INVALID_STATE
        or fqid.endswith("InvalidReplicationState")
        # Hyper-V's cmdlets report a wrong state as "InvalidState,Microsoft.HyperV.PowerShell…"
        # (UNCONFIRMED for every cmdlet; the English word is the fallback for the others)
        or fqid.split(",")[0] in ("InvalidState", "InvalidReplicationState")
        or (category == "InvalidOperation" and "state" in lowered)
    ):
        return InvalidState(message, _STATE_HINT, **kwargs)
    hint = (
        f"Hyper-V's event log (Hyper-V-VMMS, Admin){where} has details."
        if cmdlet
        else "Fix the cause and try again."
    )
    return CmdletError(message, hint, **kwargs)


def parse_result(result: RunResult, *, host: str = "") -> Any:
    """The ``data`` of a script's result, or the mapped exception of its first error record."""
    document = decode_result(result.stdout)
    if document is None:
        stderr = " ".join(result.stderr.split())
        where = f" on {host}" if host else ""
        if stderr:
            message = f"PowerShell{where} ended without a result: {stderr[:400]}"
        else:
            message = f"PowerShell{where} ended without a result (exit code {result.exit_code})."
        raise ProtocolError(message, detail=(result.stderr + "\n" + result.stdout)[-4000:])
    if as_bool(document.get("ok")):
        return document.get("data")
    errors = as_list(document.get("errors"))
    if not errors:
        raise ProtocolError(
            said(
                QT_TRANSLATE_NOOP("Errors", "The host reported a failure without an error record.")
            )
        )
    raise error_from_record(errors[0], host=host)

"""Injected failures: "this operation on this host raises this kind of error"."""

from __future__ import annotations

from typing import Any

from hvseed_gui.hyperv import host_errors as errors

from .state import State


def error_class(kind: str) -> type[errors.HvseedError]:
    """The exception type named ``kind`` (e.g. "HostUnreachable"); ValueError if none.

    Any kind a host can raise: the seam's own and the package-wide ``Cancelled``."""
    cls = getattr(errors, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, errors.HvseedError)):
        names = sorted(
            n
            for n, c in vars(errors).items()
            if isinstance(c, type) and issubclass(c, errors.HvseedError)
        )
        raise ValueError(f"Unknown error kind '{kind}'; use one of {', '.join(names)}.")
    return cls


def make_fault(host: str, operation: str, kind: str, message: str, times: int) -> dict[str, Any]:
    error_class(kind)
    return {
        "host": host,
        "operation": operation,
        "kind": kind,
        "message": message or f"The lab simulated a failure ({kind}) of {operation} on {host}.",
        "remaining": int(times),  # 0 = every call
    }


def take(state: State, host: str, operation: str) -> errors.HvseedError | None:
    """The error an injected fault makes this call raise, counting it down; None if none."""
    for fault in state["faults"]:
        if fault["host"] not in ("*", host) or fault["operation"] not in ("*", operation):
            continue
        if fault["remaining"] == 1:
            state["faults"].remove(fault)
        elif fault["remaining"] > 1:
            fault["remaining"] -= 1
        cls = error_class(fault["kind"])
        if issubclass(cls, errors.CmdletError):
            return cls(fault["message"], cmdlet=operation, category="LabFault")
        return cls(fault["message"])
    return None

"""Build an operation's script from the ``.ps1`` resources in ``scripts/``.

* ``scripts/<name>.ps1`` holds one operation's body (or a fragment several bodies share) as a
  plain PowerShell file: a comment header, a blank line, then the statements. The body runs
  inside the frame's ``try``; it reads only ``$in`` (the data document) and sets ``$result``.
* ``scripts/common/*.ps1`` hold ``#region <name>`` … ``#endregion`` blocks: the frame
  (``frame.ps1``: header, core functions, checks, footer) and the shared helpers, one region
  per helper. A script carries only the helpers it names and what those call.

The resources are read with ``importlib.resources`` (package data), once each.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from hvseed_gui.hyperv.powershell.script import Script, encode_blob

_BLOB_PLACEHOLDER = "@@HVSEED_INPUT_BLOB@@"
_REGION_RE = re.compile(r"^#region (\S+)\n(.*?)^#endregion$", re.DOTALL | re.MULTILINE)
_CALL_RE = re.compile(r"\b([A-Z][a-z]+-Hvseed[A-Za-z]+)\b")
#: the shared helper files, in the order their regions are looked up
HELPER_FILES = ("vm", "replica", "jobs", "files")


def script_text(name: str) -> str:
    """The text of ``scripts/<name>`` as shipped (``name`` like ``inventory.ps1``), LF line ends
    whatever a checkout did to them."""
    resource = files(__package__).joinpath("scripts", *name.split("/"))
    return resource.read_text(encoding="utf-8").replace("\r\n", "\n")


@cache
def ps1(name: str, indent: str = "    ") -> str:
    """The statements of ``scripts/<name>.ps1`` (its comment header dropped), each line indented
    by ``indent`` (the body sits inside the frame's ``try``), after one empty line."""
    text = script_text(f"{name}.ps1")
    _header, _blank, body = text.partition("\n\n")
    lines = body.removesuffix("\n").split("\n")
    return "\n" + "\n".join(indent + line if line else line for line in lines) + "\n"


@cache
def _regions(file: str) -> dict[str, str]:
    return dict(_REGION_RE.findall(script_text(f"common/{file}.ps1")))


def frame(part: str) -> str:
    """One region of ``common/frame.ps1`` (header, core, try, version-check, hyperv-check,
    footer)."""
    return _regions("frame")[part]


@cache
def all_helpers() -> dict[str, str]:
    """Every shared helper by name (its region's text), from ``common/<file>.ps1``."""
    found: dict[str, str] = {}
    for file in HELPER_FILES:
        found.update(_regions(file))
    return found


def helper(name: str) -> str:
    """The text of one shared helper."""
    return all_helpers()[name]


def helper_calls(name: str) -> tuple[str, ...]:
    """The other shared helpers that helper ``name`` calls (they travel with it)."""
    known = all_helpers()
    calls = dict.fromkeys(c for c in _CALL_RE.findall(known[name]) if c in known and c != name)
    return tuple(calls)


def render(
    operation: str,
    body: str,
    data: dict[str, Any],
    *,
    helpers: tuple[str, ...] = (),
    needs_hyperv: bool = True,
) -> Script:
    """The whole script: frame, the helpers named (each after what it calls), ``body``, and
    ``data`` as the one input blob."""
    wanted: list[str] = []

    def add(name: str) -> None:
        for dep in helper_calls(name):
            add(dep)
        if name not in wanted:
            wanted.append(name)

    for name in helpers:
        add(name)
    parts = [
        frame("header").replace("@@OPERATION@@", operation),
        frame("core"),
        *(helper(name) for name in wanted),
        frame("try"),
        "" if operation == "readiness" else frame("version-check"),
        frame("hyperv-check") if needs_hyperv else "",
        body,
        frame("footer"),
    ]
    source = "".join(parts).replace(_BLOB_PLACEHOLDER, encode_blob(data))
    return Script(operation=operation, source=source, data=data)

"""A rendered operation (``Script``), its input blob, and the forms admins read.

Each ``render_*`` function is pure: it returns a ``Script`` whose source is fixed text plus ONE
string literal holding the operation's inputs as base64 of UTF-8 JSON. No VM name, path, server
name or other user text is ever spliced into PowerShell source; passwords never enter a script.

Inside a script:

* ``$in`` is the decoded input object; cmdlets are called by splatting literal hashtables whose
  keys are the cmdlet's documented parameter names and whose values come from ``$in``;
* VMs are resolved by ID (``Get-VM -Id``) and passed as objects (VMObject parameter sets);
* the result is ONE JSON document, base64 of UTF-8 on one line ``HVSEED-RESULT:<b64>`` so any
  console code page survives: ``{"ok": true, "data": …}`` or ``{"ok": false, "errors": [record]}``
  with records ``{category, cmdlet, message, fqid, hresult, code}``;
* every value is emitted in a plain shape (enums via ``[string]``, times via ``.ToString('o')``,
  GUIDs as strings, lists always inside ``@(...)`` properties), because Windows PowerShell 5.1's
  ``ConvertTo-Json`` turns enums into numbers and dates into ``"\\/Date(ms)\\/"``.

The scripts avoid constructs tree-sitter-powershell misreads (bare-word arrays as command
arguments, calculated properties, ``param([Parameter()])`` attributes, ``switch``); the tests
parse every script with it.
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.hyperv.host import VmRef

RESULT_MARKER = "HVSEED-RESULT:"

_BLOB_RE = re.compile(r"FromBase64String\('([A-Za-z0-9+/=]*)'\)")

#: the readable form (scripts an admin saves): JSON in a single-quoted here-string
_HERE_RE = re.compile(r"= @'\n(.*?)\n'@$", re.DOTALL | re.MULTILINE)

#: characters that could end a single-quoted string in PowerShell (it takes the typographic
#: single quotes as quotes too)
_QUOTE_LIKE = "'\u2018\u2019\u201a\u201b"


@dataclass(frozen=True)
class Script:
    """One operation as PowerShell: ``source`` runs as is; ``data`` is what its blob carries."""

    operation: str
    source: str
    data: dict[str, Any] = field(default_factory=dict, repr=False)
    #: environment variables the runner sets for this script's process only (passwords):
    #: never part of ``source`` or ``data``, so never in a saved script or a temporary file
    secrets: dict[str, str] = field(default_factory=dict, repr=False)


def encode_blob(data: dict[str, Any]) -> str:
    """Base64 of the UTF-8 JSON of ``data``: the only form in which inputs enter a script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def readable_json(data: dict[str, Any]) -> str:
    """``data`` as indented JSON that can sit in a single-quoted here-string: every quote-like
    character (' ‘ ’ ‚ ‛), control, format (bidirectional) and line-separator
    character is escaped as \\uXXXX, so no value can end the string or hide what it says.
    Other text (umlauts) stays readable."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out: list[str] = []
    for char in text:
        if char in _QUOTE_LIKE or (
            char != "\n" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
        ):
            units = char.encode("utf-16-be")
            for i in range(0, len(units), 2):
                out.append(f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}")
        else:
            out.append(char)
    return "".join(out)


def decode_blob(source: str) -> dict[str, Any]:
    """The input data embedded in a rendered script (for tests, --debug and the plan viewer):
    the base64 blob of an operation, or the readable JSON here-string of a saved script."""
    match = _BLOB_RE.search(source)
    if match:
        return json.loads(base64.b64decode(match.group(1)).decode("utf-8"))
    here = _HERE_RE.search(source)
    if here:
        return json.loads(here.group(1))
    raise ValueError("The script carries no input blob.")


def blob_span(source: str) -> tuple[int, int]:
    """Start and end offset of the input data (base64 literal or JSON here-string)."""
    match = _BLOB_RE.search(source) or _HERE_RE.search(source)
    if not match:
        raise ValueError("The script carries no input blob.")
    return match.span(1)


def checked_vm_id(vm: VmRef) -> str:
    try:
        return normalize_vm_id(vm.id)
    except ValueError:
        raise ValueError(f"'{vm.id}' is not a valid VM ID (a GUID) for VM '{vm.name}'.") from None


_IN_LINE = (
    "$in = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}'))"
    " | ConvertFrom-Json"
)


def for_review(script: Script) -> str:
    """``script`` as a security team reads it: its inputs as readable JSON in a single-quoted
    here-string (``readable_json``) instead of base64, no UNCONFIRMED notes. It runs the same:
    ConvertFrom-Json reads the same document either way."""
    line = _IN_LINE.replace("{blob}", encode_blob(script.data))
    if line not in script.source:
        raise ValueError(f"{script.operation}: no input line to show readably")
    readable = (
        "$inJson = @'\n" + readable_json(script.data) + "\n'@\n"
        "$in = ConvertFrom-Json -InputObject $inJson"
    )
    source = script.source.replace(line, readable, 1).replace(
        "# Inputs arrive as ONE base64 JSON blob; nothing else in this script comes from the user.",
        "# Inputs arrive as ONE JSON document; nothing else in this script comes from the user.",
        1,
    )
    return for_admins(source)


def for_admins(source: str) -> str:
    """``source`` without the comment blocks that hold UNCONFIRMED notes: what admins and
    security teams read says what the script does; open questions stay in hvseed's code."""
    lines = source.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not any("UNCONFIRMED" in line for line in block):
            out.extend(block)
        block.clear()

    for line in lines:
        if line.lstrip().startswith("#") and not line.lstrip().startswith("#>"):
            block.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)

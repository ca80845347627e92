"""JSON from outside (plans, manifests), read strictly: every refusal is a sentence.

``json.loads`` alone takes a 50 MB file, recurses until Python gives up on ``[`` nested
100 000 deep, lets a repeated key silently win, and reads ``NaN``. ``loads_strict`` refuses all
of these before or while parsing, naming the file (``what``) and what is wrong with it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


class JsonInputError(ValueError):
    """JSON that is refused; the message is a sentence for the admin."""


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")
_ASCII_INT = re.compile(r"-?[0-9]+", re.ASCII)


def nesting_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest in ``text`` (strings skipped); linear, no recursion."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _pairs(what: str) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise JsonInputError(f"{what} gives '{key}' twice; keep one of them.")
            out[key] = value
        return out

    return hook


def _refuse_constant(name: str) -> Any:
    raise JsonInputError(f"{name} is not a number JSON allows.")


def _ascii_int(text: str) -> int:
    if not _ASCII_INT.fullmatch(text):
        raise JsonInputError(f"{text!r} is not a number written with the digits 0-9.")
    if len(text) > 40:
        raise JsonInputError(f"a number of {len(text)} digits is no setting's value.")
    return int(text)


def loads_strict(text: str, *, what: str, max_bytes: int, max_depth: int) -> Any:
    """Parse ``text`` (``what`` = "The plan plan.json" for the sentences), refusing more than
    ``max_bytes`` of UTF-8, nesting deeper than ``max_depth``, duplicate keys, NaN/Infinity
    and numbers too long to be one."""
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise JsonInputError(
            f"{what} is larger than {_size(max_bytes)}; hvseed reads no larger file of this "
            "kind (it is a few KiB)."
        )
    if nesting_depth(text) > max_depth:
        raise JsonInputError(
            f"{what} nests lists or objects deeper than {max_depth} levels; it is not one "
            "hvseed wrote."
        )
    try:
        return json.loads(
            text,
            object_pairs_hook=_pairs(what),
            parse_constant=_refuse_constant,
            parse_int=_ascii_int,
        )
    except JsonInputError as exc:
        if str(exc).startswith(what):
            raise
        raise JsonInputError(f"{what} holds a value hvseed refuses: {exc}") from None
    except json.JSONDecodeError as exc:
        raise JsonInputError(
            f"{what} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise JsonInputError(f"{what} cannot be read as JSON ({type(exc).__name__}).") from None


def read_text_file(path: str | Path, *, what: str, max_bytes: int) -> str:
    """A UTF-8 text file (BOM allowed) of at most ``max_bytes``; ``JsonInputError`` naming the
    file when it is larger or not UTF-8. ``OSError`` passes (the caller names it)."""
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise JsonInputError(
            f"{what} is larger than {_size(max_bytes)}; hvseed reads no larger file of this kind."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonInputError(
            f"{what} is not UTF-8 text (byte {exc.start + 1} cannot be read); save it as UTF-8."
        ) from None


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n // 1024} KiB"

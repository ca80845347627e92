"""Names from hosts, drives and files made visible, not obeyed.

A VM name, a path from a manifest or a host's answer can hold terminal control sequences
(ESC ``[1A`` moves the cursor up and erases what was printed) or bidirectional controls
(U+202E shows ``exe.txt`` as ``txt.exe``). ``visible`` spells them out, ``\\x1b`` and
``<U+202E>``, for anything shown to a person: CLI output, reports, GUI labels. The raw text is
still what goes to Hyper-V.
"""

from __future__ import annotations

import re

#: Bidirectional formatting characters (Unicode's Bidi_Control property) and the line and
#: paragraph separators, which break a line where none is seen.
_BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
# C0 controls, DEL, C1 controls (NEL U+0085 and the 8-bit CSI U+009B among them).
_HIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI_AND_SEPARATORS}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _spell(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def visible(text: object, keep: str = "") -> str:
    """``text`` with every control and bidirectional character spelt out; the characters in
    ``keep`` (e.g. ``"\\n"`` for multi-line output) are left as they are."""
    text = str(text)
    return _HIDDEN.sub(lambda m: m.group() if m.group() in keep else _spell(m.group()), text)


def is_plain(text: str) -> bool:
    """True when ``visible`` would leave ``text`` unchanged."""
    return _HIDDEN.search(text) is None

"""Quoting data for the shell a printed command line is meant for, in one place.

Every command hvseed prints for an admin to paste (handover report, manifest, CLI hints) puts
names and paths through these helpers; no data ever goes inside double quotes, where both
PowerShell and bash run ``$(...)``.

- PowerShell: a single-quoted (verbatim) string. PowerShell takes the typographic single quotes
  ‘ ’ ‚ ‛ as quote characters too, so each of them is doubled like ``'``. Nothing else is special
  inside such a string.
- POSIX shells: a single-quoted string, each ``'`` written ``'\\''``.

A PowerShell-quoted word is inert in bash as well: a doubled ``''`` there only ends one
single-quoted string and starts the next.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The characters PowerShell's tokenizer treats as a single quote (CharExtensions.IsSingleQuote).
POWERSHELL_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


def powershell_literal(text: str) -> str:
    """``text`` as one PowerShell verbatim string: ``'it''s'``."""
    body = "".join(c + c if c in POWERSHELL_SINGLE_QUOTES else c for c in text)
    return f"'{body}'"


def posix_literal(text: str) -> str:
    """``text`` as one POSIX-shell word in single quotes: ``'it'\\''s'``."""
    return "'" + text.replace("'", "'\\''") + "'"


def powershell_command(program: str, words: Iterable[str | Literal]) -> str:
    """A PowerShell line: ``program`` then each word; ``Literal`` words are quoted data."""
    return " ".join([program, *(_word(w, powershell_literal) for w in words)])


def posix_command(program: str, words: Iterable[str | Literal]) -> str:
    """A POSIX-shell line: ``program`` then each word; ``Literal`` words are quoted data."""
    return " ".join([program, *(_word(w, posix_literal) for w in words)])


def drive_word(mount_point: str) -> str:
    """A drive for a command line (``manage-bde -status E:``): the bare letter when the host
    reported a plain one, else the text as a PowerShell verbatim string."""
    text = mount_point.rstrip("\\")
    if len(text) == 2 and text[1] == ":" and text[0].isascii() and text[0].isalpha():
        return text
    return powershell_literal(mount_point)


class Literal(str):
    """A word that is data (a name, a path): always quoted, never taken as syntax."""


def _word(word: str, quote) -> str:  # noqa: ANN001 - one of the two quoting functions above
    return quote(str(word)) if isinstance(word, Literal) else word


def sha256sum_check_line(sums_name: str) -> str:
    """The bash line that checks a ``.sha256`` file, run in the folder that holds it."""
    return posix_command("sha256sum", ["-c", "--", Literal(sums_name)])


def get_filehash_check_line(sums_name: str) -> str:
    """The PowerShell line that checks every file a ``.sha256`` file lists (Windows Server has
    no ``sha256sum``), run in the folder that holds it. The only data in it is the file's name
    in a verbatim string; the paths read from the file stay in a variable (``-LiteralPath``:
    no wildcards), never in source."""
    return (
        f"Get-Content -LiteralPath {powershell_literal(sums_name)} -Encoding UTF8 | "
        "ForEach-Object { $h, $p = $_ -split '  ', 2; "
        "$f = (Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash; "
        "if ($f -eq $h) { 'OK     ' + $p } else { 'FAILED ' + $p } }"
    )

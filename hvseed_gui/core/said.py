"""Sentences for the admin that each front end words in its own language.

Core, flows and the Hyper-V seam do not know the reader's language. What they tell the admin
is a ``Said``: a stable ``code``, an English template with ``{named}`` parameters, and the
parameters. A ``Said`` *is* its English sentence (a ``str``), so the CLI, logs and tests read
it as they always did; the GUI words it again through Qt's catalogue (``ui/wording.py``), and
``worded(said, words)`` does so for any ``Words`` (the handover report's ``--lang``).

Templates are marked with ``QT_TRANSLATE_NOOP(context, text)`` (this module's own, Qt-free; the
name is what ``pyside6-lupdate`` looks for) and plural ones with
``counted.translate(context, "%n file(s)", "", 0)``, so the catalogue holds every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from hvseed_gui.core.units import format_bytes

#: the languages hvseed words its sentences in: English is the source, the others ship as
#: hvseed_gui/i18n/hvseed_<lang>.qm
LANGUAGES = ("en", "de")


class Template(str):
    """An English template and the catalogue context it is translated in."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        made = super().__new__(cls, text)
        made.context = context
        return made

    def __reduce__(self) -> tuple:  # copy and pickle: a str subclass with a context
        return (Template, (self.context, str(self)))


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:  # noqa: N802 - lupdate's name
    """Mark ``text`` for the catalogue (context ``context``); returns it as a ``Template``."""
    return Template(context, text)


class _Counted:
    """``counted.translate(ctx, "%n file(s)", "", 0)`` marks a plural template for lupdate."""

    def translate(self, context: str, text: str, _comment: str = "", _n: int = 0) -> Template:
        return Template(context, text)


counted = _Counted()


class Size(int):
    """A number of bytes: each front end writes it in its own locale ("2.3 MiB", "2,3 MiB")."""


class Words(Protocol):
    """A reader's language: a catalogue and how numbers are written."""

    def translate(self, context: str, text: str, n: int = -1) -> str: ...

    def size(self, n: int) -> str: ...


class English:
    """The source language: templates as written, English plurals, sizes as ``format_bytes``."""

    def translate(self, context: str, text: str, n: int = -1) -> str:
        if n < 0:
            return text
        return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")

    def size(self, n: int) -> str:
        return format_bytes(n)


ENGLISH = English()

_FIELD = re.compile(r"\{(\w+)\}")


class Said(str):
    """A sentence for the admin: ``str(said)`` is the English; ``worded(said, words)`` any
    other language. ``code`` stays the same across versions and languages."""

    code: str
    template: str
    params: Mapping[str, object]
    n: int

    def __new__(
        cls, template: str, params: Mapping[str, object], *, code: str = "", n: int = -1
    ) -> Said:
        made = super().__new__(cls, _render(template, params, n, ENGLISH))
        made.template = template
        made.params = dict(params)
        made.code = code
        made.n = n
        return made

    def worded(self, words: Words) -> str:
        return _render(self.template, self.params, self.n, words)

    def __reduce__(self) -> tuple:  # copy and pickle keep the wording
        return (_remade, (self.template, self.params, self.code, self.n))


def _remade(template: str, params: Mapping[str, object], code: str, n: int) -> Said:
    return Said(template, params, code=code, n=n)


def said(template: str, *, code: str = "", n: int = -1, **params: object) -> Said:
    """``said(QT_TRANSLATE_NOOP("Check", "VM {vm} is …"), vm=name)``; ``n`` is the count of a
    ``%n`` plural template, never a ``{n}`` parameter."""
    return Said(template, params, code=code, n=n)


def joined(parts: Iterable[str], sep: str = " ") -> Said:
    """Several sentences as one, each worded on its own."""
    items = list(parts)
    template = sep.join(f"{{p{i}}}" for i in range(len(items)))
    return Said(template, {f"p{i}": part for i, part in enumerate(items)})


def worded(text: object, words: Words = ENGLISH) -> str:
    """``text`` in the language of ``words``: a ``Said`` is worded again, anything else is data
    and stays as it is."""
    if isinstance(text, Said):
        return text.worded(words)
    return str(text)


def _value(value: object, words: Words) -> str:
    if isinstance(value, Said):
        return value.worded(words)
    if isinstance(value, Template):
        return words.translate(value.context, value)
    if isinstance(value, Size):
        return words.size(int(value))
    return str(value)


def _render(template: str, params: Mapping[str, object], n: int, words: Words) -> str:
    text = template
    if isinstance(template, Template):
        text = words.translate(template.context, template, n)
    # one pass over the fields: a parameter's own text ("{x}" in a VM name) is never re-read
    return _FIELD.sub(
        lambda m: _value(params[m.group(1)], words) if m.group(1) in params else m.group(0), text
    )

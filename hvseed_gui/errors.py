"""The package-wide base of every failure hvseed reports, and ``Cancelled``.

``str(exc)`` is the sentence the admin reads: what happened (``message``) and what to do
(``hint``). ``detail`` carries the underlying text (Hyper-V's words, the transport error) for
``--debug`` and logs. Nothing here ever contains a password.

``core`` raises these without knowing about the Hyper-V seam; ``hyperv/errors.py`` derives the
host's failure kinds from ``HvseedError``, and the faces catch ``HvseedError`` to show any of them.
"""

from __future__ import annotations

from hvseed_gui.core.said import Said, joined


class HvseedError(Exception):
    """Base of every failure hvseed reports.

    ``message`` says what happened, ``hint`` what the admin can do about it.
    """

    default_hint = ""

    def __init__(self, message: str, hint: str | None = None, *, detail: str = "") -> None:
        hint = hint if hint is not None else self.default_hint
        # a Said keeps its wording (the GUI words it again in its language)
        self.message = message if isinstance(message, Said) else message.strip()
        self.hint = hint if isinstance(hint, Said) else hint.strip()
        self.detail = detail  # Hyper-V's own text or the transport error, for --debug / logs
        super().__init__(self.__str__())

    @property
    def sentence(self) -> str:
        """``str(self)`` that keeps a ``Said`` message and hint worded for each front end."""
        return joined([self.message, self.hint]) if self.hint else self.message

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message} {self.hint}"
        return self.message


class Cancelled(HvseedError):
    """The admin cancelled the operation."""

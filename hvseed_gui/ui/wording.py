"""What core, flows and the Hyper-V seam say (``core.said.Said``), worded in the GUI's language.

Every text that reaches a widget from below the GUI goes through ``word()``: a ``Said`` is
translated through Qt's catalogue with its parameters in the GUI's locale; anything else is
data (a VM name, a path, Hyper-V's own words) and is shown as it is. ``error()`` does the same
for a failure: hvseed's sentence and hint worded, Hyper-V's own message quoted as Hyper-V's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hvseed_gui.core.said import Said, Words, worded
from hvseed_gui.language import QtWords
from hvseed_gui.ui import format as fmt


class GuiWords(QtWords):
    """The GUI's language: Qt's installed catalogue, sizes as every page writes them."""

    def size(self, n: int) -> str:
        return fmt.size(n)


GUI: Words = GuiWords()


def word(text: object) -> str:
    """``text`` in the GUI's language (a ``Said``), or as it is (data)."""
    return worded(text, GUI)


def plural(template: str, n: int) -> str:
    """A template marked with ``core.said.counted`` (lupdate sees its %n only with a literal
    count), translated for ``n``."""
    return QCoreApplication.translate(getattr(template, "context", ""), template, None, n)


def hyperv_said(text: str) -> str:
    """Hyper-V's own message, marked as Hyper-V's (it comes in the host's language)."""
    return QCoreApplication.translate("Wording", "Hyper-V: «%1»").replace("%1", text)


def job_message(text: str) -> str:
    """A job's message: hvseed's own (a ``Said``) in the GUI's language, Hyper-V's quoted."""
    return word(text) if isinstance(text, Said) else hyperv_said(text)


def error(exc: BaseException) -> str:
    """A failure as the GUI shows it: hvseed's message and hint worded in the GUI's language,
    a cmdlet's own message quoted as Hyper-V's."""
    from hvseed_gui.errors import HvseedError
    from hvseed_gui.hyperv.host_errors import CmdletError

    if not isinstance(exc, HvseedError):
        return str(exc)
    if isinstance(exc, CmdletError) and not isinstance(exc.message, Said):
        text = hyperv_said(exc.message)
    else:
        text = word(exc.message)
    return f"{text} {word(exc.hint)}" if exc.hint else text

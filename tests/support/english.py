"""Finding English on a German screen: every text a person can see on a widget, and the
English words in it that no German sentence uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

#: Words of English prose that German text never uses (no "was", "die", "also", "an",
#: "in", "so": they are German too). Product and cmdlet names are not words of either language.
_PROSE = """
    the is are be been being and or of to this that these those with from not no yes
    has have had will would should could can cannot does did done it its you your
    which when where there than then what who why how into onto after before only
    any each every all none unknown ok file files file(s) copy copies drive drives folder
    waiting ready running failed found check checked verified missing enabled disabled
    replication replica please click next back finish cancel choose select
    error warning still yet now again because while until about
"""
ENGLISH = frozenset(_PROSE.split())

TAG = re.compile(r"<[^>]+>")
ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d+);")
#: Hyper-V's own words, shown as Hyper-V's: «…» after "Hyper-V:" are quoted, not ours.
QUOTED = re.compile(r"«[^»]*»")
WORD = re.compile(r"[A-Za-z][A-Za-z()']*")
#: IDs, digests and fingerprints: hex, not words ("A4B3", "fd44").
HEX = re.compile(r"\b[0-9A-Fa-f]*\d[0-9A-Fa-f]*\b|\b[0-9a-fA-F]{4}\b")
#: Windows paths are data: "C:\\Hyper-V\\Replica" is a folder's name, not English.
WINDOWS_PATH = re.compile(r"\b[A-Za-z]:\\[^\s,;]*")
#: "OK" is German too; the lower-case "ok" of a value column is not.
GERMAN_TOO = frozenset({"OK"})


def _plain(text: str) -> str:
    return ENTITY.sub(" ", TAG.sub(" ", text)).replace("&", "")


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see under ``root``."""
    widgets: Iterable[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        name = f"{type(widget).__name__}({widget.objectName() or ''})"
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, _plain(widget.text())
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if widget.property("code"):  # a script is PowerShell, not a language
                continue
            yield name, widget.toPlainText()
        elif isinstance(widget, QTableWidget):
            for c in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(c)
                if header is not None:
                    yield name + " header", header.text()
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    item = widget.item(r, c)
                    if item is not None:
                        yield f"{name} [{r},{c}]", item.text()
                    cell = widget.cellWidget(r, c)
                    if cell is not None:
                        yield from texts(cell)
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                yield name, widget.item(i).text()
        elif isinstance(widget, QTreeWidget):
            it = QTreeWidgetItemIterator(widget)
            while it.value():
                item = it.value()
                for c in range(widget.columnCount()):
                    yield name, item.text(c)
                it += 1


def english_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """The English words in ``text``, leaving out quoted Hyper-V messages and ``names``
    (VM names, paths, host names: data, not language)."""
    for name in names:
        text = text.replace(name, " ")
    text = WINDOWS_PATH.sub(" ", text.replace("\u200b", ""))
    text = HEX.sub(" ", QUOTED.sub(" ", text))
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH and w not in GERMAN_TOO]


def english_on(root: QWidget, names: Iterable[str] = ()) -> list[str]:
    """Lines ``where: text`` for every visible text under ``root`` that has English in it."""
    names = sorted(set(names), key=len, reverse=True)
    found = []
    for where, text in texts(root):
        words = english_words(text, names)
        if words:
            found.append(f"{where}: {text!r}  <- {sorted(set(words))}")
    return found

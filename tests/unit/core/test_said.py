"""core.said: what core says is its English sentence, and every front end can word it again."""

from __future__ import annotations

import copy
import pickle

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Size, counted, joined, said, worded


class German:
    """A front end's language, as the GUI's Qt catalogue would give it."""

    table = {
        ("T", "Copy of {vm} is {size}."): "Die Kopie von {vm} ist {size} groß.",
        ("T", "%n file(s)"): ("%n Datei", "%n Dateien"),
        ("T", "missing"): "fehlt",
    }

    def translate(self, context: str, text: str, n: int = -1) -> str:
        found = self.table.get((context, text), text)
        if isinstance(found, tuple):
            return found[0 if n == 1 else 1].replace("%n", str(n))
        return found

    def size(self, n: int) -> str:
        return f"{n / 1024:.1f} KiB".replace(".", ",")


def test_said_is_its_english_sentence():
    text = said(QT_TRANSLATE_NOOP("T", "Copy of {vm} is {size}."), vm="SQL01", size=Size(2048))
    assert text == "Copy of SQL01 is 2.0 KiB."
    assert isinstance(text, str) and text.template.context == "T"


def test_a_front_end_words_it_with_its_own_numbers():
    text = said(QT_TRANSLATE_NOOP("T", "Copy of {vm} is {size}."), vm="SQL01", size=Size(2048))
    assert worded(text, German()) == "Die Kopie von SQL01 ist 2,0 KiB groß."


def test_plurals_are_words_not_file_s():
    one = said(counted.translate("T", "%n file(s)", "", 0), n=1)
    many = said(counted.translate("T", "%n file(s)", "", 0), n=3)
    assert (one, many) == ("1 file", "3 files")
    assert (worded(one, German()), worded(many, German())) == ("1 Datei", "3 Dateien")


def test_nested_and_joined_sentences_are_worded_each():
    inner = said(QT_TRANSLATE_NOOP("T", "missing"))
    both = joined([inner, "Hyper-V's own words."])
    assert both == "missing Hyper-V's own words."
    assert worded(both, German()) == "fehlt Hyper-V's own words."


def test_a_parameter_is_never_read_as_a_template():
    """A VM named "{size}" stays its name: parameters are substituted once, never re-read."""
    text = said(QT_TRANSLATE_NOOP("T", "Copy of {vm} is {size}."), vm="{size}", size=Size(2048))
    assert text == "Copy of {size} is 2.0 KiB."
    assert worded(text, German()) == "Die Kopie von {size} ist 2,0 KiB groß."


def test_plain_text_is_data_and_stays_as_it_is():
    assert worded("E:\\TinyLinux_1F2E", German()) == "E:\\TinyLinux_1F2E"


def test_copies_and_pickles_keep_the_wording():
    text = said(QT_TRANSLATE_NOOP("T", "Copy of {vm} is {size}."), vm="A", size=Size(2048))
    for again in (copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == text and worded(again, German()) == worded(text, German())

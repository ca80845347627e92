"""Decoding what PowerShell writes: UTF-8 text and CLIXML on stderr."""

from __future__ import annotations

from hvseed_gui.hyperv.runners import clixml_to_text, decode_output

HEADER = "#< CLIXML\r\n"
OBJS = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">{}</Objs>'


def test_plain_stderr_is_left_alone():
    assert clixml_to_text("plain error text\n") == "plain error text\n"


def test_only_the_error_stream_is_kept_and_escapes_are_decoded():
    stderr = (
        HEADER
        + OBJS.format(
            '<S S="warning">ignore me_x000D__x000A_</S>'
            '<S S="Error">first_x000D__x000A_</S>'
            '<S S="Error">tab_x0009_and smile _xD83D__xDE00__x000D__x000A_</S>'
        )
        + "\r\n"
        + OBJS.format('<S S="Error">second block_x000D__x000A_</S>')
    )
    assert clixml_to_text(stderr) == "first\ntab\tand smile \U0001f600\nsecond block"


def test_progress_only_clixml_is_no_error_at_all():
    progress = '<Obj S="progress" RefId="0"><MS><PR N="Record"><AV>Preparing</AV></PR></MS></Obj>'
    assert clixml_to_text(HEADER + OBJS.format(progress)) == ""


def test_malformed_clixml_is_shown_as_it_came():
    broken = HEADER + OBJS.format('<S S="Error">unclosed')
    assert clixml_to_text(broken) == broken


def test_text_before_the_clixml_survives():
    stderr = "native tool said this\n" + HEADER + OBJS.format('<S S="Error">boom</S>')
    assert clixml_to_text(stderr) == "native tool said this\nboom"


def test_decode_output_is_robust():
    assert decode_output("\ufeffPr\u00fcf\r\n".encode() + b"\xff") == "Pr\u00fcf\n\ufffd"

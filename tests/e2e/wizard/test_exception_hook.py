"""The last-resort exception hook: an uncaught exception is a sentence on the page, its traceback
goes to the error log."""

from __future__ import annotations

import sys

from hvseed_gui.ui.ids import PageId


def test_uncaught_exception_shows_a_sentence_and_logs_the_traceback(make_wizard, drive, tmp_path):
    from hvseed_gui.app import ERROR_LOG, make_excepthook

    wizard = make_wizard()
    drive.next(wizard, PageId.CONNECT)
    hook = make_excepthook(wizard, tmp_path / "data")
    try:
        raise AttributeError("'NoneType' object has no attribute 'name'")
    except AttributeError:
        hook(*sys.exc_info())
    page = wizard.currentPage()
    assert page.status.kind == "error"
    assert "Something went wrong inside hvseed" in page.status.text()
    assert "Traceback" not in page.status.text()
    log = (tmp_path / "data" / ERROR_LOG).read_text(encoding="utf-8")
    assert "Traceback" in log and "AttributeError" in log

"""Render the handover report's HTML to a PDF: QTextDocument + QPdfWriter, A4, page footer.

Works without a window system (``QT_QPA_PLATFORM=offscreen``) and from the CLI: a
``QApplication`` is created when none exists (text layout needs one for its fonts; a widgets
application, so that a process which later shows widgets, such as a test run, can).

It lives beside ``ui/`` rather than in it: Qt but no widgets, so the CLI's ``--pdf`` reaches it
without importing the GUI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from hvseed_gui.core.said import ENGLISH, Words
from hvseed_gui.errors import HvseedError

if TYPE_CHECKING:
    from hvseed_gui.core.report import HandoverReport

RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(18, 16, 18, 14)  # left, top, right, bottom
FOOTER_GAP_MM = 4.0
FOOTER_POINT_SIZE = 7.5


class PdfError(HvseedError):
    """The PDF could not be written; ``str()`` says why and what to do (the CLI prints it)."""


_APP: QCoreApplication | None = None  # kept alive when we had to create it


def ensure_gui_application() -> None:
    """Create a ``QApplication`` when none runs (CLI); offscreen when there is no display.

    Not a bare ``QGuiApplication``: Qt aborts a process that creates widgets under one."""
    global _APP
    if QCoreApplication.instance() is not None:
        return
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    _APP = QApplication(sys.argv[:1])


def _tr(text: str, path: object) -> str:
    """``text`` marked with QT_TRANSLATE_NOOP("PdfError", …), translated, with %1 = ``path``."""
    return QCoreApplication.translate("PdfError", text).replace("%1", str(path))


def write_pdf(
    html: str,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    footer: str = "",
    overwrite: bool = False,
) -> int:
    """Write ``html`` as an A4 PDF to ``path``; returns the number of pages.

    Each page ends with ``footer`` (left) and "Page n of m" (right). An existing file is replaced
    only with ``overwrite=True`` (a save dialog has asked); otherwise ``PdfError``.
    """
    ensure_gui_application()
    target = Path(path)
    if target.exists() and (not overwrite or not target.is_file()):
        raise PdfError(
            _tr(
                QT_TRANSLATE_NOOP(
                    "PdfError",
                    "%1 exists already; hvseed does not replace it. Choose another name.",
                ),
                target,
            )
        )
    if not target.parent.is_dir():
        raise PdfError(
            _tr(
                QT_TRANSLATE_NOOP(
                    "PdfError", "The folder %1 does not exist. Choose another place."
                ),
                target.parent,
            )
        )
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator("hvseed")
    if title:
        writer.setTitle(title)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's own resolution
    doc.setHtml(html)
    paint = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
    dots_per_mm = RESOLUTION_DPI / 25.4
    footer_font = QFont(doc.defaultFont())
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    footer_h = FOOTER_GAP_MM * dots_per_mm + FOOTER_POINT_SIZE / 72 * RESOLUTION_DPI * 1.6
    page_w, page_h = float(paint.width()), float(paint.height()) - footer_h
    doc.setPageSize(QSizeF(page_w, page_h))
    pages = doc.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError(
            _tr(
                QT_TRANSLATE_NOOP(
                    "PdfError", "Cannot write %1: the file cannot be created. Choose another place."
                ),
                target,
            )
        )
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page_h)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, index * page_h, page_w, page_h)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            _footer(painter, footer_font, page_w, page_h, footer_h, index + 1, pages, footer)
    finally:
        painter.end()
    if not target.is_file() or target.stat().st_size == 0:
        raise PdfError(
            _tr(
                QT_TRANSLATE_NOOP("PdfError", "Cannot write %1. Check that the place is writable."),
                target,
            )
        )
    return pages


def _footer(
    painter: QPainter,
    font: QFont,
    width: float,
    top: float,
    height: float,
    page: int,
    pages: int,
    text: str,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    line_y = top + height * 0.35
    painter.drawLine(0, int(line_y), int(width), int(line_y))
    box = QRectF(0, line_y, width, top + height - line_y)
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignLeft), text)
    painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignRight), f"Page {page} of {pages}")
    painter.restore()


def write_report_pdf(
    report: HandoverReport,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    words: Words = ENGLISH,
) -> int:
    """Write a ``core.report.HandoverReport`` as PDF in the reader's language (``words``);
    returns the page count."""
    from hvseed_gui.core.report_render import report_title

    names = ", ".join(vm.name for vm in report.vms)
    title = report_title(report, words)
    footer = f"hvseed · {names} · {report.source_host} → {report.replica_server}"
    return write_pdf(report.to_html(words), path, title=title, footer=footer, overwrite=overwrite)

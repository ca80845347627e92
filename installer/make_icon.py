"""Draw hvseed's application icon and write resources/hvseed.ico (and hvseed.png, 256 px).

    QT_QPA_PLATFORM=offscreen python installer/make_icon.py

A blue tile with a white drive and an arrow into it: the initial copy travels on a drive. The
.ico holds PNG images of the sizes Windows asks for (16 to 256 px); it is committed, so the
builds do not draw it.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPolygonF

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon at ``size`` × ``size`` pixels, drawn on a 256-unit canvas."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5fa8"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(40, 150, 176, 66), 14, 14)  # the drive
    p.setBrush(QColor("#1f5fa8"))
    p.drawEllipse(QPointF(184, 183), 11, 11)  # its activity light
    p.setBrush(QColor("white"))
    arrow = QPolygonF(
        [QPointF(x, y) for x, y in ((108, 36), (148, 36), (148, 92), (180, 92), (128, 138))]
        + [QPointF(76, 92), QPointF(108, 92)]
    )
    p.drawPolygon(arrow)
    p.setPen(QPen(QColor("#1f5fa8"), 6))
    p.drawLine(QPointF(60, 183), QPointF(150, 183))  # the drive's label strip
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file of PNG-compressed images (allowed since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, paint
    images = [(size, png_bytes(draw(size))) for size in SIZES]
    RESOURCES.mkdir(exist_ok=True)
    (RESOURCES / "hvseed.ico").write_bytes(ico_bytes(images))
    (RESOURCES / "hvseed.png").write_bytes(images[-1][1])
    print(f"wrote {RESOURCES / 'hvseed.ico'} and hvseed.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

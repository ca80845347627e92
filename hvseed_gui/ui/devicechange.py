"""Drive plugged in or pulled out: on Windows, WM_DEVICECHANGE asks for an immediate refresh.

Windows broadcasts DBT_DEVICEARRIVAL / DBT_DEVICEREMOVECOMPLETE for volumes to every top-level
window, so the wizard's own window receives them without registering. The filter only calls
back; the refresh itself runs off the GUI thread like every poll. Elsewhere the filter is never
installed (and ignores any event type that is not a Windows MSG): the drive page's polling
covers other systems.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication

WM_DEVICECHANGE = 0x0219
DBT_DEVICEARRIVAL = 0x8000
DBT_DEVICEREMOVECOMPLETE = 0x8004
WINDOWS_MSG_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class MSG(ctypes.Structure):
    """winuser.h MSG; only ``message`` and ``wParam`` are read."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),  # WPARAM = UINT_PTR
        ("lParam", ctypes.c_ssize_t),  # LPARAM = LONG_PTR
        ("time", ctypes.c_ulong),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    ]


def is_drive_change(message: int, wparam: int) -> bool:
    """Whether a window message says a device (a USB drive's volume) arrived or left."""
    return message == WM_DEVICECHANGE and wparam in (DBT_DEVICEARRIVAL, DBT_DEVICEREMOVECOMPLETE)


def _address(message: object) -> int:
    try:
        return int(message)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


class DeviceChangeFilter(QAbstractNativeEventFilter):
    """Calls ``on_change`` (on the GUI thread) for each drive arrival or removal."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.on_change = on_change
        self.installed = False

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: object):  # noqa: N802
        kind = bytes(event_type) if not isinstance(event_type, bytes) else event_type
        if kind in WINDOWS_MSG_TYPES:
            address = _address(message)
            if address:
                msg = MSG.from_address(address)
                if is_drive_change(msg.message, msg.wParam):
                    self.on_change()
        return False, 0  # never swallow the message

    def install(self) -> bool:
        """Install on the application (Windows only); True when installed."""
        app = QCoreApplication.instance()
        if self.installed or app is None or sys.platform != "win32":
            return self.installed
        app.installNativeEventFilter(self)
        self.installed = True
        return True

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if self.installed and app is not None:
            app.removeNativeEventFilter(self)
        self.installed = False

"""Loopback endpoints that misbehave below WS-Man, for the WinRM deadline and size caps.

Modes: ``endless`` (200, then a chunked body that never ends), ``trickle`` (status line and
headers a byte at a time), ``trickle_body`` (headers at once, then the body a byte at a time),
``garbage`` (an SSH banner and binary bytes instead of HTTP), ``huge_header`` (a header line
that never ends). 127.0.0.1 only, a random port, daemon threads; everything stops when the
``with`` block ends, and no connection lives longer than ``LIFETIME`` seconds or sends more
than ``MAX_BYTES`` whatever the client does.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time

LIFETIME = 60.0
MAX_BYTES = 6 * 2**30
_PIECE = b"<rsp:Stream>" + b"A" * (64 * 1024 - 26) + b"</rsp:Stream>\n"


class HostileHttp:
    def __init__(
        self, mode: str, *, tls: ssl.SSLContext | None = None, interval: float = 0.5
    ) -> None:
        self.mode = mode
        self.tls = tls
        self.interval = interval
        self.stop = threading.Event()
        self.requests = 0
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]

    def __enter__(self) -> HostileHttp:
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        started = time.monotonic()
        while not self.stop.is_set() and time.monotonic() - started < LIFETIME:
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        deadline = time.monotonic() + LIFETIME
        try:
            conn.settimeout(5)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            self._read_request(conn)
            self.requests += 1
            getattr(self, f"_{self.mode}")(conn, deadline)
        except (OSError, ssl.SSLError, ValueError):
            pass  # the client gave up: that is the point
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    def _alive(self, deadline: float) -> bool:
        return not self.stop.is_set() and time.monotonic() < deadline

    @staticmethod
    def _read_request(conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 2**20:
            piece = conn.recv(65536)
            if not piece:
                return
            data += piece
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip() or 0)
        while len(body) < length:
            piece = conn.recv(65536)
            if not piece:
                return
            body += piece

    def _endless(self, conn: socket.socket, deadline: float) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"%x\r\n" % len(_PIECE) + _PIECE + b"\r\n"
        sent = 0
        while self._alive(deadline) and sent < MAX_BYTES:
            conn.sendall(chunk)
            sent += len(chunk)

    def _trickle(self, conn: socket.socket, deadline: float) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n"
            b"Server: Microsoft-HTTPAPI/2.0\r\nX-Padding: " + b"p" * 4000 + b"\r\n"
        )
        for i in range(len(head)):
            if not self._alive(deadline):
                return
            conn.sendall(head[i : i + 1])
            self.stop.wait(self.interval)

    def _trickle_body(self, conn: socket.socket, deadline: float) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n"
            b"Content-Length: 100000\r\n\r\n"
        )
        while self._alive(deadline):
            conn.sendall(b"<")
            self.stop.wait(self.interval)

    def _garbage(self, conn: socket.socket, deadline: float) -> None:
        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n" + bytes(range(256)) * 4)

    def _huge_header(self, conn: socket.socket, deadline: float) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Huge: ")
        sent = 0
        while self._alive(deadline) and sent < MAX_BYTES:
            conn.sendall(b"h" * 65536)
            sent += 65536

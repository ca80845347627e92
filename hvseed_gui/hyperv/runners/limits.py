"""One real deadline and a size cap for every HTTP exchange pywinrm makes.

requests' timeouts bound each socket read, not an answer: a server that sends its status line a
byte every two seconds, or a 200 with an endless chunked body, keeps a caller waiting (and
``response.content`` growing) for ever. ``limit_transport`` fits a pywinrm ``Transport`` with an
adapter that

- reads every answer itself, in pieces, and stops at ``MAX_RESPONSE_BYTES`` (the handshake's
  401 answers included: the adapter reads them before any auth hook sees them);
- arms a watchdog for the deadline of the call in progress (``call_deadline``): when it passes,
  the connection's socket is shut down, so a read blocked on a trickling server returns at once
  and the call ends with ``OperationTimeout``.

Both end in a sentence naming the host; nothing here knows WS-Man.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host_errors import OperationTimeout, ProtocolError

MAX_RESPONSE_BYTES = 64 * 2**20  # one WS-Man answer; real ones are at most a few hundred KiB
_READ_PIECE = 64 * 1024
_WATCHDOG_GRACE = 1.0  # seconds past the deadline before the connection is shut


@dataclass
class _Call:
    host: str
    deadline: float
    timeout: float
    connections: list[Any] = field(default_factory=list)
    expired: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def register(self, conn: Any) -> None:
        with self.lock:
            self.connections.append(conn)
            if not self.expired:
                return
        _shut(conn)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            connections = list(self.connections)
        for conn in connections:
            _shut(conn)

    def timeout_error(self) -> OperationTimeout:
        return OperationTimeout(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{host} did not answer in time: its answer was not complete within {timeout} "
                    "seconds, so hvseed stopped waiting and closed the connection.",
                ),
                host=self.host,
                timeout=f"{self.timeout:g}",
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Check that the host's WinRM service is healthy, or raise the timeout.",
                )
            ),
        )


def _shut(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        # socket.shutdown on the plain socket: also wakes a TLS read blocked in another thread
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


_local = threading.local()


@contextlib.contextmanager
def call_deadline(host: str, deadline: float, timeout: float) -> Iterator[None]:
    """Every HTTP exchange of a limited transport in this thread ends by ``deadline``
    (``time.monotonic()``); ``timeout`` is what the admin asked for, for the sentence."""
    previous = getattr(_local, "call", None)
    _local.call = _Call(host, deadline, timeout)
    try:
        yield
    finally:
        _local.call = previous


def _current() -> _Call | None:
    return getattr(_local, "call", None)


def _pool_classes() -> dict[str, type]:
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class _WatchedMixin:
        def _get_conn(self, timeout: float | None = None) -> Any:
            conn = super()._get_conn(timeout)  # type: ignore[misc]
            call = _current()
            if call is not None:
                call.register(conn)
            return conn

    class WatchedHTTPPool(_WatchedMixin, HTTPConnectionPool):
        pass

    class WatchedHTTPSPool(_WatchedMixin, HTTPSConnectionPool):
        pass

    return {"http": WatchedHTTPPool, "https": WatchedHTTPSPool}


def _adapter_class() -> type:
    from requests.adapters import HTTPAdapter

    class LimitedAdapter(HTTPAdapter):
        """Reads each answer whole but at most ``MAX_RESPONSE_BYTES``, within the deadline."""

        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = _pool_classes()

        def send(self, request: Any, stream: bool = False, **kwargs: Any) -> Any:
            call = _current()
            timer = None
            if call is not None:
                remaining = call.deadline - time.monotonic()
                if remaining <= 0:
                    raise call.timeout_error()
                # A silent host meets requests' read timeout (cut to the deadline) first and is
                # reported as such; the watchdog catches the one that keeps trickling.
                timer = threading.Timer(remaining + _WATCHDOG_GRACE, call.expire)
                timer.daemon = True
                timer.start()
            try:
                response = super().send(request, stream=True, **kwargs)
                _read_whole(response, call)
            except (OperationTimeout, ProtocolError):
                raise
            except Exception:
                if call is not None and call.expired:
                    raise call.timeout_error() from None
                raise
            finally:
                if timer is not None:
                    timer.cancel()
            if call is not None and call.expired:  # what came was cut short by the watchdog
                response.close()
                raise call.timeout_error()
            return response

    return LimitedAdapter


def _read_whole(response: Any, call: _Call | None) -> None:
    """Read the body into ``response._content`` (as ``response.content`` would), capped."""
    pieces: list[bytes] = []
    size = 0
    try:
        for piece in response.raw.stream(_READ_PIECE, decode_content=True):
            size += len(piece)
            if size > MAX_RESPONSE_BYTES:
                host = call.host if call is not None else "The host"
                raise ProtocolError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "{host} sent an answer larger than {p} MiB; hvseed stopped reading it "
                            "and closed the connection.",
                        ),
                        host=host,
                        p=MAX_RESPONSE_BYTES // 2**20,
                    ),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Check that this port belongs to a WinRM listener; a WS-Man answer is "
                            "never this large.",
                        )
                    ),
                )
            pieces.append(piece)
    except ProtocolError:
        response.close()
        raise
    response._content = b"".join(pieces)
    response._content_consumed = True


def limit_transport(transport: Any) -> Any:
    """Fit a pywinrm ``Transport`` with the limited adapter, before its first message (the
    session is built lazily, and the encryption handshake runs while it is built)."""
    build, setup = transport.build_session, transport.setup_encryption

    def mount(session: Any) -> Any:
        if not getattr(session, "_hvseed_limited", False):
            adapter = _adapter_class()()
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["Accept-Encoding"] = "identity"  # sizes are what the wire carries
            session._hvseed_limited = True
        return session

    def limited_setup(session: Any) -> None:
        setup(mount(session))

    def limited_build() -> Any:
        return mount(build())

    transport.setup_encryption = limited_setup
    transport.build_session = limited_build
    return transport

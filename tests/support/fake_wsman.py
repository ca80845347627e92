"""A loopback WS-Management endpoint for testing the real pywinrm client against.

It speaks just enough WinRS (Create shell, Command, Send, Receive, Signal, Delete) for one
command, checks Basic credentials, and can misbehave on request: answer 401, a SOAP fault
(access denied or another one), keep a command running forever, or accept a request and never
answer. It listens on 127.0.0.1 on a random port, runs in daemon threads and stops when its
``with`` block ends (a handler that hangs waits at most ``HANG_LIMIT`` seconds).

``make_tls`` writes a throw-away CA and a server certificate for 127.0.0.1 / localhost.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import ssl
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HANG_LIMIT = 10.0

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "a": "http://schemas.xmlsoap.org/ws/2004/08/addressing",
    "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd",
    "rsp": "http://schemas.microsoft.com/wbem/wsman/1/windows/shell",
}
SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell"
TIMEOUT_FAULT_CODE = 2150858793  # WSMan: the Receive operation timed out, no output yet
ENVELOPE = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    'xmlns:x="http://schemas.xmlsoap.org/ws/2004/09/transfer" '
    'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd" '
    'xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell">'
    "<s:Header><a:RelatesTo>{relates}</a:RelatesTo></s:Header><s:Body>{body}</s:Body>"
    "</s:Envelope>"
)
FAULT = (
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">'
    "<s:Header><a:RelatesTo>{relates}</a:RelatesTo></s:Header><s:Body><s:Fault>"
    "<s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>{subcode}</s:Value></s:Subcode>"
    '</s:Code><s:Reason><s:Text xml:lang="en-US">{reason}</s:Text></s:Reason><s:Detail>'
    '<f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" '
    'Code="{code}" Machine="hv01.example.test"><f:Message>{reason}</f:Message></f:WSManFault>'
    "</s:Detail></s:Fault></s:Body></s:Envelope>"
)

# What a Windows host answers (sample texts; fault codes as documented by MS-WSMV / winerror.h).
ACCESS_DENIED = ("w:AccessDenied", 5, "Access is denied. ")
OTHER_FAULT = (
    "w:InternalError",
    2150858843,
    "The WS-Management service cannot process the request because the XML is invalid. ",
)
OPERATION_TIMEOUT = (
    "w:TimedOut",
    TIMEOUT_FAULT_CODE,
    "The WS-Management service cannot "
    "complete the operation within the time specified in OperationTimeout. ",
)

Program = Callable[[str], tuple[bytes, bytes, int]]


def _echo(script: str) -> tuple[bytes, bytes, int]:
    return script.encode("utf-8"), b"", 0


@dataclass
class Recorded:
    """What the endpoint saw, for assertions."""

    actions: list[str] = field(default_factory=list)
    command_lines: list[str] = field(default_factory=list)
    stdin_chunks: list[bytes] = field(default_factory=list)
    stdin_ended: bool = False
    signals: list[str] = field(default_factory=list)
    deleted_shells: list[str] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    shell_options: list[dict[str, str]] = field(default_factory=list)

    @property
    def script(self) -> str:
        """The script as the bootstrap would rebuild it: base64 text on stdin -> UTF-8."""
        text = b"".join(self.stdin_chunks).decode("ascii")
        return base64.b64decode("".join(text.split())).decode("utf-8")


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up (deadline, bad certificate) is what some tests do


class FakeWsman:
    """``mode``: "ok", "unauthorized", "access_denied", "fault", "hang" (accept, never answer),
    "busy" (the command never ends: every Receive times out). ``receive_timeouts`` makes the
    first N Receives of an "ok" run time out, as a host with a slow command does."""

    def __init__(
        self,
        *,
        mode: str = "ok",
        tls: ssl.SSLContext | None = None,
        username: str = "admin",
        password: str = "",
        program: Program = _echo,
        receive_timeouts: int = 0,
        stdout_pieces: int = 2,
    ) -> None:
        self.mode = mode
        self.username = username
        self.password = password
        self.program = program
        self.receive_timeouts = receive_timeouts
        self.stdout_pieces = stdout_pieces
        self.recorded = Recorded()
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._output: list[tuple[bytes, bytes]] = []
        self._exit_code = 0
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._server.block_on_close = False
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        serve = self._server.serve_forever
        self._thread = threading.Thread(target=serve, args=(0.05,), daemon=True)

    def __enter__(self) -> FakeWsman:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # -- one request

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status, payload = fake.answer(self.headers.get("Authorization", ""), body)
                if status == 0:  # hang: accept, read, never answer
                    fake.stop.wait(HANG_LIMIT)
                    self.close_connection = True
                    return
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="WSMAN"')
                self.send_header("Content-Type", "application/soap+xml;charset=UTF-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def answer(self, authorization: str, body: bytes) -> tuple[int, bytes]:
        with self._lock:
            self.recorded.authorizations.append(authorization)
            if self.mode == "hang":
                return 0, b""
            # requests sends Basic credentials as Latin-1 (UTF-8 for characters beyond it).
            pair = f"{self.username}:{self.password}"
            expected = {
                "Basic " + base64.b64encode(pair.encode(enc)).decode("ascii")
                for enc in ("latin-1", "utf-8")
                if enc == "utf-8" or pair.isascii() or max(map(ord, pair)) < 256
            }
            if self.mode == "unauthorized" or authorization not in expected:
                return 401, b""
            if not body:  # pywinrm's empty message that sets up encryption; not for Basic
                return 200, b""
            root = ET.fromstring(body)
            action = root.findtext("s:Header/a:Action", "", NS).rsplit("/", 1)[-1]
            relates = root.findtext("s:Header/a:MessageID", "", NS)
            self.recorded.actions.append(action)
            if self.mode == "access_denied":
                return 500, self._fault(relates, ACCESS_DENIED)
            if self.mode == "fault":
                return 500, self._fault(relates, OTHER_FAULT)
            handler = getattr(self, f"_on_{action.lower()}", None)
            if handler is None:
                return 500, self._fault(relates, OTHER_FAULT)
            return handler(root, relates)

    @staticmethod
    def _fault(relates: str, fault: tuple[str, int, str]) -> bytes:
        subcode, code, reason = fault
        return FAULT.format(relates=relates, subcode=subcode, code=code, reason=reason).encode()

    @staticmethod
    def _ok(relates: str, body: str) -> tuple[int, bytes]:
        return 200, ENVELOPE.format(relates=relates, body=body).encode()

    # -- WinRS actions

    def _on_create(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        found = root.iterfind("s:Header/w:OptionSet/w:Option", NS)
        options = {o.get("Name", ""): o.text or "" for o in found}
        self.recorded.shell_options.append(options)
        body = (
            "<x:ResourceCreated><a:Address>https://hv01:5986/wsman</a:Address>"
            "<a:ReferenceParameters><w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/"
            'windows/shell/cmd</w:ResourceURI><w:SelectorSet><w:Selector Name="ShellId">'
            "11111111-2222-3333-4444-555555555555</w:Selector></w:SelectorSet>"
            "</a:ReferenceParameters></x:ResourceCreated>"
        )
        return self._ok(relates, body)

    def _on_command(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        line = root.find("s:Body/rsp:CommandLine", NS)
        assert line is not None
        command = line.findtext("rsp:Command", "", NS)
        arguments = line.findtext("rsp:Arguments", "", NS)
        self.recorded.command_lines.append(f"{command} {arguments}".strip())
        body = (
            "<rsp:CommandResponse><rsp:CommandId>AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"
            "</rsp:CommandId></rsp:CommandResponse>"
        )
        return self._ok(relates, body)

    def _on_send(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        stream = root.find("s:Body/rsp:Send/rsp:Stream", NS)
        assert stream is not None and stream.get("Name") == "stdin"
        self.recorded.stdin_chunks.append(base64.b64decode(stream.text or ""))
        if stream.get("End") == "true":
            self.recorded.stdin_ended = True
            stdout, stderr, self._exit_code = self.program(self.recorded.script)
            step = max(1, -(-len(stdout) // self.stdout_pieces))
            pieces = [stdout[i : i + step] for i in range(0, len(stdout), step)] or [b""]
            self._output = [(piece, b"") for piece in pieces]
            self._output[-1] = (self._output[-1][0], stderr)
        return self._ok(relates, "<rsp:SendResponse/>")

    def _on_receive(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        if self.mode == "busy":  # a host waits OperationTimeout before it says "nothing yet"
            self.stop.wait(0.5)
            return 500, self._fault(relates, OPERATION_TIMEOUT)
        if not self.recorded.stdin_ended or self.receive_timeouts > 0:
            self.receive_timeouts -= 1
            return 500, self._fault(relates, OPERATION_TIMEOUT)
        stdout, stderr = self._output.pop(0) if self._output else (b"", b"")
        cid = "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE"
        streams = "".join(
            f'<rsp:Stream Name="{name}" CommandId="{cid}">{base64.b64encode(data).decode()}'
            "</rsp:Stream>"
            for name, data in (("stdout", stdout), ("stderr", stderr))
            if data
        )
        if self._output:
            state = f'<rsp:CommandState CommandId="{cid}" State="{SHELL}/CommandState/Running"/>'
        else:
            state = (
                f'<rsp:CommandState CommandId="{cid}" State="{SHELL}/CommandState/Done">'
                f"<rsp:ExitCode>{self._exit_code}</rsp:ExitCode></rsp:CommandState>"
            )
        return self._ok(relates, f"<rsp:ReceiveResponse>{streams}{state}</rsp:ReceiveResponse>")

    def _on_signal(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        self.recorded.signals.append(root.findtext("s:Body/rsp:Signal/rsp:Code", "", NS))
        return self._ok(relates, "<rsp:SignalResponse/>")

    def _on_delete(self, root: ET.Element, relates: str) -> tuple[int, bytes]:
        shell = root.findtext("s:Header/w:SelectorSet/w:Selector", "", NS)
        self.recorded.deleted_shells.append(shell)
        return self._ok(relates, "")


# --- TLS material -------------------------------------------------------------------------


@dataclass(frozen=True)
class Tls:
    ca_file: str  # PEM of the CA: what a client trusts
    cert_file: str  # the server's certificate chain
    key_file: str

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_tls(
    directory: Path, name: str = "test", *, dns_names: tuple[str, ...] = ("localhost",)
) -> Tls:
    """A CA and a server certificate for 127.0.0.1 (and ``dns_names``), written to ``directory``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"hvseed {name} CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(n) for n in dns_names]
                + [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    ca_file = directory / f"{name}-ca.pem"
    cert_file = directory / f"{name}-server.pem"
    key_file = directory / f"{name}-server.key"
    ca_file.write_bytes(ca.public_bytes(pem))
    cert_file.write_bytes(cert.public_bytes(pem))
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Tls(str(ca_file), str(cert_file), str(key_file))


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

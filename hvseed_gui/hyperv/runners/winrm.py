"""A remote host over WinRM: a small ``-EncodedCommand`` bootstrap, the script itself on stdin
(pywinrm's ``run_ps`` would put it on a cmd.exe command line, ~3,000 usable characters).

``winrm`` (and with it ``requests``) is imported only when a remote host is first contacted: it
costs ~150 ms at start-up.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host_errors import (
    AccessDenied,
    AuthenticationFailed,
    HostUnreachable,
    HyperVError,
    InsecureTransport,
    OperationTimeout,
    ProtocolError,
)
from hvseed_gui.hyperv.runners.limits import call_deadline, limit_transport
from hvseed_gui.hyperv.runners.runner_types import RunResult, clixml_to_text, decode_output

log = logging.getLogger(__name__)

# --- a remote host over WinRM ---------------------------------------------------------------

WINRM_TRANSPORTS = ("kerberos", "ntlm", "credssp", "certificate", "basic")
_TRANSPORT_LABELS = {
    "kerberos": "Kerberos",
    "ntlm": "NTLM",
    "credssp": "CredSSP",
    "certificate": "certificate",
    "basic": "Basic",
}
_ENCRYPTING = ("kerberos", "ntlm", "credssp")  # WinRM message encryption is possible

# Reads ALL of stdin (our base64 text, so no code page can garble it), decodes it as UTF-8 and
# runs it as one ScriptBlock, as Ansible's winrm plugin does. `exit N` in the script ends
# powershell.exe with N [UNCONFIRMED on a real host; Ansible's bootstrap relies on the same].
_BOOTSTRAP = (
    "$ProgressPreference = 'SilentlyContinue'\n"
    "$hvseedPayload = ($input | Out-String) -replace '\\s', ''\n"
    "& ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString("
    "[Convert]::FromBase64String($hvseedPayload))))\n"
)
_ENCODED_BOOTSTRAP = base64.b64encode(_BOOTSTRAP.encode("utf-16-le")).decode("ascii")
STDIN_CHUNK = 48 * 1024  # bytes per WS-Man Send; well under the 150 KiB envelope after base64
_CLEANUP_BUDGET = 5.0  # seconds allowed for Signal + Delete after the run
MAX_OUTPUT_BYTES = 96 * 2**20  # a script's stdout + stderr; hvseed's scripts print far less
_ACCESS_DENIED_CODES = {5, 0x80070005}


def _is_certificate_problem(text: str) -> bool:
    text = text.lower()
    return "certificate" in text or "mismatch" in text or "doesn't match" in text


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc``, what it wraps (in its args, as requests and urllib3 do) and its causes."""
    seen: list[BaseException] = []
    todo = [exc]
    while todo and len(seen) < 20:
        item = todo.pop()
        if any(item is s for s in seen):
            continue
        seen.append(item)
        todo += [a for a in item.args if isinstance(a, BaseException)]
        todo += [c for c in (item.__cause__, item.__context__) if c is not None]
    return seen


def _answered_but_not_http(
    exc: BaseException, host: str, port: int, detail: str
) -> HyperVError | None:
    """A host that answered, but not as an HTTP server does, is not "unreachable"."""
    import http.client

    for cause in _causes(exc):
        if isinstance(cause, http.client.RemoteDisconnected):
            return ProtocolError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{host} accepted the connection on port {port} but closed it without "
                        "answering.",
                    ),
                    host=host,
                    port=port,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that this port belongs to a WinRM listener (winrm enumerate "
                        "winrm/config/listener on that host).",
                    )
                ),
                detail=detail,
            )
        if isinstance(cause, (http.client.BadStatusLine, http.client.UnknownProtocol)):
            return ProtocolError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Something answered on {host} port {port}, but not with HTTP, which WinRM "
                        "speaks: this port does not belong to a WinRM listener.",
                    ),
                    host=host,
                    port=port,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check the port (5985 for HTTP, 5986 for HTTPS) and the host's listeners "
                        "(winrm enumerate winrm/config/listener).",
                    )
                ),
                detail=detail,
            )
        if isinstance(cause, http.client.HTTPException):
            return ProtocolError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{host} answered on port {port} with an HTTP header that is too long or "
                        "malformed; hvseed stopped reading it.",
                    ),
                    host=host,
                    port=port,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that this port belongs to a WinRM listener and not to another "
                        "service or a proxy.",
                    )
                ),
                detail=detail,
            )
    return None


class WinRmFault(HyperVError):
    """The WinRM service answered with a SOAP fault that is not one of the usual kinds."""

    default_hint = (
        "Check the WinRM service on that host (winrm quickconfig, its event log) and try again."
    )

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        *,
        detail: str = "",
        wsman_code: int | None = None,
        fault_code: str = "",
    ) -> None:
        self.wsman_code = wsman_code
        self.fault_code = fault_code
        super().__init__(message, hint, detail=detail)


@dataclass(frozen=True)
class WinRmOptions:
    """How to reach a host over WinRM. ``password`` never appears in ``repr``.

    ``host`` may also be a URL (``https://hv01:5986/wsman``): its scheme and port win. ``port`` None
    means 5986 for HTTPS, 5985 for HTTP. The default is what PowerShell remoting does (``Enable-
    PSRemoting`` creates only the HTTP listener on 5985): Kerberos over HTTP, with WinRM's own
    message encryption. HTTPS (with certificate validation) is the choice for hosts outside the
    domain, where an admin created an HTTPS listener. ``ca_trust_path`` is a PEM bundle of the CAs
    to trust (None = the certifi bundle shipped with requests; the Windows certificate store is not
    consulted). ``cert_pem``/``cert_key_pem`` are the client certificate for the ``certificate``
    transport. ``connect_timeout`` bounds opening the connection and each HTTP answer;
    ``operation_timeout`` is how long one WS-Man Receive may wait on the host.
    ``validate_certificate=False`` is an explicit choice (pywinrm then also silences urllib3's
    InsecureRequestWarning for the whole process).
    """

    host: str
    port: int | None = None
    use_https: bool = False
    transport: str = "kerberos"
    username: str = ""
    password: str = field(default="", repr=False)
    validate_certificate: bool = True
    ca_trust_path: str | None = None
    cert_pem: str | None = None
    cert_key_pem: str | None = None
    connect_timeout: float = 15.0
    operation_timeout: int = 20

    def __post_init__(self) -> None:
        host = self.host.strip()
        if "://" in host:
            url = urlsplit(host)
            object.__setattr__(self, "use_https", url.scheme.lower() == "https")
            if url.port is not None:
                object.__setattr__(self, "port", url.port)
            host = url.hostname or ""
        object.__setattr__(self, "host", host.strip("[]"))
        object.__setattr__(self, "transport", self.transport.strip().lower())

    @property
    def effective_port(self) -> int:
        if self.port is not None:
            return self.port
        return 5986 if self.use_https else 5985

    @property
    def endpoint(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        scheme = "https" if self.use_https else "http"
        return f"{scheme}://{host}:{self.effective_port}/wsman"

    @property
    def description(self) -> str:
        label = _TRANSPORT_LABELS.get(self.transport, self.transport)
        scheme = "HTTPS" if self.use_https else "HTTP"
        unchecked = ""
        if self.use_https and not self.validate_certificate:
            unchecked = ", certificate not checked"
        return f"{self.host} (WinRM, {label} over {scheme}{unchecked})"

    @property
    def message_encryption(self) -> str:
        """pywinrm's ``message_encryption`` for these options."""
        if self.transport not in _ENCRYPTING:
            return "never"
        if not self.use_https or not self.validate_certificate:
            return "always"  # HTTP, or TLS we cannot trust: WinRM's own encryption protects it
        return "auto"  # HTTPS already encrypts; pywinrm then does not encrypt twice


def check_winrm_options(options: WinRmOptions) -> None:
    """Refuse settings that are unsafe or cannot work, with a sentence for the admin.

    Rules: HTTPS (5986) validates the host's certificate unless switched off explicitly. HTTP
    (5985) only with Kerberos, NTLM or CredSSP, whose messages WinRM then encrypts. Basic sends
    the password itself, so it is allowed only over HTTPS *with* certificate validation; the
    certificate transport needs HTTPS too, and (like Basic) a validated server certificate.
    Kerberos uses the logged-on user's ticket and takes no password; the other password
    transports need a user name and a password.
    """
    if options.transport not in WINRM_TRANSPORTS:
        raise HyperVError(
            said(
                QT_TRANSLATE_NOOP("Errors", "Unknown WinRM transport {transport}."),
                transport=repr(options.transport),
            ),
            "Use one of: " + ", ".join(WINRM_TRANSPORTS) + ".",
        )
    if not options.host:
        raise HostUnreachable(
            said(QT_TRANSLATE_NOOP("Errors", "No host name was given for the WinRM connection.")),
            said(QT_TRANSLATE_NOOP("Errors", "Give one.")),
        )
    if not 0 < options.effective_port < 65536:
        raise HostUnreachable(
            said(
                QT_TRANSLATE_NOOP("Errors", "{effective_port} is not a valid port."),
                effective_port=options.effective_port,
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Use 5986 or 5985.")),
        )
    if options.connect_timeout <= 0 or options.operation_timeout < 1:
        raise HyperVError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "WinRM timeouts must be positive (operation timeout at least 1 second).",
                )
            )
        )
    label = _TRANSPORT_LABELS[options.transport]
    if not options.use_https and options.transport not in _ENCRYPTING:
        raise InsecureTransport(
            f"{label} authentication over plain HTTP would expose "
            + ("the password" if options.transport == "basic" else "the connection")
            + " on the network; hvseed refuses it.",
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Use HTTPS (port 5986), or Kerberos/NTLM, whose messages WinRM encrypts over "
                    "HTTP.",
                )
            ),
        )
    unchecked = options.use_https and not options.validate_certificate
    if unchecked and options.transport not in _ENCRYPTING:
        raise InsecureTransport(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{label} authentication over HTTPS without checking the host's certificate "
                    "could hand your credentials to an impostor; hvseed refuses it.",
                ),
                label=label,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "Trust the host's certificate (CA file), or use Kerberos/NTLM."
                )
            ),
        )
    if options.transport == "kerberos":
        if options.password:
            raise AuthenticationFailed(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Kerberos uses the ticket of the user logged on to this computer; it "
                        "cannot log on with a password.",
                    )
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Leave the password empty, or use NTLM or CredSSP to log on with a "
                        "password.",
                    )
                ),
            )
    elif options.transport == "certificate":
        if not options.cert_pem or not options.cert_key_pem:
            raise AuthenticationFailed(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Certificate authentication needs a client certificate and its key (PEM "
                        "files).",
                    )
                ),
                said(QT_TRANSLATE_NOOP("Errors", "Give both files, or use another transport.")),
            )
        for path in (options.cert_pem, options.cert_key_pem):
            if not os.path.isfile(path):
                raise AuthenticationFailed(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors", "The client certificate file {path} was not found."
                        ),
                        path=path,
                    ),
                    said(QT_TRANSLATE_NOOP("Errors", "Check the path.")),
                )
    elif not options.username or not options.password:
        raise AuthenticationFailed(
            said(
                QT_TRANSLATE_NOOP("Errors", "{label} needs a user name and a password."),
                label=label,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "Enter both; only Kerberos can use the logged-on user's ticket."
                )
            ),
        )


class WinRmPowerShell:
    """Runs scripts on a remote host over WinRM (pywinrm), without a size limit.

    One ``run`` = one WinRS shell (code page 65001): ``powershell.exe -EncodedCommand
    <bootstrap>``, the script as base64 on stdin, output collected until the command ends or our
    deadline passes; the command is then terminated and the shell deleted in any case.
    """

    def __init__(self, options: WinRmOptions) -> None:
        check_winrm_options(options)
        self.options = options
        self.description = options.description

    def __repr__(self) -> str:
        return f"WinRmPowerShell({self.options!r})"

    # -- pywinrm wiring

    def _protocol(self) -> Any:
        """A ``winrm.protocol.Protocol`` for these options (imports winrm on first use)."""
        try:
            import winrm.transport  # ~150 ms: only when a host is contacted
            from winrm.protocol import Protocol
        except ImportError as exc:
            raise HyperVError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "WinRM support (pywinrm) is not installed in this copy of hvseed."
                    )
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Reinstall hvseed, or run it on the Hyper-V host itself."
                    )
                ),
                detail=str(exc),
            ) from None
        o = self.options
        available = {
            "kerberos": (winrm.transport.HAVE_KERBEROS, "pywinrm[kerberos]"),
            "ntlm": (winrm.transport.HAVE_NTLM, "requests-ntlm"),
            "credssp": (winrm.transport.HAVE_CREDSSP, "pywinrm[credssp]"),
        }
        have, package = available.get(o.transport, (True, ""))
        if not have:
            raise HyperVError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{p} support is not installed in this copy of hvseed ({package} is "
                        "missing).",
                    ),
                    p=_TRANSPORT_LABELS[o.transport],
                    package=package,
                ),
                said(QT_TRANSLATE_NOOP("Errors", "Install it, or choose another transport.")),
            )
        proto = Protocol(
            endpoint=o.endpoint,
            transport=o.transport,
            username=o.username or None,
            password=o.password if o.transport not in ("kerberos", "certificate") else None,
            ca_trust_path=o.ca_trust_path,  # None: no CA bundle from the environment
            cert_pem=o.cert_pem,
            cert_key_pem=o.cert_key_pem,
            server_cert_validation="validate" if o.validate_certificate else "ignore",
            read_timeout_sec=o.operation_timeout + 10,
            operation_timeout_sec=o.operation_timeout,
            message_encryption=o.message_encryption,
            proxy=None,  # never through a proxy from the environment
        )
        limit_transport(proto.transport)  # one deadline and a size cap for every answer
        return proto

    def _bound(self, proto: Any, deadline: float, *, receive: bool = False) -> None:
        """Fit the next WS-Man call into what is left of our deadline.

        pywinrm 0.5.0 reads ``operation_timeout_sec`` for every header it builds and passes
        ``transport.read_timeout_sec`` as requests' ``timeout``, which also takes a
        (connect, read) tuple.
        """
        remaining = max(deadline - time.monotonic(), 0.05)
        o = self.options
        operation = max(1, min(o.operation_timeout, math.floor(remaining)))
        proto.operation_timeout_sec = operation
        read = operation + (5 if receive else 10)
        proto.transport.read_timeout_sec = (min(o.connect_timeout, remaining), min(read, remaining))

    # -- the run

    def run(
        self, script: str, *, timeout: float, secrets: Mapping[str, str] | None = None
    ) -> RunResult:
        deadline = time.monotonic() + timeout
        proto = None
        shell_id = command_id = None
        log.debug("WinRM: running a %d-character script on %s", len(script), self.description)
        try:
            # One deadline for everything: connecting, sending, every byte of every answer.
            with call_deadline(self.options.host, deadline, timeout):
                proto = self._protocol()
                self._bound(proto, deadline)
                # Secrets travel as the shell's environment (inside the encrypted WinRM
                # channel), never in the script that is sent on stdin.
                shell_id = proto.open_shell(codepage=65001, env_vars=dict(secrets or {}) or None)
                self._bound(proto, deadline)
                command_id = proto.run_command(
                    shell_id,
                    "powershell.exe",
                    ["-NoProfile", "-NonInteractive", "-EncodedCommand", _ENCODED_BOOTSTRAP],
                    console_mode_stdin=False,
                )
                self._send_script(proto, shell_id, command_id, script, deadline)
                out, err, code = self._receive(proto, shell_id, command_id, deadline, timeout)
        except Exception as exc:  # every failure becomes one of our kinds
            error = self._translate(exc, timeout)
            log.debug("WinRM: %s failed: %s (%s)", self.options.host, error, error.detail)
            raise error from None
        finally:
            if proto is not None:
                self._cleanup(proto, shell_id, command_id)
        return RunResult(
            stdout=decode_output(out),
            stderr=clixml_to_text(decode_output(err)),
            exit_code=code,
        )

    def _send_script(
        self, proto: Any, shell_id: str, command_id: str, script: str, deadline: float
    ) -> None:
        from winrm.exceptions import WinRMOperationTimeoutError

        payload = base64.b64encode(script.encode("utf-8")) + b"\r\n"
        chunks = [payload[i : i + STDIN_CHUNK] for i in range(0, len(payload), STDIN_CHUNK)]
        for index, chunk in enumerate(chunks):
            self._bound(proto, deadline)
            try:
                proto.send_command_input(shell_id, command_id, chunk, end=index == len(chunks) - 1)
            except WinRMOperationTimeoutError:
                # The host was busy; it still takes the input (Ansible's experience). If it did
                # not, our deadline below ends the wait.
                log.debug("WinRM: operation timeout while sending input; continuing")

    def _receive(
        self, proto: Any, shell_id: str, command_id: str, deadline: float, timeout: float
    ) -> tuple[bytes, bytes, int]:
        import requests.exceptions as rex
        from winrm.exceptions import WinRMOperationTimeoutError

        out: list[bytes] = []
        err: list[bytes] = []
        received = 0
        while True:
            if time.monotonic() >= deadline:
                raise self._timeout(timeout)
            self._bound(proto, deadline, receive=True)
            try:
                stdout, stderr, code, done = proto.get_command_output_raw(shell_id, command_id)
            except WinRMOperationTimeoutError:
                continue  # nothing new within one operation timeout: ask again
            except rex.Timeout:
                if time.monotonic() >= deadline - 0.1:  # the wait was cut to fit our deadline
                    raise self._timeout(timeout) from None
                raise
            out.append(stdout)
            err.append(stderr)
            received += len(stdout) + len(stderr)
            if received > MAX_OUTPUT_BYTES:
                raise ProtocolError(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The script's output on {host} grew beyond {p} MiB; hvseed stopped "
                            "reading it and asked the host to end it.",
                        ),
                        host=self.options.host,
                        p=MAX_OUTPUT_BYTES // 2**20,
                    ),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "hvseed's own scripts answer with far less: check the host, or report "
                            "it.",
                        )
                    ),
                )
            if done:
                return b"".join(out), b"".join(err), code

    def _cleanup(self, proto: Any, shell_id: str | None, command_id: str | None) -> None:
        """Terminate the command and delete the shell, within a small budget; never raises."""
        deadline = time.monotonic() + _CLEANUP_BUDGET
        try:
            with call_deadline(self.options.host, deadline, _CLEANUP_BUDGET):
                if shell_id is not None and command_id is not None:
                    self._bound(proto, deadline)
                    proto.cleanup_command(shell_id, command_id)
                if shell_id is not None:
                    self._bound(proto, deadline)
                    proto.close_shell(shell_id)  # also closes the HTTP session
                    return
        except Exception as exc:  # the run's own result or error matters more
            log.debug("WinRM: cleanup on %s failed: %s", self.options.host, self._scrub(str(exc)))
        with contextlib.suppress(Exception):
            proto.transport.close_session()

    # -- error mapping

    def _scrub(self, text: str) -> str:
        secret = self.options.password
        return text.replace(secret, "********") if secret else text

    def _timeout(self, timeout: float) -> OperationTimeout:
        return OperationTimeout(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{host} did not finish the operation within {timeout} seconds; hvseed stopped "
                    "waiting and asked the host to end it.",
                ),
                host=self.options.host,
                timeout=f"{timeout:g}",
            ),
        )

    def _translate(self, exc: BaseException, timeout: float) -> HyperVError:
        """Map a pywinrm / requests failure to one of our kinds; the password never survives."""
        if isinstance(exc, HyperVError):
            return exc
        import requests.exceptions as rex  # loaded with winrm anyway
        from winrm.exceptions import (
            AuthenticationError,
            WinRMError,
            WinRMOperationTimeoutError,
            WinRMTransportError,
            WSManFaultError,
        )

        o = self.options
        host = o.host
        detail = self._scrub(f"{type(exc).__name__}: {exc}")
        if isinstance(exc, WinRMOperationTimeoutError):
            return self._timeout(timeout)
        if isinstance(exc, WSManFaultError):
            return self._fault(exc, detail)
        if isinstance(exc, AuthenticationError):
            return AuthenticationFailed(
                said(
                    QT_TRANSLATE_NOOP("Errors", "{host} rejected the credentials ({p})."),
                    host=host,
                    p=_TRANSPORT_LABELS[o.transport],
                ),
                detail=detail,
            )
        if isinstance(exc, WinRMTransportError):
            return ProtocolError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The WinRM service on {host} answered with HTTP status {code}."
                    ),
                    host=host,
                    code=exc.code,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that port {effective_port} belongs to a WinRM listener (winrm "
                        "enumerate winrm/config/listener on that host).",
                    ),
                    effective_port=o.effective_port,
                ),
                detail=detail,
            )
        if type(exc).__name__ in ("KerberosExchangeError", "MutualAuthenticationError"):
            return AuthenticationFailed(
                said(
                    QT_TRANSLATE_NOOP("Errors", "Kerberos authentication with {host} failed."),
                    host=host,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Log on to this computer with a domain account (klist shows its tickets), "
                        "use the host's DNS name rather than its IP address, or use NTLM.",
                    )
                ),
                detail=detail,
            )
        if isinstance(exc, rex.SSLError) and not _is_certificate_problem(str(exc)):
            return HostUnreachable(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The secure (TLS) connection to {host} on port {effective_port} failed.",
                    ),
                    host=host,
                    effective_port=o.effective_port,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that this port is the host's WinRM HTTPS listener (5986; 5985 is "
                        "HTTP).",
                    )
                ),
                detail=detail,
            )
        if isinstance(exc, rex.SSLError):
            return InsecureTransport(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The certificate of {host} could not be verified, so hvseed did not "
                        "connect.",
                    ),
                    host=host,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Trust the CA that issued the host's WinRM certificate (CA file), and "
                        "connect with the name the certificate was issued for.",
                    )
                ),
                detail=detail,
            )
        if isinstance(exc, rex.ConnectTimeout):
            return HostUnreachable(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{host} did not accept a connection on port {effective_port} in time.",
                    ),
                    host=host,
                    effective_port=o.effective_port,
                ),
                detail=detail,
            )
        if isinstance(exc, rex.Timeout):
            return OperationTimeout(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "{host} accepted the connection but did not answer in time."
                    ),
                    host=host,
                ),
                detail=detail,
            )
        answered = _answered_but_not_http(exc, host, o.effective_port, detail)
        if answered is not None:
            return answered
        if isinstance(exc, rex.ConnectionError):
            text = str(exc)
            if "NameResolution" in text or "getaddrinfo" in text or "resolve" in text:
                message = f"The host name {host} could not be resolved."
            elif "refused" in text.lower():
                message = f"{host} refused the connection on port {o.effective_port}."
            else:
                message = f"{host} could not be reached on port {o.effective_port}."
            return HostUnreachable(message, detail=detail)
        if isinstance(exc, rex.RequestException):
            return HostUnreachable(
                said(QT_TRANSLATE_NOOP("Errors", "The connection to {host} failed."), host=host),
                detail=detail,
            )
        if isinstance(exc, WinRMError):
            return HyperVError(
                said(QT_TRANSLATE_NOOP("Errors", "WinRM failed: {p}."), p=self._scrub(str(exc))),
                detail=detail,
            )
        return ProtocolError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "{host} answered over WinRM in a way hvseed cannot read."
                ),
                host=host,
            ),
            detail=detail,
        )

    def _fault(self, exc: Any, detail: str) -> HyperVError:
        reason = self._scrub(" ".join(str(exc.reason or "").split()))
        subcode = str(exc.fault_subcode or "")
        if (
            exc.wsman_fault_code in _ACCESS_DENIED_CODES
            or "access is denied" in reason.lower()
            or subcode.endswith("AccessDenied")
        ):
            return AccessDenied(
                said(
                    QT_TRANSLATE_NOOP("Errors", "{host} denied access: {reason}"),
                    host=self.options.host,
                    reason=reason,
                ),
                detail=detail,
            )
        return WinRmFault(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "The WinRM service on {host} reported an error: {reason}"
                ),
                host=self.options.host,
                reason=reason,
            ),
            detail=detail,
            wsman_code=exc.wsman_fault_code,
            fault_code=subcode or str(exc.fault_code or ""),
        )

"""WinRmPowerShell with the REAL pywinrm client against a loopback WS-Man endpoint (fake_wsman).

The happy path runs over HTTPS with a throw-away CA (Basic auth, certificate validated), which
also proves that a certificate from an untrusted CA is refused. Failure kinds: 401, SOAP faults,
a closed port, an endpoint that never answers, a command that never ends.
"""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest

from hvseed_gui.hyperv.host_errors import (
    AccessDenied,
    AuthenticationFailed,
    HostUnreachable,
    HyperVError,
    InsecureTransport,
    OperationTimeout,
)
from hvseed_gui.hyperv.runners import (
    STDIN_CHUNK,
    WinRmFault,
    WinRmOptions,
    WinRmPowerShell,
    check_winrm_options,
)
from tests.support.fake_wsman import FakeWsman, Tls, closed_port, make_tls

PASSWORD = "Sup3r-Geheim-\u00e4\u00f6\u00fc-9731"
TERMINATE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate"
SHELL_ID = "11111111-2222-3333-4444-555555555555"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return make_tls(tmp_path_factory.mktemp("tls"), "trusted")


@pytest.fixture(scope="module")
def foreign_tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return make_tls(tmp_path_factory.mktemp("tls-foreign"), "foreign")


def https_runner(port: int, tls: Tls, **overrides) -> WinRmPowerShell:
    settings = dict(
        host="127.0.0.1",
        port=port,
        use_https=True,
        transport="basic",
        username="admin",
        password=PASSWORD,
        ca_trust_path=tls.ca_file,
        connect_timeout=5,
    )
    settings.update(overrides)
    return WinRmPowerShell(WinRmOptions(**settings))


def test_importing_runners_does_not_import_winrm():
    code = (
        "import sys, hvseed_gui.hyperv.runners as r; "
        "assert r.WinRmPowerShell and r.LocalPowerShell; "
        "print(sorted(m for m in ('winrm', 'requests', 'psutil') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


# --- the happy path -----------------------------------------------------------------------


def test_long_script_travels_on_stdin_and_output_comes_back(tls):
    script = (
        "$vm = 'Pr\u00fcfserver'\n"
        + "".join(f"# line {i:05d} of a long operation script\n" for i in range(2500))
        + "Write-Output $vm\n"
    )
    assert len(script) > 100_000

    def program(received: str) -> tuple[bytes, bytes, int]:
        answer = f"{len(received)} chars\r\nPr\u00fcfserver\r\n"
        return answer.encode("utf-8"), b"", 0

    fake = FakeWsman(
        tls=tls.server_context(),
        password=PASSWORD,
        program=program,
        receive_timeouts=2,
        stdout_pieces=3,
    )
    with fake:
        result = https_runner(fake.port, tls).run(script, timeout=30)

    seen = fake.recorded
    assert seen.script == script  # the whole script arrived, through stdin
    assert len(seen.stdin_chunks) >= 3 and max(map(len, seen.stdin_chunks)) <= STDIN_CHUNK
    assert seen.stdin_ended
    assert len(seen.command_lines) == 1
    command_line = seen.command_lines[0]
    assert len(command_line) < 2_000  # far below cmd.exe's limit, whatever the script's size
    assert command_line.startswith("powershell.exe -NoProfile -NonInteractive -EncodedCommand ")
    bootstrap = base64.b64decode(command_line.rsplit(" ", 1)[1]).decode("utf-16-le")
    assert "$input" in bootstrap and "[ScriptBlock]::Create" in bootstrap
    assert seen.shell_options[0]["WINRS_CODEPAGE"] == "65001"

    assert result.stdout == f"{len(script)} chars\nPr\u00fcfserver\n"
    assert result.exit_code == 0 and result.stderr == ""
    # Two "nothing yet" Receives were waited out, three pieces of output collected.
    assert seen.actions.count("Receive") == 2 + 3
    assert seen.actions[:2] == ["Create", "Command"]
    assert seen.actions[-2:] == ["Signal", "Delete"]
    assert seen.signals == [TERMINATE] and seen.deleted_shells == [SHELL_ID]


def test_exit_code_and_clixml_stderr_come_back(tls):
    clixml = (
        "#< CLIXML\r\n"
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
        '<S S="Error">Something failed on Pr\u00fcfserver_x000D__x000A_</S></Objs>'
    )
    fake = FakeWsman(
        tls=tls.server_context(),
        password=PASSWORD,
        program=lambda _script: (b"", clixml.encode("utf-8"), 7),
    )
    with fake:
        result = https_runner(fake.port, tls).run("exit 7", timeout=30)
    assert result.exit_code == 7
    assert result.stderr == "Something failed on Pr\u00fcfserver"


# --- failures -----------------------------------------------------------------------------


def _run_against(mode: str, tls: Tls, foreign_tls: Tls, timeout: float) -> BaseException:
    """Run once against an endpoint that fails in ``mode``; return what was raised."""
    if mode == "refused":
        runner = https_runner(closed_port(), tls)
        with pytest.raises(HyperVError) as caught:
            runner.run("Get-VM", timeout=timeout)
        return caught.value
    server_tls = foreign_tls if mode == "untrusted" else tls
    fake = FakeWsman(
        mode="ok" if mode in ("untrusted", "wrong_password") else mode,
        tls=server_tls.server_context(),
        password=PASSWORD if mode != "wrong_password" else "the-real-password",
    )
    with fake, pytest.raises(HyperVError) as caught:
        https_runner(fake.port, tls).run("Get-VM", timeout=timeout)
    if mode == "untrusted":
        assert fake.recorded.authorizations == []  # nothing, not even the password, was sent
    return caught.value


FAILURES = [
    # mode, expected kind, words of the sentence
    ("wrong_password", AuthenticationFailed, "127.0.0.1 rejected the credentials (Basic)"),
    ("unauthorized", AuthenticationFailed, "rejected the credentials"),
    ("access_denied", AccessDenied, "127.0.0.1 denied access: Access is denied."),
    ("fault", WinRmFault, "the request because the XML is invalid"),
    ("refused", HostUnreachable, "refused the connection on port"),
    ("untrusted", InsecureTransport, "certificate of 127.0.0.1 could not be verified"),
    ("hang", OperationTimeout, "did not answer in time"),
    ("busy", OperationTimeout, "did not finish the operation within 2 seconds"),
]


@pytest.mark.parametrize(("mode", "kind", "words"), FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_are_typed_sentences_without_the_password(
    mode, kind, words, tls, foreign_tls, caplog
):
    caplog.set_level(logging.DEBUG)
    timeout = 2.0 if mode == "busy" else 1.5
    started = time.monotonic()
    error = _run_against(mode, tls, foreign_tls, timeout)
    elapsed = time.monotonic() - started

    assert type(error) is kind
    assert words in str(error)
    assert error.hint  # says what to do
    assert elapsed < timeout + 6  # our deadline (+ the cleanup budget), not pywinrm's retries
    leaks = [
        str(error),
        repr(error),
        error.detail,
        "".join(traceback.format_exception(error)),
        caplog.text,
    ]
    pair = f"admin:{PASSWORD}"
    b64s = [base64.b64encode(pair.encode(enc)).decode() for enc in ("latin-1", "utf-8")]
    for text in leaks:
        assert PASSWORD not in text and not any(b64 in text for b64 in b64s)


def test_https_to_a_plain_http_port_is_not_called_a_certificate_problem(tls):
    with FakeWsman(password=PASSWORD) as fake, pytest.raises(HostUnreachable) as caught:
        https_runner(fake.port, tls).run("Get-VM", timeout=5)
    assert "secure (TLS) connection to 127.0.0.1" in str(caught.value)
    assert "listener" in caught.value.hint


def test_certificate_for_another_name_is_refused(tmp_path):
    ip_only = make_tls(tmp_path, "ip-only", dns_names=())  # trusted CA, but no "localhost"
    fake = FakeWsman(tls=ip_only.server_context(), password=PASSWORD)
    with fake, pytest.raises(InsecureTransport) as caught:
        https_runner(fake.port, ip_only, host="localhost").run("Get-VM", timeout=5)
    assert "certificate of localhost could not be verified" in str(caught.value)
    assert fake.recorded.authorizations == []


def test_fault_keeps_the_wsman_code(tls):
    fake = FakeWsman(mode="fault", tls=tls.server_context(), password=PASSWORD)
    with fake, pytest.raises(WinRmFault) as caught:
        https_runner(fake.port, tls).run("Get-VM", timeout=5)
    assert caught.value.wsman_code == 2150858843
    assert caught.value.fault_code == "w:InternalError"


def test_hang_is_cut_by_our_deadline_quickly(tls):
    fake = FakeWsman(mode="hang", tls=tls.server_context(), password=PASSWORD)
    started = time.monotonic()
    with fake, pytest.raises(OperationTimeout):
        https_runner(fake.port, tls).run("Get-VM", timeout=1.0)
    assert time.monotonic() - started < 3.0


def test_command_that_never_ends_is_terminated_and_its_shell_deleted(tls):
    fake = FakeWsman(mode="busy", tls=tls.server_context(), password=PASSWORD)
    with fake, pytest.raises(OperationTimeout):
        https_runner(fake.port, tls).run("Start-Sleep 3600", timeout=1.5)
    assert fake.recorded.signals == [TERMINATE]
    assert fake.recorded.deleted_shells == [SHELL_ID]


def test_unknown_host_name_is_unreachable():
    runner = WinRmPowerShell(
        WinRmOptions(host="hvseed-test.invalid", transport="ntlm", username="u", password="p")
    )
    with pytest.raises(HostUnreachable) as caught:
        runner.run("Get-VM", timeout=10)
    assert "hvseed-test.invalid" in str(caught.value)


def test_ntlm_over_http_encrypts_and_maps_401():
    """Plain HTTP is only used with WinRM message encryption; NTLM's first (empty) message is
    where a host that refuses us answers 401."""
    fake = FakeWsman(password=PASSWORD)
    runner = WinRmPowerShell(
        WinRmOptions(
            host="127.0.0.1",
            port=fake.port,
            use_https=False,
            transport="ntlm",
            username="admin",
            password=PASSWORD,
        )
    )
    assert runner._protocol().transport.message_encryption == "always"
    with fake, pytest.raises(AuthenticationFailed) as caught:
        runner.run("Get-VM", timeout=5)
    assert PASSWORD not in str(caught.value)
    assert fake.recorded.authorizations  # it was asked, and refused us
    assert fake.recorded.actions == []  # no SOAP message went out before authentication


@pytest.mark.skipif(
    __import__("winrm.transport").transport.HAVE_KERBEROS, reason="Kerberos is installed here"
)
def test_kerberos_without_its_library_is_a_clear_error():
    runner = WinRmPowerShell(WinRmOptions(host="hv01.example.test", use_https=False))
    with pytest.raises(HyperVError) as caught:
        runner.run("Get-VM", timeout=5)
    assert "Kerberos support is not installed" in str(caught.value)


# --- options: the security rules ----------------------------------------------------------


REFUSED = [
    (dict(transport="basic", use_https=False), InsecureTransport, "plain HTTP"),
    (dict(transport="certificate", use_https=False), InsecureTransport, "plain HTTP"),
    (dict(transport="basic", validate_certificate=False), InsecureTransport, "impostor"),
    (
        dict(transport="certificate", validate_certificate=False, cert_pem="c", cert_key_pem="k"),
        InsecureTransport,
        "impostor",
    ),
    (dict(transport="kerberos", password=PASSWORD), AuthenticationFailed, "ticket"),
    (dict(transport="ntlm", username="admin"), AuthenticationFailed, "user name and a password"),
    (dict(transport="credssp", password=PASSWORD), AuthenticationFailed, "user name"),
    (dict(transport="basic", username="admin"), AuthenticationFailed, "password"),
    (dict(transport="certificate"), AuthenticationFailed, "client certificate"),
    (
        dict(transport="certificate", cert_pem="/nonexistent.pem", cert_key_pem="/nonexistent.key"),
        AuthenticationFailed,
        "was not found",
    ),
    (dict(transport="telnet"), HyperVError, "Unknown WinRM transport"),
    (dict(host=" "), HostUnreachable, "No host name"),
]


@pytest.mark.parametrize(("overrides", "kind", "words"), REFUSED)
def test_unsafe_or_impossible_options_are_refused(overrides, kind, words):
    settings = dict(host="hv01.example.test", use_https=True)
    settings.update(overrides)
    options = WinRmOptions(**settings)
    with pytest.raises(kind) as caught:
        WinRmPowerShell(options)
    assert words in str(caught.value)
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(options)


@pytest.mark.parametrize(
    ("overrides", "port", "encryption", "description"),
    [
        # the default is PowerShell remoting's: Kerberos over HTTP 5985, message-encrypted
        (dict(), 5985, "always", "hv01 (WinRM, Kerberos over HTTP)"),
        (dict(use_https=True), 5986, "auto", "hv01 (WinRM, Kerberos over HTTPS)"),
        (
            dict(
                transport="ntlm",
                username="a",
                password=PASSWORD,
                use_https=True,
                validate_certificate=False,
            ),
            5986,
            "always",
            "hv01 (WinRM, NTLM over HTTPS, certificate not checked)",
        ),
        (
            dict(transport="basic", username="a", password=PASSWORD, port=443, use_https=True),
            443,
            "never",
            "hv01 (WinRM, Basic over HTTPS)",
        ),
    ],
)
def test_allowed_options(overrides, port, encryption, description):
    options = WinRmOptions(host="hv01", **overrides)
    check_winrm_options(options)
    assert options.effective_port == port
    assert options.message_encryption == encryption
    assert WinRmPowerShell(options).description == description
    assert PASSWORD not in repr(options) and PASSWORD not in repr(WinRmPowerShell(options))


def test_host_may_be_a_url_or_an_ipv6_address(tmp_path: Path):
    url = WinRmOptions(host="http://hv01.corp.local:5999/wsman", transport="ntlm")
    assert (url.host, url.use_https, url.effective_port) == ("hv01.corp.local", False, 5999)
    assert url.endpoint == "http://hv01.corp.local:5999/wsman"
    assert WinRmOptions(host="fe80::1").endpoint == "http://[fe80::1]:5985/wsman"
    assert WinRmOptions(host="fe80::1", use_https=True).endpoint == "https://[fe80::1]:5986/wsman"

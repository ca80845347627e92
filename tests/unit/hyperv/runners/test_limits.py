"""WinRM with a real deadline and a size cap, against loopback endpoints that misbehave below
WS-Man: an endless body, a trickled status line or body, garbage instead of HTTP, a header
that never ends. The CLI test runs ``hvseed vms`` in a subprocess and measures its peak memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hvseed_gui.hyperv.host_errors import OperationTimeout, ProtocolError
from hvseed_gui.hyperv.runners import WinRmOptions, WinRmPowerShell
from tests.support.fake_wsman import Tls, make_tls
from tests.support.hostile_http import HostileHttp

PASSWORD = "n0t-a-real-password"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return make_tls(tmp_path_factory.mktemp("tls"), "trusted")


def http_runner(port: int) -> WinRmPowerShell:
    return WinRmPowerShell(
        WinRmOptions(
            host="127.0.0.1",
            port=port,
            use_https=False,
            transport="ntlm",
            username="admin",
            password=PASSWORD,
            connect_timeout=5,
        )
    )


CASES = [
    # mode, kind, words
    ("endless", ProtocolError, "sent an answer larger than 64 MiB"),
    ("trickle", OperationTimeout, "not complete within 2 seconds"),
    ("trickle_body", OperationTimeout, "not complete within 2 seconds"),
    ("garbage", ProtocolError, "but not with HTTP"),
    ("huge_header", ProtocolError, "HTTP header that is too long or malformed"),
]


@pytest.mark.parametrize(("mode", "kind", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_misbehaving_endpoint_ends_in_a_sentence_within_the_deadline(mode, kind, words):
    with HostileHttp(mode, interval=0.2) as server:
        started = time.monotonic()
        with pytest.raises(kind) as caught:
            http_runner(server.port).run("Get-VM", timeout=2)
        elapsed = time.monotonic() - started
    assert words in str(caught.value) and "127.0.0.1" in str(caught.value)
    assert caught.value.hint
    assert "could not be reached" not in str(caught.value)
    assert elapsed < 2 + 4  # the deadline, the watchdog's grace, the cleanup budget
    assert PASSWORD not in str(caught.value)


def test_a_trickle_over_tls_is_cut_at_the_deadline_too(tls):
    with HostileHttp("trickle", tls=tls.server_context(), interval=0.2) as server:
        runner = WinRmPowerShell(
            WinRmOptions(
                host="127.0.0.1",
                port=server.port,
                transport="basic",
                use_https=True,
                username="admin",
                password=PASSWORD,
                ca_trust_path=tls.ca_file,
                connect_timeout=5,
            )
        )
        started = time.monotonic()
        with pytest.raises(OperationTimeout):
            runner.run("Get-VM", timeout=1.5)
        assert time.monotonic() - started < 1.5 + 4


def _run_cli_measured(port: int, timeout: float) -> tuple[int, str, float, int]:
    """Run ``hvseed --timeout T vms`` in a child; (exit code, stderr, seconds, peak RSS bytes)."""
    env = dict(os.environ, HVSEED_TEST_PASSWORD=PASSWORD, PYTHONPATH=str(Path.cwd()))
    # The child reports its own high-water mark (VmHWM, reset by exec) on exit: wait4's
    # ru_maxrss also counts the fork of this test process, which grows with the suite.
    report_peak = (
        "import atexit, runpy, sys\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            sys.stdout.write('PEAK_KB ' + line.split()[1] + '\\n')\n"
        "atexit.register(peak)\n"
        "sys.argv = ['hvseed'] + sys.argv[1:]\n"
        "runpy.run_module('hvseed_gui.cli', run_name='__main__')\n"
    )
    argv = [
        sys.executable,
        "-c",
        report_peak,
        "--timeout",
        str(timeout),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--http",
        "--transport",
        "ntlm",
        "--user",
        "admin",
        "--password-env",
        "HVSEED_TEST_PASSWORD",
        "vms",
    ]
    started = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    # small outputs: the pipes cannot fill; wait4 gives this child's own peak memory
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - started
    err = child.stderr.read().decode("utf-8", "replace")
    out = child.stdout.read().decode("utf-8", "replace")
    child.stdout.close()
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    reported = [
        int(line.split()[1]) * 1024 for line in out.splitlines() if line.startswith("PEAK_KB ")
    ]
    return child.returncode, err, elapsed, reported[0] if reported else usage.ru_maxrss * 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 to measure the child")
@pytest.mark.parametrize("mode", ["endless", "trickle", "garbage", "huge_header"])
def test_hvseed_vms_ends_with_a_sentence_in_time_and_memory(mode):
    with HostileHttp(mode, interval=0.5) as server:
        code, err, elapsed, peak = _run_cli_measured(server.port, timeout=3)
    assert code == 1
    assert err.startswith("hvseed: ") and err.count("\n") == 1, err
    assert "Traceback" not in err and "unexpected internal error" not in err
    assert elapsed < 40
    assert peak < 400 * 2**20, f"{peak / 2**20:.0f} MiB"


def test_a_script_whose_output_grows_past_the_cap_is_stopped(tls, monkeypatch):
    from hvseed_gui.hyperv.runners import winrm as runners
    from tests.support.fake_wsman import FakeWsman

    monkeypatch.setattr(runners, "MAX_OUTPUT_BYTES", 4096)
    fake = FakeWsman(
        tls=tls.server_context(),
        password=PASSWORD,
        program=lambda script: (b"x" * 10_000, b"", 0),
        stdout_pieces=4,
    )
    runner = WinRmPowerShell(
        WinRmOptions(
            host="127.0.0.1",
            port=fake.port,
            transport="basic",
            use_https=True,
            username="admin",
            password=PASSWORD,
            ca_trust_path=tls.ca_file,
        )
    )
    with fake, pytest.raises(ProtocolError) as caught:
        runner.run("Get-VM", timeout=10)
    assert "output on 127.0.0.1 grew beyond" in str(caught.value)
    assert fake.recorded.deleted_shells  # the shell was still cleaned up

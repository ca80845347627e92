"""LocalPowerShell's process handling, with a small Python program standing in for powershell.exe.

The stand-in records what it was started with (arguments, the script file's bytes, what stdin
is) and behaves as told by environment variables, so these tests check OUR handling: arguments,
temp file, pipes, decoding, deadline and killing the process tree.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from hvseed_gui.hyperv.host_errors import HyperVError, HyperVModuleMissing, OperationTimeout
from hvseed_gui.hyperv.runners import LocalPowerShell, RunResult

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the stand-in is a POSIX script")

FAKE = """\
import json, os, subprocess, sys, time

args = sys.argv[1:]
mode = os.environ.get("FAKE_PS_MODE", "echo")
report = {"args": args}
if "-File" in args:
    path = args[args.index("-File") + 1]
    report["file_exists"] = os.path.isfile(path)
    with open(path, "rb") as handle:
        report["file_hex"] = handle.read().hex()
    report["file_name"] = os.path.basename(path)
st0, null = os.fstat(0), os.stat(os.devnull)
report["stdin_is_devnull"] = (st0.st_dev, st0.st_ino) == (null.st_dev, null.st_ino)
report["secret"] = os.environ.get("HVSEED_SECRET_TEST", "")
report["stdin_read"] = sys.stdin.buffer.read().decode("latin-1")
out = sys.stdout.buffer
if mode == "echo":
    out.write(json.dumps(report).encode("ascii") + b"\\r\\n")
elif mode == "text":
    out.write("\\ufeffPr\\u00fcfserver\\r\\nline2\\r\\n".encode("utf-8") + b"\\xff\\xfe bad\\r\\n")
    if "FAKE_PS_STDERR_HEX" in os.environ:  # bytes as a console in some code page wrote them
        sys.stderr.buffer.write(bytes.fromhex(os.environ["FAKE_PS_STDERR_HEX"]))
    else:
        sys.stderr.buffer.write(os.environ["FAKE_PS_STDERR"].encode("utf-8"))
    sys.exit(3)
elif mode == "hang":
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with open(os.environ["FAKE_PS_PIDFILE"], "w") as handle:
        handle.write(str(child.pid))
    out.write(b"started\\n")
    out.flush()
    time.sleep(60)
"""

CLIXML_STDERR = (
    "#< CLIXML\r\n"
    '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">'
    '<Obj S="progress" RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject'
    '</T><T>System.Object</T></TN><MS><I64 N="SourceId">1</I64><PR N="Record">'
    "<AV>Preparing modules for first use.</AV><AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC>"
    "<T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>"
    '<S S="Error">Get-VM : Hyper-V was unable to find a virtual machine with name '
    '"Pr\u00fcfserver"._x000D__x000A_</S>'
    '<S S="Error">    + CategoryInfo          : InvalidArgument_x000D__x000A_</S>'
    "</Objs>"
)


@pytest.fixture
def fake_ps(tmp_path: Path) -> str:
    path = tmp_path / "powershell.exe"
    path.write_text(f"#!{sys.executable}\n{FAKE}", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary scripts go to a directory of our own, so we can see them come and go."""
    scripts = tmp_path / "tmp"
    scripts.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scripts))
    return scripts


def test_runs_the_script_as_a_utf8_bom_file_with_safe_arguments(fake_ps, temp_dir):
    script = "$name = 'Pr\u00fcfserver'\r\nWrite-Output $name\n" + "# filler\n" * 5000
    result = LocalPowerShell(fake_ps).run(script, timeout=30)

    report = json.loads(result.stdout)
    args = report["args"]
    assert args[:5] == ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File"]
    assert len(args) == 6 and "-Command" not in args
    assert report["file_exists"] is True
    assert report["file_name"].endswith(".ps1")
    assert bytes.fromhex(report["file_hex"]) == b"\xef\xbb\xbf" + script.encode("utf-8")
    assert report["stdin_is_devnull"] is True and report["stdin_read"] == ""
    assert result.exit_code == 0
    assert result.stdout.endswith("\n") and "\r" not in result.stdout
    assert list(temp_dir.iterdir()) == []  # the temporary script is gone


def test_output_is_decoded_robustly_and_clixml_becomes_text(fake_ps, temp_dir, monkeypatch):
    monkeypatch.setenv("FAKE_PS_MODE", "text")
    monkeypatch.setenv("FAKE_PS_STDERR", CLIXML_STDERR)

    result = LocalPowerShell(fake_ps).run("Get-VM", timeout=30)

    assert isinstance(result, RunResult)
    assert result.exit_code == 3
    assert result.stdout.startswith("Pr\u00fcfserver\nline2\n")  # BOM dropped, CRLF -> LF
    assert "\ufffd" in result.stdout  # invalid UTF-8 replaced, not an exception
    assert result.stderr == (
        'Get-VM : Hyper-V was unable to find a virtual machine with name "Pr\u00fcfserver".\n'
        "    + CategoryInfo          : InvalidArgument"
    )
    assert "Preparing modules" not in result.stderr
    assert list(temp_dir.iterdir()) == []


def test_deadline_kills_the_whole_process_tree(fake_ps, temp_dir, tmp_path, monkeypatch):
    pidfile = tmp_path / "grandchild.pid"
    monkeypatch.setenv("FAKE_PS_MODE", "hang")
    monkeypatch.setenv("FAKE_PS_PIDFILE", str(pidfile))

    started = time.monotonic()
    with pytest.raises(OperationTimeout) as caught:
        LocalPowerShell(fake_ps).run("Start-Sleep 60", timeout=1.5)
    elapsed = time.monotonic() - started

    assert elapsed < 8  # the grandchild holds stdout open: only killing the tree ends this
    assert "did not finish within 1.5 seconds" in str(caught.value)
    grandchild = int(pidfile.read_text())
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(grandchild).wait(timeout=5)  # raises TimeoutExpired if it still runs
    assert not psutil.pid_exists(grandchild)
    assert list(temp_dir.iterdir()) == []


def test_missing_powershell_is_a_clear_sentence(temp_dir):
    runner = LocalPowerShell("hvseed-no-such-powershell.exe")
    with pytest.raises(HyperVModuleMissing) as caught:
        runner.run("Get-VM", timeout=5)
    text = str(caught.value)
    assert text.startswith("PowerShell was not found on this computer")
    assert "--host" in text and "--lab" in text and "Hyper-V" in text
    assert list(temp_dir.iterdir()) == []


def test_executable_that_vanishes_after_lookup_is_the_same_clear_error(
    fake_ps, temp_dir, monkeypatch
):
    monkeypatch.setattr("shutil.which", lambda name: "/nonexistent/powershell.exe")
    with pytest.raises(HyperVModuleMissing):
        LocalPowerShell(fake_ps).run("Get-VM", timeout=5)
    assert list(temp_dir.iterdir()) == []


def test_description_and_protocol_shape():
    runner = LocalPowerShell()
    assert runner.description == "this computer"
    assert runner.executable == "powershell.exe"


def test_secrets_reach_the_process_environment_and_never_the_script_file(fake_ps):
    result = LocalPowerShell(fake_ps).run(
        "Write-Output 'x'", timeout=30, secrets={"HVSEED_SECRET_TEST": "s3cret-Pa55"}
    )
    report = json.loads(result.stdout)
    assert report["secret"] == "s3cret-Pa55"
    assert "s3cret" not in bytes.fromhex(report["file_hex"]).decode("utf-8-sig")
    assert "HVSEED_SECRET_TEST" not in os.environ  # only the child's environment had it


def test_a_script_policy_that_blocks_the_file_is_named(fake_ps, temp_dir, monkeypatch):
    monkeypatch.setenv("FAKE_PS_MODE", "text")
    monkeypatch.setenv(
        "FAKE_PS_STDERR",
        "File C:\\Temp\\hvseed-x.ps1 cannot be loaded because running scripts is disabled on "
        "this system. For more information, see about_Execution_Policies.",
    )
    with pytest.raises(HyperVError) as caught:
        LocalPowerShell(fake_ps).run("Get-VM", timeout=30)
    assert "execution policy" in str(caught.value) and "Group Policy" in str(caught.value)
    assert list(temp_dir.iterdir()) == []


# German execution policy error as powershell.exe prints it before our script runs: in the OEM
# code page (850), with localized words but the untranslated exception type and error ID.
GERMAN_POLICY = (
    'Die Datei "C:\\Temp\\hvseed-x.ps1" kann nicht geladen werden, da die Ausf\u00fchrung '
    "von Skripts auf diesem System deaktiviert ist.\r\n"
    "    + CategoryInfo          : Sicherheitsfehler: (:) [], PSSecurityException\r\n"
    "    + FullyQualifiedErrorId : UnauthorizedAccess\r\n"
)


def test_german_oem_stderr_is_decoded_and_the_policy_named(fake_ps, temp_dir, monkeypatch):
    monkeypatch.setenv("FAKE_PS_MODE", "text")
    monkeypatch.setenv("FAKE_PS_STDERR_HEX", GERMAN_POLICY.encode("cp850").hex())
    with pytest.raises(HyperVError) as caught:
        LocalPowerShell(fake_ps, codepage="cp850").run("Get-VM", timeout=30)
    assert "execution policy" in str(caught.value)
    assert "Ausf\u00fchrung" in caught.value.detail  # not "Ausf\ufffdhrung"

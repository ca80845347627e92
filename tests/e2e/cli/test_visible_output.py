"""Names from a host reach the terminal visible, not obeyed: no raw ESC, CR or U+202E."""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hvseed_gui.cli import run
from hvseed_gui.cli.common import ProgressPrinter, VisibleStream
from hvseed_gui.core.visible import is_plain, visible
from hvseed_gui.hyperv.lab import Lab

HOSTILE = "SQL\x1b[1A\x1b[2K\rThe copy is intact.\u202egpj.exe\x85\x9b2J"
RAW = ("\x1b", "\r", "\u202e", "\x85", "\x9b")


def _rename_first_vm(lab_dir: Path, name: str) -> str:
    lab = Lab.open(lab_dir)
    with lab.world() as w:
        vms = w.host(lab.primary_name)["vms"]
        vm_id = sorted(vms)[0]
        vms[vm_id]["name"] = name
    return vm_id


def hvseed(lab_dir: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--lab", str(lab_dir), *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def test_vms_prints_no_raw_control_character_of_a_vm_name(tmp_path: Path) -> None:
    lab_dir = tmp_path / "lab"
    vm_id = _rename_first_vm(lab_dir, HOSTILE)
    code, out, err = hvseed(lab_dir, "vms")
    assert code == 0, err
    assert not any(c in out + err for c in RAW)
    assert "SQL\\x1b[1A\\x1b[2K\\rThe copy is intact.<U+202E>gpj.exe\\x85\\x9b2J" in out
    code, out, err = hvseed(lab_dir, "vms", "--json")
    assert code == 0, err
    assert not any(c in out for c in RAW)
    names = {vm["id"]: vm["name"] for vm in json.loads(out)["vms"]}
    assert names[vm_id] == HOSTILE  # JSON escapes them and keeps the real name


def test_status_of_an_unknown_hostile_name_is_shown_escaped(tmp_path: Path) -> None:
    code, out, err = hvseed(tmp_path / "lab", "status", "x\x1b[2Ky")
    assert code != 0
    assert "x\\x1b[2Ky" in err and "\x1b" not in err


def test_the_progress_line_keeps_its_own_carriage_return_only() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    raw = Tty()
    printer = ProgressPrinter(VisibleStream(raw), "Hashing a\rb\x1b[2K")
    printer.callback(5, 10)
    text = raw.getvalue()
    assert text.startswith("\r") and text.count("\r") == 1
    assert "a\\rb\\x1b[2K" in text


@given(st.text())
def test_visible_leaves_nothing_hidden(text: str) -> None:
    shown = visible(text)
    assert is_plain(shown)
    assert visible(shown) == shown
    if is_plain(text):
        assert shown == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_visible_keeps_what_it_is_told_to_keep(text: str) -> None:
    shown = visible(text, keep="\n")
    assert shown.count("\n") == text.count("\n")
    assert is_plain(shown.replace("\n", ""))


def test_verify_shows_a_hostile_manifest_path_escaped(tmp_path: Path) -> None:
    from hvseed_gui.core.manifest import manifest_paths, write_manifest

    vm_id = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
    folder = tmp_path / f"SQL01_{vm_id}"
    folder.mkdir()
    (folder / "a.vhdx").write_bytes(b"x")
    write_manifest(folder, vm_name="SQL01", vm_id=vm_id, source_host="a", replica_server="b")
    path = manifest_paths(folder)[0]
    path.chmod(0o644)
    doc = json.loads(path.read_text(encoding="utf-8"))
    hostile = "x\x1b[1A\x1b[2K\rThe copy is intact."
    doc["files"].append({"path": hostile, "size": 1, "sha256": "0" * 64})
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = hvseed(tmp_path / "lab", "verify", str(folder))
    assert code == 1
    assert "Do not import this copy" in out
    assert "x\\x1b[1A\\x1b[2K\\rThe copy is intact." in out
    assert not any(c in out + err for c in RAW)

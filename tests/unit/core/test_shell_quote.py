"""Printed commands quote names for their shell: pasted, they run no code from a VM name."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import tree_sitter_powershell
from hypothesis import given, settings
from hypothesis import strategies as st
from tree_sitter import Language, Node, Parser

from hvseed_gui.core.manifest import manifest_paths, write_manifest
from hvseed_gui.core.report import ReportVm, build_report, report_from_folders
from hvseed_gui.core.shell_quote import (
    POWERSHELL_SINGLE_QUOTES,
    posix_literal,
    powershell_literal,
)

PS = Parser(Language(tree_sitter_powershell.language()))
HOSTILE = "p'$(touch PWNED)'q `touch X`;touch Y"
VM_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
BASH = shutil.which("bash")


def _nodes(node: Node, kind: str) -> list[Node]:
    found = [node] if node.type == kind else []
    for child in node.children:
        found += _nodes(child, kind)
    return found


def _ps_verbatim_value(token: str) -> str:
    """What PowerShell makes of a verbatim string token: a quote pair stands for one quote."""
    assert token[0] in POWERSHELL_SINGLE_QUOTES and token[-1] in POWERSHELL_SINGLE_QUOTES
    body, out, i = token[1:-1], [], 0
    while i < len(body):
        if body[i] in POWERSHELL_SINGLE_QUOTES:
            assert i + 1 < len(body) and body[i + 1] in POWERSHELL_SINGLE_QUOTES, token
            i += 1
        out.append(body[i])
        i += 1
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0")))
def test_a_powershell_literal_parses_as_one_string_argument_equal_to_the_text(text: str) -> None:
    line = f"Write-Output {powershell_literal(text)}"
    tree = PS.parse(line.encode("utf-8"))
    assert not tree.root_node.has_error, line
    commands = _nodes(tree.root_node, "command")
    assert len(commands) == 1
    strings = _nodes(commands[0], "string_literal")
    assert len(strings) == 1
    assert not _nodes(tree.root_node, "sub_expression") and not _nodes(tree.root_node, "variable")
    assert _ps_verbatim_value(strings[0].text.decode("utf-8")) == text
    assert line.count('"') == text.count('"')  # quoting adds no double quote


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0")))
def test_a_posix_literal_splits_back_to_the_text(text: str) -> None:
    assert shlex.split(f"cmd {posix_literal(text)}") == ["cmd", text]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
@pytest.mark.parametrize(
    "text", [HOSTILE, "a'b", "'", "''", "$HOME", "!x", "a\nb", "\\'", "-n", "‘’", "é ü 中"]
)
def test_bash_prints_a_posix_literal_unchanged(text: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [BASH, "-c", f"printf %s {posix_literal(text)}"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode("utf-8") == text
    assert os.listdir(tmp_path) == []


@pytest.fixture
def hostile_export(tmp_path: Path) -> Path:
    folder = tmp_path / "drive" / f"{HOSTILE}_{VM_ID}"
    (folder / "Virtual Hard Disks").mkdir(parents=True)
    (folder / "Virtual Hard Disks" / "disk.vhdx").write_bytes(b"vhdx" * 100)
    write_manifest(folder, vm_name=HOSTILE, vm_id=VM_ID, source_host="a", replica_server="b")
    return folder


def _command_lines(folder: Path) -> list[str]:
    report = report_from_folders([folder], shown_as=[f"E:\\{folder.name}"])
    lines = list(report.vm_commands(report.vms[0]))
    text = report.to_text()
    for line in lines:
        assert line in text and line in report.to_html().replace("&#x27;", "'")
    doc = json.loads(manifest_paths(folder)[0].read_text(encoding="utf-8"))
    check = doc["check_without_hvseed"]
    lines += [check["sha256sum"], check["powershell"]]
    return lines


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_no_printed_line_runs_code_from_the_vm_name_when_pasted_into_bash(
    hostile_export: Path, tmp_path: Path
) -> None:
    lines = _command_lines(hostile_export)
    assert any(line.startswith("hvseed verify") for line in lines)
    assert any(line.startswith("hvseed import") for line in lines)
    assert any(line.startswith("sha256sum") for line in lines)
    assert any("Get-FileHash" in line for line in lines)
    stub = tmp_path / "bin"
    stub.mkdir()
    (stub / "hvseed").write_text("#!/bin/sh\nexit 0\n")
    (stub / "hvseed").chmod(0o755)
    work = hostile_export.parent
    for line in lines:
        assert '"' not in line, line  # no data inside double quotes, where $(...) runs
        subprocess.run(
            [BASH, "-c", line],
            cwd=work,
            env={"PATH": f"{stub}:{os.environ['PATH']}", "HOME": str(tmp_path)},
            capture_output=True,
            timeout=30,
        )
        for planted in ("PWNED", "X", "Y"):
            assert not (work / planted).exists(), (line, planted)
            assert not (tmp_path / planted).exists(), (line, planted)


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is not installed")
def test_the_sha256sum_line_checks_the_hostile_folder(hostile_export: Path) -> None:
    line = next(line for line in _command_lines(hostile_export) if line.startswith("sha256sum"))
    done = subprocess.run(
        [BASH or "sh", "-c", line], cwd=hostile_export.parent, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert ": OK" in done.stdout


def test_the_powershell_lines_hold_the_name_in_one_verbatim_string(hostile_export: Path) -> None:
    lines = [line for line in _command_lines(hostile_export) if line.startswith("hvseed")]
    for line in lines:
        tree = PS.parse(line.encode("utf-8"))
        assert not tree.root_node.has_error, line
        assert len(_nodes(tree.root_node, "command")) == 1
        assert not _nodes(tree.root_node, "sub_expression")
        values = [
            _ps_verbatim_value(s.text.decode()) for s in _nodes(tree.root_node, "string_literal")
        ]
        assert f"X:\\{hostile_export.name}" in values
    tree = PS.parse(lines[1].encode("utf-8"))
    values = [_ps_verbatim_value(s.text.decode()) for s in _nodes(tree.root_node, "string_literal")]
    assert values == [HOSTILE, f"X:\\{hostile_export.name}"]


@pytest.mark.parametrize("name", ["-rf", 'a"b', "a\x1b[2Kb", "evil\u202egpj.exe"])
def test_import_takes_the_vm_id_when_the_name_could_be_misread(name: str) -> None:
    report = build_report([ReportVm(name, VM_ID, f"E:\\x_{VM_ID}", (), True)])
    assert f"--vm '{VM_ID}'" in report.vm_commands(report.vms[0])[1]


def test_a_plain_name_is_given_to_import_by_name(tmp_path: Path) -> None:
    folder = tmp_path / f"SQL01_{VM_ID}"
    folder.mkdir()
    (folder / "a.vhdx").write_bytes(b"x")
    write_manifest(folder, vm_name="SQL01", vm_id=VM_ID, source_host="a", replica_server="b")
    report = report_from_folders([folder])
    assert report.vm_commands(report.vms[0])[:2] == [
        f"hvseed verify 'X:\\SQL01_{VM_ID}'",
        f"hvseed import --vm 'SQL01' 'X:\\SQL01_{VM_ID}'",
    ]


@pytest.mark.parametrize(
    ("mount", "word"),
    [("E:\\", "E:"), ("f:", "f:"), ("E:\\$(touch X)", "'E:\\$(touch X)'"), ("'", "''''")],
)
def test_a_drive_in_a_printed_command_is_a_letter_or_a_verbatim_string(mount, word):
    from hvseed_gui.core.shell_quote import drive_word

    assert drive_word(mount) == word

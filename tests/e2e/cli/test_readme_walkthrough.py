"""The README's command-line walk-through runs as printed: every ``hvseed`` line of its
"The command line" section, in order, against a fresh lab (``./lab`` is a temporary folder,
``<VMName>``/``<VMId>`` the VM of ``plan --example``, ``[optional]`` arguments given)."""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path

import pytest

from hvseed_gui.cli import run
from hvseed_gui.hyperv.lab import Lab

README = Path(__file__).resolve().parents[3] / "README.md"
FAST = ["--poll", "0.01", "--settle-timeout", "5"]  # the lab's jobs finish in moments


def readme_lines() -> list[str]:
    """The indented ``hvseed`` lines of the README's command-line section, comments cut."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## The command line", 1)[1].split("\n## ", 1)[0]
    lines = []
    for raw in section.splitlines():
        if not raw.startswith("    hvseed "):
            continue
        line = raw.strip()
        line = re.sub(r"\s+#\s.*$", "", line)  # a trailing comment
        lines.append(line)
    return lines


def argv_of(line: str, lab_dir: Path, vm: dict[str, str]) -> tuple[list[str], str]:
    """(argv after ``hvseed``, file that stdout goes to or "")."""
    line = line.replace("<VMName>", vm["name"]).replace("<VMId>", vm["id"])
    line = re.sub(r"\[([^\]]*)\]", r"\1", line)  # optional arguments: given
    redirect = ""
    if " > " in line:
        line, redirect = (part.strip() for part in line.split(" > ", 1))
    words = shlex.split(line)[1:]
    words = [str(lab_dir) if w == "./lab" else w for w in words]
    return FAST + words, redirect


def test_the_readme_names_the_commands_it_walks_through():
    lines = readme_lines()
    assert len(lines) >= 10
    assert lines[0].startswith("hvseed --lab ./lab vms")


@pytest.mark.timeout(300)
def test_every_readme_command_runs_in_order_on_a_fresh_lab(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lab_dir = tmp_path / "lab"
    lab = Lab.open(lab_dir)
    lab.configure(export_bytes_per_sec=50e9, import_bytes_per_sec=50e9, hash_bytes_per_sec=50e9)
    vm: dict[str, str] = {"name": "<VMName>", "id": "<VMId>"}
    for line in readme_lines():
        argv, redirect = argv_of(line, lab_dir, vm)
        out, err = io.StringIO(), io.StringIO()
        code = run(argv, out, err)
        assert code == 0, f"{line!r} exited {code}:\n{err.getvalue()}\n{out.getvalue()}"
        if redirect:
            (tmp_path / redirect).write_text(out.getvalue(), encoding="utf-8")
        if "plan --example" in line:
            plan = json.loads(out.getvalue())
            vm = {"name": plan["vms"][0]["name"], "id": plan["vms"][0]["id"]}


def test_every_argument_the_readme_mentions_has_a_help_text():
    import argparse

    from hvseed_gui.cli.main import build_parser

    parser = build_parser()
    timeout = next(a for a in parser._actions if "--timeout" in a.option_strings)
    assert timeout.help
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            if not action.option_strings:  # positionals: FOLDER, PLAN.json, VM
                assert action.help, f"hvseed {name} {action.dest} has no help text"

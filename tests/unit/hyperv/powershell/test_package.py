"""The PowerShell lives in package data: every ``.ps1`` is shipped, reachable through
``importlib.resources``, used, and a script carries exactly the shared helpers it calls."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path, PurePosixPath

import pytest

from hvseed_gui.hyperv.powershell import compose
from tests.support.ps_scripts import ALL_SCRIPTS, PARSER, _bad_nodes

ROOT = Path(__file__).resolve().parents[4]
PACKAGE = ROOT / "hvseed_gui"
SCRIPTS = PACKAGE / "hyperv" / "powershell" / "scripts"
ON_DISK = sorted(p.relative_to(SCRIPTS).as_posix() for p in SCRIPTS.rglob("*.ps1"))


def _package_data_globs() -> list[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = text.split("[tool.setuptools.package-data]", 1)[1].split("\n[", 1)[0]
    return re.findall(r'"([^"]+)"', section)


def test_there_are_scripts_to_check():
    assert "inventory.ps1" in ON_DISK and "common/frame.ps1" in ON_DISK


@pytest.mark.parametrize("name", ON_DISK)
def test_every_script_is_package_data_and_reachable_as_a_resource(name):
    # pyproject ships it (what `pip install .` copies) ...
    relative = PurePosixPath("hyperv/powershell/scripts") / name
    assert any(relative.match(glob) for glob in _package_data_globs()), name
    # ... and the renderer reads it through importlib.resources, as the installed package does
    resource = files("hvseed_gui.hyperv.powershell").joinpath("scripts", *name.split("/"))
    assert resource.is_file(), name
    assert resource.read_text(encoding="utf-8") == (SCRIPTS / name).read_text(encoding="utf-8")
    assert compose.script_text(name) == resource.read_text(encoding="utf-8")


def test_every_script_file_is_used():
    sources = "".join(source for _name, source in ALL_SCRIPTS)
    for name in ON_DISK:
        if name.startswith("common/"):
            continue
        stem = name.removesuffix(".ps1")
        if stem == "hash_worker":  # travels encoded inside start_hashing's blob
            continue
        assert compose.ps1(stem).strip() in sources or compose.ps1(stem, "").strip() in sources, (
            name
        )
    for region in compose.all_helpers().values():
        assert region in sources


@pytest.mark.parametrize("name", ON_DISK)
def test_every_script_file_parses_as_powershell_on_its_own(name):
    # each file reads (and lints) as PowerShell by itself, not only once joined into a script
    tree = PARSER.parse(compose.script_text(name).encode("utf-8"))
    bad = _bad_nodes(tree.root_node)
    assert not bad, [(n.type, n.start_point, n.text[:60]) for n in bad]


def test_body_files_have_a_header_then_the_statements():
    for name in ON_DISK:
        if name.startswith("common/"):
            continue
        header, blank, _body = compose.script_text(name).partition("\n\n")
        assert blank and all(line.startswith("#") for line in header.split("\n")), name


#: the renders of one hostile text (every operation once)
ONE_TEXT = [(name, source) for name, source in ALL_SCRIPTS if name.endswith("[0]")]


@pytest.mark.parametrize(("name", "source"), ONE_TEXT)
def test_a_script_carries_exactly_the_helpers_it_calls(name, source):
    for helper, region in compose.all_helpers().items():
        included = f"function {helper} {{" in source  # saved scripts drop some comments
        calls = len(re.findall(rf"\b{re.escape(helper)}\b", source))
        if included:
            calls -= len(re.findall(rf"\b{re.escape(helper)}\b", region))
        assert included == (calls > 0), (name, helper)

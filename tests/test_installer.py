"""The Windows packaging stays consistent: build.ps1 parses, the WiX source keeps to what both
compilers read alike, the file list is stable, and CI runs what the README says.

Building the onedir and the MSI takes about a minute: ``.ci/run`` does that with
``installer/build-check.sh``, not this suite.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import tree_sitter_powershell
from tree_sitter import Language, Parser

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
README_TEST_COMMAND = 'python -m pip install -e ".[test]" && python -m pytest'


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


harvest = _load("harvest")
version = _load("version")


def test_build_ps1_is_valid_powershell():
    tree = Parser(Language(tree_sitter_powershell.language())).parse(
        (INSTALLER / "build.ps1").read_bytes()
    )
    assert not tree.root_node.has_error


def test_build_ps1_builds_the_spec_and_the_wix_source_build_check_builds():
    ps1 = (INSTALLER / "build.ps1").read_text(encoding="utf-8")
    sh = (INSTALLER / "build-check.sh").read_text(encoding="utf-8")
    for script in (ps1, sh):
        assert "hvseed-gui.spec" in script
        assert "hvseed-gui.wxs" in script
        assert "harvest.py" in script
        assert "requirements.txt" in script
    for variable in ("Version", "AppDir", "ExeSuffix", "IconFile", "HelpLink"):
        assert f'"-d{variable}=' in ps1 or f"'-d{variable}=" in ps1
        assert f"-D {variable}=" in sh
    assert "HVSEED_SIGN_THUMBPRINT" in ps1 and "HVSEED_SIGN_PFX" in ps1
    assert "NOT SIGNED" in ps1


def test_wix_source_uses_only_what_candle_and_wixl_read_alike():
    text = (INSTALLER / "hvseed-gui.wxs").read_text(encoding="utf-8")
    assert "<?if" not in text  # wixl wants <?ifdef var.X?>, candle <?ifdef X?>
    assert re.findall(r"\$(?!\(var\.)", text) == []  # wixl eats a bare "$"
    product = ET.fromstring(text).find(f"{WIX}Product")
    assert product.get("Version") == "$(var.Version)"
    assert product.find(f"{WIX}MajorUpgrade").get("DowngradeErrorMessage")
    properties = {p.get("Id"): p.get("Value") for p in product.iter(f"{WIX}Property")}
    assert properties["ALLUSERS"] == "1"
    upgrade_code = product.get("UpgradeCode")
    assert f"{{{upgrade_code}}}" in (INSTALLER / "build-check.sh").read_text(encoding="utf-8")
    assert [d.get("Id") for d in product.iter(f"{WIX}Directory")][:2] == [
        "TARGETDIR",
        "ProgramFiles64Folder",
    ]
    for shortcut in product.iter(f"{WIX}Shortcut"):
        assert shortcut.get("Target")  # inside a File, wixl would make it advertised


def test_harvest_lists_every_file_but_the_two_programs_with_stable_ids(tmp_path):
    app = tmp_path / "hvseed-gui"
    (app / "_internal" / "PySide6" / "Qt").mkdir(parents=True)
    for name in ("hvseed-gui.exe", "hvseed.exe", "_internal/base_library.zip"):
        (app / name).write_bytes(b"x")
    (app / "_internal" / "PySide6" / "Qt" / "qtbase_de.qm").write_bytes(b"x")

    first = harvest.fragment(app)
    root = ET.fromstring(f'<Wix xmlns="{WIX[1:-1]}">{first}</Wix>')
    files = [f.get("Name") for f in root.iter(f"{WIX}File")]
    assert sorted(files) == ["base_library.zip", "qtbase_de.qm"]
    refs = [c.get("Id") for c in root.iter(f"{WIX}ComponentRef")]
    assert refs == [c.get("Id") for c in root.iter(f"{WIX}Component")]
    assert harvest.fragment(app) == first  # same onedir, same IDs and GUIDs

    (app / "_internal" / "new.pyd").write_bytes(b"x")
    second = harvest.fragment(app)
    assert 'Name="qtbase_de.qm"' in second
    old_guids = set(re.findall(r'Guid="([^"]+)"', first))
    assert old_guids <= set(re.findall(r'Guid="([^"]+)"', second))  # upgrades keep components


def test_harvest_refuses_a_folder_that_is_no_onedir(tmp_path, capsys):
    assert harvest.main([str(tmp_path), str(tmp_path / "out.wxs")]) == 1
    assert "not a PyInstaller onedir" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("given", "msi"), [("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("0.2.0rc1", "0.2.0")]
)
def test_msi_version(given, msi):
    assert version.msi_version(given) == msi


@pytest.mark.parametrize("given", ["v1", "256.0.0", "1.2.70000"])
def test_msi_version_refuses_what_an_msi_cannot_hold(given):
    with pytest.raises(SystemExit):
        version.msi_version(given)


def test_project_version_is_the_one_the_programs_print():
    from hvseed_gui import __version__

    assert version.project_version() == __version__


def test_ci_runs_the_readme_test_command_then_the_packaging_check():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_TEST_COMMAND in readme
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run.index(README_TEST_COMMAND) < run.index("bash installer/build-check.sh")
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert f"run: {README_TEST_COMMAND}" in workflow
    assert "windows-latest" in workflow and '"3.11", "3.12"' in workflow
    assert "QT_QPA_PLATFORM: offscreen" in workflow
    assert "./installer/build.ps1" in workflow and "bash .ci/run" in workflow
    assert "upload-artifact" in workflow
    assert readme.index("## Install on Windows") < readme.index("## Set-up")

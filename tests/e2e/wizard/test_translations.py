"""The German catalogue: complete, faithful to its placeholders, compiled, shipped and used."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWizard

from hvseed_gui.language import I18N_DIR, LANG_ENV, choose_language, install_translators
from hvseed_gui.ui.context import MemorySecretStore
from hvseed_gui.ui.prompt import ScriptedPrompt

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "hvseed_de.ts"
QM = I18N_DIR / "hvseed_de.qm"
# Qt's %1 and %n, and core.said's {named} parameters
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w+\}")


def messages(ts: Path = TS) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name"), msg) for ctx in root.iter("context") for msg in ctx.iter("message")
    ]


def forms(msg: ET.Element) -> list[str]:
    tr = msg.find("translation")
    if msg.get("numerus") == "yes":
        return [f.text or "" for f in tr.iter("numerusform")]
    return [tr.text or ""]


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&])", text.replace("&&", ""))
    return m.group(1).lower() if m else None


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def test_every_message_is_translated():
    unfinished = [
        f"{ctx}: {msg.findtext('source')!r}"
        for ctx, msg in messages()
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not all(f.strip() for f in forms(msg))
    ]
    assert not unfinished, "translate these in " + str(TS) + ":\n" + "\n".join(unfinished)


def test_translations_keep_placeholders_mnemonics_and_plural_forms():
    wrong = []
    for ctx, msg in messages():
        source = msg.findtext("source")
        translations = forms(msg)
        if msg.get("numerus") == "yes" and len(translations) != 2:  # German: singular, plural
            wrong.append(f"{ctx}: {source!r}: {len(translations)} plural forms")
        for text in translations:
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                wrong.append(f"{ctx}: {source!r} -> {text!r}: placeholders differ")
            if (mnemonic(source) is None) != (mnemonic(text) is None):
                wrong.append(f"{ctx}: {source!r} -> {text!r}: mnemonic lost or added")
            if source.endswith(("…", ":", " ")) and not text.endswith(source[-1]):
                wrong.append(f"{ctx}: {source!r} -> {text!r}: ending differs")
    assert not wrong, "\n".join(wrong)


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert QM.read_bytes() == fresh.read_bytes(), "run: python tools/update_translations.py"


def test_every_text_in_the_code_is_in_the_ts(tmp_path):
    """A tr() text added or changed since the last update shows up as unfinished here."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "hvseed_de.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [lupdate, "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete"]
        + ["hvseed_gui/ui", "hvseed_gui/app.py", "hvseed_gui/report_pdf.py", "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        timeout=60,
    )
    new = [
        f"{ctx}: {msg.findtext('source')!r}"
        for ctx, msg in messages(copy)
        if msg.find("translation").get("type") == "unfinished"
    ]
    assert not new, "run python tools/update_translations.py and translate:\n" + "\n".join(new)


def test_no_literal_reaches_a_translation_helper_unmarked():
    """lupdate sees tr(), translate() and QT_TRANSLATE_NOOP() only: a literal handed to a helper
    such as ``_tr("…")`` would stay English without any test noticing."""
    hidden = []
    for path in sorted((ROOT / "hvseed_gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id.lstrip("_") in ("tr", "translate")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                rel = path.relative_to(ROOT)
                hidden.append(f"{rel}:{node.lineno}: wrap it in QT_TRANSLATE_NOOP(context, …)")
    assert not hidden, "\n".join(hidden)


def test_the_package_data_rule_ships_the_qm():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'hvseed_gui\s*=\s*\[\s*"i18n/\*\.qm"', pyproject)
    assert QM.is_file() and QM.stat().st_size > 1000


def test_language_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv(LANG_ENV, "de_DE")
    assert choose_language("") == "de"
    assert choose_language("en") == "en"
    monkeypatch.setenv(LANG_ENV, "fr")  # not shipped: the system's language decides
    assert choose_language("") in ("en", "de")
    monkeypatch.delenv(LANG_ENV)
    assert choose_language("de") == "de"


@pytest.fixture
def german(qapp):
    yield
    install_translators("en")  # later tests match English source texts
    assert QCoreApplication.translate("StartPage", "What do you want to do?") == (
        "What do you want to do?"
    )


def test_main_window_in_german(german, qtbot, tmp_path, lab_dir):
    from hvseed_gui.app import build_main_window

    window = build_main_window(
        ["--lang", "de", "--lab", str(lab_dir)],
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        prompt=ScriptedPrompt(),
        secrets=MemorySecretStore(),
        defer_pages=False,
    )
    qtbot.addWidget(window)
    window.show()
    start = window.currentPage()
    assert start.title() == "Was möchten Sie tun?"
    buttons = [b.text() for b in start.findChildren(QAbstractButton)]
    assert any("Erstkopie &exportieren" in t for t in buttons), buttons
    assert window.windowTitle() == "hvseed – Replikation aktivieren"
    # Qt's own catalogue: the wizard's buttons
    assert window.buttonText(QWizard.WizardButton.NextButton) == "&Weiter >"
    assert window.buttonText(QWizard.WizardButton.BackButton) == "< &Zurück"
    assert window.buttonText(QWizard.WizardButton.CancelButton) == "Abbrechen"

    # every page: one mnemonic per key, none taken from the wizard's Weiter / Zurück
    wizard_keys = {"w": "&Weiter >", "z": "< &Zurück"}
    clashes = []
    for page_id in window.pageIds():
        page = window.page(page_id)
        texts = [b.text() for b in page.findChildren(QAbstractButton)]
        texts += [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        texts += [g.title() for g in page.findChildren(QGroupBox) if g.isCheckable()]
        seen: dict[str, str] = dict(wizard_keys)
        for text in texts:
            key = mnemonic(text)
            if key is None:
                continue
            if key in seen:
                clashes.append(f"{type(page).__name__}: {seen[key]!r} / {text!r}")
            seen[key] = text
    assert not clashes, "\n".join(clashes)


def test_drive_verdicts_follow_the_gui_language(german):
    from hvseed_gui.core.fitness import DriveCode, assess_drive
    from hvseed_gui.core.volumes import Volume
    from hvseed_gui.hyperv.host import VhdFile
    from hvseed_gui.ui import verdict

    install_translators("de")
    codes = {v for k, v in vars(DriveCode).items() if k.isupper()}
    assert codes == set(verdict._TITLES)  # every finding of core has a translatable title
    stick = Volume("F:\\", "STICK", "FAT32", 32 * 2**30, 30 * 2**30, bus_type="USB")
    result = assess_drive(
        stick,
        [VhdFile("D:\\VMs\\big.vhdx", 5 * 2**30)],
        vm_storage_paths=["D:\\VMs\\big.vhdx"],
        system_drive="C:\\",
        existing_export_folders=[],
        vm_folder_name="Big_6F1C2A3B-9D4E-4F5A-8B6C-1D2E3F4A5B6C",
    )
    titles = [verdict.finding_title(f, stick) for f in result.errors]
    assert "Dateien zu groß für FAT32" in titles

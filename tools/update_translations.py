"""Refresh the German catalogue (and English plurals): extract every tr() text into
resources/translations/*.ts and compile each .ts to hvseed_gui/i18n/*.qm (package data).

    python tools/update_translations.py            # lupdate + lrelease
    python tools/update_translations.py --release  # lrelease only (after translating the .ts)

New or changed texts arrive in the .ts as type="unfinished": translate them (pyside6-linguist or
an editor), then run with --release. tests/e2e/wizard/test_translations.py fails until both are
done.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "hvseed_gui" / "i18n"
SOURCES = [
    "hvseed_gui/ui",
    "hvseed_gui/app.py",
    "hvseed_gui/report_pdf.py",
    # what core, flows and the seam say (core.said): worded by the GUI, in the catalogue too
    "hvseed_gui/core",
    "hvseed_gui/flows",
    "hvseed_gui/hyperv",
    "hvseed_gui/errors.py",
]
LANGUAGES = {"de": "de_DE", "en": "en_US"}  # file suffix: the .ts language
# English is the source text: its catalogue holds only the %n texts, for proper plurals
# ("1 file", "2 files" from "%n file(s)"), as Qt's documentation recommends
PLURAL_ONLY = {"en"}


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (the venv's), else the one on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into this environment.")
    return found


def lupdate(lang: str) -> None:
    ts = TS_DIR / f"hvseed_{lang}.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-extensions", "py", "-target-language", LANGUAGES[lang]]
        + ["-no-obsolete"]
        + (["-pluralonly"] if lang in PLURAL_ONLY else [])
        + ["-locations", "none", *SOURCES, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    args = parser.parse_args()
    for lang in LANGUAGES:
        if not args.release:
            lupdate(lang)
        lrelease(TS_DIR / f"hvseed_{lang}.ts", QM_DIR / f"hvseed_{lang}.qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

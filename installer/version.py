"""Print the project's version from pyproject.toml, and the MSI's help link.

    python installer/version.py              # 0.1.0
    python installer/version.py --msi        # 0.1.0 (a pre-release such as 0.2.0rc1 gives 0.2.0)
    python installer/version.py --help-link  # Add/Remove Programs' help link

One source for the version resource of the executables (the spec), ProductVersion and the help
link of the MSI (build.ps1, build-check.sh).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
HELP_LINK_ENV = "HVSEED_HELP_LINK"
#: used when neither $HVSEED_HELP_LINK nor the clone's "origin" remote says where the project lives
DEFAULT_HELP_LINK = "https://github.com/hvseed/hvseed-gui"


def project_version(pyproject: Path = PYPROJECT) -> str:
    """``[project] version`` of ``pyproject``."""
    text = pyproject.read_text(encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the one line we need, without tomli
        found = re.search(r'(?m)^version\s*=\s*"([^"]+)"', text)
        if not found:
            raise SystemExit(f"No version in {pyproject}.") from None
        return found.group(1)
    return tomllib.loads(text)["project"]["version"]


def msi_version(version: str) -> str:
    """``major.minor.patch`` for MSI's ProductVersion (at most 255.255.65535)."""
    found = re.match(r"(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not found:
        raise SystemExit(f"The version {version!r} does not start with numbers an MSI accepts.")
    major, minor, patch = (int(n or 0) for n in found.groups())
    if major > 255 or minor > 255 or patch > 65535:
        raise SystemExit(f"The version {version!r} is too large for an MSI (255.255.65535).")
    return f"{major}.{minor}.{patch}"


def help_link() -> str:
    """$HVSEED_HELP_LINK (CI sets it to the repository's page), else the ``origin`` remote as
    an https address, else DEFAULT_HELP_LINK."""
    link = os.environ.get(HELP_LINK_ENV, "").strip()
    if link:
        return link
    try:
        remote = subprocess.run(
            ["git", "remote", "get-url", "origin"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        remote = ""
    found = re.match(r"(?:https://|git@)([^/:]+)[/:](.+?)(?:\.git)?$", remote)
    return f"https://{found.group(1)}/{found.group(2)}" if found else DEFAULT_HELP_LINK


def main(argv: list[str]) -> int:
    if "--help-link" in argv:
        print(help_link())
        return 0
    version = project_version()
    print(msi_version(version) if "--msi" in argv else version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

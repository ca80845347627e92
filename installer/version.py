"""Print the project's version from pyproject.toml (``--msi``: the numeric form MSI accepts).

    python installer/version.py          # 0.1.0
    python installer/version.py --msi    # 0.1.0 (a pre-release such as 0.2.0rc1 gives 0.2.0)

One source for the version resource of the executables (the spec) and ProductVersion of the MSI
(build.ps1, build-check.sh).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


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


def main(argv: list[str]) -> int:
    version = project_version()
    print(msi_version(version) if "--msi" in argv else version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

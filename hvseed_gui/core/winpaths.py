"""Windows' rules for file names and absolute paths, for checking before anything changes.

One implementation for the wizard, the CLI and the lab (which must refuse what Windows refuses).
Each check returns a sentence for the admin, or None when Windows accepts the name or path.
Sources: Microsoft's "Naming Files, Paths, and Namespaces" (reserved names, reserved
characters, trailing dots and spaces, drive-relative paths).
"""

from __future__ import annotations

import re

# CON, PRN, AUX, NUL, COM0-9, LPT0-9, also with an extension ("NUL.txt") and the superscript
# digits Windows treats as the same device names.
_RESERVED = re.compile(
    r"^(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])(\..*)?$",
    re.IGNORECASE,
)
_BAD_CHARS = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
MAX_COMPONENT = 255  # NTFS, exFAT and FAT32 long names
_DRIVE_ABS = re.compile(r"^[A-Za-z]:\\")


def _show(char: str) -> str:
    return f"U+{ord(char):04X}" if ord(char) < 32 else char


def name_problem(name: str, what: str = "The name") -> str | None:
    """Why Windows refuses ``name`` as one file or folder name; None if it accepts it."""
    if name == "" or name.strip(" ") == "":
        return f"{what} is empty or only spaces; Windows cannot create such a file or folder."
    if name in (".", ".."):
        return f"{what} '{name}' means the folder itself or its parent, not a folder of its own."
    bad = sorted({c for c in name if c in _BAD_CHARS}, key=ord)
    if bad:
        shown = " ".join(_show(c) for c in bad)
        return f"{what} '{name}' holds characters Windows does not allow in names: {shown}."
    if name.endswith((".", " ")):
        return (
            f"{what} '{name}' ends with a dot or a space, which Windows removes, so the file "
            "would get another name."
        )
    if _RESERVED.match(name):
        return f"{what} '{name}' is a device name Windows reserves (CON, NUL, COM1, LPT1, …)."
    if len(name) > MAX_COMPONENT:
        return f"{what} is longer than {MAX_COMPONENT} characters, more than Windows allows."
    return None


def destination_problem(path: str) -> str | None:
    """Why ``path`` cannot be a destination folder on a drive (``E:\\HyperV-Seed``); None if fine.

    Refused: drive-relative paths (``E:x``), relative and UNC paths, NUL, ``.``/``..``
    components, alternate data streams and every component Windows would refuse.
    """
    if "\x00" in path:
        return "The destination holds a NUL character, which no Windows path can."
    if not _DRIVE_ABS.match(path):
        if re.match(r"^[A-Za-z]:", path):
            return (
                f"The destination {path} is relative to the current folder of drive "
                f"{path[:2]}; write it in full, e.g. {path[:2]}\\HyperV-Seed."
            )
        return (
            f"The destination {path} is not a folder on a drive letter: write it in full, "
            "e.g. E:\\HyperV-Seed."
        )
    parts = path[3:].split("\\")
    if parts and parts[-1] == "":
        parts.pop()  # one trailing backslash
    for part in parts:
        if part in (".", ".."):
            return (
                f"The destination {path} contains '{part}'; name the folder on the drive "
                "directly, without '.' or '..'."
            )
        problem = name_problem(part, f"In the destination {path}, the folder name")
        if problem:
            return problem
    return None

"""The BitLocker recovery key file: its text, writing it safely, and keeping it off the drive.

Shared by the wizard's BitLocker panel and the CLI; no Qt, no host code. ``result`` is any
object with ``protector_id`` and ``recovery_password`` (``hyperv.host.BitLockerResult``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from hvseed_gui.core.shell_quote import drive_word
from hvseed_gui.core.volumes import Volume


def _norm(path: str) -> str:
    return path.replace("\\", "/").lower().rstrip("/") + "/"


def on_drive(path: str, drive_roots: Sequence[str]) -> bool:
    """Whether ``path`` (on this computer) lies on the drive reachable under ``drive_roots``."""
    candidates = {_norm(path)}
    if os.path.isabs(path):
        candidates.add(_norm(os.path.realpath(path)))
    return any(c.startswith(_norm(root)) for c in candidates for root in drive_roots if root)


def recovery_key_text(result: Any, volume: Volume, host_name: str) -> str:
    """The recovery key file: what it unlocks, the protector ID, the key, how to use it."""
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        "BitLocker Drive Encryption recovery key\n"
        "\n"
        f"Drive: {volume.display_name} on {host_name}"
        + (f", {volume.friendly_name}" if volume.friendly_name else "")
        + (f", serial {volume.serial}" if volume.serial else "")
        + f"\nWritten by hvseed on {when}.\n"
        "\n"
        "Identifier (compare with the one Windows shows when it asks for the key):\n"
        f"    {result.protector_id}\n"
        "\n"
        "Recovery key:\n"
        f"    {result.recovery_password}\n"
        "\n"
        "Keep this file away from the drive: anyone with it can read the drive.\n"
        "To unlock without the password: Explorer > the drive > More options > Enter recovery "
        "key,\n"
        f"or: manage-bde -unlock {drive_word(volume.mount_point)} -RecoveryPassword <key>\n"
    )


def write_key_file(path: str, text: str) -> None:
    """Write a new file readable only by its owner where the OS allows; never overwrite."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise OSError(
            f"{path} already exists; hvseed never overwrites a recovery key file. "
            "Choose a new file name."
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:  # "No space left on device" names no file by itself
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise OSError(exc.errno, exc.strerror or str(exc), path) from None

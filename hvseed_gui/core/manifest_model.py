"""The integrity manifest itself: its file names, format constants, the ``Manifest`` model read
from untrusted JSON, and the ``sha256sum`` lines beside it. ``core.manifest`` re-exports every
public name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.shell_quote import get_filehash_check_line, sha256sum_check_line
from hvseed_gui.core.strict_json import loads_strict
from hvseed_gui.core.untrusted import walk
from hvseed_gui.errors import HvseedError

MANIFEST_SUFFIX = ".hvseed-manifest.json"
SUMS_SUFFIX = ".sha256"
FORMAT = "hvseed-manifest"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # untrusted input from the drive: refuse anything larger
MAX_MANIFEST_DEPTH = 16  # a manifest nests 3 deep; deeper is not one hvseed wrote
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class ManifestError(HvseedError):
    """A manifest cannot be written (one exists already, the folder is missing or unreadable)."""


class ManifestState(str, Enum):
    """What lies beside an export folder: nothing, an unfinished manifest, or a complete one."""

    ABSENT = "absent"  # neither file: write one
    INCOMPLETE = "incomplete"  # writing was interrupted: may be written again (replaced)
    COMPLETE = "complete"  # never replaced, even when damaged (verify says what is wrong)


# --- the manifest ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManifestFile:
    path: str  # relative to the export folder, "/" separators
    size: int
    sha256: str  # lower-case hex


@dataclass(frozen=True)
class Manifest:
    folder: str  # the export folder's name, <VMName>_<VMId>
    vm_name: str
    vm_id: str
    source_host: str
    replica_server: str
    created: datetime  # UTC
    tool_version: str
    files: tuple[ManifestFile, ...]

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def to_json(self) -> str:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "folder": self.folder,
            "vm": {"name": self.vm_name, "id": self.vm_id},
            "source_host": self.source_host,
            "replica_server": self.replica_server,
            "created": self.created.astimezone(timezone.utc).isoformat(),
            "tool_version": self.tool_version,
            "algorithm": "SHA-256",
            "total_bytes": self.total_bytes,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
            "check_without_hvseed": {
                "run_in": f"the folder that holds the folder {self.folder}",
                "sha256sum": sha256sum_check_line(self.folder + SUMS_SUFFIX),
                "powershell": get_filehash_check_line(self.folder + SUMS_SUFFIX),
            },
        }
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Parse and validate; ``ValueError`` with a readable reason if it is not a manifest."""
        doc = loads_strict(
            text, what="it", max_bytes=MAX_MANIFEST_BYTES, max_depth=MAX_MANIFEST_DEPTH
        )
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("it is not an hvseed manifest")
        version = doc.get("version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ValueError(f"it has format version {version!r}; update hvseed to read it")
        vm = doc.get("vm") if isinstance(doc.get("vm"), dict) else {}
        files = doc.get("files")
        if not isinstance(files, list):
            raise ValueError("it has no file list")
        parsed = tuple(_parse_file(item) for item in files)
        if len({f.path for f in parsed}) != len(parsed):
            raise ValueError("it lists a file twice")
        try:
            created = datetime.fromisoformat(str(doc.get("created", "")))
        except ValueError:
            raise ValueError("its time stamp is not readable") from None
        return cls(
            folder=_text(doc, "folder"),
            vm_name=_text(vm, "name", "vm.name"),
            vm_id=_text(vm, "id", "vm.id"),
            source_host=_text(doc, "source_host"),
            replica_server=_text(doc, "replica_server"),
            created=created,
            tool_version=_text(doc, "tool_version"),
            files=parsed,
        )

    def to_sha256sum(self) -> str:
        """The ``sha256sum`` lines: ``<hex>  <folder>/<path>``, checked from the parent folder."""
        return "".join(_sums_line(f.sha256, f"{self.folder}/{f.path}") for f in self.files)


def _text(doc: Mapping[str, Any], key: str, shown: str = "") -> str:
    """A text entry of the manifest ("" when absent); anything but text is refused."""
    value = doc.get(key, "")
    if not isinstance(value, str) or len(value) > 4096:
        raise ValueError(f"its entry '{shown or key}' is not a short text")
    return value


def _parse_file(item: Any) -> ManifestFile:
    if not isinstance(item, dict):
        raise ValueError("a file entry is not an object")
    path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
    if not isinstance(path, str) or not safe_relative(path):
        raise ValueError(f"the file path {path!r} is not a plain relative path")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"the size of {path} is not a byte count")
    if not isinstance(digest, str) or not SHA256_HEX.fullmatch(digest.lower()):
        raise ValueError(f"the SHA-256 of {path} is not 64 hex digits")
    return ManifestFile(path, size, digest.lower())


def safe_relative(path: str) -> bool:
    """No absolute path, drive, ``..`` or backslash: a manifest must not point outside."""
    if not path or "\\" in path or ":" in path or path.startswith("/"):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _sums_line(digest: str, name: str) -> str:
    # GNU sha256sum escapes "\" and newlines in names and marks such lines with a leading "\".
    if "\\" in name or "\n" in name or "\r" in name:
        escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {escaped}\n"
    return f"{digest}  {name}\n"


def parse_sha256sum(text: str, folder: str) -> dict[str, str]:
    """``{path below folder: hex}`` from ``sha256sum`` lines for ``folder``; others ignored."""
    out: dict[str, str] = {}
    prefix = folder + "/"
    for line in text.split("\n"):
        line = line.removesuffix("\r")
        escaped = line.startswith("\\")
        if escaped:
            line = line[1:]
        digest, sep, name = line.partition("  ")
        if not sep:
            digest, sep, name = line.partition(" *")  # binary-mode marker
        if not sep or not SHA256_HEX.fullmatch(digest.lower()):
            continue
        if escaped:
            name = name.replace("\\\\", "\0").replace("\\n", "\n").replace("\\r", "\r")
            name = name.replace("\0", "\\")
        if name.startswith(prefix):
            out[name[len(prefix) :]] = digest.lower()
    return out


def manifest_paths(folder: Path) -> tuple[Path, Path]:
    """(JSON manifest, ``.sha256`` file) beside ``folder``."""
    folder = Path(folder)
    return (
        folder.with_name(folder.name + MANIFEST_SUFFIX),
        folder.with_name(folder.name + SUMS_SUFFIX),
    )


def list_files(folder: Path) -> list[FileEntry]:
    """Every plain file below ``folder`` (relative ``/`` paths, sorted). Links, pipes, devices
    and sockets are left out, never followed or opened (``core.untrusted.walk`` names them)."""
    return list(walk(Path(folder)).files)

"""Integrity manifest of an export folder: written after the export, checked on arrival.

Two files sit *beside* the folder ``<VMName>_<VMId>`` (never inside: Hyper-V owns it):

- ``<VMName>_<VMId>.hvseed-manifest.json``: every file with size and SHA-256, the VM's name and
  ID, source host, replica server, time and tool version. hvseed checks against this one.
- ``<VMName>_<VMId>.sha256``: the same hashes in ``sha256sum`` format, paths relative to the
  drive folder that holds the export folder, with ``/``. Without hvseed, in that folder:
  ``sha256sum -c SQL01_<id>.sha256``. On Windows, compare per file:
  ``(Get-FileHash -Algorithm SHA256 'SQL01_<id>\\Virtual Hard Disks\\SQL01.vhdx').Hash``
  against the line for that file (Get-FileHash prints upper case; the file has lower case).

Both files are written whole (a temporary name beside them, then a rename), the ``.sha256``
first and the JSON last. A complete manifest is never overwritten; an *incomplete* one (the
JSON empty or cut short, or a ``.sha256`` without its JSON: writing was interrupted) is, by
``hvseed manifest`` (``manifest_state`` tells which). The checks are pure functions of a
manifest, a file listing and hashes, so a remote host that lists and hashes on its side is
judged the same way as a drive on this computer (``files_to_hash`` then ``compare``).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from hvseed_gui import __version__
from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.hashing import CancelFlag, Progress, hash_files
from hvseed_gui.core.shell_quote import get_filehash_check_line, sha256sum_check_line
from hvseed_gui.core.strict_json import loads_strict
from hvseed_gui.core.units import format_bytes
from hvseed_gui.core.untrusted import read_capped, refused_error, shown, walk
from hvseed_gui.core.whole_files import write_whole
from hvseed_gui.errors import Cancelled, HvseedError

MANIFEST_SUFFIX = ".hvseed-manifest.json"
SUMS_SUFFIX = ".sha256"
FORMAT = "hvseed-manifest"
FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 16 * 1024 * 1024  # untrusted input from the drive: refuse anything larger
MAX_MANIFEST_DEPTH = 16  # a manifest nests 3 deep; deeper is not one hvseed wrote
_HEX64 = re.compile(r"[0-9a-f]{64}")


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
    if not isinstance(path, str) or not _safe_relative(path):
        raise ValueError(f"the file path {path!r} is not a plain relative path")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"the size of {path} is not a byte count")
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest.lower()):
        raise ValueError(f"the SHA-256 of {path} is not 64 hex digits")
    return ManifestFile(path, size, digest.lower())


def _safe_relative(path: str) -> bool:
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
        if not sep or not _HEX64.fullmatch(digest.lower()):
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


# --- state: absent, incomplete, complete -------------------------------------------------------


def _blank(raw: bytes) -> bool:
    return not raw.strip(b" \t\r\n\x00")


def json_unfinished(raw: bytes) -> bool:
    """True when ``raw`` is an empty or cut-short JSON document (writing was interrupted):
    blank (or zeros, as a crash can leave), or JSON that breaks off at its end. A document that
    is whole but wrong (edited, damaged in the middle, someone else's) is not unfinished."""
    if _blank(raw):
        return True
    text = raw.rstrip(b"\x00").decode("utf-8-sig", errors="replace")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        # cut inside a string (strings cannot span lines, so this is the last one), or the
        # parser ran out of text while it still expected more
        return exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip())
    return False


def sums_ours(raw: bytes, folder_name: str) -> bool:
    """True when a ``.sha256`` file is blank or holds only ``sha256sum`` lines for files of
    ``folder_name`` (the last line may be cut short): one hvseed wrote, which may be
    rewritten with the manifest. Anything else is someone's file and is kept."""
    if _blank(raw):
        return True
    try:
        text = raw.rstrip(b"\x00").decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    lines = text.split("\n")
    complete, last = lines[:-1], lines[-1]
    prefix = f"{folder_name}/"
    for line in complete:
        line = line.rstrip("\r").lstrip("\\")
        if not line:
            continue
        digest, sep, name = line.partition("  ")
        if not sep or not _HEX64.fullmatch(digest.lower()) or not name.startswith(prefix):
            return False
    last = last.lstrip("\\")
    return not last or all(c in "0123456789abcdef" for c in last[:64].lower())


def judge_manifest(json_raw: bytes | None, sums_raw: bytes | None) -> ManifestState:
    """The state from the two files' bytes (None: missing); pure, so a remote host's files
    are judged the same way as a local drive's."""
    if json_raw is None:
        return ManifestState.ABSENT if sums_raw is None else ManifestState.INCOMPLETE
    return ManifestState.INCOMPLETE if json_unfinished(json_raw) else ManifestState.COMPLETE


def _read_raw(path: Path) -> bytes | None:
    """The bytes of a manifest file, None when missing; ``OSError`` when it cannot be read
    (a link, a pipe, too large): such a file is never judged incomplete."""
    try:
        return read_capped(path.parent, path.name, MAX_MANIFEST_BYTES)
    except FileNotFoundError:
        return None


def manifest_state(folder: Path) -> ManifestState:
    """Whether the manifest beside ``folder`` is absent, incomplete or complete.

    A file that cannot be read at all (a link, a pipe, too large) counts as complete: it is
    nobody's to replace. ``write_manifest`` writes when absent, replaces when incomplete.
    """
    json_path, sums_path = manifest_paths(Path(folder))
    try:
        return judge_manifest(_read_raw(json_path), _read_raw(sums_path))
    except OSError:
        return ManifestState.COMPLETE


def redo_command(folder: str) -> str:
    """The command that writes an incomplete manifest again, quoted for PowerShell."""
    return "hvseed manifest '" + shown(str(folder)).replace("'", "''") + "'"


def incomplete_report(folder: str, json_name: str, where: str = "") -> VerifyReport:
    """The verdict on an incomplete manifest: what happened and the command that redoes it."""
    name = folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return VerifyReport(
        folder,
        problem=ManifestProblem.MANIFEST_INCOMPLETE,
        problem_detail=f"The manifest beside {shown(name)}{where} is incomplete "
        f"({shown(json_name)} is empty or cut short): writing it "
        "was interrupted, so the files cannot be checked. Write it again: "
        f"{redo_command(folder)} (on the primary host before the drive travels; written "
        "later, it can only vouch for the files as they are then).",
    )


# --- writing -----------------------------------------------------------------------------------


def build_manifest(
    folder: Path,
    *,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    tool_version: str = __version__,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int | None = None,
) -> Manifest:
    """Hash every file of ``folder`` and return the manifest (nothing is written)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ManifestError(
            f"The export folder {folder} does not exist.",
            "Check the drive and the path; the export writes <VMName>_<VMId> on the drive.",
        )
    try:
        listed = walk(folder)
        if listed.refused:
            error = refused_error(str(folder), listed.refused)
            raise ManifestError(f"No manifest was written. {error.message}", error.hint)
        entries = list(listed.files)
        if not entries:
            raise ManifestError(
                f"The export folder {folder} is empty.",
                "The export did not complete; export the initial copy again.",
            )
        hashes = hash_files(
            folder, [e.path for e in entries], progress=progress, cancel=cancel, workers=workers
        )
    except OSError as exc:
        raise ManifestError(
            f"Cannot read {exc.filename or folder}: {exc.strerror or exc}.",
            "Check that the drive is still connected and readable, then try again.",
        ) from None
    try:
        return manifest_from_hashes(
            folder.name,
            entries,
            hashes,
            vm_name=vm_name,
            vm_id=vm_id,
            source_host=source_host,
            replica_server=replica_server,
            tool_version=tool_version,
        )
    except ValueError as exc:
        raise ManifestError(
            f"No manifest can be written for {folder}: {exc}.",
            "Rename that file (a manifest names plain relative paths only), or export again.",
        ) from None


def manifest_from_hashes(
    folder_name: str,
    entries: Iterable[FileEntry],
    hashes: Mapping[str, str],
    *,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    tool_version: str = __version__,
) -> Manifest:
    """The manifest of listed files and their SHA-256 (hashed here or on a remote host).

    ``entries`` in listing order; ``ValueError`` when a file has no hash or a path is not plain.
    """
    files: list[ManifestFile] = []
    for entry in entries:
        digest = hashes.get(entry.path, "").lower()
        if not _HEX64.fullmatch(digest):
            raise ValueError(f"{entry.path} has no SHA-256")
        if not _safe_relative(entry.path):
            raise ValueError(f"the file path {entry.path!r} is not a plain relative path")
        files.append(ManifestFile(entry.path, entry.size, digest))
    return Manifest(
        folder=folder_name,
        vm_name=vm_name,
        vm_id=vm_id,
        source_host=source_host,
        replica_server=replica_server,
        created=datetime.now(timezone.utc),
        tool_version=tool_version,
        files=tuple(files),
    )


def write_manifest(
    folder: Path,
    *,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    tool_version: str = __version__,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int | None = None,
) -> Manifest:
    """Hash ``folder`` and write both manifest files beside it. Writes when there is none,
    replaces an incomplete one (``manifest_state``), never a complete one.

    Raises ``ManifestError`` (a complete manifest exists, folder missing/unreadable, cannot
    write) or ``Cancelled`` (nothing written).
    """
    folder = Path(folder)
    _refuse_existing(folder)  # before hours of hashing, not after
    manifest = build_manifest(
        folder,
        vm_name=vm_name,
        vm_id=vm_id,
        source_host=source_host,
        replica_server=replica_server,
        tool_version=tool_version,
        progress=progress,
        cancel=cancel,
        workers=workers,
    )
    save_manifest(manifest, folder)
    return manifest


def save_manifest(manifest: Manifest, folder: Path) -> None:
    """Write ``manifest`` beside ``folder``: the ``.sha256`` file, then the JSON (last = done).

    Each file whole (temporary name, then rename): a new one never replaces a file, and an
    incomplete one is replaced only while it still holds the bytes judged incomplete. An
    interruption leaves at worst an incomplete manifest, which the next run replaces.
    """
    json_path, sums_path = manifest_paths(Path(folder))
    replacing = _refuse_existing(Path(folder))
    path = sums_path
    try:
        for path, text in ((sums_path, manifest.to_sha256sum()), (json_path, manifest.to_json())):
            write_whole(path, text.encode("utf-8"), replacing=replacing.get(path))
    except FileExistsError as exc:
        raise _exists_error(Path(exc.filename or json_path)) from None
    except OSError as exc:
        # a failed write or fsync names no file itself ("No space left on device"): the one
        # being written is the one to name
        raise ManifestError(
            f"Cannot write the manifest file {path}: {exc.strerror or exc}.",
            "Check that the drive is writable and has a little free space, then try again.",
        ) from None


def _refuse_existing(folder: Path) -> dict[Path, bytes]:
    """Refuse a complete manifest, or a ``.sha256`` hvseed did not write; otherwise the bytes
    of the incomplete files that may be replaced (by path)."""
    json_path, sums_path = manifest_paths(folder)
    try:
        json_raw = _read_raw(json_path)
    except OSError:
        raise _exists_error(json_path) from None
    try:
        sums_raw = _read_raw(sums_path)
    except OSError:
        raise _exists_error(sums_path) from None
    if judge_manifest(json_raw, sums_raw) is ManifestState.COMPLETE:
        raise _exists_error(json_path)
    if sums_raw is not None and not sums_ours(sums_raw, folder.name):
        raise _exists_error(sums_path)
    found = {json_path: json_raw, sums_path: sums_raw}
    return {path: raw for path, raw in found.items() if raw is not None}


def _exists_error(path: Path) -> ManifestError:
    return ManifestError(
        f"A manifest already exists: {path}. hvseed never overwrites one.",
        "If it belongs to an earlier export, move that export folder and its manifest files "
        "off the drive first; to check the existing one, run 'hvseed verify'.",
    )


# --- checking ----------------------------------------------------------------------------------


class FileStatus(str, Enum):
    OK = "ok"
    MISMATCH = "mismatch"  # same size, different content
    TRUNCATED = "truncated"  # smaller than listed
    LARGER = "larger"  # larger than listed
    MISSING = "missing"
    EXTRA = "extra"  # on the drive, not in the manifest
    UNREADABLE = "unreadable"
    REFUSED = "refused"  # a link, pipe, device or socket: not followed, not opened


class ManifestProblem(str, Enum):
    FOLDER_MISSING = "folder-missing"
    MANIFEST_MISSING = "manifest-missing"
    MANIFEST_UNREADABLE = "manifest-unreadable"
    MANIFEST_INCOMPLETE = "manifest-incomplete"  # writing was interrupted: write it again


@dataclass(frozen=True)
class FileCheck:
    path: str
    status: FileStatus
    expected_size: int | None = None
    actual_size: int | None = None
    expected_sha256: str = ""
    actual_sha256: str = ""
    detail: str = ""  # e.g. the read error

    @property
    def ok(self) -> bool:
        return self.status is FileStatus.OK

    def sentence(self) -> str:
        """What is wrong with this file and what to do, for the admin."""
        p, s = self.path, self.status
        if s is FileStatus.OK:
            return f"{p}: OK."
        if s is FileStatus.MISMATCH:
            return (
                f"{p}: the content differs from the manifest (SHA-256 mismatch). The copy was "
                "damaged in transit or on the drive: export the initial copy again."
            )
        if s is FileStatus.TRUNCATED:
            return (
                f"{p}: {self.actual_size:,} bytes instead of {self.expected_size:,}; the file is "
                "incomplete (drive removed too early, or a copy interrupted): export again, or "
                "copy the folder again from the exported original."
            )
        if s is FileStatus.LARGER:
            return (
                f"{p}: {self.actual_size:,} bytes instead of {self.expected_size:,}; the file was "
                "changed after the export: export the initial copy again."
            )
        if s is FileStatus.MISSING:
            return (
                f"{p}: missing. It was not copied, or was renamed or deleted (Hyper-V's import "
                "needs every file under its original name): export again."
            )
        if s is FileStatus.EXTRA:
            return (
                f"{p}: not in the manifest; it was added after the export. If you put it there, "
                "move it out of the folder and check again; otherwise export again."
            )
        if s is FileStatus.REFUSED:
            return (
                f"{shown(p)}: {self.detail or 'not a plain file; not read'}. An export holds "
                "only plain files and folders: copy the folder again from the exported original "
                "(without links), or export again."
            )
        return (
            f"{p}: cannot be read ({self.detail or 'read error'}). The drive may be failing: "
            "copy the folder to another disk if you can, or export again."
        )


@dataclass(frozen=True)
class VerifyReport:
    """The result of checking an export folder against its manifest."""

    folder: str
    manifest: Manifest | None = None
    files: tuple[FileCheck, ...] = ()
    problem: ManifestProblem | None = None
    problem_detail: str = ""
    notes: tuple[str, ...] = ()  # worth knowing, does not fail the check
    cancelled: bool = False
    bytes_hashed: int = 0
    seconds: float = 0.0
    fingerprint: str = ""  # SHA-256 of the manifest file as read

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.cancelled and all(f.ok for f in self.files)

    @property
    def findings(self) -> tuple[FileCheck, ...]:
        return tuple(f for f in self.files if not f.ok)

    def to_text(self) -> str:
        """Headline, one line per finding (by file name, with what to do), then notes."""
        name = Path(self.folder).name or self.folder
        lines: list[str] = []
        if self.problem is not None:
            lines.append(self.problem_detail)
        elif self.cancelled:
            lines.append(f"The check of {name} was cancelled; nothing was found wrong so far.")
        elif self.ok:
            total = self.manifest.total_bytes if self.manifest else 0
            lines.append(
                f"{name}: all {len(self.files)} files match the manifest "
                f"({format_bytes(total)}, SHA-256). The copy is intact."
            )
        else:
            bad = self.findings
            lines.append(
                f"{name}: {len(bad)} of {len(self.files)} files do not match the manifest. "
                "Do not import this copy."
            )
        lines.extend(f"  {f.sentence()}" for f in self.findings)
        lines.extend(f"Note: {note}" for note in self.notes)
        return "\n".join(lines)


def files_to_hash(manifest: Manifest, files: Iterable[FileEntry]) -> list[str]:
    """The listed files present with their listed size: only these need hashing."""
    sizes = {f.path: f.size for f in files}
    return [m.path for m in manifest.files if sizes.get(m.path) == m.size]


def compare(
    manifest: Manifest,
    files: Iterable[FileEntry],
    hashes: Mapping[str, str],
    unreadable: Mapping[str, str] | None = None,
    refused: Mapping[str, str] | None = None,
) -> tuple[FileCheck, ...]:
    """Judge each file: manifest order first, then extra files. Pure; hashes may come remotely.

    ``hashes`` holds the SHA-256 of (at least) ``files_to_hash``; ``unreadable`` maps a path to
    why it could not be read; ``refused`` an entry that is no plain file (a link, a pipe) to
    what it is: it fails the check whether the manifest lists it or not.
    """
    actual = {f.path: f.size for f in files}
    unreadable = unreadable or {}
    refused = refused or {}
    checks: list[FileCheck] = []
    for m in manifest.files:
        size = actual.get(m.path)
        common: dict[str, Any] = {
            "expected_size": m.size,
            "actual_size": size,
            "expected_sha256": m.sha256,
        }
        if m.path in refused:
            status = FileStatus.REFUSED
            common["detail"] = refused[m.path]
        elif size is None:
            status = FileStatus.MISSING
        elif size < m.size:
            status = FileStatus.TRUNCATED
        elif size > m.size:
            status = FileStatus.LARGER
        elif m.path in unreadable:
            status = FileStatus.UNREADABLE
            common["detail"] = unreadable[m.path]
        else:
            got = hashes.get(m.path, "").lower()
            common["actual_sha256"] = got
            status = FileStatus.OK if got == m.sha256 else FileStatus.MISMATCH
        checks.append(FileCheck(m.path, status, **common))
    listed = {m.path for m in manifest.files}
    checks.extend(
        FileCheck(path, FileStatus.EXTRA, actual_size=size)
        for path, size in sorted(actual.items())
        if path not in listed and path not in refused
    )
    checks.extend(
        FileCheck(path, FileStatus.REFUSED, detail=why)
        for path, why in sorted(refused.items())
        if path not in listed
    )
    return tuple(checks)


def read_manifest(folder: Path) -> Manifest:
    """The manifest beside ``folder``; ``FileNotFoundError`` / ``ValueError`` (readable reason)."""
    return read_manifest_with_raw(folder)[0]


def read_manifest_with_raw(folder: Path) -> tuple[Manifest, bytes]:
    """The manifest beside ``folder`` and the bytes it was parsed from (for its fingerprint)."""
    json_path, _ = manifest_paths(folder)
    try:  # no link, pipe or device; never more than the cap in memory
        raw = read_capped(json_path.parent, json_path.name, MAX_MANIFEST_BYTES)
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            raise ValueError("it is too large to be a manifest") from None
        raise
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    return Manifest.from_json(text), raw


def fingerprint_of(raw: bytes) -> str:
    """The manifest file's own SHA-256 (lower-case hex): passed on apart from the drive, it
    shows on arrival that nobody rewrote the manifest together with the files."""
    return hashlib.sha256(raw).hexdigest()


def verify_manifest(
    folder: Path,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    workers: int | None = None,
) -> VerifyReport:
    """Check every file of ``folder`` against the manifest beside it (in this process).

    Never raises for what it finds: a missing folder or manifest, damaged, missing or extra
    files and cancel all come back in the report. ``progress(done, total)`` counts bytes hashed.
    """
    folder = Path(folder)
    started = time.monotonic()
    json_path, sums_path = manifest_paths(folder)
    if not folder.is_dir():
        return VerifyReport(
            str(folder),
            problem=ManifestProblem.FOLDER_MISSING,
            problem_detail=f"The export folder {folder} does not exist. Check the drive letter "
            "and that the drive holds the folder <VMName>_<VMId>.",
        )
    with contextlib.suppress(OSError):  # a JSON there but cut short: writing was interrupted
        raw = _read_raw(json_path)
        if raw is not None and json_unfinished(raw):
            return incomplete_report(str(folder), json_path.name)
    try:
        manifest, raw = read_manifest_with_raw(folder)
    except FileNotFoundError:
        return VerifyReport(
            str(folder),
            problem=ManifestProblem.MANIFEST_MISSING,
            problem_detail=f"There is no manifest beside {folder.name} (expected {json_path}). "
            "The export was not made by hvseed or the manifest was not copied along, so the "
            "files cannot be checked: copy the manifest files too, or export again with hvseed.",
        )
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return VerifyReport(
            str(folder),
            problem=ManifestProblem.MANIFEST_UNREADABLE,
            problem_detail=f"The manifest {json_path} cannot be used: {reason}. It was damaged "
            "or edited; without it the files cannot be checked: export again.",
        )
    notes = list(_sums_notes(manifest, sums_path))
    try:
        listed = walk(folder)
        entries = list(listed.files)
    except OSError as exc:
        return VerifyReport(
            str(folder),
            manifest,
            problem=ManifestProblem.FOLDER_MISSING,
            problem_detail=f"Cannot read the folder {exc.filename or folder}: "
            f"{exc.strerror or exc}. Check that the drive is connected and readable.",
        )
    wanted = files_to_hash(manifest, entries)
    errors: dict[str, OSError] = {}
    try:
        hashes = hash_files(
            folder, wanted, progress=progress, cancel=cancel, workers=workers, errors=errors
        )
    except Cancelled:
        return VerifyReport(
            str(folder),
            manifest,
            cancelled=True,
            seconds=time.monotonic() - started,
            fingerprint=fingerprint_of(raw),
        )
    reasons = {rel: exc.strerror or str(exc) for rel, exc in errors.items()}
    sizes = {e.path: e.size for e in entries}
    return VerifyReport(
        str(folder),
        manifest,
        files=compare(manifest, entries, hashes, reasons, listed.refused),
        notes=tuple(notes),
        bytes_hashed=sum(sizes[rel] for rel in hashes),
        seconds=time.monotonic() - started,
        fingerprint=fingerprint_of(raw),
    )


def _sums_notes(manifest: Manifest, sums_path: Path) -> Iterable[str]:
    try:
        raw = read_capped(sums_path.parent, sums_path.name, MAX_MANIFEST_BYTES)
        text: str | None = raw.decode("utf-8-sig")
    except FileNotFoundError:
        text = None
    except (OSError, UnicodeDecodeError):
        yield f"{sums_path.name} cannot be read; this check used the JSON manifest."
        return
    yield from sums_notes(manifest, sums_path.name, text)


def sums_notes(manifest: Manifest, sums_name: str, text: str | None) -> Iterable[str]:
    """Notes on the ``.sha256`` file's ``text`` (None: missing) against the JSON manifest;
    shared by the check on this computer and the one whose files are read on a remote host."""
    if text is None:
        yield (
            f"{sums_name} is missing; checking with sha256sum or Get-FileHash needs it "
            "(this check used the JSON manifest)."
        )
        return
    sums = parse_sha256sum(text, manifest.folder)
    listed = {f.path: f.sha256 for f in manifest.files}
    if sums != listed:
        differ = sorted(set(sums) ^ set(listed) | {p for p in listed if sums.get(p) != listed[p]})
        yield (
            f"{sums_name} disagrees with the JSON manifest for {', '.join(differ[:5])}"
            f"{' …' if len(differ) > 5 else ''}; it was edited or damaged. This check used the "
            "JSON manifest; sha256sum -c would report these files."
        )


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits in groups of four, easy to read out: ``1A2B 3C4D 5E6F 7A8B``."""
    head = fingerprint[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))

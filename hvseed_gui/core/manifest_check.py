"""Checking a manifest: whether one lies beside an export folder and is complete, and how the
files compare with it (``files_to_hash`` then ``compare``, pure functions, so a remote host that
lists and hashes on its side is judged the same way). ``core.manifest`` re-exports every public
name.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.hashing import CancelFlag, Progress, hash_files
from hvseed_gui.core.manifest_model import (
    MAX_MANIFEST_BYTES,
    SHA256_HEX,
    Manifest,
    ManifestState,
    manifest_paths,
    parse_sha256sum,
)
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.units import format_bytes
from hvseed_gui.core.untrusted import read_capped, shown, walk
from hvseed_gui.errors import Cancelled

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
        if not sep or not SHA256_HEX.fullmatch(digest.lower()) or not name.startswith(prefix):
            return False
    last = last.lstrip("\\")
    return not last or all(c in "0123456789abcdef" for c in last[:64].lower())


def judge_manifest(json_raw: bytes | None, sums_raw: bytes | None) -> ManifestState:
    """The state from the two files' bytes (None: missing); pure, so a remote host's files
    are judged the same way as a local drive's."""
    if json_raw is None:
        return ManifestState.ABSENT if sums_raw is None else ManifestState.INCOMPLETE
    return ManifestState.INCOMPLETE if json_unfinished(json_raw) else ManifestState.COMPLETE


def read_raw(path: Path) -> bytes | None:
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
        return judge_manifest(read_raw(json_path), read_raw(sums_path))
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
        problem_detail=said(
            QT_TRANSLATE_NOOP(
                "Manifest",
                "The manifest beside {name}{where} is incomplete ({json_name} is empty or cut "
                "short): writing it was interrupted, so the files cannot be checked. Write it "
                "again: {folder} (on the primary host before the drive travels; written later, it "
                "can only vouch for the files as they are then).",
            ),
            name=shown(name),
            where=where,
            json_name=shown(json_name),
            folder=redo_command(folder),
        ),
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
            return said(QT_TRANSLATE_NOOP("Manifest", "{p}: OK."), p=p)
        if s is FileStatus.MISMATCH:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: the content differs from the manifest (SHA-256 mismatch). The copy was "
                    "damaged in transit or on the drive: export the initial copy again.",
                ),
                p=p,
            )
        if s is FileStatus.TRUNCATED:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: {actual_size} bytes instead of {expected_size}; the file is incomplete "
                    "(drive removed too early, or a copy interrupted): export again, or copy the "
                    "folder again from the exported original.",
                ),
                p=p,
                actual_size=f"{self.actual_size:,}",
                expected_size=f"{self.expected_size:,}",
            )
        if s is FileStatus.LARGER:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: {actual_size} bytes instead of {expected_size}; the file was changed "
                    "after the export: export the initial copy again.",
                ),
                p=p,
                actual_size=f"{self.actual_size:,}",
                expected_size=f"{self.expected_size:,}",
            )
        if s is FileStatus.MISSING:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: missing. It was not copied, or was renamed or deleted (Hyper-V's import "
                    "needs every file under its original name): export again.",
                ),
                p=p,
            )
        if s is FileStatus.EXTRA:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: not in the manifest; it was added after the export. If you put it "
                    "there, move it out of the folder and check again; otherwise export again.",
                ),
                p=p,
            )
        if s is FileStatus.REFUSED:
            return said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "{p}: {p2}. An export holds only plain files and folders: copy the folder "
                    "again from the exported original (without links), or export again.",
                ),
                p=shown(p),
                p2=self.detail or said(QT_TRANSLATE_NOOP("Manifest", "not a plain file; not read")),
            )
        return said(
            QT_TRANSLATE_NOOP(
                "Manifest",
                "{p}: cannot be read ({p2}). The drive may be failing: copy the folder to another "
                "disk if you can, or export again.",
            ),
            p=p,
            p2=self.detail or said(QT_TRANSLATE_NOOP("Manifest", "read error")),
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
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "The export folder {folder} does not exist. Check the drive letter and that "
                    "the drive holds the folder <VMName>_<VMId>.",
                ),
                folder=folder,
            ),
        )
    with contextlib.suppress(OSError):  # a JSON there but cut short: writing was interrupted
        raw = read_raw(json_path)
        if raw is not None and json_unfinished(raw):
            return incomplete_report(str(folder), json_path.name)
    try:
        manifest, raw = read_manifest_with_raw(folder)
    except FileNotFoundError:
        return VerifyReport(
            str(folder),
            problem=ManifestProblem.MANIFEST_MISSING,
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "There is no manifest beside {name} (expected {name2}). The export was not "
                    "made by hvseed or the manifest was not copied along, so the files cannot be "
                    "checked: copy the manifest files too, or export again with hvseed.",
                ),
                name=folder.name,
                name2=json_path.name,
            ),
        )
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return VerifyReport(
            str(folder),
            problem=ManifestProblem.MANIFEST_UNREADABLE,
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "The manifest {json_path} cannot be used: {reason}. It was damaged or edited; "
                    "without it the files cannot be checked: export again.",
                ),
                json_path=json_path,
                reason=reason,
            ),
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
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "Cannot read the folder {p}: {p2}. Check that the drive is connected and "
                    "readable.",
                ),
                p=exc.filename or folder,
                p2=exc.strerror or exc,
            ),
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

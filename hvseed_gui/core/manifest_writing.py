"""Writing a manifest beside an export folder: built from the folder's files (hashed here) or
from hashes a host computed, saved whole, never over a complete one. ``core.manifest``
re-exports every public name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path

from hvseed_gui import __version__
from hvseed_gui.core.export_folder import FileEntry
from hvseed_gui.core.hashing import CancelFlag, Progress, hash_files
from hvseed_gui.core.manifest_check import (
    judge_manifest,
    read_raw,
    sums_ours,
)
from hvseed_gui.core.manifest_model import (
    SHA256_HEX,
    Manifest,
    ManifestError,
    ManifestFile,
    ManifestState,
    manifest_paths,
    safe_relative,
)
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.untrusted import refused_error, walk
from hvseed_gui.core.whole_files import write_whole

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
            said(
                QT_TRANSLATE_NOOP("Errors", "The export folder {folder} does not exist."),
                folder=folder,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Check the drive and the path; the export writes <VMName>_<VMId> on the drive.",
                )
            ),
        )
    try:
        listed = walk(folder)
        if listed.refused:
            error = refused_error(str(folder), listed.refused)
            raise ManifestError(
                said(
                    QT_TRANSLATE_NOOP("Errors", "No manifest was written. {message}"),
                    message=error.message,
                ),
                error.hint,
            )
        entries = list(listed.files)
        if not entries:
            raise ManifestError(
                said(
                    QT_TRANSLATE_NOOP("Errors", "The export folder {folder} is empty."),
                    folder=folder,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The export did not complete; export the initial copy again."
                    )
                ),
            )
        hashes = hash_files(
            folder, [e.path for e in entries], progress=progress, cancel=cancel, workers=workers
        )
    except OSError as exc:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "Cannot read {p}: {p2}."),
                p=exc.filename or folder,
                p2=exc.strerror or exc,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Check that the drive is still connected and readable, then try again.",
                )
            ),
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
            said(
                QT_TRANSLATE_NOOP("Errors", "No manifest can be written for {folder}: {exc}."),
                folder=folder,
                exc=exc,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Rename that file (a manifest names plain relative paths only), or export "
                    "again.",
                )
            ),
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
        if not SHA256_HEX.fullmatch(digest):
            raise ValueError(f"{entry.path} has no SHA-256")
        if not safe_relative(entry.path):
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
            said(
                QT_TRANSLATE_NOOP("Errors", "Cannot write the manifest file {path}: {p}."),
                path=path,
                p=exc.strerror or exc,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Check that the drive is writable and has a little free space, then try again.",
                )
            ),
        ) from None


def _refuse_existing(folder: Path) -> dict[Path, bytes]:
    """Refuse a complete manifest, or a ``.sha256`` hvseed did not write; otherwise the bytes
    of the incomplete files that may be replaced (by path)."""
    json_path, sums_path = manifest_paths(folder)
    try:
        json_raw = read_raw(json_path)
    except OSError:
        raise _exists_error(json_path) from None
    try:
        sums_raw = read_raw(sums_path)
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
        said(
            QT_TRANSLATE_NOOP(
                "Errors", "A manifest already exists: {path}. hvseed never overwrites one."
            ),
            path=path,
        ),
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "If it belongs to an earlier export, move that export folder and its manifest "
                "files off the drive first; to check the existing one, run 'hvseed verify'.",
            )
        ),
    )

"""Hash and verify where the drive is: in this process when this computer reads the host's
drive (``HyperVHost.local_path``), else as a hashing job on the host itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PureWindowsPath

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.hashing import Progress
from hvseed_gui.core.manifest import (
    MAX_MANIFEST_BYTES,
    Manifest,
    ManifestError,
    ManifestState,
    VerifyReport,
    fingerprint_of,
    judge_manifest,
    manifest_state,
    read_manifest_with_raw,
    verify_manifest,
    write_manifest,
)
from hvseed_gui.core.report import HandoverReport, report_from_folders, write_text_report
from hvseed_gui.core.said import ENGLISH, QT_TRANSLATE_NOOP, Words, said
from hvseed_gui.core.volumes import Volume
from hvseed_gui.flows.events import CancelToken
from hvseed_gui.hyperv.host import HyperVHost
from hvseed_gui.hyperv.host_errors import CmdletError
from hvseed_gui.hyperv.remote_manifest import (
    build_report_on_host,
    folder_parent,
    write_manifest_on_host,
    write_report_on_host,
)
from hvseed_gui.hyperv.remote_verify import manifest_locations, verify_on_host


@dataclass(frozen=True)
class ManifestOutcome:
    """The manifest beside one export folder, as this run leaves it."""

    folder: str  # the export folder as the host names it
    written: bool  # False: an earlier run's manifest was kept as it is
    files: int  # how many files it lists (0 when kept and not read)
    fingerprint: str  # SHA-256 of the manifest file ("" when it could not be read)
    where: str  # "" on this computer, else the host's name

    @property
    def json_name(self) -> str:
        return manifest_locations(self.folder)[1].replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def sums_name(self) -> str:
        return manifest_locations(self.folder)[2].replace("\\", "/").rsplit("/", 1)[-1]


def complete_manifest(host: HyperVHost, folder: str) -> tuple[Manifest | None, bytes] | None:
    """The complete manifest beside ``folder`` where the drive is, and its bytes: None when
    there is none or only an incomplete one (an interrupted write, which the next write
    replaces); (None, b"") when it is there but cannot be read."""
    local = host.local_path(folder)
    if local is not None:
        if manifest_state(local) is not ManifestState.COMPLETE:
            return None
        try:
            return read_manifest_with_raw(local)
        except (OSError, ValueError):
            return None, b""
    json_path = manifest_locations(folder)[1]
    try:
        text = host.read_text_file(json_path, MAX_MANIFEST_BYTES)
    except CmdletError:
        return None, b""  # there, but not readable as text: kept all the same
    if text is None:
        return None
    raw = text.encode("utf-8")
    if judge_manifest(raw, b"") is not ManifestState.COMPLETE:
        return None
    try:
        return Manifest.from_json(text), raw
    except ValueError:
        return None, raw


def existing_fingerprint(host: HyperVHost, folder: str) -> str | None:
    """The fingerprint of a complete manifest beside ``folder``: None when there is none or
    only an incomplete one, "" when it is there but cannot be read."""
    found = complete_manifest(host, folder)
    if found is None:
        return None
    return fingerprint_of(found[1]) if found[1] else ""


def hash_into_manifest(
    host: HyperVHost,
    folder: str,
    *,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    progress: Progress | None,
    cancel: CancelToken | None,
    poll: float,
    keep_existing: bool = True,
) -> ManifestOutcome:
    """Hash ``folder`` on ``host`` and write its manifest beside it, where the drive is.

    An earlier manifest is never replaced: kept (a run that follows an earlier one), or with
    ``keep_existing=False`` a ``ManifestError`` before anything is hashed. Raises ``Cancelled``
    (nothing written), ``ManifestError`` or the host's ``HyperVError``."""
    earlier = existing_fingerprint(host, folder)
    if earlier is not None:
        if not keep_existing:
            raise ManifestError(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "A manifest already exists beside {folder}. hvseed never overwrites one.",
                    ),
                    folder=folder,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "To check it, run 'hvseed verify'. If it belongs to an earlier export, "
                        "move that export folder and its manifest files off the drive first.",
                    )
                ),
            )
        return ManifestOutcome(folder, False, 0, earlier, "")
    local = host.local_path(folder)
    details = {
        "vm_name": vm_name,
        "vm_id": vm_id,
        "source_host": source_host,
        "replica_server": replica_server,
        "progress": progress,
        "cancel": cancel,
    }
    manifest: Manifest
    if local is not None:
        manifest = write_manifest(local, **details)
        host.count_local_io(folder, read=manifest.total_bytes)
        where = ""
    else:
        manifest = write_manifest_on_host(host, folder, poll_interval=poll, **details)
        where = host.display_name
    fingerprint = fingerprint_of(manifest.to_json().encode("utf-8"))
    return ManifestOutcome(folder, True, len(manifest.files), fingerprint, where)


def verify_where_the_drive_is(
    host: HyperVHost,
    folder: str,
    *,
    progress: Progress | None,
    cancel: CancelToken | None,
    poll: float,
) -> VerifyReport:
    """Check ``folder`` on ``host`` against the manifest beside it, hashing where the drive is."""
    local = host.local_path(folder)
    if local is not None:
        report = verify_manifest(local, progress=progress, cancel=cancel)
        host.count_local_io(folder, read=report.bytes_hashed)
        return report
    return verify_on_host(host, folder, progress=progress, cancel=cancel, poll_interval=poll)


def report_where_the_drive_is(
    host: HyperVHost,
    folders: Sequence[str],
    *,
    volume: Volume | None = None,
    source_host: str = "",
    replica_server: str = "",
    notes: Sequence[str] = (),
    listings: Sequence[FolderListing] = (),
    write: bool = True,
    words: Words = ENGLISH,
) -> tuple[HandoverReport, str]:
    """The handover report of ``folders`` on ``host`` (their manifests where present), read
    where the drive is; with ``write`` its text is written beside the first folder, never over
    an earlier report. Returns (report, the text's path as the host names it, "" when not
    written). Raises ``ManifestError`` or the host's ``HyperVError``."""
    local = [host.local_path(f) for f in folders]
    if all(p is not None for p in local):
        paths = [p for p in local if p is not None]
        report = report_from_folders(
            paths,
            volume=volume,
            source_host=source_host,
            replica_server=replica_server,
            shown_as=folders,
        )
        if notes:
            report = replace(report, notes=tuple(notes))
        if not write:
            return report, ""
        path = write_text_report(report, paths[0].parent, words)
        return report, str(PureWindowsPath(folders[0]).parent / path.name)
    report = build_report_on_host(
        host,
        folders,
        volume=volume,
        source_host=source_host,
        replica_server=replica_server,
        listings=listings,
        notes=notes,
    )
    if not write:
        return report, ""
    return report, write_report_on_host(host, report, folder_parent(folders[0]), words)

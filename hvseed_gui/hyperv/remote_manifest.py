"""Write the integrity manifest and the handover report where the drive is: on the (remote) host.

The counterpart of ``core.manifest.write_manifest`` for a drive this computer cannot reach: the
host lists the export folder and hashes its files in its own detached job (``start_hashing`` /
``hashing_progress``, as ``remote_verify`` does); this process builds the manifest with the same
``core.manifest`` code (one format, ``Manifest.to_json`` / ``to_sha256sum``) and the host writes
both files beside the folder with ``write_new_text_files``: all or nothing, never replacing a
file. The handover report's text is written there the same way (``HANDOVER-<date>[-n].txt``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.hashing import CancelFlag, Progress
from hvseed_gui.core.manifest import (
    MAX_MANIFEST_BYTES,
    Manifest,
    ManifestError,
    ManifestState,
    fingerprint_of,
    judge_manifest,
    manifest_from_hashes,
    sums_ours,
)
from hvseed_gui.core.report import (
    MAX_REPORTS_PER_DAY,
    HandoverReport,
    ReportVm,
    build_report,
    report_file_name,
    text_file_content,
    vm_from_listing,
    vm_from_manifest,
)
from hvseed_gui.core.said import ENGLISH, QT_TRANSLATE_NOOP, Words, said
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import HashJob, HyperVHost, JobState
from hvseed_gui.hyperv.host_errors import Cancelled, CmdletError, NotFound
from hvseed_gui.hyperv.powershell.files import text_digest
from hvseed_gui.hyperv.remote_verify import _follow, manifest_locations


def folder_parent(folder: str) -> str:
    """The folder that holds ``folder`` as the host names it (``E:\\Seed\\X`` -> ``E:\\Seed``,
    ``E:\\X`` -> ``E:\\``); ValueError when ``folder`` has no parent."""
    stripped = folder.rstrip("\\/")
    cut = max(stripped.rfind("\\"), stripped.rfind("/"))
    if cut <= 0:
        raise ValueError(f"{folder} is not a full path of an export folder.")
    parent = stripped[:cut]
    return parent + stripped[cut] if parent.endswith(":") else parent


def _join(directory: str, name: str) -> str:
    if directory.endswith(("\\", "/")):
        return directory + name
    return directory + ("/" if "/" in directory and "\\" not in directory else "\\") + name


def _where(host: HyperVHost) -> str:
    return host.display_name or "the host"


def _exists(host: HyperVHost, path: str) -> ManifestError:
    return ManifestError(
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A manifest already exists on {host}: {path}. hvseed never overwrites one.",
            ),
            host=_where(host),
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


def _refuse_existing(host: HyperVHost, folder_name: str, json_path: str, sums_path: str):
    """Refuse a complete manifest (or a ``.sha256`` hvseed did not write) on the host, judged
    as on this computer (``judge_manifest``); else ``{file name: text_digest}`` of the
    incomplete files that may be replaced."""
    texts: dict[str, str | None] = {}
    for path in (json_path, sums_path):
        try:
            texts[path] = host.read_text_file(path, MAX_MANIFEST_BYTES)
        except NotFound:
            raise
        except CmdletError:
            raise _exists(host, path) from None  # there, but too large or not text: kept
    json_text, sums_text = texts[json_path], texts[sums_path]
    state = judge_manifest(
        None if json_text is None else json_text.encode("utf-8"),
        None if sums_text is None else sums_text.encode("utf-8"),
    )
    if state is ManifestState.COMPLETE:
        raise _exists(host, json_path)
    if sums_text is not None and not sums_ours(sums_text.encode("utf-8"), folder_name):
        raise _exists(host, sums_path)
    return {_file_name(path): text_digest(text) for path, text in texts.items() if text is not None}


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def write_manifest_on_host(
    host: HyperVHost,
    folder: str,
    *,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    poll_interval: float = 1.0,
    on_job: Callable[[HashJob], None] | None = None,
    copy_from: str = "",
) -> Manifest:
    """Hash ``folder`` (a path on ``host``) on the host and write both manifest files beside it.

    Refuses first when a complete manifest exists there (``ManifestError``; nothing is
    hashed); an incomplete one (``ManifestState``) is replaced, only if unchanged meanwhile.
    Then the host lists the folder and hashes every listed file in its own job;
    ``progress(done, total)`` counts bytes hashed there. ``cancel`` (or Ctrl+C) cancels the
    host's job and writes nothing (``Cancelled``). Raises ``ManifestError`` for a missing,
    empty or unreadable folder and the host's ``HyperVError`` when it cannot be asked, its job
    fails or the files cannot be written.

    ``copy_from`` (a staged export's folder on the host's own disk) makes the host's job copy
    every file from there into ``folder`` as it hashes it: the drive is written once, never
    read back, and the manifest vouches for the bytes read from the staged copy.
    """
    where = _where(host)
    name, json_path, sums_path = manifest_locations(folder)
    try:
        directory = folder_parent(folder)
    except ValueError as exc:
        raise ManifestError(
            str(exc),
            said(
                QT_TRANSLATE_NOOP("Errors", "Name the folder as E:\\HyperV-Seed\\<VMName>_<VMId>.")
            ),
        ) from None
    # before hours of hashing, not after; an incomplete manifest may be replaced
    replacing = _refuse_existing(host, name, json_path, sums_path)
    listing = host.read_export_folder(copy_from or folder)
    if not listing.exists:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "The export folder {folder} does not exist on {where}."
                ),
                folder=folder,
                where=where,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Check the drive and the path; the export writes <VMName>_<VMId> on the drive.",
                )
            ),
        )
    if not listing.files:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "The export folder {folder} on {where} is empty."),
                folder=folder,
                where=where,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "The export did not complete; export the initial copy again."
                )
            ),
        )
    paths = [entry.path for entry in listing.files]
    total = sum(entry.size for entry in listing.files)
    job = _follow(
        host,
        copy_from or folder,
        paths,
        total,
        progress,
        cancel,
        poll_interval,
        on_job,
        copy_to=folder if copy_from else "",
    )
    cancelled = Cancelled(
        f"Hashing on {where} was cancelled; no manifest was written.",
        "The copy stays usable; write the manifest later with 'hvseed manifest' on that host.",
    )
    if job.state is JobState.CANCELLED:
        raise cancelled
    if job.state is not JobState.COMPLETED:
        raise CmdletError(
            job.message or f"Hashing on {where} ended without a result.",
            "No manifest was written; check the drive and try again.",
        )
    unreadable = [(p, job.unreadable[p]) for p in paths if p in job.unreadable]
    if unreadable:
        path, reason = unreadable[0]
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "Cannot read {path} in {folder} on {where}: {p}."),
                path=path,
                folder=folder,
                where=where,
                p=reason.rstrip("."),
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "No manifest was written. Check that the drive is still connected and "
                    "readable, then try again.",
                )
            ),
        )
    try:
        manifest = manifest_from_hashes(
            name,
            listing.files,
            job.hashes,
            vm_name=vm_name,
            vm_id=vm_id,
            source_host=source_host,
            replica_server=replica_server,
        )
    except ValueError as exc:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "No manifest can be written for {folder} on {where}: {exc}."
                ),
                folder=folder,
                where=where,
                exc=exc,
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Check the drive and try again.")),
        ) from None
    if cancel is not None and cancel.is_set():  # cancelled as the job ended: still nothing
        raise cancelled
    sums_name = sums_path.replace("\\", "/").rsplit("/", 1)[-1]
    json_name = json_path.replace("\\", "/").rsplit("/", 1)[-1]
    # the .sha256 first, the JSON last: the JSON's presence means "done", as on this computer
    host.write_new_text_files(
        directory,
        {sums_name: manifest.to_sha256sum(), json_name: manifest.to_json()},
        replacing=replacing or None,
    )
    return manifest


# --- the handover report --------------------------------------------------------------------------


def report_vm_on_host(
    host: HyperVHost, folder: str, listing: FolderListing | None = None
) -> tuple[ReportVm, Manifest | None]:
    """One VM of the report from ``host``: its manifest when one is beside ``folder``, else the
    folder's listing (sizes, no hashes; ``listing`` if the caller has it already)."""
    where = _where(host)
    json_path = manifest_locations(folder)[1]
    try:
        text = host.read_text_file(json_path, MAX_MANIFEST_BYTES)
        manifest = None if text is None else Manifest.from_json(text)
    except (CmdletError, ValueError) as exc:
        if isinstance(exc, NotFound):
            raise
        reason = exc.message if isinstance(exc, CmdletError) else str(exc)
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "The manifest {json_path} on {where} cannot be read: {p}."
                ),
                json_path=json_path,
                where=where,
                p=reason.rstrip("."),
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Check the drive; hvseed verify tells more.")),
        ) from None
    if manifest is not None and text is not None:
        return vm_from_manifest(manifest, folder, fingerprint_of(text.encode("utf-8"))), manifest
    if listing is None:
        listing = host.read_export_folder(folder)
    if not listing.exists:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "The export folder {folder} does not exist on {where}."
                ),
                folder=folder,
                where=where,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "Check the drive and the path of the folder <VMName>_<VMId>."
                )
            ),
        )
    return vm_from_listing(listing), None


def build_report_on_host(
    host: HyperVHost,
    folders: Sequence[str],
    *,
    volume: Volume | None = None,
    source_host: str = "",
    replica_server: str = "",
    listings: Sequence[FolderListing] = (),
    notes: Sequence[str] = (),
) -> HandoverReport:
    """The handover report of export folders on ``host`` (their manifests where present)."""
    by_path = {listing.path.lower(): listing for listing in listings}
    vms: list[ReportVm] = []
    manifests: list[Manifest] = []
    for folder in folders:
        vm, manifest = report_vm_on_host(host, folder, by_path.get(folder.lower()))
        vms.append(vm)
        if manifest is not None:
            manifests.append(manifest)
    return build_report(
        vms,
        source_host=source_host,
        replica_server=replica_server,
        volume=volume,
        manifests=manifests,
        notes=notes,
    )


def write_report_on_host(
    host: HyperVHost, report: HandoverReport, directory: str, words: Words = ENGLISH
) -> str:
    """Write the report's text in ``directory`` on ``host`` as ``HANDOVER-<date>.txt`` (then
    ``-2``, ``-3`` … : never over an earlier one); returns the path as the host names it."""
    content = text_file_content(report, words)
    day = report.created.astimezone()
    for counter in range(1, MAX_REPORTS_PER_DAY + 1):
        name = report_file_name(day, counter)
        try:
            host.write_new_text_files(directory, {name: content})
        except CmdletError as exc:
            if exc.category == "ResourceExists":
                continue  # an earlier report of today: take the next number
            raise
        return _join(directory, name)
    raise ManifestError(
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{MAX_REPORTS_PER_DAY} handover reports of today already exist in {directory} on "
                "{host}.",
            ),
            MAX_REPORTS_PER_DAY=MAX_REPORTS_PER_DAY,
            directory=directory,
            host=_where(host),
        ),
        said(QT_TRANSLATE_NOOP("Errors", "Move old reports off the drive.")),
    )

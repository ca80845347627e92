"""Verify an export folder against its manifest where the drive is: on the (remote) host.

The host lists the folder, hands over the manifest text and hashes the files in its own
detached job (``start_hashing`` / ``hashing_progress``); the verdict is the same pure
``core.manifest.compare`` as on this computer, so ``hvseed verify`` and the wizard's check say
the same thing whichever side the drive is on. Used when the drive is not reachable here.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable

from hvseed_gui.core.hashing import CancelFlag, Progress
from hvseed_gui.core.manifest import (
    MANIFEST_SUFFIX,
    MAX_MANIFEST_BYTES,
    SUMS_SUFFIX,
    Manifest,
    ManifestProblem,
    VerifyReport,
    compare,
    files_to_hash,
    fingerprint_of,
    incomplete_report,
    json_unfinished,
    sums_notes,
)
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.hyperv.host import HashJob, HyperVHost, JobState
from hvseed_gui.hyperv.host_errors import CmdletError, HyperVError

#: consecutive failed polls tolerated (a WinRM hiccup) before giving up; the job goes on
POLL_RETRIES = 3


def manifest_locations(folder: str) -> tuple[str, str, str]:
    """(folder name, JSON manifest path, ``.sha256`` path) beside ``folder`` as the host names
    it: the manifest files sit in the folder's parent, named after the folder."""
    stripped = folder.rstrip("\\/")
    name = re.split(r"[\\/]", stripped)[-1]
    return name, stripped + MANIFEST_SUFFIX, stripped + SUMS_SUFFIX


def _wait(cancel: CancelFlag | None, seconds: float) -> None:
    waiter = getattr(cancel, "wait", None)
    if callable(waiter):
        waiter(seconds)  # threading.Event: wakes at once on cancel
    else:
        time.sleep(seconds)


def verify_on_host(
    host: HyperVHost,
    folder: str,
    *,
    progress: Progress | None = None,
    cancel: CancelFlag | None = None,
    poll_interval: float = 1.0,
    on_job: Callable[[HashJob], None] | None = None,
    copy_to: str = "",
) -> VerifyReport:
    """Check ``folder`` (a path on ``host``) against the manifest beside it, hashing on the host;
    with ``copy_to`` the host's job copies each file there as it hashes it (staged arrival).

    Like ``verify_manifest``: what is found (a missing folder or manifest, damaged, missing or
    extra files, cancel) comes back in the report; ``progress(done, total)`` counts bytes
    hashed on the host. Raises ``HyperVError`` when the host cannot be asked or its hashing job
    fails (the sentence says why). Ctrl+C cancels the job on the host before it propagates.
    """
    started = time.monotonic()
    where = host.display_name or "the host"
    name, json_path, sums_path = manifest_locations(folder)
    listing = host.read_export_folder(folder)
    if not listing.exists:
        return VerifyReport(
            folder,
            problem=ManifestProblem.FOLDER_MISSING,
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "The export folder {folder} does not exist on {where}. Check the drive letter "
                    "and that the drive holds the folder <VMName>_<VMId>.",
                ),
                folder=folder,
                where=where,
            ),
        )
    try:
        text = host.read_text_file(json_path, MAX_MANIFEST_BYTES)
        if text is not None and json_unfinished(text.encode("utf-8")):
            json_name = json_path.replace("\\", "/").rsplit("/", 1)[-1]
            return incomplete_report(
                folder, json_name, said(QT_TRANSLATE_NOOP("Manifest", " on {host}"), host=where)
            )
        if text is None:
            return VerifyReport(
                folder,
                problem=ManifestProblem.MANIFEST_MISSING,
                problem_detail=said(
                    QT_TRANSLATE_NOOP(
                        "Manifest",
                        "There is no manifest beside {name} on {where} (expected {json_path}). "
                        "The export was not made by hvseed or the manifest was not copied along, "
                        "so the files cannot be checked: copy the manifest files too, or export "
                        "again with hvseed.",
                    ),
                    name=name,
                    where=where,
                    json_path=json_path,
                ),
            )
        manifest = Manifest.from_json(text)
    except (CmdletError, ValueError) as exc:
        reason = exc.message if isinstance(exc, HyperVError) else str(exc)
        return VerifyReport(
            folder,
            problem=ManifestProblem.MANIFEST_UNREADABLE,
            problem_detail=said(
                QT_TRANSLATE_NOOP(
                    "Manifest",
                    "The manifest {json_path} cannot be used: {p}. It was damaged or edited; "
                    "without it the files cannot be checked: export again.",
                ),
                json_path=json_path,
                p=reason.rstrip("."),
            ),
        )
    try:
        sums_text = host.read_text_file(sums_path, MAX_MANIFEST_BYTES)
        notes = list(
            sums_notes(manifest, sums_path.replace("\\", "/").rsplit("/", 1)[-1], sums_text)
        )
    except CmdletError:
        notes = [f"{name}{SUMS_SUFFIX} cannot be read; this check used the JSON manifest."]

    wanted = files_to_hash(manifest, listing.files)
    sizes = {f.path: f.size for f in listing.files}
    total = sum(sizes[p] for p in wanted)
    job = HashJob("", folder, JobState.COMPLETED, bytes_total=0)
    if wanted:
        job = _follow(host, folder, wanted, total, progress, cancel, poll_interval, on_job, copy_to)
    fingerprint = fingerprint_of(text.encode("utf-8"))
    if job.state is JobState.CANCELLED:
        return VerifyReport(
            folder,
            manifest,
            cancelled=True,
            seconds=time.monotonic() - started,
            fingerprint=fingerprint,
        )
    if job.state is not JobState.COMPLETED:
        raise CmdletError(
            job.message or f"Hashing on {where} ended without a result.",
            "Nothing was changed on the drive; check the drive and start the check again.",
        )
    return VerifyReport(
        folder,
        manifest,
        files=compare(manifest, listing.files, job.hashes, job.unreadable),
        notes=tuple(notes),
        bytes_hashed=sum(sizes.get(p, 0) for p in job.hashes if p in wanted),
        seconds=time.monotonic() - started,
        fingerprint=fingerprint,
    )


def _follow(
    host: HyperVHost,
    folder: str,
    wanted: list[str],
    total: int,
    progress: Progress | None,
    cancel: CancelFlag | None,
    poll_interval: float,
    on_job: Callable[[HashJob], None] | None,
    copy_to: str = "",
) -> HashJob:
    """Start the host's job and poll it to the end (or cancel it); with ``copy_to`` the job
    copies each file there as it hashes it (a staged export's copy to the drive)."""
    job = host.start_hashing(folder, wanted, copy_to)
    if on_job is not None:
        on_job(job)
    failures = 0
    try:
        while True:
            if progress is not None:
                progress(job.bytes_done, job.bytes_total or total)
            if job.state.finished:
                return job
            if cancel is not None and cancel.is_set():
                return host.cancel_hashing(job.job_id)
            _wait(cancel, poll_interval)
            if cancel is not None and cancel.is_set():
                return host.cancel_hashing(job.job_id)
            try:
                job = host.hashing_progress(job.job_id)
                failures = 0
            except HyperVError as exc:
                failures += 1
                if failures > POLL_RETRIES:
                    raise type(exc)(
                        exc.message,
                        f"{exc.hint} The hashing job {job.job_id} goes on on the host; "
                        "check again later.".strip(),
                        detail=exc.detail,
                    ) from None
    except KeyboardInterrupt:
        with contextlib.suppress(HyperVError):
            host.cancel_hashing(job.job_id)
        raise

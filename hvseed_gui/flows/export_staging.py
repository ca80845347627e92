"""Staged export: Hyper-V writes the copy to Host A's own disk, then hvseed copies it to the
drive hashing every byte on the way, so the drive is written once and never read back.

A mixin of ``ExportRun`` (``flows/export_run.py``): the staging decision in the preflight, the
copy after Hyper-V's export, and the manifest that copy wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from hvseed_gui.core.folder_name import folder_name
from hvseed_gui.core.manifest import (
    fingerprint_of,
    manifest_from_hashes,
    save_manifest,
)
from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.staged_copy import copy_folder_hashing, remove_copied
from hvseed_gui.errors import Cancelled, HvseedError
from hvseed_gui.flows.drive import ManifestOutcome, complete_manifest
from hvseed_gui.flows.events import CancelToken, Emit, FlowEvent, Phase, Status
from hvseed_gui.flows.export_types import Action, ExportOutcome, ExportTarget
from hvseed_gui.hyperv.host import HyperVHost, JobProgress, JobState, VmRef
from hvseed_gui.hyperv.remote_manifest import write_manifest_on_host

#: what a staged export's job does once Hyper-V's export to the staging disk is done
COPYING = said(QT_TRANSLATE_NOOP("Staging", "Copying to the drive"), code="copying")


@dataclass(frozen=True)
class StagingDecision:
    """Which way one VM's copy reaches the drive, and why (the preflight's NOTE ``data``)."""

    vm: VmRef
    staging: str  # the staging folder on Host A's own disk; "" for a direct export
    why: str = ""  # why not staged (a Said)

    @property
    def sentence(self) -> str:
        if self.staging:
            return said(
                QT_TRANSLATE_NOOP(
                    "Staging",
                    "{vm}: staged export: Hyper-V writes the copy to {staging} first, then hvseed "
                    "copies it to the drive, hashing as it copies (the drive is written once, "
                    "never read back).",
                ),
                code="staged",
                vm=self.vm.name,
                staging=self.staging,
            )
        return said(
            QT_TRANSLATE_NOOP(
                "Staging", "{vm}: direct export to the drive, then a hash pass over it ({why})."
            ),
            code="direct",
            vm=self.vm.name,
            why=self.why,
        )


class StagedExport:
    """The staging half of ``ExportRun``."""

    primary: HyperVHost
    plan: ReplicationPlan
    emit: Emit
    cancel: CancelToken
    poll: float
    #: manifests a host-side staged copy wrote in this run, by the drive folder
    _staged_manifests: dict[str, ManifestOutcome]

    def _source_host(self) -> str:
        raise NotImplementedError

    def _plan_staging(self, targets: list[ExportTarget]) -> list[ExportTarget]:
        """Staged export where Host A has room on its own disk: the drive is then written once
        and never read back (the copy runs here when both disks are readable here, else in the
        host's own copy job). Says which way each goes."""
        planned: list[ExportTarget] = []
        room_taken = 0
        for t in targets:
            staging, why = "", ""
            name = folder_name(t.vm.name, t.vm.id)
            if t.action is Action.FOLLOW:  # staged by an earlier run if its staged copy is there
                staging = self._earlier_staging(name)
            else:
                size = t.vm.initial_copy_size(t.item.excluded_vhd_paths)
                root = self.primary.staging_folder(room_taken + size)
                here = self.primary.local_path(t.destination) is not None
                if root and (self.primary.local_path(root) is not None) == here:
                    staging, room_taken = root, room_taken + size
                else:
                    why = said(
                        QT_TRANSLATE_NOOP("Staging", "{host} has no local disk with room for it"),
                        code="no-room",
                        host=self.primary.display_name,
                    )
            planned.append(replace(t, staging=staging))
            if t.action is Action.FOLLOW:
                continue
            decision = StagingDecision(t.vm.ref, staging, why)
            self.emit(
                FlowEvent(Phase.PREFLIGHT, Status.NOTE, t.vm.ref, decision.sentence, data=decision)
            )
        return planned

    def _earlier_staging(self, name: str) -> str:
        """The staging folder an earlier run exported ``name`` to, if its copy is still there."""
        root = self.primary.staging_folder(0)
        if not root:
            return ""
        found = self.primary.local_path(f"{root}\\{name}")
        if found is not None:
            return root if found.is_dir() else ""
        return root if self.primary.read_export_folder(f"{root}\\{name}").exists else ""

    def _copy_on_host(
        self, target: ExportTarget, exported: JobProgress, staged: str
    ) -> JobProgress:
        """The staged copy on a remote Host A: the host's own job copies every file from the
        staging folder to the drive hashing as it copies, then the manifest is written beside
        the drive's folder; the staged files are removed once it is there."""
        vm = target.vm

        progress = self._copy_progress(target, exported)

        self.emit(
            FlowEvent(
                Phase.EXPORT,
                Status.STARTED,
                vm.ref,
                said(
                    QT_TRANSLATE_NOOP(
                        "Staging", "{host} copies {name} to the drive, hashing as it copies"
                    ),
                    host=self.primary.display_name,
                    name=vm.name,
                ),
            )
        )
        try:
            manifest = write_manifest_on_host(
                self.primary,
                target.folder,
                vm_name=vm.name,
                vm_id=vm.id,
                source_host=self._source_host(),
                replica_server=self.plan.replica_server,
                progress=progress,
                cancel=self.cancel,
                poll_interval=self.poll,
                copy_from=staged,
            )
        except Cancelled:  # as a copy here: the files copied stay, the next run resumes
            raise
        except HvseedError as exc:  # the staged copy stays: run again to copy the rest
            return replace(
                exported, state=JobState.FAILED, folder=target.folder, message=exc.sentence
            )
        fingerprint = fingerprint_of(manifest.to_json().encode("utf-8"))
        written = ManifestOutcome(target.folder, True, len(manifest.files), fingerprint, "")
        self._staged_manifests[target.folder] = written
        self.emit(FlowEvent(Phase.HASH, Status.DONE, vm.ref, data=written))
        self.primary.remove_staged(staged, [f.path for f in manifest.files])
        return replace(exported, folder=target.folder)

    def _copy_progress(
        self, target: ExportTarget, exported: JobProgress
    ) -> Callable[[int, int], None]:
        """The staged copy's progress as the export's: the job runs on, copying to the drive."""

        def progress(done: int, total: int) -> None:
            job = replace(
                exported,
                state=JobState.RUNNING,
                percent=None,
                bytes_done=done,
                bytes_total=total,
                folder=target.folder,
                message=COPYING,
            )
            self.emit(FlowEvent(Phase.EXPORT, Status.PROGRESS, target.vm.ref, "", done, total, job))

        return progress

    def _on_the_drive(self, target: ExportTarget, job: JobProgress) -> JobProgress:
        """A staged export's job as the face sees it: the folder is the drive's, and Hyper-V's
        finished export is not the end (the copy to the drive still runs)."""
        if not target.staging:
            return job
        if job.state is JobState.COMPLETED:
            return replace(job, state=JobState.RUNNING, folder=target.folder, message=COPYING)
        return replace(job, folder=target.folder)

    def _copy_to_drive(self, target: ExportTarget, exported: JobProgress) -> JobProgress:
        """The staged copy to the drive, hashing every byte on the way, then its manifest
        beside it (written whole); the staged files are removed once the manifest is there."""
        vm = target.vm
        name = folder_name(vm.name, vm.id)
        staged = f"{target.staging}\\{name}"
        src, dst = self.primary.local_path(staged), self.primary.local_path(target.folder)
        if src is None and dst is None:  # a remote Host A: its own job copies and hashes
            return self._copy_on_host(target, exported, staged)
        if src is None or dst is None:
            return replace(
                exported,
                state=JobState.FAILED,
                message=said(
                    QT_TRANSLATE_NOOP(
                        "Staging",
                        "The staged copy {staged} or the drive is no longer readable here.",
                    ),
                    staged=staged,
                ),
            )
        self.emit(
            FlowEvent(
                Phase.EXPORT,
                Status.STARTED,
                vm.ref,
                said(
                    QT_TRANSLATE_NOOP(
                        "Staging", "Copying {name} to the drive, hashing as it copies"
                    ),
                    name=name,
                ),
            )
        )

        progress = self._copy_progress(target, exported)

        copied = copy_folder_hashing(src, dst, progress=progress, cancel=self.cancel)
        self.primary.count_local_io(target.folder, written=copied.source_bytes)
        manifest = manifest_from_hashes(
            name,
            copied.files,
            copied.hashes,
            vm_name=vm.name,
            vm_id=vm.id,
            source_host=self._source_host(),
            replica_server=self.plan.replica_server,
        )
        save_manifest(manifest, dst)
        fingerprint = fingerprint_of(manifest.to_json().encode("utf-8"))
        self.emit(
            FlowEvent(
                Phase.HASH,
                Status.DONE,
                vm.ref,
                data=ManifestOutcome(target.folder, True, len(manifest.files), fingerprint, ""),
            )
        )
        remove_copied(src, copied.files)  # only what Hyper-V wrote there at hvseed's request
        return replace(exported, folder=target.folder)

    def _written_by_the_copy(self, outcome: ExportOutcome) -> ManifestOutcome | None:
        remembered = self._staged_manifests.get(outcome.folder)
        if remembered is not None:  # written by the host's copy job in this run
            return remembered
        return self._written_here(outcome)

    def _written_here(self, outcome: ExportOutcome) -> ManifestOutcome | None:
        """A staged export writes the manifest as its copy reaches the drive (here or in the
        host's job): after it, the complete manifest beside the folder is that one (no
        second pass over the drive)."""
        if not outcome.target.staging:
            return None
        found = complete_manifest(self.primary, outcome.folder)
        if found is None or found[0] is None:
            return None
        manifest, raw = found
        return ManifestOutcome(outcome.folder, True, len(manifest.files), fingerprint_of(raw), "")

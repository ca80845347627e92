"""ExportRun (Host A): preflight everything -> enable -> export -> hash -> manifest -> handover.

Every refusable thing is checked in ``preflight`` before ``Enable-VMReplication``: a VM that
is gone or named otherwise, one that cannot be enabled, a destination Windows refuses or that
runs into a file, a VM name Windows cannot use in a folder name, a drive that is missing,
read-only, FAT32 for a large disk, too small, or already holding this VM's export.
"""

from __future__ import annotations

from dataclasses import replace

from hvseed_gui.core.fitness import DriveCode, assess_drive, space_margin
from hvseed_gui.core.folder_name import folder_name
from hvseed_gui.core.manifest import (
    VerifyReport,
)
from hvseed_gui.core.plan import InitialReplicationMethod, PlanVm, ReplicationPlan
from hvseed_gui.core.report import find_volume
from hvseed_gui.core.said import ENGLISH, QT_TRANSLATE_NOOP, Words, joined, said
from hvseed_gui.core.winpaths import destination_problem, name_problem
from hvseed_gui.errors import HvseedError
from hvseed_gui.flows.drive import (
    ManifestOutcome,
    hash_into_manifest,
    report_where_the_drive_is,
    verify_where_the_drive_is,
)
from hvseed_gui.flows.events import (
    CancelToken,
    Emit,
    Flow,
    FlowEvent,
    Phase,
    Refused,
    Status,
    ignore,
)
from hvseed_gui.flows.export_staging import StagedExport
from hvseed_gui.flows.export_types import Action, ExportOutcome, ExportResult, ExportTarget
from hvseed_gui.flows.follow_job import follow
from hvseed_gui.hyperv.host import (
    ExportHandle,
    HyperVHost,
    Inventory,
    JobProgress,
    JobState,
    ReplicationState,
    VhdFile,
    VirtualMachine,
    VmRef,
)
from hvseed_gui.hyperv.host_errors import CmdletError, HyperVError, NotFound

#: Hyper-V ended a job without a message
NO_REASON = said(QT_TRANSLATE_NOOP("Errors", "no reason given"))


class ExportRun(StagedExport, Flow):
    """One run on Host A for a plan; the CLI calls ``run``, the wizard the steps one by one."""

    def __init__(
        self,
        primary: HyperVHost,
        plan: ReplicationPlan,
        *,
        emit: Emit = ignore,
        cancel: CancelToken | None = None,
        poll: float = 1.0,
        words: Words = ENGLISH,
        verify_after_write: bool = False,
    ) -> None:
        self.primary = primary
        self.plan = plan
        self.words = words  # the reader's language of the handover report it writes
        #: read the copy back from the drive against its manifest once it is written: one
        #: more pass over the USB bus, for admins who want proof the drive holds what was sent
        self.verify_after_write = verify_after_write
        self._staged_manifests = {}
        super().__init__(emit=emit, cancel=cancel, poll=poll)
        self.inventory: Inventory | None = None

    # -- the whole run -----------------------------------------------------------------------

    def run(self) -> ExportResult:
        """Preflight, then per VM enable, export and manifest; the handover report at the end.

        Raises ``Refused`` before anything changes, ``Stopped`` when cancelled while following
        an export (it goes on in Hyper-V; run again to follow it), or a ``HyperVError``."""
        targets = self.preflight()
        result = ExportResult()
        for target in targets:
            self.enable(target)
            if target.action is Action.ENABLE_ONLY:
                continue
            outcome = ExportOutcome(target, self.export(target))
            result.outcomes.append(outcome)
            if not outcome.completed:
                state = (
                    outcome.job.state.value.lower()
                    if outcome.job
                    else said(QT_TRANSLATE_NOOP("Errors", "did not start"))
                )
                raise HyperVError(
                    said(
                        QT_TRANSLATE_NOOP("Errors", "The export of {name} {state}: {p}"),
                        name=target.vm.name,
                        state=state,
                        p=(outcome.job.message if outcome.job else "") or NO_REASON,
                    ),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Nothing was deleted. Check the drive, then run the plan again: "
                            "replication stays enabled and only the export starts again.",
                        )
                    ),
                )
            if self.write_manifest(outcome) is not None and self.verify_after_write:
                self.read_back(outcome)
        done = [o for o in result.outcomes if o.completed]
        if done:
            self.write_handover(result, done)
        return result

    # -- preflight -----------------------------------------------------------------------------

    def preflight(self) -> list[ExportTarget]:
        """Every VM of the plan checked before anything changes; raises ``Refused``."""
        self.emit(FlowEvent(Phase.PREFLIGHT, Status.STARTED))
        problems = self.plan.validate()
        if problems:
            raise Refused(
                said(
                    QT_TRANSLATE_NOOP("Errors", "The plan cannot be carried out: {problems}"),
                    problems=joined((p.message for p in problems), "; "),
                ),
                code="plan-invalid",
            )
        # light inventory, then Get-VHD only for the plan's VMs: a host may run hundreds
        inventory = self.primary.inventory(details=False)
        inventory = inventory.with_disks(self.primary.vm_disks([vm.id for vm in self.plan.vms]))
        self.inventory = inventory
        external = self.plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA
        targets: list[ExportTarget] = []
        for item in self.plan.vms:
            vm = self._vm_of(inventory, item)
            action = self._action(vm, external)
            destination = item.destination(self.plan.destination_path) if external else ""
            targets.append(ExportTarget(vm, item, destination, action))
        if external:
            self._check_destinations(targets)
            self._check_drives(inventory, [t for t in targets if t.action is not Action.FOLLOW])
            targets = self._plan_staging(targets)
        self.emit(FlowEvent(Phase.PREFLIGHT, Status.DONE, data=targets))
        return targets

    def _vm_of(self, inventory: Inventory, item: PlanVm) -> VirtualMachine:
        where = self.primary.display_name
        vm = inventory.vm(item.id)
        if vm is None:
            raise Refused(
                said(
                    QT_TRANSLATE_NOOP("Errors", "VM '{name}' ({id}) is not on {where}."),
                    name=item.name,
                    id=item.id,
                    where=where,
                ),
                said(QT_TRANSLATE_NOOP("Errors", "Check the plan's VM ID with 'hvseed vms'.")),
                code="vm-missing",
            )
        if item.name and vm.name != item.name:
            raise Refused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The plan names VM {id} '{name}', but on {where} that VM is called "
                        "'{name2}'.",
                    ),
                    id=item.id,
                    name=item.name,
                    where=where,
                    name2=vm.name,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check the plan: correct the name, or the ID, so both name the same VM.",
                    )
                ),
                code="vm-name-mismatch",
            )
        return vm

    @staticmethod
    def _action(vm: VirtualMachine, external: bool) -> Action:
        state = vm.replication_state
        if state is ReplicationState.DISABLED:
            reason = vm.why_not_enableable()
            if reason:
                raise Refused(
                    said(
                        QT_TRANSLATE_NOOP("Errors", "{name}: {reason}"), name=vm.name, reason=reason
                    ),
                    code="vm-not-enableable",
                )
            return Action.ENABLE_AND_EXPORT if external else Action.ENABLE_ONLY
        if state is ReplicationState.READY_FOR_INITIAL_REPLICATION and external:
            return Action.EXPORT
        if state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS and external:
            return Action.FOLLOW
        raise Refused(
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "{name} is already replicating (state {value}); nothing to do."
                ),
                name=vm.name,
                value=state.value,
            ),
            code="vm-already-enabled",
        )

    def _check_destinations(self, targets: list[ExportTarget]) -> None:
        for t in targets:
            problem = destination_problem(t.destination)
            if problem:
                raise Refused(
                    problem,
                    said(QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")),
                    code="destination-invalid",
                )
            problem = name_problem(
                folder_name(t.vm.name, t.vm.id), f"The folder Hyper-V names after {t.vm.name}"
            )
            if problem:
                raise Refused(
                    problem,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Rename the VM (Hyper-V Manager: Rename), or send its initial copy "
                            "over the network. Nothing was changed.",
                        )
                    ),
                    code="vm-name-unusable",
                )

    def _check_drives(self, inventory: Inventory, targets: list[ExportTarget]) -> None:
        """The drive takes every copy still to be written; VMs sharing a drive are judged
        against the space the VMs before them leave."""
        if not targets:
            return
        volumes = self.primary.usb_volumes()
        free_left: dict[str, int] = {}
        existing: dict[str, list] = {}
        for t in targets:
            vm = t.vm
            volume = find_volume(volumes, t.destination)
            if volume is None:
                raise Refused(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "{destination} (for {name}) is not on a USB drive attached to "
                            "{display_name}.",
                        ),
                        destination=t.destination,
                        name=vm.name,
                        display_name=self.primary.display_name,
                    ),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "Plug the drive into the host that runs the VM, and check the path "
                            "with 'hvseed volumes'. Nothing was changed.",
                        )
                    ),
                    code="drive-missing",
                )
            if t.destination not in existing:
                existing[t.destination] = self._existing_folders(t.destination)
            free = free_left.setdefault(volume.mount_point, volume.free_bytes)
            excluded = {p.lower() for p in t.item.excluded_vhd_paths}
            files: list[VhdFile] = []
            for vhd in vm.vhds:
                if vhd.path.lower() not in excluded:
                    files.append(VhdFile(vhd.path, vhd.file_size))
                    files.extend(vhd.parents)
            verdict = assess_drive(
                replace(volume, free_bytes=free),
                files,
                vm_storage_paths=[v.path for v in vm.vhds],
                system_drive=inventory.system_drive,
                existing_export_folders=existing[t.destination],
                vm_folder_name=folder_name(vm.name, vm.id),
            )
            if not verdict.ok:
                if any(f.code == DriveCode.FOLDER_EXISTS for f in verdict.errors):
                    self._refuse_if_another_run_exports(vm)
                reasons = joined(f.message for f in verdict.errors)
                raise Refused(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The drive {display_name} cannot take the copy of {name}: {reasons}",
                        ),
                        display_name=volume.display_name,
                        name=vm.name,
                        reasons=reasons,
                    ),
                    said(QT_TRANSLATE_NOOP("Errors", "Nothing was changed.")),
                    code="drive-unfit",
                )
            free_left[volume.mount_point] = max(
                0, free - verdict.copy_bytes - space_margin(verdict.copy_bytes)
            )

    def _refuse_if_another_run_exports(self, vm: VirtualMachine) -> None:
        """The folder appeared because another run (or Hyper-V Manager) is exporting this VM
        right now: say so, rather than advise moving a good export away."""
        now = self.primary.inventory(details=False).vm(vm.id)
        if (
            now is not None
            and now.replication_state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
        ):
            raise Refused(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Another run is exporting {name} right now (its replication state is "
                        "{value}); this run changed nothing.",
                    ),
                    name=vm.name,
                    value=now.replication_state.value,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Let that export finish; to follow it here, run the same plan again. Do "
                        "not move or delete its folder on the drive.",
                    )
                ),
                code="export-running-elsewhere",
            )

    def _existing_folders(self, destination: str) -> list:
        try:
            return self.primary.export_folders(destination)
        except NotFound:  # the folder does not exist yet; the export creates it
            return []
        except CmdletError as exc:
            if exc.category == "InvalidArgument":  # a file stands where a folder must be
                raise Refused(
                    exc.message,
                    said(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The destination {destination} must be a folder: choose another path, "
                            "or move the file. Nothing was changed.",
                        ),
                        destination=destination,
                    ),
                    code="destination-is-file",
                ) from None
            raise

    # -- the steps -----------------------------------------------------------------------------

    def enable(self, target: ExportTarget) -> None:
        """Enable-VMReplication when the VM is not yet enabled (the replica VM is created)."""
        if target.action not in (Action.ENABLE_AND_EXPORT, Action.ENABLE_ONLY):
            self.emit(FlowEvent(Phase.ENABLE, Status.SKIPPED, target.vm.ref, "enabled earlier"))
            return
        vm = target.vm
        self.emit(
            FlowEvent(
                Phase.ENABLE,
                Status.STARTED,
                vm.ref,
                f"Enabling replication of {vm.name} to {self.plan.replica_server}",
            )
        )
        status = self.primary.enable_replication(self.plan, vm.ref)
        self.emit(FlowEvent(Phase.ENABLE, Status.DONE, vm.ref, data=status))

    def export(self, target: ExportTarget, job_id: str = "") -> JobProgress:
        """Start the export (or follow the one an earlier run started) until it ends; a staged
        export ends when the copy is on the drive with its manifest beside it."""
        if (target.action is Action.FOLLOW or job_id) and not target.staging:
            target = replace(target, staging=self._earlier_staging(target.folder_name))
        vm, destination = target.vm, target.export_destination
        ref = vm.ref
        if target.action is Action.FOLLOW or job_id:
            self.emit(
                FlowEvent(
                    Phase.EXPORT,
                    Status.STARTED,
                    ref,
                    f"The export of {vm.name} was started earlier; following it",
                )
            )
            first = self.primary.export_progress(ExportHandle(ref, destination, job_id))
        else:
            self.emit(
                FlowEvent(
                    Phase.EXPORT,
                    Status.STARTED,
                    ref,
                    f"Exporting the initial copy of {vm.name} to {destination}",
                )
            )
            try:
                first = self.primary.start_export(ref, destination)
            except CmdletError:
                self._refuse_if_another_run_exports(vm)
                raise
        shown = self._on_the_drive(target, first)
        self.emit(FlowEvent(Phase.EXPORT, Status.NOTE, ref, data=shown))  # the job to remember

        def emit(event: FlowEvent) -> None:
            if isinstance(event.data, JobProgress):
                event = replace(event, data=self._on_the_drive(target, event.data))
            self.emit(event)

        handle = first.handle or ExportHandle(ref, destination, first.job_id)
        final = follow(
            lambda: self.primary.export_progress(handle),
            first,
            Phase.EXPORT,
            emit,
            self.cancel,
            self.poll,
        )
        if final.state is JobState.COMPLETED and target.staging:
            final = self._copy_to_drive(target, final)
        status = Status.DONE if final.state is JobState.COMPLETED else Status.FAILED
        self.emit(FlowEvent(Phase.EXPORT, status, ref, final.message, data=final))
        return final

    def write_manifest(self, outcome: ExportOutcome) -> ManifestOutcome | None:
        """Hash the exported folder where the drive is and write the manifest beside it; an
        earlier run's manifest is kept. A failure is reported, not raised: the copy is good."""
        vm = outcome.target.vm
        folder = outcome.folder
        staged = self._written_by_the_copy(outcome)
        if staged is not None:  # written while the staged copy went to the drive
            outcome.manifest = staged
            self.emit(FlowEvent(Phase.HASH, Status.DONE, vm.ref, data=staged))
            return staged
        remote = self.primary.local_path(folder) is None
        where = f" on {self.primary.display_name}" if remote else ""
        self.emit(FlowEvent(Phase.HASH, Status.STARTED, vm.ref, f"Hashing {vm.name}{where}"))

        def progress(done: int, total: int) -> None:
            self.emit(FlowEvent(Phase.HASH, Status.PROGRESS, vm.ref, "", done, total))

        try:
            written = hash_into_manifest(
                self.primary,
                folder,
                vm_name=vm.name,
                vm_id=vm.id,
                source_host=self._source_host(),
                replica_server=self.plan.replica_server,
                progress=progress,
                cancel=self.cancel,
                poll=self.poll,
            )
        except HvseedError as exc:  # Cancelled, ManifestError, the host's own errors
            outcome.manifest_error = str(exc)
            self.emit(FlowEvent(Phase.HASH, Status.FAILED, vm.ref, str(exc)))
            return None
        outcome.manifest = written
        self.emit(FlowEvent(Phase.HASH, Status.DONE, vm.ref, data=written))
        return written

    def read_back(self, outcome: ExportOutcome) -> VerifyReport | None:
        """Read the copy back from the drive and check every file against its manifest (the
        admin asked for it): proof the drive holds what was hashed, at the cost of one more
        pass. A mismatch is reported on the outcome and as a FAILED event; nothing is deleted."""
        vm, folder = outcome.target.vm, outcome.folder
        self.emit(
            FlowEvent(
                Phase.VERIFY,
                Status.STARTED,
                vm.ref,
                said(
                    QT_TRANSLATE_NOOP("ExportRun", "Reading {name} back from the drive"),
                    name=vm.name,
                ),
            )
        )

        def progress(done: int, total: int) -> None:
            self.emit(FlowEvent(Phase.VERIFY, Status.PROGRESS, vm.ref, "", done, total))

        try:
            report = verify_where_the_drive_is(
                self.primary, folder, progress=progress, cancel=self.cancel, poll=self.poll
            )
        except HvseedError as exc:
            self.emit(FlowEvent(Phase.VERIFY, Status.FAILED, vm.ref, exc.sentence))
            return None
        outcome.read_back = report
        if report.ok:
            message = said(
                QT_TRANSLATE_NOOP(
                    "ExportRun", "Read back from the drive: all {count} files match the manifest."
                ),
                count=len(report.files),
            )
            self.emit(FlowEvent(Phase.VERIFY, Status.DONE, vm.ref, message, data=report))
        else:
            message = said(
                QT_TRANSLATE_NOOP(
                    "ExportRun",
                    "Read back from the drive: {bad} of {count} files do not match the manifest. "
                    "The drive did not keep what was written: use another drive and export "
                    "again.",
                ),
                bad=len(report.findings),
                count=len(report.files),
            )
            self.emit(FlowEvent(Phase.VERIFY, Status.FAILED, vm.ref, message, data=report))
        return report

    def write_handover(self, result: ExportResult, done: list[ExportOutcome]) -> None:
        """The handover report as text beside the folders, where the drive is."""
        folders = [o.folder for o in done]
        self.emit(FlowEvent(Phase.HANDOVER, Status.STARTED))
        try:
            report, written = report_where_the_drive_is(
                self.primary,
                folders,
                volume=find_volume(self.primary.usb_volumes(), folders[0]),
                source_host=self._source_host(),
                replica_server=self.plan.replica_server,
                words=self.words,
            )
            if self.primary.local_path(folders[0]) is None:
                result.report_where = self.primary.display_name
        except HvseedError as exc:  # the host's errors or the report's own (written whole)
            result.report_error = str(exc)
            self.emit(FlowEvent(Phase.HANDOVER, Status.FAILED, message=str(exc)))
            return
        name = written.replace("\\", "/").rsplit("/", 1)[-1]
        result.report, result.report_name = report, name
        self.emit(FlowEvent(Phase.HANDOVER, Status.DONE, message=name, data=report))

    def _source_host(self) -> str:
        return self.inventory.host_name if self.inventory else self.plan.primary_host


def follow_target(vm: VmRef, destination: str) -> ExportTarget:
    """The target of an export an earlier run started (a reopened wizard reattaching to it):
    enable is skipped, ``export`` follows the job."""
    machine = VirtualMachine(
        vm.name, vm.id, "", 0, replication_state=ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
    )
    return ExportTarget(machine, PlanVm(vm.name, vm.id), destination, Action.FOLLOW)


def cancel_export(primary: HyperVHost, handle: ExportHandle) -> JobProgress:
    """Stop-VMInitialReplication: stop a running export cleanly (the folder is kept).

    ``handle`` is what the start (or the saved plan and job ID) gave; a destination or job ID
    left empty lets the host find the VM's running export itself."""
    return primary.cancel_export(handle)

"""ImportAll: every export folder on a drive into the replica VM it belongs to, one at a time.

Folders are matched to replica VMs by VM ID, never by name. Each folder goes through its own
``ImportRun`` (the same gate, verification and refusals as a single import); a refused or
failed VM never stops the others and never leaves its replica changed. A replica that is no
longer waiting was imported earlier (an interrupted run): it is skipped, so running again
resumes with the VMs not yet imported.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum

from hvseed_gui.core.import_gate import CONSENTABLE
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.errors import HvseedError
from hvseed_gui.flows.events import (
    CancelToken,
    Emit,
    Flow,
    FlowEvent,
    Phase,
    Refused,
    Status,
    Stopped,
    ignore,
)
from hvseed_gui.flows.import_run import REPLICA_MODES, GateResult, ImportRun
from hvseed_gui.hyperv.host import (
    ExportFolderSummary,
    HyperVHost,
    ReplicationHealth,
    ReplicationState,
    ReplicationStatus,
    VirtualMachine,
)
from hvseed_gui.hyperv.host_errors import HyperVError, NotFound


class Outcome(str, Enum):
    PENDING = "pending"
    IMPORTED = "imported"
    REFUSED = "refused"  # the gate said no: nothing changed
    FAILED = "failed"  # Hyper-V's import failed: the copy is untouched
    ALREADY = "already imported"  # the replica is no longer waiting
    NO_REPLICA = "no replica VM"  # a folder without a waiting replica VM on this host
    NO_FOLDER = "no folder"  # a waiting replica VM without a folder on this drive
    STOPPED = "stopped"  # cancelled before its turn

    @property
    def is_error(self) -> bool:
        return self in (Outcome.REFUSED, Outcome.FAILED)


@dataclass
class ImportItem:
    """One row: a folder and the replica VM it belongs to (either may be missing)."""

    folder: ExportFolderSummary | None
    replica: VirtualMachine | None
    outcome: Outcome = Outcome.PENDING
    message: str = ""
    run: ImportRun | None = None
    gate: GateResult | None = None  # the rows that need no hashing (``check_one``)
    status: ReplicationStatus | None = None  # the replica's last state after the import
    cancel: CancelToken = field(default_factory=CancelToken)  # this VM only (the wizard's row)

    @property
    def name(self) -> str:
        if self.replica is not None:
            return self.replica.name
        return self.folder.vm_name if self.folder else ""

    @property
    def importable(self) -> bool:
        return self.outcome is Outcome.PENDING

    @property
    def consentable(self) -> bool:
        """Refused only because the copy was not verified in full where going without is a
        choice (no manifest, an incomplete one, a stopped check): the admin may decide."""
        run = self.run
        return (
            self.outcome is Outcome.REFUSED
            and run is not None
            and run.integrity.state in CONSENTABLE
        )

    @property
    def healthy(self) -> bool:
        return self.status is not None and _healthy(self.status)


#: a VM the stopped run never reached
NOT_STARTED = said(QT_TRANSLATE_NOOP("ImportAll", "Not started: the run was stopped."))


class ImportAll(Flow):
    """Find every folder below ``path`` on ``host`` and import each into its replica VM."""

    def __init__(
        self,
        host: HyperVHost,
        path: str,
        *,
        emit: Emit = ignore,
        cancel: CancelToken | None = None,
        poll: float = 1.0,
    ) -> None:
        self.host = host
        self.path = path
        super().__init__(emit=emit, cancel=cancel, poll=poll)
        self.items: list[ImportItem] = []

    def find(self) -> list[ImportItem]:
        """Match the folders below ``path`` with the replica VMs of the host, by VM ID."""
        try:
            folders = self.host.export_folders(self.path)
        except NotFound:
            folders = []
        replicas = {
            vm.id.upper(): vm
            for vm in self.host.inventory(details=False).vms
            if vm.replication_mode in REPLICA_MODES
        }
        items: list[ImportItem] = []
        seen: set[str] = set()
        for folder in folders:
            replica = replicas.get(folder.vm_id.upper())
            item = ImportItem(folder, replica)
            if replica is None:
                item.outcome = Outcome.NO_REPLICA
                item.message = said(
                    QT_TRANSLATE_NOOP(
                        "ImportAll",
                        "No replica VM with ID {vm_id} on {host}: enable replication of that VM "
                        "first, or connect to the host that holds its replica.",
                    ),
                    vm_id=folder.vm_id,
                    host=self.host.display_name,
                )
            elif replica.id.upper() in seen:
                item.outcome = Outcome.REFUSED
                item.message = said(
                    QT_TRANSLATE_NOOP(
                        "ImportAll",
                        "A second folder holds the copy of {vm} ({vm_id}); import needs exactly "
                        "one. Remove the extra copy from the drive, then run again.",
                    ),
                    vm=replica.name,
                    vm_id=replica.id,
                )
            elif replica.replication_state is not ReplicationState.WAITING_FOR_INITIAL_REPLICATION:
                item.outcome = Outcome.ALREADY
                item.message = said(
                    QT_TRANSLATE_NOOP(
                        "ImportAll",
                        "{vm} is no longer waiting for its initial copy (state {state}): "
                        "imported earlier.",
                    ),
                    vm=replica.name,
                    state=replica.replication_state.value,
                )
            seen.add(folder.vm_id.upper())
            items.append(item)
        for vm_id, vm in sorted(replicas.items(), key=lambda kv: kv[1].name.lower()):
            waiting = vm.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION
            if waiting and vm_id not in seen:
                items.append(
                    ImportItem(
                        None,
                        vm,
                        Outcome.NO_FOLDER,
                        f"{vm.name} waits for its initial copy, but this drive holds no folder "
                        "for it.",
                    )
                )
        self.items = items
        return items

    def run(
        self, *, without_manifest: bool = False, settle_timeout: float = 60.0
    ) -> list[ImportItem]:
        """Import every importable item, one after another; never raises for one VM."""
        if not self.items:
            self.find()
        for item in self.items:
            if not item.importable:
                continue
            if self.cancel.is_set():
                item.outcome, item.message = Outcome.STOPPED, NOT_STARTED
                continue
            self.import_one(item, without_manifest=without_manifest, settle=settle_timeout)
        return self.items

    def check_one(self, item: ImportItem) -> GateResult | None:
        """The gate's rows that need no hashing for one pending row (the wizard's table); a
        refusal lands on ``item`` (nothing is changed either way)."""
        if not item.importable or item.folder is None or item.replica is None:
            return None
        flow = self._flow(item, self.cancel)
        try:
            result = flow.check()
        except HyperVError as exc:  # an unreadable folder: this row only
            item.outcome, item.message = Outcome.REFUSED, exc.sentence
            return None
        item.gate = result
        if not result.check.can_import:
            item.outcome = Outcome.REFUSED
            item.message = flow.refusal(result.check, result.replica).sentence
        return result

    def _flow(self, item: ImportItem, cancel: CancelToken) -> ImportRun:
        assert item.folder is not None and item.replica is not None
        return ImportRun(
            self.host,
            item.replica.ref,
            item.folder.path,
            emit=self.emit,
            cancel=cancel,
            poll=self.poll,
        )

    def import_one(
        self,
        item: ImportItem,
        *,
        without_manifest: bool,
        settle: float,
        cancel: CancelToken | None = None,
    ) -> None:
        """One folder through its own ImportRun; the outcome lands on ``item``. ``cancel``
        stops this VM only (default: the whole run's token)."""
        if item.folder is None or item.replica is None:
            return
        flow = self._flow(item, cancel or self.cancel)
        item.run = flow
        try:
            flow.run(without_manifest=without_manifest, settle_timeout=settle)
        except Stopped as exc:
            item.outcome, item.message = Outcome.STOPPED, exc.sentence
        except HvseedError as exc:  # Refused: nothing changed; else Hyper-V's import failed
            item.outcome = Outcome.REFUSED if isinstance(exc, Refused) else Outcome.FAILED
            item.message = exc.sentence
        else:
            item.outcome = Outcome.IMPORTED
            item.message = flow.integrity.message
            if flow.integrity.consent:
                item.message = said(
                    QT_TRANSLATE_NOOP(
                        "ImportAll", "Imported without a full verification: {unchecked}"
                    ),
                    unchecked=flow.integrity.unchecked(),
                )
        self.emit(FlowEvent(Phase.IMPORT, Status.NOTE, item.replica.ref, data=item))

    def follow_health_all(self, settle_timeout: float) -> None:
        """Poll every imported replica until each is Replicating/Normal or the time is up;
        the last state lands on each item (a failed read is retried until then)."""
        imported = [i for i in self.items if i.outcome is Outcome.IMPORTED and i.replica]
        deadline = time.monotonic() + settle_timeout
        while True:
            for item in imported:
                if item.healthy or item.replica is None:
                    continue
                try:
                    item.status = self.host.replication_status(item.replica.ref)
                except HyperVError:
                    continue
                status = Status.DONE if item.healthy else Status.PROGRESS
                self.emit(FlowEvent(Phase.HEALTH, status, item.replica.ref, data=item.status))
            if all(i.healthy for i in imported) or time.monotonic() >= deadline:
                return
            if self.cancel.wait(self.poll):
                return


def _healthy(status: ReplicationStatus) -> bool:
    return (
        status.state is ReplicationState.REPLICATING and status.health is ReplicationHealth.NORMAL
    )

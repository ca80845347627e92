"""What the import pages share: the replica host, the chosen VM and folder, and the one
``ImportRun`` (flows) the Check, Import, Test failover and Done pages are views over.

``RunningImport`` remembers an import hvseed started (in QSettings, group ``import``), so a
closed window can reattach to it, as ``RunningExport`` does for exports. This module imports no
part of the Hyper-V seam at load time: the start page reads ``RunningImport.peek`` before the
seam is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from hvseed_gui.ui.saved_target import describe_saved_target, load_running, save_target

if TYPE_CHECKING:
    from hvseed_gui.core.folder_report import FolderReport
    from hvseed_gui.core.import_gate import ImportCheck, Integrity
    from hvseed_gui.flows.import_all import ImportAll, ImportItem
    from hvseed_gui.flows.import_run import ImportRun
    from hvseed_gui.hyperv.host import (
        HyperVHost,
        ImportHandle,
        Inventory,
        JobProgress,
        ReplicationStatus,
        VirtualMachine,
        VmRef,
    )
    from hvseed_gui.hyperv.host_target import HostTarget
    from hvseed_gui.ui.flow_bridge import FlowBridge

GROUP = "import"


@dataclass
class RunningImport:
    """An import hvseed started and has not seen finish: enough to find it again."""

    target: HostTarget  # without password
    vm: VmRef
    folder: str
    job_id: str = ""  # the Hyper-V import job, so a reopened wizard polls that very job

    @property
    def handle(self) -> ImportHandle:
        """What the host's ``import_progress`` takes, from what was saved."""
        from hvseed_gui.hyperv.host import ImportHandle

        return ImportHandle(self.vm, self.folder, self.job_id)

    def save(self, settings: QSettings) -> None:
        settings.beginGroup(GROUP)
        save_target(settings, self.target)
        for key, value in (
            ("running", True),
            ("vm_name", self.vm.name),
            ("vm_id", self.vm.id),
            ("folder", self.folder),
            ("job_id", self.job_id),
        ):
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()

    @staticmethod
    def peek(settings: QSettings) -> tuple[str, str, str] | None:
        """(VM name, folder, host description) of a remembered import; no seam imports."""
        settings.beginGroup(GROUP)
        try:
            if not settings.value("running", False, type=bool):
                return None
            where = describe_saved_target(settings)
            return (
                settings.value("vm_name", "", type=str),
                settings.value("folder", "", type=str),
                where,
            )
        finally:
            settings.endGroup()

    @classmethod
    def load(cls, settings: QSettings) -> RunningImport | None:
        settings.beginGroup(GROUP)
        try:
            running = load_running(settings)
            if running is None:
                return None
            target, vm = running
            return cls(
                target,
                vm,
                settings.value("folder", "", type=str),
                settings.value("job_id", "", type=str),
            )
        finally:
            settings.endGroup()

    @staticmethod
    def clear(settings: QSettings) -> None:
        settings.remove(GROUP)
        settings.sync()


@dataclass
class ImportSession:
    """The import side's session: what its pages found and decided (the Enable side's
    choices are in ``ExportSession``, its connection in ``WizardContext``).

    ``run`` is built on the Check page and carries the verification and the admin's decision
    to the Import page; ``bridge`` is its event sink (each page listens to its own phases)."""

    target: HostTarget | None = None
    host: HyperVHost | None = None
    inventory: Inventory | None = None
    vm: VirtualMachine | None = None
    deltas: dict[str, ReplicationStatus] = field(default_factory=dict)  # by VM id
    folder: str = ""
    report: FolderReport | None = None
    check: ImportCheck | None = None  # the rows that need no hashing
    run: ImportRun | None = None
    bridge: FlowBridge | None = None
    integrity: Integrity | None = None  # as the import went ahead: for the report
    job: JobProgress | None = None
    status: ReplicationStatus | None = None
    failover_log: list[str] = field(default_factory=list)
    reattach: RunningImport | None = None
    reattaching: bool = False
    want_batch: bool = False  # the VM page's "every copy on a drive"
    batch_path: str = ""  # every copy under this path (a drive, or a folder on it); "" = one
    batch: ImportAll | None = None  # built on the Import-every-copy page
    batch_items: list[ImportItem] = field(default_factory=list)  # the ticked rows

    def fresh_cancel(self) -> None:
        """A new cancel token for the run's next step (a cancelled token stays cancelled)."""
        if self.bridge is not None and self.run is not None:
            self.run.cancel = self.bridge.renew()

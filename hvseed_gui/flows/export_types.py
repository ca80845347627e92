"""What an ExportRun works on and hands back: each VM's target, outcome and the run's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from hvseed_gui.core.folder_name import folder_name, folder_path
from hvseed_gui.core.manifest import VerifyReport
from hvseed_gui.core.plan import PlanVm
from hvseed_gui.core.report import HandoverReport
from hvseed_gui.flows.drive import ManifestOutcome
from hvseed_gui.hyperv.host import JobProgress, JobState, VirtualMachine


class Action(str, Enum):
    ENABLE_AND_EXPORT = "enable-and-export"
    EXPORT = "export"  # enabled earlier (a run that stopped), the export not started
    FOLLOW = "follow"  # an earlier run started the export: follow it, never start a second
    ENABLE_ONLY = "enable-only"  # initial copy over the network or from a backup


@dataclass(frozen=True)
class ExportTarget:
    """One VM of the run as the preflight found it."""

    vm: VirtualMachine
    item: PlanVm
    destination: str  # "" when the copy does not go to a drive
    action: Action
    # staged export: Hyper-V writes to this folder on Host A's own disk first, then hvseed
    # copies the copy to the drive, hashing as it copies (one write to the drive, no read-back)
    staging: str = ""

    @property
    def folder(self) -> str:
        """The copy's folder on the drive: ``<destination>\\<VMName>_<VMId>``."""
        return folder_path(self.destination, self.vm.name, self.vm.id) if self.destination else ""

    @property
    def folder_name(self) -> str:
        return folder_name(self.vm.name, self.vm.id)

    @property
    def export_destination(self) -> str:
        """Where Hyper-V writes the copy: the staging folder, else the drive."""
        return self.staging or self.destination


@dataclass
class ExportOutcome:
    """How one VM's export ended."""

    target: ExportTarget
    job: JobProgress | None = None
    manifest: ManifestOutcome | None = None
    manifest_error: str = ""  # why no manifest was written ("" when written or kept)
    #: the read-back after writing (``verify_after_write``): None when not asked for
    read_back: VerifyReport | None = None

    @property
    def folder(self) -> str:
        return (self.job.folder if self.job else "") or self.target.folder

    @property
    def completed(self) -> bool:
        return self.job is not None and self.job.state is JobState.COMPLETED


@dataclass
class ExportResult:
    outcomes: list[ExportOutcome] = field(default_factory=list)
    report: HandoverReport | None = None
    report_name: str = ""  # the handover text's file name beside the folders
    report_where: str = ""  # the host that wrote it ("" on this computer)
    report_error: str = ""

"""The Enable side's choices, page by page: each settings page writes its own part here
(``contribute``), and the plan is computed from this session, never from another page's
widgets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from hvseed_gui.core.plan import (
    AuthenticationType,
    InitialReplicationMethod,
    PlanVm,
    ReplicationPlan,
)

if TYPE_CHECKING:
    from hvseed_gui.hyperv.host import VirtualMachine


@dataclass
class ExportSession:
    """What the admin chose on the Enable Replication pages."""

    replica_server: str = ""  # Specify Replica Server
    replica_port: int = 80  # Specify Connection Parameters
    authentication: AuthenticationType = AuthenticationType.KERBEROS
    certificate_thumbprint: str = ""
    compression: bool = True
    excluded_paths: tuple[str, ...] = ()  # Choose Replication VHDs: the disks left out
    frequency_sec: int = 300  # Configure Replication Frequency
    recovery_history_hours: int = 0  # Configure Additional Recovery Points
    vss_frequency_hours: int = 0
    initial_method: InitialReplicationMethod = InitialReplicationMethod.EXTERNAL_MEDIA
    start_time: datetime | None = None
    destination_path: str = ""  # Choose the External Drive (only for external media)
    spread: dict[str, str] = field(default_factory=dict)  # VM ID -> folder on another drive
    verify_after_write: bool = False  # Summary: read the copy back from the drive once written

    def excluded_for(self, vm: VirtualMachine) -> tuple[str, ...]:
        """The left-out disks of one VM, in the VM's disk order."""
        excluded = {p.lower() for p in self.excluded_paths}
        return tuple(d.path for d in vm.vhds if d.path.lower() in excluded)

    def plan(self, primary_host: str, vms: Sequence[VirtualMachine]) -> ReplicationPlan:
        """The plan these choices make (may be invalid before the last page)."""
        external = self.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA
        return ReplicationPlan(
            primary_host=primary_host,
            vms=tuple(
                PlanVm(
                    v.name,
                    v.id,
                    self.excluded_for(v),
                    self.spread.get(v.id, "") if external else "",
                )
                for v in vms
            ),
            replica_server=self.replica_server,
            replica_port=self.replica_port,
            authentication=self.authentication,
            certificate_thumbprint=self.certificate_thumbprint
            if self.authentication is AuthenticationType.CERTIFICATE
            else "",
            compression=self.compression,
            frequency_sec=self.frequency_sec,
            recovery_history_hours=self.recovery_history_hours,
            vss_frequency_hours=self.vss_frequency_hours,
            initial_method=self.initial_method,
            destination_path=self.destination_path if external else "",
            start_time=self.start_time,
        )

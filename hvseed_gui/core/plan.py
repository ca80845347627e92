"""The replication plan: every setting of Hyper-V Manager's *Enable Replication* wizard, validated.

A plan is plain data (no Qt, no I/O). The wizard builds one page by page, the CLI reads one from
JSON (``hvseed plan --example``), and a host carries it out. ``validate()`` returns every problem
at once, each with a sentence for the admin.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any


class AuthenticationType(str, Enum):
    """Enable-VMReplication ``-AuthenticationType``."""

    KERBEROS = "Kerberos"
    CERTIFICATE = "Certificate"

    @property
    def default_port(self) -> int:
        return 80 if self is AuthenticationType.KERBEROS else 443


class InitialReplicationMethod(str, Enum):
    """The three choices of the *Choose Initial Replication Method* page."""

    EXTERNAL_MEDIA = "ExternalMedia"  # Start-VMInitialReplication -DestinationPath
    NETWORK = "Network"  # Start-VMInitialReplication
    EXISTING_VM = "ExistingVM"  # Start-VMInitialReplication -UseBackup

    @property
    def can_schedule(self) -> bool:
        """Hyper-V offers a start time only for network and existing-VM seeding."""
        return self is not InitialReplicationMethod.EXTERNAL_MEDIA


FREQUENCIES_SEC = (30, 300, 900)
MAX_RECOVERY_HISTORY_HOURS = 24
VSS_FREQUENCY_RANGE_HOURS = (1, 12)
MAX_SCHEDULE_AHEAD = timedelta(days=7)


def normalize_vm_id(value: str) -> str:
    """Return a VM ID in Hyper-V's canonical form (upper-case GUID, no braces).

    Raises ValueError for anything that is not a GUID.
    """
    return str(uuid.UUID(value.strip().strip("{}"))).upper()


@dataclass(frozen=True)
class PlanVm:
    """One VM of the plan, identified by ID (names may repeat and may contain wildcards)."""

    name: str
    id: str
    excluded_vhd_paths: tuple[str, ...] = ()
    destination_path: str = ""  # this VM's export folder when VMs spread over drives; "" = plan's

    def destination(self, plan_destination: str) -> str:
        """Where this VM's initial copy goes: its own folder, else the plan's."""
        return self.destination_path or plan_destination


@dataclass(frozen=True)
class Problem:
    """One validation finding: which setting, and the sentence for the admin."""

    field: str
    message: str


@dataclass(frozen=True)
class ReplicationPlan:
    """All settings needed to enable replication and send the initial copy."""

    primary_host: str
    vms: tuple[PlanVm, ...]
    replica_server: str
    replica_port: int = 80
    authentication: AuthenticationType = AuthenticationType.KERBEROS
    certificate_thumbprint: str = ""
    compression: bool = True
    bypass_proxy: bool = False
    frequency_sec: int = 300
    recovery_history_hours: int = 0  # 0 = only the latest recovery point
    vss_frequency_hours: int = 0  # 0 = no app-consistent points
    initial_method: InitialReplicationMethod = InitialReplicationMethod.EXTERNAL_MEDIA
    destination_path: str = ""  # folder on the USB drive, as Host A sees it
    start_time: datetime | None = None  # scheduled start; network / existing VM only
    notes: dict[str, str] = field(default_factory=dict)

    def with_changes(self, **changes: Any) -> ReplicationPlan:
        return replace(self, **changes)

    # -- validation -------------------------------------------------------------------------

    def validate(self, now: datetime | None = None) -> list[Problem]:
        """Every problem of this plan, in the order of the wizard's pages."""
        problems: list[Problem] = []
        add = problems.append
        if not self.primary_host.strip():
            add(Problem("primary_host", "Name the primary Hyper-V host (Host A)."))
        if not self.vms:
            add(Problem("vms", "Choose at least one virtual machine to replicate."))
        seen: set[str] = set()
        for vm in self.vms:
            try:
                key = normalize_vm_id(vm.id)
            except ValueError:
                add(Problem("vms", f"'{vm.id}' is not a valid VM ID (a GUID) for VM '{vm.name}'."))
                continue
            if key in seen:
                add(Problem("vms", f"VM '{vm.name}' ({vm.id}) is listed twice."))
            seen.add(key)
        if not self.replica_server.strip():
            add(Problem("replica_server", "Name the Replica server (or the Replica Broker)."))
        elif any(c.isspace() for c in self.replica_server.strip()):
            add(Problem("replica_server", "A server name cannot contain spaces."))
        if not 1 <= self.replica_port <= 65535:
            add(Problem("replica_port", "The port must be between 1 and 65535."))
        if self.authentication is AuthenticationType.CERTIFICATE:
            thumb = self.certificate_thumbprint.replace(" ", "")
            if len(thumb) != 40 or any(c not in "0123456789abcdefABCDEF" for c in thumb):
                add(
                    Problem(
                        "certificate_thumbprint",
                        "Certificate-based authentication needs a certificate: pick one "
                        "(its thumbprint is 40 hexadecimal characters).",
                    )
                )
        if self.frequency_sec not in FREQUENCIES_SEC:
            add(
                Problem(
                    "frequency_sec",
                    "Replication frequency must be 30 seconds, 5 minutes or 15 minutes.",
                )
            )
        if not 0 <= self.recovery_history_hours <= MAX_RECOVERY_HISTORY_HOURS:
            add(
                Problem(
                    "recovery_history_hours",
                    "Additional recovery points can cover 1 to 24 hours (0 = latest only).",
                )
            )
        if self.vss_frequency_hours:
            low, high = VSS_FREQUENCY_RANGE_HOURS
            if self.recovery_history_hours == 0:
                add(
                    Problem(
                        "vss_frequency_hours",
                        "App-consistent (VSS) snapshots need additional hourly recovery points.",
                    )
                )
            elif not low <= self.vss_frequency_hours <= high:
                add(
                    Problem(
                        "vss_frequency_hours",
                        "The VSS snapshot frequency must be between 1 and 12 hours.",
                    )
                )
        if self.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA:
            if not self.destination_path.strip():
                add(
                    Problem(
                        "destination_path",
                        "Choose the folder on the external drive that receives the initial copy.",
                    )
                )
            if self.start_time is not None:
                add(
                    Problem(
                        "start_time",
                        "Hyper-V cannot schedule an export to external media; it starts at once.",
                    )
                )
        elif self.start_time is not None:
            now = now or datetime.now(timezone.utc)
            start = self.start_time
            if start.tzinfo is None:
                start = start.replace(tzinfo=timezone.utc)
            if start < now - timedelta(minutes=1) or start > now + MAX_SCHEDULE_AHEAD:
                add(
                    Problem(
                        "start_time",
                        "A scheduled start must lie between now and 7 days ahead.",
                    )
                )
        return problems

    # -- JSON -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["authentication"] = self.authentication.value
        data["initial_method"] = self.initial_method.value
        data["start_time"] = self.start_time.isoformat() if self.start_time else None
        data["vms"] = [
            {"name": vm.name, "id": vm.id, "excluded_vhd_paths": list(vm.excluded_vhd_paths)}
            | ({"destination_path": vm.destination_path} if vm.destination_path else {})
            for vm in self.vms
        ]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReplicationPlan:
        """Build a plan from JSON data; raises ValueError with a readable message."""
        if not isinstance(data, dict):
            raise ValueError("A plan must be a JSON object.")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"Unknown plan setting(s): {', '.join(unknown)}.")
        try:
            vms = tuple(
                PlanVm(
                    name=str(vm["name"]),
                    id=str(vm["id"]),
                    excluded_vhd_paths=tuple(str(p) for p in vm.get("excluded_vhd_paths", ())),
                    destination_path=str(vm.get("destination_path", "")),
                )
                for vm in data.get("vms", ())
            )
            start = data.get("start_time")
            kwargs = dict(data)
            kwargs.update(
                vms=vms,
                authentication=AuthenticationType(data.get("authentication", "Kerberos")),
                initial_method=InitialReplicationMethod(
                    data.get("initial_method", "ExternalMedia")
                ),
                start_time=datetime.fromisoformat(start) if start else None,
                notes=dict(data.get("notes", {})),
            )
            for int_field in (
                "replica_port",
                "frequency_sec",
                "recovery_history_hours",
                "vss_frequency_hours",
            ):
                if int_field in kwargs:
                    kwargs[int_field] = _strict_int(int_field, kwargs[int_field])
            for bool_field in ("compression", "bypass_proxy"):
                if bool_field in kwargs:
                    kwargs[bool_field] = _strict_bool(bool_field, kwargs[bool_field])
            return cls(**kwargs)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"The plan is incomplete or malformed: {exc}.") from None

    @classmethod
    def from_json(cls, text: str) -> ReplicationPlan:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"The plan is not valid JSON (line {exc.lineno}).") from None
        return cls.from_dict(data)


def _strict_int(name: str, value: Any) -> int:
    """An integer setting: a JSON number, or a string of digits; anything else is refused."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"The plan setting '{name}' must be a whole number, not {value!r}.")
    try:
        return int(value)
    except ValueError:
        raise ValueError(
            f"The plan setting '{name}' must be a whole number, not {value!r}."
        ) from None


def _strict_bool(name: str, value: Any) -> bool:
    """A yes/no setting: JSON true/false; the strings "true"/"false" are accepted, since
    ``bool("false")`` would silently be true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"The plan setting '{name}' must be true or false, not {value!r}.")

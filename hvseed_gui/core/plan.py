"""The replication plan: every setting of Hyper-V Manager's *Enable Replication* wizard, validated.

A plan is plain data (no Qt, no I/O). The wizard builds one page by page, the CLI reads one from
JSON (``hvseed plan --example``), and a host carries it out. ``validate()`` returns every problem
at once, each with a sentence for the admin.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.strict_json import loads_strict
from hvseed_gui.core.visible import visible


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
            add(
                Problem(
                    "primary_host",
                    said(QT_TRANSLATE_NOOP("Plan", "Name the primary Hyper-V host (Host A).")),
                )
            )
        if not self.vms:
            add(
                Problem(
                    "vms",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Plan", "Choose at least one virtual machine to replicate."
                        )
                    ),
                )
            )
        seen: set[str] = set()
        for vm in self.vms:
            try:
                key = normalize_vm_id(vm.id)
            except ValueError:
                add(
                    Problem(
                        "vms",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan", "'{id}' is not a valid VM ID (a GUID) for VM '{name}'."
                            ),
                            id=vm.id,
                            name=vm.name,
                        ),
                    )
                )
                continue
            if key in seen:
                add(
                    Problem(
                        "vms",
                        said(
                            QT_TRANSLATE_NOOP("Plan", "VM '{name}' ({id}) is listed twice."),
                            name=vm.name,
                            id=vm.id,
                        ),
                    )
                )
            seen.add(key)
        if not self.replica_server.strip():
            add(
                Problem(
                    "replica_server",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Plan", "Name the Replica server (or the Replica Broker)."
                        )
                    ),
                )
            )
        elif any(c.isspace() for c in self.replica_server.strip()):
            add(
                Problem(
                    "replica_server",
                    said(QT_TRANSLATE_NOOP("Plan", "A server name cannot contain spaces.")),
                )
            )
        if not 1 <= self.replica_port <= 65535:
            add(
                Problem(
                    "replica_port",
                    said(QT_TRANSLATE_NOOP("Plan", "The port must be between 1 and 65535.")),
                )
            )
        if self.authentication is AuthenticationType.CERTIFICATE:
            thumb = self.certificate_thumbprint.replace(" ", "")
            if len(thumb) != 40 or any(c not in "0123456789abcdefABCDEF" for c in thumb):
                add(
                    Problem(
                        "certificate_thumbprint",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan",
                                "Certificate-based authentication needs a certificate: pick one "
                                "(its thumbprint is 40 hexadecimal characters).",
                            )
                        ),
                    )
                )
        if self.frequency_sec not in FREQUENCIES_SEC:
            add(
                Problem(
                    "frequency_sec",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Plan",
                            "Replication frequency must be 30 seconds, 5 minutes or 15 minutes.",
                        )
                    ),
                )
            )
        if not 0 <= self.recovery_history_hours <= MAX_RECOVERY_HISTORY_HOURS:
            add(
                Problem(
                    "recovery_history_hours",
                    said(
                        QT_TRANSLATE_NOOP(
                            "Plan",
                            "Additional recovery points can cover 1 to 24 hours (0 = latest only).",
                        )
                    ),
                )
            )
        if self.vss_frequency_hours:
            low, high = VSS_FREQUENCY_RANGE_HOURS
            if self.recovery_history_hours == 0:
                add(
                    Problem(
                        "vss_frequency_hours",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan",
                                "App-consistent (VSS) snapshots need additional hourly recovery "
                                "points.",
                            )
                        ),
                    )
                )
            elif not low <= self.vss_frequency_hours <= high:
                add(
                    Problem(
                        "vss_frequency_hours",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan", "The VSS snapshot frequency must be between 1 and 12 hours."
                            )
                        ),
                    )
                )
        if self.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA:
            if not self.destination_path.strip():
                add(
                    Problem(
                        "destination_path",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan",
                                "Choose the folder on the external drive that receives the "
                                "initial copy.",
                            )
                        ),
                    )
                )
            if self.start_time is not None:
                add(
                    Problem(
                        "start_time",
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan",
                                "Hyper-V cannot schedule an export to external media; it starts "
                                "at once.",
                            )
                        ),
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
                        said(
                            QT_TRANSLATE_NOOP(
                                "Plan", "A scheduled start must lie between now and 7 days ahead."
                            )
                        ),
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
    def from_dict(cls, data: Any) -> ReplicationPlan:
        """Build a plan from JSON data, every field's type checked; ``ValueError`` with a
        sentence naming the field otherwise."""
        if not isinstance(data, dict):
            raise ValueError(f"A plan must be a JSON object, not {_kind(data)}.")
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"Unknown plan setting(s): {', '.join(map(_shown, unknown))}.")
        for required in ("primary_host", "vms", "replica_server"):
            if required not in data:
                raise ValueError(f"The plan setting '{required}' is missing.")
        kwargs: dict[str, Any] = {}
        for name in ("primary_host", "replica_server"):
            kwargs[name] = _text(name, data[name], MAX_HOST_CHARS)
        for name in ("destination_path", "certificate_thumbprint"):
            if name in data:
                kwargs[name] = _text(name, data[name], MAX_TEXT_CHARS)
        kwargs["vms"] = _vms(data["vms"])
        for name in ("replica_port", "frequency_sec", "recovery_history_hours"):
            if name in data:
                kwargs[name] = _strict_int(name, data[name])
        if "vss_frequency_hours" in data:
            kwargs["vss_frequency_hours"] = _strict_int(
                "vss_frequency_hours", data["vss_frequency_hours"]
            )
        for name in ("compression", "bypass_proxy"):
            if name in data:
                kwargs[name] = _strict_bool(name, data[name])
        if "authentication" in data:
            kwargs["authentication"] = _choice(
                "authentication", data["authentication"], AuthenticationType
            )
        if "initial_method" in data:
            kwargs["initial_method"] = _choice(
                "initial_method", data["initial_method"], InitialReplicationMethod
            )
        start = data.get("start_time")
        if start is not None:
            text = _text("start_time", start, 64)
            try:
                kwargs["start_time"] = datetime.fromisoformat(text)
            except ValueError:
                raise ValueError(
                    f"The plan setting 'start_time' must be a date and time like "
                    f"2026-01-31T22:00:00+01:00, not {_shown(text)}."
                ) from None
        if "notes" in data:
            notes = data["notes"]
            if not isinstance(notes, dict):
                raise ValueError(f"The plan setting 'notes' must be an object, not {_kind(notes)}.")
            kwargs["notes"] = {
                _text("notes", k, MAX_TEXT_CHARS): _text(f"notes.{_shown(k)}", v, MAX_TEXT_CHARS)
                for k, v in notes.items()
            }
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str, what: str = "The plan") -> ReplicationPlan:
        """Parse a plan file's text; at most 1 MiB, nested at most 8 deep, no key twice."""
        data = loads_strict(text, what=what, max_bytes=MAX_PLAN_BYTES, max_depth=MAX_PLAN_DEPTH)
        return cls.from_dict(data)


MAX_PLAN_BYTES = 2**20
MAX_PLAN_DEPTH = 8  # plan -> vms -> vm -> excluded_vhd_paths is 4
MAX_HOST_CHARS = 255  # a DNS name is at most 253 characters
MAX_TEXT_CHARS = 1024  # paths, names, notes; a plan holds nothing longer
# Hyper-V's own limit on VM names is not documented here (UNCONFIRMED, 100 is often cited):
# a longer name is refused by this cap only when absurd; Hyper-V decides below it.
MAX_VMS = 1000


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _shown(value: Any, limit: int = 60) -> str:
    """A value quoted for a sentence: shortened, controls made visible."""
    text = visible(value if isinstance(value, str) else json.dumps(value, default=str))
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _text(name: str, value: Any, max_chars: int) -> str:
    if not isinstance(value, str):
        raise ValueError(f"The plan setting '{name}' must be text, not {_kind(value)}.")
    if len(value) > max_chars:
        raise ValueError(
            f"The plan setting '{name}' is {len(value)} characters long; at most {max_chars} "
            "are allowed."
        )
    return value


def _choice(name: str, value: Any, kind: type[Enum]) -> Any:
    allowed = [member.value for member in kind]
    if isinstance(value, str) and value in allowed:
        return kind(value)
    raise ValueError(
        f"The plan setting '{name}' must be one of {', '.join(allowed)}, not "
        f"{_shown(value) if isinstance(value, str) else _kind(value)}."
    )


def _vms(value: Any) -> tuple[PlanVm, ...]:
    if not isinstance(value, list):
        raise ValueError(f"The plan setting 'vms' must be a list, not {_kind(value)}.")
    if len(value) > MAX_VMS:
        raise ValueError(f"The plan lists {len(value)} VMs; at most {MAX_VMS} are allowed.")
    vms = []
    for n, vm in enumerate(value, 1):
        where = f"vms[{n}]"
        if not isinstance(vm, dict):
            raise ValueError(f"The plan setting '{where}' must be an object, not {_kind(vm)}.")
        unknown = sorted(set(vm) - {"name", "id", "excluded_vhd_paths", "destination_path"})
        if unknown:
            raise ValueError(f"Unknown setting(s) in '{where}': {', '.join(map(_shown, unknown))}.")
        for required in ("name", "id"):
            if required not in vm:
                raise ValueError(f"The plan setting '{where}.{required}' is missing.")
        excluded = vm.get("excluded_vhd_paths", [])
        if not isinstance(excluded, list):
            raise ValueError(
                f"The plan setting '{where}.excluded_vhd_paths' must be a list of paths, not "
                f"{_kind(excluded)}."
            )
        vms.append(
            PlanVm(
                name=_text(f"{where}.name", vm["name"], MAX_TEXT_CHARS),
                id=_text(f"{where}.id", vm["id"], 64),
                excluded_vhd_paths=tuple(
                    _text(f"{where}.excluded_vhd_paths", p, MAX_TEXT_CHARS) for p in excluded
                ),
                destination_path=_text(
                    f"{where}.destination_path", vm.get("destination_path", ""), MAX_TEXT_CHARS
                ),
            )
        )
    return tuple(vms)


_DIGITS = re.compile(r"-?[0-9]+", re.ASCII)


def _strict_int(name: str, value: Any) -> int:
    """An integer setting: a JSON number, or a string of the digits 0-9; anything else
    (true, 80.0, "٨٠", null) is refused."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()) and len(value) < 20:
        return int(value.strip())
    shown = _shown(value) if isinstance(value, str) else _kind(value)
    if isinstance(value, float):
        shown = repr(value)
    raise ValueError(f"The plan setting '{name}' must be a whole number, not {shown}.")


def _strict_bool(name: str, value: Any) -> bool:
    """A yes/no setting: JSON true/false; the strings "true"/"false" are accepted, since
    ``bool("false")`` would silently be true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    shown = _shown(value) if isinstance(value, str) else _kind(value)
    raise ValueError(f"The plan setting '{name}' must be true or false, not {shown}.")

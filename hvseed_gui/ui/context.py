"""What the pages share beyond QWizard fields: the open hosts, what they reported, settings.

QWizard fields carry the admin's simple choices (names, numbers, ticks); objects a page fetched
from a host (the inventory, the replica server's configuration, drives) live here.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

from hvseed_gui.ui.saved_target import describe_saved_target, load_running, save_target

if TYPE_CHECKING:  # the seam modules load after the first page is painted
    from hvseed_gui.core.volumes import Volume
    from hvseed_gui.flows.export_run import ExportRun, ExportTarget
    from hvseed_gui.hyperv.host import (
        ExportHandle,
        HyperVHost,
        Inventory,
        ReplicaServerConfig,
        VirtualMachine,
        VmRef,
    )
    from hvseed_gui.hyperv.host_target import HostTarget

KEYRING_SERVICE = "hvseed-gui"


@dataclass(frozen=True)
class ExportItem:
    """One VM's export within a run: where it goes and how large it is."""

    vm: VmRef
    destination: str
    bytes_total: int = 0
    job_id: str = ""  # the Hyper-V job, so a reopened wizard polls that very job

    @property
    def handle(self) -> ExportHandle:
        """What the host's ``export_progress``/``cancel_export`` take, from what was saved."""
        from hvseed_gui.hyperv.host import ExportHandle

        return ExportHandle(self.vm, self.destination, self.job_id)


@dataclass
class RunningExport:
    """Exports hvseed started and has not seen finish: enough to find them again.

    ``vm``/``destination``/``bytes_total`` describe the first export (what older versions
    saved); ``others`` the further VMs of a run with several VMs.
    """

    target: HostTarget  # without password
    vm: VmRef
    destination: str
    bytes_total: int = 0
    others: tuple[ExportItem, ...] = ()
    job_id: str = ""

    @property
    def items(self) -> tuple[ExportItem, ...]:
        first = ExportItem(self.vm, self.destination, self.bytes_total, self.job_id)
        return (first, *self.others)

    @classmethod
    def of(cls, target: HostTarget, items: list[ExportItem]) -> RunningExport:
        first, *rest = items
        return cls(
            target, first.vm, first.destination, first.bytes_total, tuple(rest), first.job_id
        )

    def save(self, settings: QSettings) -> None:
        settings.beginGroup("export")
        save_target(settings, self.target)
        for key, value in (
            ("running", True),
            ("vm_name", self.vm.name),
            ("vm_id", self.vm.id),
            ("destination", self.destination),
            ("bytes_total", self.bytes_total),
            ("job_id", self.job_id),
            (
                "more",
                json.dumps(
                    [
                        {
                            "name": o.vm.name,
                            "id": o.vm.id,
                            "destination": o.destination,
                            "bytes_total": o.bytes_total,
                            "job_id": o.job_id,
                        }
                        for o in self.others
                    ]
                ),
            ),
        ):
            settings.setValue(key, value)
        settings.endGroup()
        settings.sync()

    @staticmethod
    def peek(settings: QSettings) -> tuple[str, str, str] | None:
        """(VM name, destination, host description) of a remembered export; no seam imports."""
        settings.beginGroup("export")
        try:
            if not settings.value("running", False, type=bool):
                return None
            where = describe_saved_target(settings)
            names = [settings.value("vm_name", "", type=str)]
            places = [settings.value("destination", "", type=str)]
            for other in _more(settings.value("more", "", type=str)):
                names.append(str(other.get("name", "")))
                if other.get("destination") not in places:
                    places.append(str(other.get("destination", "")))
            return (", ".join(names), ", ".join(places), where)
        finally:
            settings.endGroup()

    @classmethod
    def load(cls, settings: QSettings) -> RunningExport | None:
        from hvseed_gui.hyperv.host import VmRef

        settings.beginGroup("export")
        try:
            running = load_running(settings)
            if running is None:
                return None
            target, vm = running
            others = tuple(
                ExportItem(
                    VmRef(str(o.get("name", "")), str(o.get("id", ""))),
                    str(o.get("destination", "")),
                    int(o.get("bytes_total", 0) or 0),
                    str(o.get("job_id", "") or ""),
                )
                for o in _more(settings.value("more", "", type=str))
                if o.get("id")
            )
            return cls(
                target,
                vm,
                settings.value("destination", "", type=str),
                settings.value("bytes_total", 0, type=int),
                others,
                settings.value("job_id", "", type=str),
            )
        finally:
            settings.endGroup()

    @staticmethod
    def clear(settings: QSettings) -> None:
        settings.remove("export")
        settings.sync()


def _more(text: str) -> list[dict]:
    """The further exports saved as JSON; [] for older settings or damaged text."""
    try:
        data = json.loads(text) if text else []
    except ValueError:
        return []
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


class SecretStore:
    """Passwords the admin asked us to remember: the OS keyring, never QSettings."""

    def get(self, account: str) -> str:
        try:
            import keyring

            return keyring.get_password(KEYRING_SERVICE, account) or ""
        except Exception:  # no keyring backend: the admin types the password
            return ""

    def set(self, account: str, secret: str) -> str:
        """Store ``secret``; returns ``""`` or a sentence saying why it could not be stored."""
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, account, secret)
        except Exception as exc:
            return QCoreApplication.translate(
                "SecretStore", "The password could not be saved in the system keyring (%1)."
            ).replace("%1", type(exc).__name__)
        return ""

    def delete(self, account: str) -> str:
        """Forget ``account``'s password; returns ``""`` or why it could not be removed."""
        try:
            import keyring
            from keyring.errors import PasswordDeleteError

            with contextlib.suppress(PasswordDeleteError):  # nothing stored: nothing to forget
                keyring.delete_password(KEYRING_SERVICE, account)
        except Exception as exc:
            return QCoreApplication.translate(
                "SecretStore", "The password could not be removed from the system keyring (%1)."
            ).replace("%1", type(exc).__name__)
        return ""


class MemorySecretStore(SecretStore):
    """A keyring stand-in for tests and demos."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}

    def get(self, account: str) -> str:
        return self.secrets.get(account, "")

    def set(self, account: str, secret: str) -> str:
        self.secrets[account] = secret
        return ""

    def delete(self, account: str) -> str:
        self.secrets.pop(account, None)
        return ""


@dataclass
class WizardContext:
    settings: QSettings
    secrets: SecretStore
    demo: bool = False
    lab_dir: str = ""
    target: HostTarget | None = None
    host: HyperVHost | None = None
    inventory: Inventory | None = None
    vm: VirtualMachine | None = None  # the first chosen VM (every page that shows one)
    vms: list[VirtualMachine] = field(default_factory=list)  # every chosen VM, same settings
    replica_target: HostTarget | None = None
    replica_config: ReplicaServerConfig | None = None
    reattach: RunningExport | None = None  # a remembered export, offered on the start page
    reattach_peek: tuple[str, str, str] | None = None  # its VM, destination, host (cheap read)
    reattaching: bool = False
    export_folder: str = ""  # the first VM's export folder
    export_folders: list[str] = field(default_factory=list)  # every finished export folder
    drives: list[Volume] = field(default_factory=list)  # the drives the copies go to
    export_run: ExportRun | None = None  # the run the summary page checked (its preflight)
    export_targets: list[ExportTarget] = field(default_factory=list)  # what that check found

    def forget_run(self) -> None:
        """A new run starts: nothing of an earlier run's exports may show on its pages."""
        self.export_folder = ""
        self.export_folders = []
        self.drives = []
        self.export_run = None
        self.export_targets = []

"""``Lab``: a simulated Hyper-V lab kept in a directory, and the controls of tests and demos.

``Lab.open(dir)`` creates the default lab in an empty directory, or opens the one there. Any
number of ``Lab`` objects, in any number of processes (``hvseed --lab DIR`` and the GUI), can
share one directory: every change is a locked transaction on ``lab.json``.
"""

from __future__ import annotations

import contextlib
import json
import string
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hvseed_gui.core.said import QT_TRANSLATE_NOOP, said
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.hyperv.host_errors import HostUnreachable

from . import defaults, drives, jobs
from . import faults as fault_rules
from .lab_errors import LabError
from .lab_host import LabHost
from .state import LOCK_FILE, STATE_FILE, Clock, State, Store, _file_lock
from .world import World, resolve_host_name


def _letter(value: str) -> str:
    text = value.strip().rstrip("\\/").rstrip(":").upper()
    if len(text) != 1 or text not in string.ascii_uppercase:
        raise LabError(
            f"'{value}' is not a drive letter.", "Give a letter from A: to Z:, such as F:."
        )
    return text + ":"


class LabFolderTaken(LabError, FileExistsError):
    """The --lab folder holds other files and no lab."""


class Lab:
    """A persistent simulated lab; see the module docstring."""

    def __init__(self, directory: Path, clock: Clock) -> None:
        self.directory = directory
        self.clock = clock
        self._store = Store(directory)

    @classmethod
    def open(
        cls,
        directory: str | Path,
        *,
        create: bool = True,
        clock: Clock | None = None,
        disk_sizes: str = defaults.REALISTIC,
    ) -> Lab:
        """Open the lab in ``directory``; with ``create``, make the default lab there if the
        directory is missing or empty. ``clock`` returns epoch seconds (tests pass a
        ``ManualClock``). ``disk_sizes`` ("realistic" or "small": ``defaults.DISK_SIZE_DIVISORS``)
        applies when the lab is made; an existing lab keeps the files it has."""
        defaults.disk_size_divisor(disk_sizes)
        path = Path(directory).expanduser().resolve()
        lab = cls(path, clock or time.time)
        if lab._store.exists():
            lab._store.peek()  # fail early on a damaged or foreign file
            return lab
        if not create:
            raise FileNotFoundError(f"No lab found in {path}.")
        path.mkdir(parents=True, exist_ok=True)
        with _file_lock(path / LOCK_FILE):
            if not lab._store.exists():
                others = [p.name for p in path.iterdir() if p.name != LOCK_FILE]
                if others:
                    raise LabFolderTaken(
                        f"{path} is not empty and holds no lab.",
                        "Choose an empty folder (or a new one) for --lab.",
                    )
                now = lab.clock()
                state = defaults.default_state(now, disk_sizes)
                defaults.materialize(path, state, now)
                lab._store._write(state)
        return lab

    @contextlib.contextmanager
    def world(self) -> Iterator[World]:
        """A locked transaction on the lab state (used by ``LabHost``)."""
        with self._store.transaction() as state:
            yield World(self.directory, state, self.clock())

    # -- hosts ----------------------------------------------------------------------------------

    def host(self, name: str) -> LabHost:
        """The host named ``name`` (short name or FQDN, any case); HostUnreachable if none."""
        fqdn = resolve_host_name(self._store.peek(), name)
        if fqdn is None:
            raise HostUnreachable(
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The host '{name}' cannot be reached: there is no such host in the lab "
                        "({host_names}).",
                    ),
                    name=name,
                    host_names=", ".join(self.host_names),
                )
            )
        return LabHost(self, fqdn)

    @property
    def host_names(self) -> list[str]:
        return sorted(self._store.peek()["hosts"])

    @property
    def primary_name(self) -> str:
        return self._store.peek()["primary"]

    @property
    def replica_name(self) -> str:
        return self._store.peek()["replica"]

    @property
    def settings(self) -> dict[str, Any]:
        return dict(self._store.peek()["settings"])

    # -- controls for tests and demos -----------------------------------------------------------

    def configure(
        self,
        *,
        latency: float | None = None,
        export_bytes_per_sec: float | None = None,
        import_bytes_per_sec: float | None = None,
        delta_bytes_per_sec: float | None = None,
        hash_bytes_per_sec: float | None = None,
        faults: dict[str, str] | None = None,
        job_removal_seconds: float | None = None,
        require_config_xml: bool | None = None,
        drives_remote: bool | None = None,
        get_vhd_seconds: float | None = None,
        vm_seconds: float | None = None,
        staging: bool | None = None,
    ) -> None:
        """Change the lab's behaviour (persisted); ``None`` leaves a setting as it is.

        ``job_removal_seconds``: how long a finished export/import job stays visible (Hyper-V
        removes finished jobs; afterwards a poll judges by the replication state and the
        folder). ``require_config_xml``: whether an import needs an XML configuration.
        ``drives_remote``: the lab's hosts behave as remote WinRM hosts whose drives this
        computer cannot read (``local_path`` is None), so their files are hashed by jobs on
        the host, as on a real remote host. ``get_vhd_seconds``/``vm_seconds``: what a real
        host's inventory costs per Get-VHD and per VM (0 for fast unit tests). ``staging``:
        the hosts offer a local staging folder, so exports and arrivals go through a staged
        copy (the USB drive is written once and read once).

        ``faults`` replaces every injected fault: ``{"start_export": "MediaError"}`` or
        ``{"hv-b:start_import": "AccessDenied"}`` (operation = LabHost method name, ``*`` = any).
        """
        new_faults = None
        if faults is not None:
            new_faults = []
            for key, kind in faults.items():
                host, _, operation = key.rpartition(":")
                fqdn = self._fqdn(host) if host and host != "*" else "*"
                new_faults.append(fault_rules.make_fault(fqdn, operation, kind, "", 0))
        with self.world() as w:
            jobs.advance(w)  # progress so far counts at the old rates
            values = {
                "latency": latency,
                "export_bytes_per_sec": export_bytes_per_sec,
                "import_bytes_per_sec": import_bytes_per_sec,
                "delta_bytes_per_sec": delta_bytes_per_sec,
                "hash_bytes_per_sec": hash_bytes_per_sec,  # hashing jobs on a host's drive
                "get_vhd_seconds": get_vhd_seconds,
                "vm_seconds": vm_seconds,
            }
            may_be_zero = ("latency", "get_vhd_seconds", "vm_seconds")
            for key, value in values.items():
                if value is not None:
                    if value < 0 or (key not in may_be_zero and value == 0):
                        raise ValueError(f"{key} must be positive.")
                    w.settings[key] = float(value)
            if new_faults is not None:
                w.state["faults"] = new_faults
            if job_removal_seconds is not None:
                if job_removal_seconds < 0:
                    raise ValueError("job_removal_seconds must not be negative.")
                w.settings["job_removal_seconds"] = float(job_removal_seconds)
            if require_config_xml is not None:
                w.settings["require_config_xml"] = bool(require_config_xml)
            if drives_remote is not None:
                w.settings["drives_remote"] = bool(drives_remote)
            if staging is not None:  # hosts offer a local staging folder (staged copies)
                w.settings["staging"] = bool(staging)

    def grow_host(
        self, host: str, vms: int, disks_per_vm: int, *, disk_bytes: int = 1024 * 1024
    ) -> list[str]:
        """Add ``vms`` VMs with ``disks_per_vm`` sparse disks each to ``host`` (benchmarks and
        tests of big hosts: Hyper-V runs up to 1,024 VMs per host). Returns the new VM IDs."""
        import uuid

        fqdn = self._fqdn(host)
        added: list[str] = []
        with self.world() as w:
            table = w.host(fqdn)["vms"]
            start = len(table)
            for n in range(start, start + vms):
                vm_id = str(uuid.UUID(int=(0xB16 << 112) + n)).upper()
                disks = []
                for d in range(disks_per_vm):
                    path = f"D:\\Hyper-V\\Big\\Big-{n:04d}-{d}.vhdx"
                    loc = drives.locate(w.state, self.directory, fqdn, path)
                    drives.extend_file(drives.real_path(self.directory, loc), disk_bytes, "VHDX")
                    disks.append(
                        {
                            "path": path,
                            "format": "VHDX",
                            "type": "Dynamic",
                            "max_size": 127 * 1024**3,
                            "controller": f"SCSI 0:{d}",
                            "parents": [],
                        }
                    )
                table[vm_id] = {
                    "name": f"Big-{n:04d}",
                    "id": vm_id,
                    "state": "Running",
                    "generation": 2,
                    "disks": disks,
                    "repl": None,
                    "test_of": None,
                }
                added.append(vm_id)
        return added

    def inject_fault(
        self, host: str, operation: str, error_kind: str, message: str = "", *, times: int = 0
    ) -> None:
        """Make ``operation`` on ``host`` (``*`` = any) raise ``error_kind`` (a class name of
        ``hvseed_gui.hyperv.host_errors``) with ``message``; ``times`` = 0 means every call."""
        fault = fault_rules.make_fault(
            "*" if host == "*" else self._fqdn(host), operation, error_kind, message, times
        )
        with self.world() as w:
            w.state["faults"].append(fault)

    def clear_faults(self) -> None:
        with self.world() as w:
            w.state["faults"] = []

    def interrupt_replication(
        self, host: str, vm_id: str, state: str = "Error", reason: str = ""
    ) -> None:
        """Put a VM's replication into ``state`` (Suspended, Error or
        WaitingForStartResynchronize), as a long outage while the drive travels would."""
        from .replication import interrupt

        with self.world() as w:
            jobs.advance(w)
            interrupt(w, self._fqdn(host), vm_id, ReplicationState.parse(state), reason)

    def set_host_facts(self, host: str, **facts: Any) -> None:
        """Change what ``readiness`` reads on ``host`` (see ``lab_results.HOST_FACT_DEFAULTS``):
        e.g. ``powershell_version="4.0"``, ``fips_enabled=True``, ``clock_offset_seconds=600``,
        ``asr_wmi_process_rule="Block"``, ``cluster_name="HVC1"``, ``replica_broker="HVR-BRK"``."""
        from .lab_results import HOST_FACT_DEFAULTS

        unknown = set(facts) - set(HOST_FACT_DEFAULTS)
        if unknown:
            raise ValueError(f"Unknown host facts: {sorted(unknown)}")
        fqdn = self._fqdn(host)
        with self.world() as w:
            w.state["hosts"][fqdn].setdefault("facts", {}).update(facts)

    def set_bitlocker_feature(self, host: str, installed: bool) -> None:
        """Install or remove the BitLocker feature on ``host`` (a missing feature makes
        ``enable_bitlocker`` fail as on a Windows Server without it)."""
        fqdn = self._fqdn(host)
        with self.world() as w:
            w.state["hosts"][fqdn]["bitlocker_feature"] = bool(installed)

    def add_usb_volume(
        self,
        host: str,
        letter: str,
        label: str,
        file_system: str,
        capacity_bytes: int,
        *,
        removable: bool = False,
        bitlocker: str = "Off",
    ) -> Volume:
        """Plug a new USB drive (an empty real directory) into ``host`` at ``letter``."""
        fqdn, letter = self._fqdn(host), _letter(letter)
        with self.world() as w:
            if w.drive_at(fqdn, letter):
                raise ValueError(f"{letter} is already in use on {fqdn}.")
            base = "usb-" + "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-")
            drive_id, n = base or "usb", 1
            while drive_id in w.state["drives"]:
                n += 1
                drive_id = f"{base}-{n}"
            w.state["drives"][drive_id] = defaults._drive(
                label,
                file_system,
                int(capacity_bytes),
                "USB",
                fqdn,
                letter,
                removable=removable,
                bitlocker=bitlocker,
                serial=f"LAB{n:04d}{len(label):02d}",
                friendly_name=f"Lab USB {label}",
            )
            drives.drive_root(self.directory, drive_id).mkdir(parents=True, exist_ok=True)
            return drives.volume_of(self.directory, w.state, drive_id)

    def unplug(self, host: str, letter: str) -> str:
        """Pull the drive at ``letter`` out of ``host``; running jobs on it fail. Returns its id."""
        fqdn, letter = self._fqdn(host), _letter(letter)
        with self.world() as w:
            jobs.advance(w)
            drive_id = self._drive_id(w, fqdn, letter)
            w.state["drives"][drive_id].update(host=None, letter=None)
            jobs.fail_jobs_on_drive(w, drive_id)
            return drive_id

    def plug(self, drive: str, host: str, letter: str | None = None) -> Volume:
        """Plug an unplugged drive (by id or label) into ``host``, at ``letter`` or the first
        free letter from D:."""
        fqdn = self._fqdn(host)
        with self.world() as w:
            jobs.advance(w)
            matches = [
                d_id
                for d_id, d in w.state["drives"].items()
                if d["host"] is None and drive.lower() in (d_id.lower(), d["label"].lower())
            ]
            if len(matches) != 1:
                raise LabError(
                    f"No single unplugged drive is named '{drive}'.",
                    "Name it by its label or drive ID as the lab lists them.",
                )
            self._mount(w, matches[0], fqdn, letter)
            return drives.volume_of(self.directory, w.state, matches[0])

    def move_drive(
        self, from_host: str, letter: str, to_host: str, new_letter: str | None = None
    ) -> Volume:
        """The courier: unplug the drive at ``letter`` from one host and plug it into another
        (at ``new_letter``, else the same letter if free, else the first free one)."""
        source, target = self._fqdn(from_host), self._fqdn(to_host)
        with self.world() as w:
            jobs.advance(w)
            old_letter = _letter(letter)
            drive_id = self._drive_id(w, source, old_letter)
            freed = old_letter if source == target else ""
            chosen = self._pick_letter(w, target, new_letter, prefer=old_letter, freed=freed)
            w.state["drives"][drive_id].update(host=None, letter=None)
            jobs.fail_jobs_on_drive(w, drive_id)
            self._mount(w, drive_id, target, chosen)
            return drives.volume_of(self.directory, w.state, drive_id)

    def real_path(self, host: str, windows_path: str) -> Path:
        """Where ``windows_path`` on ``host`` lives on this machine."""
        fqdn = self._fqdn(host)
        with self.world() as w:
            return w.real(fqdn, windows_path)

    def drive_io(self) -> dict[str, dict[str, Any]]:
        """Bytes read from and written to each drive since the lab was made, by drive label:
        ``{"SEED-USB": {"kind": "usb", "read": N, "written": N}}`` (what a seeding costs the
        slow part of the trip, the USB drive)."""
        state = self._store.peek()
        counted = state.get("drive_io", {})
        out: dict[str, dict[str, Any]] = {}
        for drive_id, drive in sorted(state["drives"].items()):
            io = counted.get(drive_id, {"read": 0, "written": 0})
            name = drive.get("label") or drive_id
            out[name if name not in out else drive_id] = {
                "kind": str(drive.get("bus_type", "")).lower(),
                "read": int(io["read"]),
                "written": int(io["written"]),
            }
        return out

    def dump(self) -> State:
        """A copy of the raw state, for debugging and tests."""
        return json.loads(json.dumps(self._store.peek()))

    # -- helpers --------------------------------------------------------------------------------

    def _fqdn(self, name: str) -> str:
        fqdn = resolve_host_name(self._store.peek(), name)
        if fqdn is None:
            raise LabError(
                f"There is no host '{name}' in the lab.",
                f"Its hosts are {', '.join(self.host_names)}.",
            )
        return fqdn

    @staticmethod
    def _drive_id(w: World, fqdn: str, letter: str) -> str:
        drive_id = w.drive_at(fqdn, letter)
        if drive_id is None:
            raise LabError(
                f"No drive is plugged in at {letter} on {fqdn}.",
                "List the drives with 'hvseed volumes' (and --host for another host).",
            )
        return drive_id

    @staticmethod
    def _mount(
        w: World, drive_id: str, fqdn: str, letter: str | None, prefer: str | None = None
    ) -> None:
        chosen = Lab._pick_letter(w, fqdn, letter, prefer)
        w.state["drives"][drive_id].update(host=fqdn, letter=chosen)

    @staticmethod
    def _pick_letter(
        w: World, fqdn: str, letter: str | None, prefer: str | None = None, freed: str = ""
    ) -> str:
        """The letter a drive plugged into ``fqdn`` gets; ``freed`` is about to be free.
        Changes nothing, so a refusal leaves every drive where it was."""
        used = set(drives.mounts(w.state, fqdn)) - {freed}
        if letter is not None:
            chosen = _letter(letter)
            if chosen in used:
                raise LabError(
                    f"{chosen} is already in use on {fqdn}.",
                    "Choose a free letter, or leave --letter out to take the first free one.",
                )
            return chosen
        if prefer and prefer not in used:
            return prefer
        free = [f"{c}:" for c in string.ascii_uppercase[3:] if f"{c}:" not in used]
        if not free:
            raise LabError(f"{fqdn} has no free drive letter.", "Unplug a drive from it first.")
        return free[0]


__all__ = ["Lab", "STATE_FILE"]

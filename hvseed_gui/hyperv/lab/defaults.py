"""The default lab: three hosts, realistic VMs, USB drives whose verdicts differ.

hv-a (primary) runs the VMs and has three USB drives: a 2 TB NTFS disk that takes everything,
a 32 GB FAT32 stick that holds only VMs whose every file is below 4 GiB, and a 16 GB exFAT stick
too small for the big ones. hv-b is a ready Replica server; hv-c is not one yet (the "fix it"
branch). Disk files are sparse: 150 GB of VMs cost a few kilobytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hvseed_gui.hyperv.host import FIREWALL_RULE_HTTP, FIREWALL_RULE_HTTPS

from . import drives
from .state import STATE_VERSION, State

GiB = 1024**3
MiB = 1024**2
TB = 1000**4

PRIMARY = "hv-a.lab.local"
REPLICA = "hv-b.lab.local"
SPARE = "hv-c.lab.local"

JOB_REMOVAL_SECONDS = 300.0
REQUIRE_CONFIG_XML = True

DEFAULT_SETTINGS: dict[str, Any] = {
    "latency": 0.0,
    "export_bytes_per_sec": 150.0 * MiB,  # a USB 3 hard disk
    "import_bytes_per_sec": 300.0 * MiB,
    "delta_bytes_per_sec": 64.0 * 1024,
    "hash_bytes_per_sec": 200.0 * MiB,  # reading a USB 3 hard disk to hash it on the host
    # A finished job record disappears this long after it finished, like Msvm_ConcreteJob's
    # TimeBeforeRemoval (UNCONFIRMED: 5 minutes is the value commonly seen on Hyper-V jobs).
    "job_removal_seconds": JOB_REMOVAL_SECONDS,
    # The import refuses a folder without Virtual Machines\*.xml. UNCONFIRMED whether Hyper-V
    # writes (and needs) such an XML at all (WS2016+ configurations are .vmcx); False lets the
    # lab import a folder without it (the disks then come from the folder's VHD files).
    "require_config_xml": REQUIRE_CONFIG_XML,
    # What a real host's inventory costs, so the lab is never faster where it matters:
    # Get-VHD opens each file's metadata (tens of milliseconds, more on a CSV or SMB share);
    # Get-VM plus Get-VMHardDiskDrive cost a few milliseconds per VM.
    "get_vhd_seconds": 0.05,
    "vm_seconds": 0.004,
}

#: How large the lab's disk files are made, chosen when a lab is created: "realistic" for the
#: demo and the tests that are about sizes, rates or timing (600 MiB TinyLinux, GiB-sized others);
#: "small" divides every disk file by the number given, for tests that only need a disk to be
#: exported, hashed and imported (hashing reads every byte, so a realistic lab is what makes a
#: test slow). Drive sizes and file-system limits stay as they are: with "small" disks a VM fits
#: where its realistic self would not, so a test about fitting or FAT32's 4 GiB uses "realistic".
DISK_SIZE_DIVISORS = {"realistic": 1, "small": 256}
REALISTIC = "realistic"

VHDS = "D:\\Hyper-V\\Virtual Hard Disks"
EXCH01_ID = "4C3B8E51-0D7A-4F6E-9B1C-7A2E5D8F3C10"


def _disk(
    name: str,
    size: float,
    max_gib: int,
    controller: str,
    *,
    kind: str = "Dynamic",
    parents: tuple[str, ...] = (),
    folder: str = VHDS,
) -> dict[str, Any]:
    fmt = "VHD" if name.lower().endswith(".vhd") else "VHDX"
    return {
        "path": f"{folder}\\{name}",
        "format": fmt,
        "type": kind,
        "max_size": max_gib * GiB,
        "controller": controller,
        "parents": list(parents),
        "initial_size": int(size),
    }


def _vm(name: str, vm_id: str, state: str, generation: int, *disks: dict[str, Any]) -> dict:
    return {
        "name": name,
        "id": vm_id,
        "state": state,
        "generation": generation,
        "disks": list(disks),
        "repl": None,
        "test_of": None,
    }


PARENTS = "D:\\Hyper-V\\Parents"
PARENT_FILES = {
    f"{PARENTS}\\Win2019-Base.vhdx": 11 * GiB,
    f"{PARENTS}\\WEB-Golden.vhdx": 2 * GiB,
}


def _primary_vms() -> list[dict[str, Any]]:
    return [
        _vm(
            "SQL01",
            "6F1C2A3B-9D4E-4F5A-8B6C-1D2E3F4A5B6C",
            "Running",
            2,
            _disk("SQL01-OS.vhdx", 24 * GiB, 127, "SCSI 0:0"),
            _disk("SQL01-Data.vhdx", 40 * GiB, 200, "SCSI 0:1"),
            _disk("SQL01-Log.vhdx", 6 * GiB, 6, "SCSI 0:2", kind="Fixed"),
        ),
        _vm(
            "DC01",
            "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF",
            "Running",
            2,
            _disk("DC01.vhdx", 9.5 * GiB, 60, "SCSI 0:0"),
        ),
        _vm(
            "LegacyApp",
            "0D9E8F7A-6B5C-4D3E-A2F1-0E9D8C7B6A59",
            "Off",
            1,
            _disk("LegacyApp.vhd", 3 * GiB, 40, "IDE 0:0"),
        ),
        _vm(
            "WEB01",
            "B7E6D5C4-B3A2-4918-8766-5544332211A0",
            "Running",
            2,
            _disk(
                "WEB01.vhdx",
                1.5 * GiB,
                127,
                "SCSI 0:0",
                kind="Differencing",
                parents=(f"{PARENTS}\\WEB-Golden.vhdx", f"{PARENTS}\\Win2019-Base.vhdx"),
            ),
        ),
        _vm(
            'Prüf-Server "Alt" O\'Brien',
            "C0FFEE00-1234-4ABC-9DEF-00112233AA55",
            "Off",
            2,
            _disk("Pruef-Server-Alt.vhdx", 2 * GiB, 60, "SCSI 0:0"),
        ),
        _vm(
            "Buchhaltung Müller & O'Brien",
            "E3D2C1B0-A9F8-4E7D-8C6B-5A4938271605",
            "Running",
            2,
            _disk("Buchhaltung-OS.vhdx", 3.5 * GiB, 80, "SCSI 0:0"),
            _disk("Buchhaltung-Daten.vhdx", 1 * GiB, 100, "SCSI 0:1"),
        ),
        _vm(
            "TinyLinux",
            "1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9",
            "Running",
            2,
            _disk("tiny-linux.vhdx", 600 * MiB, 20, "SCSI 0:0"),
        ),
        _vm(
            "EXCH01",
            EXCH01_ID,
            "Running",
            2,
            _disk("EXCH01.vhdx", 30 * GiB, 250, "SCSI 0:0"),
        ),
        _vm("PXE-Boot", "9A8B7C6D-5E4F-4321-B0A9-876543210FED", "Off", 1),
    ]


def _drive(
    label: str,
    fs: str,
    capacity: int,
    bus: str,
    host: str | None,
    letter: str | None,
    **extra: Any,
) -> dict[str, Any]:
    drive = {
        "label": label,
        "file_system": fs,
        "capacity": capacity,
        "reserved": 0,
        "bus_type": bus,
        "removable": False,
        "bitlocker": "Off",
        "serial": "",
        "friendly_name": "",
        "is_system": False,
        "host": host,
        "letter": letter,
    }
    drive.update(extra)
    return drive


def _host(os_build: str = "20348") -> dict[str, Any]:
    return {
        "os_version": "Windows Server 2022 Datacenter",
        "os_build": os_build,
        "system_drive": "C:\\",
        "replica_server": {
            "enabled": False,
            "auth": "Kerberos",
            "kerberos_port": 80,
            "cert_port": 443,
            "allow_any": False,
            "storage": "",
            "entries": [],
            "thumbprint": "",
        },
        "firewall": {FIREWALL_RULE_HTTP: False, FIREWALL_RULE_HTTPS: False},
        "certificates": [],
        "vms": {},
    }


def _certificate(fqdn: str, thumbprint: str) -> dict[str, Any]:
    return {
        "thumbprint": thumbprint,
        "subject": f"CN={fqdn}",
        "issuer": "CN=Lab Root CA, DC=lab, DC=local",
        "not_after": "2027-06-30T23:59:59+00:00",
        "dns_names": [fqdn],
        "has_private_key": True,
    }


def disk_size_divisor(disk_sizes: str) -> int:
    """The divisor of ``DISK_SIZE_DIVISORS`` named ``disk_sizes``; ValueError if none."""
    try:
        return DISK_SIZE_DIVISORS[disk_sizes]
    except (KeyError, TypeError):
        names = ", ".join(DISK_SIZE_DIVISORS)
        raise ValueError(f"Unknown lab disk sizes '{disk_sizes}'; use one of {names}.") from None


def default_state(now: float, disk_sizes: str = REALISTIC) -> State:
    """The state document of a fresh default lab (files are made by ``materialize``).

    ``disk_sizes`` ("realistic" or "small", see ``DISK_SIZE_DIVISORS``) is kept in the
    settings: the files are made once, so it says how this lab was made."""
    disk_size_divisor(disk_sizes)
    hosts = {PRIMARY: _host(), REPLICA: _host(), SPARE: _host("17763")}
    hosts[SPARE]["os_version"] = "Windows Server 2019 Standard"
    hosts[PRIMARY]["certificates"] = [
        _certificate(PRIMARY, "3F2A9C41D7E85B06A1C4E97F2B3D5A6C8E0F1B2D")
    ]
    hosts[REPLICA]["certificates"] = [
        _certificate(REPLICA, "8B1D4F7A2C5E9036B4D7E1A3C6F9B2E5D8A1C4F7")
    ]
    hosts[REPLICA]["replica_server"].update(
        enabled=True, allow_any=True, storage="D:\\Hyper-V Replica"
    )
    hosts[REPLICA]["firewall"][FIREWALL_RULE_HTTP] = True
    for vm in _primary_vms():
        hosts[PRIMARY]["vms"][vm["id"]] = vm
    drives = {
        "hv-a-C": _drive(
            "System", "NTFS", 127 * GiB, "RAID", PRIMARY, "C:", is_system=True, reserved=41 * GiB
        ),
        "hv-a-D": _drive("VMs", "NTFS", 4 * TB, "RAID", PRIMARY, "D:"),
        "hv-b-C": _drive(
            "System", "NTFS", 127 * GiB, "RAID", REPLICA, "C:", is_system=True, reserved=38 * GiB
        ),
        "hv-b-D": _drive("Replica", "NTFS", 4 * TB, "RAID", REPLICA, "D:"),
        "hv-c-C": _drive(
            "System", "NTFS", 127 * GiB, "SAS", SPARE, "C:", is_system=True, reserved=35 * GiB
        ),
        "hv-c-D": _drive("Data", "NTFS", 2 * TB, "SAS", SPARE, "D:"),
        "usb-seed": _drive(
            "SEED-USB",
            "NTFS",
            2_000_381_014_016,
            "USB",
            PRIMARY,
            "E:",
            bitlocker="On",
            serial="WX62D81H4K2P",
            friendly_name="WD Elements 25A3",
        ),
        "usb-stick": _drive(
            "STICK",
            "FAT32",
            32_008_830_976,
            "USB",
            PRIMARY,
            "F:",
            removable=True,
            serial="4C530001230718",
            friendly_name="SanDisk Ultra",
        ),
        "usb-small": _drive(
            "SMALL",
            "exFAT",
            15_997_075_456,
            "USB",
            PRIMARY,
            "G:",
            removable=True,
            serial="070B2E7F6A11",
            friendly_name="Intenso Rainbow",
        ),
    }
    return {
        "version": STATE_VERSION,
        "created": now,
        "primary": PRIMARY,
        "replica": REPLICA,
        "settings": dict(DEFAULT_SETTINGS, disk_sizes=disk_sizes),
        "faults": [],
        "drives": drives,
        "hosts": hosts,
        "jobs": {},
    }


def materialize(lab_dir: Path, state: State, now: float) -> None:
    """Create the drive directories and the sparse VM disk files; make EXCH01 replicate."""
    divisor = disk_size_divisor(state["settings"].get("disk_sizes", REALISTIC))
    for drive_id in state["drives"]:
        drives.drive_root(lab_dir, drive_id).mkdir(parents=True, exist_ok=True)
    primary = state["hosts"][PRIMARY]
    for path, size in PARENT_FILES.items():
        loc = drives.locate(state, lab_dir, PRIMARY, path)
        drives.extend_file(drives.real_path(lab_dir, loc), size // divisor, "VHDX")
    for vm in primary["vms"].values():
        for disk in vm["disks"]:
            loc = drives.locate(state, lab_dir, PRIMARY, disk["path"])
            size = disk.pop("initial_size") // divisor
            drives.extend_file(drives.real_path(lab_dir, loc), size, disk["format"])
    replica_storage = drives.locate(state, lab_dir, REPLICA, "D:\\Hyper-V Replica")
    drives.real_path(lab_dir, replica_storage).mkdir(parents=True, exist_ok=True)
    _already_replicating(lab_dir, state, now, divisor)


def _already_replicating(lab_dir: Path, state: State, now: float, divisor: int = 1) -> None:
    """EXCH01 replicates to hv-b since ten days: not enableable, a real replica on hv-b."""
    vm = state["hosts"][PRIMARY]["vms"][EXCH01_ID]
    common = {
        "state": "Replicating",
        "health": "Normal",
        "primary_server": PRIMARY,
        "primary_host": PRIMARY,
        "replica_server": REPLICA,
        "replica_host": REPLICA,
        "port": 80,
        "auth": "Kerberos",
        "thumbprint": "",
        "frequency": 300,
        "compression": True,
        "recovery_history": 0,
        "vss_hours": 0,
        "cycle_origin": now - 10 * 86400,
        "test_vm_id": None,
        "last_error": "",
    }
    vm["repl"] = dict(common, mode="Primary", replicated=[d["path"] for d in vm["disks"]])
    folder = f"D:\\Hyper-V Replica\\Hyper-V Replica\\Virtual hard disks\\{EXCH01_ID}"
    disks = [dict(d, path=f"{folder}\\EXCH01.vhdx") for d in vm["disks"]]
    loc = drives.locate(state, lab_dir, REPLICA, disks[0]["path"])
    drives.extend_file(drives.real_path(lab_dir, loc), 30 * GiB // divisor, "VHDX")
    state["hosts"][REPLICA]["vms"][EXCH01_ID] = {
        "name": "EXCH01",
        "id": EXCH01_ID,
        "state": "Off",
        "generation": 2,
        "disks": disks,
        "repl": dict(
            common,
            mode="Replica",
            replicated=[d["path"] for d in disks],
            delta={"flowing": False, "bytes": 0, "updated": now, "since": None, "files": []},
        ),
        "test_of": None,
    }

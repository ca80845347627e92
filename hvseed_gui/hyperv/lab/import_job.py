"""Import-VMInitialReplication as a job: checks the folder like Hyper-V, then applies it.

The export folder is only read, never changed. On completion both ends replicate and the
replica's AVHDX deltas are merged (removed).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from typing import Any

from hvseed_gui.core.export_xml import MAX_XML_BYTES
from hvseed_gui.core.untrusted import read_capped
from hvseed_gui.hyperv.host import JobState, ReplicationHealth
from hvseed_gui.hyperv.host_errors import CmdletError, InvalidState, NotFound

from . import config_xml, drives
from .defaults import REQUIRE_CONFIG_XML
from .jobcore import (
    IN_PROGRESS,
    REPLICATING,
    WAITING,
    drive_attached,
    fail,
    job_key,
    repl_of,
    replica_partner,
    wrong_state,
)
from .world import VmDict, World


def start_import(w: World, fqdn: str, vm_id: str, folder: str) -> dict[str, Any]:
    vm = w.vm(fqdn, vm_id)
    cmdlet = "Import-VMInitialReplication"
    repl = repl_of(vm, cmdlet)
    if repl["mode"] not in ("Replica", "ExtendedReplica"):
        raise InvalidState(
            f"Virtual machine '{vm['name']}' on {fqdn} is not a replica virtual machine.",
            "Import the initial copy on the Replica server, into the replica VM.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    running = w.state["jobs"].get(job_key(fqdn, "import", vm["id"]))
    if running and running["state"] == JobState.RUNNING.value:
        raise InvalidState(
            f"An import of the initial replica of '{vm['name']}' is already in progress.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    if repl["state"] != WAITING:
        raise wrong_state(
            vm, cmdlet, WAITING, "Only a replica waiting for its initial copy can import one."
        )
    loc = w.locate(fqdn, folder)
    root = drives.real_path(w.lab_dir, loc)
    prefix = f"Hyper-V could not import the initial replica of '{vm['name']}' from '{folder}':"
    if not root.is_dir():
        raise NotFound(
            f"{prefix} {drives.ERR_PATH_NOT_FOUND}",
            "Give the <VMName>_<VMId> folder on the drive, not the drive itself.",
            cmdlet=cmdlet,
            category="ObjectNotFound",
        )
    config = _read_config(root, prefix, cmdlet, required=_xml_required(w))
    if config is None:
        config = _config_from_files(root, vm)
    if config.vm_id.strip("{}").upper() != vm["id"]:
        raise CmdletError(
            f"{prefix} the initial replica is of the virtual machine with ID {config.vm_id}, "
            f"but the replica virtual machine '{vm['name']}' has ID {vm['id']}.",
            "Import the folder that ends in this VM's ID.",
            cmdlet=cmdlet,
            category="InvalidData",
        )
    files = _import_files(w, fqdn, vm, root, loc, config, prefix, cmdlet)
    job = {
        "id": str(uuid.uuid4()).upper(),  # as Hyper-V's Msvm_ConcreteJob InstanceID
        "kind": "import",
        "host": fqdn,
        "vm_id": vm["id"],
        "vm_name": vm["name"],
        "drive": loc.drive_id,
        "letter": loc.letter,
        "folder_parts": list(loc.parts),
        "folder": loc.windows,
        "files": files,
        "total": sum(f["size"] for f in files),
        "done": 0,
        "started": w.now,
        "updated": w.now,
        "finished": None,
        "state": JobState.RUNNING.value,
        "message": "",
    }
    w.state["jobs"][job_key(fqdn, "import", vm["id"])] = job
    return job


def _xml_required(w: World) -> bool:
    # UNCONFIRMED whether Hyper-V writes or needs an XML configuration in the export folder
    # (hyperv-reference.md d; WS2016+ VM configurations are .vmcx): a lab setting, on by default.
    return bool(w.settings.get("require_config_xml", REQUIRE_CONFIG_XML))


def _config_from_files(root: os.PathLike[str], vm: VmDict) -> config_xml.ExportConfig:
    """Without an XML configuration: the disks are the VHD files the folder holds."""
    disks_dir = drives.real_path_below(root, config_xml.DISKS_DIR)
    disks = []
    if disks_dir.is_dir():
        for path in sorted(disks_dir.iterdir(), key=lambda p: p.name.lower()):
            if not path.is_file() or path.suffix.lower() not in (".vhd", ".vhdx"):
                continue
            fmt = "VHD" if path.suffix.lower() == ".vhd" else "VHDX"
            rel = f"{config_xml.DISKS_DIR}\\{path.name}"
            disks.append(config_xml.ConfigDisk(path.name, rel, fmt, "", path.stat().st_size))
    return config_xml.ExportConfig(
        vm_id=vm["id"],
        vm_name=vm["name"],
        generation=vm["generation"],
        primary_server="",
        replica_server="",
        disks=tuple(disks),
    )


def _read_config(
    root: os.PathLike[str], prefix: str, cmdlet: str, *, required: bool = True
) -> config_xml.ExportConfig | None:
    config_dir = drives.real_path_below(root, config_xml.CONFIG_DIR)
    xml_files = (
        sorted(p for p in config_dir.iterdir() if p.suffix.lower() == ".xml")
        if config_dir.is_dir()
        else []
    )
    if not xml_files and not required:
        return None
    if not xml_files:
        raise NotFound(
            f"{prefix} the virtual machine configuration was not found. "
            f"{drives.ERR_FILE_NOT_FOUND}",
            "The folder is incomplete: export the initial copy again.",
            cmdlet=cmdlet,
            category="ObjectNotFound",
        )
    try:  # a plain file only, and capped: this runs with the lab's lock held
        raw = read_capped(config_dir, xml_files[0].name, MAX_XML_BYTES)
        return config_xml.parse(drives.decode_xml(raw))
    except (ValueError, UnicodeDecodeError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise CmdletError(
            f"{prefix} the virtual machine configuration '{xml_files[0].name}' cannot be "
            f"read: {reason}.",
            "The folder is damaged: export the initial copy again.",
            cmdlet=cmdlet,
            category="InvalidData",
        ) from None


def _import_files(
    w: World,
    fqdn: str,
    vm: VmDict,
    root: os.PathLike[str],
    loc: drives.Location,
    config: config_xml.ExportConfig,
    prefix: str,
    cmdlet: str,
) -> list[dict[str, Any]]:
    targets: dict[str, str] = {}
    for disk in vm["disks"]:
        for path in (disk["path"], *disk["parents"]):
            targets[path.rsplit("\\", 1)[-1].lower()] = path
    files = []
    for disk in config.disks:
        real = drives.real_path_below(root, *disk.relative_path.split("\\"))
        shown = loc.child(*disk.relative_path.split("\\")).windows
        if not real.is_file():
            raise NotFound(
                f"{prefix} the virtual hard disk '{shown}' was not found. "
                f"{drives.ERR_FILE_NOT_FOUND}",
                "Copy the complete folder, with every disk under its original name.",
                cmdlet=cmdlet,
                category="ObjectNotFound",
            )
        size = real.stat().st_size
        if size != disk.size:
            raise CmdletError(
                f"{prefix} the virtual hard disk '{shown}' has {size} bytes, but the export "
                f"wrote {disk.size} bytes. The file is incomplete or was changed.",
                "Export the initial copy again.",
                cmdlet=cmdlet,
                category="InvalidData",
            )
        target = targets.get(disk.file_name.lower())
        if target is None:
            raise CmdletError(
                f"{prefix} the virtual hard disk '{disk.file_name}' is not a disk of the "
                f"replica virtual machine '{vm['name']}'.",
                cmdlet=cmdlet,
                category="InvalidData",
            )
        files.append(
            {
                "rel": disk.relative_path,
                "size": size,
                "format": disk.format,
                "target": target,
                "written": 0,
            }
        )
    return files


def advance_import(w: World, job: dict[str, Any]) -> None:
    budget = int(max(0.0, w.now - job["updated"]) * w.settings["import_bytes_per_sec"])
    job["updated"] = w.now
    if not drive_attached(w, job):
        fail(w, job, drives.ERR_DEVICE_GONE)
        return
    source = drives.real_path(
        w.lab_dir, drives.Location(job["drive"], job["letter"], tuple(job["folder_parts"]))
    )
    for entry in job["files"]:
        missing = entry["size"] - entry["written"]
        if missing <= 0:
            continue
        if budget <= 0:
            break
        if not drives.real_path_below(source, *entry["rel"].split("\\")).is_file():
            fail(w, job, drives.ERR_FILE_NOT_FOUND)
            return
        target_loc = w.locate(job["host"], entry["target"])
        want = min(missing, budget)
        grown = min(want, w.free(target_loc.drive_id))
        if grown > 0:
            drives.extend_file(
                drives.real_path(w.lab_dir, target_loc), entry["written"] + grown, entry["format"]
            )
        entry["written"] += grown
        w.count_io(job["drive"], read=grown)  # Hyper-V reads the copy off the drive
        job["done"] += grown
        budget -= grown
        if grown < want:
            fail(w, job, drives.ERR_DISK_FULL)
            return
    if all(f["written"] >= f["size"] for f in job["files"]):
        job.update(state=JobState.COMPLETED.value, finished=w.now)
        _complete_import(w, job)


def _complete_import(w: World, job: dict[str, Any]) -> None:
    """Initial copy applied: both ends replicate, the replica's deltas are merged away."""
    vm = w.find_vm(job["host"], job["vm_id"])
    if vm is None:
        return
    repl = vm["repl"]
    repl.update(state=REPLICATING, health=ReplicationHealth.NORMAL.value, cycle_origin=w.now)
    delta = repl.get("delta")
    # With recovery history the replica keeps recovery-point AVHDX files for good (issue
    # "Real hosts" item 10); only with the latest point alone are the deltas merged away.
    if delta and not repl.get("recovery_history"):
        for entry in delta["files"]:
            with contextlib.suppress(NotFound):
                w.real(job["host"], entry["path"]).unlink(missing_ok=True)
        delta.update(flowing=False, bytes=0, files=[], updated=w.now)
    primary = replica_partner(w, repl, vm["id"])
    if primary is not None and primary.get("repl", {}).get("state") == IN_PROGRESS:
        primary["repl"].update(
            state=REPLICATING, health=ReplicationHealth.NORMAL.value, cycle_origin=w.now
        )

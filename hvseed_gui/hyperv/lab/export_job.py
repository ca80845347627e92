"""Start-VMInitialReplication -DestinationPath as a job: writes ``<dest>\\<VMName>_<VMId>``.

The job advances with the clock and really grows sparse files on the drive. It fails where a
real export fails: a file crossing FAT32's 4 GiB limit, a full drive, a drive pulled out.
Partial files stay where they are, as Hyper-V leaves them; nothing is ever overwritten.
"""

from __future__ import annotations

import uuid
from typing import Any

from hvseed_gui.core.folder_name import folder_name as export_folder_name
from hvseed_gui.hyperv.host import JobState, ReplicationHealth
from hvseed_gui.hyperv.host_errors import CmdletError, InvalidState, NotFound

from . import config_xml, drives
from .jobcore import (
    IN_PROGRESS,
    READY,
    drive_attached,
    fail,
    job_key,
    repl_of,
    replica_partner,
    set_deltas_flowing,
    wrong_state,
)
from .world import VmDict, World, to_datetime


def start_export(w: World, fqdn: str, vm_id: str, destination: str) -> dict[str, Any]:
    vm = w.vm(fqdn, vm_id)
    cmdlet = "Start-VMInitialReplication"
    repl = repl_of(vm, cmdlet)
    if repl["mode"] != "Primary":
        raise InvalidState(
            f"Virtual machine '{vm['name']}' on {fqdn} is a replica; the initial copy is "
            "exported on its primary server.",
            cmdlet=cmdlet,
            category="InvalidOperation",
        )
    if repl["state"] != READY:
        raise wrong_state(
            vm, cmdlet, READY, "An initial replication is already running or finished."
        )
    dest = w.locate(fqdn, destination)
    dest_real = drives.real_path(w.lab_dir, dest)
    if dest_real.exists() and not dest_real.is_dir():
        raise NotFound(
            f"Hyper-V cannot export the initial replica to '{destination}': "
            f"{drives.ERR_PATH_NOT_FOUND}",
            "The destination is a file, not a folder; choose a folder on the drive.",
            cmdlet=cmdlet,
            category="ObjectNotFound",
        )
    folder_name = export_folder_name(vm["name"], vm["id"])
    reason = drives.invalid_name_reason(folder_name)
    if reason:
        # UNCONFIRMED whether Hyper-V would clean the name up instead; the lab takes the
        # outcome Windows' file system rules give.
        raise CmdletError(
            f"Hyper-V failed to export the initial replica of '{vm['name']}' to "
            f"'{destination}': {drives.ERR_BAD_NAME}",
            f"{reason} Rename the virtual machine, or send its initial copy over the network.",
            cmdlet=cmdlet,
            category="InvalidArgument",
        )
    folder = dest.child(folder_name)
    folder_real = drives.real_path(w.lab_dir, folder)
    if folder_real.exists():
        raise CmdletError(
            f"Hyper-V failed to export the initial replica of '{vm['name']}': the folder "
            f"'{folder.windows}' already exists. {drives.ERR_EXISTS}",
            "Move or rename the existing folder (it is not deleted or overwritten), or choose "
            "another destination.",
            cmdlet=cmdlet,
            category="ResourceExists",
        )
    # hvseed's start_export creates a missing destination folder before it asks Hyper-V to
    # export (start_export.ps1 does the same with Directory.CreateDirectory), so the lab does too.
    dest_real.mkdir(parents=True, exist_ok=True)
    files, disks = _export_files(w, fqdn, vm, repl)
    config = config_xml.ExportConfig(
        vm_id=vm["id"],
        vm_name=vm["name"],
        generation=vm["generation"],
        primary_server=fqdn,
        replica_server=repl["replica_server"],
        disks=tuple(disks),
    )
    started = to_datetime(w.now)
    xml = config_xml.render(config, started.isoformat() if started else "")
    xml_path = folder_real / config_xml.CONFIG_DIR / f"{vm['id']}.xml"
    xml_path.parent.mkdir(parents=True)
    xml_path.write_bytes(xml)
    w.count_io(dest.drive_id, written=len(xml))
    drive = w.state["drives"][dest.drive_id]
    job = {
        "id": str(uuid.uuid4()).upper(),  # as Hyper-V's Msvm_ConcreteJob InstanceID
        "kind": "export",
        "host": fqdn,
        "vm_id": vm["id"],
        "vm_name": vm["name"],
        "drive": dest.drive_id,
        "letter": drive["letter"],
        "folder_parts": list(folder.parts),
        "folder": folder.windows,
        "files": files,
        "total": sum(f["size"] for f in files),
        "done": 0,
        "started": w.now,
        "updated": w.now,
        "finished": None,
        "state": JobState.RUNNING.value,
        "message": "",
    }
    w.state["jobs"][job_key(fqdn, "export", vm["id"])] = job
    repl.update(state=IN_PROGRESS, health=ReplicationHealth.WARNING.value, last_error="")
    set_deltas_flowing(w, replica_partner(w, repl, vm["id"]), True)
    return job


def _export_files(
    w: World, fqdn: str, vm: VmDict, repl: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[config_xml.ConfigDisk]]:
    files: list[dict[str, Any]] = []
    disks: list[config_xml.ConfigDisk] = []
    seen: set[str] = set()
    for disk in vm["disks"]:
        if disk["path"] not in repl["replicated"]:
            continue
        chain = [disk["path"], *disk["parents"]]
        for index, path in enumerate(chain):
            name = path.rsplit("\\", 1)[-1]
            if name.lower() in seen:
                continue  # a parent shared by two disks is written once
            seen.add(name.lower())
            size = w.file_size(fqdn, path)
            fmt = "VHD" if name.lower().endswith(".vhd") else "VHDX"
            rel = f"{config_xml.DISKS_DIR}\\{name}"
            parent = chain[index + 1].rsplit("\\", 1)[-1] if index + 1 < len(chain) else ""
            vhd_type = "Differencing" if parent else disk["type"]
            files.append({"rel": rel, "size": size, "format": fmt, "written": 0})
            disks.append(config_xml.ConfigDisk(name, rel, fmt, vhd_type, size, parent, path))
    return files, disks


def cancel_export(w: World, fqdn: str, vm_id: str) -> dict[str, Any]:
    """Stop-VMInitialReplication: only a running export can be stopped; nothing is deleted."""
    vm = w.vm(fqdn, vm_id)
    cmdlet = "Stop-VMInitialReplication"
    repl = repl_of(vm, cmdlet)
    job = w.state["jobs"].get(job_key(fqdn, "export", vm["id"]))
    if job is None or job["state"] != JobState.RUNNING.value:
        if repl["state"] == IN_PROGRESS:
            raise InvalidState(
                f"The initial replication of '{vm['name']}' cannot be stopped: the export to "
                "external media has already completed.",
                "Ship the drive and import it on the Replica server.",
                cmdlet=cmdlet,
                category="InvalidOperation",
            )
        raise wrong_state(vm, cmdlet, IN_PROGRESS, "No export is running for this VM.")
    job.update(
        state=JobState.CANCELLED.value,
        finished=w.now,
        message="The initial replication was stopped (Stop-VMInitialReplication).",
    )
    repl.update(state=READY, health=ReplicationHealth.WARNING.value)
    set_deltas_flowing(w, replica_partner(w, repl, vm["id"]), False)
    return job


def advance_export(w: World, job: dict[str, Any]) -> None:
    budget = int(max(0.0, w.now - job["updated"]) * w.settings["export_bytes_per_sec"])
    job["updated"] = w.now
    if not drive_attached(w, job):
        fail(w, job, drives.ERR_DEVICE_GONE)
        return
    drive = w.state["drives"][job["drive"]]
    folder = drives.real_path(
        w.lab_dir, drives.Location(job["drive"], job["letter"], tuple(job["folder_parts"]))
    )
    free = w.free(job["drive"])
    fat32 = drive["file_system"].upper() == "FAT32"
    for entry in job["files"]:
        missing = entry["size"] - entry["written"]
        if missing <= 0:
            continue
        if budget <= 0:
            break
        target = entry["written"] + min(missing, budget)
        failure = ""
        if fat32 and target > drives.FAT32_MAX_FILE:
            target, failure = drives.FAT32_MAX_FILE, drives.ERR_FILE_TOO_LARGE
        if target - entry["written"] > free:
            target, failure = entry["written"] + free, drives.ERR_DISK_FULL
        grown = target - entry["written"]
        drives.extend_file(folder.joinpath(*entry["rel"].split("\\")), target, entry["format"])
        entry["written"] = target
        w.count_io(job["drive"], written=grown)
        job["done"] += grown
        budget -= grown
        free -= grown
        if failure:
            fail(w, job, failure)
            return
    if all(f["written"] >= f["size"] for f in job["files"]):
        job.update(state=JobState.COMPLETED.value, finished=w.now)

"""Replica-side commands: verify, import, and the lab's courier (move-drive)."""

from __future__ import annotations

import argparse
import time
from typing import Any, TextIO

from hvseed_gui.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ProgressPrinter,
    follow_job,
)
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.hyperv.host import (
    HyperVHost,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    VirtualMachine,
    VmRef,
)


def cmd_verify(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """Check a folder against its manifest where the drive is: in this process when the drive
    is on this computer (or the lab), else as a hashing job on the remote host."""
    from hvseed_gui.core.manifest import verify_manifest

    if hosts.drive_is_remote(args.host or ""):
        report = _verify_on_host(args, hosts, err)
    else:
        folder = hosts.local_path(args.host or "", args.folder)  # lab: wherever the drive is
        printer = ProgressPrinter(err, f"Verifying {folder.name}")
        report = verify_manifest(folder, progress=printer.callback)
    out.write(report.to_text().rstrip("\n") + "\n")
    return EXIT_OK if report.ok else EXIT_FAILED


def _verify_on_host(args: argparse.Namespace, hosts: Hosts, err: TextIO) -> Any:
    from hvseed_gui.hyperv.remote_verify import manifest_locations, verify_on_host

    host = hosts.default("replica")
    name = manifest_locations(args.folder)[0]
    printer = ProgressPrinter(err, f"Verifying {name} on {host.display_name}")
    return verify_on_host(
        host, args.folder, progress=printer.callback, poll_interval=max(0.0, args.poll)
    )


def cmd_move_drive(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    if not hosts.is_lab:
        raise CliError("move-drive is a lab command: ship a real drive by courier.", EXIT_USAGE)
    lab = hosts.lab()
    source = args.host or lab.primary_name
    volume = lab.move_drive(source, args.drive, args.to, args.letter)
    out.write(f"The drive {volume.display_name} is now attached to {args.to}.\n")
    return EXIT_OK


def _find_replica(hosts: Hosts, name: str) -> tuple[HyperVHost, VirtualMachine]:
    """The host that holds the replica VM ``name`` or ID (on the lab: any lab host)."""
    key = name.strip().strip("{}").lower()
    candidates = hosts.candidates()
    found = [
        (host, vm)
        for host in candidates
        for vm in host.inventory().vms
        if key in (vm.name.lower(), vm.id.lower())
        and vm.replication_mode in (ReplicationMode.REPLICA, ReplicationMode.EXTENDED_REPLICA)
    ]
    if len(found) == 1:
        return found[0]
    where = candidates[0].display_name if len(candidates) == 1 else "any lab host"
    if not found:
        raise CliError(
            f"No replica VM called '{name}' was found on {where}. Enable replication on the "
            "primary first (hvseed run), and name the replica host with --host."
        )
    ids = ", ".join(vm.id for _, vm in found)
    raise CliError(f"Several replica VMs are called '{name}' ({ids}); give the VM ID with --vm.")


def cmd_import(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    from hvseed_gui.core.media import check_import, inspect_folder

    host, vm = _find_replica(hosts, args.vm)
    listing = host.read_export_folder(args.folder)
    report = inspect_folder(listing)
    check = check_import(report, vm.id, vm.name, vm.replication_state.value)
    out.write(check.to_text().rstrip("\n") + "\n")
    if not check.can_import:
        raise CliError(
            f"Import refused, nothing was changed: {check.summary} "
            f"The replica VM {vm.name} is still waiting for its initial copy."
        )
    ref = VmRef(vm.name, vm.id)
    err.write(f"Importing the initial copy of {vm.name} on {host.display_name} ...\n")
    first = host.start_import(ref, args.folder)
    final = follow_job(
        lambda: host.import_progress(ref),
        first,
        ProgressPrinter(err, f"Import {vm.name}"),
        args.poll,
    )
    if final.state is not JobState.COMPLETED:
        raise CliError(
            f"The import of {vm.name} {final.state.value.lower()}: "
            f"{final.message or 'no reason given'}. The copy on the drive is untouched."
        )
    deadline = time.monotonic() + args.settle_timeout
    status = host.replication_status(ref)
    while not (
        status.state is ReplicationState.REPLICATING and status.health is ReplicationHealth.NORMAL
    ):
        if time.monotonic() > deadline:
            break
        time.sleep(args.poll)
        status = host.replication_status(ref)
    out.write(f"{vm.name}: state {status.state.value}, health {status.health.value}\n")
    for detail in status.health_details:
        out.write(f"  {detail}\n")
    if status.replica_delta_files:
        out.write("  Delta files still present (Hyper-V may merge them later):\n")
        for delta in status.replica_delta_files:
            out.write(f"    {delta.path}\n")
    else:
        out.write("  The delta AVHDX received during shipping has been merged.\n")
    return EXIT_OK

"""Read-only commands: vms, status, volumes, inspect."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TextIO

from hvseed_gui.cli.common import EXIT_FAILED, EXIT_OK, CliError, print_json, table
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.units import format_bytes
from hvseed_gui.hyperv.host import VirtualMachine


def cmd_vms(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    """The VMs of a host: the light inventory (fast on hosts with hundreds of VMs); disk sizes
    with --sizes (Get-VHD for the VMs listed); --filter narrows by name or ID."""
    host = hosts.default()
    inventory = host.inventory(details=False)
    needle = (args.filter or "").strip().lower()
    if needle:
        inventory = replace(
            inventory,
            vms=tuple(
                v for v in inventory.vms if needle in v.name.lower() or needle in v.id.lower()
            ),
        )
    if args.sizes and inventory.vms:
        inventory = inventory.with_disks(host.vm_disks([vm.id for vm in inventory.vms]))
    if args.json:
        print_json(inventory, out)
        return EXIT_OK
    out.write(f"{inventory.host_name} ({inventory.os_version}, build {inventory.os_build})\n\n")
    rows = [
        [
            vm.name,
            vm.id,
            vm.state,
            str(vm.generation),
            _disks_cell(vm),
            vm.replication_state.value,
            vm.why_not_enableable() or "can be enabled",
        ]
        for vm in inventory.vms
    ]
    table(rows, ["Name", "ID", "State", "Gen", "Disks", "Replication", "Enable?"], out)
    if not args.sizes and any(vm.vhds for vm in inventory.vms):
        out.write("\nDisk sizes: hvseed vms --sizes (reads every disk; slow on big hosts).\n")
    return EXIT_OK


def _disks_cell(vm: VirtualMachine) -> str:
    count = f"{len(vm.vhds)} disk{'s' if len(vm.vhds) != 1 else ''}"
    return format_bytes(vm.initial_copy_size()) if vm.details_known and vm.vhds else count


def cmd_status(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    results = []
    for host in hosts.candidates():  # on the lab: wherever the VM lives, primary and replica
        vm = host.inventory(details=False).vm(args.vm)
        if vm is not None:
            results.append((host, host.replication_status(vm.ref)))
    if not results:
        raise CliError(f"No VM called '{args.vm}' was found. List the VMs with 'hvseed vms'.")
    if args.json:
        print_json([status for _, status in results], out)
        return EXIT_OK
    for host, status in results:
        out.write(f"{status.vm.name} on {host.display_name} ({status.mode.value})\n")
        out.write(f"  State:   {status.state.value}\n")
        out.write(f"  Health:  {status.health.value}\n")
        for detail in status.health_details:
            out.write(f"           {detail}\n")
        when = status.last_replication_time
        out.write(f"  Last replication: {when.isoformat(' ', 'seconds') if when else 'never'}\n")
        if status.pending_replication_bytes is not None:
            out.write(f"  Pending: {format_bytes(status.pending_replication_bytes)}\n")
        for delta in status.replica_delta_files:
            out.write(f"  Delta:   {delta.path} ({format_bytes(delta.file_size)})\n")
        if status.test_vm_name:
            out.write(f"  Test failover VM: {status.test_vm_name}\n")
    return EXIT_OK


def cmd_volumes(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    host = hosts.default()
    volumes = host.usb_volumes()
    if args.json:
        print_json(volumes, out)
        return EXIT_OK
    if not volumes:
        out.write(f"No USB drive is attached to {host.display_name}.\n")
        return EXIT_OK
    rows = [
        [
            v.mount_point,
            v.label,
            v.file_system,
            format_bytes(v.free_bytes),
            format_bytes(v.total_bytes),
            v.bitlocker.value,
            v.serial,
        ]
        for v in volumes
    ]
    table(rows, ["Volume", "Label", "FS", "Free", "Size", "BitLocker", "Serial"], out)
    return EXIT_OK


def _read_folder(hosts: Hosts, folder: str) -> FolderListing:
    """The listing of ``folder`` on the host whose drive holds it (``--host``, or the lab host
    the drive is plugged into now)."""
    return hosts.drive_host(folder).read_export_folder(folder)


def cmd_inspect(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    from hvseed_gui.core.folder_report import inspect_folder

    report = inspect_folder(_read_folder(hosts, args.folder))
    if args.json:
        print_json(report, out)
    else:
        out.write(report.to_text().rstrip("\n") + "\n")
    return EXIT_OK if report.ok else EXIT_FAILED

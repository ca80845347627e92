"""Host A commands: plan, script, run (enable + export + manifest), cancel-export."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from hvseed_gui.cli.common import EXIT_OK, EXIT_USAGE, CliError, ProgressPrinter, follow_job
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.plan import InitialReplicationMethod, PlanVm, ReplicationPlan
from hvseed_gui.hyperv.errors import NotFound
from hvseed_gui.hyperv.host import (
    HyperVHost,
    Inventory,
    JobState,
    ReplicationState,
    VhdFile,
    VirtualMachine,
)


def example_plan(hosts: Hosts) -> ReplicationPlan:
    """A complete plan; on the lab one that runs as it is."""
    if not hosts.is_lab:
        return ReplicationPlan(
            primary_host="hv-a.corp.example",
            vms=(PlanVm(name="SQL01", id="6F1C3E0A-2B4D-4E5F-8A9B-0C1D2E3F4A5B"),),
            replica_server="hv-b.corp.example",
            destination_path="E:\\HyperV-Seed",
        )
    lab = hosts.lab()
    primary = lab.host(lab.primary_name)
    inventory = primary.inventory()
    volumes = sorted(primary.usb_volumes(), key=lambda v: v.free_bytes, reverse=True)
    candidates = [vm for vm in inventory.vms if not vm.why_not_enableable()]
    if not candidates or not volumes:
        raise CliError("The lab has no VM that can be enabled, or no USB drive on its primary.")
    vm = min(candidates, key=lambda v: v.initial_copy_size())
    return ReplicationPlan(
        primary_host=lab.primary_name,
        vms=(PlanVm(name=vm.name, id=vm.id),),
        replica_server=lab.replica_name,
        destination_path=volumes[0].mount_point.rstrip("\\") + "\\HyperV-Seed",
    )


def cmd_plan(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    if not args.example:
        raise CliError("Use 'hvseed plan --example' to print a plan to start from.", EXIT_USAGE)
    out.write(example_plan(hosts).to_json() + "\n")
    return EXIT_OK


def _load_plan(path: str) -> ReplicationPlan:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CliError(f"Cannot read the plan {path}: {exc.strerror or exc}.", EXIT_USAGE) from None
    try:
        plan = ReplicationPlan.from_json(text)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_USAGE) from None
    problems = plan.validate()
    if problems:
        listing = "; ".join(p.message for p in problems)
        raise CliError(f"The plan {path} cannot be carried out: {listing}", EXIT_USAGE)
    return plan


def cmd_script(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    from hvseed_gui.hyperv.powershell import render_plan_script

    out.write(render_plan_script(_load_plan(args.plan)))
    return EXIT_OK


def cmd_run(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    plan = _load_plan(args.plan)
    primary = hosts.named(args.host or plan.primary_host)
    inventory = primary.inventory()
    external = plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA
    for item in plan.vms:
        vm = inventory.vm(item.id)
        if vm is None:
            raise CliError(
                f"VM '{item.name}' ({item.id}) is not on {primary.display_name}. "
                "Check the plan's VM ID with 'hvseed vms'."
            )
        ref = vm.ref
        if vm.replication_state is ReplicationState.DISABLED:
            reason = vm.why_not_enableable()
            if reason:
                raise CliError(f"{vm.name}: {reason}")
            if external:
                _check_drive(primary, inventory, vm, item, plan.destination_path)
            err.write(f"Enabling replication of {vm.name} to {plan.replica_server} ...\n")
            primary.enable_replication(plan, ref)
        elif vm.replication_state is not ReplicationState.READY_FOR_INITIAL_REPLICATION:
            if vm.replication_state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS:
                err.write(f"{vm.name}: an export is already under way; following it.\n")
            else:
                raise CliError(
                    f"{vm.name} is already replicating (state {vm.replication_state.value}); "
                    "nothing to do."
                )
        if not external:
            err.write(
                f"Replication of {vm.name} is enabled; start the initial replication over the "
                "network from Hyper-V Manager or with the script from 'hvseed script'.\n"
            )
            continue
        current = primary.export_progress(ref)
        if current.state is JobState.RUNNING:
            first = current
        else:
            err.write(f"Exporting the initial copy of {vm.name} to {plan.destination_path} ...\n")
            first = primary.start_export(ref, plan.destination_path)
        try:
            final = follow_job(
                lambda ref=ref: primary.export_progress(ref),
                first,
                ProgressPrinter(err, f"Export {vm.name}"),
                args.poll,
            )
        except KeyboardInterrupt:
            err.write(
                f"\nStopped following the export of {vm.name}; it goes on in Hyper-V. "
                f"Run 'hvseed run {args.plan}' again to follow it, "
                f"or 'hvseed cancel-export {vm.name}' to stop it.\n"
            )
            return 130
        if final.state is not JobState.COMPLETED:
            raise CliError(
                f"The export of {vm.name} {final.state.value.lower()}: "
                f"{final.message or 'no reason given'}"
            )
        out.write(f"{vm.name}: initial copy written to {final.folder}\n")
        _write_manifest(args, hosts, inventory, plan, vm, final.folder, out, err)
    out.write(
        "Next: encrypt and ship the drive; deltas keep flowing over the network meanwhile. "
        "On the replica host run 'hvseed import --vm NAME FOLDER'.\n"
    )
    return EXIT_OK


def _check_drive(
    primary: HyperVHost, inventory: Inventory, vm: VirtualMachine, item: PlanVm, destination: str
) -> None:
    """Refuse the run before anything changes when the drive cannot take the copy."""
    from hvseed_gui.core.fitness import assess_drive

    target = destination.rstrip("\\/").lower()
    volume = next(
        (
            v
            for v in primary.usb_volumes()
            if target.startswith(v.mount_point.rstrip("\\/").lower())
        ),
        None,
    )
    if volume is None:
        raise CliError(
            f"{destination} is not on a USB drive attached to {primary.display_name}. "
            "Plug the drive into the host that runs the VM, and check the path with "
            "'hvseed volumes'."
        )
    excluded = {p.lower() for p in item.excluded_vhd_paths}
    files: list[VhdFile] = []
    for vhd in vm.vhds:
        if vhd.path.lower() not in excluded:
            files.append(VhdFile(vhd.path, vhd.file_size))
            files.extend(vhd.parents)
    try:
        existing = primary.export_folders(destination)
    except NotFound:
        existing = []  # the destination folder does not exist yet; start_export creates it
    verdict = assess_drive(
        volume,
        files,
        vm_storage_paths=[v.path for v in vm.vhds],
        system_drive=inventory.system_drive,
        existing_export_folders=existing,
        vm_folder_name=f"{vm.name}_{vm.id}",
    )
    if not verdict.ok:
        reasons = " ".join(f.message for f in verdict.errors)
        raise CliError(
            f"The drive {volume.display_name} cannot take the copy of {vm.name}: {reasons}"
        )


def _write_manifest(
    args: argparse.Namespace,
    hosts: Hosts,
    inventory: Inventory,
    plan: ReplicationPlan,
    vm: VirtualMachine,
    folder: str,
    out: TextIO,
    err: TextIO,
) -> None:
    """Hash the exported files and write the manifest beside the VM's folder."""
    from hvseed_gui.core.manifest import manifest_paths, write_manifest

    try:
        local = hosts.local_path(args.host or plan.primary_host, folder)
    except CliError as exc:
        err.write(f"No integrity manifest written: {exc}\n")
        return
    printer = ProgressPrinter(err, f"Hashing {vm.name}")
    manifest = write_manifest(
        local,
        vm_name=vm.name,
        vm_id=vm.id,
        source_host=inventory.host_name,
        replica_server=plan.replica_server,
        progress=printer.callback,
    )
    json_path, sums_path = manifest_paths(local)
    out.write(
        f"{vm.name}: integrity manifest of {len(manifest.files)} file(s) written beside the "
        f"folder: {json_path.name}, {sums_path.name}\n"
    )


def cmd_cancel_export(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    host = hosts.default()
    vm = host.inventory().vm(args.vm)
    if vm is None:
        raise CliError(f"No VM called '{args.vm}' on {host.display_name}.")
    result = host.cancel_export(vm.ref)
    out.write(f"Export of {vm.name}: {result.state.value}.\n")
    return EXIT_OK

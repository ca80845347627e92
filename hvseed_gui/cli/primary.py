"""Host A commands: plan, script, run (enable + export + manifest), cancel-export."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from hvseed_gui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ProgressPrinter,
    find_vm,
    follow_job,
)
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
    vms = _preflight(primary, inventory, plan)  # refuses before anything changes
    folders: list[str] = []
    for vm, item in vms:
        ref = vm.ref
        if vm.replication_state is ReplicationState.DISABLED:
            err.write(f"Enabling replication of {vm.name} to {plan.replica_server} ...\n")
            primary.enable_replication(plan, ref)
        if not external:
            err.write(
                f"Replication of {vm.name} is enabled; start the initial replication over the "
                "network from Hyper-V Manager or with the script from 'hvseed script'.\n"
            )
            continue
        destination = item.destination(plan.destination_path)
        if vm.replication_state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS:
            # an earlier run started the export (Ctrl+C, closed window): follow it, or find it
            # finished, by its folder; never start a second export
            err.write(f"{vm.name}: the export was started earlier; following it.\n")
            first = primary.export_progress(ref, destination)
        else:
            err.write(f"Exporting the initial copy of {vm.name} to {destination} ...\n")
            first = primary.start_export(ref, destination)
        try:
            final = follow_job(
                lambda ref=ref, d=destination, j=first.job_id: primary.export_progress(ref, d, j),
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
        folder = final.folder or destination.rstrip("\\") + f"\\{vm.name}_{vm.id}"
        out.write(f"{vm.name}: initial copy written to {folder}\n")
        _write_manifest(args, hosts, inventory, plan, vm, folder, out, err)
        folders.append(folder)
    if folders:
        _write_handover(args, hosts, primary, inventory, plan, folders, out, err)
    out.write(
        "Next: encrypt and ship the drive; deltas keep flowing over the network meanwhile. "
        "On the replica host run 'hvseed verify FOLDER', then 'hvseed import --vm NAME FOLDER'.\n"
    )
    return EXIT_OK


def _preflight(
    primary: HyperVHost, inventory: Inventory, plan: ReplicationPlan
) -> list[tuple[VirtualMachine, PlanVm]]:
    """Every VM of the plan, checked before anything changes: it exists, it can be enabled (or
    a previous run enabled it), and the drive takes all the copies still to be written."""
    vms: list[tuple[VirtualMachine, PlanVm]] = []
    for item in plan.vms:
        vm = inventory.vm(item.id)
        if vm is None:
            raise CliError(
                f"VM '{item.name}' ({item.id}) is not on {primary.display_name}. "
                "Check the plan's VM ID with 'hvseed vms'."
            )
        if vm.replication_state is ReplicationState.DISABLED:
            reason = vm.why_not_enableable()
            if reason:
                raise CliError(f"{vm.name}: {reason}")
        elif vm.replication_state not in (
            ReplicationState.READY_FOR_INITIAL_REPLICATION,
            ReplicationState.INITIAL_REPLICATION_IN_PROGRESS,
        ):
            raise CliError(
                f"{vm.name} is already replicating (state {vm.replication_state.value}); "
                "nothing to do."
            )
        vms.append((vm, item))
    if plan.initial_method is InitialReplicationMethod.EXTERNAL_MEDIA:
        to_write = [
            (vm, item)
            for vm, item in vms
            if vm.replication_state is not ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
        ]
        _check_drives(primary, inventory, to_write, plan.destination_path)
    return vms


def _check_drives(
    primary: HyperVHost,
    inventory: Inventory,
    vms: list[tuple[VirtualMachine, PlanVm]],
    plan_destination: str,
) -> None:
    """Refuse the run before anything changes when a drive cannot take its copies. Each VM goes
    to its own destination (or the plan's); VMs sharing a drive are judged against the space
    the VMs before them leave."""
    from hvseed_gui.core.fitness import assess_drive, space_margin

    volumes = primary.usb_volumes()
    free_left: dict[str, int] = {}
    existing_by_destination: dict[str, list] = {}
    for vm, item in vms:
        destination = item.destination(plan_destination)
        target = destination.rstrip("\\/").lower()
        volume = next(
            (v for v in volumes if target.startswith(v.mount_point.rstrip("\\/").lower())),
            None,
        )
        if volume is None:
            raise CliError(
                f"{destination} (for {vm.name}) is not on a USB drive attached to "
                f"{primary.display_name}. Plug the drive into the host that runs the VM, and "
                "check the path with 'hvseed volumes'."
            )
        if destination not in existing_by_destination:
            try:
                existing_by_destination[destination] = primary.export_folders(destination)
            except NotFound:  # the folder does not exist yet; start_export creates it
                existing_by_destination[destination] = []
        free = free_left.setdefault(volume.mount_point, volume.free_bytes)
        excluded = {p.lower() for p in item.excluded_vhd_paths}
        files: list[VhdFile] = []
        for vhd in vm.vhds:
            if vhd.path.lower() not in excluded:
                files.append(VhdFile(vhd.path, vhd.file_size))
                files.extend(vhd.parents)
        verdict = assess_drive(
            replace(volume, free_bytes=free),
            files,
            vm_storage_paths=[v.path for v in vm.vhds],
            system_drive=inventory.system_drive,
            existing_export_folders=existing_by_destination[destination],
            vm_folder_name=f"{vm.name}_{vm.id}",
        )
        if not verdict.ok:
            reasons = " ".join(f.message for f in verdict.errors)
            raise CliError(
                f"The drive {volume.display_name} cannot take the copy of {vm.name}: {reasons}"
            )
        free_left[volume.mount_point] = max(
            0, free - verdict.copy_bytes - space_margin(verdict.copy_bytes)
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
    """After an export: hash the files and write the manifest beside the VM's folder, where the
    drive is: in this process when this computer reaches it, else as a job on Host A."""
    from hvseed_gui.core.manifest import MAX_MANIFEST_BYTES, manifest_paths
    from hvseed_gui.hyperv.errors import CmdletError
    from hvseed_gui.hyperv.remote_verify import manifest_locations

    host_name = args.host or plan.primary_host
    if hosts.drive_is_remote(host_name):
        host = hosts.named(host_name)
        try:
            exists = host.read_text_file(manifest_locations(folder)[1], MAX_MANIFEST_BYTES)
        except CmdletError:
            exists = ""  # there, but not readable as text: kept all the same
        if exists is not None:  # an earlier run wrote it; never overwritten
            out.write(f"{vm.name}: the integrity manifest beside the folder is kept as it is.\n")
            return
        _hash_into_manifest(
            folder,
            vm.name,
            vm.id,
            inventory.host_name,
            plan.replica_server,
            out,
            err,
            host=host,
            poll=args.poll,
        )
        return
    try:
        local = hosts.local_path(host_name, folder)
    except CliError as exc:
        err.write(f"No integrity manifest written: {exc}\n")
        return
    if manifest_paths(local)[0].exists():  # an earlier run wrote it; never overwritten
        out.write(f"{vm.name}: the integrity manifest beside the folder is kept as it is.\n")
        return
    _hash_into_manifest(local, vm.name, vm.id, inventory.host_name, plan.replica_server, out, err)


def _hash_into_manifest(
    local: Path | str,
    vm_name: str,
    vm_id: str,
    source_host: str,
    replica_server: str,
    out: TextIO,
    err: TextIO,
    *,
    host: HyperVHost | None = None,
    poll: float = 1.0,
) -> None:
    """Hash and write the manifest: of ``local`` on this computer, or, with ``host``, of the
    folder ``local`` names on that host, hashed there (Ctrl+C cancels the host's job)."""
    from hvseed_gui.core.manifest import manifest_paths, write_manifest

    if host is not None:
        from hvseed_gui.hyperv.remote_manifest import write_manifest_on_host
        from hvseed_gui.hyperv.remote_verify import manifest_locations

        name, json_path, sums_path = manifest_locations(str(local))
        manifest = write_manifest_on_host(
            host,
            str(local),
            vm_name=vm_name,
            vm_id=vm_id,
            source_host=source_host,
            replica_server=replica_server,
            progress=ProgressPrinter(err, f"Hashing {vm_name} on {host.display_name}").callback,
            poll_interval=max(0.0, poll),
        )
        names = [p.replace("\\", "/").rsplit("/", 1)[-1] for p in (json_path, sums_path)]
        out.write(
            f"{vm_name}: integrity manifest of {len(manifest.files)} file(s) written beside the "
            f"folder on {host.display_name}: {names[0]}, {names[1]}\n"
        )
        return
    manifest = write_manifest(
        Path(local),
        vm_name=vm_name,
        vm_id=vm_id,
        source_host=source_host,
        replica_server=replica_server,
        progress=ProgressPrinter(err, f"Hashing {vm_name}").callback,
    )
    json_path, sums_path = manifest_paths(Path(local))
    out.write(
        f"{vm_name}: integrity manifest of {len(manifest.files)} file(s) written beside the "
        f"folder: {json_path.name}, {sums_path.name}\n"
    )


def cmd_manifest(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """Write the manifest of an export folder later (e.g. when hashing was cancelled)."""
    from hvseed_gui.core.media import parse_folder_name

    name = args.folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    parsed = parse_folder_name(name)
    if parsed is None:
        raise CliError(
            f"{args.folder} is not an export folder: its name must be <VMName>_<VMId>.",
            EXIT_USAGE,
        )
    vm_name, vm_id = parsed
    host = hosts.default()
    inventory = host.inventory()
    vm = inventory.vm(vm_id)
    replica_server = ""
    if vm is not None and vm.replication_state is not ReplicationState.DISABLED:
        replica_server = host.replication_status(vm.ref).replica_server
    if hosts.drive_is_remote(args.host or ""):  # hashed by a job on that host
        _hash_into_manifest(
            args.folder,
            vm_name,
            vm_id,
            inventory.host_name,
            replica_server,
            out,
            err,
            host=host,
            poll=args.poll,
        )
        return EXIT_OK
    local = hosts.local_path(args.host or "", args.folder)
    _hash_into_manifest(local, vm_name, vm_id, inventory.host_name, replica_server, out, err)
    return EXIT_OK


def _write_handover(
    args: argparse.Namespace,
    hosts: Hosts,
    primary: HyperVHost,
    inventory: Inventory,
    plan: ReplicationPlan,
    folders: list[str],
    out: TextIO,
    err: TextIO,
) -> None:
    """The handover report as text beside the folders (the PDF: 'hvseed report --pdf'); on a
    remote Host A the host writes it there (never over an earlier report of the day)."""
    from hvseed_gui.core.report import find_volume, write_handover_text

    host_name = args.host or plan.primary_host
    volume = find_volume(primary.usb_volumes(), folders[0])
    if hosts.drive_is_remote(host_name):
        from hvseed_gui.hyperv.remote_manifest import (
            build_report_on_host,
            folder_parent,
            write_report_on_host,
        )

        report = build_report_on_host(
            primary,
            folders,
            volume=volume,
            source_host=inventory.host_name,
            replica_server=plan.replica_server,
        )
        written = write_report_on_host(primary, report, folder_parent(folders[0]))
        name = written.replace("\\", "/").rsplit("/", 1)[-1]
        out.write(f"Handover report written beside the folders on {primary.display_name}: {name}\n")
    else:
        try:
            local = [hosts.local_path(host_name, f) for f in folders]
        except CliError as exc:
            err.write(f"No handover report written: {exc}\n")
            return
        report, path = write_handover_text(
            local,
            shown_as=folders,
            volume=volume,
            source_host=inventory.host_name,
            replica_server=plan.replica_server,
        )
        out.write(f"Handover report written beside the folders: {path.name}\n")
    for warning in report.warnings():
        err.write(f"Warning: {warning}\n")


def cmd_report(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    """The handover report of export folders on this computer (or the lab): text, or PDF."""
    from hvseed_gui.core.report import find_volume, report_from_folders

    host = hosts.default()
    local = [hosts.local_path(args.host or "", f) for f in args.folders]
    report = report_from_folders(
        local,
        volume=find_volume(host.usb_volumes(), args.folders[0]),
        shown_as=args.folders,
    )
    if args.pdf:
        from hvseed_gui.ui.report_pdf import write_report_pdf

        pages = write_report_pdf(report, args.pdf)
        out.write(f"Handover report written to {args.pdf} ({pages} page(s)).\n")
    else:
        out.write(report.to_text().rstrip("\n") + "\n")
    return EXIT_OK


def cmd_plan_transport(args: argparse.Namespace, out: TextIO) -> int:
    """Network or courier? From the copy size, the WAN bandwidth and the courier's days."""
    from hvseed_gui.core.transfer import GB, parse_size, plan_transport

    try:
        change = None if args.change_gb_per_day is None else args.change_gb_per_day * GB
        result = plan_transport(
            parse_size(args.size),
            args.wan_mbit,
            args.courier_days,
            change_bytes_per_day=change,
            vhd_total_bytes=parse_size(args.disk_size) if args.disk_size else None,
        )
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    out.write(result.to_text().rstrip("\n") + "\n")
    return EXIT_OK


def cmd_cancel_export(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    host = hosts.default()
    vm = find_vm(host.inventory(), args.vm, host.display_name)
    result = host.cancel_export(vm.ref)
    out.write(f"Export of {vm.name}: {result.state.value}.\n")
    return EXIT_OK

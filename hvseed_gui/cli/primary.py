"""Host A commands: plan, script, run (the export flow), manifest, report, cancel-export."""

from __future__ import annotations

import argparse
from typing import TextIO

from hvseed_gui.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ProgressPrinter,
    find_vm,
)
from hvseed_gui.cli.flow_printer import FlowPrinter
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.manifest import VerifyReport, short_fingerprint
from hvseed_gui.core.plan import MAX_PLAN_BYTES, PlanVm, ReplicationPlan
from hvseed_gui.core.strict_json import read_text_file
from hvseed_gui.flows.drive import ManifestOutcome, hash_into_manifest
from hvseed_gui.flows.events import Stopped
from hvseed_gui.flows.export_run import ExportResult, ExportRun, cancel_export
from hvseed_gui.hyperv.host import ExportHandle, ReplicationState


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
    primary = hosts.named(lab.primary)
    inventory = primary.inventory()
    volumes = sorted(primary.usb_volumes(), key=lambda v: v.free_bytes, reverse=True)
    candidates = [vm for vm in inventory.vms if not vm.why_not_enableable()]
    if not candidates or not volumes:
        raise CliError("The lab has no VM that can be enabled, or no USB drive on its primary.")
    vm = min(candidates, key=lambda v: v.initial_copy_size())
    return ReplicationPlan(
        primary_host=lab.primary,
        vms=(PlanVm(name=vm.name, id=vm.id),),
        replica_server=lab.replica,
        destination_path=volumes[0].mount_point.rstrip("\\") + "\\HyperV-Seed",
    )


def cmd_plan(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    if not args.example:
        raise CliError("Use 'hvseed plan --example' to print a plan to start from.", EXIT_USAGE)
    out.write(example_plan(hosts).to_json() + "\n")
    return EXIT_OK


def load_plan(path: str) -> ReplicationPlan:
    """Read and validate a plan file; a ``CliError`` (exit 2) naming the problem."""
    what = f"The plan {path}"
    try:
        text = read_text_file(path, what=what, max_bytes=MAX_PLAN_BYTES)
    except OSError as exc:
        raise CliError(f"Cannot read the plan {path}: {exc.strerror or exc}.", EXIT_USAGE) from None
    except ValueError as exc:  # too large, not UTF-8: the sentence names the file
        raise CliError(str(exc), EXIT_USAGE) from None
    try:
        plan = ReplicationPlan.from_json(text, what=what)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    problems = plan.validate()
    if problems:
        listing = "; ".join(p.message for p in problems)
        raise CliError(f"The plan {path} cannot be carried out: {listing}", EXIT_USAGE)
    return plan


def cmd_script(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    plan = load_plan(args.plan)
    out.write(hosts.default().plan_script(plan))
    return EXIT_OK


def cmd_run(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """The export flow: everything checked first, then enable, export, manifest, handover."""
    plan = load_plan(args.plan)
    primary = hosts.named(args.host or plan.primary_host)
    from hvseed_gui.language import words_for

    flow = ExportRun(
        primary,
        plan,
        emit=FlowPrinter(err),
        poll=args.poll,
        words=words_for(args.lang),
        verify_after_write=args.verify_after_write,
    )
    try:
        result = flow.run()
    except (Stopped, KeyboardInterrupt):
        err.write(
            f"\nStopped following the export; it goes on in Hyper-V. Run 'hvseed run "
            f"{args.plan}' again to follow it, or 'hvseed cancel-export VM' to stop it.\n"
        )
        return 130
    _print_result(result, plan, out, err)
    return EXIT_OK


def _print_read_back(name: str, report: VerifyReport, out: TextIO, err: TextIO) -> None:
    """What reading the copy back from the drive found (--verify-after-write)."""
    if report.ok:
        out.write(f"{name}: read back from the drive: all {len(report.files)} files match.\n")
        return
    err.write(
        f"{name}: read back from the drive: {len(report.findings)} of {len(report.files)} "
        "files do not match the manifest. The drive did not keep what was written: use "
        "another drive and export again.\n"
    )
    for finding in report.findings[:10]:
        err.write(f"  {finding.sentence()}\n")


def _print_result(result: ExportResult, plan: ReplicationPlan, out: TextIO, err: TextIO) -> None:
    if not result.outcomes:
        out.write(
            "Replication is enabled; start the initial replication over the network from "
            "Hyper-V Manager or with the script from 'hvseed script'.\n"
        )
        return
    for outcome in result.outcomes:
        name = outcome.target.vm.name
        out.write(f"{name}: initial copy written to {outcome.folder}\n")
        if outcome.manifest is not None:
            _print_manifest(name, outcome.manifest, out)
            if outcome.read_back is not None:
                _print_read_back(name, outcome.read_back, out, err)
        elif outcome.manifest_error:
            err.write(f"{name}: no integrity manifest written: {outcome.manifest_error}\n")
    if result.report is not None:
        where = f" on {result.report_where}" if result.report_where else ""
        out.write(f"Handover report written beside the folders{where}: {result.report_name}\n")
        for warning in result.report.warnings():
            err.write(f"Warning: {warning}\n")
    elif result.report_error:
        err.write(f"No handover report written: {result.report_error}\n")
    out.write(
        "Next: encrypt and ship the drive; deltas keep flowing over the network meanwhile. "
        "Pass the fingerprints on apart from the drive (mail, phone). On the replica host run "
        "'hvseed import --vm NAME --fingerprint F FOLDER': it verifies the copy, then imports.\n"
    )


def _print_manifest(name: str, manifest: ManifestOutcome, out: TextIO) -> None:
    where = f" on {manifest.where}" if manifest.where else ""
    if manifest.written:
        out.write(
            f"{name}: integrity manifest of {manifest.files} file(s) written beside the "
            f"folder{where}: {manifest.json_name}, {manifest.sums_name}\n"
        )
    else:
        out.write(f"{name}: the integrity manifest beside the folder is kept as it is.\n")
    if manifest.fingerprint:
        out.write(
            f"{name}: manifest fingerprint {short_fingerprint(manifest.fingerprint)} "
            f"(SHA-256 {manifest.fingerprint})\n"
        )


def cmd_manifest(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """Write the manifest of an export folder later (e.g. when hashing was cancelled)."""
    name = args.folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    parsed = parse_folder_name(name)
    if parsed is None:
        raise CliError(
            f"{args.folder} is not an export folder: its name must be <VMName>_<VMId>.",
            EXIT_USAGE,
        )
    vm_name, vm_id = parsed
    host = hosts.drive_host(args.folder)
    inventory = host.inventory(details=False)
    vm = inventory.vm(vm_id)
    replica_server = ""
    if vm is not None and vm.replication_state is not ReplicationState.DISABLED:
        replica_server = host.replication_status(vm.ref).replica_server
    where = "" if host.local_path(args.folder) is not None else f" on {host.display_name}"
    manifest = hash_into_manifest(
        host,
        args.folder,
        vm_name=vm_name,
        vm_id=vm_id,
        source_host=inventory.host_name,
        replica_server=replica_server,
        progress=ProgressPrinter(err, f"Hashing {vm_name}{where}").callback,
        cancel=None,
        poll=max(0.0, args.poll),
        keep_existing=False,
    )
    _print_manifest(vm_name, manifest, out)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    """The handover report of export folders where the drive is: text, or PDF."""
    from hvseed_gui.core.report import find_volume
    from hvseed_gui.flows.drive import report_where_the_drive_is
    from hvseed_gui.language import words_for

    words = words_for(args.lang)
    host = hosts.drive_host(args.folders[0])
    report, _ = report_where_the_drive_is(
        host,
        args.folders,
        volume=find_volume(host.usb_volumes(), args.folders[0]),
        write=False,
    )
    if args.pdf:
        from hvseed_gui.report_pdf import write_report_pdf

        pages = write_report_pdf(report, args.pdf, words=words)
        out.write(f"Handover report written to {args.pdf} ({pages} page(s)).\n")
    else:
        out.write(report.to_text(words).rstrip("\n") + "\n")
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
    vm = find_vm(host.inventory(details=False), args.vm, host.display_name)
    # a new process: no destination or job ID saved, the host finds the VM's running export
    result = cancel_export(host, ExportHandle(vm.ref, ""))
    out.write(f"Export of {vm.name}: {result.state.value}.\n")
    return EXIT_OK

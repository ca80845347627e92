"""Replica-side commands: verify, import (the import flow), and the lab's courier (move-drive)."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from hvseed_gui.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    ProgressPrinter,
    table,
)
from hvseed_gui.cli.flow_printer import FlowPrinter
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.import_gate import (
    CONSENTABLE,
    integrity_from_verify,
    integrity_row,
    normalize_fingerprint,
)
from hvseed_gui.core.manifest import short_fingerprint
from hvseed_gui.flows.drive import verify_where_the_drive_is
from hvseed_gui.flows.events import Stopped
from hvseed_gui.flows.import_all import ImportAll, Outcome
from hvseed_gui.flows.import_run import ImportRun, delta_note
from hvseed_gui.hyperv.host import (
    HyperVHost,
    ReplicationMode,
    ReplicationStatus,
    VirtualMachine,
)
from hvseed_gui.hyperv.host_errors import HyperVError
from hvseed_gui.hyperv.host_target import lab_drive_io


def _fingerprint_arg(args: argparse.Namespace) -> str:
    given = getattr(args, "fingerprint", None) or ""
    if not given:
        return ""
    try:
        return normalize_fingerprint(given)
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def cmd_verify(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """Check a folder against its manifest where the drive is (this process or the host)."""
    expected = _fingerprint_arg(args)
    host = hosts.drive_host(args.folder, "replica")
    name = args.folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    where = "" if host.local_path(args.folder) is not None else f" on {host.display_name}"
    report = verify_where_the_drive_is(
        host,
        args.folder,
        progress=ProgressPrinter(err, f"Verifying {name}{where}").callback,
        cancel=None,
        poll=max(0.0, args.poll),
    )
    out.write(report.to_text().rstrip("\n") + "\n")
    integrity = integrity_from_verify(
        report, name, fingerprint=report.fingerprint, expected_fingerprint=expected
    )
    if report.fingerprint:
        out.write(
            f"Manifest fingerprint: {short_fingerprint(report.fingerprint)} "
            f"(SHA-256 {report.fingerprint})\n"
        )
    if report.ok and not integrity.verified:
        out.write(f"{integrity.message}\n")
    return EXIT_OK if integrity.verified else EXIT_FAILED


def cmd_drive_io(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    """Lab only: the bytes read from and written to each drive, as JSON."""
    if not hosts.is_lab:
        raise CliError("drive-io is a lab command: it counts the lab's drives.", EXIT_USAGE)
    out.write(json.dumps(lab_drive_io(args.lab), indent=2) + "\n")
    return EXIT_OK


def cmd_move_drive(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    if not hosts.is_lab:
        raise CliError("move-drive is a lab command: ship a real drive by courier.", EXIT_USAGE)
    source = hosts.named(args.host or hosts.lab().primary)
    volume = source.move_drive(args.drive, args.to, args.letter)
    out.write(f"The drive {volume.display_name} is now attached to {args.to}.\n")
    return EXIT_OK


def _find_replica(hosts: Hosts, name: str) -> tuple[HyperVHost, VirtualMachine]:
    """The host that holds the replica VM ``name`` or ID (on the lab: any lab host)."""
    key = name.strip().strip("{}").lower()
    candidates = hosts.candidates()
    found = [
        (host, vm)
        for host in candidates
        for vm in host.inventory(details=False).vms
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
    """The import flow: gate, full verification, import, health. Nothing is imported before
    the copy verified, or the admin decided explicitly to go without (--without-manifest)."""
    if args.all:
        return _import_all(args, hosts, out, err)
    host, vm = _find_replica(hosts, args.vm)
    flow = ImportRun(
        host,
        vm.ref,
        args.folder,
        fingerprint=_fingerprint_arg(args),
        emit=FlowPrinter(err),
        poll=args.poll,
    )
    first = flow.check()
    if not first.check.can_import:
        out.write(first.check.to_text().rstrip("\n") + "\n")
        raise flow.refusal(first.check, first.replica)
    try:
        integrity = flow.verify()
    except KeyboardInterrupt:
        raise CliError("Verification stopped; nothing was imported.", 130) from None
    if not integrity.passes and args.without_manifest and integrity.state in CONSENTABLE:
        integrity = flow.decide_without_manifest()
    row = integrity_row(integrity)
    out.write(first.check.to_text().rstrip("\n") + "\n")
    out.write(f"{row.label}: {row.message}\n")
    if integrity.fingerprint:
        out.write(
            f"Manifest fingerprint: {short_fingerprint(integrity.fingerprint)} "
            f"(SHA-256 {integrity.fingerprint})\n"
        )
    if not integrity.passes:
        hint = (
            " To import without a full check, decide so explicitly: --without-manifest."
            if integrity.state in CONSENTABLE
            else ""
        )
        raise CliError(
            f"Import refused, nothing was changed: {integrity.message}{hint} The replica VM "
            f"{vm.name} is still waiting for its initial copy."
        )
    try:
        flow.import_copy()
    except (Stopped, KeyboardInterrupt):
        err.write(
            "\nStopped following the import; it goes on in Hyper-V. Run the same command again "
            "to follow it.\n"
        )
        return 130
    status = flow.follow_health(args.settle_timeout)
    _print_health(status, out)
    if integrity.consent:
        out.write(f"Imported without a full verification: {integrity.unchecked()}\n")
    _after_import_on_the_primary(args, hosts, flow, status, out, err)
    return EXIT_OK


def _after_import_on_the_primary(
    args: argparse.Namespace,
    hosts: Hosts,
    flow: ImportRun,
    status: ReplicationStatus,
    out: TextIO,
    err: TextIO,
) -> None:
    """Check the primary's side (the journey may have suspended it) and resume it when the
    admin asked to: --resume, or --resynchronize (the cost is said first)."""
    name = args.primary_host or status.primary_server
    if not name:
        return
    try:
        primary = hosts.named(name)
        verdict = flow.check_primary(primary)
    except HyperVError as exc:
        err.write(
            f"Could not read the primary {name}: {exc} Check its replication state there "
            "(Get-VMReplication) and resume it if it is Suspended or in Error.\n"
        )
        return
    out.write(f"{verdict.message}\n")
    if verdict.action == "resume" and (args.resume or args.resynchronize):
        after = flow.resume_primary(primary, resynchronize=False)
        out.write(f"Resumed: state {after.state.value}, health {after.health.value}\n")
    elif verdict.action == "resynchronize" and args.resynchronize:
        after = flow.resume_primary(primary, resynchronize=True)
        out.write(f"Resynchronization started: state {after.state.value}\n")


def _print_health(status: ReplicationStatus, out: TextIO) -> None:
    out.write(f"{status.vm.name}: state {status.state.value}, health {status.health.value}\n")
    for detail in status.health_details:
        out.write(f"  {detail}\n")
    out.write(f"  {delta_note(status)}\n")
    for delta in status.replica_delta_files:
        out.write(f"    {delta.path}\n")


_GATE_WORD = {Outcome.IMPORTED: "passed", Outcome.FAILED: "passed", Outcome.REFUSED: "refused"}


def _import_all(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    """Every folder under the path, each through its own gate; one table at the end; exit 1
    when any VM was refused or failed (after finishing the others)."""
    if getattr(args, "fingerprint", None):
        raise CliError(
            "--fingerprint names one manifest: use it with --vm, not with --all.", EXIT_USAGE
        )
    host = hosts.drive_host(args.folder, "replica")
    flow = ImportAll(host, args.folder, emit=FlowPrinter(err), poll=args.poll)
    items = flow.find()
    if not items:
        raise CliError(
            f"No export folder (<VMName>_<VMId>) was found under {args.folder} on "
            f"{host.display_name}, and no replica VM is waiting there."
        )
    try:
        flow.run(without_manifest=args.without_manifest, settle_timeout=args.settle_timeout)
    except KeyboardInterrupt:
        err.write("\nStopped; run the same command again to go on with the VMs not imported.\n")
        return 130
    rows = [
        (
            item.name,
            item.folder.path if item.folder else "-",
            _GATE_WORD.get(item.outcome, "-"),
            item.outcome.value,
        )
        for item in items
    ]
    table(rows, ("VM", "Folder", "Gate", "Result"), out)
    for item in items:
        if item.outcome is not Outcome.IMPORTED and item.message:
            out.write(f"{item.name}: {item.message}\n")
    failed = [i for i in items if i.outcome.is_error]
    return EXIT_FAILED if failed else EXIT_OK

"""``hvseed``: the wizard's operations without Qt, for scripting and for support.

Every failure ends with one sentence on stderr saying what happened and what to do, and a
non-zero exit code; a traceback only with ``--debug``. Passwords come from an environment
variable and are never printed.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from hvseed_gui import __version__
from hvseed_gui.core.media import FolderListing
from hvseed_gui.core.plan import InitialReplicationMethod, PlanVm, ReplicationPlan
from hvseed_gui.core.progress import RateTracker
from hvseed_gui.core.units import format_bytes, format_duration, format_rate
from hvseed_gui.hyperv.connect import HostKind, HostTarget, open_host
from hvseed_gui.hyperv.errors import HyperVError, NotFound
from hvseed_gui.hyperv.host import (
    HyperVHost,
    Inventory,
    JobProgress,
    JobState,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    VhdFile,
    VirtualMachine,
    VmRef,
)

EXIT_OK = 0
EXIT_FAILED = 1  # the operation ran and failed, or a check refused it
EXIT_USAGE = 2  # bad arguments or plan


class CliError(Exception):
    """A failure already phrased for the admin."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --- host selection -----------------------------------------------------------------------------


class Hosts:
    """Turns the global options into hosts: the lab's, this computer's, or one over WinRM."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._lab: Any = None

    @property
    def is_lab(self) -> bool:
        return bool(self.args.lab)

    def lab(self) -> Any:
        if self._lab is None:
            from hvseed_gui.hyperv.lab import Lab

            self._lab = Lab.open(Path(self.args.lab))
        return self._lab

    def _password(self) -> str:
        var = self.args.password_env
        if not var:
            return ""
        value = os.environ.get(var)
        if value is None:
            raise CliError(f"The environment variable {var} (--password-env) is not set.", 2)
        return value

    def target(self, host: str) -> HostTarget:
        """A WinRM target for ``host`` with the global connection options."""
        return HostTarget(
            kind=HostKind.WINRM,
            host=host,
            transport=self.args.transport,
            username=self.args.user or "",
            password=self._password(),
            port=self.args.port,
            use_https=not self.args.http,
            validate_certificate=not self.args.skip_certificate_check,
            timeout=self.args.timeout,
        )

    def named(self, name: str) -> HyperVHost:
        """The host called ``name``: a lab host, this computer, or a remote host over WinRM."""
        if self.is_lab:
            return self.lab().host(name)
        if _is_this_computer(name):
            return open_host(HostTarget(kind=HostKind.LOCAL, timeout=self.args.timeout))
        return open_host(self.target(name))

    def default(self, lab_role: str = "primary") -> HyperVHost:
        """``--host`` if given; else the lab's primary (or replica); else this computer."""
        if self.args.host:
            return self.named(self.args.host)
        if self.is_lab:
            lab = self.lab()
            return lab.host(lab.replica_name if lab_role == "replica" else lab.primary_name)
        return open_host(HostTarget(kind=HostKind.LOCAL, timeout=self.args.timeout))

    def candidates(self) -> list[HyperVHost]:
        """Hosts to search for a VM: ``--host`` or this computer; on the lab every lab host."""
        if self.args.host or not self.is_lab:
            return [self.default()]
        lab = self.lab()
        return [lab.host(name) for name in lab.host_names]

    def local_path(self, host_name: str, folder: str) -> Path:
        """``folder`` on the host ``host_name`` as a path on this computer, for hashing where
        the drive is."""
        if self.is_lab:
            if Path(folder).is_absolute() and Path(folder).exists():
                return Path(folder)
            return self.lab().real_path(host_name, folder)
        if self.args.host and not _is_this_computer(self.args.host):
            raise CliError(
                "The drive is attached to a remote host; hashing runs where the drive is, and "
                "hashing on a remote host is not supported yet. Run hvseed on that host."
            )
        return Path(folder)


def _is_this_computer(name: str) -> bool:
    short = name.strip().lower().split(".")[0]
    return short in ("", "localhost", ".", socket.gethostname().lower().split(".")[0])


# --- output helpers -----------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _print_json(value: Any, out: TextIO) -> None:
    json.dump(_jsonable(value), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out.write(line.rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in rows:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() + "\n")


# --- commands -----------------------------------------------------------------------------------


def cmd_vms(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    host = hosts.default()
    inventory = host.inventory()
    if args.json:
        _print_json(inventory, out)
        return EXIT_OK
    out.write(f"{inventory.host_name} ({inventory.os_version}, build {inventory.os_build})\n\n")
    rows = [
        [
            vm.name,
            vm.id,
            vm.state,
            str(vm.generation),
            format_bytes(vm.initial_copy_size()),
            vm.replication_state.value,
            vm.why_not_enableable() or "can be enabled",
        ]
        for vm in inventory.vms
    ]
    _table(rows, ["Name", "ID", "State", "Gen", "Disks", "Replication", "Enable?"], out)
    return EXIT_OK


def cmd_status(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    results = []
    for host in hosts.candidates():  # on the lab: wherever the VM lives, primary and replica
        vm = host.inventory().vm(args.vm)
        if vm is not None:
            results.append((host, host.replication_status(vm.ref)))
    if not results:
        raise CliError(f"No VM called '{args.vm}' was found. List the VMs with 'hvseed vms'.")
    if args.json:
        _print_json([status for _, status in results], out)
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
        _print_json(volumes, out)
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
    _table(rows, ["Volume", "Label", "FS", "Free", "Size", "BitLocker", "Serial"], out)
    return EXIT_OK


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


class ProgressPrinter:
    """Writes job progress to stderr: one rewritten line on a terminal, else a line per step."""

    def __init__(self, err: TextIO, label: str) -> None:
        self.err = err
        self.label = label
        self.tracker = RateTracker()
        self.tty = err.isatty()
        self._last_percent = -10.0
        self._ended = False

    def callback(self, done: int, total: int) -> None:
        """Progress callback for hashing (may be called from worker threads, one at a time)."""
        state = JobState.COMPLETED if done >= total else JobState.RUNNING
        self.show(JobProgress(VmRef("", ""), "hash", state, bytes_done=done, bytes_total=total))

    def show(self, progress: JobProgress) -> None:
        if self._ended:
            return
        self._ended = progress.state.finished
        done = progress.bytes_done or 0
        total = progress.bytes_total
        est = self.tracker.add(time.monotonic(), done, total)
        fraction = progress.fraction
        percent = 100.0 * fraction if fraction is not None else 0.0
        parts = [f"{self.label}: {format_bytes(done)}"]
        if total:
            parts[0] += f" of {format_bytes(total)} ({percent:.0f}%)"
        if est.bytes_per_sec:
            parts.append(format_rate(est.bytes_per_sec))
        if est.eta_seconds is not None and not progress.state.finished:
            parts.append(f"about {format_duration(est.eta_seconds)} left")
        line = ", ".join(parts)
        if self.tty:
            self.err.write("\r" + line.ljust(79))
            if progress.state.finished:
                self.err.write("\n")
        elif percent - self._last_percent >= 10 or progress.state.finished:
            self._last_percent = percent
            self.err.write(line + "\n")
        self.err.flush()


def follow_job(
    poll: Callable[[], JobProgress],
    first: JobProgress,
    printer: ProgressPrinter,
    interval: float,
    deadline: float | None = None,
) -> JobProgress:
    """Poll a Hyper-V job until it ends; the job itself lives on in Hyper-V if we stop."""
    progress = first
    printer.show(progress)
    while not progress.state.finished:
        if deadline is not None and time.monotonic() > deadline:
            raise CliError("The job did not finish in time; it goes on in Hyper-V.")
        time.sleep(interval)
        progress = poll()
        printer.show(progress)
    return progress


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


def cmd_verify(args: argparse.Namespace, hosts: Hosts, out: TextIO, err: TextIO) -> int:
    from hvseed_gui.core.manifest import verify_manifest

    host_name = args.host or (hosts.lab().replica_name if hosts.is_lab else "")
    folder = hosts.local_path(host_name, args.folder)
    printer = ProgressPrinter(err, f"Verifying {folder.name}")
    report = verify_manifest(folder, progress=printer.callback)
    out.write(report.to_text().rstrip("\n") + "\n")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_move_drive(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    if not hosts.is_lab:
        raise CliError("move-drive is a lab command: ship a real drive by courier.", EXIT_USAGE)
    lab = hosts.lab()
    source = args.host or lab.primary_name
    volume = lab.move_drive(source, args.drive, args.to, args.letter)
    out.write(f"The drive {volume.display_name} is now attached to {args.to}.\n")
    return EXIT_OK


def cmd_cancel_export(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    host = hosts.default()
    vm = host.inventory().vm(args.vm)
    if vm is None:
        raise CliError(f"No VM called '{args.vm}' on {host.display_name}.")
    result = host.cancel_export(vm.ref)
    out.write(f"Export of {vm.name}: {result.state.value}.\n")
    return EXIT_OK


def _read_folder(hosts: Hosts, folder: str) -> FolderListing:
    """The listing of ``folder`` on ``--host``; on the lab, on whichever host has that path."""
    candidates = hosts.candidates()
    for host in candidates[:-1]:
        try:
            return host.read_export_folder(folder)
        except NotFound:
            continue
    return candidates[-1].read_export_folder(folder)


def cmd_inspect(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    from hvseed_gui.core.media import inspect_folder

    report = inspect_folder(_read_folder(hosts, args.folder))
    if args.json:
        _print_json(report, out)
    else:
        out.write(report.to_text().rstrip("\n") + "\n")
    return EXIT_OK if report.ok else EXIT_FAILED


def _find_replica(hosts: Hosts, name: str) -> tuple[HyperVHost, Any]:
    """The host that holds the replica VM ``name`` (on the lab: any lab host)."""
    candidates = hosts.candidates()
    for host in candidates:
        for vm in host.inventory().vms:
            if (name.lower() in (vm.name.lower(), vm.id.lower())) and vm.replication_mode in (
                ReplicationMode.REPLICA,
                ReplicationMode.EXTENDED_REPLICA,
            ):
                return host, vm
    where = candidates[0].display_name if len(candidates) == 1 else "any lab host"
    raise CliError(
        f"No replica VM called '{name}' was found on {where}. Enable replication on the primary "
        "first (hvseed run), and name the replica host with --host."
    )


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


# --- argument parsing ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hvseed",
        description="Seed Hyper-V Replica through an external drive (hvseed-gui's command line).",
    )
    parser.add_argument("--version", action="version", version=f"hvseed {__version__}")
    where = parser.add_argument_group("which host")
    where.add_argument("--lab", metavar="DIR", help="use the simulated lab kept in DIR")
    where.add_argument("--host", metavar="NAME|URL", help="Hyper-V host (WinRM, or a lab host)")
    where.add_argument(
        "--transport",
        choices=["kerberos", "ntlm", "credssp", "certificate"],
        default="kerberos",
        help="WinRM authentication (default: kerberos, the logged-on user's ticket)",
    )
    where.add_argument("--user", metavar="U", help="WinRM user (DOMAIN\\user or user@domain)")
    where.add_argument(
        "--password-env", metavar="VAR", help="read the WinRM password from environment variable"
    )
    where.add_argument("--port", type=int, metavar="N", help="WinRM port (default 5986, or 5985)")
    where.add_argument(
        "--http",
        action="store_true",
        help="WinRM over HTTP (5985) with message encryption instead of HTTPS",
    )
    where.add_argument(
        "--skip-certificate-check",
        action="store_true",
        help="do not validate the host's HTTPS certificate (not recommended)",
    )
    where.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--poll", type=float, default=2.0, help=argparse.SUPPRESS)
    parser.add_argument("--settle-timeout", type=float, default=120.0, help=argparse.SUPPRESS)

    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("vms", help="list the VMs of a host")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("status", help="replication state and health of a VM")
    p.add_argument("vm")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("volumes", help="USB volumes attached to a host")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("plan", help="print a plan to start from")
    p.add_argument("--example", action="store_true", help="a complete example plan")
    p = sub.add_parser("script", help="print the PowerShell that carries a plan out on Host A")
    p.add_argument("plan", metavar="PLAN.json")
    p = sub.add_parser("run", help="enable replication and export the initial copy")
    p.add_argument("plan", metavar="PLAN.json")
    p = sub.add_parser("cancel-export", help="stop a running export (Stop-VMInitialReplication)")
    p.add_argument("vm")
    p = sub.add_parser("inspect", help="what an export folder holds")
    p.add_argument("folder")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("verify", help="check the files of an export folder against its manifest")
    p.add_argument("folder")
    p = sub.add_parser("move-drive", help="lab only: unplug a drive and plug it into another host")
    p.add_argument("drive", help="drive letter on the source host (--host, default the primary)")
    p.add_argument("--to", required=True, help="lab host that receives the drive")
    p.add_argument("--letter", help="drive letter on the receiving host")
    p = sub.add_parser("import", help="check an export folder, then import it on the replica")
    p.add_argument("--vm", required=True, help="name of the replica VM")
    p.add_argument("folder")
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse ``argv``, run the command, and turn every failure into one sentence."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code or 0)
    hosts = Hosts(args)
    commands: dict[str, Callable[[], int]] = {
        "vms": lambda: cmd_vms(args, hosts, out),
        "status": lambda: cmd_status(args, hosts, out),
        "volumes": lambda: cmd_volumes(args, hosts, out),
        "plan": lambda: cmd_plan(args, hosts, out),
        "script": lambda: cmd_script(args, hosts, out),
        "run": lambda: cmd_run(args, hosts, out, err),
        "cancel-export": lambda: cmd_cancel_export(args, hosts, out),
        "inspect": lambda: cmd_inspect(args, hosts, out),
        "import": lambda: cmd_import(args, hosts, out, err),
        "verify": lambda: cmd_verify(args, hosts, out, err),
        "move-drive": lambda: cmd_move_drive(args, hosts, out),
    }
    try:
        return commands[args.command]()
    except CliError as exc:
        err.write(f"hvseed: {exc}\n")
        return exc.exit_code
    except HyperVError as exc:
        err.write(f"hvseed: {exc}\n")
        if args.debug and exc.detail:
            err.write(f"detail: {exc.detail}\n")
        if args.debug:
            raise
        return EXIT_FAILED
    except KeyboardInterrupt:
        err.write("hvseed: interrupted.\n")
        return 130
    except OSError as exc:
        err.write(f"hvseed: {exc.strerror or exc}: {exc.filename or ''}\n".replace(": \n", "\n"))
        if args.debug:
            raise
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the last net: one sentence, never a traceback
        if args.debug:
            raise
        err.write(
            f"hvseed: unexpected internal error ({type(exc).__name__}). "
            "Run again with --debug and report the output.\n"
        )
        return EXIT_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # VM names with umlauts
        sys.stderr.reconfigure(encoding="utf-8", errors="replace")
    return run(sys.argv[1:] if argv is None else argv, sys.stdout, sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())

"""``hvseed``: the wizard's operations without Qt, for scripting and for support.

Every failure ends with one sentence on stderr saying what happened and what to do, and a
non-zero exit code; a traceback only with ``--debug``. Passwords come from an environment
variable and are never printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from hvseed_gui import __version__
from hvseed_gui.cli import doctor, primary, query, replica
from hvseed_gui.cli.common import EXIT_FAILED, EXIT_USAGE, CliError, VisibleStream
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.said import LANGUAGES
from hvseed_gui.errors import HvseedError


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
    where.add_argument(
        "--port", type=int, metavar="N", help="WinRM port (default 5985, or 5986 with --https)"
    )
    scheme = where.add_mutually_exclusive_group()
    scheme.add_argument(
        "--https",
        action="store_true",
        help="WinRM over HTTPS (5986), validating the host's certificate: for hosts outside "
        "the domain",
    )
    scheme.add_argument(
        "--http",
        action="store_true",
        help="WinRM over HTTP (5985) with Kerberos/NTLM message encryption (the default, as "
        "PowerShell remoting does)",
    )
    where.add_argument(
        "--skip-certificate-check",
        action="store_true",
        help="do not validate the host's HTTPS certificate (not recommended)",
    )
    where.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="how long to wait for each answer of a remote host (default 120)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("--poll", type=float, default=2.0, help=argparse.SUPPRESS)
    parser.add_argument("--settle-timeout", type=float, default=120.0, help=argparse.SUPPRESS)

    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("vms", help="list the VMs of a host")
    p.add_argument("--json", action="store_true")
    p.add_argument("--sizes", action="store_true", help="read every disk's size (Get-VHD)")
    p.add_argument("--filter", metavar="TEXT", help="only VMs whose name or ID contains TEXT")
    p = sub.add_parser("status", help="replication state and health of a VM")
    p.add_argument("vm", help="name or ID of the VM")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("volumes", help="USB volumes attached to a host")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("plan", help="print a plan to start from")
    p.add_argument("--example", action="store_true", help="a complete example plan")
    p = sub.add_parser("script", help="print the PowerShell that carries a plan out on Host A")
    p.add_argument("plan", metavar="PLAN.json", help="the plan (hvseed plan --example shows one)")
    p = sub.add_parser("run", help="enable replication and export the initial copy")
    p.add_argument("plan", metavar="PLAN.json", help="the plan (hvseed plan --example shows one)")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of the handover report written beside the folders (default: en)",
    )
    p.add_argument(
        "--verify-after-write",
        action="store_true",
        help="read the copy back from the drive against its manifest once written "
        "(one more pass over the drive; proves the drive kept every byte)",
    )
    p = sub.add_parser("plan-transport", help="network or courier? time and resync risk")
    p.add_argument("--size", required=True, help="initial copy size, e.g. 1TB, 500GB, 70GiB")
    p.add_argument("--wan-mbit", type=float, required=True, help="WAN bandwidth in Mbit/s")
    p.add_argument("--courier-days", type=float, default=2.0, help="days the drive travels")
    p.add_argument("--change-gb-per-day", type=float, help="how much the VM changes per day")
    p.add_argument("--disk-size", help="total VHD size, for the resync risk (default: --size)")
    p = sub.add_parser("manifest", help="hash an export folder and write its manifest beside it")
    p.add_argument(
        "folder", help="the VM's export folder on Host A, e.g. E:\\HyperV-Seed\\<VMName>_<VMId>"
    )
    p = sub.add_parser("report", help="handover report of export folders (text, or --pdf)")
    p.add_argument(
        "folders", nargs="+", metavar="FOLDER", help="export folders on Host A, one or more"
    )
    p.add_argument("--pdf", metavar="OUT.pdf", help="write a PDF instead of printing text")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of the report (default: en): the reader's, on the replica side",
    )
    p = sub.add_parser("cancel-export", help="stop a running export (Stop-VMInitialReplication)")
    p.add_argument("vm", help="name or ID of the VM")
    p = sub.add_parser("inspect", help="what an export folder holds")
    p.add_argument("folder", help="the VM's export folder, e.g. E:\\HyperV-Seed\\<VMName>_<VMId>")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("verify", help="check the files of an export folder against its manifest")
    p.add_argument("folder", help="the VM's export folder, e.g. E:\\HyperV-Seed\\<VMName>_<VMId>")
    p.add_argument(
        "--fingerprint",
        metavar="HEX",
        help="the manifest's fingerprint the sender passed on (first 16 hex digits or all 64)",
    )
    sub.add_parser("drive-io", help="lab only: bytes read from and written to each drive (JSON)")
    p = sub.add_parser("move-drive", help="lab only: unplug a drive and plug it into another host")
    p.add_argument("drive", help="drive letter on the source host (--host, default the primary)")
    p.add_argument("--to", required=True, help="lab host that receives the drive")
    p.add_argument("--letter", help="drive letter on the receiving host")
    p = sub.add_parser("import", help="check an export folder, then import it on the replica")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--vm", help="name or ID of the replica VM (FOLDER is its folder)")
    which.add_argument(
        "--all",
        action="store_true",
        help="every export folder under FOLDER (a drive or a folder on it), each into the "
        "replica VM with its VM ID",
    )
    p.add_argument(
        "--fingerprint",
        metavar="HEX",
        help="the manifest's fingerprint the sender passed on (first 16 hex digits or all 64)",
    )
    p.add_argument(
        "--primary-host",
        metavar="NAME",
        help="Host A, to check its side after the import (default: the primary the replica names)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="if replication on Host A is Suspended or in Error after the journey, resume it",
    )
    p.add_argument(
        "--resynchronize",
        action="store_true",
        help="if Host A waits for a resynchronization, start it (compares the whole VM on both "
        "hosts: hours for a large VM, every difference over the network)",
    )
    p.add_argument(
        "--without-manifest",
        action="store_true",
        help="import even though the copy has no manifest (or an incomplete one, or the check "
        "was stopped): an explicit decision, said in the output",
    )
    p.add_argument(
        "folder",
        help="the VM's export folder, e.g. E:\\HyperV-Seed\\<VMName>_<VMId> (with --all: "
        "where to look, e.g. E:\\HyperV-Seed)",
    )
    doctor.add_parsers(sub)
    return parser


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Parse ``argv``, run the command, and turn every failure into one sentence."""
    out, err = VisibleStream(out), VisibleStream(err)  # nothing raw from a host reaches the tty
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed its message
        return int(exc.code or 0)
    hosts = Hosts(args)
    commands: dict[str, Callable[[], int]] = {
        "vms": lambda: query.cmd_vms(args, hosts, out),
        "status": lambda: query.cmd_status(args, hosts, out),
        "volumes": lambda: query.cmd_volumes(args, hosts, out),
        "plan": lambda: primary.cmd_plan(args, hosts, out),
        "script": lambda: primary.cmd_script(args, hosts, out),
        "run": lambda: primary.cmd_run(args, hosts, out, err),
        "plan-transport": lambda: primary.cmd_plan_transport(args, out),
        "report": lambda: primary.cmd_report(args, hosts, out),
        "manifest": lambda: primary.cmd_manifest(args, hosts, out, err),
        "cancel-export": lambda: primary.cmd_cancel_export(args, hosts, out),
        "inspect": lambda: query.cmd_inspect(args, hosts, out),
        "import": lambda: replica.cmd_import(args, hosts, out, err),
        "verify": lambda: replica.cmd_verify(args, hosts, out, err),
        "move-drive": lambda: replica.cmd_move_drive(args, hosts, out),
        "drive-io": lambda: replica.cmd_drive_io(args, hosts, out),
        "doctor": lambda: doctor.cmd_doctor(args, hosts, out),
        "scripts": lambda: doctor.cmd_scripts(args, out),
    }
    try:
        return commands[args.command]()
    except CliError as exc:
        err.write(f"hvseed: {exc}\n")
        return exc.exit_code
    except HvseedError as exc:
        err.write(f"hvseed: {exc}\n")
        if args.debug and exc.detail:
            err.write(f"detail: {exc.detail}\n")
        if args.debug:
            raise
        return EXIT_FAILED
    except KeyboardInterrupt:
        err.write("hvseed: interrupted.\n")
        return 130
    except UnicodeDecodeError as exc:  # a file read as text that is not UTF-8
        err.write(
            f"hvseed: a file given is not UTF-8 text (byte {exc.start + 1} cannot be read); "
            "save it as UTF-8.\n"
        )
        return EXIT_USAGE
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else " (the system did not say which file)"
        err.write(f"hvseed: {exc.strerror or exc}{where}.\n")
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

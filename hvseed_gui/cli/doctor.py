"""``hvseed doctor`` (read-only readiness of both hosts) and ``hvseed scripts`` (the catalogue).

``doctor`` asks each host ONE read-only operation (``readiness``; with ``--plan`` also Host
A's inventory for the VMs' sizes) and prints the table ``core.readiness`` builds. ``--bundle``
writes a zip with the raw JSON each read-only script returned, the versions and the table:
the first real-host run gives fixtures the parser tests replay. Host names are kept; no
password or other secret is ever in it (the scripts read none).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from hvseed_gui import __version__
from hvseed_gui.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError
from hvseed_gui.cli.hosts import Hosts
from hvseed_gui.core.plan import AuthenticationType, ReplicationPlan
from hvseed_gui.core.readiness import Status, format_table, overall, readiness_table

BUNDLE_FORMAT = 1


def add_parsers(sub: Any) -> None:
    """Register ``doctor`` and ``scripts`` on the main parser's subcommands."""
    p = sub.add_parser("doctor", help="read-only readiness checks of both hosts, one table")
    p.add_argument("--host", dest="doctor_host", metavar="A", help="Host A (the primary)")
    p.add_argument("--replica", required=True, metavar="B", help="Host B (the Replica server)")
    p.add_argument("--plan", metavar="PLAN.json", help="check the replica's space for its VMs")
    p.add_argument("--bundle", metavar="FILE.zip", help="also write the raw answers as a zip")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p = sub.add_parser("scripts", help="write every script hvseed can send, for review")
    p.add_argument("directory", metavar="DIR", help="folder that receives the .ps1 files")


def _load_plan(path: str) -> ReplicationPlan:
    try:
        return ReplicationPlan.from_json(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CliError(f"Cannot read the plan {path}: {exc.strerror or exc}.", EXIT_USAGE) from None
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_USAGE) from None


def _read(host: Any) -> tuple[Any, float]:
    """The host's readiness and its clock's offset from ours (seconds, at the call's middle)."""
    before = time.time()
    facts = host.readiness()
    middle = (before + time.time()) / 2
    offset = facts.clock_utc.timestamp() - middle if facts.clock_utc else float("nan")
    return facts, offset


def _raw(host: Any, facts: Any, operation: str = "readiness") -> dict[str, Any]:
    """What the host's script returned, as it came; the lab's facts in the same shape."""
    raw = getattr(host, "raw_results", {}).get(operation)
    if raw is not None:
        return raw
    from hvseed_gui.hyperv.ps_host import readiness_document  # the same shape, for the lab

    return {"ok": True, "data": readiness_document(facts), "source": "lab"}


def cmd_doctor(args: argparse.Namespace, hosts: Hosts, out: TextIO) -> int:
    name_a = args.doctor_host or args.host
    if not name_a and hosts.is_lab:
        name_a = hosts.lab().primary_name
    if not name_a:
        raise CliError("Name Host A with --host (the primary).", EXIT_USAGE)
    host_a, host_b = hosts.named(name_a), hosts.named(args.replica)
    plan = _load_plan(args.plan) if args.plan else None
    facts_a, offset_a = _read(host_a)
    facts_b, offset_b = _read(host_b)
    sizes = None
    if plan is not None:
        inventory = host_a.inventory()
        sizes = {}
        for plan_vm in plan.vms:
            vm = inventory.vm(plan_vm.id) or inventory.vm(plan_vm.name)
            if vm is None:
                raise CliError(f"{plan_vm.name} is not on {facts_a.host_name}.", EXIT_FAILED)
            sizes[vm.name] = vm.initial_copy_size(plan_vm.excluded_vhd_paths)
    offsets = None
    if offset_a == offset_a and offset_b == offset_b:  # not NaN: both clocks were read
        offsets = (offset_a, offset_b)
    auth = plan.authentication if plan is not None else AuthenticationType.KERBEROS
    https = bool(getattr(args, "https", False))
    rows = readiness_table(
        facts_a, facts_b, auth=auth, clock_offsets=offsets, plan_sizes=sizes, https=https
    )
    verdict = overall(rows)
    if args.json:
        out.write(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(format_table(rows) + "\n")
        out.write(f"\nOverall: {verdict.value}\n")
    if args.bundle:
        documents = {
            f"readiness-{facts_a.host_name}.json": _raw(host_a, facts_a),
            f"readiness-{facts_b.host_name}.json": _raw(host_b, facts_b),
        }
        if plan is not None:
            raw_inventory = getattr(host_a, "raw_results", {}).get("inventory")
            if raw_inventory is not None:
                documents[f"inventory-{facts_a.host_name}.json"] = raw_inventory
        versions = {
            "bundle_format": BUNDLE_FORMAT,
            "hvseed": __version__,
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "written": datetime.now(timezone.utc).isoformat(),
            "hosts": {
                f.host_name: {"powershell": f.powershell_version, "os": f.os_caption}
                for f in (facts_a, facts_b)
            },
        }
        table = {"overall": verdict.value, "rows": [r.as_dict() for r in rows]}
        write_bundle(Path(args.bundle), documents, versions, table, format_table(rows))
        out.write(f"Bundle written: {args.bundle}\n")
    return EXIT_OK if verdict is not Status.FAIL else EXIT_FAILED


def write_bundle(
    path: Path,
    documents: dict[str, dict[str, Any]],
    versions: dict[str, Any],
    table: dict[str, Any],
    text: str,
) -> None:
    """The zip, whole or not at all (temporary file, then rename); never replaces a file."""
    if path.exists():
        raise CliError(f"{path} exists already; choose another file name.", EXIT_USAGE)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=".hvseed-bundle-", suffix=".zip", dir=folder)
    os.close(fd)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for name, document in documents.items():
                safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
                bundle.writestr(f"raw/{safe}", json.dumps(document, ensure_ascii=False))
            bundle.writestr("versions.json", json.dumps(versions, indent=2, ensure_ascii=False))
            bundle.writestr("table.json", json.dumps(table, indent=2, ensure_ascii=False))
            bundle.writestr("table.txt", text + "\n")
        if path.exists():
            raise CliError(f"{path} appeared meanwhile; nothing was replaced.", EXIT_USAGE)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def cmd_scripts(args: argparse.Namespace, out: TextIO) -> int:
    """One .ps1 per operation in DIR (created if needed); refuses to replace a file."""
    from hvseed_gui.hyperv.catalogue import catalogue

    directory = Path(args.directory)
    entries = catalogue()
    targets = [directory / f"{entry.name}.ps1" for entry in entries]
    existing = [str(t) for t in targets if t.exists()]
    if existing:
        raise CliError(
            f"{directory} already holds {existing[0]}; hvseed never replaces a file. Choose an "
            "empty folder.",
            EXIT_USAGE,
        )
    directory.mkdir(parents=True, exist_ok=True)
    for entry, target in zip(entries, targets, strict=True):
        fd, temp = tempfile.mkstemp(prefix=".hvseed-", suffix=".ps1", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="\r\n") as handle:
            handle.write(entry.text())
        os.replace(temp, target)
    changing = sum(1 for e in entries if not e.reads_only)
    out.write(
        f"{len(entries)} scripts written to {directory} ({len(entries) - changing} only read, "
        f"{changing} change something; each says which in its first lines).\n"
    )
    return EXIT_OK

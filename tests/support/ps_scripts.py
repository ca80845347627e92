"""Rendered PowerShell read with tree-sitter: parse errors, cmdlet parameters, hostile renders."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter_powershell
from tree_sitter import Language, Node, Parser

from hvseed_gui.core.plan import (
    AuthenticationType,
    InitialReplicationMethod,
    PlanVm,
    ReplicationPlan,
)
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    AuthorizationEntry,
    ReplicaServerChange,
    VmRef,
)
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


PARSER = Parser(Language(tree_sitter_powershell.language()))


HOSTILE = [
    "a'; Remove-Item C:\\ -Recurse #",
    "$(Stop-Computer)",
    "back`tick",
    "\u2018typo\u2019 \u201cquotes\u201d",
    "Zeile1\nZeile2",
    "Prüfserver",
]


VM_ID = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"


JOB_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _plain(text: str) -> str:
    """``text`` as a file name: the characters Windows refuses in a name become ``_``."""
    return "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text)


def _hostile_renders(text: str) -> list[ps.Script | tuple[str, str]]:
    vm = VmRef(text, VM_ID)
    plan = ReplicationPlan(
        primary_host=text,
        vms=(PlanVm(text, VM_ID, (f"C:\\VMs\\{text}.vhdx",)),),
        replica_server=text,
        replica_port=443,
        authentication=AuthenticationType.CERTIFICATE,
        certificate_thumbprint=text,
        destination_path=f"E:\\{text}",
        notes={"why": text},
    )
    change = ReplicaServerChange(
        allowed_authentication="CertificateAndKerberos",
        certificate_thumbprint=text,
        default_storage_location=f"D:\\{text}",
        enable_firewall_rules=(FIREWALL_RULE_HTTP, FIREWALL_RULE_HTTPS),
    )
    network_plan = plan.with_changes(initial_method=InitialReplicationMethod.EXISTING_VM)
    return [
        ps.render_inventory(),
        ps.render_inventory(details=False),
        ps.render_vm_disks([VM_ID, text]),
        ps.render_readiness(),
        ps.render_replica_server_config(),
        ps.render_configure_replica_server(change),
        ps.render_configure_replica_server(
            ReplicaServerChange.only(
                add_authorization_entry=AuthorizationEntry(text, f"D:\\{text}", text)
            )
        ),
        ps.render_machine_certificates(),
        ps.render_test_replication_connection(plan),
        ps.render_enable_replication(plan, vm),
        ps.render_start_export(vm, f"E:\\{text}"),
        ps.render_export_progress(vm, f"E:\\{text}"),
        ps.render_cancel_export(vm, f"E:\\{text}"),
        ps.render_start_import(vm, f"F:\\{text}_{VM_ID}"),
        ps.render_import_progress(vm, f"F:\\{text}_{VM_ID}"),
        ps.render_replication_status(vm),
        ps.render_resume_replication(vm, True),
        ps.render_start_test_failover(vm),
        ps.render_stop_test_failover(vm),
        ps.render_usb_volumes(),
        ps.render_staging_volumes(),
        ps_files.render_remove_staged(
            f"D:\\hvseed-staging\\{text}_{VM_ID}", [f"Virtual Hard Disks/{text}.vhdx"]
        ),
        ps.render_export_folders(f"E:\\{text}"),
        ps.render_read_export_folder(f"E:\\{text}_{VM_ID}"),
        ps.render_enable_bitlocker(f"E:\\{text}", text),
        ps_hashing.render_start_hashing(
            f"E:\\{text}_{VM_ID}", [f"Virtual Hard Disks/{text}.vhdx"], JOB_ID
        ),
        ps_hashing.render_hash_worker(f"E:\\{text}_{VM_ID}", [f"{text}.vhdx"], JOB_ID),
        ps_hashing.render_hash_worker(
            f"D:\\hvseed-staging\\{text}_{VM_ID}", None, JOB_ID, f"E:\\{text}_{VM_ID}"
        ),
        ps_hashing.render_hashing_progress(JOB_ID),
        ps_hashing.render_cancel_hashing(JOB_ID),
        ps_files.render_read_text_file(f"E:\\{text}_{VM_ID}.hvseed-manifest.json", 4096),
        ps_files.render_write_new_text_files(
            f"E:\\{text}", {f"{_plain(text)}_{VM_ID}.sha256": text, "HANDOVER-2026-03-01.txt": text}
        ),
        ("plan_script", ps.render_plan_script(plan)),
        ("plan_script_existing_vm", ps.render_plan_script(network_plan)),
    ]


def _sources(text: str) -> list[tuple[str, str]]:
    out = []
    for item in _hostile_renders(text):
        if isinstance(item, ps.Script):
            out.append((item.operation, item.source))
        else:
            out.append(item)
    return out


ALL_SCRIPTS = [(f"{name}[{i}]", src) for i, t in enumerate(HOSTILE) for name, src in _sources(t)]


def _bad_nodes(node: Node) -> list[Node]:
    found = [node] if node.type == "ERROR" or node.is_missing else []
    for child in node.children:
        found.extend(_bad_nodes(child))
    return found


def _load_reference() -> dict[str, dict]:
    reference: dict[str, dict] = {}
    for file in ("cmdlet-params.json", "extra-cmdlet-params.json"):
        for name, spec in json.loads((FIXTURES / file).read_text(encoding="utf-8")).items():
            if not name.startswith("_"):
                reference[name] = spec
    return reference


REFERENCE = _load_reference()


COMMON = set(json.loads((FIXTURES / "cmdlet-params.json").read_text())["_common_parameters"])


@dataclass
class Call:
    command: str
    named: set[str] = field(default_factory=set)
    splats: list[str] = field(default_factory=list)
    positional: int = 0


def _walk(node: Node):
    yield node
    for child in node.children:
        yield from _walk(child)


def _first(node: Node, kind: str) -> Node | None:
    for n in _walk(node):
        if n.type == kind:
            return n
    return None


def _text(node: Node) -> str:
    return node.text.decode("utf-8")


def analyse(source: str) -> tuple[list[Call], dict[str, set[str]], dict[str, set[str]]]:
    """Commands with their named parameters and splats; splat keys; script functions' params."""
    root = PARSER.parse(source.encode("utf-8")).root_node
    calls: list[Call] = []
    splat_keys: dict[str, set[str]] = {}
    functions: dict[str, set[str]] = {}
    for node in _walk(root):
        if node.type == "function_statement":
            name = _text(node.child_by_field_name("function_name") or _first(node, "function_name"))
            params = _first(node, "param_block")
            functions[name] = (
                {_text(v)[1:] for v in _walk(params) if v.type == "variable"} if params else set()
            )
        elif node.type == "command":
            call = Call(_text(node.child_by_field_name("command_name")).split("\\")[-1])
            elements = node.child_by_field_name("command_elements")
            after_param = False
            for element in elements.children if elements else []:
                if element.type == "command_argument_sep":
                    continue
                if element.type == "command_parameter":
                    call.named.add(_text(element).lstrip("-").rstrip(":"))
                    after_param = True
                    continue
                value = _text(element)
                if value.startswith("@") and re.fullmatch(r"@\w+", value):
                    call.splats.append(value[1:].lower())
                elif not after_param:
                    call.positional += 1
                after_param = False
            calls.append(call)
        elif node.type == "assignment_expression":
            left = _text(node.children[0]).strip()
            indexed = re.fullmatch(r"\$(\w+)\[\s*'(\w+)'\s*\]", left)
            if indexed:
                splat_keys.setdefault(indexed.group(1).lower(), set()).add(indexed.group(2))
                continue
            plain = re.fullmatch(r"\$(\w+)", left)
            table = _first(node.children[-1], "hash_literal_expression")
            if plain and table is not None:
                keys = splat_keys.setdefault(plain.group(1).lower(), set())
                body = _first(table, "hash_literal_body")
                for entry in body.children if body else []:
                    if entry.type == "hash_entry":
                        keys.add(_text(_first(entry, "key_expression")).strip("'\""))
    return calls, splat_keys, functions


def parameter_problems(source: str) -> list[str]:
    """Every parameter that is not in one documented set of its cmdlet (empty = all fine)."""
    calls, splat_keys, functions = analyse(source)
    problems = []
    for call in calls:
        used = set(call.named)
        for splat in call.splats:
            if splat not in splat_keys:
                problems.append(f"{call.command}: splat @{splat} has no literal hashtable")
            used |= splat_keys.get(splat, set())
        if call.command in functions:
            unknown = used - functions[call.command]
            if unknown:
                problems.append(f"{call.command}: no parameter {sorted(unknown)}")
            continue
        spec = REFERENCE.get(call.command)
        if spec is None:
            problems.append(f"{call.command}: not a documented cmdlet in the fixtures")
            continue
        fits = []
        for set_name, pset in spec["parameter_sets"].items():
            allowed = set(pset["mandatory"]) | set(pset["optional"]) | COMMON
            if used <= allowed:
                fits.append((set_name, set(pset["mandatory"])))
        if not fits:
            problems.append(f"{call.command}: {sorted(used)} fit no single parameter set")
            continue
        # When everything comes from the hashtable, a set's mandatory parameters must be there.
        only_splat = call.splats and not call.named and call.positional == 0
        if only_splat and not any(mandatory <= used for _, mandatory in fits):
            problems.append(f"{call.command}: splat lacks mandatory parameters ({sorted(used)})")
    return problems

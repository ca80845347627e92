"""The script catalogue: every PowerShell script hvseed can send to a host, for review.

``hvseed scripts DIR`` writes one ``.ps1`` per operation, rendered with example values, each
opening with what a security team reviews before hvseed may touch production hosts: the
operation, whether it only reads or what it changes, and the cmdlets it calls. The tests run the
same catalogue through the PowerShell parser and the cmdlet parameter check, so no script
escapes review. What admins read holds no UNCONFIRMED notes (``powershell.for_admins``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hvseed_gui.core.plan import AuthenticationType, PlanVm, ReplicationPlan
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    AuthorizationEntry,
    ReplicaServerChange,
    VmRef,
)
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing

EXAMPLE_VM = VmRef("SQL01", "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B")
EXAMPLE_JOB = "0F8FAD5B-D9CB-469F-A165-70867728950E"
EXAMPLE_DRIVE = "E:\\HyperV-Seed"
EXAMPLE_FOLDER = f"{EXAMPLE_DRIVE}\\{EXAMPLE_VM.name}_{EXAMPLE_VM.id}"
READS_ONLY = ""


def example_plan() -> ReplicationPlan:
    return ReplicationPlan(
        primary_host="hv01.corp.example",
        vms=(PlanVm(EXAMPLE_VM.name, EXAMPLE_VM.id),),
        replica_server="hvr01.corp.example",
        replica_port=80,
        authentication=AuthenticationType.KERBEROS,
        destination_path=EXAMPLE_DRIVE,
    )


@dataclass(frozen=True)
class CatalogueEntry:
    """One script as a reviewer sees it."""

    name: str  # file name without extension, e.g. "07-start_export"
    operation: str
    changes: str  # "" = reads only
    source: str

    @property
    def reads_only(self) -> bool:
        return not self.changes

    def cmdlets(self) -> list[str]:
        return cmdlets_in(self.source)

    def text(self) -> str:
        """The file's content: the review header, then the script as hvseed sends it."""
        effect = (
            "Reads only: nothing on the host is changed."
            if self.reads_only
            else f"Changes: {self.changes}"
        )
        header = [
            f"# hvseed script catalogue: {self.operation}",
            "#",
            *_comment(effect),
            *_comment("Cmdlets: " + (", ".join(self.cmdlets()) or "none")),
            "#",
            "# Rendered with example values. Every input travels as data: one JSON document, shown",
            "# readably here (over the wire it is the same document, base64-encoded); no value is",
            "# ever spliced into the PowerShell source.",
            "",
        ]
        return "\n".join(header) + self.source


def _comment(text: str, width: int = 96) -> list[str]:
    lines, line = [], "#"
    for word in text.split():
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = "#  "
        line += " " + word
    lines.append(line)
    return lines


_VERBS = (
    "Add|ConvertFrom|ConvertTo|Enable|Disable|Get|Import|Invoke|Measure|Move|New|Out|Remove|"
    "Resume|Select|Set|Start|Stop|Test|Where|Write|Wait|Join|Split|Format|Register|Clear|Copy"
)
_CMDLET_RE = re.compile(rf"(?<![\w$.-])(?:Hyper-V\\)?((?:{_VERBS})-[A-Z][A-Za-z]+)\b")


def cmdlets_in(source: str) -> list[str]:
    """Cmdlets the script calls (sorted), without hvseed's own functions (``*-Hvseed*``)."""
    found = {m.group(1) for m in _CMDLET_RE.finditer(_without_comments(source))}
    return sorted(name for name in found if "Hvseed" not in name)


_QUOTED_RE = re.compile(r"'[^'\n]*'")


def _without_comments(source: str) -> str:
    """The code lines without comments and without single-quoted strings (a cmdlet named in a
    message is not called)."""
    code = "\n".join(line.split(" # ")[0] for line in source.splitlines() if not _is_comment(line))
    return _QUOTED_RE.sub("''", code)


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


Render = Callable[[], "ps.Script | str"]


def _entries() -> list[tuple[str, str, Render]]:
    vm, plan = EXAMPLE_VM, example_plan()
    change = ReplicaServerChange.only(
        enable_replication=True,
        add_authorization_entry=AuthorizationEntry(
            "hv01.corp.example", "D:\\Hyper-V Replica", "DEFAULT"
        ),
        enable_firewall_rules=(FIREWALL_RULE_HTTP,),
        open_firewall_port=8080,
    )
    files = {f"{vm.name}_{vm.id}.sha256": "example", "HANDOVER-2026-12-01.txt": "example"}
    return [
        ("inventory", READS_ONLY, lambda: ps.render_inventory(details=False)),
        ("vm_disks", READS_ONLY, lambda: ps.render_vm_disks([EXAMPLE_VM.id])),
        ("readiness", READS_ONLY, lambda: ps.render_readiness()),
        ("replica_server_config", READS_ONLY, lambda: ps.render_replica_server_config()),
        (
            "configure_replica_server",
            "the Replica server settings the admin confirmed (Set-VMReplicationServer), at most "
            "one authorization entry (New-VMReplicationAuthorizationEntry), the built-in Hyper-V "
            "Replica listener rules (Enable-NetFirewallRule) and, for a listener on another port, "
            "one inbound TCP rule of hvseed's own (New-NetFirewallRule). Never switches the "
            "Replica server off.",
            lambda: ps.render_configure_replica_server(change),
        ),
        ("machine_certificates", READS_ONLY, lambda: ps.render_machine_certificates()),
        (
            "test_replication_connection",
            READS_ONLY,
            lambda: ps.render_test_replication_connection(plan),
        ),
        (
            "enable_replication",
            "enables replication for one VM; Hyper-V creates the replica VM on the Replica server.",
            lambda: ps.render_enable_replication(plan, vm),
        ),
        (
            "start_export",
            "creates the destination folder and starts Hyper-V's export of the initial copy "
            "into it; an existing export is never overwritten.",
            lambda: ps.render_start_export(vm, EXAMPLE_DRIVE),
        ),
        (
            "export_progress",
            READS_ONLY,
            lambda: ps.render_export_progress(vm, EXAMPLE_DRIVE),
        ),
        (
            "cancel_export",
            "stops a running export (Stop-VMInitialReplication); only while it runs.",
            lambda: ps.render_cancel_export(vm, EXAMPLE_DRIVE),
        ),
        (
            "start_import",
            "imports the initial copy from the drive into the waiting replica VM.",
            lambda: ps.render_start_import(vm, EXAMPLE_FOLDER),
        ),
        (
            "import_progress",
            READS_ONLY,
            lambda: ps.render_import_progress(vm, EXAMPLE_FOLDER),
        ),
        ("replication_status", READS_ONLY, lambda: ps.render_replication_status(vm)),
        (
            "resume_replication",
            "resumes a suspended or failed replication (Resume-VMReplication), with "
            "resynchronization when asked.",
            lambda: ps.render_resume_replication(vm, True),
        ),
        (
            "start_test_failover",
            "creates the test VM '<VM> - Test' on the Replica server (Start-VMFailover -AsTest).",
            lambda: ps.render_start_test_failover(vm),
        ),
        (
            "stop_test_failover",
            "removes the test VM (Stop-VMFailover), only while a test failover exists.",
            lambda: ps.render_stop_test_failover(vm),
        ),
        ("usb_volumes", READS_ONLY, lambda: ps.render_usb_volumes()),
        ("export_folders", READS_ONLY, lambda: ps.render_export_folders(EXAMPLE_DRIVE)),
        (
            "read_export_folder",
            READS_ONLY,
            lambda: ps.render_read_export_folder(EXAMPLE_FOLDER),
        ),
        (
            "enable_bitlocker",
            "encrypts a USB data volume with BitLocker To Go: a password protector and a "
            "recovery password. The password reaches the script only as an environment "
            "variable of its process.",
            lambda: ps.render_enable_bitlocker("E:\\", "example"),
        ),
        (
            "read_text_file",
            READS_ONLY,
            lambda: ps_files.render_read_text_file(f"{EXAMPLE_FOLDER}.sha256", 65536),
        ),
        (
            "write_new_text_files",
            "creates new text files (manifest, handover report) beside the export folder; "
            "never replaces a file.",
            lambda: ps_files.render_write_new_text_files(EXAMPLE_DRIVE, files),
        ),
        (
            "start_hashing",
            "starts the hashing process below (Win32_Process.Create) and writes its job files "
            "below %ProgramData%\\hvseed\\jobs.",
            lambda: ps_hashing.render_start_hashing(EXAMPLE_FOLDER, None, EXAMPLE_JOB),
        ),
        (
            "hash_worker",
            "writes its own job state below %ProgramData%\\hvseed\\jobs; reads the files of "
            "the export folder (the process start_hashing starts, shown decoded).",
            lambda: ps_hashing.render_hash_worker(EXAMPLE_FOLDER, None, EXAMPLE_JOB),
        ),
        (
            "hashing_progress",
            READS_ONLY,
            lambda: ps_hashing.render_hashing_progress(EXAMPLE_JOB),
        ),
        (
            "cancel_hashing",
            "asks a hashing process to stop (a cancel file below %ProgramData%\\hvseed\\jobs); "
            "nothing on the drive changes.",
            lambda: ps_hashing.render_cancel_hashing(EXAMPLE_JOB),
        ),
        (
            "plan_script",
            "run by hand on Host A: enables replication for each VM of a plan and sends the "
            "initial copy (creating the destination folder).",
            lambda: ps.render_plan_script(plan),
        ),
    ]


def _reviewed(rendered: ps.Script | str) -> str:
    """The script as reviewers read it: inputs as readable JSON, no UNCONFIRMED notes."""
    if isinstance(rendered, ps.Script):
        return ps.for_review(rendered)
    return ps.for_admins(rendered)


def catalogue() -> list[CatalogueEntry]:
    """Every script hvseed can send to a host (and the plan script), numbered in a stable order."""
    return [
        CatalogueEntry(f"{index:02d}-{operation}", operation, changes, _reviewed(render()))
        for index, (operation, changes, render) in enumerate(_entries(), start=1)
    ]

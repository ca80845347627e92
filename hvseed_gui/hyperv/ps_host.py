"""``PowerShellHost``: the Hyper-V seam carried out by scripts on a PowerShell runner.

Each method renders one script (``powershell.py``), runs it once through the runner (this
computer's powershell.exe or WinRM), finds the ``HVSEED-RESULT:`` line, decodes it and parses
it into the ``host.py`` dataclasses. Error records become our exception types.

The parsers accept what Windows PowerShell 5.1 may produce even though the scripts emit plain
shapes: a single object where a list was meant, ``null`` for an empty list, ``{"value": [...],
"Count": n}`` wrapped arrays, ``"\\/Date(ms)\\/"`` dates, and enums as numbers.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.plan import ReplicationPlan, normalize_vm_id
from hvseed_gui.core.untrusted import LINK, MAX_DEPTH, refused_error
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.hyperv import job_rules, ps_files, ps_hashing
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.errors import (
    BITLOCKER_MISSING_HINT,
    POWERSHELL_TOO_OLD_HINT,
    AccessDenied,
    CmdletError,
    FeatureMissing,
    HyperVError,
    HyperVModuleMissing,
    InvalidState,
    MediaError,
    NotFound,
    OperationTimeout,
    ProtocolError,
)
from hvseed_gui.hyperv.host import (
    AuthorizationEntry,
    BitLockerResult,
    Certificate,
    ConnectionTestResult,
    ExportFolderSummary,
    FirewallRuleState,
    HashJob,
    HostCallStats,
    HostReadiness,
    HyperVHost,
    Inventory,
    JobProgress,
    JobState,
    ReplicaServerChange,
    ReplicaServerConfig,
    ReplicationHealth,
    ReplicationMode,
    ReplicationState,
    ReplicationStatus,
    StorageSpace,
    TestFailoverResult,
    Vhd,
    VhdFile,
    VirtualMachine,
    VmRef,
)
from hvseed_gui.hyperv.job_rules import folder_vm_id as folder_vm_id  # public name kept
from hvseed_gui.hyperv.ps_json import as_bool, as_int, as_list, as_opt_int, as_text, as_time
from hvseed_gui.hyperv.runners import (
    LocalPowerShell,
    PowerShellRunner,
    RunResult,
    policy_problem,
)

E = TypeVar("E", bound=Enum)

# --- shapes of Windows PowerShell 5.1 JSON (as_list, as_time … live in ps_json) ---------------


def parse_enum(cls: type[E], value: Any, numbers: Sequence[str] | dict[int, str] = ()) -> E:
    """An enum by name; a number (5.1 style) through ``numbers``; else the enum's fallback."""
    number = as_opt_int(value) if not isinstance(value, str) or value.strip().isdigit() else None
    if number is not None:
        if isinstance(numbers, dict):
            value = numbers.get(number, value)
        elif 0 <= number < len(numbers):
            value = numbers[number]
    return cls.parse(value)  # type: ignore[attr-defined]


# Numeric fallbacks. The PowerShell enums' values are not documented; these follow the
# declaration order in the docs (UNCONFIRMED) and only matter if a name was not sent.
_STATE_NUMBERS = [m.value for m in ReplicationState if m is not ReplicationState.UNKNOWN]
_HEALTH_NUMBERS = ["NotApplicable", "Normal", "Warning", "Critical"]
_MODE_NUMBERS = ["None", "Primary", "Replica", "TestReplica", "ExtendedReplica"]
# Microsoft.HyperV.PowerShell.VMState (UNCONFIRMED values, WMI EnabledState-like).
_VM_STATE_NUMBERS = {
    1: "Other",
    2: "Running",
    3: "Off",
    4: "Stopping",
    6: "Saved",
    9: "Paused",
    10: "Starting",
    11: "Reset",
    32773: "Saving",
    32776: "Pausing",
    32777: "Resuming",
}
# Msvm_VirtualHardDiskSettingData Format / Type values.
_VHD_FORMAT_NUMBERS = {2: "VHD", 3: "VHDX", 4: "VHDSet"}
_VHD_TYPE_NUMBERS = {2: "Fixed", 3: "Dynamic", 4: "Differencing"}
# RecoveryAuthenticationType (UNCONFIRMED values).
_SERVER_AUTH_NUMBERS = {1: "Kerberos", 2: "Certificate", 3: "CertificateAndKerberos"}


def _named(value: Any, numbers: dict[int, str]) -> str:
    number = as_opt_int(value) if not isinstance(value, str) or value.strip().isdigit() else None
    if number is not None and number in numbers:
        return numbers[number]
    return as_text(value)


def _rule_enabled(value: Any) -> bool:
    # Enabled is an enum True=1 / False=2 (NetSecurity), or its name.
    if isinstance(value, bool):
        return value
    number = as_opt_int(value)
    if number is not None:
        return number == 1
    return as_text(value).strip().lower() == "true"


def _bitlocker(value: Any) -> BitLockerStatus:
    text = _named(value, {0: "Off", 1: "On", 2: "Unknown"}).strip().lower()
    for member in BitLockerStatus:
        if member.value.lower() == text:
            return member
    return BitLockerStatus.UNKNOWN


def _vm_id_text(value: Any) -> str:
    text = as_text(value)
    try:
        return normalize_vm_id(text)
    except ValueError:
        return text


# --- the result line and error records ----------------------------------------------------------


def decode_result(stdout: str) -> dict[str, Any] | None:
    """The JSON document of the last ``HVSEED-RESULT:`` line, None if there is no such line.

    Raises ProtocolError when the line is there but does not decode.
    """
    payload = None
    for line in stdout.splitlines():
        stripped = line.strip()
        if stripped.startswith(ps.RESULT_MARKER):
            payload = stripped[len(ps.RESULT_MARKER) :].strip()
    if payload is None:
        return None
    try:
        document = json.loads(base64.b64decode(payload, validate=True).decode("utf-8"))
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError(
            "The host's result line is damaged.", detail=f"{exc}: {payload[:200]}"
        ) from None
    if not isinstance(document, dict) or "ok" not in document:
        raise ProtocolError("The host's result has an unexpected form.", detail=str(document)[:500])
    return document


def _unsigned(hresult: Any) -> int | None:
    number = as_opt_int(hresult)
    if number is None and isinstance(hresult, str) and hresult.lower().startswith("0x"):
        try:
            number = int(hresult, 16)
        except ValueError:
            number = None
    if number is None:
        return None
    return number & 0xFFFFFFFF


HR_ACCESS_DENIED = 0x80070005
HR_FILE_NOT_FOUND = 0x80070002
HR_PATH_NOT_FOUND = 0x80070003
HR_DISK_FULL = 0x80070070
HR_HANDLE_DISK_FULL = 0x80070027
HR_FILE_TOO_LARGE = 0x800700DF
WMI_ACCESS_DENIED = 32769
WMI_INVALID_STATE = 32775
WMI_FILE_NOT_FOUND = 32779

_MEDIA_WORDS = (
    "not enough space",
    "disk is full",
    "disk full",
    "file too large",
    "too large for the destination file system",
    "exceeds the maximum",
)
_ACCESS_WORDS = ("access is denied", "access denied", "required permission", "unauthorized")

MEDIA_HINT = "Use an NTFS-formatted drive with room for the whole initial copy, then try again."
_STATE_HINT = (
    "Check the VM's replication state (Hyper-V Manager: Replication > View Replication Health) "
    "and continue with the step that matches it."
)
_NOT_FOUND_HINT = "Check that it still exists there, refresh, and try again."
_EXISTS_HINT = "Move the existing folder away or choose another destination folder."


def is_media_problem(message: str, hresult: Any = None) -> bool:
    """Whether an error says the target drive is full or cannot hold a file that large."""
    code = _unsigned(hresult)
    if code in (HR_DISK_FULL, HR_HANDLE_DISK_FULL, HR_FILE_TOO_LARGE):
        return True
    lowered = message.lower()
    return any(word in lowered for word in _MEDIA_WORDS)


def error_from_record(record: Any, *, host: str = "") -> HyperVError:
    """Map one error record ``{category, cmdlet, message, fqid, hresult, code}`` to our type."""
    if not isinstance(record, dict):
        return CmdletError(as_text(record) or "The host reported an error without details.")
    category = as_text(record.get("category"))
    cmdlet = as_text(record.get("cmdlet"))
    message = as_text(record.get("message")).strip()
    fqid = as_text(record.get("fqid"))
    code = as_opt_int(record.get("code"))
    hresult = _unsigned(record.get("hresult"))
    where = f" on {host}" if host else ""
    if not message:
        message = f"{cmdlet or 'The operation'} failed{where} ({category or 'no details'})."
    detail = (
        f"{cmdlet} [{category}] {fqid}"
        + (f" hresult=0x{hresult:08X}" if hresult is not None else "")
        + (f" code={code}" if code is not None else "")
    ).strip()
    lowered = message.lower()
    kwargs = {"cmdlet": cmdlet, "category": category, "detail": detail}

    if fqid.endswith("ExportFinished"):
        return InvalidState(
            message,
            "Check the export folder (hvseed verify) and ship the drive; to start over, remove "
            "replication for the VM first.",
            **kwargs,
        )
    policy = policy_problem(message, host or "the host", fqid)
    if policy is not None:
        return policy
    if fqid.endswith("PowerShellTooOld"):
        return FeatureMissing(message, POWERSHELL_TOO_OLD_HINT, detail=detail)
    if fqid.endswith("BitLockerMissing"):
        return FeatureMissing(message, BITLOCKER_MISSING_HINT, detail=detail)
    if fqid.endswith("BitLockerBusy"):
        return InvalidState(
            message,
            "hvseed encrypts only a drive without BitLocker; this one is protected already.",
            **kwargs,
        )
    if fqid.endswith("HyperVModuleMissing") or (
        fqid.startswith("CommandNotFoundException") and ("-vm" in lowered or "hyper-v" in lowered)
    ):
        return HyperVModuleMissing(message, detail=detail)
    if (
        category == "PermissionDenied"
        or code == WMI_ACCESS_DENIED
        or hresult == HR_ACCESS_DENIED
        or "AccessDenied" in fqid
        or "UnauthorizedAccess" in fqid
        or any(word in lowered for word in _ACCESS_WORDS)
    ):
        return AccessDenied(message, detail=detail)
    if is_media_problem(message, hresult):
        return MediaError(message, MEDIA_HINT, **kwargs)
    if category == "ResourceExists":
        return CmdletError(message, _EXISTS_HINT, **kwargs)
    if (
        category == "ObjectNotFound"
        or code == WMI_FILE_NOT_FOUND
        or hresult in (HR_FILE_NOT_FOUND, HR_PATH_NOT_FOUND)
        or "NotFound" in fqid
    ):
        return NotFound(message, _NOT_FOUND_HINT, **kwargs)
    if (
        code == WMI_INVALID_STATE
        or fqid.endswith("InvalidReplicationState")
        # Hyper-V's cmdlets report a wrong state as "InvalidState,Microsoft.HyperV.PowerShell…"
        # (UNCONFIRMED for every cmdlet; the English word is the fallback for the others)
        or fqid.split(",")[0] in ("InvalidState", "InvalidReplicationState")
        or (category == "InvalidOperation" and "state" in lowered)
    ):
        return InvalidState(message, _STATE_HINT, **kwargs)
    hint = (
        f"Hyper-V's event log (Hyper-V-VMMS, Admin){where} has details."
        if cmdlet
        else "Fix the cause and try again."
    )
    return CmdletError(message, hint, **kwargs)


def parse_result(result: RunResult, *, host: str = "") -> Any:
    """The ``data`` of a script's result, or the mapped exception of its first error record."""
    document = decode_result(result.stdout)
    if document is None:
        stderr = " ".join(result.stderr.split())
        where = f" on {host}" if host else ""
        if stderr:
            message = f"PowerShell{where} ended without a result: {stderr[:400]}"
        else:
            message = f"PowerShell{where} ended without a result (exit code {result.exit_code})."
        raise ProtocolError(message, detail=(result.stderr + "\n" + result.stdout)[-4000:])
    if as_bool(document.get("ok")):
        return document.get("data")
    errors = as_list(document.get("errors"))
    if not errors:
        raise ProtocolError("The host reported a failure without an error record.")
    raise error_from_record(errors[0], host=host)


# --- result documents → dataclasses -------------------------------------------------------------


def _field(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _vhd_file(item: Any) -> VhdFile:
    return VhdFile(path=as_text(_field(item, "path")), file_size=as_int(_field(item, "file_size")))


def _parents(item: dict[str, Any]) -> tuple[VhdFile, ...]:
    # Two flat lists (paths, sizes) keep the JSON shallow; a missing size counts as 0.
    sizes = as_list(item.get("parent_sizes"))
    return tuple(
        VhdFile(path=as_text(path), file_size=as_int(sizes[i] if i < len(sizes) else None))
        for i, path in enumerate(as_list(item.get("parent_paths")))
    )


def parse_vhd(item: dict[str, Any]) -> Vhd:
    path = as_text(item.get("path"))
    vhd_format = _named(item.get("format"), _VHD_FORMAT_NUMBERS).upper()
    if not vhd_format:
        vhd_format = "VHDX" if path.lower().endswith((".vhdx", ".avhdx")) else "VHD"
    return Vhd(
        path=path,
        format=vhd_format,
        vhd_type=_named(item.get("vhd_type"), _VHD_TYPE_NUMBERS),
        file_size=as_int(item.get("file_size")),
        max_size=as_int(item.get("max_size")),
        parents=_parents(item),
        controller=as_text(item.get("controller")),
        details_known=as_bool(item.get("details", True)),
    )


def parse_vm(item: dict[str, Any]) -> VirtualMachine:
    return VirtualMachine(
        name=as_text(item.get("name")),
        id=_vm_id_text(item.get("id")),
        state=_named(item.get("state"), _VM_STATE_NUMBERS),
        generation=as_int(item.get("generation"), 1),
        replication_state=parse_enum(
            ReplicationState, item.get("replication_state"), _STATE_NUMBERS
        ),
        replication_mode=parse_enum(ReplicationMode, item.get("replication_mode"), _MODE_NUMBERS),
        replication_health=parse_enum(
            ReplicationHealth, item.get("replication_health"), _HEALTH_NUMBERS
        ),
        vhds=tuple(parse_vhd(v) for v in as_list(item.get("vhds")) if isinstance(v, dict)),
        is_clustered=as_bool(item.get("is_clustered")),
    )


def parse_vm_disks(data: Any) -> dict[str, tuple[Vhd, ...]]:
    data = data if isinstance(data, dict) else {}
    return {
        _vm_id_text(v.get("id")): tuple(
            parse_vhd(d) for d in as_list(v.get("vhds")) if isinstance(d, dict)
        )
        for v in as_list(data.get("vms"))
        if isinstance(v, dict)
    }


def parse_inventory(data: Any) -> Inventory:
    data = data if isinstance(data, dict) else {}
    return Inventory(
        host_name=as_text(data.get("host_name")),
        os_version=as_text(data.get("os_version")),
        os_build=as_text(data.get("os_build")),
        hyperv_present=as_bool(data.get("hyperv_present")),
        is_cluster_node=as_bool(data.get("is_cluster_node")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
        system_drive=as_text(data.get("system_drive")) or "C:\\",
        vms=tuple(parse_vm(v) for v in as_list(data.get("vms")) if isinstance(v, dict)),
    )


def parse_replica_config(data: Any) -> ReplicaServerConfig:
    data = data if isinstance(data, dict) else {}
    return ReplicaServerConfig(
        host_name=as_text(data.get("host_name")),
        replication_enabled=as_bool(data.get("replication_enabled")),
        allowed_authentication=_named(data.get("allowed_authentication"), _SERVER_AUTH_NUMBERS),
        kerberos_port=as_int(data.get("kerberos_port")),
        certificate_port=as_int(data.get("certificate_port")),
        allow_any_server=as_bool(data.get("allow_any_server")),
        default_storage_location=as_text(data.get("default_storage_location")),
        authorization_entries=tuple(
            AuthorizationEntry(
                allowed_primary_server=as_text(_field(e, "allowed_primary_server")),
                storage_location=as_text(_field(e, "storage_location")),
                trust_group=as_text(_field(e, "trust_group")),
            )
            for e in as_list(data.get("authorization_entries"))
        ),
        firewall_rules=tuple(
            FirewallRuleState(
                name=as_text(_field(r, "name")),
                display_name=as_text(_field(r, "display_name")),
                present=as_bool(_field(r, "present")),
                enabled=_rule_enabled(_field(r, "enabled")),
                # one text "80,8080-8090" (keeps the JSON shallow); a list is read too
                local_ports=tuple(
                    port.strip()
                    for item in as_list(_field(r, "local_ports"))
                    for port in as_text(item).split(",")
                    if port.strip()
                ),
            )
            for r in as_list(data.get("firewall_rules"))
        ),
        certificate_thumbprint=as_text(data.get("certificate_thumbprint")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
    )


def parse_readiness(data: Any) -> HostReadiness:
    """The readiness script's document (5.1 shapes: bare objects, null lists, numbers)."""
    data = data if isinstance(data, dict) else {}
    replica = data.get("replica")
    cert = data.get("certificate") if isinstance(data.get("certificate"), dict) else {}
    found = cert.get("found")
    return HostReadiness(
        host_name=as_text(data.get("host_name")),
        os_caption=as_text(data.get("os_caption")),
        os_build=as_text(data.get("os_build")),
        is_server=as_bool(data.get("is_server")) if "is_server" in data else True,
        powershell_version=_version_text(data.get("powershell_version")),
        hyperv_module=as_bool(data.get("hyperv_module")),
        vmms_running=as_bool(data.get("vmms_running")),
        replica=parse_replica_config(replica) if isinstance(replica, dict) else None,
        certificate_found=None if found is None else as_bool(found),
        certificate_ekus=tuple(as_text(e) for e in as_list(cert.get("ekus"))),
        certificate_not_after=as_time(cert.get("not_after")),
        certificate_has_private_key=as_bool(cert.get("has_private_key")),
        winrm_listeners=tuple(as_text(x).upper() for x in as_list(data.get("winrm_listeners"))),
        clock_utc=as_time(data.get("clock_utc")),
        fips_enabled=None if data.get("fips_enabled") is None else as_bool(data["fips_enabled"]),
        asr_wmi_process_rule=as_text(data.get("asr_wmi_process_rule")),
        bitlocker_cmdlets=as_bool(data.get("bitlocker_cmdlets")),
        bitlocker_feature=_named(data.get("bitlocker_feature"), _INSTALL_STATES),
        storage=tuple(
            StorageSpace(as_text(_field(s, "path")), as_opt_int(_field(s, "free_bytes")))
            for s in as_list(data.get("storage"))
            if isinstance(s, dict)
        ),
        is_cluster_node=as_bool(data.get("is_cluster_node")),
        cluster_name=as_text(data.get("cluster_name")),
        replica_broker=as_text(data.get("replica_broker")),
    )


def readiness_document(facts: HostReadiness) -> dict[str, Any]:
    """``facts`` in the shape the readiness script emits (for a host without raw output, the
    lab): ``parse_readiness(readiness_document(f)) == f``."""
    config = facts.replica

    def time(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    replica = None
    if config is not None:
        replica = {
            "host_name": config.host_name,
            "replication_enabled": config.replication_enabled,
            "allowed_authentication": config.allowed_authentication,
            "kerberos_port": config.kerberos_port,
            "certificate_port": config.certificate_port,
            "allow_any_server": config.allow_any_server,
            "default_storage_location": config.default_storage_location,
            "certificate_thumbprint": config.certificate_thumbprint,
            "cluster_name": config.cluster_name,
            "replica_broker": config.replica_broker,
            "authorization_entries": [
                {
                    "allowed_primary_server": e.allowed_primary_server,
                    "storage_location": e.storage_location,
                    "trust_group": e.trust_group,
                }
                for e in config.authorization_entries
            ],
            "firewall_rules": [
                {
                    "name": r.name,
                    "display_name": r.display_name,
                    "present": r.present,
                    "enabled": "True" if r.enabled else "False",
                    "local_ports": ",".join(r.local_ports),
                }
                for r in config.firewall_rules
            ],
        }
    return {
        "host_name": facts.host_name,
        "os_caption": facts.os_caption,
        "os_build": facts.os_build,
        "is_server": facts.is_server,
        "powershell_version": facts.powershell_version,
        "hyperv_module": facts.hyperv_module,
        "vmms_running": facts.vmms_running,
        "replica": replica,
        "certificate": {
            "found": facts.certificate_found,
            "ekus": list(facts.certificate_ekus),
            "not_after": time(facts.certificate_not_after),
            "has_private_key": facts.certificate_has_private_key,
        },
        "winrm_listeners": list(facts.winrm_listeners),
        "clock_utc": time(facts.clock_utc),
        "fips_enabled": facts.fips_enabled,
        "asr_wmi_process_rule": facts.asr_wmi_process_rule,
        "bitlocker_cmdlets": facts.bitlocker_cmdlets,
        "bitlocker_feature": facts.bitlocker_feature,
        "storage": [{"path": s.path, "free_bytes": s.free_bytes} for s in facts.storage],
        "is_cluster_node": facts.is_cluster_node,
        "cluster_name": facts.cluster_name,
        "replica_broker": facts.replica_broker,
    }


# Microsoft.Windows.ServerManager.Commands.InstallState (UNCONFIRMED numbers; names are sent).
_INSTALL_STATES = {0: "Available", 1: "Installed", 2: "InstallPending", 3: "Removed"}


def _version_text(value: Any) -> str:
    """``[string]$PSVersionTable.PSVersion``; a Version object as 5.1 would serialise it."""
    if isinstance(value, dict):
        parts = [as_opt_int(value.get(k)) for k in ("Major", "Minor", "Build", "Revision")]
        return ".".join(str(p) for p in parts if p is not None and p >= 0)
    return as_text(value)


EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1"
EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2"


def parse_certificates(data: Any) -> list[Certificate]:
    """Certificates usable for Hyper-V Replica: client + server authentication, private key."""
    found: list[Certificate] = []
    for item in as_list(_field(data, "certificates")):
        if not isinstance(item, dict):
            continue
        ekus = {as_text(e) for e in as_list(item.get("ekus"))}
        has_key = as_bool(item.get("has_private_key"))
        if not ({EKU_SERVER_AUTH, EKU_CLIENT_AUTH} <= ekus and has_key):
            continue
        found.append(
            Certificate(
                thumbprint=as_text(item.get("thumbprint")).upper(),
                subject=as_text(item.get("subject")),
                issuer=as_text(item.get("issuer")),
                not_after=as_time(item.get("not_after")),
                dns_names=tuple(as_text(n) for n in as_list(item.get("dns_names")) if n),
                has_private_key=has_key,
            )
        )
    return found


def _vm_ref(data: Any, fallback: VmRef) -> VmRef:
    name = as_text(_field(data, "vm_name")) or fallback.name
    vm_id = _vm_id_text(_field(data, "vm_id")) or fallback.id
    return VmRef(name, vm_id)


def parse_status(data: Any, vm: VmRef) -> ReplicationStatus:
    data = data if isinstance(data, dict) else {}
    return ReplicationStatus(
        vm=_vm_ref(data, vm),
        mode=parse_enum(ReplicationMode, data.get("mode"), _MODE_NUMBERS),
        state=parse_enum(ReplicationState, data.get("state"), _STATE_NUMBERS),
        health=parse_enum(ReplicationHealth, data.get("health"), _HEALTH_NUMBERS),
        health_details=tuple(as_text(d) for d in as_list(data.get("health_details")) if d),
        primary_server=as_text(data.get("primary_server")),
        replica_server=as_text(data.get("replica_server")),
        replica_port=as_int(data.get("replica_port")),
        authentication=as_text(data.get("authentication")),
        frequency_sec=as_int(data.get("frequency_sec")),
        last_replication_time=as_time(data.get("last_replication_time")),
        pending_replication_bytes=as_opt_int(data.get("pending_replication_bytes")),
        initial_replication_bytes=as_opt_int(data.get("initial_replication_bytes")),
        test_vm_name=as_text(data.get("test_vm_name")),
        replica_delta_files=tuple(_vhd_file(f) for f in as_list(data.get("replica_delta_files"))),
    )


# Msvm_ConcreteJob.JobState: 2 New, 3 Starting, 4 Running, 5 Suspended, 6 Shutting Down,
# 7 Completed, 8 Terminated, 9 Killed, 10 Exception, 11 Service.
_JOB_RUNNING = {2, 3, 4, 5, 6, 11}
_JOB_COMPLETED = {7}
_JOB_CANCELLED = {8, 9}
_JOB_FAILED = {10}


#: A job started this long before the tracked one belongs to an earlier attempt.
_EARLIER_ATTEMPT = timedelta(seconds=2)


def _job_type(job: dict[str, Any]) -> int:
    return as_int(job.get("job_type"), -1)


def _job_state(job: dict[str, Any]) -> int:
    return as_int(job.get("job_state"), -1)


#: Win32 codes for a full drive or a file too large for it (ERROR_DISK_FULL,
#: ERROR_HANDLE_DISK_FULL, ERROR_FILE_TOO_LARGE). UNCONFIRMED whether Msvm_ConcreteJob.ErrorCode
#: carries them (the class calls it vendor-specific); the localized text is the fallback.
_WIN32_MEDIA_CODES = (112, 39, 223)


def _failed_message(job: dict[str, Any], kind: str) -> str:
    code = as_int(job.get("error_code"))
    message = as_text(job.get("error_description")).strip() or (
        f"Hyper-V's {kind} job failed (error {code})."
    )
    if code in _WIN32_MEDIA_CODES or is_media_problem(message):
        message = f"{message} {MEDIA_HINT}"
    return message


def parse_progress(data: Any, vm: VmRef, *, cancelled: bool = False) -> JobProgress:
    """One poll of an export or import, judged in this order:

    1. the job hvseed started (``matched_by == "tracked"``, found by its InstanceID): running,
       failed or stopped decides; completed decides unless it is only the job that *started*
       the export (type 118), after which the copy goes on in another job;
    2. jobs Hyper-V links to this VM: running > failed > stopped > completed, where only a
       completed copy job (116 Sending Initial Replica; 95 for imports) means done;
    3. a running job that cannot be tied to any VM, or a job started by this very call: running;
    4. no job: ``job_rules.state_without_job`` (never COMPLETED on the replication state alone
       while the export folder holds less than the whole copy).
    """
    data = data if isinstance(data, dict) else {}
    kind = as_text(data.get("kind")) or "export"
    done_types = ps.EXPORT_DONE_JOB_TYPES if kind == "export" else ps.IMPORT_DONE_JOB_TYPES
    replication_state = parse_enum(ReplicationState, data.get("replication_state"), _STATE_NUMBERS)
    jobs = [j for j in as_list(data.get("jobs")) if isinstance(j, dict)]
    tracked = next((j for j in jobs if as_text(j.get("matched_by")) == "tracked"), None)
    others = [j for j in jobs if j is not tracked]
    if tracked is not None:
        begun = as_time(tracked.get("start_time"))
        if begun is not None:
            others = [
                j
                for j in others
                if (as_time(j.get("start_time")) or begun) >= begun - _EARLIER_ATTEMPT
            ]
    bytes_done = as_opt_int(data.get("bytes_done"))
    bytes_total = as_opt_int(data.get("bytes_total"))
    folder = as_text(data.get("folder"))

    def with_state(states: set[int], pool: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # copy jobs first: their percent is the copy's, their failure the copy's failure
        found = [j for j in pool if _job_state(j) in states]
        return sorted(found, key=lambda j: 0 if _job_type(j) in done_types else 1)

    percent: float | None = None
    message = ""
    job: dict[str, Any] | None = None
    state: JobState | None = None
    if tracked is not None:
        code = _job_state(tracked)
        if code in _JOB_RUNNING:
            state, job = JobState.RUNNING, tracked
        elif code in _JOB_FAILED:
            state, job, message = JobState.FAILED, tracked, _failed_message(tracked, kind)
        elif code in _JOB_CANCELLED:
            state, job = JobState.CANCELLED, tracked
        elif code in _JOB_COMPLETED and _job_type(tracked) not in ps.EXPORT_START_JOB_TYPES:
            state, job, percent = JobState.COMPLETED, tracked, 100.0
    if state is None or state is JobState.RUNNING:
        running = with_state(_JOB_RUNNING, others)
        if running:  # the copy job's percent beats the starter's
            state, job = JobState.RUNNING, running[0]
        elif state is None:
            failed = with_state(_JOB_FAILED, others)
            killed = with_state(_JOB_CANCELLED, others)
            finished = with_state(_JOB_COMPLETED, others)
            completed = [j for j in finished if _job_type(j) in done_types]
            if failed:
                state, job, message = JobState.FAILED, failed[0], _failed_message(failed[0], kind)
            elif killed:
                state, job = JobState.CANCELLED, killed[0]
            elif completed:
                state, job, percent = JobState.COMPLETED, completed[0], 100.0
    if state is JobState.RUNNING and job is not None:
        percent = float(as_int(job.get("percent")))
    if state is None:
        if as_int(data.get("unattributed_running")) > 0:
            state = JobState.RUNNING  # a job runs that cannot be tied to a VM: it may be ours
        elif data.get("method_return") is not None:
            state = JobState.RUNNING  # we started the job this very call
        else:
            state, message = job_rules.state_without_job(
                kind,
                replication_state,
                bytes_done=bytes_done,
                bytes_total=bytes_total,
                folder=folder,
            )
            if state is JobState.COMPLETED:
                percent = 100.0
    if cancelled and state not in (JobState.COMPLETED, JobState.FAILED):
        state = JobState.CANCELLED
        message = ""
    started = as_time(job.get("start_time")) if job else None
    return JobProgress(
        vm=_vm_ref(data, vm),
        kind=kind,
        state=state,
        percent=percent,
        bytes_done=bytes_done,
        bytes_total=bytes_total,
        replication_state=replication_state,
        folder=folder,
        message=message,
        started=started or as_time(data.get("started")),
        job_id=as_text(data.get("job_id")) or (as_text(tracked.get("job_id")) if tracked else ""),
    )


def parse_test_failover(data: Any, vm: VmRef) -> TestFailoverResult:
    data = data if isinstance(data, dict) else {}
    name = as_text(data.get("test_vm_name")) or as_text(data.get("expected_test_vm_name"))
    return TestFailoverResult(
        vm=_vm_ref(data, vm),
        test_vm_name=name or f"{vm.name} - Test",
        running=as_bool(data.get("running")),
        message=as_text(data.get("message")),
    )


def parse_volumes(data: Any) -> list[Volume]:
    volumes = []
    for item in as_list(_field(data, "volumes")):
        if not isinstance(item, dict):
            continue
        volumes.append(
            Volume(
                mount_point=as_text(item.get("mount_point")),
                label=as_text(item.get("label")),
                file_system=as_text(item.get("file_system")),
                total_bytes=as_int(item.get("total_bytes")),
                free_bytes=as_int(item.get("free_bytes")),
                bus_type=_named(item.get("bus_type"), {7: "USB"}),
                removable=as_bool(item.get("removable")),
                is_system=as_bool(item.get("is_system")),
                bitlocker=_bitlocker(item.get("bitlocker")),
                serial=as_text(item.get("serial")).strip(),
                friendly_name=as_text(item.get("friendly_name")),
            )
        )
    return volumes


def parse_export_folders(data: Any) -> list[ExportFolderSummary]:
    return [
        ExportFolderSummary(
            path=as_text(item.get("path")),
            vm_name=as_text(item.get("vm_name")),
            vm_id=_vm_id_text(item.get("vm_id")),
            total_bytes=as_int(item.get("total_bytes")),
            file_count=as_int(item.get("file_count")),
        )
        for item in as_list(_field(data, "folders"))
        if isinstance(item, dict)
    ]


def refused_entries(items: Any) -> dict[str, str]:
    """``{relative path: why}`` of the reparse points (and too deep folders) a script skipped."""
    refused: dict[str, str] = {}
    for item in as_list(items):
        if not isinstance(item, dict):
            continue
        kind, link_type = as_text(item.get("kind")), as_text(item.get("link_type"))
        if kind == "too_deep":
            refused[as_text(item.get("path"))] = f"nested more than {MAX_DEPTH} folders deep"
        else:  # "link", or anything this version does not know: never read either way
            what = f" ({link_type})" if link_type else ""
            refused[as_text(item.get("path"))] = LINK.replace("; it", f"{what}; it", 1)
    return refused


def parse_folder_listing(data: Any, folder: str) -> FolderListing:
    """The listing; ``UnsafeFolder`` naming every link or junction the host found (and did
    not follow) in the folder."""
    data = data if isinstance(data, dict) else {}
    refused = refused_entries(data.get("refused"))
    if refused:
        raise refused_error(as_text(data.get("path")) or folder, refused)
    return FolderListing(
        path=as_text(data.get("path")) or folder,
        exists=as_bool(data.get("exists")),
        files=tuple(
            FileEntry(path=as_text(f.get("path")), size=as_int(f.get("size")))
            for f in as_list(data.get("files"))
            if isinstance(f, dict)
        ),
        xml_texts={
            as_text(x.get("path")): as_text(x.get("text"))
            for x in as_list(data.get("xml_texts"))
            if isinstance(x, dict)
        },
        xml_errors={
            as_text(x.get("path")): as_text(x.get("error"))
            for x in as_list(data.get("xml_errors"))
            if isinstance(x, dict)
        },
    )


def parse_bitlocker(data: Any, mount_point: str) -> BitLockerResult:
    status = as_text(_field(data, "status")) or "Unknown"
    method = as_text(_field(data, "encryption_method"))
    return BitLockerResult(
        mount_point=as_text(_field(data, "mount_point")) or mount_point,
        status=status,
        recovery_password=as_text(_field(data, "recovery_password")),
        protector_id=as_text(_field(data, "protector_id")),
        message=f"BitLocker is encrypting {mount_point} ({status}, {method or 'AES 128'}).",
        encryption_method=method,
    )


# --- the host -----------------------------------------------------------------------------------

_STATE_AFTER_TIMEOUT = (
    "It may have completed on the host anyway: refresh and check the VM's replication state "
    "before you try again."
)
#: What to check after a timeout of an operation that changes something on the host: our
#: deadline ended the wait (or the local powershell.exe), not the work Hyper-V had begun.
TIMEOUT_HINTS: dict[str, str] = {
    "enable_replication": _STATE_AFTER_TIMEOUT,
    "start_export": _STATE_AFTER_TIMEOUT,
    "cancel_export": _STATE_AFTER_TIMEOUT,
    "start_import": _STATE_AFTER_TIMEOUT,
    "resume_replication": _STATE_AFTER_TIMEOUT,
    "start_test_failover": (
        "It may have completed on the host anyway: refresh and look for the test VM "
        "('<VM> - Test') before you try again."
    ),
    "stop_test_failover": (
        "It may have completed on the host anyway: refresh and check whether the test VM "
        "('<VM> - Test') is gone before you try again."
    ),
    "configure_replica_server": (
        "It may have completed on the host anyway: refresh the Replica server settings and "
        "check them before you try again."
    ),
    "enable_bitlocker": (
        "BitLocker may have been switched on anyway, and hvseed did not receive its recovery "
        "password: check the drive (manage-bde -status) before you try again; if it is "
        "encrypting, add a recovery password (manage-bde -protectors -add <drive> "
        "-RecoveryPassword) and keep it away from the drive."
    ),
    "start_hashing": (
        "The hashing may have started on the host anyway; it only reads the drive. Start the "
        "check again."
    ),
    "write_new_text_files": (
        "The files may have been written on the host anyway: look beside the export folder "
        "before you try again (hvseed never overwrites them)."
    ),
}


#: read-only operations whose raw result document is kept (never one that may carry a secret)
RAW_KEPT = frozenset({"readiness", "inventory", "replica_server_config"})


def _remember(memory: dict[str, str], key: str, value: str) -> str:
    """``value`` when given (and remembered for later polls), else what was remembered."""
    if value:
        memory[key] = value
        return value
    return memory.get(key, "")


class PowerShellHost(HyperVHost):
    """A Hyper-V host reached through a ``PowerShellRunner``; one script per method call."""

    def __init__(
        self,
        runner: PowerShellRunner,
        *,
        display_name: str | None = None,
        timeout: float = 120.0,
    ) -> None:
        self.runner = runner
        self.display_name = display_name or getattr(runner, "description", "") or "PowerShell"
        self.timeout = timeout
        self.stats = HostCallStats()
        # Remembered so that progress polls can measure the folder being written / read and
        # ask for exactly the Hyper-V job the start got back (VM ID -> value).
        self.raw_results: dict[str, dict[str, Any] | None] = {}
        self._export_destinations: dict[str, str] = {}
        self._import_folders: dict[str, str] = {}
        self._export_jobs: dict[str, str] = {}
        self._import_jobs: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"PowerShellHost({self.display_name!r})"

    def local_path(self, path: str) -> Path | None:
        """This computer's own PowerShell reads its own drives; a WinRM host's are remote."""
        if isinstance(self.runner, LocalPowerShell) and sys.platform == "win32" and path.strip():
            return Path(path)
        return None

    def _run(self, render: Callable[..., ps.Script], *args: Any) -> Any:
        try:
            script = render(*args)
        except ValueError as exc:
            raise CmdletError(str(exc), "") from None
        self.stats.count(script.operation)
        try:
            result = self.runner.run(script.source, timeout=self.timeout, secrets=script.secrets)
        except OperationTimeout as exc:
            hint = TIMEOUT_HINTS.get(script.operation)
            if hint is None:
                raise
            raise OperationTimeout(exc.message, hint, detail=exc.detail) from None
        if script.operation in RAW_KEPT:
            # what a read-only script returned, exactly (doctor --bundle keeps it as a fixture)
            with contextlib.suppress(ProtocolError):
                self.raw_results[script.operation] = decode_result(result.stdout)
        return parse_result(result, host=self.display_name)

    @staticmethod
    def _key(vm: VmRef) -> str:
        return _vm_id_text(vm.id)

    # -- host and replica server -------------------------------------------------------------

    def inventory(self, details: bool = True) -> Inventory:
        return parse_inventory(self._run(ps.render_inventory, details))

    def vm_disks(self, vm_ids: Sequence[str]) -> dict[str, tuple[Vhd, ...]]:
        if not vm_ids:
            return {}
        return parse_vm_disks(self._run(ps.render_vm_disks, list(vm_ids)))

    def readiness(self) -> HostReadiness:
        return parse_readiness(self._run(ps.render_readiness))

    def replica_server_config(self) -> ReplicaServerConfig:
        return parse_replica_config(self._run(ps.render_replica_server_config))

    def configure_replica_server(self, change: ReplicaServerChange) -> ReplicaServerConfig:
        refusal = change.refusal()
        if refusal:  # refused before any script runs, as the lab does
            raise InvalidState(refusal, "", cmdlet="Set-VMReplicationServer")
        return parse_replica_config(self._run(ps.render_configure_replica_server, change))

    def machine_certificates(self) -> list[Certificate]:
        return parse_certificates(self._run(ps.render_machine_certificates))

    def test_replication_connection(self, plan: ReplicationPlan) -> ConnectionTestResult:
        data = self._run(ps.render_test_replication_connection, plan)
        record = _field(data, "error")
        if record:
            error = error_from_record(record, host=self.display_name)
            if isinstance(error, (AccessDenied, HyperVModuleMissing)):
                raise error
            return ConnectionTestResult(ok=False, message=error.message)
        return ConnectionTestResult(
            ok=as_bool(_field(data, "ok")), message=as_text(_field(data, "message"))
        )

    # -- primary side --------------------------------------------------------------------------

    def enable_replication(self, plan: ReplicationPlan, vm: VmRef) -> ReplicationStatus:
        return parse_status(self._run(ps.render_enable_replication, plan, vm), vm)

    def start_export(self, vm: VmRef, destination: str) -> JobProgress:
        progress = parse_progress(self._run(ps.render_start_export, vm, destination), vm)
        self._export_destinations[self._key(vm)] = destination
        self._export_jobs[self._key(vm)] = progress.job_id
        return progress

    def export_progress(self, vm: VmRef, destination: str = "", job_id: str = "") -> JobProgress:
        key = self._key(vm)
        destination = _remember(self._export_destinations, key, destination)
        job_id = _remember(self._export_jobs, key, job_id)
        return parse_progress(self._run(ps.render_export_progress, vm, destination, job_id), vm)

    def cancel_export(self, vm: VmRef) -> JobProgress:
        key = self._key(vm)
        destination = self._export_destinations.get(key, "")
        job_id = self._export_jobs.get(key, "")
        data = self._run(ps.render_cancel_export, vm, destination, job_id)
        return parse_progress(data, vm, cancelled=True)

    # -- replica side --------------------------------------------------------------------------

    def start_import(self, vm: VmRef, folder: str) -> JobProgress:
        problem = job_rules.import_folder_problem(vm, folder)
        if problem is not None:  # refused before Hyper-V is asked (the lab does the same)
            raise problem
        progress = parse_progress(self._run(ps.render_start_import, vm, folder), vm)
        self._import_folders[self._key(vm)] = folder
        self._import_jobs[self._key(vm)] = progress.job_id
        return progress

    def import_progress(self, vm: VmRef, folder: str = "", job_id: str = "") -> JobProgress:
        key = self._key(vm)
        folder = _remember(self._import_folders, key, folder)
        job_id = _remember(self._import_jobs, key, job_id)
        return parse_progress(self._run(ps.render_import_progress, vm, folder, job_id), vm)

    def replication_status(self, vm: VmRef) -> ReplicationStatus:
        return parse_status(self._run(ps.render_replication_status, vm), vm)

    def resume_replication(self, vm: VmRef, resynchronize: bool = False) -> ReplicationStatus:
        return parse_status(self._run(ps.render_resume_replication, vm, resynchronize), vm)

    def start_test_failover(self, vm: VmRef) -> TestFailoverResult:
        return parse_test_failover(self._run(ps.render_start_test_failover, vm), vm)

    def stop_test_failover(self, vm: VmRef) -> TestFailoverResult:
        return parse_test_failover(self._run(ps.render_stop_test_failover, vm), vm)

    # -- drives and folders --------------------------------------------------------------------

    def usb_volumes(self) -> list[Volume]:
        return parse_volumes(self._run(ps.render_usb_volumes))

    def export_folders(self, path: str) -> list[ExportFolderSummary]:
        return parse_export_folders(self._run(ps.render_export_folders, path))

    def read_export_folder(self, folder: str) -> FolderListing:
        return parse_folder_listing(self._run(ps.render_read_export_folder, folder), folder)

    def read_text_file(self, path: str, max_bytes: int) -> str | None:
        data = self._run(ps_hashing.render_read_text_file, path, max_bytes)
        try:
            return ps_hashing.decode_text(data, path, max_bytes)
        except ValueError as exc:
            raise CmdletError(f"{exc}.", "") from None

    def write_new_text_files(
        self, directory: str, files: dict[str, str], replacing: dict[str, str] | None = None
    ) -> None:
        try:
            self._run(ps_files.render_write_new_text_files, directory, files, replacing)
        except CmdletError as exc:
            raise ps_files.refine_error(exc) from None

    # -- hashing where the drive is (a detached job on the host, see ps_hashing) ----------------

    def start_hashing(self, folder: str, paths: list[str] | None = None) -> HashJob:
        job_id = ps_hashing.new_job_id()
        data = self._run(ps_hashing.render_start_hashing, folder, paths, job_id)
        return ps_hashing.judge_hash_job(data, job_id, folder, self.display_name)

    def hashing_progress(self, job_id: str) -> HashJob:
        data = self._run(ps_hashing.render_hashing_progress, job_id)
        return ps_hashing.judge_hash_job(data, job_id, host=self.display_name)

    def cancel_hashing(self, job_id: str) -> HashJob:
        data = self._run(ps_hashing.render_cancel_hashing, job_id)
        return ps_hashing.judge_hash_job(data, job_id, host=self.display_name, cancelling=True)

    def enable_bitlocker(self, mount_point: str, password: str) -> BitLockerResult:
        try:
            data = self._run(ps.render_enable_bitlocker, mount_point, password)
        except ProtocolError as exc:
            # a damaged result line may hold the recovery password: keep no detail of it
            raise ProtocolError(exc.message) from None
        return parse_bitlocker(data, mount_point)

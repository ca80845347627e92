"""Every rendered script: parses cleanly, uses only documented parameters, carries no user text.

The checks read the scripts with tree-sitter-powershell. Parameter names come from Microsoft's
reference (tests/fixtures/cmdlet-params.json for Hyper-V, extra-cmdlet-params.json for the rest).
"""

from __future__ import annotations

import base64
import json
import re

import pytest

from hvseed_gui.core.plan import (
    PlanVm,
    ReplicationPlan,
)
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    AuthorizationEntry,
    ReplicaServerChange,
    VmRef,
)
from hvseed_gui.hyperv.powershell import files as ps_files
from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing
from tests.support.ps_scripts import (
    ALL_SCRIPTS,
    FIXTURES,
    HOSTILE,
    JOB_ID,
    PARSER,
    REFERENCE,
    VM_ID,
    _bad_nodes,
    _hostile_renders,
    _plain,
    _sources,
    analyse,
    parameter_problems,
)

# Fragments that must never show up in script source either (a partial splice is still a splice).
FRAGMENTS = ["Remove-Item", "Stop-Computer", "back`", "Prüf", "\u2018", "\u201c", "Zeile"]


def test_every_host_operation_has_a_renderer():
    from hvseed_gui.hyperv.host import HyperVHost

    operations = set(HyperVHost.__abstractmethods__)
    rendered = {item.operation for item in _hostile_renders("x") if isinstance(item, ps.Script)}
    assert operations <= rendered


# --- no user text in source ---------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_travels_only_inside_the_blob(text):
    for name, source in _sources(text):
        start, end = ps.blob_span(source)
        outside = source[:start] + source[end:]
        assert text not in outside, name
        for fragment in FRAGMENTS:
            assert fragment not in outside, (name, fragment)
        # Script source is pure ASCII outside the blob: no code page can change its meaning.
        assert outside.isascii(), name
        if name.startswith("plan_script"):
            # what an admin saves: readable JSON in ONE single-quoted here-string, no base64
            assert ps._BLOB_RE.findall(source) == [], name
            assert len(ps._HERE_RE.findall(source)) == 1, name
            inside = source[start:end]
            assert not any(q in inside for q in ps._QUOTE_LIKE), name
            assert not any(
                line.lstrip().startswith(("'@", "\u2019@")) for line in inside.splitlines()
            )
            assert all(c == "\n" or c.isprintable() for c in inside), name
        else:
            assert len(ps._BLOB_RE.findall(source)) == 1, name


@pytest.mark.parametrize("text", HOSTILE)
def test_blob_decodes_back_to_exactly_the_input(text):
    renders: dict[str, ps.Script] = {}
    for script in _hostile_renders(text):
        if isinstance(script, ps.Script):
            renders.setdefault(script.operation, script)
    assert ps.decode_blob(renders["start_export"].source)["Destination"] == f"E:\\{text}"
    assert ps.decode_blob(renders["export_folders"].source)["Path"] == f"E:\\{text}"
    assert ps.decode_blob(renders["start_import"].source)["Folder"] == f"F:\\{text}_{VM_ID}"
    enable = ps.decode_blob(renders["enable_replication"].source)
    assert enable["ReplicaServer"] == text
    assert enable["ExcludedVhdPaths"] == [f"C:\\VMs\\{text}.vhdx"]
    assert enable["VMId"] == VM_ID.upper()
    change = ps.decode_blob(renders["configure_replica_server"].source)
    assert change["DefaultStorageLocation"] == f"D:\\{text}"
    for script in renders.values():
        assert script.data == ps.decode_blob(script.source)
    plan = dict(_sources(text))["plan_script"]
    decoded = ps.decode_blob(plan)
    assert decoded["VMs"][0]["Name"] == text
    assert decoded["DestinationPath"] == f"E:\\{text}"


def test_blob_is_base64_of_utf8_json():
    script = ps.render_export_folders("E:\\Prüfserver")
    start, end = ps.blob_span(script.source)
    import base64

    raw = base64.b64decode(script.source[start:end])
    assert json.loads(raw.decode("utf-8")) == {"Path": "E:\\Prüfserver"}
    assert "Prüfserver".encode() in raw  # UTF-8, not a \u escape or a code page


def test_no_password_field_can_enter_a_script():
    plan = ReplicationPlan(primary_host="a", vms=(PlanVm("v", VM_ID),), replica_server="b")
    data = ps.render_enable_replication(plan, VmRef("v", VM_ID)).data
    words = ("password", "credential", "secret")
    assert not any(word in key.lower() for key in data for word in words)


def test_bad_vm_id_is_refused_before_any_script_exists():
    with pytest.raises(ValueError, match="not a valid VM ID"):
        ps.render_replication_status(VmRef("x", "not-a-guid"))


def test_only_the_listener_rules_can_be_enabled():
    with pytest.raises(ValueError, match="listener rules"):
        ps.render_configure_replica_server(
            ReplicaServerChange(enable_firewall_rules=("RemoteDesktop-UserMode-In-TCP",))
        )


SERVER_KEYS = (
    "ReplicationEnabled",
    "AllowedAuthenticationType",
    "KerberosAuthenticationPort",
    "CertificateAuthenticationPort",
    "CertificateThumbprint",
    "ReplicationAllowedFromAnyServer",
    "DefaultStorageLocation",
)


def _sent_server_keys(script: ps.Script) -> set[str]:
    """The Set-VMReplicationServer keys the script adds to its splat for this blob.

    Each key is added only under ``if ($null -ne $in.<Key>)``; checked here, so the keys with a
    value in the blob are exactly the keys sent.
    """
    data = ps.decode_blob(script.source)
    for key in SERVER_KEYS:
        guard = re.escape(f"if ($null -ne $in.{key}) {{ $set['{key}'] = ")
        assert len(re.findall(guard, script.source)) == 1, key
    assert len(re.findall(r"\$set\['\w+'\] = ", script.source)) == len(SERVER_KEYS)
    return {key for key in SERVER_KEYS if data[key] is not None}


def test_configure_replica_server_sends_only_the_keys_that_change():
    change = ReplicaServerChange.only(
        enable_replication=True, enable_firewall_rules=(FIREWALL_RULE_HTTP,)
    )
    script = ps.render_configure_replica_server(change)
    assert _sent_server_keys(script) == {"ReplicationEnabled"} == set(change.server_settings())
    assert ps.decode_blob(script.source)["AuthorizationEntry"] is None
    assert "Set-VMReplicationServer @set" in script.source
    assert "if ($set.Count -gt 2)" in script.source  # Force and Confirm alone: no call at all
    assert parameter_problems(script.source) == []
    # the historic default change still works and sends no storage location it was not given
    legacy = ps.render_configure_replica_server(ReplicaServerChange())
    assert _sent_server_keys(legacy) == {
        "ReplicationEnabled",
        "AllowedAuthenticationType",
        "KerberosAuthenticationPort",
        "CertificateAuthenticationPort",
        "ReplicationAllowedFromAnyServer",
    }


def test_configure_replica_server_can_add_one_authorization_entry():
    entry = AuthorizationEntry("hv-a.corp.example", "D:\\Replica", "DEFAULT")
    script = ps.render_configure_replica_server(
        ReplicaServerChange.only(add_authorization_entry=entry)
    )
    assert _sent_server_keys(script) == set()
    assert ps.decode_blob(script.source)["AuthorizationEntry"] == {
        "AllowedPrimaryServer": "hv-a.corp.example",
        "ReplicaStorageLocation": "D:\\Replica",
        "TrustGroup": "DEFAULT",
    }
    calls, splat_keys, _ = analyse(script.source)
    assert [c.command for c in calls].count("New-VMReplicationAuthorizationEntry") == 1
    assert splat_keys["entry"] == {
        "AllowedPrimaryServer",
        "ReplicaStorageLocation",
        "TrustGroup",
        "Confirm",
    }
    assert parameter_problems(script.source) == []
    assert not PARSER.parse(script.source.encode("utf-8")).root_node.has_error


@pytest.mark.parametrize(
    "change,complaint",
    [
        (ReplicaServerChange(enable_replication=False), "never switches a Replica server off"),
        (ReplicaServerChange.only(enable_replication=False), "never switches"),
        (
            ReplicaServerChange(
                add_authorization_entry=AuthorizationEntry("a.example", "D:\\R", "DEFAULT")
            ),
            "choose one or the other",
        ),
        (
            ReplicaServerChange.only(add_authorization_entry=AuthorizationEntry("a", "", "G")),
            "needs the primary server, a storage location",
        ),
        (ReplicaServerChange.only(allowed_authentication="Ntlm"), "must be Kerberos"),
    ],
)
def test_configure_replica_server_refuses(change, complaint):
    with pytest.raises(ValueError, match=complaint):
        ps.render_configure_replica_server(change)


def test_scripts_resolve_vms_by_id_never_by_name():
    vm_cmdlets = {n for n, spec in REFERENCE.items() if "VMObject" in spec["parameter_sets"]}
    for name, source in ALL_SCRIPTS[: len(ALL_SCRIPTS) // len(HOSTILE)]:
        calls, splat_keys, _ = analyse(source)
        for call in calls:
            used = call.named.union(*(splat_keys.get(s, set()) for s in call.splats))
            assert (
                "VMName" not in used
                and "Name" not in used
                or call.command not in (vm_cmdlets | {"Get-VM"})
            ), (name, call.command)
            if call.command in vm_cmdlets:
                assert "VM" in used, (name, call.command)
            if call.command == "Get-VM" and (used or call.positional):
                assert used == {"Id"} and call.positional == 0, name


def test_scripts_set_stop_and_silence_progress():
    for item in _hostile_renders("x"):
        if isinstance(item, ps.Script):
            assert "$ErrorActionPreference = 'Stop'" in item.source
            assert "$ProgressPreference = 'SilentlyContinue'" in item.source
            assert "'HVSEED-RESULT:'" in item.source
            assert "ConvertTo-Json -InputObject $Document -Depth 6 -Compress" in item.source


# --- tree-sitter: the scripts parse -------------------------------------------------------------


@pytest.mark.parametrize("name,source", ALL_SCRIPTS[: len(ALL_SCRIPTS) // len(HOSTILE)])
def test_script_parses_without_error_nodes(name, source):
    tree = PARSER.parse(source.encode("utf-8"))
    bad = _bad_nodes(tree.root_node)
    assert not bad, [(n.type, n.start_point, n.text[:60]) for n in bad]


def test_parse_check_catches_a_broken_script():
    tree = PARSER.parse(b"Select-Object Id, Name\n$x = @{ a = \n")
    assert _bad_nodes(tree.root_node)


# --- parameters exist in a documented parameter set ---------------------------------------------


@pytest.mark.parametrize("name,source", ALL_SCRIPTS[: len(ALL_SCRIPTS) // len(HOSTILE)])
def test_every_parameter_is_documented(name, source):
    assert parameter_problems(source) == []


def test_every_cmdlet_used_is_checked():
    used = set()
    for _, source in ALL_SCRIPTS[: len(ALL_SCRIPTS) // len(HOSTILE)]:
        calls, _, functions = analyse(source)
        used |= {c.command for c in calls if c.command not in functions}
    for name in ("Enable-VMReplication", "Get-CimInstance", "Invoke-CimMethod", "Get-Disk"):
        assert name in used
    assert used <= set(REFERENCE)
    for name in used:
        assert REFERENCE[name].get("source"), name


@pytest.mark.parametrize(
    "script,complaint",
    [
        (  # a made-up parameter in a splat
            "$enable = @{ VM = $vm; ReplicaServerName = 'x'; ReplicaServerPort = 80;"
            " AuthenticationType = 'Kerberos'; ReplicaServerNmae = 'y' }\n"
            "Hyper-V\\Enable-VMReplication @enable\n",
            "fit no single parameter set",
        ),
        (  # a made-up key added by index
            "$start = @{ VM = $vm }\n$start['DestinationFolder'] = 'E:\\'\n"
            "Start-VMInitialReplication @start\n",
            "fit no single parameter set",
        ),
        (  # a made-up named parameter
            "Get-CimInstance -ClassName 'Win32_Service' -Where \"Name='vmms'\"\n",
            "fit no single parameter set",
        ),
        (  # two real parameters from different sets
            "Start-VMFailover -VM $vm -AsTest -Prepare\n",
            "fit no single parameter set",
        ),
        (  # a PowerShell 7 parameter on 5.1
            "ConvertTo-Json -InputObject $x -AsArray\n",
            "fit no single parameter set",
        ),
        (  # mandatory parameter missing from a splat
            "$enable = @{ VM = $vm; ReplicaServerName = 'x' }\nEnable-VMReplication @enable\n",
            "lacks mandatory",
        ),
        ("Get-HyperVThing -Id 1\n", "not a documented cmdlet"),
        ("function Get-A {\n    param($Id)\n    $Id\n}\nGet-A -Name 1\n", "no parameter"),
    ],
)
def test_parameter_check_catches_mistakes(script, complaint):
    problems = parameter_problems(script)
    assert any(complaint in p for p in problems), problems


def test_wmi_method_arguments_are_documented():
    methods = json.loads((FIXTURES / "extra-cmdlet-params.json").read_text())["_wmi_methods"]
    expected = {
        "StartReplication": set(methods["Msvm_ReplicationService.StartReplication"]["in"]),
        "ImportInitialReplica": set(methods["Msvm_ReplicationService.ImportInitialReplica"]["in"]),
    }
    vm = VmRef("v", VM_ID)
    for script, method in (
        (ps.render_start_export(vm, "E:\\x"), "StartReplication"),
        (ps.render_start_import(vm, "E:\\x"), "ImportInitialReplica"),
    ):
        _, splat_keys, _ = analyse(script.source)
        keys = splat_keys["arguments"]
        assert keys <= expected[method], keys
        assert f"-MethodName '{method}'" in script.source


# --- the detached hashing worker -----------------------------------------------------------------


def _worker_source(script: ps.Script) -> str:
    return base64.b64decode(script.data["WorkerCommand"]).decode("utf-16-le")


@pytest.mark.parametrize("text", HOSTILE)
def test_hashing_worker_carries_user_text_only_in_its_own_blob(text):
    folder = f"E:\\{text}_{VM_ID}"
    copy_to = f"F:\\HyperV-Seed\\{text}_{VM_ID}"  # a staged export's host-side copy
    script = ps_hashing.render_start_hashing(folder, [f"{text}/{text}.vhdx"], JOB_ID, copy_to)
    assert re.fullmatch(r"[A-Za-z0-9+/=]+", script.data["WorkerCommand"])
    # the command line the host builds: fixed text plus the encoded worker, nothing else
    assert "-EncodedCommand ' + $worker" in script.source
    worker = _worker_source(script)
    start, end = ps.blob_span(worker)
    outside = worker[:start] + worker[end:]
    assert text not in outside and outside.isascii()
    for fragment in FRAGMENTS:
        assert fragment not in outside
    assert ps.decode_blob(worker) == {
        "JobId": JOB_ID,
        "Folder": folder,
        "Paths": [f"{text}/{text}.vhdx"],
        "LinkText": ps_hashing.LINK,
        "CopyTo": copy_to,
    }
    assert len(script.data["WorkerCommand"]) < ps_hashing.MAX_COMMAND_LINE


def test_hashing_worker_as_sent_parses_and_uses_documented_parameters():
    worker = _worker_source(ps_hashing.render_start_hashing("E:\\x", None, JOB_ID))
    assert not _bad_nodes(PARSER.parse(worker.encode("utf-8")).root_node)
    assert parameter_problems(worker) == []
    assert "SHA256" in worker and ".cancel" in worker


def test_too_many_paths_fall_back_to_hashing_the_whole_folder():
    paths = [f"Virtual Hard Disks/disk-{i:05d}-with-a-long-name.vhdx" for i in range(2000)]
    script = ps_hashing.render_start_hashing("E:\\x", paths, JOB_ID)
    assert ps.decode_blob(_worker_source(script))["Paths"] is None


def test_job_ids_must_be_guids():
    with pytest.raises(ValueError, match="not a hashing job ID"):
        ps_hashing.render_hashing_progress("..\\..\\Windows\\win")


def test_win32_process_create_arguments_are_documented():
    methods = json.loads((FIXTURES / "extra-cmdlet-params.json").read_text())["_wmi_methods"]
    allowed = set(methods["Win32_Process.Create"]["in"])
    _, splat_keys, _ = analyse(ps_hashing.render_start_hashing("E:\\x", None, JOB_ID).source)
    assert splat_keys["createargs"] | splat_keys["plainargs"] <= allowed
    assert "CommandLine" in splat_keys["plainargs"]


# --- new text files beside an export folder ------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_new_text_files_travel_as_exact_bytes_in_the_blob(text):
    name = f"{_plain(text)}_{VM_ID}.hvseed-manifest.json"
    content = "\ufeff" + text + "\r\n{}\n"
    script = ps_files.render_write_new_text_files(f"E:\\{text}", {name: content, "b.sha256": ""})
    data = ps.decode_blob(script.source)
    assert data["Directory"] == f"E:\\{text}"
    assert [f["Name"] for f in data["Files"]] == [name, "b.sha256"]  # in the order given
    raw = base64.b64decode(data["Files"][0]["Content"])
    assert raw == content.encode("utf-8") and raw.startswith(b"\xef\xbb\xbf")
    assert data["Files"][1]["Content"] == ""


def test_new_text_files_never_replace_a_file():
    source = ps_files.render_write_new_text_files("E:\\Seed", {"a.txt": "x"}).source
    assert "[IO.FileMode]::CreateNew" in source  # the temporary file: never an existing one
    assert "[IO.File]::Move($item.temp, $item.target)" in source  # fails when the target exists
    for replacing in ("::Copy(", "WriteAllText", "WriteAllBytes", "Set-Content"):
        assert replacing not in source, replacing
    # the one replace: an incomplete file whose content the caller named (by its SHA-256)
    assert source.count("::Replace(") == 1
    guarded = source[source.index("if ($item.replace)") : source.index("::Replace(")]
    assert "\n" in guarded and guarded.count("{") == 1
    assert "$replace = ($digest -eq [string]$file.Replace)" in source
    assert "-Force" not in source
    # the only deletes: our temporary files and the files this very call moved into place
    assert source.count("[IO.File]::Delete(") == 2
    assert "[IO.File]::Delete($item.temp)" in source and "[IO.File]::Delete($path)" in source
    assert "foreach ($path in $moved)" in source
    # every target is checked before anything is written
    assert source.index("'FileExists'") < source.index("[IO.FileMode]::CreateNew")


@pytest.mark.parametrize(
    "files,complaint",
    [
        ({"..": "x"}, "not a plain file name"),
        ({"sub\\a.txt": "x"}, "not a plain file name"),
        ({"sub/a.txt": "x"}, "not a plain file name"),
        ({"E:a.txt": "x"}, "not a plain file name"),
        ({"a.txt ": "x"}, "trailing space"),
        ({"a\nb.txt": "x"}, "not a plain file name"),
        ({"A.txt": "x", "a.TXT": "y"}, "named twice"),
        ({}, "No file"),
    ],
)
def test_new_text_file_names_are_checked_before_a_script_exists(files, complaint):
    with pytest.raises(ValueError, match=complaint):
        ps_files.render_write_new_text_files("E:\\Seed", files)

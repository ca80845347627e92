"""Issue 10, items 1 and 2: wildcard authorization entries and listeners on a custom port,
judged by one rule in the wizard, in the PowerShell parser and in the lab."""

from __future__ import annotations

import pytest

from hvseed_gui.core.plan import AuthenticationType, PlanVm, ReplicationPlan
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    AuthorizationEntry,
    ReplicaServerChange,
    ReplicationState,
    VmRef,
    authorization_matches,
    listener_rule_name,
)
from hvseed_gui.hyperv.lab import Lab
from tests.support.ps51 import fixture_host
from tests.support.ps_scripts import analyse, parameter_problems

KERBEROS = AuthenticationType.KERBEROS
PRIMARY = "hv-a.lab.local"


@pytest.mark.parametrize(
    "entry,primary,allowed",
    [
        ("*.contoso.com", "hv-a.contoso.com", True),
        ("*.CONTOSO.com", "HV-A.contoso.COM", True),
        ("*.contoso.com", "contoso.com", False),
        ("*.contoso.com", "hv-a.fabrikam.com", False),
        ("*.contoso.com", "hv-a.notcontoso.com", False),
        ("*", "anything.example", True),
        ("hv-a.contoso.com", "hv-a.contoso.com", True),
        ("hv-a.contoso.com", "hv-b.contoso.com", False),
        ("hv-a", "hv-a.contoso.com", False),  # a short entry vs a known FQDN: not assumed
        ("hv-a.contoso.com", "hv-a", True),  # primary known by its short name only
        ("", "hv-a.contoso.com", False),
    ],
)
def test_one_authorization_rule(entry, primary, allowed):
    assert authorization_matches(entry, primary) is allowed


def test_wildcard_entry_from_a_51_host_allows_the_primary():
    host, _ = fixture_host("replica_config_wildcard_port.json")
    config = host.replica_server_config()
    assert config.authorization_entries[0].allowed_primary_server == "*.CORP.local"
    problems = config.problems_for(KERBEROS, "hv01.corp.local")
    assert not any("not among them" in p for p in problems), problems
    assert any("not among them" in p for p in config.problems_for(KERBEROS, "hv01.other.local"))


def test_custom_port_is_not_open_because_the_builtin_rule_is_enabled():
    host, _ = fixture_host("replica_config_wildcard_port.json")
    config = host.replica_server_config()
    assert config.firewall_rule_enabled(KERBEROS) is True  # "enabled", yet port 80 only
    assert config.firewall_port_open(KERBEROS) is False
    (problem,) = config.problems_for(KERBEROS, "hv01.corp.local")
    assert "port 8080" in problem and "opens port 80 only" in problem
    assert config.firewall_fix(KERBEROS) == ((), 8080)


def test_own_rule_for_the_custom_port_opens_it():
    host, _ = fixture_host("replica_config_own_rule.json")
    config = host.replica_server_config()
    assert config.firewall_rules[-1].local_ports == ("8080",)
    assert config.firewall_port_open(KERBEROS) is True
    assert config.problems_for(KERBEROS, "hv01.corp.local") == []


def test_config_script_reads_port_filters_and_own_rules():
    script = ps.render_replica_server_config()
    assert "Get-NetFirewallPortFilter -AssociatedNetFirewallRule" in script.source
    assert ps.decode_blob(script.source)["RulePrefix"] == "HVSEED-HVR-In-TCP-"
    assert parameter_problems(script.source) == []


def test_open_port_script_creates_one_inbound_tcp_rule_with_documented_parameters():
    script = ps.render_configure_replica_server(ReplicaServerChange.only(open_firewall_port=8080))
    assert "New-NetFirewallRule @newRule" in script.source
    assert ps.decode_blob(script.source)["OpenFirewallPort"] == 8080
    assert parameter_problems(script.source) == []
    assert ReplicaServerChange.only(open_firewall_port=70000).refusal()


@pytest.fixture
def lab(tmp_path) -> Lab:
    return Lab.open(tmp_path / "lab")


def _plan(lab: Lab, server: str, port: int = 80) -> tuple[ReplicationPlan, object]:
    vm = lab.host("hv-a").inventory().vm("TinyLinux")
    plan = ReplicationPlan(
        primary_host=PRIMARY,
        vms=(PlanVm(vm.name, vm.id),),
        replica_server=server,
        replica_port=port,
        destination_path="E:\\",
    )
    return plan, vm


@pytest.mark.parametrize("wildcard,accepted", [("*.lab.local", True), ("*.other.local", False)])
def test_lab_and_wizard_share_the_wildcard_rule(lab, wildcard, accepted):
    a, c = lab.host("hv-a"), lab.host("hv-c")
    c.configure_replica_server(
        ReplicaServerChange.only(
            enable_replication=True, enable_firewall_rules=(FIREWALL_RULE_HTTP,)
        )
    )
    entry = AuthorizationEntry(wildcard, "D:\\Replicas", "DEFAULT")
    config = c.configure_replica_server(ReplicaServerChange.only(add_authorization_entry=entry))
    assert (config.problems_for(KERBEROS, PRIMARY) == []) is accepted
    plan, vm = _plan(lab, "hv-c")
    if accepted:
        status = a.enable_replication(plan, vm.ref)
        assert status.state is ReplicationState.READY_FOR_INITIAL_REPLICATION
    else:
        with pytest.raises(Exception):  # noqa: B017 - the lab's own refusal, whatever its type
            a.enable_replication(plan, vm.ref)


def test_lab_listener_on_a_custom_port_needs_its_own_rule(lab):
    a, b = lab.host("hv-a"), lab.host("hv-b")
    config = b.configure_replica_server(ReplicaServerChange.only(kerberos_port=8080))
    assert config.firewall_rule_enabled(KERBEROS) is True
    assert config.firewall_port_open(KERBEROS) is False
    plan, _vm = _plan(lab, "hv-b", 8080)
    assert not a.test_replication_connection(plan).ok  # the built-in rule opens 80 only
    rules, port = config.firewall_fix(KERBEROS)
    assert (rules, port) == ((), 8080)
    after = b.configure_replica_server(ReplicaServerChange.only(open_firewall_port=port))
    assert listener_rule_name(8080) in {r.name for r in after.firewall_rules}
    assert after.firewall_port_open(KERBEROS) is True
    assert a.test_replication_connection(plan).ok


def test_replica_page_proposes_a_rule_for_the_custom_port():
    from hvseed_gui.ui.pages.export.replica import proposed_change

    host, _ = fixture_host("replica_config_wildcard_port.json")
    change = proposed_change(host.replica_server_config(), "hv01.corp.local")
    assert change.open_firewall_port == 8080
    assert change.enable_firewall_rules == ()
    assert change.add_authorization_entry is None  # the wildcard already allows hv01


# --- item 3 and the readable plan script --------------------------------------------------------

VM_ID = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"


def _saved_plan(name: str = "SQL01", server: str = "hvr01.corp.local") -> str:
    plan = ReplicationPlan(
        primary_host="hv01.corp.local",
        vms=(PlanVm(name, VM_ID),),
        replica_server=server,
        destination_path="E:\\Seed",
    )
    return ps.render_plan_script(plan)


def test_saved_plan_creates_the_destination_as_the_wizard_does():
    saved = _saved_plan()
    gui = ps.render_start_export(VmRef("SQL01", VM_ID), "E:\\Seed").source
    create = "[void][System.IO.Directory]::CreateDirectory($destination)"
    assert create in gui and create in saved
    assert saved.index(create) < saved.index("Hyper-V\\Start-VMInitialReplication @start")
    # the same refusals before it: a full path, on an attached drive, no existing export
    for check in ("^([A-Za-z]:\\\\|\\\\\\\\[^\\\\]+\\\\[^\\\\]+)", "GetPathRoot($destination)"):
        assert check in gui and check in saved, check
    assert saved.index("Find-HvseedExportFolder -Destination $destination") < saved.index(create)


def test_saved_plan_shows_server_and_vm_readably_as_data_only():
    saved = _saved_plan("Prüf 'Alt' \u2019@ Server\n", "hvr01.corp.local")
    assert '"ReplicaServer": "hvr01.corp.local"' in saved
    assert '"Name": "Prüf \\u0027Alt\\u0027 \\u2019@ Server\\n"' in saved
    assert "FromBase64String" not in saved and "UNCONFIRMED" not in saved
    assert "$plan = ConvertFrom-Json -InputObject $planJson" in saved
    data = ps.decode_blob(saved)
    assert data["VMs"][0]["Name"] == "Prüf 'Alt' \u2019@ Server\n"
    assert data["ReplicaServer"] == "hvr01.corp.local"


def test_readable_json_escapes_bidi_and_astral_format_characters():
    text = ps.readable_json({"n": "a\u202eb\U000e0041c"})
    assert "\\u202e" in text and "\\udb40\\udc41" in text
    import json

    assert json.loads(text) == {"n": "a\u202eb\U000e0041c"}


# --- items 4 and 5: FIPS hashing, no password in module logging ---------------------------------


def test_host_hashing_works_in_fips_mode():
    from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing

    worker = ps_hashing.render_hash_worker("E:\\Seed\\SQL01_" + VM_ID, None, VM_ID).source
    assert "SHA256CryptoServiceProvider" in worker
    assert "SHA256]::Create()" not in worker
    assert parameter_problems(worker) == []


def test_bitlocker_password_never_passes_a_cmdlet_parameter():
    script = ps.render_enable_bitlocker("E:\\", "s3cret-Pa55")
    assert "ConvertTo-SecureString" not in script.source
    assert "$secure.AppendChar($character)" in script.source
    assert "s3cret" not in script.source
    calls, _splats, _functions = analyse(script.source)
    # the plain text variable is handed to no command at all
    tree_text = script.source.split("$plain = [Environment]::GetEnvironmentVariable")[1]
    assert not any(f"-{p} $plain" in tree_text for c in calls for p in ("String", "Password"))
    assert parameter_problems(script.source) == []


# --- item 6: the ASR rule is named when the hashing worker never starts -------------------------


def test_a_worker_that_never_started_names_the_asr_rule_and_offers_the_workstation():
    from hvseed_gui.hyperv.host import JobState
    from hvseed_gui.hyperv.powershell import hash_jobs as ps_hashing

    launch = '{"job_id": "x", "folder": "E:\\\\S", "pid": 4242, "created": "2026-01-01T00:00:00Z"}'
    job = ps_hashing.judge_hash_job(
        {"state_text": None, "launch_text": launch, "alive": False}, VM_ID, host="hv01"
    )
    assert job.state is JobState.FAILED
    assert "Block process creations originating from PSExec and WMI commands" in job.message
    assert "d1e49aac-8f56-4280-b9ba-993a6d77406c" in job.message
    assert "workstation" in job.message and "hvseed verify" in job.message


# --- item 12: Windows PowerShell 4.0 (Windows Server 2012 R2) is named, with what to install ----


def test_every_script_but_readiness_refuses_powershell_4_in_one_sentence():
    from hvseed_gui.hyperv.host_errors import FeatureMissing
    from hvseed_gui.hyperv.powershell.results import error_from_record

    assert "PowerShellTooOld" in ps.render_inventory().source
    assert "PowerShellTooOld" not in ps.render_readiness().source  # it reports the version
    record = {
        "category": "NotInstalled",
        "cmdlet": "hvseed",
        "message": "Windows PowerShell 4.0 on HV2012 is too old: hvseed needs Windows "
        "PowerShell 5.1.",
        "fqid": "Hvseed.PowerShellTooOld",
    }
    error = error_from_record(record)
    assert isinstance(error, FeatureMissing) and "Management Framework 5.1" in error.hint


def test_lab_host_with_powershell_4_answers_doctor_but_nothing_else(lab):
    from hvseed_gui.hyperv.host_errors import FeatureMissing

    lab.set_host_facts("hv-b", powershell_version="4.0")
    assert lab.host("hv-b").readiness().powershell_version == "4.0"
    with pytest.raises(FeatureMissing, match="too old"):
        lab.host("hv-b").inventory()


# --- item 13: a clustered Replica server is named by its Replica Broker ------------------------


def test_a_cluster_node_is_not_the_replica_server_to_name(lab):
    lab.set_host_facts("hv-b", cluster_name="HVC1", replica_broker="HVR-BROKER")
    config = lab.host("hv-b").replica_server_config()
    assert (config.cluster_name, config.replica_broker) == ("HVC1", "HVR-BROKER")
    assert config.names_cluster_node("hv-b.lab.local")
    assert not config.names_cluster_node("hvr-broker.lab.local")
    lab.set_host_facts("hv-b", replica_broker="")
    assert lab.host("hv-b").replica_server_config().names_cluster_node("hvr-broker")


def test_replica_page_words_the_cluster_advice(lab):
    from hvseed_gui.ui.pages.export.replica import cluster_advice, describe_change

    lab.set_host_facts("hv-b", cluster_name="HVC1", replica_broker="HVR-BROKER")
    config = lab.host("hv-b").replica_server_config()
    advice = cluster_advice(config)
    assert "HVR-BROKER" in advice and "every node" in advice and "owns the replica VM" in advice
    change = ReplicaServerChange.only(open_firewall_port=8080)
    assert any(
        "every other node of cluster HVC1" in line for line in describe_change(config, change)
    )


def test_config_script_reads_the_cluster_and_its_broker():
    source = ps.render_replica_server_config().source
    assert "Virtual Machine Replication Broker" in source
    host, _ = fixture_host("replica_config.json")
    assert host.replica_server_config().cluster_name == ""  # an older answer without it

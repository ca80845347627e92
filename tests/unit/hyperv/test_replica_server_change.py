"""configure_replica_server applies exactly the change shown: only the settings it sends, one
authorization entry instead of opening the server to everyone, and never switching it off."""

from __future__ import annotations

import dataclasses

import pytest

from hvseed_gui.core.plan import AuthenticationType, PlanVm, ReplicationPlan
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    AuthorizationEntry,
    ReplicaServerChange,
    ReplicaServerConfig,
    ReplicationState,
)
from hvseed_gui.hyperv.host_errors import CmdletError, InvalidState
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners import RunResult

PRIMARY = "hv-a.lab.local"


@pytest.fixture
def lab(tmp_path) -> Lab:
    return Lab.open(tmp_path / "lab")


def changed_fields(before: ReplicaServerConfig, after: ReplicaServerConfig) -> set[str]:
    return {
        f.name
        for f in dataclasses.fields(ReplicaServerConfig)
        if getattr(before, f.name) != getattr(after, f.name)
    }


def test_server_settings_hold_only_what_is_set():
    assert ReplicaServerChange.only().server_settings() == {}
    assert ReplicaServerChange.only().is_empty()
    change = ReplicaServerChange.only(kerberos_port=8080, default_storage_location=" D:\\R ")
    assert change.server_settings() == {
        "KerberosAuthenticationPort": 8080,
        "DefaultStorageLocation": "D:\\R",
    }
    # the historic defaults are unchanged for existing callers
    assert ReplicaServerChange().server_settings()["ReplicationAllowedFromAnyServer"] is True


def test_lab_applies_one_entry_and_nothing_else(lab):
    a, c = lab.host("hv-a"), lab.host("hv-c")
    c.configure_replica_server(
        ReplicaServerChange.only(
            enable_replication=True, enable_firewall_rules=(FIREWALL_RULE_HTTP,)
        )
    )
    before = c.replica_server_config()
    assert before.replication_enabled and not before.allow_any_server
    assert before.problems_for(AuthenticationType.KERBEROS, PRIMARY)  # hv-a is not listed

    entry = AuthorizationEntry(PRIMARY, "D:\\Replicas\\hv-a", "DEFAULT")
    after = c.configure_replica_server(ReplicaServerChange.only(add_authorization_entry=entry))
    assert changed_fields(before, after) == {"authorization_entries"}
    assert after.authorization_entries == (entry,)
    assert not after.allow_any_server and after.default_storage_location == ""
    assert after.problems_for(AuthenticationType.KERBEROS, PRIMARY) == []

    vm = a.inventory().vm("TinyLinux")
    plan = ReplicationPlan(
        primary_host=PRIMARY,
        vms=(PlanVm(vm.name, vm.id),),
        replica_server="hv-c",
        destination_path="E:\\",
    )
    assert a.test_replication_connection(plan).ok
    status = a.enable_replication(plan, vm.ref)
    assert status.state is ReplicationState.READY_FOR_INITIAL_REPLICATION


def test_lab_changes_exactly_the_keys_sent(lab):
    c = lab.host("hv-c")
    before = c.replica_server_config()
    after = c.configure_replica_server(ReplicaServerChange.only(enable_replication=True))
    assert changed_fields(before, after) == {"replication_enabled"}
    after2 = c.configure_replica_server(ReplicaServerChange.only(kerberos_port=8080))
    assert changed_fields(after, after2) == {"kerberos_port"}
    rules = c.configure_replica_server(
        ReplicaServerChange.only(enable_firewall_rules=(FIREWALL_RULE_HTTP,))
    )
    assert changed_fields(after2, rules) == {"firewall_rules"}


def test_lab_refuses_allow_any_without_storage_and_changes_nothing(lab):
    c = lab.host("hv-c")
    before = c.replica_server_config()
    with pytest.raises(CmdletError, match="default storage location must be specified"):
        c.configure_replica_server(
            ReplicaServerChange.only(enable_replication=True, allow_any_server=True)
        )
    assert c.replica_server_config() == before
    ok = c.configure_replica_server(
        ReplicaServerChange.only(
            enable_replication=True, allow_any_server=True, default_storage_location="D:\\R"
        )
    )
    assert ok.allow_any_server and ok.default_storage_location == "D:\\R"


def test_lab_refuses_an_entry_while_any_server_is_allowed(lab):
    b = lab.host("hv-b")  # the default replica allows any authenticated server
    before = b.replica_server_config()
    assert before.allow_any_server
    entry = AuthorizationEntry(PRIMARY, "D:\\R", "DEFAULT")
    with pytest.raises(CmdletError, match="any authenticated server") as caught:
        b.configure_replica_server(ReplicaServerChange.only(add_authorization_entry=entry))
    assert caught.value.cmdlet == "New-VMReplicationAuthorizationEntry"
    assert b.replica_server_config() == before


def test_switching_the_server_off_is_refused_by_lab_and_real_host(lab):
    b = lab.host("hv-b")
    with pytest.raises(InvalidState, match="never switches a Replica server off"):
        b.configure_replica_server(ReplicaServerChange(enable_replication=False))
    assert b.replica_server_config().replication_enabled

    class NoRunner:
        description = "must not run"
        scripts: list[str] = []

        def run(self, script: str, *, timeout: float, secrets=None) -> RunResult:
            self.scripts.append(script)
            return RunResult(stdout="", stderr="", exit_code=0)

    runner = NoRunner()
    with pytest.raises(InvalidState, match="never switches a Replica server off"):
        PowerShellHost(runner).configure_replica_server(
            ReplicaServerChange.only(enable_replication=False)
        )
    assert runner.scripts == []

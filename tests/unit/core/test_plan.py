from datetime import datetime, timedelta, timezone

import pytest

from hvseed_gui.core.plan import (
    AuthenticationType,
    InitialReplicationMethod,
    PlanVm,
    ReplicationPlan,
    normalize_vm_id,
)

VM = PlanVm(name="SQL01", id="6f1c3e0a-2b4d-4e5f-8a9b-0c1d2e3f4a5b")


def plan(**changes) -> ReplicationPlan:
    base = ReplicationPlan(
        primary_host="hv-a", vms=(VM,), replica_server="hv-b", destination_path="E:\\Seed"
    )
    return base.with_changes(**changes)


def fields(p: ReplicationPlan) -> set[str]:
    return {problem.field for problem in p.validate()}


def test_a_complete_plan_has_no_problems():
    assert plan().validate() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"primary_host": " "}, "primary_host"),
        ({"vms": ()}, "vms"),
        ({"vms": (PlanVm("x", "not-a-guid"),)}, "vms"),
        ({"replica_server": ""}, "replica_server"),
        ({"replica_server": "hv b"}, "replica_server"),
        ({"replica_port": 0}, "replica_port"),
        ({"authentication": AuthenticationType.CERTIFICATE}, "certificate_thumbprint"),
        ({"frequency_sec": 60}, "frequency_sec"),
        ({"recovery_history_hours": 25}, "recovery_history_hours"),
        ({"vss_frequency_hours": 4}, "vss_frequency_hours"),
        ({"recovery_history_hours": 4, "vss_frequency_hours": 13}, "vss_frequency_hours"),
        ({"destination_path": ""}, "destination_path"),
        ({"start_time": datetime.now(timezone.utc)}, "start_time"),
    ],
)
def test_each_wrong_setting_is_named(changes, field):
    assert field in fields(plan(**changes))


def test_certificate_auth_accepts_a_thumbprint():
    p = plan(authentication=AuthenticationType.CERTIFICATE, certificate_thumbprint="ab" * 20)
    assert p.validate() == []


def test_schedule_only_for_network_and_within_seven_days():
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    net = plan(initial_method=InitialReplicationMethod.NETWORK, destination_path="")
    assert net.with_changes(start_time=now + timedelta(days=2)).validate(now) == []
    late = net.with_changes(start_time=now + timedelta(days=8))
    assert "start_time" in {p.field for p in late.validate(now)}
    assert not InitialReplicationMethod.EXTERNAL_MEDIA.can_schedule


def test_json_round_trip_keeps_every_setting():
    p = plan(
        vms=(PlanVm("Prüf-Server 'Alt'", VM.id, ("D:\\VMs\\page.vhdx",)),),
        recovery_history_hours=4,
        vss_frequency_hours=2,
        compression=False,
    )
    assert ReplicationPlan.from_json(p.to_json()) == p


def test_bad_json_gives_a_sentence():
    with pytest.raises(ValueError, match="not valid JSON"):
        ReplicationPlan.from_json("{")
    with pytest.raises(ValueError, match="Unknown plan setting"):
        ReplicationPlan.from_json('{"primary_host": "a", "colour": "red"}')


def test_vm_ids_are_normalised():
    assert normalize_vm_id("{6f1c3e0a-2b4d-4e5f-8a9b-0c1d2e3f4a5b}") == VM.id.upper()
    with pytest.raises(ValueError):
        normalize_vm_id("nope")


def test_hand_edited_booleans_and_numbers_are_read_strictly():
    data = plan().to_dict()
    assert ReplicationPlan.from_dict({**data, "compression": "false"}).compression is False
    with pytest.raises(ValueError, match="'compression' must be true or false"):
        ReplicationPlan.from_dict({**data, "compression": "nein"})
    with pytest.raises(ValueError, match="'replica_port' must be a whole number"):
        ReplicationPlan.from_dict({**data, "replica_port": "eighty"})


def test_the_same_vm_twice_is_a_problem():
    assert "vms" in fields(plan(vms=(VM, PlanVm("copy", VM.id.upper()))))

"""doctor's facts: the readiness script (one read-only round trip), its parser on Windows
PowerShell 5.1 shapes, the lab's answer, and the table core builds from them."""

from __future__ import annotations

import time

import pytest

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.core.readiness import Status, format_table, overall, readiness_table
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.powershell.host_readiness import parse_readiness, readiness_document
from tests.support.ps51 import fixture_host
from tests.support.ps_scripts import PARSER, _bad_nodes, parameter_problems


def rows_by_code(rows, host: str | None = None):
    return {r.code: r for r in rows if host is None or r.host == host}


def test_readiness_script_only_reads_and_uses_documented_parameters():
    script = ps.render_readiness()
    assert not _bad_nodes(PARSER.parse(script.source.encode()).root_node)
    assert parameter_problems(script.source) == []
    assert ps.ASR_WMI_PROCESS_RULE in str(script.data)
    for changing in ("Set-", "Enable-NetFirewallRule", "New-NetFirewallRule", "Invoke-CimMethod"):
        assert changing not in script.source.replace("Enable-BitLocker", "")


def test_51_shapes_parse_into_facts():
    host, runner = fixture_host("readiness.json")
    facts = host.readiness()
    assert facts.powershell_version == "5.1.14393.7254"  # a Version object, not a string
    assert facts.winrm_listeners == ("HTTP:5985",)  # one listener as a bare string
    assert facts.storage[0].free_bytes == 1073741824  # one location as a bare object
    assert facts.bitlocker_feature == "Available"  # InstallState as a number
    assert facts.certificate_ekus == ("1.3.6.1.5.5.7.3.1",)
    assert facts.clock_utc is not None and facts.fips_enabled is True
    assert facts.replica.authorization_entries[0].allowed_primary_server == "*.corp.local"
    assert host.raw_results["readiness"]["data"]["host_name"] == "hvr01.corp.local"
    assert len(runner.scripts) == 1  # one round trip


def test_table_from_a_troubled_51_replica(tmp_path):
    host, _ = fixture_host("readiness.json")
    replica = host.readiness()
    lab_primary = Lab.open(tmp_path / "lab").host("hv-a").readiness()
    primary = type(lab_primary)(**{**lab_primary.__dict__, "host_name": "hv01.corp.local"})
    rows = readiness_table(primary, replica, clock_offsets=(0.0, 0.0), plan_sizes={"SQL01": 2**31})
    b = rows_by_code(rows, "hvr01.corp.local")
    assert b["replica_server"].status is Status.OK  # the wildcard entry allows hv01.corp.local
    assert b["firewall_port"].status is Status.FAIL and "8080" in b["firewall_port"].finding
    assert b["certificate"].status is Status.FAIL  # Client Authentication EKU missing
    assert b["bitlocker"].status is Status.WARN and "Install-WindowsFeature BitLocker" in (
        b["bitlocker"].fix
    )
    assert b["storage"].status is Status.FAIL  # 1 GiB free, 2 GiB needed
    assert b["asr"].status is Status.WARN and "Hash from a workstation" in b["asr"].fix
    assert b["cluster"].status is Status.WARN and "HVR-Broker" in b["cluster"].fix
    assert "every node" in b["cluster"].fix and "owns the replica VM" in b["cluster"].fix
    assert b["fips"].status is Status.OK
    assert overall(rows) is Status.FAIL
    text = format_table(rows)
    assert all(r.fix in text for r in rows if r.status is not Status.OK)
    # every row that fails or warns says what to do
    assert all(r.fix for r in rows if r.status in (Status.FAIL, Status.WARN))


@pytest.fixture
def lab(tmp_path) -> Lab:
    return Lab.open(tmp_path / "lab")


def test_lab_answers_every_check_and_its_document_round_trips(lab):
    a, b = lab.host("hv-a").readiness(), lab.host("hv-b").readiness()
    assert parse_readiness(readiness_document(b)) == b
    rows = readiness_table(a, b, clock_offsets=(0.0, 0.5), plan_sizes={"DC01": 10**9})
    assert {r.code for r in rows} >= {
        "powershell",
        "hyperv",
        "replica_server",
        "firewall_port",
        "bitlocker",
        "storage",
        "winrm",
        "fips",
        "asr",
        "cluster",
        "clock",
    }
    assert all(r.status is not Status.UNKNOWN for r in rows), format_table(rows)
    assert overall(rows) is Status.OK


def test_lab_facts_turn_rows_red(lab):
    lab.set_host_facts("hv-b", powershell_version="4.0", clock_offset_seconds=600)
    lab.set_bitlocker_feature("hv-b", False)
    a, b = lab.host("hv-a").readiness(), lab.host("hv-b").readiness()
    now = time.time()
    offsets = (a.clock_utc.timestamp() - now, b.clock_utc.timestamp() - now)
    rows = rows_by_code(readiness_table(a, b, clock_offsets=offsets), "hv-b.lab.local")
    assert rows["powershell"].status is Status.FAIL
    assert "Windows Management Framework 5.1" in rows["powershell"].fix
    assert rows["bitlocker"].status is Status.WARN
    clock = next(r for r in readiness_table(a, b, clock_offsets=offsets) if r.code == "clock")
    assert clock.status is Status.FAIL and "5 minutes" in clock.finding


def test_certificate_row_only_when_certificates_matter(lab):
    a, b = lab.host("hv-a").readiness(), lab.host("hv-b").readiness()
    codes = {r.code for r in readiness_table(a, b)}
    assert "certificate" not in codes
    rows = readiness_table(a, b, auth=AuthenticationType.CERTIFICATE)
    cert = rows_by_code(rows)["certificate"]
    assert cert.status is Status.WARN  # no certificate configured on hv-b

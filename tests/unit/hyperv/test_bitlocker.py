"""enable_bitlocker through the seam: the PowerShell script, its parsing, and the lab."""

from __future__ import annotations

import base64
import json
import re

import pytest

from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host_errors import (
    CmdletError,
    FeatureMissing,
    InvalidState,
    NotFound,
    ProtocolError,
)
from hvseed_gui.hyperv.lab.lab_host import lab_recovery_password
from hvseed_gui.hyperv.ps_host import PowerShellHost
from hvseed_gui.hyperv.runners import RunResult

PASSWORD = "Sehr'geheim $(Stop-Computer) ü"
RECOVERY = "123453-234564-345675-456786-567897-678909-789910-891021"
RECOVERY_RE = re.compile(r"^(\d{6}-){7}\d{6}$")


def result_line(document: dict) -> str:
    raw = json.dumps(document).encode("utf-8")
    return ps.RESULT_MARKER + base64.b64encode(raw).decode("ascii")


class Runner:
    description = "hv01 (fake)"

    def __init__(self, stdout: str) -> None:
        self.stdout = stdout
        self.scripts: list[str] = []
        self.secrets: list[dict[str, str]] = []

    def run(self, script: str, *, timeout: float, secrets=None) -> RunResult:
        self.scripts.append(script)
        self.secrets.append(dict(secrets or {}))
        return RunResult(stdout=self.stdout, stderr="", exit_code=0)


# --- the script ---------------------------------------------------------------------------------


def test_password_never_enters_the_script_only_the_process_environment():
    script = ps.render_enable_bitlocker("E:\\", PASSWORD)
    assert "geheim" not in script.source and "Stop-Computer" not in script.source
    assert ps.decode_blob(script.source) == {
        "MountPoint": "E:\\",
        "PasswordVariable": ps.BITLOCKER_PASSWORD_ENV,
        "EncryptionMethod": "Aes128",
    }
    assert script.secrets == {ps.BITLOCKER_PASSWORD_ENV: PASSWORD}
    assert PASSWORD not in repr(script)


def test_script_uses_a_password_protector_then_a_recovery_password_in_aes_cbc_128():
    source = ps.render_enable_bitlocker("E:\\", "x" * 8).source
    # built with AppendChar: module logging (event 4103) would record a cmdlet's -String value
    assert "$secure.AppendChar($character)" in source and "ConvertTo-SecureString" not in source
    # read once from the environment, then removed from it
    assert "[Environment]::SetEnvironmentVariable([string]$in.PasswordVariable, $null)" in source
    enable = source.index("Enable-BitLocker @enable")
    add = source.index("Add-BitLockerKeyProtector @recoveryArgs")
    assert enable < add
    assert "PasswordProtector = $true" in source and "RecoveryPasswordProtector = $true" in source
    assert "UsedSpaceOnly" not in source  # the whole drive: deleted data must not travel readable
    assert "Get-Command -Name 'Enable-BitLocker'" in source
    assert ps.BITLOCKER_ENCRYPTION_METHOD == "Aes128"


def test_plan_script_never_carries_a_bitlocker_password():
    from hvseed_gui.core.plan import PlanVm, ReplicationPlan

    plan = ReplicationPlan("a", (PlanVm("v", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"),), "b")
    assert "Password" not in ps.decode_blob(ps.render_plan_script(plan))


# --- PowerShellHost -----------------------------------------------------------------------------


def test_result_is_parsed_and_the_recovery_password_stays_out_of_the_repr():
    runner = Runner(
        result_line(
            {
                "ok": True,
                "data": {
                    "mount_point": "E:",
                    "status": "EncryptionInProgress",
                    "protection": "Off",
                    "encryption_method": "Aes128",
                    "recovery_password": RECOVERY,
                    "protector_id": "{11111111-2222-3333-4444-555555555555}",
                },
            }
        )
    )
    result = PowerShellHost(runner).enable_bitlocker("E:\\", "longenough")
    assert result.recovery_password == RECOVERY
    assert result.protector_id == "{11111111-2222-3333-4444-555555555555}"
    assert result.status == "EncryptionInProgress" and result.encryption_method == "Aes128"
    assert RECOVERY not in repr(result)
    assert "longenough" not in runner.scripts[0]
    assert runner.secrets[0] == {ps.BITLOCKER_PASSWORD_ENV: "longenough"}


@pytest.mark.parametrize(
    "fqid,kind,words",
    [
        ("Hvseed.BitLockerMissing", FeatureMissing, "Install-WindowsFeature BitLocker"),
        ("Hvseed.BitLockerBusy", InvalidState, "already"),
        ("Hvseed.RecoveryPasswordMissing", CmdletError, "recovery password"),
    ],
)
def test_errors_map_to_sentences(fqid, kind, words):
    message = {
        "Hvseed.BitLockerMissing": "BitLocker Drive Encryption is not installed on HV01.",
        "Hvseed.BitLockerBusy": "BitLocker already protects E: on HV01.",
        "Hvseed.RecoveryPasswordMissing": "BitLocker started encrypting E: with your password, "
        "but no recovery password could be added.",
    }[fqid]
    record = {"category": "x", "cmdlet": "Enable-BitLocker", "message": message, "fqid": fqid}
    runner = Runner(result_line({"ok": False, "errors": [record]}))
    with pytest.raises(kind) as caught:
        PowerShellHost(runner).enable_bitlocker("E:\\", "longenough")
    assert words in str(caught.value)


def test_a_damaged_result_keeps_no_detail():
    runner = Runner(ps.RESULT_MARKER + "!!not base64!!")
    with pytest.raises(ProtocolError) as caught:
        PowerShellHost(runner).enable_bitlocker("E:\\", "longenough")
    assert caught.value.detail == ""


# --- the lab ------------------------------------------------------------------------------------


def test_recovery_password_format():
    for _ in range(50):
        text = lab_recovery_password()
        assert RECOVERY_RE.match(text)
        assert all(int(group) % 11 == 0 and int(group) < 720896 for group in text.split("-"))


def test_lab_encrypts_an_unencrypted_usb_drive(lab):
    host = lab.host("hv-a")
    before = {v.mount_point: v for v in host.usb_volumes()}
    assert before["F:\\"].bitlocker is BitLockerStatus.OFF
    result = host.enable_bitlocker("F:\\", "correct horse")
    assert RECOVERY_RE.match(result.recovery_password)
    assert result.protector_id.startswith("{") and result.encryption_method == "Aes128"
    after = {v.mount_point: v for v in host.usb_volumes()}
    assert after["F:\\"].bitlocker is BitLockerStatus.ON
    # nothing secret is written into the lab's state file
    state = json.dumps(lab.dump())
    assert "correct horse" not in state and result.recovery_password not in state


def test_lab_refusals(lab):
    host = lab.host("hv-a")
    with pytest.raises(InvalidState):
        host.enable_bitlocker("E:\\", "correct horse")  # SEED-USB is already encrypted
    with pytest.raises(CmdletError, match="minimum length"):
        host.enable_bitlocker("F:\\", "short")
    with pytest.raises(NotFound):
        host.enable_bitlocker("Q:\\", "correct horse")
    lab.set_bitlocker_feature("hv-a", False)
    with pytest.raises(FeatureMissing) as caught:
        host.enable_bitlocker("F:\\", "correct horse")
    assert "Install-WindowsFeature BitLocker" in str(caught.value)
    assert {v.mount_point: v for v in host.usb_volumes()}["F:\\"].bitlocker is BitLockerStatus.OFF


@pytest.fixture
def lab(tmp_path):
    from hvseed_gui.hyperv.lab import Lab

    return Lab.open(tmp_path / "lab")


# --- several VMs over several drives (PlanVm.destination_path) ----------------------------------


def test_plan_carries_a_destination_per_vm_into_json_and_the_script():
    from hvseed_gui.core.plan import PlanVm, ReplicationPlan

    a = PlanVm("A", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")
    b = PlanVm("B", "a1b2c3d4-e5f6-4711-8899-aabbccddeeff", destination_path="F:\\")
    plan = ReplicationPlan("hv-a", (a, b), "hv-b", destination_path="E:\\Seed")
    again = ReplicationPlan.from_json(plan.to_json())
    assert again.vms == (a, b)
    assert "destination_path" not in plan.to_dict()["vms"][0]  # old JSON stays as it was
    decoded = ps.decode_blob(ps.render_plan_script(plan))
    assert [vm["DestinationPath"] for vm in decoded["VMs"]] == ["E:\\Seed", "F:\\"]

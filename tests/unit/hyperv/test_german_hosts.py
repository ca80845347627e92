"""Issue 10, item 11: a German host words every error in German and writes its console in code
page 850; hvseed recognises errors by their IDs and HRESULTs, which Windows does not translate."""

from __future__ import annotations

from hvseed_gui.hyperv.host_errors import AccessDenied, InvalidState, MediaError
from hvseed_gui.hyperv.powershell.results import error_from_record
from hvseed_gui.hyperv.runners import decode_console, error_ids, policy_problem


def test_stderr_in_code_page_850_is_decoded():
    raw = "Zugriff verweigert: Prüfserver\r\n".encode("cp850")
    assert decode_console(raw, "cp850") == "Zugriff verweigert: Prüfserver\n"
    assert decode_console("Prüf".encode(), "cp850") == "Prüf"  # valid UTF-8 stays UTF-8


def test_constrained_language_recognised_by_its_error_id_in_german():
    text = (
        "Methodenaufrufe werden nur für Kerntypen in diesem Sprachmodus unterstützt.\n"
        "    + CategoryInfo          : InvalidOperation: (:) [], RuntimeException\n"
        "    + FullyQualifiedErrorId : MethodInvocationNotSupportedInConstrainedLanguage\n"
    )
    assert error_ids(text) == ["MethodInvocationNotSupportedInConstrainedLanguage"]
    problem = policy_problem(text, "hv01")
    assert problem is not None and "ConstrainedLanguage" in problem.message


def test_constrained_language_in_a_record_from_the_script():
    record = {
        "category": "InvalidOperation",
        "cmdlet": "",
        "message": "Der Typ kann nicht erstellt werden. Nur Kerntypen werden unterstützt.",
        "fqid": "CannotCreateTypeConstrainedLanguage",
        "hresult": -2146233087,
    }
    assert "ConstrainedLanguage" in error_from_record(record, host="hv01").message


def test_hyperv_invalid_state_by_its_error_id():
    record = {
        "category": "InvalidOperation",
        "cmdlet": "Start-VMFailover",
        "message": "Der Vorgang kann nicht ausgeführt werden, während sich das Objekt im "
        "aktuellen Zustand befindet.",
        "fqid": "InvalidState,Microsoft.HyperV.PowerShell.Commands.StartVMFailover",
        "hresult": -2146233079,
    }
    assert isinstance(error_from_record(record), InvalidState)


def test_access_and_media_by_hresult_in_german():
    denied = {
        "category": "NotSpecified",
        "cmdlet": "Get-VM",
        "message": "Zugriff verweigert",
        "fqid": "Microsoft.HyperV.PowerShell.Commands.GetVM",
        "hresult": -2147024891,  # 0x80070005
    }
    assert isinstance(error_from_record(denied), AccessDenied)
    full = {
        "category": "WriteError",
        "cmdlet": "hvseed",
        "message": "Auf dem Datenträger ist nicht genügend Speicherplatz verfügbar.",
        "fqid": "IOException",
        "hresult": -2147024784,  # 0x80070070
    }
    assert isinstance(error_from_record(full), MediaError)


def test_a_failed_export_job_on_a_full_drive_is_a_media_problem_in_german():
    from hvseed_gui.hyperv.host import JobState, VmRef
    from hvseed_gui.hyperv.powershell.progress import parse_progress
    from hvseed_gui.hyperv.powershell.results import MEDIA_HINT

    data = {
        "kind": "export",
        "replication_state": "InitialReplicationInProgress",
        "jobs": [
            {
                "job_id": "J1",
                "job_type": 116,
                "job_state": 10,
                "percent": 40,
                "error_code": 112,
                "error_description": "Auf dem Datenträger ist nicht genügend Speicherplatz.",
                "matched_by": "tracked",
            }
        ],
    }
    progress = parse_progress(data, VmRef("SQL01", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b"))
    assert progress.state is JobState.FAILED and MEDIA_HINT in progress.message

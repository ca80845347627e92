"""PowerShellHost's hashing job against canned Windows PowerShell 5.1 output.

The poll scripts report facts (the worker's state file as text, the launch record, whether the
worker process lives, the host's clock); these tests feed what 5.1 would print and check the
verdict: progress, hashes, a dead worker, a cancel, a stale heartbeat, a worker that never ran.
"""

from __future__ import annotations

import base64

import pytest

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import JobState
from hvseed_gui.hyperv.host_errors import CmdletError, NotFound
from tests.support.ps51 import FOLDER, JOB, facts, host_answering, result_line, worker_state


def test_start_sends_the_folder_only_as_data_and_reports_a_starting_job():
    host, runner = host_answering(facts(None))
    job = host.start_hashing(FOLDER, ["Virtual Hard Disks/Prüf.vhdx"])
    assert job.state is JobState.RUNNING and "Starting" in job.message
    assert job.folder == FOLDER
    (script,) = runner.scripts
    data = ps.decode_blob(script)
    assert data["Folder"] == FOLDER and len(data["JobId"]) == 36
    assert "Prüf" not in script and "Invoke-CimMethod -ClassName 'Win32_Process'" in script
    worker = base64.b64decode(data["WorkerCommand"]).decode("utf-16-le")
    assert ps.decode_blob(worker)["Paths"] == ["Virtual Hard Disks/Prüf.vhdx"]
    assert ps.decode_blob(worker)["JobId"] == data["JobId"] == job.job_id


def test_running_job_reports_bytes_without_hashes():
    host, runner = host_answering(facts(worker_state()))
    job = host.hashing_progress(JOB)
    assert (job.state, job.bytes_done, job.bytes_total) == (JobState.RUNNING, 2**30, 2**32)
    assert job.fraction == 0.25 and job.hashes == {} and job.message == ""
    assert ps.decode_blob(runner.scripts[0]) == {"JobId": JOB}


def test_completed_job_carries_lower_case_hashes_even_as_one_bare_object():
    text = worker_state(
        state="Completed",
        bytes_done=5,
        bytes_total=5,
        hashes={"path": "Virtual Hard Disks/Prüf's.vhdx", "sha256": "AB" * 32},
        unreadable={"path": "x.xml", "error": "Access to the path is denied."},
    )
    host, _ = host_answering(facts(text, alive=False))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.COMPLETED
    assert job.hashes == {"Virtual Hard Disks/Prüf's.vhdx": "ab" * 32}
    assert job.unreadable == {"x.xml": "Access to the path is denied."}


def test_a_dead_worker_is_failed_with_a_sentence():
    host, _ = host_answering(facts(worker_state(), alive=False))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.FAILED
    assert "hv01 (fake)" in job.message and "ended before it finished" in job.message
    assert job.bytes_done == 2**30


def test_a_worker_that_never_wrote_its_state_did_not_start():
    host, _ = host_answering(facts(None, alive=False))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.FAILED and "did not start" in job.message
    assert "hvseed verify" in job.message


def test_cancel_that_ended_the_process_is_cancelled_not_failed():
    host, runner = host_answering(facts(worker_state(), alive=False, cancel=True))
    job = host.cancel_hashing(JOB)
    assert job.state is JobState.CANCELLED and job.hashes == {}
    assert ps.decode_blob(runner.scripts[0])["JobId"] == JOB
    assert "Kill()" in runner.scripts[0] and ".cancel" in runner.scripts[0]


def test_cancel_acknowledged_by_the_worker():
    host, _ = host_answering(facts(worker_state(state="Cancelled"), alive=False, cancel=True))
    assert host.cancel_hashing(JOB).state is JobState.CANCELLED


def test_a_stale_heartbeat_is_said_while_the_process_lives():
    stale = worker_state(heartbeat="2026-03-01T09:49:00.0000000Z")
    host, _ = host_answering(facts(stale, alive=True))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.RUNNING and "No progress for 11 minutes" in job.message


def test_the_workers_own_failure_is_passed_on():
    text = worker_state(state="Failed", message="The folder E:\\x is gone while its files …")
    host, _ = host_answering(facts(text, alive=False))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.FAILED and "is gone" in job.message


def test_an_unknown_job_is_failed():
    host, _ = host_answering(facts(None, launch_created=None, alive=None, pid=0))
    job = host.hashing_progress(JOB)
    assert job.state is JobState.FAILED and "no hashing job" in job.message


def test_a_missing_folder_is_refused_by_the_start_script():
    record = {
        "category": "ObjectNotFound",
        "cmdlet": "Test-Path",
        "message": f"The folder {FOLDER} does not exist on HV01.",
        "fqid": "Hvseed.FolderNotFound",
        "hresult": None,
        "code": None,
    }
    host, _ = host_answering(result_line({"ok": False, "errors": [record]}))
    with pytest.raises(NotFound, match="does not exist on HV01"):
        host.start_hashing(FOLDER)


def test_bad_job_id_never_reaches_the_host():
    host, runner = host_answering(facts(None))
    with pytest.raises(CmdletError, match="not a hashing job ID"):
        host.hashing_progress("..\\..\\evil")
    assert runner.scripts == []


@pytest.mark.parametrize(
    "data,expected",
    [
        (
            {
                "exists": True,
                "size": 8,
                "content": base64.b64encode(b"\xef\xbb\xbf{ }\xc3\xa4").decode(),
            },
            "{ }ä",
        ),
        ({"exists": False, "size": 0, "content": None}, None),
    ],
)
def test_read_text_file_decodes_utf8_and_drops_the_bom(data, expected):
    host, runner = host_answering(result_line({"ok": True, "data": data}))
    assert host.read_text_file(FOLDER + ".hvseed-manifest.json", 1000) == expected
    assert ps.decode_blob(runner.scripts[0]) == {
        "Path": FOLDER + ".hvseed-manifest.json",
        "MaxBytes": 1000,
    }


def test_read_text_file_refuses_large_or_non_utf8_files():
    too_big = {"exists": True, "size": 5000, "content": None}
    host, _ = host_answering(result_line({"ok": True, "data": too_big}))
    with pytest.raises(CmdletError, match="larger than 1,000 bytes"):
        host.read_text_file("E:\\m.json", 1000)
    latin = {"exists": True, "size": 2, "content": base64.b64encode(b"\xe4\xfc").decode()}
    host, _ = host_answering(result_line({"ok": True, "data": latin}))
    with pytest.raises(CmdletError, match="not UTF-8"):
        host.read_text_file("E:\\m.json", 1000)

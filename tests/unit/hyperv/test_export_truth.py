"""An export is COMPLETED only when it is: the tracked job, a finished copy job, or a full folder.

PowerShellHost is fed canned results in Windows PowerShell 5.1's shapes (a bare object where a
list was meant, ``null`` lists, ``"\\/Date(ms)\\/"`` times, numbers as text). The lab is checked
for the same judgement once its finished job records have disappeared, as Hyper-V's do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host import ExportHandle, JobState, ReplicationState, VmRef
from hvseed_gui.hyperv.host_errors import InvalidState
from hvseed_gui.hyperv.powershell.progress import parse_progress
from hvseed_gui.hyperv.ps_host import PowerShellHost
from tests.support.lab import finish, plan_for
from tests.support.ps51 import FakeRunner, result_line

PS51 = Path(__file__).resolve().parents[2] / "fixtures" / "ps51"
VM = VmRef("SQL01", "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")
FOLDER = "E:\\Seed\\SQL01_6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"
TRACKED = "5C1D9F2E-0A3B-4C5D-8E7F-1A2B3C4D5E6F"
GiB = 1024**3


def doc(**data) -> dict:
    base = {
        "vm_name": "SQL01",
        "vm_id": VM.id.upper(),
        "kind": "export",
        "replication_state": "InitialReplicationInProgress",
        "jobs": None,
        "unattributed_running": 0,
        "folder": FOLDER,
        "bytes_done": "26214400000",  # 5.1 may send a number as text
        "bytes_total": 42949672960,
        "started": None,
        "method_return": None,
        "stopped": False,
        "job_id": "",
    }
    base.update(data)
    return {"ok": True, "data": base}


def job(job_type: int, job_state: int, percent: int = 0, **extra) -> dict:
    record = {
        "job_id": extra.pop("job_id", "9E8D7C6B-5A49-4837-A625-1F0E0D0C0B0A"),
        "job_type": job_type,
        "job_state": job_state,
        "percent": percent,
        "error_code": 0,
        "error_description": "",
        "start_time": "\\/Date(1700000000000)\\/",
        "matched_by": "association",
    }
    record.update(extra)
    return record


def poll(document: dict) -> tuple:
    runner = FakeRunner(result_line(document))
    host = PowerShellHost(runner)
    return host.export_progress(ExportHandle(VM, "")), runner


# --- §1 PowerShell: never COMPLETED early ---------------------------------------------------


def test_no_job_while_initial_replication_in_progress_is_not_completed():
    progress, _ = poll(doc())
    assert progress.state is JobState.RUNNING
    assert progress.message.startswith("Hyper-V no longer shows the export job")
    assert "26,214,400,000 of 42,949,672,960 bytes" in progress.message
    assert progress.percent is None


def test_no_job_and_no_destination_says_it_cannot_tell():
    progress, _ = poll(doc(folder="", bytes_done=None))
    assert progress.state is JobState.RUNNING
    assert "does not know the destination folder" in progress.message


def test_no_job_but_the_folder_holds_the_whole_copy_is_completed():
    progress, _ = poll(doc(bytes_done=42949672960 + 4096))  # the copy plus its configuration
    assert (progress.state, progress.percent, progress.message) == (JobState.COMPLETED, 100.0, "")


def test_completed_start_job_118_with_running_copy_job_116_is_running():
    jobs = [job(118, 7, 100), job(116, 4, 61)]
    progress, _ = poll(doc(jobs=jobs))
    assert progress.state is JobState.RUNNING
    assert progress.percent == 61.0  # the copy's percent, not the starter's 100


def test_completed_start_job_118_alone_is_not_the_end_of_the_copy():
    progress, _ = poll(doc(jobs=job(118, 7, 100)))  # one bare object, as 5.1 sends it
    assert progress.state is JobState.RUNNING
    assert "no longer shows the export job" in progress.message


def test_tracked_start_job_118_completed_is_not_the_end_either():
    # UNCONFIRMED which job StartReplication returns; if it is the 118 starter, its end is not
    # the copy's end
    tracked = job(118, 7, 100, job_id=TRACKED, matched_by="tracked")
    progress, _ = poll(doc(jobs=tracked, job_id=TRACKED))
    assert progress.state is JobState.RUNNING
    assert progress.job_id == TRACKED


def test_completed_copy_job_116_is_completed():
    progress, _ = poll(doc(jobs=[job(118, 7, 100), job(116, 7, 100)]))
    assert progress.state is JobState.COMPLETED


def test_a_job_that_cannot_be_tied_to_a_vm_is_never_credited():
    # Another VM's export runs; Hyper-V links it to no VM: this VM shows RUNNING, not its end.
    progress, _ = poll(doc(jobs=[], unattributed_running=1))
    assert progress.state is JobState.RUNNING
    # the finished job of another VM is not even reported: the state path judges
    later, _ = poll(doc(jobs=None, unattributed_running=0))
    assert later.state is JobState.RUNNING


def test_the_script_counts_unlinked_jobs_but_never_adds_them_to_this_vms_jobs():
    source = ps.render_export_progress(VM, "E:\\Seed").source
    assert "only-job" not in source
    body = source[source.index("function Get-HvseedJobs") :]
    body = body[: body.index("\n}\n")]
    # an unlinked job is only counted; only the tracked job and linked jobs are output
    assert body.count("[void]$out.Add(") == 2
    assert "-MatchedBy 'tracked'" in body and "-MatchedBy 'association'" in body
    assert "$unattributed = $unattributed + 1" in body


def test_tracked_job_id_is_asked_for_and_decides():
    started = doc(
        jobs=job(118, 4, 0, job_id=TRACKED, matched_by="tracked"),
        method_return=4096,
        job_id=TRACKED,
        bytes_done=0,
    )
    runner = FakeRunner(result_line(started))
    host = PowerShellHost(runner)
    first = host.start_export(VM, "E:\\Seed")
    assert (first.state, first.job_id) == (JobState.RUNNING, TRACKED)

    runner.answer = result_line(
        doc(
            jobs=[
                job(116, 7, 100, job_id=TRACKED, matched_by="tracked"),
                # an earlier attempt's failed copy job, started a day before: not this export
                job(116, 10, 12, start_time="\\/Date(1699900000000)\\/"),
            ],
            job_id=TRACKED,
        )
    )
    assert first.handle == ExportHandle(VM, "E:\\Seed", TRACKED)
    done = host.export_progress(first.handle)
    assert done.state is JobState.COMPLETED
    blob = ps.decode_blob(runner.scripts[1])
    assert (blob["JobId"], blob["Destination"]) == (TRACKED, "E:\\Seed")
    fresh = FakeRunner(runner.answer)  # another host object given the same handle asks the same
    assert PowerShellHost(fresh).export_progress(first.handle).state is JobState.COMPLETED
    assert ps.decode_blob(fresh.scripts[0]) == blob


def test_a_new_process_passes_destination_and_job_id():
    runner = FakeRunner(result_line(doc()))
    PowerShellHost(runner).export_progress(ExportHandle(VM, "E:\\Seed", TRACKED))
    blob = ps.decode_blob(runner.scripts[0])
    assert (blob["JobId"], blob["Destination"]) == (TRACKED, "E:\\Seed")


def test_failed_tracked_job_wins_over_an_old_completed_one():
    jobs = [
        job(116, 10, 40, job_id=TRACKED, matched_by="tracked", error_description="Disk gone."),
        job(116, 7, 100),
    ]
    progress, _ = poll(doc(jobs=jobs))
    assert (progress.state, progress.message) == (JobState.FAILED, "Disk gone.")


def test_the_old_only_job_fixture_no_longer_credits_a_completed_118():
    raw = json.loads((PS51 / "progress_export_failed.json").read_text(encoding="utf-8"))
    # the copy job failed: FAILED (not the starter's COMPLETED)
    assert parse_progress(raw["data"], VM).state is JobState.FAILED


def test_cancel_never_turns_a_finished_export_into_cancelled():
    progress = parse_progress(doc(bytes_done=42949672960)["data"], VM, cancelled=True)
    assert progress.state is JobState.COMPLETED


# --- §1 lab: finished job records disappear; the same judgement follows -----------------------


def test_lab_forgets_a_finished_job_and_judges_like_a_real_host(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, "E:\\")
    assert started.job_id
    done = finish(lambda: a.export_progress(started.handle), clock)
    assert done.state is JobState.COMPLETED
    clock.advance(299)
    assert lab.host("hv-a").export_progress(started.handle).state is JobState.COMPLETED  # shown
    clock.advance(2)  # past TimeBeforeRemoval: the record is gone

    stranger = lab.host("hv-a")  # a new process: no destination, no job ID
    blind = stranger.export_progress(ExportHandle(vm.ref, ""))
    assert blind.state is JobState.RUNNING
    assert blind.replication_state is ReplicationState.INITIAL_REPLICATION_IN_PROGRESS
    assert "does not know the destination folder" in blind.message

    told = stranger.export_progress(ExportHandle(vm.ref, "E:\\", started.job_id))
    assert told.state is JobState.COMPLETED
    assert told.folder == done.folder and told.bytes_done >= told.bytes_total > 0
    assert started.handle == ExportHandle(vm.ref, "E:\\", started.job_id)  # nothing else kept
    assert a.export_progress(started.handle).state is JobState.COMPLETED  # same as the stranger


def test_lab_partial_folder_without_job_is_running_not_completed(lab, clock):
    lab.configure(export_bytes_per_sec=1 * GiB, job_removal_seconds=0)
    a = lab.host("hv-a")
    vm = a.inventory().vm("DC01")
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, "E:\\")
    clock.advance(2)
    with lab.world() as w:  # Hyper-V lost the job record while the copy is half-written
        w.state["jobs"].clear()
    progress = lab.host("hv-a").export_progress(ExportHandle(vm.ref, "E:\\"))
    assert lab.host("hv-a").export_progress(started.handle).state is JobState.RUNNING  # same
    assert progress.state is JobState.RUNNING
    assert progress.bytes_done < progress.bytes_total
    assert "no longer shows the export job" in progress.message


def test_lab_job_removal_delay_is_a_setting(lab, clock):
    lab.configure(job_removal_seconds=3600)
    assert lab.settings["job_removal_seconds"] == 3600
    with pytest.raises(ValueError):
        lab.configure(job_removal_seconds=-1)


def test_lab_cancel_after_the_record_is_gone_still_says_completed(lab, clock):
    a = lab.host("hv-a")
    vm = a.inventory().vm("TinyLinux")
    a.enable_replication(plan_for(vm), vm.ref)
    started = a.start_export(vm.ref, "E:\\")
    finish(lambda: a.export_progress(started.handle), clock)
    clock.advance(3600)
    with pytest.raises(InvalidState, match="already completed"):
        a.cancel_export(started.handle)

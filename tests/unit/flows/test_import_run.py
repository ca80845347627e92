"""ImportRun's steps the wizard calls one by one (no Qt): the sender's fingerprint given after
the check began is judged without hashing again, and a remembered import is followed by its
job ID."""

from __future__ import annotations

from pathlib import Path

import pytest

from hvseed_gui.core.import_gate import IntegrityState
from hvseed_gui.core.manifest import fingerprint_of, manifest_paths
from hvseed_gui.flows.import_run import ImportRun
from hvseed_gui.hyperv.host import JobState, ReplicationState
from hvseed_gui.hyperv.lab import Lab
from tests.support.import_side import export_on_primary, remove_manifest


@pytest.fixture
def shipped(tmp_path: Path):
    lab = Lab.open(tmp_path / "lab")
    lab.configure(export_bytes_per_sec=500 * 2**30, import_bytes_per_sec=500 * 2**30)
    vm, folder = export_on_primary(lab, "TinyLinux")
    lab.move_drive("hv-a", "E:", "hv-b")
    real = lab.real_path("hv-b", folder)
    return lab, vm, folder, real


def test_a_fingerprint_given_later_is_judged_without_hashing_again(shipped, monkeypatch):
    lab, vm, folder, real = shipped
    run = ImportRun(lab.host("hv-b"), vm.ref, folder, poll=0.01)
    assert run.verify().verified
    sent = fingerprint_of(manifest_paths(real)[0].read_bytes())

    import hvseed_gui.flows.import_run as module

    def no_hashing(*_args, **_kwargs):
        raise AssertionError("hashed again")

    monkeypatch.setattr(module, "verify_where_the_drive_is", no_hashing)
    assert run.expect_fingerprint("0000 0000 0000 0000").state is (
        IntegrityState.FINGERPRINT_MISMATCH
    )
    assert not run.integrity.passes
    assert run.expect_fingerprint(sent[:16].upper()).verified
    assert run.expect_fingerprint("").verified  # cleared: as if never given
    with pytest.raises(ValueError, match="16 hex digits"):
        run.expect_fingerprint("12ab")


def test_the_decision_does_not_survive_a_new_verdict(shipped):
    lab, vm, folder, real = shipped
    remove_manifest(real)
    run = ImportRun(lab.host("hv-b"), vm.ref, folder, poll=0.01)
    assert run.verify().state is IntegrityState.NO_MANIFEST
    assert run.decide_without_manifest().passes
    # the sender says there was a manifest: no longer a choice, and the decision is gone
    assert run.expect_fingerprint("1a2b3c4d5e6f7a8b").state is IntegrityState.FINGERPRINT_MISMATCH
    assert not run.integrity.passes
    assert run.expect_fingerprint("").state is IntegrityState.NO_MANIFEST
    assert not run.integrity.passes  # decide again


def test_a_remembered_import_is_followed_by_its_job_id(shipped):
    lab, vm, folder, real = shipped
    lab.configure(import_bytes_per_sec=50 * 2**20)  # still running when followed again
    first = ImportRun(lab.host("hv-b"), vm.ref, folder, poll=0.01)
    first.verify()
    started = lab.host("hv-b").start_import(vm.ref, folder)  # as the closed window did
    lab.configure(import_bytes_per_sec=500 * 2**30)
    again = ImportRun(lab.host("hv-b"), vm.ref, folder, poll=0.01)
    job = again.follow_running(started.job_id)
    assert job.state is JobState.COMPLETED
    state = lab.host("hv-b").inventory().vm(vm.id).replication_state
    assert state is ReplicationState.REPLICATING


def test_a_job_hyperv_no_longer_knows_comes_back_as_it_is(shipped):
    lab, vm, folder, real = shipped
    run = ImportRun(lab.host("hv-b"), vm.ref, folder, poll=0.01)
    job = run.follow_running("no-such-job")
    assert job.state is JobState.NOT_STARTED

"""The wizard's "Hash again" (``ManifestHasher`` over ``ExportRun.write_manifest``) replaces an
incomplete manifest and keeps a complete one: the same rule as ``hvseed run``."""

from __future__ import annotations

from hvseed_gui.core.manifest import ManifestState, manifest_paths, manifest_state, verify_manifest
from hvseed_gui.core.plan import PlanVm, ReplicationPlan
from hvseed_gui.hyperv.host import VmRef
from hvseed_gui.ui import manifests as ui_manifests
from tests.support.export_folders import VM_ID, make_export, write


def export_on_drive(lab):
    """An export folder on the lab primary's USB drive E:."""
    return make_export(lab.real_path(lab.primary_name, "E:\\"))


def hash_once(qtbot, lab, folder) -> ui_manifests.ManifestJob:
    hasher = ui_manifests.ManifestHasher()
    hasher.host = lab.host(lab.primary_name)
    hasher.plan = ReplicationPlan(
        primary_host=lab.primary_name,
        vms=(PlanVm("Prüf-Server", VM_ID),),
        replica_server=lab.replica_name,
        destination_path="E:\\",
    )
    hasher.poll_interval = 0.01
    job = ui_manifests.ManifestJob(VmRef("Prüf-Server", VM_ID), f"E:\\{folder.name}", "hv-a")
    hasher.reset([job])
    with qtbot.waitSignal(hasher.finished, timeout=20_000):
        hasher.start()
    return job


def test_hash_again_replaces_an_emptied_manifest(qtbot, lab):
    folder = export_on_drive(lab)
    write(folder)
    json_path, sums_path = manifest_paths(folder)
    json_path.write_bytes(b"")
    sums_path.unlink()
    assert manifest_state(folder) is ManifestState.INCOMPLETE

    job = hash_once(qtbot, lab, folder)

    assert job.outcome is ui_manifests.Outcome.WRITTEN, job.error
    assert not job.kept
    assert verify_manifest(folder).ok


def test_hash_again_keeps_a_complete_manifest(qtbot, lab):
    folder = export_on_drive(lab)
    write(folder)
    json_path, _ = manifest_paths(folder)
    before = json_path.read_bytes()

    job = hash_once(qtbot, lab, folder)

    assert job.kept, (job.outcome, job.error)
    assert json_path.read_bytes() == before

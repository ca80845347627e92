"""The wizard's "Hash again" (``ManifestHasher``) replaces an incomplete manifest, never a
complete one: the same rule as ``hvseed manifest``."""

from __future__ import annotations

from hvseed_gui.core.manifest import ManifestState, manifest_paths, manifest_state, verify_manifest
from hvseed_gui.hyperv.host import VmRef
from hvseed_gui.ui import manifests as ui_manifests
from tests.core.test_manifest import VM_ID, make_export, write


def hash_once(qtbot, folder) -> ui_manifests.ManifestJob:
    hasher = ui_manifests.ManifestHasher()
    hasher.locate = lambda _folder: folder
    job = ui_manifests.ManifestJob(VmRef("Prüf-Server", VM_ID), f"E:\\{folder.name}", "hv-a")
    hasher.reset([job])
    with qtbot.waitSignal(hasher.finished, timeout=20_000):
        hasher.start()
    return job


def test_hash_again_replaces_an_emptied_manifest(qtbot, tmp_path):
    folder = make_export(tmp_path)
    write(folder)
    json_path, sums_path = manifest_paths(folder)
    json_path.write_bytes(b"")
    sums_path.unlink()
    assert manifest_state(folder) is ManifestState.INCOMPLETE

    job = hash_once(qtbot, folder)

    assert job.outcome is ui_manifests.Outcome.WRITTEN, job.error
    assert verify_manifest(folder).ok


def test_hash_again_keeps_a_complete_manifest(qtbot, tmp_path):
    folder = make_export(tmp_path)
    write(folder)
    json_path, _ = manifest_paths(folder)
    before = json_path.read_bytes()

    job = hash_once(qtbot, folder)

    assert job.outcome is ui_manifests.Outcome.FAILED
    assert "already exists" in job.error
    assert json_path.read_bytes() == before

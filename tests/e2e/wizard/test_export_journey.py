"""The whole wizard on the lab: Next, Next, … ends with a real export folder on the USB drive,
its integrity manifest beside it and the handover report."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from hvseed_gui.core.manifest import (
    fingerprint_of,
    manifest_paths,
    short_fingerprint,
    verify_manifest,
)
from hvseed_gui.hyperv.host import JobState, ReplicationState
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import walk_to_summary


def test_next_next_next_exports_to_the_usb_drive(lab, make_wizard, drive, settings_path):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)

    plan = wizard.build_plan()
    assert plan.validate() == []
    assert plan.replica_server == lab.replica_name
    assert plan.frequency_sec == 300 and plan.compression
    assert plan.destination_path.upper().startswith("E:\\")
    vm = wizard.ctx.vm

    drive.next(wizard, PageId.PROGRESS)
    progress = wizard.page_of(PageId.PROGRESS)
    drive.until(lambda: progress.page_complete())
    assert progress.state is JobState.COMPLETED
    # the running export was remembered while it ran and forgotten once it finished
    assert not QSettings(str(settings_path), QSettings.Format.IniFormat).value(
        "export/running", False, type=bool
    )

    drive.next(wizard, PageId.DONE)
    done = wizard.page_of(PageId.DONE)
    drive.idle(done)
    folder = wizard.ctx.export_folder
    assert folder.endswith(f"{vm.name}_{vm.id}")
    real = lab.real_path(lab.primary_name, folder)
    assert real.is_dir()
    written = {p.name.lower() for p in real.rglob("*") if p.is_file()}
    for vhd in vm.vhds:
        assert vhd.file_name.lower() in written
    assert done.listing is not None and done.listing.files

    # the integrity manifest sits beside the folder (never inside) and matches every file
    json_path, sums_path = manifest_paths(real)
    assert json_path.parent == real.parent and json_path.is_file() and sums_path.is_file()
    check = verify_manifest(real)
    assert check.ok, check.to_text()
    assert {f.path for f in check.files} == {e.path for e in done.listing.files}
    assert check.manifest.vm_id == vm.id and check.manifest.replica_server == lab.replica_name
    assert done.hashing_box.result.kind == "ok" and json_path.name in done.hashing_box.result.text()
    # its fingerprint, short and in full, selectable, to pass on apart from the drive
    full = fingerprint_of(json_path.read_bytes())
    shown = done.fingerprints
    assert shown.isVisible() and "apart from the drive" in shown.advice.text()
    assert f"{vm.name}: {short_fingerprint(full)}" in shown.values.text()
    assert full in shown.values.text()
    assert shown.values.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # the handover report lists the VM with the hashes of its files
    drive.until(lambda: done.handover.report is not None)
    reports = list(real.parent.glob("HANDOVER-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_bytes().decode("utf-8-sig")
    assert vm.name in text and vm.id in text and "No integrity manifest" not in text
    for entry in check.manifest.files:
        assert entry.sha256 in text

    # the replica VM waits on Host B for the drive
    replica = lab.host(lab.replica_name).inventory().vm(vm.id)
    assert replica is not None
    assert replica.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION


def test_summary_shows_and_saves_the_script_the_host_would_run(
    lab, make_wizard, drive, prompt, tmp_path
):
    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    summary = wizard.currentPage()
    expected = wizard.ctx.host.plan_script(summary.plan)
    summary.show_ps.setChecked(True)
    assert summary.script.isVisible() and summary.script.toPlainText() == expected
    assert "Enable-VMReplication" in expected
    target = tmp_path / "enable.ps1"
    prompt.paths.append(str(target))
    summary.save_ps.click()
    assert target.read_bytes() == expected.encode("utf-8-sig")
    assert summary.status.kind == "ok"

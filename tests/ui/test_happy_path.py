"""The whole wizard on the lab: Next, Next, … ends with a real export folder on the USB drive."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from hvseed_gui.hyperv.host import JobState, ReplicationState
from hvseed_gui.ui.ids import PageId


def walk_to_summary(drive, wizard) -> None:
    for page_id in (
        PageId.CONNECT,
        PageId.VM,
        PageId.REPLICA,
        PageId.PARAMS,
        PageId.VHDS,
        PageId.FREQUENCY,
        PageId.RECOVERY,
        PageId.METHOD,
        PageId.MEDIA,
        PageId.SUMMARY,
    ):
        drive.next(wizard, page_id)


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

    # the replica VM waits on Host B for the drive
    replica = lab.host(lab.replica_name).inventory().vm(vm.id)
    assert replica is not None
    assert replica.replication_state is ReplicationState.WAITING_FOR_INITIAL_REPLICATION

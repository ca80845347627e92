"""The drive page remembers the chosen drive by what it is (serial, label, file system, size),
not by its letter: a different drive plugged in at the same letter clears the choice, says so,
and Next stays off; the chosen drive coming back is chosen again."""

from __future__ import annotations

from tests.support.wizard import media_page


def _chosen_e(page, drive):
    page.select_drive("E:\\")
    drive.until(lambda: page.isComplete())
    volume = page.selected_volume()
    assert volume is not None and volume.mount_point == "E:\\" and volume.label == "SEED-USB"
    return volume


def test_another_drive_at_the_same_letter_clears_the_choice_and_says_so(lab, make_wizard, drive):
    wizard = make_wizard()
    page = media_page(drive, wizard)
    _chosen_e(page, drive)
    # the swap happens between two polls: E: out, a different FAT32 drive in as E:
    lab.unplug("hv-a", "E:")
    lab.add_usb_volume("hv-a", "E:", "SEED-USB2", "FAT32", 64 * 10**9)
    page.poll_now()
    drive.until(lambda: page.drive_notice != "")
    assert page.selected_volume() is None
    assert not page.isComplete()
    text = page.status.text()
    assert "E:" in text and "not the drive you chose" in text and "SEED-USB" in text
    # a second poll does not slide onto the stranger either
    page.poll_now()
    drive.until(lambda: not page.poller.busy)
    assert page.selected_volume() is None and not page.isComplete()
    # the admin chooses again: the notice goes
    page.select_drive("E:\\")
    assert page.selected_volume().label == "SEED-USB2"
    assert page.drive_notice == ""


def test_the_chosen_drive_unplugged_then_back_at_another_letter_is_chosen_again(
    lab, make_wizard, drive
):
    wizard = make_wizard()
    page = media_page(drive, wizard)
    chosen = _chosen_e(page, drive)
    drive_id = lab.unplug("hv-a", "E:")
    page.poll_now()
    drive.until(lambda: "unplugged" in page.drive_notice)
    assert page.selected_volume() is None and not page.isComplete()
    assert "was unplugged" in page.status.text()
    lab.plug(drive_id, "hv-a", "H:")
    page.poll_now()
    drive.until(lambda: page.selected_volume() is not None)
    again = page.selected_volume()
    assert again.mount_point == "H:\\" and again.serial == chosen.serial
    assert page.drive_notice == ""

"""A BitLocker recovery key that cannot get lost: the drive page cannot be left while BitLocker
turns on, an unsaved key blocks Next and Close, and the key reaches an admin who went back."""

from __future__ import annotations

import re

from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import forward_button, media_page

RECOVERY_RE = re.compile(r"(\d{6}-){7}\d{6}")


def _encrypting(drive, wizard, prompt, key_path):
    page = media_page(drive, wizard)
    page.select_drive("F:\\")
    page.encrypt_toggle.setChecked(True)
    panel = page.bitlocker
    prompt.paths.append(str(key_path))
    panel.password.setText("Kurier-2026!")
    panel.confirm.setText("Kurier-2026!")
    panel.choose_button.click()
    return page, panel


def test_drive_page_cannot_be_left_forward_or_closed_while_bitlocker_turns_on(
    lab, make_wizard, drive, prompt, tmp_path
):
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, tmp_path / "key.txt")
    drive.until(lambda: forward_button(wizard).isEnabled())
    lab.configure(latency=0.3)
    panel.encrypt_button.click()
    assert panel.runner.busy and not forward_button(wizard).isEnabled()
    wizard.reject()  # the admin answers No: the window stays
    assert wizard.isVisible() and prompt.asked[-1][0] == "BitLocker is being turned on"
    drive.until(lambda: not panel.runner.busy)
    lab.configure(latency=0.0)
    drive.until(lambda: panel.status.kind == "ok")
    drive.until(lambda: forward_button(wizard).isEnabled())
    assert RECOVERY_RE.search((tmp_path / "key.txt").read_text())


def test_unsaved_recovery_key_blocks_next_and_close_until_it_is_saved(
    lab, make_wizard, drive, prompt, tmp_path, settings_path
):
    taken = tmp_path / "taken.txt"
    taken.write_text("the key of another drive")  # never overwritten: the save fails
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, taken)
    panel.encrypt_button.click()
    drive.until(lambda: panel.unsaved is not None)
    assert not forward_button(wizard).isEnabled()
    retry = tmp_path / "retry.txt"
    prompt.paths.append(str(retry))
    wizard.reject()  # "Close without saving?" No → the save dialog opens at once
    assert wizard.isVisible()
    drive.until(lambda: panel.unsaved is None)
    recovery = RECOVERY_RE.search(retry.read_text()).group(0)
    drive.until(lambda: forward_button(wizard).isEnabled())
    settings = settings_path.read_text() if settings_path.exists() else ""
    assert recovery not in settings


def test_recovery_key_reaches_the_admin_who_went_back(lab, make_wizard, drive, prompt, tmp_path):
    taken = tmp_path / "taken.txt"
    taken.write_text("the key of another drive")
    wizard = make_wizard()
    page, panel = _encrypting(drive, wizard, prompt, taken)
    lab.configure(latency=0.3)
    panel.encrypt_button.click()
    retry = tmp_path / "retry.txt"
    prompt.paths.append(str(retry))
    wizard.back()  # Back stays possible while the call runs
    assert wizard.currentId() == PageId.METHOD
    drive.until(lambda: not panel.runner.busy)
    lab.configure(latency=0.0)
    # the save dialog came to the admin on the page they are on; the key is in the file
    assert prompt.asked[-1][0] == "Save the BitLocker recovery key"
    assert panel.unsaved is None and RECOVERY_RE.search(retry.read_text())
    assert lab.host("hv-a").usb_volumes()[1].bitlocker is BitLockerStatus.ON

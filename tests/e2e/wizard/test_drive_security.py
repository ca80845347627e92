"""The drive page's BitLocker To Go panel, the summary's warning for an unencrypted drive, and the
hot-plug refresh (WM_DEVICECHANGE filter, polling off the GUI thread)."""

from __future__ import annotations

import ctypes
import re
import threading

from PySide6.QtWidgets import QWizard

from hvseed_gui.core.volumes import BitLockerStatus
from hvseed_gui.ui import devicechange
from hvseed_gui.ui.devicechange import MSG, DeviceChangeFilter
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.export import media as media_module
from tests.support.wizard import media_page

RECOVERY_RE = re.compile(r"(\d{6}-){7}\d{6}")


def bitlocker_cell(page, mount: str) -> str:
    for row in range(page.table.rowCount()):
        if page.table.item(row, 0).text() == mount:
            return page.table.item(row, 4).text()
    raise AssertionError(mount)


def test_drive_table_shows_bitlocker_per_drive(lab, make_wizard, drive):
    page = media_page(drive, make_wizard())
    assert bitlocker_cell(page, "E:\\") == "On"
    assert bitlocker_cell(page, "F:\\").startswith("Off")
    page.select_drive("E:\\")
    assert not page.encrypt_toggle.isEnabled()  # already encrypted
    page.select_drive("F:\\")
    assert page.encrypt_toggle.isEnabled()


def test_encrypting_a_drive_saves_the_recovery_key_off_the_drive(
    lab, make_wizard, drive, prompt, tmp_path, settings_path
):
    wizard = make_wizard()
    page = media_page(drive, wizard)
    page.select_drive("F:\\")
    page.encrypt_toggle.setChecked(True)
    panel = page.bitlocker
    on_the_drive = lab.real_path("hv-a", "F:\\") / "key.txt"
    here = tmp_path / "keys" / "F-recovery.txt"
    here.parent.mkdir()
    prompt.paths.extend([str(on_the_drive), str(here)])

    panel.password.setText("short")
    panel.confirm.setText("short")
    assert not panel.encrypt_button.isEnabled() and "8 characters" in panel.problem()
    panel.password.setText("Kurier-2026!")
    panel.confirm.setText("Kurier-2026?")
    assert "differ" in panel.problem()
    panel.confirm.setText("Kurier-2026!")
    panel.choose_button.click()  # a file on the drive it unlocks is refused
    assert panel.status.kind == "error" and "must not be saved on the drive" in panel.status.text()
    assert panel.key_path.text() == ""
    panel.choose_button.click()
    assert panel.key_path.text() == str(here)
    assert panel.encrypt_button.isEnabled()
    panel.encrypt_button.click()
    assert panel.password.text() == ""  # the password leaves the GUI at once
    drive.until(lambda: panel.status.kind == "ok")

    text = here.read_text(encoding="utf-8")
    assert RECOVERY_RE.search(text) and "F:\\" in text
    assert "Kurier-2026!" not in text
    assert not on_the_drive.exists()
    drive.until(lambda: bitlocker_cell(page, "F:\\") == "On")
    assert not page.encrypt_toggle.isEnabled()
    recovery = RECOVERY_RE.search(text).group(0)
    stored = settings_path.read_text() if settings_path.exists() else ""
    assert recovery not in stored and "Kurier" not in stored
    assert recovery not in repr(panel.__dict__)


def test_missing_bitlocker_feature_says_how_to_add_it(lab, make_wizard, drive, prompt, tmp_path):
    lab.set_bitlocker_feature("hv-a", False)
    page = media_page(drive, make_wizard())
    page.select_drive("F:\\")
    page.encrypt_toggle.setChecked(True)
    panel = page.bitlocker
    prompt.paths.append(str(tmp_path / "key.txt"))
    panel.password.setText("Kurier-2026!")
    panel.confirm.setText("Kurier-2026!")
    panel.choose_button.click()
    panel.encrypt_button.click()
    drive.until(lambda: panel.status.kind == "error")
    assert "not installed" in panel.status.text()
    assert "Install-WindowsFeature BitLocker" in panel.status.text()
    assert not (tmp_path / "key.txt").exists()
    assert lab.host("hv-a").usb_volumes()[1].bitlocker is BitLockerStatus.OFF


def test_an_existing_key_file_is_never_overwritten(lab, make_wizard, drive, prompt, tmp_path):
    old = tmp_path / "key.txt"
    old.write_text("the key of another drive")
    page = media_page(drive, make_wizard())
    page.select_drive("F:\\")
    page.encrypt_toggle.setChecked(True)
    panel = page.bitlocker
    prompt.paths.extend([str(old), str(tmp_path / "new.txt")])
    panel.password.setText("Kurier-2026!")
    panel.confirm.setText("Kurier-2026!")
    panel.choose_button.click()
    panel.encrypt_button.click()
    drive.until(lambda: panel.unsaved is not None)  # encrypted, key kept until it is saved
    assert "never overwrites" in panel.status.text() and panel.save_again.isVisible()
    assert old.read_text() == "the key of another drive"
    panel.save_again.click()  # asks for a new file
    drive.until(lambda: panel.status.kind == "ok")
    assert RECOVERY_RE.search((tmp_path / "new.txt").read_text()) and panel.unsaved is None


def test_summary_warns_about_an_unencrypted_drive_without_blocking(lab, make_wizard, drive):
    wizard = make_wizard()
    page = media_page(drive, wizard)
    page.select_drive("F:\\")
    drive.next(wizard, PageId.SUMMARY)
    summary = wizard.currentPage()
    assert summary.status.kind == "warning"
    assert "Not encrypted: F:\\" in summary.status.text() and summary.warning
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_summary_is_quiet_for_an_encrypted_drive(lab, make_wizard, drive):
    wizard = make_wizard()
    media_page(drive, wizard).select_drive("E:\\")
    drive.next(wizard, PageId.SUMMARY)
    assert wizard.currentPage().warning == ""


# --- hot-plug -----------------------------------------------------------------------------------


def _msg(message: int, wparam: int) -> MSG:
    return MSG(hwnd=None, message=message, wParam=wparam, lParam=0, time=0, pt_x=0, pt_y=0)


def test_device_change_filter_reacts_to_drive_arrival_and_removal_only():
    calls = []
    event_filter = DeviceChangeFilter(lambda: calls.append(1))
    for wparam in (devicechange.DBT_DEVICEARRIVAL, devicechange.DBT_DEVICEREMOVECOMPLETE):
        msg = _msg(devicechange.WM_DEVICECHANGE, wparam)
        assert event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg)) == (
            False,
            0,
        )
    assert len(calls) == 2
    other = _msg(devicechange.WM_DEVICECHANGE, 0x0007)  # DBT_DEVNODES_CHANGED: not a volume
    event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(other))
    paint = _msg(0x000F, devicechange.DBT_DEVICEARRIVAL)  # WM_PAINT
    event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(paint))
    arrival = _msg(devicechange.WM_DEVICECHANGE, devicechange.DBT_DEVICEARRIVAL)
    event_filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(arrival))
    event_filter.nativeEventFilter(b"windows_generic_MSG", 0)
    assert len(calls) == 2


def test_filter_is_installed_only_on_windows(qapp, monkeypatch):
    event_filter = DeviceChangeFilter(lambda: None)
    monkeypatch.setattr(devicechange.sys, "platform", "linux")
    assert event_filter.install() is False
    monkeypatch.setattr(devicechange.sys, "platform", "win32")
    assert event_filter.install() is True  # inert here: no Windows MSG ever arrives
    event_filter.remove()
    assert not event_filter.installed


def test_drive_list_polls_off_the_gui_thread_within_two_seconds(lab, make_wizard, drive):
    assert media_module.POLL_MS <= 2000
    wizard = make_wizard()
    page = media_page(drive, wizard)
    assert page.timer.interval() <= 2000 and page.timer.isActive()
    threads = []
    host = wizard.ctx.host
    real = host.usb_volumes

    def recording():
        threads.append(threading.current_thread())
        return real()

    host.usb_volumes = recording
    lab.unplug("hv-a", "G")
    page.device_filter.on_change()  # what WM_DEVICECHANGE triggers: an immediate refresh
    drive.until(lambda: "G:\\" not in [v.mount_point for v in page.volumes])
    assert threads and all(t is not threading.main_thread() for t in threads)

"""Driving the real wizard as the admin would: buttons pressed once enabled, qtbot waits."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.hyperv.host import ReplicationState
from hvseed_gui.ui.ids import PageId

WAIT_MS = 10_000


def forward_button(wizard: QWizard):
    page = wizard.currentPage()
    which = QWizard.WizardButton.NextButton
    if page.isCommitPage():
        which = QWizard.WizardButton.CommitButton
    return wizard.button(which)


def describe(wizard: QWizard) -> str:
    page = wizard.currentPage()
    status = getattr(page, "status", None)
    text = status.text() if status is not None and status.isVisible() else ""
    return f"on page {wizard.currentId()} ({page.title()!r}); message: {text!r}"


def press_next(qtbot, wizard: QWizard, expect: int, timeout: int = WAIT_MS) -> None:
    """Press Next as the admin would (only once it is enabled) and wait for page ``expect``."""
    try:
        qtbot.waitUntil(lambda: forward_button(wizard).isEnabled(), timeout=timeout)
    except Exception:
        raise AssertionError(f"Next stayed disabled {describe(wizard)}") from None
    forward_button(wizard).click()
    if expect != PageId.BEFORE and wizard.currentId() == PageId.BEFORE:
        forward_button(wizard).click()  # Before You Begin: read, then Next, as an admin does
    try:
        qtbot.waitUntil(lambda: wizard.currentId() == expect, timeout=timeout)
    except Exception:
        raise AssertionError(f"expected page {expect}, still {describe(wizard)}") from None


class Driver:
    """Presses the wizard's buttons as the admin would; waits with qtbot, never sleeps."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def next(self, wizard: QWizard, expect: int, timeout: int = WAIT_MS) -> None:
        press_next(self.qtbot, wizard, expect, timeout)

    def until(self, condition, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(condition, timeout=timeout)

    def idle(self, page, timeout: int = WAIT_MS) -> None:
        """Wait until the page has no host call in flight."""
        self.qtbot.waitUntil(lambda: not page.runner.busy, timeout=timeout)


# Every page of each side, in the order Next reaches them (the walks in German and for focus).
EXPORT_WALK = (
    PageId.BEFORE,
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
    PageId.PROGRESS,
    PageId.DONE,
)
IMPORT_WALK = (
    PageId.IMPORT_CONNECT,
    PageId.IMPORT_VM,
    PageId.IMPORT_FOLDER,
    PageId.IMPORT_CHECK,
    PageId.IMPORT_RUN,
    PageId.IMPORT_FAILOVER,
    PageId.IMPORT_DONE,
)


def walk_pages(drive, wizard, pages, vm_name: str = "TinyLinux"):
    """Press Next through ``pages`` as the admin would and yield (page ID, page) once each page
    has settled: the VM chosen, the folder found, the check and the long steps finished, no
    host call in flight."""
    for page_id in pages:
        drive.next(wizard, page_id, timeout=30_000)
        page = wizard.currentPage()
        if page_id in (PageId.VM, PageId.IMPORT_VM):
            drive.idle(page)
            page.select_vm(vm_name)
        if page_id == PageId.IMPORT_FOLDER:
            drive.until(lambda p=page: p.loaded, timeout=30_000)
        if page_id == PageId.IMPORT_CHECK:
            drive.until(lambda p=page: p.isComplete(), timeout=30_000)
        if page_id in (PageId.PROGRESS, PageId.IMPORT_RUN):
            drive.until(lambda p=page: p.page_complete(), timeout=30_000)
        drive.idle(page)
        yield page_id, page


# The export side's pages in the order Next reaches them, up to the drive page.
UP_TO_MEDIA = (
    PageId.CONNECT,
    PageId.VM,
    PageId.REPLICA,
    PageId.PARAMS,
    PageId.VHDS,
    PageId.FREQUENCY,
    PageId.RECOVERY,
    PageId.METHOD,
    PageId.MEDIA,
)


def media_page(drive, wizard, vm_name="TinyLinux"):
    for page_id in UP_TO_MEDIA:
        drive.next(wizard, page_id)
        if page_id == PageId.VM:
            wizard.currentPage().select_vm(vm_name)
    page = wizard.currentPage()
    drive.until(lambda: page.loaded)
    return page


# the manifest hashes every byte of the copy: a small VM keeps the test fast (the first VM the
# page offers, SQL01, is 70 GiB)
VM_NAME = "TinyLinux"


def walk_to_summary(drive, wizard, vm_name: str = VM_NAME) -> None:
    for page_id in (*UP_TO_MEDIA, PageId.SUMMARY):
        drive.next(wizard, page_id)
        if page_id == PageId.VM and vm_name:
            wizard.currentPage().select_vm(vm_name)


def open_fix(make_wizard, drive, server: str = "hv-c.lab.local"):
    wizard = make_wizard()
    for page_id in (PageId.CONNECT, PageId.VM, PageId.REPLICA):
        drive.next(wizard, page_id)
    page = wizard.currentPage()
    page.server_edit.setText(server)
    wizard.button(QWizard.WizardButton.NextButton).click()
    drive.until(lambda: page.fix_box.isVisible())
    return wizard, page


BEFORE_VM = UP_TO_MEDIA[:2]
VM_TO_MEDIA = UP_TO_MEDIA[2:]


def to_media(drive, wizard, names, until=PageId.MEDIA):
    for page_id in BEFORE_VM:
        drive.next(wizard, page_id)
    wizard.currentPage().select_vms(names)
    for page_id in VM_TO_MEDIA:
        drive.next(wizard, page_id)
        if page_id == until:
            return wizard.currentPage()
    return wizard.currentPage()


def remembered(settings_path, group: str) -> bool:
    s = QSettings(str(settings_path), QSettings.Format.IniFormat)
    return s.value(f"{group}/running", False, type=bool)


def lab_state(lab, vm_id: str) -> ReplicationState:
    return lab.host("hv-a").inventory().vm(vm_id).replication_state

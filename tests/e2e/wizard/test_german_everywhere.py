"""The German wizard speaks German on every page of both sides: what a person can see (labels,
buttons, tables, banners, reports) has no English prose in it. VM names, paths and host names
are data; Hyper-V's own messages are quoted as Hyper-V's («…»)."""

from __future__ import annotations

import pytest

from hvseed_gui.language import install_translators
from hvseed_gui.ui.ids import PageId
from tests.support.english import english_on
from tests.support.wizard import EXPORT_WALK, IMPORT_WALK, walk_pages

VM_NAME = "TinyLinux"


@pytest.fixture
def german(qapp):
    install_translators("de")
    yield
    install_translators("en")


def _names(lab) -> list[str]:
    names = [
        VM_NAME,
        "hv-a",
        "hv-b",
        "HyperV-Seed",
        "Hyper-V Replica",
        "BitLocker To Go",
        "BitLocker",
        "Hyper-V Replica HTTP Listener (TCP-In)",
        "Hyper-V Replica HTTPS Listener (TCP-In)",
    ]
    for host in ("hv-a", "hv-b"):
        names += [vm.name for vm in lab.host(host).inventory().vms]
    return names


def _english(wizard, lab, page_id) -> list[str]:
    return [f"{page_id.name}: {line}" for line in english_on(wizard, _names(lab))]


@pytest.mark.parametrize("remote", [False, True], ids=["here", "over-winrm"])
def test_the_german_export_wizard_has_no_english(german, lab, lab_dir, make_wizard, drive, remote):
    """Also with Host A's disks remote: staged on its own disk, copied by its own job."""
    if remote:
        lab.configure(drives_remote=True, staging=True)
    wizard = make_wizard()
    found: list[str] = []
    for page_id, _page in walk_pages(drive, wizard, EXPORT_WALK, VM_NAME):
        found += _english(wizard, lab, page_id)
    # the handover report written beside the folders follows the GUI's language too
    [handover] = lab_dir.rglob("HANDOVER-*.txt")
    text = handover.read_text(encoding="utf-8-sig")
    assert "CHECKLISTE FÜR DIE REPLIKATSEITE" in text
    prose = [line for line in text.splitlines() if "hvseed " not in line and "SHA" not in line]
    found += [f"HANDOVER: {line}" for line in prose if english_words_in(line, lab)]
    assert not found, "English in the German export wizard:\n" + "\n".join(found)


@pytest.mark.parametrize("remote", [False, True], ids=["here", "over-winrm"])
def test_the_german_import_wizard_has_no_english(german, lab, make_wizard, drive, remote):
    """Also with the replica host's disks remote (hashed and staged by the host's own job)."""
    from tests.support.import_side import courier, export_on_primary

    export_on_primary(lab, VM_NAME)
    courier(lab)
    if remote:
        lab.configure(drives_remote=True, staging=True)
    wizard = make_wizard()
    wizard.page_of(PageId.START).import_.setChecked(True)
    found: list[str] = []
    for page_id, page in walk_pages(drive, wizard, IMPORT_WALK, VM_NAME):
        if page_id == PageId.IMPORT_CHECK:
            # German labels are wider: the folder name and IDs wrap, never cut off with "…",
            # at the size the window opens with
            wizard.resize(1000, 640)
            drive.until(lambda p=page: not _cut_off(p.table))
        found += _english(wizard, lab, page_id)
    assert not found, "English in the German import wizard:\n" + "\n".join(found)


def test_the_german_replica_fix_and_host_check_have_no_english(german, lab, make_wizard, drive):
    """The banners off the happy path: a replica server not ready (what would change), then
    both hosts' readiness rows (hvseed doctor's checks)."""
    from tests.support.wizard import open_fix

    wizard, page = open_fix(make_wizard, drive)
    found = _english(wizard, lab, PageId.REPLICA)
    page.consent.setChecked(True)
    page.fix_button.click()
    drive.idle(page)
    found += _english(wizard, lab, PageId.REPLICA)
    page.check_hosts.setChecked(True)
    drive.next(wizard, PageId.CHECK, timeout=30_000)
    check = wizard.currentPage()
    drive.idle(check)
    found += _english(wizard, lab, PageId.CHECK)
    assert not found, "English in the German wizard:\n" + "\n".join(found)


def test_the_german_test_failover_log_has_no_english(german, lab, make_wizard, drive):
    from tests.support.import_side import courier, export_on_primary, walk_to_folder

    export_on_primary(lab, VM_NAME)
    courier(lab)
    wizard = make_wizard()
    walk_to_folder(drive, wizard, VM_NAME)
    for page_id in (PageId.IMPORT_CHECK, PageId.IMPORT_RUN, PageId.IMPORT_FAILOVER):
        drive.next(wizard, page_id, timeout=30_000)
        page = wizard.currentPage()
        if page_id == PageId.IMPORT_CHECK:
            drive.until(lambda p=page: p.isComplete(), timeout=30_000)
        if page_id == PageId.IMPORT_RUN:
            drive.until(lambda p=page: p.page_complete(), timeout=30_000)
    page = wizard.currentPage()
    drive.idle(page)
    page.start_button.click()
    drive.until(lambda: page.log.count() == 1 and not page.runner.busy)
    page.stop_button.click()
    drive.until(lambda: page.log.count() == 2 and not page.runner.busy)
    page.stop_button.setEnabled(True)
    page.stop_test()  # nothing left to stop: Hyper-V's answer, worded
    drive.until(lambda: page.log.count() == 3 and not page.runner.busy)
    log = [page.log.item(i).text() for i in range(page.log.count())]
    found = [f"log: {line}" for line in log if english_words_in(line, lab)]
    found += _english(wizard, lab, PageId.IMPORT_FAILOVER)
    drive.next(wizard, PageId.IMPORT_DONE, timeout=30_000)
    found += _english(wizard, lab, PageId.IMPORT_DONE)
    assert not found, "English in the German failover log:\n" + "\n".join(found)


def _cut_off(table) -> list[str]:
    """Cells whose wrapped text is taller than their row: Qt paints those with "…"."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle

    focus = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    cut = []
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            item = table.item(row, col)
            if item is None or not item.text():
                continue
            width = table.columnWidth(col) - 2 * focus - 4  # the item's 2 px padding each side
            box = table.fontMetrics().boundingRect(
                QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text()
            )
            if box.height() + 8 > table.rowHeight(row):  # 4 px padding above and below
                cut.append(item.text())
    return cut


def english_words_in(text: str, lab) -> list[str]:
    from tests.support.english import english_words

    return english_words(text, _names(lab))


OTHER_ID = "0BADC0DE-0000-4000-8000-000000000000"


def _xml_of_another_vm(real, vm) -> None:
    [xml] = (real / "Virtual Machines").glob("*.xml")
    xml.write_text(xml.read_text(encoding="utf-8").replace(vm.id, OTHER_ID), "utf-8")


def _one_byte_flipped(real, vm) -> None:
    disk = next((real / "Virtual Hard Disks").glob("*.vhdx"))
    with disk.open("r+b") as handle:
        handle.seek(4096)
        old = handle.read(1)
        handle.seek(4096)
        handle.write(b"\x00" if old != b"\x00" else b"\x01")


def _no_manifest(real, vm) -> None:
    from tests.support.import_side import remove_manifest

    remove_manifest(real)


@pytest.mark.parametrize("damage", [_xml_of_another_vm, _one_byte_flipped, _no_manifest])
def test_a_german_refusal_is_german_through_and_through(german, lab, make_wizard, drive, damage):
    """Not "Der Import ist nicht möglich: The folder holds…": the reason is German too."""
    from tests.support.import_side import courier, export_on_primary, walk_to_check

    vm, folder = export_on_primary(lab, VM_NAME)
    courier(lab)
    damage(lab.real_path("hv-b", folder), vm)
    wizard = make_wizard()
    check = walk_to_check(drive, wizard, VM_NAME)
    found = _english(wizard, lab, PageId.IMPORT_CHECK)
    assert check.status.isVisible() and check.status.text()
    assert not found, "English in the German check page:\n" + "\n".join(found)


def test_a_german_flow_refusal_on_the_summary_is_german(german, lab, make_wizard, drive):
    """A refusal from flows/ (here: the drive already holds this VM's copy) reaches the banner
    worded in German, with its advice; nothing changed."""
    from PySide6.QtWidgets import QWizard

    from tests.support.wizard import walk_to_summary

    wizard = make_wizard()
    walk_to_summary(drive, wizard)
    vm = wizard.ctx.vm
    dest = wizard.build_plan().destination_path
    lab.real_path(lab.primary_name, dest.rstrip("\\") + "\\" + f"{vm.name}_{vm.id}").mkdir(
        parents=True
    )
    summary = wizard.currentPage()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    drive.until(lambda: summary.status.kind == "error")
    assert "Nichts wurde geändert" in summary.status.text()
    found = _english(wizard, lab, PageId.SUMMARY)
    assert not found, "English in the German refusal:\n" + "\n".join(found)

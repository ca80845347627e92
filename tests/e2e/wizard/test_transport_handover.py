"""The network-or-courier planner on the method page, and the handover report on the Done page."""

from __future__ import annotations

import re

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from hvseed_gui.core.transfer import OVERHEAD_FACTOR, network_seconds
from hvseed_gui.core.units import format_duration
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.widgets.transport import KEY_CHANGE, KEY_DAYS, KEY_WAN, TransportPlanner
from tests.support.wizard import UP_TO_MEDIA

TO_METHOD = UP_TO_MEDIA[:-1]


def test_planner_advises_and_never_blocks_next(lab, make_wizard, drive, settings_path):
    wizard = make_wizard()
    for page_id in TO_METHOD:
        drive.next(wizard, page_id)
    planner = wizard.currentPage().planner
    copy = wizard.ctx.vm.initial_copy_size(wizard.excluded_paths())
    assert planner.copy_bytes == copy > 0

    # valid defaults: the seed article's 10 Mbit/s, two days by courier
    plan = planner.current
    assert plan is not None and plan.wan_mbit_per_s == 10.0 and plan.transit_seconds == 2 * 86400
    assert plan.network_seconds == network_seconds(copy, 10.0)
    assert format_duration(plan.network_seconds) in planner.network_label.text()
    assert f"×{OVERHEAD_FACTOR:g}" in planner.network_label.text()
    assert format_duration(plan.courier_seconds) in planner.courier_label.text()
    assert "not assessed" in planner.delta.text()

    # a crawling link and a courier on the spot: the drive wins, as chosen
    planner.wan.setValue(0.1)
    planner.days.setValue(0.0)
    assert planner.advice.kind == "ok" and "the drive, is the faster way" in planner.advice.text()
    # two days on the road while the VM rewrites its whole disk daily: the resync warning
    planner.days.setValue(2.0)
    planner.change.setValue(round(copy / 10**9 + 1))
    assert planner.delta.kind == "error" and "resynchronisation" in planner.delta.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # advice, not a gate

    stored = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert stored.value(KEY_WAN, type=float) == 0.1
    assert stored.value(KEY_CHANGE, type=float) == round(copy / 10**9 + 1)

    drive.next(wizard, PageId.MEDIA)
    drive.next(wizard, PageId.SUMMARY)


def test_planner_reads_remembered_inputs_as_numbers(qtbot, tmp_path):
    path = tmp_path / "s.ini"
    path.write_text(
        "[transport]\nwan_mbit_per_s=250\ncourier_days=1.5\nchange_gb_per_day=0\n",
        encoding="utf-8",
    )
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    assert KEY_DAYS == "transport/courier_days"
    planner = TransportPlanner()
    qtbot.addWidget(planner)
    planner.set_copy(500 * 10**9)
    planner.load(settings)
    assert (planner.wan.value(), planner.days.value()) == (250.0, 1.5)
    assert planner.change.text() == "not given (GB/day)" and planner.change_bytes_per_day() is None
    assert planner.current.wan_mbit_per_s == 250.0


def test_done_page_writes_the_handover_text_and_saves_the_pdf(
    lab, make_wizard, drive, prompt, tmp_path
):
    wizard = make_wizard()
    for page_id in (*TO_METHOD, PageId.MEDIA, PageId.SUMMARY, PageId.PROGRESS):
        drive.next(wizard, page_id)
        if page_id == PageId.VM:  # small: the wizard hashes every byte for the manifest
            wizard.currentPage().select_vm("TinyLinux")
    progress = wizard.page_of(PageId.PROGRESS)
    drive.until(lambda: progress.page_complete())
    volume = wizard.page_of(PageId.MEDIA).selected_volume()
    drive.next(wizard, PageId.DONE)
    done = wizard.page_of(PageId.DONE)
    box = done.handover
    drive.until(lambda: box.report is not None or box.note.kind == "error")
    assert box.report is not None, box.note.text()

    vm = wizard.ctx.vm
    folder = lab.real_path(lab.primary_name, wizard.ctx.export_folder)
    reports = sorted(folder.parent.glob("HANDOVER-*.txt"))
    assert len(reports) == 1
    assert reports[0].name in box.note.text()
    text = reports[0].read_bytes().decode("utf-8-sig")
    assert vm.name in text and vm.id in text
    assert lab.replica_name in text
    for entry in done.listing.files:
        assert entry.path in text
    assert volume.label in text
    if volume.bitlocker.value != "On":
        assert "Encryption" in text and "WARNINGS" in text
    assert "No integrity manifest" not in text  # the wizard wrote it before the report
    assert "SHA-256 (not computed)" not in text

    pdf = tmp_path / "handover"  # no suffix: the box adds .pdf
    prompt.paths.append(str(pdf))
    box.pdf_button.click()
    written = tmp_path / "handover.pdf"
    data = written.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) >= 2
    assert "handover.pdf" in box.note.text()


def test_the_advice_agrees_with_the_chosen_method(lab, make_wizard, drive):
    """A small copy over the article's 10 Mbit/s: the network is faster. The page used to say
    "Send it over the network" while external media stayed selected, as if that were done."""
    wizard = make_wizard()
    for page_id in TO_METHOD:
        drive.next(wizard, page_id)
    page = wizard.currentPage()
    planner = page.planner
    assert page.media.isChecked() and planner.current.recommendation.value == "network"
    assert planner.advice.kind == "warning"
    assert "You chose the drive" in planner.advice.text()
    assert "export and import included" in planner.advice.text()
    assert "Send it over the network" not in planner.advice.text()
    page.network.setChecked(True)
    assert planner.advice.kind == "ok" and "the network, is the faster way" in planner.advice.text()
    page.existing.setChecked(True)
    assert planner.advice.kind == "info" and "network is faster" in planner.advice.text()
    # the courier time counts the hours of writing and reading the drive, and says so
    plan = planner.current
    assert plan.courier_seconds == plan.export_seconds + plan.transit_seconds + plan.import_seconds
    assert "export to the drive" in planner.courier_label.text()
    assert "GB/day" in planner.change.specialValueText()  # "not given" has its unit

"""Admins drive the wizard with the keyboard: after every Next, focus sits on a visible,
enabled widget (never on a hidden "Stop waiting" button), in English and in German."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from hvseed_gui.language import install_translators
from hvseed_gui.ui.ids import PageId
from tests.support.wizard import EXPORT_WALK, IMPORT_WALK, walk_pages

VM_NAME = "TinyLinux"  # small: the export and its hashing take moments


def _focus_is_visible(wizard) -> bool:
    widget = QApplication.focusWidget()
    return (
        widget is not None
        and widget.isVisible()
        and widget.isEnabled()
        and widget.window() is wizard
    )


def _describe_focus() -> str:
    widget = QApplication.focusWidget()
    if widget is None:
        return "nothing"
    return (
        f"{type(widget).__name__} {widget.objectName()!r} "
        f"text={getattr(widget, 'text', lambda: '')()!r} visible={widget.isVisible()} "
        f"enabled={widget.isEnabled()}"
    )


@pytest.fixture
def language(request):
    install_translators(request.param)
    yield request.param
    install_translators("en")


@pytest.mark.parametrize("language", ["en", "de"], indirect=True)
def test_focus_is_on_a_visible_widget_on_every_export_page(lab, make_wizard, drive, language):
    wizard = make_wizard()
    wizard.activateWindow()
    drive.until(lambda: QApplication.activeWindow() is wizard)
    for page_id, _page in walk_pages(drive, wizard, EXPORT_WALK, VM_NAME):
        try:
            drive.until(lambda: _focus_is_visible(wizard), timeout=2_000)
        except Exception:
            raise AssertionError(
                f"[{language}] page {page_id.name}: focus on {_describe_focus()}"
            ) from None


@pytest.mark.parametrize("language", ["en", "de"], indirect=True)
def test_focus_is_on_a_visible_widget_on_every_import_page(lab, make_wizard, drive, language):
    from tests.support.import_side import courier, export_on_primary

    export_on_primary(lab, VM_NAME)
    courier(lab)
    wizard = make_wizard()
    wizard.activateWindow()
    drive.until(lambda: QApplication.activeWindow() is wizard)
    wizard.page_of(PageId.START).import_.setChecked(True)
    for page_id, _page in walk_pages(drive, wizard, IMPORT_WALK, VM_NAME):
        try:
            drive.until(lambda: _focus_is_visible(wizard), timeout=2_000)
        except Exception:
            raise AssertionError(
                f"[{language}] page {page_id.name}: focus on {_describe_focus()}"
            ) from None


def test_tab_enters_a_radio_group_at_the_chosen_button(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QVBoxLayout, QWidget

    from hvseed_gui.ui.widgets.keyboard import tab_to_checked

    window = QWidget()
    layout = QVBoxLayout(window)
    before, after = QLineEdit(), QLineEdit()
    buttons = [QRadioButton(t) for t in ("This computer", "Remote", "Lab")]
    group = QButtonGroup(window)
    layout.addWidget(before)
    for button in buttons:
        group.addButton(button)
        layout.addWidget(button)
    layout.addWidget(after)
    tab_to_checked(group)
    buttons[1].setChecked(True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[1]
    qtbot.keyClick(buttons[1], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


def test_tab_leaves_the_vm_table_and_enter_does_not_toggle(lab, make_wizard, drive):
    from PySide6.QtCore import Qt

    wizard = make_wizard()
    wizard.activateWindow()
    drive.next(wizard, PageId.CONNECT)
    drive.next(wizard, PageId.VM)
    page = wizard.currentPage()
    drive.until(lambda: QApplication.focusWidget() is page.table)
    ticked = [vm.name for vm in page.selected_vms()]
    page.table.setCurrentCell(0, 1)
    qtbot = drive.qtbot
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert [vm.name for vm in page.selected_vms()] == ticked  # Enter is not a tick
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.table


def test_no_vm_is_ticked_for_the_admin_outside_the_demo(lab, make_wizard, drive):
    wizard = make_wizard(demo=False)
    connect = wizard.page_of(PageId.CONNECT)
    drive.next(wizard, PageId.CONNECT)
    connect.lab.setChecked(True)
    drive.next(wizard, PageId.VM)
    page = wizard.currentPage()
    assert page.selected_vms() == []
    assert not wizard.forward_button().isEnabled()

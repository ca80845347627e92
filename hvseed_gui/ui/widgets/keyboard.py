"""Keyboard habits of Windows dialogs: Tab enters a radio group at its chosen button, and a
page opens with focus on the first field that needs input (else on Next)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def tab_to_checked(group: QButtonGroup) -> None:
    """Tab lands on the group's checked button (arrow keys still move within the group):
    only the checked button takes Tab focus, the others take focus by click or arrow key."""

    def follow(*_args: object) -> None:
        checked = group.checkedButton()
        for button in group.buttons():
            has_tab = checked is None or button is checked
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if has_tab else Qt.FocusPolicy.ClickFocus
            )

    group.buttonToggled.connect(follow)
    follow()


def usable(widget: QWidget | None) -> bool:
    """Whether ``widget`` can hold focus now: shown, enabled, reachable with Tab."""
    return (
        widget is not None
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def _needs_input(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and not widget.text().strip()
    if isinstance(widget, QComboBox):
        return widget.isEditable() and not widget.currentText().strip()
    return False


def first_input(page: QWidget) -> QWidget | None:
    """The first empty field of ``page`` in Tab order, or None when every field is filled."""
    for widget in _tab_order(page):
        if usable(widget) and _needs_input(widget):
            return widget
    return None


def first_control(page: QWidget) -> QWidget | None:
    """The first usable input control of ``page`` in Tab order (a checked radio button, a
    field, a table, a tick box), skipping plain push buttons such as *Stop waiting*."""
    for widget in _tab_order(page):
        if not usable(widget):
            continue
        if isinstance(widget, QAbstractButton) and not widget.isCheckable():
            continue
        if isinstance(
            widget,
            (
                QAbstractButton,
                QLineEdit,
                QComboBox,
                QAbstractSpinBox,
                QAbstractItemView,
                QPlainTextEdit,
                QTextEdit,
            ),
        ):
            return widget
    return None


def _tab_order(page: QWidget) -> list[QWidget]:
    """The page's widgets in the order Tab visits them."""
    order: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and len(order) < 2000:
        if page.isAncestorOf(widget):
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order

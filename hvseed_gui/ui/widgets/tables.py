"""The row-choosing table the pages share (VMs, drives, replica VMs, export folders)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def row_table(
    headers: Sequence[str],
    *,
    accessible_name: str,
    stretch_column: int = -1,
    word_wrap: bool = False,
    editable: bool = False,
    sortable: bool = False,
) -> QTableWidget:
    """A table whose rows are chosen one at a time; columns fit their content except
    ``stretch_column`` (default: the last), which takes the free width. ``headers`` and
    ``accessible_name`` arrive translated."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(sortable)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between rows
    table.setWordWrap(word_wrap)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch = stretch_column if stretch_column >= 0 else len(headers) - 1
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setAccessibleName(accessible_name)
    return table

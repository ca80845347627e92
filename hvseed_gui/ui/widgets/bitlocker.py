"""BitLocker To Go for the drive that travels: password, recovery key file, one host call.

The password lives only in the two line edits and the one call that hands it to the host; the
recovery password only in the file the admin chose (never on the drive itself, never in
QSettings or a log) and, if writing that file failed, in memory until it is saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from hvseed_gui.core.recovery_key import on_drive, recovery_key_text, write_key_file
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.flows.host_settings import encrypt_drive
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.widgets.status import StatusLabel

if TYPE_CHECKING:
    from hvseed_gui.hyperv.host import BitLockerResult, HyperVHost
    from hvseed_gui.ui.prompt import Prompt

MIN_PASSWORD = 8  # BitLocker's default minimum for removable data drives


class BitLockerPanel(QGroupBox):
    """Encrypt one drive with BitLocker To Go; ``encrypted`` fires once the key file is saved."""

    encrypted = Signal(object)  # BitLockerResult

    def __init__(self, prompt: Callable[[], Prompt]) -> None:
        super().__init__(self.tr("Encrypt this drive with BitLocker To Go"))
        self._prompt = prompt
        form = QFormLayout(self)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("BitLocker password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm the BitLocker password"))
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.password)
        confirm_label = QLabel(self.tr("C&onfirm:"))
        confirm_label.setBuddy(self.confirm)
        pw_row.addWidget(confirm_label)
        pw_row.addWidget(self.confirm)
        pw_label = QLabel(self.tr("&Password:"))
        pw_label.setBuddy(self.password)
        form.addRow(pw_label, pw_row)
        self.key_path = QLineEdit()
        self.key_path.setReadOnly(True)
        self.key_path.setPlaceholderText(self.tr("not on the drive itself"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.clicked.connect(self.choose_key_file)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(self.choose_button)
        key_label = QLabel(self.tr("Recovery &key file:"))
        key_label.setBuddy(self.choose_button)
        form.addRow(key_label, key_row)
        self.encrypt_button = QPushButton(self.tr("&Encrypt the drive"))
        self.encrypt_button.clicked.connect(self.start)
        self.save_again = QPushButton(self.tr("Save the recovery key…"))
        self.save_again.clicked.connect(self.save_unsaved_key)
        self.save_again.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.encrypt_button)
        buttons.addWidget(self.save_again)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.status = StatusLabel(self)
        form.addRow(self.status)
        for edit in (self.password, self.confirm):
            edit.textChanged.connect(self._update)
        self.runner = TaskRunner(self)
        self.runner.busyChanged.connect(self._update)
        self.volume: Volume | None = None
        self.host: HyperVHost | None = None
        self.host_name = ""
        self.saved_keys: dict[str, str] = {}  # mount point (lower case) -> recovery key file
        self.drive_roots: tuple[str, ...] = ()
        self.unsaved: BitLockerResult | None = None  # encrypted, key file not yet written
        self._update()

    # -- target ------------------------------------------------------------------------------

    def set_target(
        self,
        volume: Volume | None,
        host: HyperVHost | None,
        host_name: str,
        drive_roots: Sequence[str],
    ) -> None:
        """The drive to encrypt, the host it hangs on, and where this computer sees it."""
        changed = volume is None or self.volume is None or volume.serial != self.volume.serial
        changed = changed or (volume.mount_point != self.volume.mount_point)
        self.volume, self.host, self.host_name = volume, host, host_name
        self.drive_roots = tuple(drive_roots)
        if changed and not self.runner.busy:
            self.status.clear_message()
            if self.key_path.text() and self.problem_with_key_path(self.key_path.text()):
                self.key_path.clear()
        self._update()

    def problem_with_key_path(self, path: str) -> str:
        if self.volume is not None and on_drive(path, self.drive_roots):
            return self.tr(
                "The recovery key must not be saved on the drive it unlocks: whoever finds the "
                "drive would find its key. Choose a folder on this computer or another drive."
            )
        return ""

    # -- actions -----------------------------------------------------------------------------

    def choose_key_file(self) -> None:
        volume = self.volume
        name = (volume.label or volume.mount_point[:1]) if volume else "drive"
        suggested = os.path.join(
            os.path.expanduser("~"), f"BitLocker Recovery Key {name} {datetime.now():%Y-%m-%d}.txt"
        )
        path = self._prompt().save_file(
            self,
            self.tr("Save the BitLocker recovery key"),
            suggested,
            self.tr("Text files (*.txt)"),
        )
        if not path:
            return
        problem = self.problem_with_key_path(path)
        if problem:
            self.status.show_message("error", problem)
            return
        self.key_path.setText(path)
        self.status.clear_message()
        if self.unsaved is not None:
            self.save_unsaved_key()
        self._update()

    def problem(self) -> str:
        """Why Encrypt is not possible now, '' when it is."""
        volume = self.volume
        if volume is None or self.host is None:
            return self.tr("Select a drive first.")
        if volume.bitlocker is BitLockerStatus.ON:
            return self.tr("%1 is already encrypted with BitLocker.").replace(
                "%1", volume.display_name
            )
        if len(self.password.text()) < MIN_PASSWORD:
            return self.tr("The password needs at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD)
            )
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        if not self.key_path.text():
            return self.tr("Choose where the recovery key file goes.")
        return self.problem_with_key_path(self.key_path.text())

    def start(self) -> None:
        problem = self.problem()
        if problem:
            self.status.show_message("error", problem)
            return
        host, volume, path = self.host, self.volume, self.key_path.text()
        password, host_name = self.password.text(), self.host_name

        def work() -> tuple[BitLockerResult, str]:
            result = encrypt_drive(host, volume.mount_point, password)
            try:
                write_key_file(path, recovery_key_text(result, volume, host_name))
            except OSError as exc:
                return result, str(exc)
            return result, ""

        self.status.show_message(
            "info", self.tr("Turning on BitLocker for %1…").replace("%1", volume.display_name)
        )
        # turning BitLocker on changes the drive: never abandoned, its result (the recovery key)
        # always arrives
        self.runner.run(work, self._done, self._failed, cancellable=False)
        self.password.clear()
        self.confirm.clear()

    def _done(self, outcome: tuple[BitLockerResult, str]) -> None:
        result, write_error = outcome
        if write_error:
            self.unsaved = result
            self.key_path.clear()
            self.status.show_message(
                "error",
                self.tr(
                    "BitLocker is on, but the recovery key file could not be written: %1 "
                    "Save the recovery key elsewhere now; hvseed keeps it only until then."
                ).replace("%1", write_error),
            )
            self._update()
            return
        self._saved(result, self.key_path.text())

    def _saved(self, result: BitLockerResult, path: str) -> None:
        self.unsaved = None
        self.saved_keys[result.mount_point.lower()] = path
        self.status.show_message(
            "ok",
            self.tr(
                "BitLocker protects %1 now (%2, AES 128). Recovery key saved to %3: keep it "
                "apart from the drive."
            )
            .replace("%1", self.volume.display_name if self.volume else result.mount_point)
            .replace("%2", result.status)
            .replace("%3", path),
        )
        self._update()
        self.encrypted.emit(result)

    def save_unsaved_key(self) -> None:
        result = self.unsaved
        if result is None or self.volume is None:
            return
        path = self.key_path.text()
        if not path:
            self.choose_key_file()
            return
        try:
            write_key_file(path, recovery_key_text(result, self.volume, self.host_name))
        except OSError as exc:
            self.key_path.clear()
            self.status.show_message("error", str(exc))
            self._update()
            return
        self._saved(result, path)

    def _failed(self, exc: BaseException) -> None:
        self.status.show_message("error", describe_error(exc))
        self._update()

    def _update(self, *args) -> None:
        busy = self.runner.busy
        pending = self.unsaved is not None
        self.save_again.setVisible(pending)
        for widget in (self.password, self.confirm):
            widget.setEnabled(not busy and not pending)
        self.choose_button.setEnabled(not busy)
        self.encrypt_button.setEnabled(not busy and not pending and not self.problem())
        tip = self.problem() if not busy else self.tr("BitLocker is being turned on…")
        self.encrypt_button.setToolTip(tip)

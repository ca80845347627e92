"""Test failover (recommended, optional): create '<VM> - Test', look at it, remove it again.

Both steps are ``ImportRun.start_test_failover``/``stop_test_failover``: the flow the Check
page built (or the Import page, reattached), the only place that changes the replica host."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton

from hvseed_gui.flows.import_all import Outcome
from hvseed_gui.hyperv.host import TestFailoverResult, VmRef
from hvseed_gui.ui.format import shown
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.importing.import_page import ImportPage
from hvseed_gui.ui.tasks import describe_error
from hvseed_gui.ui.wording import word


class TestFailoverPage(ImportPage):
    __test__ = False  # not a pytest test class despite its name

    def __init__(self) -> None:
        super().__init__(
            self.tr("Test failover (recommended)"),
            self.tr(
                "A test failover starts a copy of the replica as a separate VM, without touching "
                "replication. You may skip it."
            ),
        )
        picker = QHBoxLayout()
        self.pick_label = QLabel(self.tr("&Replica VM:"))
        self.picker = QComboBox()  # every copy on a drive: any imported VM can be tested
        self.picker.setAccessibleName(self.tr("Replica VM to test"))
        self.pick_label.setBuddy(self.picker)
        self.picker.currentIndexChanged.connect(self._picked)
        picker.addWidget(self.pick_label)
        picker.addWidget(self.picker, 1)
        self.body.addLayout(picker)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.body.addWidget(self.explain)
        self.reminder = QLabel(
            self.tr(
                "⚠ Before you start the test VM, connect its network adapter to an isolated "
                "network (or none): it has the same name and addresses as the production VM."
            )
        )
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet(
            "QLabel { color: #5a4300; background: #fff6d9; border: 1px solid #e5c466;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.body.addWidget(self.reminder)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("&Start test failover"))
        self.stop_button = QPushButton(self.tr("S&top test failover"))
        self.start_button.clicked.connect(self.start_test)
        self.stop_button.clicked.connect(self.stop_test)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.log = QListWidget()
        self.log.setAccessibleName(self.tr("Test failover steps"))
        self.log.setMaximumHeight(120)
        self.body.addWidget(self.log)
        self.test_vm = ""

    def _vm_ref(self) -> VmRef:
        """The replica VM: the flow's (chosen on the VM page, or a reattached import's)."""
        if self.imp.run is not None:
            return self.imp.run.vm
        if self.imp.vm is not None:
            return self.imp.vm.ref
        return self.wiz.page_of(PageId.IMPORT_RUN).vm_ref

    def initializePage(self) -> None:
        batch = self.imp.batch if self.imp.batch_path else None
        imported = (
            [i for i in batch.items if i.run is not None and i.outcome is Outcome.IMPORTED]
            if batch is not None
            else []
        )
        self.picker.blockSignals(True)
        self.picker.clear()
        for item in imported:
            self.picker.addItem(shown(item.name), item)
        self.picker.blockSignals(False)
        for widget in (self.pick_label, self.picker):
            widget.setVisible(bool(imported))
        if imported:
            self._picked(0)
            return
        self._explain()

    def _picked(self, index: int) -> None:
        """Another imported VM of the drive: its own ImportRun runs the test failover."""
        item = self.picker.itemData(index)
        if item is None or self.runner.busy:
            return
        self.imp.run = item.run
        self.imp.status = item.status
        self._explain()

    def _explain(self) -> None:
        vm = self._vm_ref()
        status = self.imp.status
        self.test_vm = status.test_vm_name if status else ""
        self.explain.setText(
            self.tr(
                "Start test failover creates the VM '%1 - Test' on %2 from the latest recovery "
                "point. Start it, check that it boots and its data is there, then press Stop "
                "test failover: the test VM is removed and replication goes on."
            )
            .replace("%1", shown(vm.name))
            .replace("%2", self.imp.inventory.host_name)
        )
        self._buttons()

    def _buttons(self) -> None:
        busy = self.runner.busy or self.imp.run is None
        self.start_button.setEnabled(not busy and not self.test_vm)
        self.stop_button.setEnabled(not busy and bool(self.test_vm))
        # one test VM at a time: another VM is chosen once this one's test is stopped
        self.picker.setEnabled(not busy and not self.test_vm)

    def _busy_changed(self, busy: bool) -> None:
        super()._busy_changed(busy)
        self._buttons()

    def _add(self, text: str) -> None:
        stamp = datetime.now().strftime("%H:%M:%S")
        self.log.addItem(f"{stamp}  {text}")
        self.imp.failover_log.append(text)

    def start_test(self) -> None:
        flow = self.imp.run
        self.status.clear_message()
        self.run_host_call(
            self.tr("Starting the test failover…"),
            flow.start_test_failover,
            self._started,
            self._failed,
            cancellable=False,  # creates/removes the test VM
        )

    def _started(self, result: TestFailoverResult) -> None:
        self.test_vm = result.test_vm_name if result.running else ""
        self._add(
            word(result.message)
            or self.tr("Test VM '%1' created.").replace("%1", result.test_vm_name)
        )
        self.status.show_message(
            "ok",
            self.tr(
                "'%1' was created. Connect it to an isolated network, start it and check it; "
                "then press Stop test failover."
            ).replace("%1", result.test_vm_name),
        )
        self._buttons()

    def stop_test(self) -> None:
        flow = self.imp.run
        self.status.clear_message()
        self.run_host_call(
            self.tr("Stopping the test failover…"),
            flow.stop_test_failover,
            self._stopped,
            self._failed,
            cancellable=False,  # creates/removes the test VM
        )

    def _stopped(self, result: TestFailoverResult) -> None:
        self.test_vm = result.test_vm_name if result.running else ""
        self._add(
            word(result.message)
            or self.tr("Test VM '%1' removed.").replace("%1", result.test_vm_name)
        )
        self.status.show_message(
            "ok", self.tr("The test VM was removed; replication goes on as before.")
        )
        self._buttons()

    def _failed(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self._add(self.tr("Failed: %1").replace("%1", text))
        self.status.show_message("error", text)
        self._buttons()

    def validatePage(self) -> bool:
        if not self.test_vm:
            return True
        return self.wiz.prompt.confirm(
            self,
            self.tr("Leave the test VM running?"),
            self.tr(
                "'%1' still exists. Leave it for now (stop the test failover later in Hyper-V "
                "Manager)?"
            ).replace("%1", self.test_vm),
        )

    def nextId(self) -> int:
        return PageId.IMPORT_DONE

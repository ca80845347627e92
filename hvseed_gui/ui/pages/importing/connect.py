"""Connect to the replica host (Host B): the Connect page of the Enable side, aimed at Host B.

The same widgets and connection code (``ConnectPage``); its fields and remembered settings get
their own names, so both sides can live in one wizard, and the lab's host is chosen by name.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QLineEdit

from hvseed_gui.hyperv.host_target import WINRM_TRANSPORTS, HostKind, HostTarget, open_host
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.import_state import RunningImport
from hvseed_gui.ui.pages.export.connect import ConnectPage

SETTINGS = "import_connect"


class ImportConnectPage(ConnectPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Connect to the replica host"))
        self.setSubTitle(
            self.tr(
                "The replica host (Host B) holds the replica VM that waits for its initial copy. "
                "Connect the drive to it, then connect hvseed to it."
            )
        )
        self.lab_host_edit = QLineEdit()
        self.lab_host_edit.setAccessibleName(self.tr("Lab host"))
        self.lab_box.layout().addRow(self.tr("Lab &host:"), self.lab_host_edit)
        self.lab_host_edit.textChanged.connect(self.completeChanged)
        self.follow = QCheckBox()
        self.follow.hide()
        self.follow.toggled.connect(self._follow_toggled)
        self.body.insertWidget(0, self.follow)

    def registerField(self, name, widget, *args) -> None:  # noqa: N802 - Qt override
        super().registerField("import." + name, widget, *args)

    @property
    def imp(self):
        return self.wiz.imp

    # -- defaults ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        s = self.ctx.settings
        self.host_edit.setText(s.value(f"{SETTINGS}/host", "", type=str))
        self.user_edit.setText(s.value(f"{SETTINGS}/username", "", type=str))
        transport = s.value(f"{SETTINGS}/transport", "kerberos", type=str)
        if transport in WINRM_TRANSPORTS:
            self.transport.setCurrentText(transport)
        self.https.setChecked(s.value(f"{SETTINGS}/use_https", True, type=bool))
        self.lab_dir_edit.setText(self.ctx.lab_dir or s.value(f"{SETTINGS}/lab_dir", "", type=str))
        self.lab_host_edit.setText(
            s.value(f"{SETTINGS}/lab_host", "", type=str) or self.wiz.demo_replica_name()
        )
        kind = s.value(f"{SETTINGS}/kind", "local", type=str)
        if self.ctx.demo:
            kind = HostKind.LAB.value
        {"winrm": self.remote, "lab": self.lab}.get(kind, self.local).setChecked(True)
        running = RunningImport.load(s)
        self.imp.reattach = running
        if running is not None:
            self.follow.setText(
                self.tr("&Follow the running import of %1 (from %2)")
                .replace("%1", running.vm.name)
                .replace("%2", running.folder)
            )
            self.follow.show()
            self.follow.setChecked(True)
            self._follow_toggled(True)
        else:
            self.follow.hide()
            self.follow.setChecked(False)
            self.lock_target(False)
        self._kind_changed()
        self._fill_remembered_password()

    def lock_target(self, locked: bool) -> None:
        super().lock_target(locked)
        self.lab_host_edit.setEnabled(not locked)

    def _follow_toggled(self, on: bool) -> None:
        running = self.imp.reattach
        self.lock_target(on and running is not None)
        if not on or running is None:
            return
        t = running.target
        {HostKind.WINRM: self.remote, HostKind.LAB: self.lab}.get(t.kind, self.local).setChecked(
            True
        )
        if t.kind is HostKind.WINRM:
            self.host_edit.setText(t.host)
            self.user_edit.setText(t.username)
            self.transport.setCurrentText(t.transport)
            self.https.setChecked(t.use_https)
        if t.kind is HostKind.LAB:
            self.lab_dir_edit.setText(t.lab_dir)
            self.lab_host_edit.setText(t.host)

    # -- target ------------------------------------------------------------------------------

    def target(self) -> HostTarget:
        target = super().target()
        if target.kind is HostKind.LAB:
            target = target.with_host(self.lab_host_edit.text().strip())
        return target

    def page_complete(self) -> bool:
        if self.lab.isChecked() and not self.lab_host_edit.text().strip():
            return False
        return super().page_complete()

    def validatePage(self) -> bool:
        target = self.target()

        def connect():
            host = open_host(target)
            return host, host.inventory()

        def done(result) -> bool:
            host, inventory = result
            if not inventory.hyperv_present:
                self.status.show_message(
                    "error",
                    self.tr(
                        "%1 does not run Hyper-V. Choose the replica host that holds the "
                        "replica VM."
                    ).replace("%1", inventory.host_name),
                )
                return False
            imp = self.imp
            following = self.following()
            if following:
                # A new process knows the running import only by its saved VM ID: every later
                # page (test failover, Done) needs the replica VM itself, from this inventory.
                running = imp.reattach
                vm = inventory.vm(running.vm.id)
                if vm is None:
                    self.status.show_message(
                        "error",
                        self.tr(
                            "%1 has no VM with the ID %2 any more, so hvseed cannot follow the "
                            "import of %3. Untick Follow and choose the replica VM."
                        )
                        .replace("%1", inventory.host_name)
                        .replace("%2", running.vm.id)
                        .replace("%3", running.vm.name),
                    )
                    return False
            changed = imp.target != target
            imp.target, imp.host, imp.inventory = target, host, inventory
            if following:
                imp.vm, imp.folder = vm, imp.reattach.folder
            elif changed:
                imp.vm, imp.folder = None, ""
            imp.reattaching = following
            self._remember(target)
            return True

        return self.validate_async(
            self.tr("Connecting to %1…").replace("%1", target.description), connect, done
        )

    def _remember(self, target: HostTarget) -> None:
        s = self.ctx.settings
        s.setValue(f"{SETTINGS}/kind", target.kind.value)
        if target.kind is HostKind.WINRM:
            s.setValue(f"{SETTINGS}/host", target.host)
            s.setValue(f"{SETTINGS}/username", target.username)
            s.setValue(f"{SETTINGS}/transport", target.transport)
            s.setValue(f"{SETTINGS}/use_https", target.use_https)
            self._store_password(target)
        if target.kind is HostKind.LAB:
            s.setValue(f"{SETTINGS}/lab_dir", target.lab_dir)
            s.setValue(f"{SETTINGS}/lab_host", target.host)

    def target_without_password(self) -> HostTarget:
        return replace(self.target(), password="")

    def following(self) -> bool:
        """Whether the admin chose to follow a remembered running import."""
        return self.imp.reattach is not None and self.follow.isChecked()

    def nextId(self) -> int:
        return PageId.IMPORT_RUN if self.following() else PageId.IMPORT_VM

"""Connect to Host A: this computer, a remote host over WinRM, or the simulated lab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from hvseed_gui.hyperv.host_target import WINRM_TRANSPORTS, HostKind, HostTarget, open_host
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.widgets.keyboard import tab_to_checked


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(form.labelAlignment())
    return form


class ConnectPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Connect to Host A"),
            self.tr("Host A is the Hyper-V host that runs the VM and has the USB drive attached."),
        )
        self.local = QRadioButton(self.tr("&This computer"))
        self.remote = QRadioButton(self.tr("A &remote host over WinRM"))
        self.lab = QRadioButton(self.tr("The simulated &lab (practice without Hyper-V)"))
        group = QButtonGroup(self)
        for button in (self.local, self.remote, self.lab):
            group.addButton(button)
            self.body.addWidget(button)
            button.toggled.connect(self._kind_changed)
        tab_to_checked(group)

        self.remote_box = QGroupBox(self.tr("Remote host"))
        form = _form(self.remote_box)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("hv01.corp.example")
        self.transport = QComboBox()
        self.transport.addItems(list(WINRM_TRANSPORTS))
        # PowerShell remoting's default (Enable-PSRemoting): Kerberos over HTTP on 5985, with
        # WinRM's own message encryption. HTTPS needs a listener an admin created.
        self.https = QCheckBox(
            self.tr("Use HTTPS (port 5986, for hosts outside the domain; checks the certificate)")
        )
        self.https.setChecked(False)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("default (5985, or 5986 with HTTPS)"))
        self.port.setValue(0)
        self.test_button = QPushButton(self.tr("Te&st"))
        self.test_button.setToolTip(
            self.tr("Connect to the host now and read what it is, without leaving this page.")
        )
        self.test_button.clicked.connect(self.test_connection)
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("CORP\\admin (empty: your own account)"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            self.tr("Remember the password in the Windows Credential Manager")
        )
        host_row = QHBoxLayout()
        host_row.addWidget(self.host_edit, 1)
        host_row.addWidget(self.test_button)
        host_label = QLabel(self.tr("&Host name:"))
        host_label.setBuddy(self.host_edit)
        form.addRow(host_label, host_row)
        form.addRow(self.tr("T&ransport:"), self.transport)
        form.addRow("", self.https)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", self.remember)
        self.body.addWidget(self.remote_box)

        self.lab_box = QGroupBox(self.tr("Simulated lab"))
        lab_form = _form(self.lab_box)
        row = QHBoxLayout()
        self.lab_dir_edit = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse_lab)
        row.addWidget(self.lab_dir_edit, 1)
        row.addWidget(browse)
        lab_label = QLabel(self.tr("Lab &folder:"))
        lab_label.setBuddy(self.lab_dir_edit)
        lab_form.addRow(lab_label, row)
        self.body.addWidget(self.lab_box)

        self.registerField("connect.host", self.host_edit)
        self.registerField("connect.user", self.user_edit)
        self.registerField("connect.labdir", self.lab_dir_edit)
        for edit in (self.host_edit, self.lab_dir_edit):
            edit.textChanged.connect(self.completeChanged)
        self.host_edit.editingFinished.connect(self._fill_remembered_password)
        self.user_edit.editingFinished.connect(self._fill_remembered_password)
        self._filled_for = ""  # the account whose remembered password fills the field now
        self.host_edit.textChanged.connect(self._account_edited)
        self.user_edit.textChanged.connect(self._account_edited)
        self.password_edit.textEdited.connect(self._password_typed)
        self.remember.clicked.connect(self._remember_clicked)
        self.local.setChecked(True)

    # -- defaults ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        ctx = self.ctx
        ctx.forget_run()  # forward into Connect: a new run (or a reattach) begins
        s = ctx.settings
        self.host_edit.setText(s.value("connect/host", "", type=str))
        self.user_edit.setText(s.value("connect/username", "", type=str))
        transport = s.value("connect/transport", "kerberos", type=str)
        if transport in WINRM_TRANSPORTS:
            self.transport.setCurrentText(transport)
        self.https.setChecked(s.value("connect/use_https", False, type=bool))
        self.port.setValue(s.value("connect/port", 0, type=int))
        self.lab_dir_edit.setText(ctx.lab_dir)
        kind = s.value("connect/kind", "local", type=str)
        if ctx.reattaching and ctx.reattach is not None:
            t = ctx.reattach.target
            kind = t.kind.value
            self.host_edit.setText(t.host if t.kind is HostKind.WINRM else self.host_edit.text())
            self.user_edit.setText(t.username)
            self.transport.setCurrentText(t.transport)
            self.https.setChecked(t.use_https)
            self.port.setValue(t.port or 0)
            if t.kind is HostKind.LAB:
                self.lab_dir_edit.setText(t.lab_dir)
        elif ctx.demo:
            kind = HostKind.LAB.value
        {"winrm": self.remote, "lab": self.lab}.get(kind, self.local).setChecked(True)
        self.lock_target(ctx.reattaching and ctx.reattach is not None)
        self._kind_changed()
        self._fill_remembered_password()

    def lock_target(self, locked: bool) -> None:
        """Following a remembered job: it runs on the saved host, so only the password is open."""
        for widget in (
            self.local,
            self.remote,
            self.lab,
            self.host_edit,
            self.user_edit,
            self.transport,
            self.https,
            self.port,
            self.lab_dir_edit,
        ):
            widget.setEnabled(not locked)

    def _kind_changed(self) -> None:
        self.remote_box.setVisible(self.remote.isChecked())
        self.lab_box.setVisible(self.lab.isChecked())
        self.status.clear_message()
        self.completeChanged.emit()

    def _browse_lab(self) -> None:
        path = self.wiz.prompt.choose_directory(
            self, self.tr("Choose the lab folder"), self.lab_dir_edit.text()
        )
        if path:
            self.lab_dir_edit.setText(path)

    def _account(self) -> str:
        return f"{self.user_edit.text().strip()}@{self.host_edit.text().strip().lower()}"

    def _fill_remembered_password(self) -> None:
        if self.remote.isChecked() and not self.password_edit.text() and self.user_edit.text():
            secret = self.ctx.secrets.get(self._account())
            if secret:
                self.password_edit.setText(secret)
                self.remember.setChecked(True)
                self._filled_for = self._account()

    def _account_edited(self) -> None:
        """A remembered password belongs to one account: never send it to another host."""
        if self._filled_for and self._account() != self._filled_for:
            self._filled_for = ""
            self.password_edit.clear()
            self.remember.setChecked(False)

    def _password_typed(self) -> None:
        self._filled_for = ""  # the admin's own password now, for whichever host is shown

    def _remember_clicked(self, checked: bool) -> None:
        if not checked and self.user_edit.text().strip() and self.host_edit.text().strip():
            self._forget_password()

    def _forget_password(self) -> None:
        problem = self.ctx.secrets.delete(self._account())
        if problem:
            self.status.show_message("warning", problem)

    def _store_password(self, target: HostTarget) -> None:
        """Keep the password in the keyring when Remember is ticked; forget it when it is not."""
        if not self.remember.isChecked():
            self._forget_password()
            return
        if target.password:
            problem = self.ctx.secrets.set(self._account(), target.password)
            if problem:
                self.status.show_message("warning", problem)

    # -- target ------------------------------------------------------------------------------

    def target(self) -> HostTarget:
        if self.lab.isChecked():
            return HostTarget(kind=HostKind.LAB, lab_dir=self.lab_dir_edit.text().strip())
        if self.remote.isChecked():
            return HostTarget(
                kind=HostKind.WINRM,
                host=self.host_edit.text().strip(),
                transport=self.transport.currentText(),
                username=self.user_edit.text().strip(),
                password=self.password_edit.text(),
                port=self.port.value() or None,
                use_https=self.https.isChecked(),
            )
        return HostTarget(kind=HostKind.LOCAL)

    def page_complete(self) -> bool:
        if self.remote.isChecked():
            return bool(self.host_edit.text().strip())
        if self.lab.isChecked():
            return bool(self.lab_dir_edit.text().strip())
        return True

    def test_connection(self) -> None:
        """The Test button: one read-only round trip to the host; the page stays."""
        if not self.page_complete():
            self.status.show_message("warning", self.tr("Enter the host name first."))
            return
        target = self.target()
        self.status.clear_message()

        def connect():
            return open_host(target).inventory()

        def done(inventory) -> None:
            if inventory.hyperv_present:
                self.status.show_message(
                    "info",
                    self.tr("Connected to %1 (%2): Hyper-V is there.")
                    .replace("%1", inventory.host_name)
                    .replace("%2", inventory.os_version),
                )
            else:
                self.status.show_message(
                    "warning",
                    self.tr("Connected to %1, but it does not run Hyper-V.").replace(
                        "%1", inventory.host_name
                    ),
                )

        self.run_host_call(
            self.tr("Testing the connection to %1…").replace("%1", target.description),
            connect,
            done,
        )

    def validatePage(self) -> bool:
        target = self.target()

        def connect():
            host = open_host(target)
            return host, host.inventory(details=False)  # light: fast with hundreds of VMs

        def done(result) -> bool:
            host, inventory = result
            ctx = self.ctx
            ctx.target, ctx.host, ctx.inventory = target, host, inventory
            if not inventory.hyperv_present:
                self.status.show_message(
                    "error",
                    self.tr("%1 does not run Hyper-V. Choose the host that runs the VM.").replace(
                        "%1", inventory.host_name
                    ),
                )
                return False
            self._remember(target)
            return True

        return self.validate_async(
            self.tr("Connecting to %1…").replace("%1", target.description), connect, done
        )

    def _remember(self, target: HostTarget) -> None:
        s = self.ctx.settings
        s.setValue("connect/kind", target.kind.value)
        if target.kind is HostKind.WINRM:
            s.setValue("connect/host", target.host)
            s.setValue("connect/username", target.username)
            s.setValue("connect/transport", target.transport)
            s.setValue("connect/use_https", target.use_https)
            s.setValue("connect/port", target.port or 0)
            self._store_password(target)
        if target.kind is HostKind.LAB:
            s.setValue("connect/lab_dir", target.lab_dir)

    def nextId(self) -> int:
        return PageId.PROGRESS if self.ctx.reattaching else PageId.VM

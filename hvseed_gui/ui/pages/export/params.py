"""Specify Connection Parameters: authentication, port, compression, and a connection test."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QSpinBox,
)

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.hyperv.host import Certificate
from hvseed_gui.ui.format import shown
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.pages.export.replica import usable_auth
from hvseed_gui.ui.widgets.keyboard import tab_to_checked
from hvseed_gui.ui.wording import hyperv_said

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession


class ParamsPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Specify Connection Parameters"),
            self.tr("Pre-filled from the Replica server's configuration."),
        )
        self.kerberos = QRadioButton(self.tr("Use &Kerberos authentication (HTTP)"))
        self.certificate = QRadioButton(self.tr("Use &certificate-based authentication (HTTPS)"))
        group = QButtonGroup(self)
        group.addButton(self.kerberos)
        group.addButton(self.certificate)
        self.kerberos.setChecked(True)
        tab_to_checked(group)
        self.cert_combo = QComboBox()
        self.cert_combo.setAccessibleName(self.tr("Certificate"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(80)
        self.port.setMaximumWidth(110)
        self.compression = QCheckBox(self.tr("C&ompress the data that is sent over the network"))
        self.compression.setChecked(True)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        form = QFormLayout()
        form.addRow(self.tr("Replica server &port:"), self.port)
        form.addRow(self.tr("Authentication:"), self.kerberos)
        form.addRow("", self.certificate)
        form.addRow(self.tr("C&ertificate:"), self.cert_combo)
        form.addRow("", self.compression)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        form.addRow("", row)
        self.body.addLayout(form)
        self.registerField("params.kerberos", self.kerberos)
        self.registerField("params.port", self.port)
        self.registerField("params.compression", self.compression)
        self.kerberos.toggled.connect(self._auth_changed)
        self.cert_combo.currentIndexChanged.connect(self.completeChanged)
        self._certs: list[Certificate] | None = None
        self._certs_host = None  # the Host A whose certificates the combo lists
        self._config_seen = None

    def initializePage(self) -> None:
        if self.ctx.host is not self._certs_host:  # another Host A: its own certificates
            self.runner.abandon()
            self._certs, self._certs_host = None, self.ctx.host
            self.cert_combo.clear()
        config = self.ctx.replica_config
        if config is None or config is self._config_seen:
            self._auth_changed()
            return
        self._config_seen = config
        primary = self.ctx.inventory.host_name if self.ctx.inventory else ""
        auth = usable_auth(config, primary) or AuthenticationType.KERBEROS
        (self.kerberos if auth is AuthenticationType.KERBEROS else self.certificate).setChecked(
            True
        )
        self.port.setValue(config.port_for(auth) or auth.default_port)
        self.setSubTitle(
            self.tr("Pre-filled from the configuration of %1 (accepts %2).")
            .replace("%1", shown(config.host_name))
            .replace("%2", shown(config.allowed_authentication))
        )
        self._auth_changed()

    def auth(self) -> AuthenticationType:
        if self.certificate.isChecked():
            return AuthenticationType.CERTIFICATE
        return AuthenticationType.KERBEROS

    def thumbprint(self) -> str:
        if self.auth() is AuthenticationType.KERBEROS:
            return ""
        return self.cert_combo.currentData() or ""

    def _auth_changed(self) -> None:
        auth = self.auth()
        config = self.ctx.replica_config if self.wizard() else None
        self.cert_combo.setEnabled(auth is AuthenticationType.CERTIFICATE)
        if config is not None:
            self.port.setValue(config.port_for(auth) or auth.default_port)
        self.status.clear_message()
        if auth is AuthenticationType.CERTIFICATE and self._certs is None and self.wizard():
            self._load_certificates()
        self.completeChanged.emit()

    def _load_certificates(self) -> None:
        host = self.ctx.host

        def done(certs: list[Certificate]) -> None:
            self._certs = certs
            self.cert_combo.clear()
            for cert in certs:
                expires = cert.not_after.date().isoformat() if cert.not_after else "?"
                self.cert_combo.addItem(
                    self.tr("%1 — %2, until %3")
                    .replace("%1", cert.subject)
                    .replace("%2", cert.issuer)
                    .replace("%3", expires),
                    cert.thumbprint,
                )
            if not certs:
                self.status.show_message(
                    "warning",
                    self.tr(
                        "Host A has no machine certificate for client and server authentication "
                        "with a private key. Use Kerberos, or enrol a certificate first."
                    ),
                )
            self.completeChanged.emit()

        self.run_host_call(
            self.tr("Reading the machine certificates of Host A…"),
            host.machine_certificates,
            done,
        )

    def page_complete(self) -> bool:
        return self.auth() is AuthenticationType.KERBEROS or bool(self.thumbprint())

    def _busy_changed(self, busy: bool) -> None:
        super()._busy_changed(busy)
        self.test_button.setEnabled(not busy)  # a test must not supersede the certificate load

    def test_connection(self) -> None:
        plan = self.wiz.build_plan()
        host = self.ctx.host

        def done(result) -> None:
            self.status.show_message(
                "ok" if result.ok else "error",
                (
                    self.tr("Connection test passed: ")
                    if result.ok
                    else self.tr("Connection test failed: ")
                )
                + hyperv_said(result.message),
            )

        self.status.clear_message()
        self.run_host_call(
            self.tr("Testing the connection to %1…").replace("%1", plan.replica_server),
            lambda: host.test_replication_connection(plan),
            done,
        )

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: port, authentication, certificate, compression."""
        session.replica_port = self.port.value()
        session.authentication = self.auth()
        session.certificate_thumbprint = self.thumbprint()
        session.compression = self.compression.isChecked()

"""Specify Replica Server: read its configuration on Next; offer to fix what blocks replication."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from hvseed_gui.core.plan import AuthenticationType
from hvseed_gui.hyperv.connect import HostKind, HostTarget, open_host
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    ReplicaServerChange,
    ReplicaServerConfig,
)
from hvseed_gui.ui.pages.base import HostPage


def usable_auth(config: ReplicaServerConfig, primary: str) -> AuthenticationType | None:
    """The authentication to pre-select: Kerberos when it works, else certificates, else None."""
    for auth in (AuthenticationType.KERBEROS, AuthenticationType.CERTIFICATE):
        if config.accepts(auth) and not config.problems_for(auth, primary):
            return auth
    return None


DEFAULT_REPLICA_STORAGE = "C:\\Hyper-V\\Replica"


def proposed_change(
    config: ReplicaServerConfig, primary: str, storage: str = ""
) -> ReplicaServerChange:
    """The smallest change that lets ``primary`` replicate to this server with Kerberos.

    Allowing any authenticated server needs a default storage location (Hyper-V refuses the
    setting without one): ``storage``, else the server's own, else DEFAULT_REPLICA_STORAGE.
    """
    auth = config.allowed_authentication if config.replication_enabled else "Kerberos"
    if "Kerberos" not in auth:
        auth = "CertificateAndKerberos"
    problems = config.problems_for(AuthenticationType.KERBEROS, primary)
    allow_any = (
        config.allow_any_server
        or not config.replication_enabled
        or any("listed servers" in p for p in problems)
    )
    rules = []
    if config.firewall_rule_enabled(AuthenticationType.KERBEROS) is not True:
        rules.append(FIREWALL_RULE_HTTP)
    if (
        "Certificate" in auth
        and config.firewall_rule_enabled(AuthenticationType.CERTIFICATE) is False
    ):
        rules.append(FIREWALL_RULE_HTTPS)
    return ReplicaServerChange(
        enable_replication=True,
        allowed_authentication=auth,
        kerberos_port=config.kerberos_port or 80,
        certificate_port=config.certificate_port or 443,
        certificate_thumbprint=config.certificate_thumbprint,
        allow_any_server=allow_any,
        default_storage_location=(
            storage.strip() or config.default_storage_location or DEFAULT_REPLICA_STORAGE
        ),
        enable_firewall_rules=tuple(rules),
    )


def describe_change(config: ReplicaServerConfig, change: ReplicaServerChange) -> list[str]:
    """Each line one setting that will differ afterwards, in Hyper-V Settings' words."""
    lines = []
    if change.enable_replication and not config.replication_enabled:
        lines.append(
            QCoreApplication.translate("ReplicaPage", "Enable this computer as a Replica server.")
        )
    if change.allowed_authentication != config.allowed_authentication or not (
        config.replication_enabled
    ):
        lines.append(
            QCoreApplication.translate(
                "ReplicaPage", "Accept %1 authentication (Kerberos on port %2)."
            )
            .replace("%1", change.allowed_authentication)
            .replace("%2", str(change.kerberos_port))
        )
    if change.allow_any_server and not config.allow_any_server:
        storage = change.default_storage_location
        lines.append(
            QCoreApplication.translate(
                "ReplicaPage",
                "Allow replication from any authenticated server, storing replicas in %1.",
            ).replace("%1", storage)
        )
    for rule in change.enable_firewall_rules:
        lines.append(
            QCoreApplication.translate(
                "ReplicaPage", "Enable the Windows Firewall rule %1."
            ).replace("%1", rule)
        )
    return lines


class ReplicaPage(HostPage):
    def __init__(self) -> None:
        super().__init__(
            self.tr("Specify Replica Server"),
            self.tr(
                "The Replica server (Host B) receives the replica VM. In a failover cluster, "
                "name the Hyper-V Replica Broker, not a node."
            ),
        )
        form = QFormLayout()
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("hv02.corp.example")
        form.addRow(self.tr("Replica &server:"), self.server_edit)
        self.body.addLayout(form)
        self.registerField("replica.server*", self.server_edit)
        self.server_edit.textEdited.connect(self._server_edited)

        self.fix_box = QGroupBox(self.tr("Let hvseed configure the Replica server"))
        box = QVBoxLayout(self.fix_box)
        self.change_label = QLabel()
        self.change_label.setWordWrap(True)
        box.addWidget(self.change_label)
        cred = QFormLayout()
        self.storage_edit = QLineEdit()
        self.storage_edit.setToolTip(
            self.tr("Where Host B keeps replica VMs; choose a volume with room for them.")
        )
        self.storage_edit.textEdited.connect(self._describe_change)
        cred.addRow(self.tr("Store &replicas in:"), self.storage_edit)
        self.fix_user = QLineEdit()
        self.fix_user.setPlaceholderText(self.tr("same as for Host A"))
        self.fix_password = QLineEdit()
        self.fix_password.setEchoMode(QLineEdit.EchoMode.Password)
        cred.addRow(self.tr("User on that &host:"), self.fix_user)
        cred.addRow(self.tr("Pass&word:"), self.fix_password)
        box.addLayout(cred)
        self.consent = QCheckBox(self.tr("I &agree to these changes on the Replica server"))
        self.fix_button = QPushButton(self.tr("&Apply these changes"))
        self.fix_button.setEnabled(False)
        self.consent.toggled.connect(self.fix_button.setEnabled)
        self.fix_button.clicked.connect(self._apply_fix)
        box.addWidget(self.consent)
        row = QHBoxLayout()
        row.addWidget(self.fix_button)
        row.addStretch(1)
        box.addLayout(row)
        self.fix_box.hide()
        self.body.addWidget(self.fix_box)
        self._config: ReplicaServerConfig | None = None
        self._change: ReplicaServerChange | None = None

    def initializePage(self) -> None:
        if not self.server_edit.text() and self.ctx.demo:
            self.server_edit.setText(self.wiz.demo_replica_name())

    def _server_edited(self) -> None:
        self.fix_box.hide()
        self.consent.setChecked(False)
        self.status.clear_message()
        self._validated = False

    def replica_target(self, user: str = "", password: str = "") -> HostTarget:
        name = self.server_edit.text().strip()
        base = self.ctx.target or HostTarget()
        if base.kind is HostKind.LOCAL:
            # this computer reaches the replica server over WinRM with the signed-in account
            target = HostTarget(kind=HostKind.WINRM, host=name)
        else:
            target = base.with_host(name)
        if user:
            from dataclasses import replace

            target = replace(target, username=user, password=password)
        return target

    def _primary(self) -> str:
        return self.ctx.inventory.host_name if self.ctx.inventory else ""

    def validatePage(self) -> bool:
        name = self.server_edit.text().strip()
        if any(c.isspace() for c in name):
            self.status.show_message("error", self.tr("A server name cannot contain spaces."))
            return False
        target = self.replica_target()

        def read():
            return open_host(target).replica_server_config()

        def done(config: ReplicaServerConfig) -> bool:
            self._config = config
            self.ctx.replica_target = target
            if usable_auth(config, self._primary()) is not None:
                self.ctx.replica_config = config
                self.fix_box.hide()
                return True
            self._offer_fix(config)
            return False

        return self.validate_async(
            self.tr("Reading the Replica server configuration of %1…").replace("%1", name),
            read,
            done,
        )

    def _offer_fix(self, config: ReplicaServerConfig) -> None:
        problems = config.problems_for(AuthenticationType.KERBEROS, self._primary())
        if not problems:
            problems = [
                self.tr("%1 does not accept replication from this host.").replace(
                    "%1", config.host_name
                )
            ]
        self.status.show_message("error", " ".join(problems))
        change = proposed_change(config, self._primary())
        self.storage_edit.setText(change.default_storage_location)
        self.consent.setChecked(False)
        self._describe_change()
        self.fix_box.show()

    def _describe_change(self) -> None:
        config = self._config
        if config is None:
            return
        self._change = proposed_change(config, self._primary(), self.storage_edit.text())
        lines = describe_change(config, self._change)
        self.change_label.setText(
            self.tr("hvseed can change exactly this on %1:").replace("%1", config.host_name)
            + "\n"
            + "\n".join(f"  • {line}" for line in lines)
        )
        self.consent.setChecked(False)  # consent covers what is shown, not an older text

    def _apply_fix(self) -> None:
        if not self.consent.isChecked() or self._change is None:
            return
        target = self.replica_target(self.fix_user.text().strip(), self.fix_password.text())
        change = self._change

        def configure():
            return open_host(target).configure_replica_server(change)

        def done(config: ReplicaServerConfig) -> None:
            self._config = config
            if usable_auth(config, self._primary()) is None:
                self.status.show_message(
                    "error",
                    " ".join(config.problems_for(AuthenticationType.KERBEROS, self._primary()))
                    or self.tr("The Replica server still refuses replication."),
                )
                return
            self.ctx.replica_target = target
            self.ctx.replica_config = config
            self.fix_box.hide()
            self.consent.setChecked(False)
            self.status.show_message(
                "ok",
                self.tr("%1 is now a Replica server that accepts this host. Press Next.").replace(
                    "%1", config.host_name
                ),
            )
            self._validated = True

        self.run_host_call(self.tr("Configuring %1…").replace("%1", target.host), configure, done)

    def page_complete(self) -> bool:
        return bool(self.server_edit.text().strip())

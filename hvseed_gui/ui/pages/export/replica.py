"""Specify Replica Server: read its configuration on Next; offer to fix what blocks replication."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
from hvseed_gui.flows.host_settings import apply_replica_server_change
from hvseed_gui.hyperv.host import (
    FIREWALL_RULE_HTTP,
    FIREWALL_RULE_HTTPS,
    AuthorizationEntry,
    ReplicaServerChange,
    ReplicaServerConfig,
    listener_rule_name,
)
from hvseed_gui.hyperv.host_target import HostKind, HostTarget, open_host
from hvseed_gui.ui.format import shown
from hvseed_gui.ui.ids import PageId
from hvseed_gui.ui.pages.base import HostPage
from hvseed_gui.ui.wording import word

if TYPE_CHECKING:
    from hvseed_gui.ui.export_session import ExportSession


def usable_auth(config: ReplicaServerConfig, primary: str) -> AuthenticationType | None:
    """The authentication to pre-select: Kerberos when it works, else certificates, else None."""
    for auth in (AuthenticationType.KERBEROS, AuthenticationType.CERTIFICATE):
        if config.accepts(auth) and not config.problems_for(auth, primary):
            return auth
    return None


DEFAULT_REPLICA_STORAGE = "C:\\Hyper-V\\Replica"
TRUST_GROUP = "DEFAULT"  # the trust group of MS Learn's New-VMReplicationAuthorizationEntry example


# the built-in rules' display names as Windows Firewall shows them (English Windows; a host's
# own display name, localised, wins when the host reported it)
RULE_DISPLAY_NAMES = {
    FIREWALL_RULE_HTTP: "Hyper-V Replica HTTP Listener (TCP-In)",
    FIREWALL_RULE_HTTPS: "Hyper-V Replica HTTPS Listener (TCP-In)",
}


def rule_display_name(config: ReplicaServerConfig, rule: str) -> str:
    """A firewall rule as Windows Firewall lists it, not its internal name."""
    for state in config.firewall_rules:
        if state.name == rule and state.display_name.strip():
            return shown(state.display_name)
    return RULE_DISPLAY_NAMES.get(rule, shown(rule))


def on_system_drive(folder: str, system_drive: str = "C:") -> bool:
    """Whether ``folder`` lies on the host's system drive (``C:`` unless known otherwise)."""
    drive = system_drive.rstrip("\\/").upper()
    return folder.strip().upper().startswith(drive + "\\") or folder.strip().upper() == drive


def primary_authorized(config: ReplicaServerConfig, primary: str) -> bool:
    """True when the server already lets ``primary`` replicate (any server, or a listed entry)."""
    if config.allow_any_server or not primary:
        return True
    probe = replace(
        config,
        replication_enabled=True,
        allowed_authentication="Kerberos",
        allow_any_server=False,
        firewall_rules=(),
    )
    return not probe.problems_for(AuthenticationType.KERBEROS, primary)


def proposed_change(
    config: ReplicaServerConfig, primary: str, storage: str = "", allow_any: bool = False
) -> ReplicaServerChange:
    """The smallest change that lets ``primary`` replicate to this server with Kerberos.

    Only settings that differ from ``config`` are set; everything else is None (left as is).
    An unlisted primary gets ONE authorization entry with its replicas in ``storage`` (else the
    server's default location, else DEFAULT_REPLICA_STORAGE). ``allow_any`` is the admin's
    explicit alternative, allowing any authenticated server; a default storage location (which
    Hyper-V then requires) is only sent when the server has none.
    """
    if config.replication_enabled:
        auth = None if "Kerberos" in config.allowed_authentication else "CertificateAndKerberos"
    else:
        auth = None if "Kerberos" in (config.allowed_authentication or "") else "Kerberos"
    folder = storage.strip() or config.default_storage_location.strip() or DEFAULT_REPLICA_STORAGE
    allow_any_server: bool | None = None
    default_storage = ""
    entry: AuthorizationEntry | None = None
    if not primary_authorized(config, primary):
        if allow_any:
            allow_any_server = True
            if not config.default_storage_location.strip():
                default_storage = folder
        else:
            entry = AuthorizationEntry(primary, folder, TRUST_GROUP)
    # the built-in rule opens port 80 only: a listener on another port gets a rule of its own
    rules: tuple[str, ...] = ()
    open_port: int | None = None
    if config.kerberos_port:
        rules, open_port = config.firewall_fix(AuthenticationType.KERBEROS)
        if config.firewall_port_open(AuthenticationType.KERBEROS) is None:
            rules = (FIREWALL_RULE_HTTP,) if config.kerberos_port == 80 else ()
            open_port = None if config.kerberos_port == 80 else config.kerberos_port
    elif config.firewall_rule_enabled(AuthenticationType.KERBEROS) is not True:
        rules = (FIREWALL_RULE_HTTP,)
    return ReplicaServerChange.only(
        enable_replication=None if config.replication_enabled else True,
        allowed_authentication=auth,
        kerberos_port=None if config.kerberos_port else 80,
        allow_any_server=allow_any_server,
        default_storage_location=default_storage,
        add_authorization_entry=entry,
        enable_firewall_rules=rules,
        open_firewall_port=open_port,
    )


def cluster_advice(config: ReplicaServerConfig) -> str:
    """Why a cluster node is not the Replica server to name, and what to name instead."""
    if config.replica_broker:
        return _tr(
            QT_TRANSLATE_NOOP(
                "ReplicaPage",
                "%1 is a node of failover cluster %2. Name the Hyper-V Replica Broker's client "
                "access point %3 as the Replica server instead; the listener firewall rule must "
                "be enabled on every node, and the import runs on the node that owns the "
                "replica VM.",
            ),
            config.host_name,
            config.cluster_name,
            config.replica_broker,
        )
    return _tr(
        QT_TRANSLATE_NOOP(
            "ReplicaPage",
            "%1 is a node of failover cluster %2, which has no Hyper-V Replica Broker. Add the "
            "Replica Broker role in Failover Cluster Manager, then name its client access point "
            "here.",
        ),
        config.host_name,
        config.cluster_name,
    )


def needed_folder(change: ReplicaServerChange) -> str:
    """The storage folder the change sends (entry or default location); "" when none."""
    if change.add_authorization_entry is not None:
        return change.add_authorization_entry.storage_location
    return change.default_storage_location.strip()


def _tr(text: str, *args: object) -> str:
    """Translated ``text`` with %1, %2… filled in one pass (a value's own "%2" stays as is)."""
    translated = QCoreApplication.translate("ReplicaPage", text)
    return re.sub(
        r"%(\d)",
        lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m[0],
        translated,
    )


def _on_off(value: object) -> str:
    return (
        _tr(QT_TRANSLATE_NOOP("ReplicaPage", "on"))
        if value
        else _tr(QT_TRANSLATE_NOOP("ReplicaPage", "off"))
    )


def _or_none(value: object) -> str:
    return str(value) if value else _tr(QT_TRANSLATE_NOOP("ReplicaPage", "(none)"))


def _describe_setting(config: ReplicaServerConfig, name: str, value: object) -> str:
    """One Set-VMReplicationServer parameter as 'setting: old → new' in Hyper-V Settings' words."""
    labelled: dict[str, tuple[str, str, str]] = {
        "ReplicationEnabled": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Enable this computer as a Replica server")),
            _on_off(config.replication_enabled),
            _on_off(value),
        ),
        "AllowedAuthenticationType": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Accepted authentication")),
            _or_none(config.allowed_authentication),
            str(value),
        ),
        "KerberosAuthenticationPort": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Kerberos (HTTP) port")),
            _or_none(config.kerberos_port),
            str(value),
        ),
        "CertificateAuthenticationPort": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Certificate-based (HTTPS) port")),
            _or_none(config.certificate_port),
            str(value),
        ),
        "CertificateThumbprint": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Certificate (thumbprint)")),
            _or_none(config.certificate_thumbprint),
            str(value),
        ),
        "ReplicationAllowedFromAnyServer": (
            _tr(
                QT_TRANSLATE_NOOP("ReplicaPage", "Allow replication from any authenticated server")
            ),
            _on_off(config.allow_any_server),
            _on_off(value),
        ),
        "DefaultStorageLocation": (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "Default location for replica files")),
            _or_none(config.default_storage_location),
            str(value),
        ),
    }
    label, old, new = labelled.get(name, (name, "", str(value)))
    return _tr(QT_TRANSLATE_NOOP("ReplicaPage", "%1: %2 → %3."), label, old or "?", new)


def describe_change(config: ReplicaServerConfig, change: ReplicaServerChange) -> list[str]:
    """One line for every setting the change sends, in Hyper-V Settings' words, old → new."""
    lines = [
        _describe_setting(config, name, value) for name, value in change.server_settings().items()
    ]
    entry = change.add_authorization_entry
    if entry is not None:
        lines.append(
            _tr(
                QT_TRANSLATE_NOOP(
                    "ReplicaPage",
                    "Allow replication from the specified servers: add %1, storing its replicas "
                    "in %2 (trust group %3); the servers listed now stay as they are.",
                ),
                entry.allowed_primary_server,
                entry.storage_location,
                entry.trust_group,
            )
        )
    for rule in change.enable_firewall_rules:
        state = config.firewall_rule_enabled(
            AuthenticationType.KERBEROS
            if rule == FIREWALL_RULE_HTTP
            else AuthenticationType.CERTIFICATE
        )
        old = (
            _tr(QT_TRANSLATE_NOOP("ReplicaPage", "not found")) if state is None else _on_off(state)
        )
        lines.append(
            _tr(
                QT_TRANSLATE_NOOP("ReplicaPage", "Windows Firewall rule %1: %2 → %3."),
                rule_display_name(config, rule),
                old,
                _on_off(True),
            )
        )
    if change.open_firewall_port is not None:
        lines.append(
            _tr(
                QT_TRANSLATE_NOOP(
                    "ReplicaPage",
                    "Windows Firewall: add the inbound rule %1 for TCP port %2 (the built-in "
                    "Hyper-V Replica rules open ports 80 and 443 only).",
                ),
                listener_rule_name(change.open_firewall_port),
                change.open_firewall_port,
            )
        )
    if config.cluster_name and (change.enable_firewall_rules or change.open_firewall_port):
        lines.append(
            _tr(
                QT_TRANSLATE_NOOP(
                    "ReplicaPage",
                    "This changes the firewall of %1 only: enable the same rule on every other "
                    "node of cluster %2.",
                ),
                config.host_name,
                config.cluster_name,
            )
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
        self.check_hosts = QCheckBox(
            self.tr("&Check both hosts first (read-only, as 'hvseed doctor' does)")
        )
        self.body.addWidget(self.check_hosts)
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
        self.any_server = QCheckBox(
            self.tr(
                "Instead allow replication from an&y authenticated server, not only from this host"
            )
        )
        self.any_server.setToolTip(
            self.tr(
                "Less strict than adding this host to the list: every server that can "
                "authenticate to the Replica server may then replicate to it."
            )
        )
        self.any_server.toggled.connect(self._describe_change)
        box.addWidget(self.any_server)
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
        self.consent.toggled.connect(self._fix_controls)
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
            if config.names_cluster_node(name):
                self.fix_box.hide()
                self.status.show_message("error", cluster_advice(config))
                return False
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
                    "%1", shown(config.host_name)
                )
            ]
        self.status.show_message("error", " ".join(word(p) for p in problems))
        self.any_server.blockSignals(True)
        self.any_server.setChecked(False)
        self.any_server.blockSignals(False)
        self.any_server.setVisible(not primary_authorized(config, self._primary()))
        change = proposed_change(config, self._primary())
        self.storage_edit.setText(needed_folder(change))
        self.consent.setChecked(False)
        self._describe_change()
        self.fix_box.show()

    def _describe_change(self) -> None:
        config = self._config
        if config is None:
            return
        allow_any = not self.any_server.isHidden() and self.any_server.isChecked()
        if allow_any and config.default_storage_location:
            # the server's default location is kept as it is: nothing to ask
            self.storage_edit.setText(config.default_storage_location)
        self._change = proposed_change(
            config, self._primary(), self.storage_edit.text(), allow_any=allow_any
        )
        self.storage_edit.setEnabled(bool(needed_folder(self._change)))
        lines = describe_change(config, self._change)
        if lines:
            text = self.tr("hvseed can change exactly this on %1:").replace(
                "%1", shown(config.host_name)
            )
        else:
            text = self.tr(
                "hvseed has nothing it can change on %1; use Hyper-V Settings there."
            ).replace("%1", shown(config.host_name))
        warning = ""
        folder = needed_folder(self._change)
        if folder and on_system_drive(folder):
            warning = "\n⚠ " + (
                self.tr(
                    "%1 is on the system drive of %2: replica VMs hold full disks and their "
                    "recovery points and can fill it. Choose a folder on a data volume."
                )
                .replace("%1", shown(folder))
                .replace("%2", shown(config.host_name))
            )
        bullets = "\n".join(f"  • {line}" for line in lines)
        self.change_label.setText(text + "\n" + bullets + warning)
        self.consent.setChecked(False)  # consent covers what is shown, not an older text
        self.consent.setEnabled(bool(lines))

    def _fix_controls(self, *_args) -> None:
        """The change can be applied only with consent and while no host call runs."""
        busy = self.runner.busy
        self.fix_box.setEnabled(not busy)
        self.fix_button.setEnabled(not busy and self.consent.isChecked())

    def _busy_changed(self, busy: bool) -> None:
        super()._busy_changed(busy)
        self._fix_controls()

    def _apply_fix(self) -> None:
        if self.runner.busy or not self.consent.isChecked() or self._change is None:
            return  # a second click while the change is being sent changes nothing twice
        target = self.replica_target(self.fix_user.text().strip(), self.fix_password.text())
        change = self._change
        self.consent.setChecked(False)  # one consent, exactly one change

        def configure():
            return apply_replica_server_change(open_host(target), change)

        def done(config: ReplicaServerConfig) -> None:
            self._config = config
            if usable_auth(config, self._primary()) is None:
                self.status.show_message(
                    "error",
                    " ".join(
                        word(p)
                        for p in config.problems_for(AuthenticationType.KERBEROS, self._primary())
                    )
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
                    "%1", shown(config.host_name)
                ),
            )
            self._validated = True

        self.run_host_call(
            self.tr("Configuring %1…").replace("%1", target.host),
            configure,
            done,
            cancellable=False,  # a change on the Replica server: its answer must arrive
        )

    def page_complete(self) -> bool:
        return bool(self.server_edit.text().strip())

    def nextId(self) -> int:
        return PageId.CHECK if self.check_hosts.isChecked() else PageId.PARAMS

    def contribute(self, session: ExportSession) -> None:
        """This page's part of the plan: the Replica server."""
        session.replica_server = self.server_edit.text().strip()

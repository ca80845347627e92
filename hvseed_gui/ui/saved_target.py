"""The host of a running export or import, remembered in QSettings so a reopened wizard can
reattach: every connection setting except the password (which stays in the keyring or is asked
again). Used inside the caller's settings group; imports no part of the seam at load time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings

if TYPE_CHECKING:
    from hvseed_gui.hyperv.host import VmRef
    from hvseed_gui.hyperv.host_target import HostTarget


def save_target(settings: QSettings, target: HostTarget) -> None:
    """Write ``target`` (never its password) into the current settings group."""
    for key, value in (
        ("kind", target.kind.value),
        ("host", target.host),
        ("transport", target.transport),
        ("username", target.username),
        ("port", target.port or 0),
        ("use_https", target.use_https),
        ("validate_certificate", target.validate_certificate),
        ("lab_dir", target.lab_dir),
    ):
        settings.setValue(key, value)


def load_target(settings: QSettings) -> HostTarget | None:
    """The target saved in the current settings group, or None when it cannot be read."""
    from hvseed_gui.hyperv.host_target import HostKind, HostTarget

    try:
        kind = HostKind(settings.value("kind", "local", type=str))
    except ValueError:
        return None
    port = settings.value("port", 0, type=int)
    return HostTarget(
        kind=kind,
        host=settings.value("host", "", type=str),
        transport=settings.value("transport", "kerberos", type=str),
        username=settings.value("username", "", type=str),
        port=port or None,
        use_https=settings.value("use_https", False, type=bool),
        validate_certificate=settings.value("validate_certificate", True, type=bool),
        lab_dir=settings.value("lab_dir", "", type=str),
    )


def load_running(settings: QSettings) -> tuple[HostTarget, VmRef] | None:
    """Host and VM of the running job remembered in the current group; None when there is
    none or it cannot be read."""
    from hvseed_gui.hyperv.host import VmRef

    if not settings.value("running", False, type=bool):
        return None
    target = load_target(settings)
    vm = VmRef(settings.value("vm_name", "", type=str), settings.value("vm_id", "", type=str))
    if target is None or not vm.id:
        return None
    return target, vm


def describe_saved_target(settings: QSettings) -> str:
    """Where the saved target is, for the start page ("this computer", "lab: hv-a", a name)."""
    kind = settings.value("kind", "local", type=str)
    host = settings.value("host", "", type=str)
    if kind == "local":
        return QCoreApplication.translate("SavedTarget", "this computer")
    if kind == "lab":
        return QCoreApplication.translate("SavedTarget", "lab: %1").replace(
            "%1", host or QCoreApplication.translate("SavedTarget", "default host")
        )
    return host

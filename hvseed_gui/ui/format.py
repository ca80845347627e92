"""Numbers and Hyper-V states as admins read them: sizes and rates in the GUI's locale (a
decimal comma in German), states in Hyper-V Manager's words, translated."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from hvseed_gui.core.units import format_duration
from hvseed_gui.core.visible import visible

_UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB")

# VMReplicationState names -> the words of Hyper-V Manager and the WMI documentation
# (Msvm_ReplicationRelationship.ReplicationState), not the enum's CamelCase
REPLICATION_STATES = {
    "Disabled": QT_TRANSLATE_NOOP("Format", "Not enabled"),
    "ReadyForInitialReplication": QT_TRANSLATE_NOOP("Format", "Ready for initial replication"),
    "InitialReplicationInProgress": QT_TRANSLATE_NOOP("Format", "Initial replication in progress"),
    "WaitingForInitialReplication": QT_TRANSLATE_NOOP(
        "Format", "Waiting to complete initial replication"
    ),
    "Replicating": QT_TRANSLATE_NOOP("Format", "Replicating"),
    "PreparedForFailover": QT_TRANSLATE_NOOP("Format", "Prepared for failover"),
    "FailedOverWaitingCompletion": QT_TRANSLATE_NOOP("Format", "Failed over, not yet committed"),
    "FailedOver": QT_TRANSLATE_NOOP("Format", "Failed over"),
    "Suspended": QT_TRANSLATE_NOOP("Format", "Paused"),
    "Error": QT_TRANSLATE_NOOP("Format", "Critical"),
    "WaitingForStartResynchronize": QT_TRANSLATE_NOOP(
        "Format", "Waiting to start resynchronization"
    ),
    "Resynchronizing": QT_TRANSLATE_NOOP("Format", "Resynchronizing"),
    "ResynchronizeSuspended": QT_TRANSLATE_NOOP("Format", "Resynchronization paused"),
    "RecoveryInProgress": QT_TRANSLATE_NOOP("Format", "Failover in progress"),
    "FailbackInProgress": QT_TRANSLATE_NOOP("Format", "Failback in progress"),
    "FailbackComplete": QT_TRANSLATE_NOOP("Format", "Failback complete"),
    "WaitingForUpdateCompletion": QT_TRANSLATE_NOOP("Format", "Disk update in progress"),
    "UpdateError": QT_TRANSLATE_NOOP("Format", "Disk update critical"),
    "WaitingForRepurposeCompletion": QT_TRANSLATE_NOOP(
        "Format", "Repurpose replication in progress"
    ),
    "PreparedForSyncReplication": QT_TRANSLATE_NOOP("Format", "Prepared for sync replication"),
    "PreparedForGroupReverseReplication": QT_TRANSLATE_NOOP(
        "Format", "Prepared for group reverse replication"
    ),
    "FiredrillInProgress": QT_TRANSLATE_NOOP("Format", "Test failover in progress"),
    "Unknown": QT_TRANSLATE_NOOP("Format", "Unknown"),
}

# Get-VM's State names as Hyper-V Manager's State column shows them
VM_STATES = {
    "Running": QT_TRANSLATE_NOOP("Format", "Running"),
    "Off": QT_TRANSLATE_NOOP("Format", "Off"),
    "Saved": QT_TRANSLATE_NOOP("Format", "Saved"),
    "Paused": QT_TRANSLATE_NOOP("Format", "Paused"),
    "Starting": QT_TRANSLATE_NOOP("Format", "Starting"),
    "Stopping": QT_TRANSLATE_NOOP("Format", "Stopping"),
    "Saving": QT_TRANSLATE_NOOP("Format", "Saving"),
    "Pausing": QT_TRANSLATE_NOOP("Format", "Pausing"),
    "Resuming": QT_TRANSLATE_NOOP("Format", "Resuming"),
}


def shown(text: str, keep: str = "") -> str:
    """A name from a host, a drive or a file as a label shows it: control and bidirectional
    characters spelt out (``\\x1b``, ``<U+202E>``), never obeyed; ``keep`` passes as is."""
    return visible(text, keep)


def number(value: float, decimals: int = 1) -> str:
    """``value`` in the GUI's locale: ``1.5`` in English, ``1,5`` in German."""
    return QLocale().toString(float(value), "f", decimals)


def size(n: int | None) -> str:
    """``1536`` -> ``1.5 KiB`` (``1,5 KiB`` in German); binary units, as Explorer counts."""
    if n is None:
        return "–"
    value = float(n)
    for unit in _UNITS:
        if abs(value) < 1024 or unit == _UNITS[-1]:
            if unit == "bytes":
                return QCoreApplication.translate("Format", "%1 bytes").replace(
                    "%1", QLocale().toString(int(value))
                )
            return f"{number(value)} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def rate(bytes_per_sec: float | None) -> str:
    return "–" if not bytes_per_sec else f"{size(int(bytes_per_sec))}/s"


def duration(seconds: float | None) -> str:
    return "–" if seconds is None else format_duration(seconds)


def replication_state(name: str) -> str:
    """A VMReplicationState name (``WaitingForInitialReplication``) in Hyper-V Manager's words,
    translated; a name hvseed does not know is shown as it came."""
    words = REPLICATION_STATES.get(name)
    return QCoreApplication.translate("Format", words) if words else shown(name)


REPLICATION_HEALTH = {
    "Normal": QT_TRANSLATE_NOOP("Format", "Normal"),
    "Warning": QT_TRANSLATE_NOOP("Format", "Warning"),
    "Critical": QT_TRANSLATE_NOOP("Format", "Critical"),
    "NotApplicable": QT_TRANSLATE_NOOP("Format", "Not applicable"),
}


def replication_health(name: str) -> str:
    """A ReplicationHealth name (``Normal``, ``Warning``, ``Critical``) as Hyper-V Manager
    shows it, translated."""
    words = REPLICATION_HEALTH.get(name)
    return QCoreApplication.translate("Format", words) if words else shown(name)


def vm_state(name: str) -> str:
    """A VM's State (``Running``, ``Off`` …) as Hyper-V Manager shows it, translated."""
    words = VM_STATES.get(name)
    return QCoreApplication.translate("Format", words) if words else shown(name)


def frequency(sec: int) -> str:
    if sec < 60:
        return QCoreApplication.translate("Format", "%1 seconds").replace("%1", str(sec))
    return QCoreApplication.translate("Format", "%1 minutes").replace("%1", str(sec // 60))

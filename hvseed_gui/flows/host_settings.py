"""Changes to a host outside the copy itself, each made only with the admin's consent: the
Replica server's settings and listener rule, and BitLocker To Go on the drive."""

from __future__ import annotations

from hvseed_gui.hyperv.host import (
    BitLockerResult,
    HyperVHost,
    ReplicaServerChange,
    ReplicaServerConfig,
)


def apply_replica_server_change(
    replica: HyperVHost, change: ReplicaServerChange
) -> ReplicaServerConfig:
    """Set-VMReplicationServer with exactly the shown keys, at most one authorization entry,
    the listener rule; returns the server's settings afterwards."""
    return replica.configure_replica_server(change)


def encrypt_drive(host: HyperVHost, mount_point: str, password: str) -> BitLockerResult:
    """BitLocker To Go on the drive with a password protector and a recovery password."""
    return host.enable_bitlocker(mount_point, password)

"""USB volumes and BitLocker To Go: render and parse side by side."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.hyperv.host import BitLockerResult
from hvseed_gui.hyperv.powershell.compose import ps1, render
from hvseed_gui.hyperv.powershell.ps_json import as_bool, as_int, as_list, as_text, field_of, named
from hvseed_gui.hyperv.powershell.script import Script


def render_usb_volumes() -> Script:
    """Volumes on USB disks (Get-Disk BusType USB, as a name or as the number 7)."""
    body = ps1("usb_volumes")
    return render("usb_volumes", body, {}, needs_hyperv=False)


def render_staging_volumes() -> Script:
    """The host's own lettered volumes on disks that are neither USB nor virtual (for a staged
    export's folder; ``core.staging_choice`` picks one)."""
    return render("staging_volumes", ps1("staging_volumes"), {}, needs_hyperv=False)


def _bitlocker(value: Any) -> BitLockerStatus:
    text = named(value, {0: "Off", 1: "On", 2: "Unknown"}).strip().lower()
    for member in BitLockerStatus:
        if member.value.lower() == text:
            return member
    return BitLockerStatus.UNKNOWN


def parse_volumes(data: Any) -> list[Volume]:
    volumes = []
    for item in as_list(field_of(data, "volumes")):
        if not isinstance(item, dict):
            continue
        volumes.append(
            Volume(
                mount_point=as_text(item.get("mount_point")),
                label=as_text(item.get("label")),
                file_system=as_text(item.get("file_system")),
                total_bytes=as_int(item.get("total_bytes")),
                free_bytes=as_int(item.get("free_bytes")),
                bus_type=named(item.get("bus_type"), {7: "USB"}),
                removable=as_bool(item.get("removable")),
                is_system=as_bool(item.get("is_system")),
                bitlocker=_bitlocker(item.get("bitlocker")),
                serial=as_text(item.get("serial")).strip(),
                friendly_name=as_text(item.get("friendly_name")),
                read_only=as_bool(item.get("read_only")),
            )
        )
    return volumes


#: AES-CBC 128, not Windows' default XTS-AES 128: Microsoft's Enable-BitLocker reference says
#: removable media that is to be read on Windows 8.1 / Server 2012 R2 must use AES-128 or
#: AES-256, and a seeding drive travels to a replica host whose version we cannot know.
BITLOCKER_ENCRYPTION_METHOD = "Aes128"

#: the environment variable that carries the BitLocker password to the script's process
BITLOCKER_PASSWORD_ENV = "HVSEED_SECRET_BITLOCKER"


def render_enable_bitlocker(mount_point: str, password: str) -> Script:
    """BitLocker To Go: Enable-BitLocker with a password protector, then a recovery password.

    The password never enters the script or its blob: the runner hands it to the PowerShell
    process as an environment variable (``Script.secrets``), which the script reads once,
    removes, and turns into a SecureString. The whole volume is encrypted (not only
    used space): data deleted earlier from the drive must not travel readable. Refuses a
    volume that is not fully decrypted; says so when the BitLocker feature is missing.
    """
    body = ps1("enable_bitlocker")
    data = {
        "MountPoint": mount_point,
        "PasswordVariable": BITLOCKER_PASSWORD_ENV,
        "EncryptionMethod": BITLOCKER_ENCRYPTION_METHOD,
    }
    script = render("enable_bitlocker", body, data, needs_hyperv=False)
    return replace(script, secrets={BITLOCKER_PASSWORD_ENV: password})


def parse_bitlocker(data: Any, mount_point: str) -> BitLockerResult:
    status = as_text(field_of(data, "status")) or "Unknown"
    method = as_text(field_of(data, "encryption_method"))
    return BitLockerResult(
        mount_point=as_text(field_of(data, "mount_point")) or mount_point,
        status=status,
        recovery_password=as_text(field_of(data, "recovery_password")),
        protector_id=as_text(field_of(data, "protector_id")),
        message=f"BitLocker is encrypting {mount_point} ({status}, {method or 'AES 128'}).",
        encryption_method=method,
    )

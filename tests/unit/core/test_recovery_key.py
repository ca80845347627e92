"""The recovery key file: never on the drive it unlocks, never overwriting, no password in it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from hvseed_gui.core.recovery_key import on_drive, recovery_key_text, write_key_file
from hvseed_gui.core.volumes import BitLockerStatus, Volume

VOLUME = Volume(
    "F:\\",
    "STICK",
    "NTFS",
    32 * 2**30,
    30 * 2**30,
    "USB",
    serial="4C53",
    bitlocker=BitLockerStatus.ON,
)


@dataclass
class Result:
    protector_id: str = "{11111111-2222-3333-4444-555555555555}"
    recovery_password: str = "123453-234564-345675-456786-567897-678909-789910-891021"


@pytest.mark.parametrize(
    "path,roots,expected",
    [
        ("F:\\keys\\key.txt", ["F:\\"], True),
        ("f:/KEY.TXT", ["F:\\"], True),
        ("C:\\Users\\admin\\key.txt", ["F:\\"], False),
        ("\\\\hv-a\\F$\\key.txt", ["\\\\hv-a\\F$"], True),
        ("\\\\hv-a\\G$\\key.txt", ["\\\\hv-a\\F$"], False),
        ("F:\\key.txt", [], False),
    ],
)
def test_on_drive(path, roots, expected):
    assert on_drive(path, roots) is expected


def test_text_names_the_drive_the_identifier_and_the_key():
    text = recovery_key_text(Result(), VOLUME, "hv-a.lab.local")
    assert "F:\\ (STICK) on hv-a.lab.local" in text and "serial 4C53" in text
    assert Result.protector_id in text and Result.recovery_password in text
    assert "manage-bde -unlock F: -RecoveryPassword" in text


def test_write_never_overwrites(tmp_path):
    path = tmp_path / "key.txt"
    write_key_file(str(path), "first")
    with pytest.raises(OSError, match="never overwrites"):
        write_key_file(str(path), "second")
    assert path.read_text() == "first"

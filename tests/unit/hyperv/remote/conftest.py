"""The remote_* modules' lab: hv-b has an F: drive hashed at 1 MiB/s of the manual clock, and
an export-like folder on it."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.lab import Lab
from tests.support.remote_drive import NAME, VM_ID, MiB


@pytest.fixture
def lab(tmp_path, clock) -> Lab:
    lab = Lab.open(tmp_path / "lab", clock=clock)
    lab.configure(hash_bytes_per_sec=1 * MiB)
    lab.add_usb_volume("hv-b", "F:", "Seed", "NTFS", 10**12)
    return lab


@pytest.fixture
def folder(lab):
    """An export-like folder on hv-b's F: (no manifest yet): 3 MiB + 1 MiB + an XML."""
    real = lab.real_path("hv-b", "F:\\") / "Seed" / NAME
    (real / "Virtual Hard Disks").mkdir(parents=True)
    (real / "Virtual Machines").mkdir()
    (real / "Virtual Hard Disks" / "Prüf.vhdx").write_bytes(bytes(range(256)) * (3 * MiB // 256))
    (real / "Virtual Hard Disks" / "Data.vhdx").write_bytes(b"\x5a" * MiB)
    (real / "Virtual Machines" / f"{VM_ID}.xml").write_text("<VM/>", encoding="utf-8")
    return real

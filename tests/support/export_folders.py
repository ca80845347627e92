"""A small export folder on disk (one XML, one VHDX) and its manifest, for folder checks."""

from __future__ import annotations

import os
from pathlib import Path

from hvseed_gui.core.manifest import (
    Manifest,
    write_manifest,
)

VM_ID = "6F1C2A3B-1111-4222-8333-944455556666"


VHD = "Virtual Hard Disks/Prüf-Server.vhdx"


CONFIG = f"Virtual Machines/{VM_ID}.xml"


def make_export(tmp_path: Path, name: str = "Prüf-Server") -> Path:
    """A small export folder: a VHDX with varied bytes, a sparse disk and an XML file."""
    folder = tmp_path / f"{name}_{VM_ID}"
    (folder / "Virtual Hard Disks").mkdir(parents=True)
    (folder / "Virtual Machines").mkdir()
    (folder / VHD).write_bytes(os.urandom(300_000) + bytes(range(256)) * 1000)
    with open(folder / "Virtual Hard Disks" / "data.vhdx", "wb") as f:
        f.truncate(3 * 1024 * 1024 + 17)  # sparse: only zeros, no blocks allocated
    (folder / CONFIG).write_text("<configuration/>", encoding="utf-8")
    return folder


def write(folder: Path) -> Manifest:
    return write_manifest(
        folder,
        vm_name="Prüf-Server",
        vm_id=VM_ID,
        source_host="hv-a.corp.local",
        replica_server="hv-b.corp.local",
        tool_version="9.9.9",
    )

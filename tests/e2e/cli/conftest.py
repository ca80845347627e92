"""Fixtures for hvseed end to end: the fast lab, whose drives copy and hash at 50 GB/s."""

from __future__ import annotations

from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab

FAST = 50e9


@pytest.fixture()
def lab_dir(tmp_path: Path, request) -> Path:
    """The fast lab's directory, with small disk files (every byte is hashed); a module or test
    that needs the demo's disk sizes marks itself ``@pytest.mark.realistic_disks``."""
    directory = tmp_path / "lab"
    realistic = request.node.get_closest_marker("realistic_disks") is not None
    Lab.open(directory, disk_sizes="realistic" if realistic else "small").configure(
        export_bytes_per_sec=FAST, import_bytes_per_sec=FAST, hash_bytes_per_sec=FAST
    )
    return directory

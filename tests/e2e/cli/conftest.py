"""Fixtures for hvseed end to end: a lab whose drives copy at a fast modelled rate."""

from __future__ import annotations

from pathlib import Path

import pytest

from hvseed_gui.hyperv.lab import Lab


@pytest.fixture()
def lab_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "lab"
    lab = Lab.open(directory)
    lab.configure(export_bytes_per_sec=50e9, import_bytes_per_sec=50e9)
    return directory

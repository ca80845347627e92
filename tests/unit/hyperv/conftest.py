"""Fixtures of the Hyper-V seam's tests: the manual clock and a lab on it whose drives copy at
4 GiB/s (modules with another lab define their own ``lab``)."""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv.lab import Lab, ManualClock
from tests.support.lab import GiB


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def lab(tmp_path, clock) -> Lab:
    lab = Lab.open(tmp_path / "lab", clock=clock)
    lab.configure(export_bytes_per_sec=4 * GiB, import_bytes_per_sec=4 * GiB)
    return lab

"""Test-wide set-up: Qt runs offscreen unless a display is asked for explicitly; new labs
answer their inventory at no modelled cost (tests that are about the cost configure it)."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _free_lab_inventory(monkeypatch):
    from hvseed_gui.hyperv.lab import defaults

    monkeypatch.setitem(defaults.DEFAULT_SETTINGS, "get_vhd_seconds", 0.0)
    monkeypatch.setitem(defaults.DEFAULT_SETTINGS, "vm_seconds", 0.0)

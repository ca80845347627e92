"""A rotating disk is read one file at a time: sysfs says whether a disk seeks, and hashing
plans its readers by it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hvseed_gui.core.hashing import default_workers, hash_files, plan_workers
from hvseed_gui.core.volumes._linux import linux_seek_penalty
from hvseed_gui.core.volumes._windows import windows_seek_penalty


def _sysfs(tmp_path: Path, data: Path, rotational: str | None, partition: bool = True) -> Path:
    """A sysfs tree in which ``data``'s device is a partition of a disk with ``rotational``."""
    root = tmp_path / "sys"
    st = os.stat(data)
    disk = root / "devices" / "pci0000:00" / "usb3" / "3-1" / "block" / "sdb"
    node = disk / "sdb1" if partition else disk
    node.mkdir(parents=True)
    if partition:
        (node / "partition").write_text("1\n")
    if rotational is not None:
        (disk / "queue").mkdir()
        (disk / "queue" / "rotational").write_text(rotational + "\n")
    (root / "dev" / "block").mkdir(parents=True)
    (root / "dev" / "block" / f"{os.major(st.st_dev)}:{os.minor(st.st_dev)}").symlink_to(node)
    return root


@pytest.mark.parametrize(
    ("rotational", "partition", "seeks"),
    [
        ("1", True, True),
        ("0", True, False),
        ("1", False, True),
        (None, True, None),
        ("x", True, None),
    ],
)
def test_sysfs_says_whether_the_disk_seeks(tmp_path, rotational, partition, seeks):
    data = tmp_path / "data"
    data.mkdir()
    root = _sysfs(tmp_path, data, rotational, partition)
    assert linux_seek_penalty(str(data), str(root)) is seeks


def test_an_unknown_path_or_platform_is_unknown(tmp_path):
    assert linux_seek_penalty(str(tmp_path / "gone"), str(tmp_path)) is None
    assert windows_seek_penalty("E:\\HyperV-Seed") is None  # no kernel32 to ask here


def test_a_seeking_disk_is_read_one_file_at_a_time():
    assert plan_workers(None, 10, seeks=True) == (1, False)
    ceiling, adaptive = plan_workers(None, 10, seeks=False)
    assert ceiling == min(10, default_workers()) and adaptive == (ceiling > 1)
    assert plan_workers(None, 10, seeks=None) == (ceiling, adaptive)  # unknown: it measures
    assert plan_workers(4, 10, seeks=True) == (4, False)  # a number is taken as given
    assert plan_workers(None, 1, seeks=False) == (1, False)


def test_hashing_a_seeking_disk_reads_one_file_at_a_time(tmp_path, monkeypatch):
    """Observed, not planned: with ``seeks=True`` no two files are open at once."""
    import hvseed_gui.core.hashing as hashing

    for i in range(6):
        (tmp_path / f"f{i}.bin").write_bytes(os.urandom(300_000))
    open_now, most = 0, 0
    real_hash_file = hashing.hash_file

    def counting(*args, **kwargs):
        nonlocal open_now, most
        open_now += 1
        most = max(most, open_now)
        try:
            return real_hash_file(*args, **kwargs)
        finally:
            open_now -= 1

    monkeypatch.setattr(hashing, "hash_file", counting)
    names = [f"f{i}.bin" for i in range(6)]
    assert len(hash_files(tmp_path, names, seeks=True, chunk=4096)) == 6
    assert most == 1

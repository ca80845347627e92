"""ExportRun's read-back (``verify_after_write``): a drive that does not keep what was written
is found before it travels, and nothing is deleted."""

from __future__ import annotations

import json
from pathlib import Path

from hvseed_gui.core.plan import ReplicationPlan
from hvseed_gui.flows.events import FlowEvent, Phase, Status
from hvseed_gui.flows.export_run import ExportRun
from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import hvseed


def _plan(lab_dir: Path) -> ReplicationPlan:
    _, text, _ = hvseed("plan", "--example", lab=lab_dir)
    return ReplicationPlan.from_dict(json.loads(text))


def test_a_byte_the_drive_lost_after_the_write_fails_the_read_back(tmp_path: Path):
    lab_dir = tmp_path / "lab"
    lab = Lab.open(lab_dir, disk_sizes="small")
    lab.configure(export_bytes_per_sec=50e9, hash_bytes_per_sec=50e9)
    plan = _plan(lab_dir)
    events: list[FlowEvent] = []

    def emit(event: FlowEvent) -> None:
        events.append(event)
        if event.phase is Phase.HASH and event.status is Status.DONE:
            # the drive "loses" a byte once the manifest is written (a failing flash cell)
            folder = lab.real_path("hv-a", event.data.folder)
            disk = next((folder / "Virtual Hard Disks").glob("*.vhdx"))
            with disk.open("r+b") as handle:
                handle.seek(100)
                old = handle.read(1)
                handle.seek(100)
                handle.write(b"\x00" if old != b"\x00" else b"\x01")

    run = ExportRun(lab.host("hv-a"), plan, emit=emit, poll=0.01, verify_after_write=True)
    result = run.run()
    [outcome] = result.outcomes
    assert outcome.read_back is not None and not outcome.read_back.ok
    [finding] = outcome.read_back.findings
    assert finding.path.endswith(".vhdx")
    failed = [e for e in events if e.phase is Phase.VERIFY and e.status is Status.FAILED]
    assert failed and "do not match the manifest" in failed[0].message
    assert lab.real_path("hv-a", outcome.folder).is_dir()  # nothing deleted


def test_without_the_tick_the_drive_is_not_read_back(tmp_path: Path):
    lab_dir = tmp_path / "lab"
    lab = Lab.open(lab_dir, disk_sizes="small")
    lab.configure(export_bytes_per_sec=50e9, hash_bytes_per_sec=50e9, staging=True)
    events: list[FlowEvent] = []
    result = ExportRun(lab.host("hv-a"), _plan(lab_dir), emit=events.append, poll=0.01).run()
    assert result.outcomes[0].read_back is None
    assert not [e for e in events if e.phase is Phase.VERIFY]

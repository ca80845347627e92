"""An export-like folder on a lab host's drive, and the manifest written there, not here."""

from __future__ import annotations

from hvseed_gui.hyperv.remote_manifest import (
    write_manifest_on_host,
)

MiB = 2**20


VM_ID = "6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"


NAME = f"Prüf server_{VM_ID}"


FOLDER = f"F:\\Seed\\{NAME}"


def ticking(clock, seconds: float = 1.0, then=None):
    """A progress callback that moves the lab's clock: each poll finds ``seconds`` elapsed."""
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if then is not None:
            then(len(seen))
        clock.advance(seconds)

    return progress, seen


def write(lab, progress=None, cancel=None, folder=FOLDER):
    return write_manifest_on_host(
        lab.host("hv-b"),
        folder,
        vm_name="Prüf server",
        vm_id=VM_ID,
        source_host="hv-a.lab.local",
        replica_server="hv-b.lab.local",
        progress=progress,
        cancel=cancel,
        poll_interval=0,
    )

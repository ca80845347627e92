"""USB traffic of a whole seeding on the lab: how often the copy crosses the drive's bus.

Runs ``hvseed run`` (enable, export, hash), ``move-drive`` and ``hvseed import`` (verify, then
Hyper-V's import) on a fresh lab and reads the lab's drive counters (``hvseed drive-io``) after
each phase; prints the passes per phase (bytes moved / copy size) and what they would take for
1 TB at 150 MB/s (a USB 3 hard disk).

    python benchmarks/usb_traffic.py
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB_PER_S = 150e6
TB = 1e12


def hvseed(lab: Path, *argv: str) -> str:
    from hvseed_gui.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = run(["--lab", str(lab), "--poll", "0.01", *argv], out, err)
    if code:
        raise SystemExit(f"hvseed {' '.join(argv)} failed: {err.getvalue()}")
    return out.getvalue()


def usb_bytes(lab: Path) -> int:
    counters = json.loads(hvseed(lab, "drive-io"))
    return sum(c["read"] + c["written"] for c in counters.values() if c["kind"] == "usb")


def seeding(staging: bool, remote: bool = False) -> tuple[str, int, list[tuple[str, int]]]:
    """One whole seeding on a fresh lab: (VM name, copy bytes, bytes moved per phase)."""
    from hvseed_gui.hyperv.lab import Lab

    with tempfile.TemporaryDirectory() as tmp:
        lab = Path(tmp) / "lab"
        Lab.open(lab).configure(
            export_bytes_per_sec=50e9,
            import_bytes_per_sec=50e9,
            hash_bytes_per_sec=50e9,
            staging=staging,
            drives_remote=remote,  # hosts over WinRM: their own jobs copy and hash
        )
        plan_text = hvseed(lab, "plan", "--example")
        plan = json.loads(plan_text)
        plan_file = Path(tmp) / "plan.json"
        plan_file.write_text(plan_text, encoding="utf-8")
        vm = plan["vms"][0]
        folder = f"{plan['destination_path']}\\{vm['name']}_{vm['id']}"
        size = Lab.open(lab).host("hv-a").inventory().vm(vm["id"]).initial_copy_size()

        phases = []
        before = usb_bytes(lab)
        hvseed(lab, "run", str(plan_file))
        phases.append(("export + hash (Host A)", usb_bytes(lab) - before))
        hvseed(lab, "move-drive", "E:", "--to", "hv-b")
        before = usb_bytes(lab)
        hvseed(lab, "import", "--vm", vm["name"], folder)
        phases.append(("verify + import (replica)", usb_bytes(lab) - before))

    return vm["name"], size, phases


def main() -> None:
    cases = (
        ("before (direct)", False, False),
        ("after (staged, hvseed on the hosts)", True, False),
        ("after (staged, hosts over WinRM)", True, True),
    )
    for label, staging, remote in cases:
        name, size, phases = seeding(staging, remote)
        total = 0.0
        print(f"{label}: {name}, {size / 2**20:.0f} MiB")
        for phase, moved in phases:
            passes = moved / size
            total += passes
            print(f"  {phase:28s} {passes:4.2f} passes")
        hours = total * TB / MB_PER_S / 3600
        print(
            f"  whole seeding: {total:.2f} passes over the USB drive; for 1 TB at 150 MB/s "
            f"about {hours:.1f} h of drive time"
        )


if __name__ == "__main__":
    main()

"""``hvseed import --all``: every VM on the drive in one pass, each through its own gate."""

from __future__ import annotations

from pathlib import Path

from hvseed_gui.hyperv.lab import Lab
from tests.support.cli import TWO, hvseed, ship_two


def states(lab_dir: Path) -> dict[str, tuple[str, str]]:
    host = Lab.open(lab_dir).host("hv-b")
    out = {}
    for name in TWO:
        status = host.replication_status(host.inventory().vm(name).ref)
        out[name] = (status.state.value, status.health.value)
    return out


def test_both_vms_import_in_one_pass(lab_dir, tmp_path):
    ship_two(lab_dir, tmp_path)

    code, out, err = hvseed("--host", "hv-b", "import", "--all", "E:\\HyperV-Seed", lab=lab_dir)

    assert code == 0, out + err
    assert set(states(lab_dir).values()) == {("Replicating", "Normal")}
    assert out.count("imported") == 2 and "Result" in out
    # run again (as after an interruption): nothing left to do, nothing fails
    code, out, err = hvseed("--host", "hv-b", "import", "--all", "E:\\HyperV-Seed", lab=lab_dir)
    assert code == 0, out + err
    assert out.count("already imported") >= 2


def test_a_damaged_folder_is_refused_by_name_and_the_other_imports(lab_dir, tmp_path):
    tiny, other = ship_two(lab_dir, tmp_path)
    lab = Lab.open(lab_dir)
    folder = lab.real_path("hv-b", f"E:\\HyperV-Seed\\{tiny.name}_{tiny.id}")
    disk = next((folder / "Virtual Hard Disks").iterdir())
    with disk.open("r+b") as handle:
        handle.seek(11)
        handle.write(b"#")

    code, out, err = hvseed("--host", "hv-b", "import", "--all", "E:\\HyperV-Seed", lab=lab_dir)

    assert code != 0
    assert "refused" in out and disk.name in out and tiny.name in out
    after = states(lab_dir)
    assert after[tiny.name][0] == "WaitingForInitialReplication"
    assert after[other.name] == ("Replicating", "Normal")


def test_nothing_on_the_drive_is_a_sentence(lab_dir, tmp_path):
    code, _, err = hvseed("--host", "hv-b", "import", "--all", "E:\\Nothing", lab=lab_dir)
    assert code != 0 and "No export folder" in err and "Traceback" not in err

"""``write_new_text_files``: new files beside an export folder, all or none, never replacing one.

The lab writes real files on its drive; PowerShellHost is fed what Windows PowerShell 5.1 would
print for each refusal and must raise the same kinds as the lab.
"""

from __future__ import annotations

import pytest

from hvseed_gui.hyperv import powershell as ps
from hvseed_gui.hyperv.host_errors import CmdletError, MediaError, NotFound
from hvseed_gui.hyperv.lab import Lab
from hvseed_gui.hyperv.ps_host import PowerShellHost
from tests.support.ps51 import FakeRunner, result_line

NAME = "Prüf'server_6F1C2A3B-4D5E-4F60-8A9B-0C1D2E3F4A5B"


@pytest.fixture()
def lab(tmp_path) -> Lab:
    return Lab.open(tmp_path / "lab")


def seed_dir(lab: Lab) -> str:
    real = lab.real_path("hv-a", "E:\\")
    (real / "HyperV-Seed").mkdir()
    return "E:\\HyperV-Seed"


# --- the lab --------------------------------------------------------------------------------------


def test_lab_writes_real_files_with_exact_bytes_in_order(lab):
    directory = seed_dir(lab)
    files = {f"{NAME}.sha256": "a  b/c\n", f"{NAME}.hvseed-manifest.json": "\ufeff{\r\n}\n"}
    lab.host("hv-a").write_new_text_files(directory, files)
    real = lab.real_path("hv-a", directory)
    assert (real / f"{NAME}.sha256").read_bytes() == b"a  b/c\n"
    assert (real / f"{NAME}.hvseed-manifest.json").read_bytes() == b"\xef\xbb\xbf{\r\n}\n"
    assert sorted(p.name for p in real.iterdir()) == sorted(files)  # no temporary file left


def test_lab_refuses_when_any_file_exists_and_writes_nothing(lab):
    directory = seed_dir(lab)
    real = lab.real_path("hv-a", directory)
    (real / "B.TXT").write_bytes(b"earlier")  # NTFS: names match whatever their case
    with pytest.raises(CmdletError) as caught:
        lab.host("hv-a").write_new_text_files(directory, {"a.txt": "new", "b.txt": "new"})
    assert caught.value.category == "ResourceExists"
    assert "b.txt" in str(caught.value) and "never overwrites" in str(caught.value)
    assert "nothing was written" in str(caught.value)
    assert sorted(p.name for p in real.iterdir()) == ["B.TXT"]
    assert (real / "B.TXT").read_bytes() == b"earlier"


def test_lab_unplugged_drive_is_a_media_error(lab):
    directory = seed_dir(lab)
    lab.unplug("hv-a", "E:")
    with pytest.raises(MediaError, match="not attached") as caught:
        lab.host("hv-a").write_new_text_files(directory, {"a.txt": "x"})
    assert "Plug the drive in again" in str(caught.value)


def test_lab_missing_folder_and_bad_names_are_refused(lab):
    seed_dir(lab)
    host = lab.host("hv-a")
    with pytest.raises(NotFound, match="does not exist"):
        host.write_new_text_files("E:\\Nowhere", {"a.txt": "x"})
    with pytest.raises(CmdletError, match="not a plain file name"):
        host.write_new_text_files("E:\\HyperV-Seed", {"..\\a.txt": "x"})
    assert list(lab.real_path("hv-a", "E:\\HyperV-Seed").iterdir()) == []


def test_lab_counts_the_write_as_one_round_trip(lab):
    host = lab.host("hv-a")
    host.write_new_text_files(seed_dir(lab), {"a.txt": "x", "b.txt": "y"})
    assert host.stats.calls == {"write_new_text_files": 1}


# --- PowerShellHost against 5.1's answers -------------------------------------------------------


def failing(record: dict) -> PowerShellHost:
    base = {"category": "", "cmdlet": "hvseed", "message": "", "fqid": "", "hresult": None}
    doc = {"ok": False, "errors": [{**base, **record}]}
    return PowerShellHost(FakeRunner(result_line(doc)), display_name="hv01")


def test_ps_success_sends_names_and_texts_only_in_the_blob():
    doc = {"ok": True, "data": {"directory": "E:\\Seed", "files": ["E:\\Seed\\a"]}}
    runner = FakeRunner(result_line(doc))
    PowerShellHost(runner).write_new_text_files("E:\\Seed", {f"{NAME}.sha256": "Prüf"})
    (script,) = runner.scripts
    assert "Prüf" not in script and ps.decode_blob(script)["Files"][0]["Name"] == f"{NAME}.sha256"


def test_ps_existing_file_is_a_resource_exists_error_saying_nothing_was_written():
    host = failing(
        {
            "category": "ResourceExists",
            "message": "Already in E:\\Seed on HV01: a.json.",
            "fqid": "Hvseed.FileExists",
        }
    )
    with pytest.raises(CmdletError) as caught:
        host.write_new_text_files("E:\\Seed", {"a.json": "{}"})
    assert type(caught.value) is CmdletError and caught.value.category == "ResourceExists"
    assert "a.json" in str(caught.value) and "nothing was written" in str(caught.value)


def test_ps_missing_drive_is_a_media_error():
    host = failing(
        {
            "category": "DeviceError",
            "message": "The drive E:\\ is not attached to HV01; nothing was written.",
            "fqid": "Hvseed.DriveNotFound",
        }
    )
    with pytest.raises(MediaError, match="Plug the drive in again"):
        host.write_new_text_files("E:\\Seed", {"a.json": "{}"})


def test_ps_missing_folder_is_not_found_and_a_full_drive_a_media_error():
    host = failing(
        {
            "category": "ObjectNotFound",
            "message": "The folder E:\\Seed does not exist on HV01; nothing was written.",
            "fqid": "Hvseed.FolderNotFound",
        }
    )
    with pytest.raises(NotFound):
        host.write_new_text_files("E:\\Seed", {"a.json": "{}"})
    full = failing(
        {
            "category": "WriteError",
            "cmdlet": "",
            "message": "There is not enough space on the disk.",
            "fqid": "IOException",
            "hresult": -2147024784,  # 0x80070070
        }
    )
    with pytest.raises(MediaError):
        full.write_new_text_files("E:\\Seed", {"a.json": "{}"})


def test_ps_bad_name_is_refused_before_any_script_runs():
    runner = FakeRunner("")
    with pytest.raises(CmdletError, match="not a plain file name"):
        PowerShellHost(runner).write_new_text_files("E:\\Seed", {"x/y.txt": "z"})
    assert runner.scripts == []

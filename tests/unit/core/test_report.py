"""The handover report: every file with size and hash, IDs, the drive, warnings, checklist."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

import pytest

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.manifest import ManifestError, write_manifest
from hvseed_gui.core.report import (
    build_report,
    find_volume,
    report_file_name,
    report_from_folders,
    vm_from_listing,
    write_text_report,
)
from hvseed_gui.core.transfer import parse_size
from hvseed_gui.core.volumes import BitLockerStatus, Volume

VM_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
NAME = "Prüfserver-Ä"
WHEN = datetime(2025, 11, 25, 9, 30, tzinfo=timezone.utc)


def drive(bitlocker: BitLockerStatus = BitLockerStatus.ON) -> Volume:
    return Volume(
        "E:\\",
        "SEED-01",
        "NTFS",
        2 * 10**12,
        10**12,
        bus_type="USB",
        bitlocker=bitlocker,
        serial="WD-WX12A3456789",
        friendly_name="WD Elements 25A3",
    )


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An export folder with a non-ASCII VM name, and its manifest beside it."""
    folder = tmp_path / "E" / f"{NAME}_{VM_ID}"
    contents = {
        "Virtual Hard Disks/Prüf-OS.vhdx": b"vhdxfile" + bytes(range(256)) * 40,
        "Virtual Hard Disks/Daten.vhdx": b"vhdxfile" * 999,
        f"Virtual Machines/{VM_ID}.xml": b"<configuration/>",
    }
    for rel, data in contents.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    write_manifest(
        folder, vm_name=NAME, vm_id=VM_ID, source_host="hv-a.corp", replica_server="hv-b.corp"
    )
    return folder, contents


def test_every_file_with_size_and_hash_ids_drive_and_hosts(export) -> None:
    folder, contents = export
    report = report_from_folders(
        [folder], volume=drive(), shown_as=[f"E:\\{folder.name}"], created=WHEN
    )
    assert report.source_host == "hv-a.corp" and report.replica_server == "hv-b.corp"
    assert report.location == "E:\\"
    for text in (report.to_text(), report.to_html()):
        for rel, data in contents.items():
            assert rel in text
            assert hashlib.sha256(data).hexdigest() in text
            assert f"{len(data):,}".replace(",", "\u00a0") in text
        for fact in (NAME, VM_ID, "SEED-01", "WD-WX12A3456789", "hv-a.corp", "hv-b.corp"):
            assert fact in text
        assert "BitLocker on" in text
        assert "NOT ENCRYPTED" not in text
    assert report.warnings() == []


def test_checklist_for_the_replica_side(export) -> None:
    folder, _ = export
    report = report_from_folders([folder], volume=drive(), created=WHEN)
    steps = report.checklist()
    assert "hv-b.corp" in steps[0] and "owns the replica VM" in steps[0]
    assert "BitLocker" in steps[1] and "recovery key" in steps[1]
    # a Windows Server replica needs the BitLocker feature to unlock the drive (not by default)
    assert "Install-WindowsFeature BitLocker" in steps[1] and "hvseed doctor" in steps[1]
    assert any("Import an initial copy" in s and "hvseed import" in s for s in steps)
    assert any("Replicating" in s and "Normal" in s for s in steps)
    assert any("Test failover" in s and "isolated network" in s for s in steps)
    text = report.to_text()
    assert "CHECKLIST FOR THE REPLICA SIDE" in text
    assert f"hvseed import --vm '{NAME}' 'X:\\{folder.name}'" in text


@pytest.mark.parametrize(
    ("state", "words"),
    [(BitLockerStatus.OFF, "NOT ENCRYPTED"), (BitLockerStatus.UNKNOWN, "Encryption state unknown")],
)
def test_an_unencrypted_drive_is_never_a_silent_pass(export, state, words) -> None:
    folder, _ = export
    report = report_from_folders([folder], volume=drive(state), created=WHEN)
    assert any(words in w for w in report.warnings())
    assert words in report.to_text() and words in report.to_html()
    assert "WARNINGS" in report.to_text()


def test_an_unidentified_drive_and_a_folder_without_manifest_are_warned_about() -> None:
    listing = FolderListing(
        f"E:\\{NAME}_{VM_ID}", True, (FileEntry("Virtual Hard Disks/Prüf-OS.vhdx", 123),)
    )
    vm = vm_from_listing(listing)
    assert (vm.name, vm.vm_id, vm.has_manifest) == (NAME, VM_ID, False)
    report = build_report([vm], source_host="hv-a", replica_server="hv-b", created=WHEN)
    warnings = " ".join(report.warnings())
    assert "not identified" in warnings and "No integrity manifest" in warnings
    assert "(not computed)" in report.to_text()


def test_html_escapes_names(tmp_path) -> None:
    listing = FolderListing(f"E:\\A<b>&C_{VM_ID}", True, (FileEntry("x<y>.vhdx", 1),))
    html = build_report([vm_from_listing(listing)], created=WHEN).to_html()
    assert "A&lt;b&gt;&amp;C" in html and "x&lt;y&gt;.vhdx" in html
    assert "<b>&C" not in html


def test_text_report_beside_the_folders_never_overwrites(export) -> None:
    folder, _ = export
    report = report_from_folders([folder], volume=drive(), created=WHEN)
    first = write_text_report(report, folder.parent)
    first_bytes = first.read_bytes()
    second = write_text_report(report, folder.parent)
    third = write_text_report(report, folder.parent)
    day = WHEN.astimezone()
    assert first.name == report_file_name(day) == f"HANDOVER-{day:%Y-%m-%d}.txt"
    assert second.name == f"HANDOVER-{day:%Y-%m-%d}-2.txt"
    assert third.name == f"HANDOVER-{day:%Y-%m-%d}-3.txt"
    assert first.read_bytes() == first_bytes  # untouched
    # Notepad of Server 2016: BOM and CRLF, and the non-ASCII name survives
    assert first_bytes.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in first_bytes and b"\n" not in first_bytes.replace(b"\r\n", b"")
    assert NAME in first_bytes.decode("utf-8-sig")


def test_text_report_in_a_missing_folder_is_a_sentence(tmp_path) -> None:
    report = build_report([], created=WHEN)
    with pytest.raises(ManifestError) as info:
        write_text_report(report, tmp_path / "gone")
    assert "Cannot write the handover report" in str(info.value)


def test_a_missing_export_folder_is_a_sentence(tmp_path) -> None:
    with pytest.raises(ManifestError) as info:
        report_from_folders([tmp_path / f"X_{VM_ID}"])
    assert "does not exist" in str(info.value)


def test_find_volume_takes_the_longest_mount_point() -> None:
    e = drive()
    mounted = Volume("E:\\Mounts\\Seed\\", "inner", "NTFS", 1, 1)
    assert find_volume([e, mounted], f"E:\\{NAME}_{VM_ID}") is e
    assert find_volume([e, mounted], "e:\\mounts\\seed\\VM_1") is mounted
    assert find_volume([e], "F:\\VM") is None


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1TB", 10**12),
        ("1 tb", 10**12),
        ("1024GB", 1024 * 10**9),
        ("70 GiB", 70 * 2**30),
        ("1,5TB", 15 * 10**11),
        ("500G", 500 * 10**9),
        ("123", 123),
    ],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "TB", "1 XB", "-1GB", "1e3GB", "one TB"])
def test_parse_size_refuses_with_a_sentence(text: str) -> None:
    with pytest.raises(ValueError, match="is not a size"):
        parse_size(text)


def test_write_handover_text_for_the_cli(export) -> None:
    from hvseed_gui.core.report import write_handover_text

    folder, contents = export
    report, path = write_handover_text(
        [folder], shown_as=[f"E:\\{folder.name}"], volume=drive(BitLockerStatus.OFF)
    )
    assert path.parent == folder.parent and path.name.startswith("HANDOVER-")
    text = path.read_bytes().decode("utf-8-sig")
    assert "NOT ENCRYPTED" in text and f"E:\\{folder.name}" in text
    assert all(hashlib.sha256(data).hexdigest() in text for data in contents.values())


def test_the_commands_name_the_folder_where_it_is_on_the_drive():
    """The copy is in X:\\HyperV-Seed\\…, not in the drive's root: the printed commands and the
    folder for Get-FileHash say so (issue: the handover report printed X:\\TinyLinux_…)."""
    from hvseed_gui.core.report import HandoverReport, ReportVm, replica_drive_path

    vm_id = "1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9"
    folder = f"E:\\HyperV-Seed\\TinyLinux_{vm_id}"
    assert replica_drive_path(folder) == f"X:\\HyperV-Seed\\TinyLinux_{vm_id}"
    assert replica_drive_path(f"TinyLinux_{vm_id}") == f"X:\\TinyLinux_{vm_id}"
    report = HandoverReport(
        datetime.now(timezone.utc),
        "hv-a",
        "hv-b",
        (ReportVm("TinyLinux", vm_id, folder, (), True),),
    )
    commands = report.vm_commands(report.vms[0])
    assert commands[0] == f"hvseed verify 'X:\\HyperV-Seed\\TinyLinux_{vm_id}'"
    labels = [str(label) for label, _ in report.vm_command_groups(report.vms[0])]
    assert "Without hvseed, in PowerShell in X:\\HyperV-Seed :" in labels

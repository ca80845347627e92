"""The handover PDF: QTextDocument + QPdfWriter, A4, one cover page, files from page 2 on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.report import ReportFile, ReportVm, build_report, vm_from_listing
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.report_pdf import PdfError, write_pdf, write_report_pdf

VM_ID = "6F1C2A3B-4D5E-4F60-8A7B-9C0D1E2F3A4B"
WHEN = datetime(2025, 11, 25, 9, 30, tzinfo=timezone.utc)
ROOT = Path(__file__).resolve().parents[2]


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def report(files: int):
    vm = ReportVm(
        "Prüfserver-Ä",
        VM_ID,
        f"E:\\Prüfserver-Ä_{VM_ID}",
        tuple(
            ReportFile(f"Virtual Hard Disks/Disk-{i:03d}.vhdx", 2**30 + i, f"{i:064x}")
            for i in range(files)
        ),
        has_manifest=True,
    )
    volume = Volume(
        "E:\\",
        "SEED-01",
        "NTFS",
        2 * 10**12,
        10**12,
        "USB",
        bitlocker=BitLockerStatus.OFF,
        serial="WD-123",
    )
    return build_report(
        [vm], source_host="hv-a.corp", replica_server="hv-b.corp", volume=volume, created=WHEN
    )


def test_a_small_report_is_a_cover_page_and_a_file_page(qapp, tmp_path) -> None:
    out = tmp_path / "handover.pdf"
    pages = write_report_pdf(report(3), out)
    assert pages == 2 == pdf_pages(out)
    assert out.stat().st_size > 5000


def test_many_files_flow_over_more_pages(qapp, tmp_path) -> None:
    out = tmp_path / "many.pdf"
    pages = write_report_pdf(report(150), out)
    assert pages >= 4
    assert pdf_pages(out) == pages


def test_an_existing_file_is_replaced_only_when_asked(qapp, tmp_path) -> None:
    out = tmp_path / "handover.pdf"
    out.write_bytes(b"keep me")
    with pytest.raises(PdfError, match="does not replace it"):
        write_pdf("<p>x</p>", out)
    assert out.read_bytes() == b"keep me"
    assert write_pdf("<p>x</p>", out, overwrite=True) == 1
    assert out.read_bytes().startswith(b"%PDF-")


def test_a_missing_folder_is_a_sentence(qapp, tmp_path) -> None:
    with pytest.raises(PdfError, match="does not exist"):
        write_pdf("<p>x</p>", tmp_path / "gone" / "x.pdf")


def test_works_from_the_command_line_without_an_application(tmp_path) -> None:
    """The CLI has no QApplication and maybe no display: write_pdf makes what it needs."""
    out = tmp_path / "cli.pdf"
    listing = FolderListing(f"E:\\SQL01_{VM_ID}", True, (FileEntry("a.vhdx", 10),))
    html = build_report([vm_from_listing(listing)], created=WHEN).to_html()
    (tmp_path / "r.html").write_text(html, encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from hvseed_gui.report_pdf import write_pdf; "
        "print(write_pdf(Path(sys.argv[1]).read_text(encoding='utf-8'), sys.argv[2]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "r.html"), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"
    assert pdf_pages(out) == 2


def test_pdf_errors_are_sentences_the_cli_prints() -> None:
    from hvseed_gui.errors import HvseedError

    assert issubclass(PdfError, HvseedError)  # what the CLI catches and prints

"""The handover report on the Done page: the text beside the folders, the PDF on request.

After a successful export the text report (``HANDOVER-<date>.txt``) is written beside the export
folder when this computer reaches the drive: the lab's directory, or the path itself when Host A
is this computer. When Host A is a remote host the drive is not reachable from here; the report
is then built from the host's listing (sizes, no hashes) and only offered as PDF.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hvseed_gui.core.media import FolderListing
from hvseed_gui.core.report import (
    HandoverReport,
    build_report,
    report_from_folders,
    vm_from_listing,
    write_text_report,
)
from hvseed_gui.core.volumes import Volume
from hvseed_gui.hyperv.connect import HostKind, HostTarget
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.widgets.status import StatusLabel

if TYPE_CHECKING:
    from hvseed_gui.ui.wizard import EnableReplicationWizard


def reachable_path(
    target: HostTarget | None, host_name: str, folder: str, lab_dir: str = ""
) -> Path | None:
    """``folder`` on Host A as a path on this computer, or None when the drive is elsewhere."""
    if target is None:
        return None
    if target.kind is HostKind.LAB:
        from hvseed_gui.hyperv.lab import Lab

        lab = Lab.open(Path(target.lab_dir or lab_dir), create=False)
        return lab.real_path(host_name or lab.primary_name, folder)
    if target.kind is HostKind.LOCAL:
        return Path(folder)
    return None


def prepare_report(
    *,
    target: HostTarget | None,
    lab_dir: str,
    folder: str,
    listing: FolderListing | None,
    volume: Volume | None,
    source_host: str,
    replica_server: str,
    write_text: bool = True,
) -> tuple[HandoverReport, str]:
    """Build the report (and write the text beside the folder when reachable): (report, note).

    Runs off the GUI thread. Raises ``ManifestError`` when the reachable folder cannot be read
    or the text cannot be written.
    """
    local = reachable_path(target, source_host, folder, lab_dir)
    if local is not None and local.is_dir():
        report = report_from_folders(
            [local],
            volume=volume,
            source_host=source_host,
            replica_server=replica_server,
            shown_as=[folder],
        )
        if not write_text:
            return report, ""
        written = write_text_report(report, local.parent)
        shown = PureWindowsPath(folder).parent / written.name
        return report, f"Handover report written beside the folder: {shown}"
    vms = [vm_from_listing(listing)] if listing is not None else []
    report = build_report(
        vms, source_host=source_host, replica_server=replica_server, volume=volume
    )
    return report, (
        "The drive is attached to Host A, not to this computer: no text report was written on "
        "it and the file hashes are not in the report. Save the PDF, or run 'hvseed report' "
        "on Host A."
    )


class HandoverBox(QWidget):
    """ "Save handover report (PDF)…" and where the text report went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save handover &report (PDF)…"))
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(self.save_pdf)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = StatusLabel(self)
        layout.addWidget(self.note)
        self.runner = TaskRunner(self)
        self.report: HandoverReport | None = None
        self.text_written = False
        self.pdf_path = ""
        self.wizard: EnableReplicationWizard | None = None

    def start(self, wizard: EnableReplicationWizard, listing: FolderListing | None) -> None:
        """Build the report for the exported folder; writes the text once per export."""
        self.wizard = wizard
        ctx = wizard.ctx
        folder = ctx.export_folder
        if not folder:
            return
        from hvseed_gui.ui.ids import PageId

        media = wizard.page_of(PageId.MEDIA)
        volume = media.selected_volume() if hasattr(media, "selected_volume") else None
        source = ctx.inventory.host_name if ctx.inventory else ""
        replica = wizard.build_plan().replica_server
        args = dict(
            target=ctx.target,
            lab_dir=ctx.lab_dir,
            folder=folder,
            listing=listing,
            volume=volume,
            source_host=source,
            replica_server=replica,
            write_text=not self.text_written,
        )
        self.note.show_message("info", self.tr("Preparing the handover report…"))
        self.runner.run(lambda: prepare_report(**args), self._prepared, self._failed)

    def _prepared(self, result: tuple[HandoverReport, str]) -> None:
        self.report, note = result
        self.text_written = True
        self.pdf_button.setEnabled(True)
        warned = bool(self.report.warnings())
        kind = "warning" if warned or "not to this computer" in note else "ok"
        lines = [note, *self.report.warnings()[:1]]
        self.note.show_message(kind, "\n".join(line for line in lines if line))

    def _failed(self, exc: BaseException) -> None:
        self.note.show_message(
            "error",
            self.tr("The handover report could not be written: %1").replace(
                "%1", describe_error(exc)
            ),
        )

    def save_pdf(self) -> None:
        if self.report is None or self.wizard is None:
            return
        from hvseed_gui.ui.report_pdf import PdfError, write_report_pdf

        names = "-".join(vm.name for vm in self.report.vms) or "export"
        suggested = str(Path.home() / f"HANDOVER-{datetime.now():%Y-%m-%d}-{names}.pdf")
        path = self.wizard.prompt.save_file(
            self, self.tr("Save handover report"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            pages = write_report_pdf(self.report, path, overwrite=True)
        except (PdfError, OSError) as exc:
            self.note.show_message("error", str(exc))
            return
        self.pdf_path = path
        self.note.show_message(
            "ok",
            self.tr("Handover report saved: %1 (%2 page(s)). Print it and give it with the drive.")
            .replace("%1", path)
            .replace("%2", str(pages)),
        )

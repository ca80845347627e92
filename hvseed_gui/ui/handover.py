"""The handover report on the Done page: the text beside the folders, the PDF on request.

After a successful export the text report (``HANDOVER-<date>.txt``) is written beside the export
folders, where the drive is (``flows.drive.report_where_the_drive_is``: in this process when
this computer reads the drive, else by Host A itself, never over an earlier report). Only
without a connection to Host A is the report built from the listing (sizes, no hashes) and
offered as PDF alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.report import HandoverReport, build_report, find_volume, vm_from_listing
from hvseed_gui.core.volumes import Volume
from hvseed_gui.flows.drive import report_where_the_drive_is
from hvseed_gui.hyperv.host import HyperVHost
from hvseed_gui.ui.tasks import TaskRunner, describe_error
from hvseed_gui.ui.widgets.status import StatusLabel
from hvseed_gui.ui.wording import GUI

if TYPE_CHECKING:
    from hvseed_gui.ui.wizard import EnableReplicationWizard


def _group_by_place(folders: Sequence[str]) -> list[list[str]]:
    """The folders grouped by the directory that holds them (one group per drive/place)."""
    groups: dict[str, list[str]] = {}
    for folder in folders:
        key = str(PureWindowsPath(folder).parent).lower()
        groups.setdefault(key, []).append(folder)
    return list(groups.values())


def prepare_reports(
    *,
    host: HyperVHost | None,
    folders: Sequence[str],
    listings: Sequence[FolderListing] = (),
    volumes: Sequence[Volume] = (),
    source_host: str,
    replica_server: str,
    notes: Sequence[str] = (),
    write_text: bool = True,
) -> tuple[list[HandoverReport], list[str]]:
    """One report per place the folders sit in (usually one drive), each covering all its VMs,
    with its text written beside those folders where the drive is (``host``, Host A): (reports,
    notes saying where each text went or why none was written).

    Runs off the GUI thread. Raises ``ManifestError`` (or the host's ``HyperVError``) when a
    folder cannot be read or the text cannot be written.
    """
    by_path = {listing.path.lower(): listing for listing in listings}
    reports: list[HandoverReport] = []
    said: list[str] = []
    written: list[str] = []
    for group in _group_by_place(folders):
        volume = find_volume(volumes, group[0])
        if host is not None:
            report, path = report_where_the_drive_is(
                host,
                group,
                volume=volume,
                words=GUI,
                source_host=source_host,
                replica_server=replica_server,
                notes=notes,
                listings=listings,
                write=write_text,
            )
            reports.append(report)
            if path:
                written.append(path)
            continue
        vms = [vm_from_listing(by_path[f.lower()]) for f in group if f.lower() in by_path]
        reports.append(
            build_report(
                vms,
                source_host=source_host,
                replica_server=replica_server,
                volume=volume,
                notes=notes,
            )
        )
        said.append(remote_note())
    if written:
        if len(written) > 1:
            text = QCoreApplication.translate(
                "HandoverBox", "Handover reports written beside the folders: %1"
            )
        else:
            text = QCoreApplication.translate(
                "HandoverBox", "Handover report written beside the folders: %1"
            )
        said.insert(0, text.replace("%1", ", ".join(written)))
    return reports, list(dict.fromkeys(said))


REMOTE_NOTE = QT_TRANSLATE_NOOP(
    "HandoverBox",
    "The drive is attached to Host A, not to this computer: no text report was written on it "
    "and the file hashes are not in the report. Save the PDF, or run 'hvseed report' on Host A.",
)


def remote_note() -> str:
    """REMOTE_NOTE in the admin's language."""
    return QCoreApplication.translate("HandoverBox", REMOTE_NOTE)


def reports_html(reports: Sequence[HandoverReport]) -> str:
    """One document of several reports (one per drive), each starting on a new page."""
    if len(reports) == 1:
        return reports[0].to_html(GUI)
    docs = [r.to_html(GUI) for r in reports]
    head = docs[0].split("<body>", 1)[0]
    bodies = [d.split("<body>", 1)[-1].rsplit("</body>", 1)[0] for d in docs]
    breaker = '<div style="page-break-before: always"></div>'
    return f"{head}<body>{breaker.join(bodies)}</body></html>"


def _replica_of(host, folders: Sequence[str]) -> str:
    """The replica server of the first exported VM, asked of Host A (a reattached export's
    wizard never saw the replica page)."""
    from hvseed_gui.core.folder_name import parse_folder_name
    from hvseed_gui.hyperv.host import VmRef

    if host is None:
        return ""
    for folder in folders:
        parsed = parse_folder_name(PureWindowsPath(folder).name)
        if parsed:
            try:
                return host.replication_status(VmRef(*parsed)).replica_server
            except Exception:
                return ""
    return ""


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
        self.report: HandoverReport | None = None  # the first drive's
        self.reports: list[HandoverReport] = []  # one per drive, every exported VM
        self.text_written = False
        self.rewritten = False  # the text was written again after Hash again
        self.pdf_path = ""
        self.wizard: EnableReplicationWizard | None = None

    def start(
        self,
        wizard: EnableReplicationWizard,
        listings: Sequence[FolderListing] | FolderListing | None,
        *,
        notes: Sequence[str] = (),
        rewrite: bool = False,
    ) -> None:
        """Build the report of every exported folder (one per drive) and write its text beside
        the folders: once per export, again with ``rewrite`` (new manifests were written)."""
        self.wizard = wizard
        ctx = wizard.ctx
        folders = list(ctx.export_folders) or ([ctx.export_folder] if ctx.export_folder else [])
        if not folders:
            return
        if isinstance(listings, FolderListing):
            listings = [listings]
        from hvseed_gui.ui.ids import PageId

        known = list(ctx.drives)
        media = wizard.page_of(PageId.MEDIA)
        selected = media.selected_volume()
        if selected is not None and selected not in known:
            known.append(selected)
        host = ctx.host
        args = dict(
            folders=folders,
            listings=list(listings or ()),
            source_host=ctx.inventory.host_name if ctx.inventory else "",
            replica_server=wizard.build_plan().replica_server,
            notes=tuple(notes),
            write_text=rewrite or not self.text_written,
        )

        def prepare():
            volumes = known
            # the drives as they are now (BitLocker may have been turned on meanwhile)
            with contextlib.suppress(Exception):
                volumes = host.usb_volumes() + known if host is not None else known
            replica = args["replica_server"] or _replica_of(host, folders)
            return prepare_reports(
                **{**args, "volumes": volumes, "replica_server": replica, "host": host}
            )

        self.rewritten = rewrite and self.text_written
        self.pdf_button.setEnabled(False)
        self.note.show_message("info", self.tr("Preparing the handover report…"))
        self.runner.run(prepare, self._prepared, self._failed)

    def _prepared(self, result: tuple[list[HandoverReport], list[str]]) -> None:
        self.reports, said = result
        self.report = self.reports[0] if self.reports else None
        self.text_written = True
        self.pdf_button.setEnabled(self.report is not None)
        several = len(self.reports) > 1
        drive_warnings = []
        for report in self.reports:
            warnings = report.warnings()
            if warnings and not report.encrypted:  # the drive's warning comes first
                where = f"{report.volume.mount_point}: " if several and report.volume else ""
                drive_warnings.append(where + warnings[0])
        drive_warnings = list(dict.fromkeys(drive_warnings))
        if self.rewritten and not (remote_note() in said and len(said) == 1):
            said.append(
                self.tr(
                    "It includes the new manifests and replaces the report written before them, "
                    "which you may delete."
                )
            )
        remote = remote_note() in said
        kind = "warning" if drive_warnings or remote else "ok"
        self.note.show_message(kind, "\n".join([*drive_warnings, *said]))  # the drive first

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
        from hvseed_gui.report_pdf import PdfError, write_pdf, write_report_pdf

        vms = [vm.name for report in self.reports for vm in report.vms]
        names = "-".join(vms) or "export"
        suggested = str(Path.home() / f"HANDOVER-{datetime.now():%Y-%m-%d}-{names}.pdf")
        path = self.wizard.prompt.save_file(
            self, self.tr("Save handover report"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            if len(self.reports) > 1:
                r = self.report
                pages = write_pdf(
                    reports_html(self.reports),
                    path,
                    title=self.tr("Handover: %1").replace("%1", ", ".join(vms)),
                    footer=f"hvseed handover · {', '.join(vms)} · "
                    f"{r.source_host} → {r.replica_server}",
                    overwrite=True,
                )
            else:
                pages = write_report_pdf(self.report, path, overwrite=True, words=GUI)
        except (PdfError, OSError) as exc:
            self.note.show_message("error", str(exc))
            return
        self.pdf_path = path
        self.note.show_message(
            "ok",
            self.tr(
                "Handover report saved: %1 (%n page(s)). Print it and give it with the drive.",
                "",
                pages,
            ).replace("%1", path),
        )

"""The handover report: what travels on the drive, how to check it, what to do on arrival.

One ``HandoverReport`` (built from the manifests beside the export folders, the drive's
``Volume`` and the two hosts) renders two ways: plain text, written beside the export folders
as ``HANDOVER-<date>.txt`` (never overwriting: ``-2``, ``-3`` … are added), and HTML, which
``hvseed_gui.report_pdf.write_pdf`` turns into a PDF. No Qt here.

The text file is UTF-8 with a byte order mark and CRLF line ends: the Notepad of Windows Server
2016 (and of Windows 10 before 1809) shows a file without them as one line of mojibake, and a
VM called "Prüfserver" must read right on the replica host.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from hvseed_gui import __version__
from hvseed_gui.core.export_folder import FolderListing
from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.manifest import (
    Manifest,
    ManifestError,
    fingerprint_of,
    list_files,
    manifest_paths,
    read_manifest,
    read_manifest_with_raw,
    short_fingerprint,
)
from hvseed_gui.core.shell_quote import (
    Literal,
    drive_word,
    get_filehash_check_line,
    powershell_command,
    sha256sum_check_line,
)
from hvseed_gui.core.units import format_bytes
from hvseed_gui.core.visible import is_plain, visible
from hvseed_gui.core.volumes import BitLockerStatus, Volume
from hvseed_gui.core.whole_files import write_whole

REPORT_PREFIX = "HANDOVER-"
REPORT_SUFFIX = ".txt"
MAX_REPORTS_PER_DAY = 999


# --- the content ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFile:
    path: str  # relative to the export folder, "/" separators
    size: int
    sha256: str = ""  # "" when no manifest holds it


@dataclass(frozen=True)
class ReportVm:
    name: str
    vm_id: str
    folder: str  # the export folder as the source host sees it (E:\SQL01_<id>) or its name
    files: tuple[ReportFile, ...]
    has_manifest: bool = False
    fingerprint: str = ""  # the manifest file's own SHA-256, to pass on apart from the drive

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def folder_name(self) -> str:
        return self.folder.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]

    @property
    def manifest_name(self) -> str:
        return manifest_paths(Path(self.folder_name))[0].name

    @property
    def sums_name(self) -> str:
        return manifest_paths(Path(self.folder_name))[1].name


@dataclass(frozen=True)
class HandoverReport:
    """Everything the person who receives the drive needs; render with ``to_text``/``to_html``."""

    created: datetime
    source_host: str
    replica_server: str
    vms: tuple[ReportVm, ...]
    volume: Volume | None = None
    location: str = ""  # the folder that holds the export folders (E:\), as the source sees it
    tool_version: str = __version__
    notes: tuple[str, ...] = field(default=())

    @property
    def total_bytes(self) -> int:
        return sum(vm.total_bytes for vm in self.vms)

    @property
    def encrypted(self) -> bool:
        return self.volume is not None and self.volume.bitlocker is BitLockerStatus.ON

    def encryption_text(self) -> str:
        if self.volume is None:
            return "not recorded (drive not identified)"
        return {
            BitLockerStatus.ON: "BitLocker on: the drive is encrypted",
            BitLockerStatus.OFF: "NOT ENCRYPTED (BitLocker off)",
            BitLockerStatus.UNKNOWN: "unknown (BitLocker state could not be read)",
        }[self.volume.bitlocker]

    def warnings(self) -> list[str]:
        """What must not go unnoticed, most serious first; empty when all is well."""
        out: list[str] = []
        v = self.volume
        if v is None:
            out.append(
                "The drive was not identified: its label, serial number and encryption state "
                "are not recorded. Write them on this report by hand before the drive leaves."
            )
        elif v.bitlocker is BitLockerStatus.OFF:
            out.append(
                "NOT ENCRYPTED: this drive carries complete copies of the VMs' disks in the "
                "clear. Encrypt it with BitLocker To Go before it leaves (Microsoft recommends "
                "encrypting shipped media), or hand it over in person."
            )
        elif v.bitlocker is BitLockerStatus.UNKNOWN:
            out.append(
                f"Encryption state unknown: hvseed could not read BitLocker for "
                f"{v.mount_point}. Check it (manage-bde -status {drive_word(v.mount_point)}) "
                "before the drive leaves; an unencrypted drive carries the VMs' disks in the "
                "clear."
            )
        for vm in self.vms:
            if not vm.files:
                out.append(f"The export folder of {vm.name} is empty: export it again.")
            elif not vm.has_manifest:
                out.append(
                    f"No integrity manifest for {vm.name}: the SHA-256 values are missing, so "
                    "damage in transit cannot be detected on arrival. 'hvseed run' writes the "
                    "manifest beside the folder after the export."
                )
        return out

    def checklist(self) -> list[str]:
        """The steps on the replica side, in order."""
        replica = self.replica_server or "the replica server"
        bitlocker = self.volume.bitlocker if self.volume else BitLockerStatus.UNKNOWN
        feature = (
            " On Windows Server the BitLocker feature must be installed first (it is not by "
            "default): Install-WindowsFeature BitLocker, then restart ('hvseed doctor' checks "
            "it before the drive is shipped)."
        )
        if bitlocker is BitLockerStatus.ON:
            unlock = (
                "Unlock the drive with its BitLocker password or recovery key (sent separately, "
                "never with the drive)." + feature
            )
        elif bitlocker is BitLockerStatus.OFF:
            unlock = (
                "The drive is not encrypted: check that it arrived sealed and was never out of "
                "sight; report it if not."
            )
        else:
            unlock = (
                "If the drive asks for a BitLocker password, unlock it with the password or "
                "recovery key (sent separately, never with the drive)." + feature
            )
        names = ", ".join(vm.name for vm in self.vms) or "each VM"
        return [
            f"Plug the drive into the replica server {replica} (in a failover cluster: the node "
            "that owns the replica VM).",
            unlock,
            "Check that the drive's label and serial number match this report.",
            "Start hvseed-gui and choose Import an initial copy, or on the command line run "
            "'hvseed verify X:\\<folder>' then 'hvseed import --vm <VM> X:\\<folder>' for each "
            "VM (X: is the drive's letter on the replica server; each VM's commands are listed "
            "with it).",
            f"Check state and health of {names}: Replicating and Normal once the changes that "
            "waited are applied (hvseed status <VM>, or Get-VMReplication / "
            "Measure-VMReplication).",
            "Test failover on an isolated network: Hyper-V Manager, Replication, Test Failover "
            "(Start-VMFailover -AsTest), connect the test VM to an isolated switch, boot and "
            "check it, then Stop Test Failover.",
            "Keep the drive unchanged until the test failover has passed; then wipe it: it "
            "holds complete copies of the VMs' disks.",
        ]

    def vm_command_groups(self, vm: ReportVm) -> list[tuple[str, list[str]]]:
        """The command lines for one VM on the replica server (drive letter X:), each group
        with the shell it is for. Names and paths are quoted for that shell (never inside
        double quotes); ``--vm`` takes the VM ID when the name could be misread."""
        folder = Literal(f"X:\\{vm.folder_name}")
        vm_word = Literal(vm.vm_id if vm.vm_id and not _plain_word(vm.name) else vm.name)
        groups = [
            (
                "On the replica server, in PowerShell (X: is the drive's letter there):",
                [
                    powershell_command("hvseed", ["verify", folder]),
                    powershell_command("hvseed", ["import", "--vm", vm_word, folder]),
                ],
            )
        ]
        if vm.has_manifest:
            groups.append(
                ("Without hvseed, in PowerShell in X:\\ :", [get_filehash_check_line(vm.sums_name)])
            )
            groups.append(
                (
                    "Without hvseed, with bash in the drive's folder:",
                    [sha256sum_check_line(vm.sums_name)],
                )
            )
        return groups

    def vm_commands(self, vm: ReportVm) -> list[str]:
        """Every command line of ``vm_command_groups``, in order."""
        return [line for _label, lines in self.vm_command_groups(vm) for line in lines]

    # -- renderings ------------------------------------------------------------------------------

    def to_text(self) -> str:
        return render_text(self)

    def to_html(self) -> str:
        return render_html(self)


def _plain_word(name: str) -> bool:
    """A VM name that reads the same in every shell and cannot pass for an option."""
    return bool(name) and is_plain(name) and not name.startswith("-") and '"' not in name


# --- building it ---------------------------------------------------------------------------------


def vm_from_manifest(manifest: Manifest, folder: str = "", fingerprint: str = "") -> ReportVm:
    """A VM as its manifest describes it; ``folder`` = the folder's path on the source host,
    ``fingerprint`` = the manifest file's SHA-256."""
    return ReportVm(
        name=manifest.vm_name,
        vm_id=manifest.vm_id,
        folder=folder or manifest.folder,
        files=tuple(ReportFile(f.path, f.size, f.sha256) for f in manifest.files),
        has_manifest=True,
        fingerprint=fingerprint,
    )


def vm_from_listing(listing: FolderListing, name: str = "", vm_id: str = "") -> ReportVm:
    """A VM from a host's listing of its export folder: sizes only, no hashes."""
    parsed = parse_folder_name(listing.name) or ("", "")
    return ReportVm(
        name=name or parsed[0] or listing.name,
        vm_id=vm_id or parsed[1],
        folder=listing.path,
        files=tuple(ReportFile(f.path, f.size) for f in listing.files),
        has_manifest=False,
    )


def vm_from_folder(folder: Path, shown_as: str = "") -> ReportVm:
    """The VM of an export folder on this computer: its manifest if there is one, else a
    listing (sizes only). ``shown_as`` is the folder's path as the source host sees it.
    Raises ``ManifestError`` when the folder is missing or unreadable."""
    folder = Path(folder)
    shown = shown_as or str(folder)
    try:
        manifest, raw = read_manifest_with_raw(folder)
        return vm_from_manifest(manifest, shown, fingerprint_of(raw))
    except FileNotFoundError:
        pass
    except ValueError as exc:
        raise ManifestError(
            f"The manifest beside {folder} cannot be read: {exc}.",
            "Check the drive; hvseed verify tells more.",
        ) from None
    except OSError as exc:
        raise ManifestError(
            f"Cannot read the manifest beside {folder}: {exc.strerror or exc}.",
            "Check that the drive is connected and readable.",
        ) from None
    if not folder.is_dir():
        raise ManifestError(
            f"The export folder {folder} does not exist.",
            "Check the drive and the path of the folder <VMName>_<VMId>.",
        )
    try:
        entries = list_files(folder)
    except OSError as exc:
        raise ManifestError(
            f"Cannot read {exc.filename or folder}: {exc.strerror or exc}.",
            "Check that the drive is connected and readable.",
        ) from None
    return vm_from_listing(FolderListing(shown, True, tuple(entries)))


def build_report(
    vms: Sequence[ReportVm],
    *,
    source_host: str = "",
    replica_server: str = "",
    volume: Volume | None = None,
    location: str = "",
    created: datetime | None = None,
    manifests: Sequence[Manifest] = (),
    notes: Sequence[str] = (),
) -> HandoverReport:
    """The report; hosts not given are taken from ``manifests`` (the first that names them)."""
    source_host = source_host or next((m.source_host for m in manifests if m.source_host), "")
    replica_server = replica_server or next(
        (m.replica_server for m in manifests if m.replica_server), ""
    )
    if not location and vms:
        location = _parent_of(vms[0].folder)
    return HandoverReport(
        created=created or datetime.now(timezone.utc),
        source_host=source_host,
        replica_server=replica_server,
        vms=tuple(vms),
        volume=volume,
        location=location,
        notes=tuple(notes),
    )


def report_from_folders(
    folders: Sequence[Path],
    *,
    volume: Volume | None = None,
    source_host: str = "",
    replica_server: str = "",
    shown_as: Sequence[str] = (),
    created: datetime | None = None,
) -> HandoverReport:
    """The report for export folders on this computer (their manifests where present).

    ``shown_as[i]`` is folder i's path as the source host sees it (``E:\\SQL01_<id>``), when
    this computer reaches the drive by another path. Hosts default to the manifests' own.
    """
    vms: list[ReportVm] = []
    manifests: list[Manifest] = []
    for i, folder in enumerate(folders):
        shown = shown_as[i] if i < len(shown_as) else ""
        vm = vm_from_folder(Path(folder), shown)
        vms.append(vm)
        if vm.has_manifest:
            manifests.append(read_manifest(Path(folder)))
    return build_report(
        vms,
        source_host=source_host,
        replica_server=replica_server,
        volume=volume,
        created=created,
        manifests=manifests,
    )


def write_handover_text(
    folders: Sequence[Path],
    *,
    shown_as: Sequence[str] = (),
    volume: Volume | None = None,
    source_host: str = "",
    replica_server: str = "",
) -> tuple[HandoverReport, Path]:
    """Build the report for ``folders`` (on this computer) and write its text beside the first
    one; returns (report, text path). For ``hvseed run`` after the manifests are written.
    Raises ``ManifestError`` (a sentence) when a folder cannot be read or the text written."""
    report = report_from_folders(
        folders,
        volume=volume,
        source_host=source_host,
        replica_server=replica_server,
        shown_as=shown_as,
    )
    return report, write_text_report(report, Path(folders[0]).parent)


def find_volume(volumes: Iterable[Volume], path: str) -> Volume | None:
    """The volume ``path`` lies on (longest mount point that is a prefix), or None."""
    target = path.replace("\\", "/").rstrip("/").lower() + "/"
    best: Volume | None = None
    for v in volumes:
        mount = v.mount_point.replace("\\", "/").rstrip("/").lower() + "/"
        if target.startswith(mount) and (
            best is None or len(mount) > len(best.mount_point.rstrip("\\/")) + 1
        ):
            best = v
    return best


def _parent_of(folder: str) -> str:
    sep = "\\" if "\\" in folder else "/"
    head = folder.rstrip("\\/").rsplit(sep, 1)
    if len(head) < 2:
        return ""
    parent = head[0]
    return parent + sep if parent.endswith(":") or not parent else parent


# --- the text file -------------------------------------------------------------------------------


def report_file_name(day: datetime, counter: int = 1) -> str:
    """``HANDOVER-2025-11-25.txt``; ``HANDOVER-2025-11-25-2.txt`` for the second that day."""
    stem = f"{REPORT_PREFIX}{day:%Y-%m-%d}"
    return f"{stem}{REPORT_SUFFIX}" if counter <= 1 else f"{stem}-{counter}{REPORT_SUFFIX}"


def text_file_content(report: HandoverReport) -> str:
    """The text file's content: a byte order mark, then the text with CRLF line ends."""
    return ("\ufeff" + report.to_text()).replace("\r\n", "\n").replace("\n", "\r\n")


def write_text_report(report: HandoverReport, directory: Path) -> Path:
    """Write the text beside the export folders (in ``directory``), whole (temporary name, then
    rename); never over an existing file.

    Raises ``ManifestError`` (a sentence for the admin) when the folder cannot be written.
    """
    directory = Path(directory)
    payload = text_file_content(report).encode("utf-8")
    day = report.created.astimezone()
    for counter in range(1, MAX_REPORTS_PER_DAY + 1):
        path = directory / report_file_name(day, counter)
        try:  # whole or not at all, never over an earlier report
            write_whole(path, payload)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ManifestError(
                f"Cannot write the handover report {path}: {exc.strerror or exc}.",
                "Check that the drive is connected, writable and has a little free space.",
            ) from None
        return path
    raise ManifestError(
        f"{MAX_REPORTS_PER_DAY} handover reports of today already exist in {directory}.",
        "Move old reports off the drive.",
    )


# --- renderings ----------------------------------------------------------------------------------


def _when(report: HandoverReport) -> str:
    local = report.created.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def _grouped(n: int) -> str:
    """``25769803776`` -> ``"25 769 803 776"`` (no comma/point ambiguity across locales)."""
    return f"{n:,}".replace(",", "\u00a0")


def _size(n: int) -> str:
    return f"{_grouped(n)} bytes" if n < 1024 else f"{format_bytes(n)} ({_grouped(n)} bytes)"


def _drive_rows(report: HandoverReport) -> list[tuple[str, str]]:
    v = report.volume
    if v is None:
        return [("Drive", "not identified"), ("Encryption", report.encryption_text())]
    model = v.friendly_name or "–"
    bus = f", {v.bus_type}" if v.bus_type else ""
    return [
        ("Drive", f"{v.mount_point} on {report.source_host or 'the source host'}"),
        ("Label", v.label or "(no label)"),
        ("Serial number", v.serial or "(not reported)"),
        ("Model", f"{model}{bus}"),
        (
            "File system",
            f"{v.file_system}, {format_bytes(v.total_bytes)} total, "
            f"{format_bytes(v.free_bytes)} free",
        ),
        ("Encryption", report.encryption_text()),
    ]


def render_text(report: HandoverReport) -> str:
    title = "hvseed handover report: initial copy for Hyper-V Replica"
    lines = [title, "=" * len(title), ""]
    head = [
        ("Created", f"{_when(report)} by hvseed {report.tool_version}"),
        ("Source host (A)", report.source_host or "(unknown)"),
        ("Replica server (B)", report.replica_server or "(unknown)"),
        ("Folders in", report.location or "(see below)"),
        ("Content", f"{len(report.vms)} VM(s), {_size(report.total_bytes)}"),
    ]
    lines += [f"{k + ':':<20}{v}" for k, v in head]
    lines += ["", "DRIVE"]
    lines += [f"  {k + ':':<18}{v}" for k, v in _drive_rows(report)]
    warnings = report.warnings()
    if warnings:
        lines += ["", "WARNINGS"]
        for w in warnings:
            lines += _wrap(f"!! {w}", "   ")
    lines += ["", "VIRTUAL MACHINES"]
    for n, vm in enumerate(report.vms, 1):
        lines += ["", f"{n}. {vm.name}"]
        lines += [
            f"   VM ID:     {vm.vm_id or '(unknown)'}",
            f"   Folder:    {vm.folder}",
            f"   Files:     {len(vm.files)}, {_size(vm.total_bytes)}",
            "   Manifest:  "
            + (
                "beside the folder (.hvseed-manifest.json, .sha256)"
                if vm.has_manifest
                else "none (no SHA-256 values)"
            ),
        ]
        if vm.fingerprint:
            lines += [
                f"   Manifest fingerprint (SHA-256 of {vm.manifest_name}):",
                f"     {short_fingerprint(vm.fingerprint)}   (in full: {vm.fingerprint})",
                "     Pass it on apart from the drive (mail, phone): the replica side checks it.",
            ]
        for f in vm.files:
            lines.append(f"   - {f.path}")
            lines.append(f"       {_size(f.size)}")
            lines.append(f"       SHA-256 {f.sha256 or '(not computed)'}")
        for label, commands in report.vm_command_groups(vm):
            lines.append(f"   {label}")
            lines += [f"     {c}" for c in commands]
    lines += ["", "CHECKLIST FOR THE REPLICA SIDE"]
    for n, step in enumerate(report.checklist(), 1):
        lines += _wrap(f"[ ] {n}. {step}", "       ")
    for note in report.notes:
        lines += [""] + _wrap(note, "")
    lines += [
        "",
        "HANDOVER",
        "  Handed over by: ______________________  Date/time: ______________",
        "  Received by:    ______________________  Date/time: ______________",
        "",
    ]
    return visible("\n".join(lines), keep="\n")  # names from the drive: shown, not obeyed


def _wrap(text: str, indent: str, width: int = 96) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width, subsequent_indent=indent, break_on_hyphens=False) or [""]


_CSS = """
body { font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 17pt; font-weight: 600; margin: 0 0 2px 0; color: #0b3d6b; }
h2 { font-size: 11.5pt; font-weight: 600; margin: 14px 0 4px 0; color: #0b3d6b; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 10px 0 2px 0; }
.sub { color: #555555; margin: 0 0 8px 0; }
td.k { color: #555555; padding-right: 10px; }
.mono { font-family: 'Consolas', 'DejaVu Sans Mono', monospace; font-size: 8pt; }
.hash { font-family: 'Consolas', 'DejaVu Sans Mono', monospace; font-size: 7.5pt;
        color: #333333; }
.small { font-size: 8pt; color: #555555; }
"""


def render_html(report: HandoverReport) -> str:
    """The report as HTML for ``QTextDocument`` (Qt's HTML subset: tables, inline CSS).

    Page 1 is the cover sheet (hosts, warnings, drive, VMs, checklist, signatures); the files
    with sizes and SHA-256 follow from page 2 on.
    """
    e = html.escape
    out: list[str] = [f"<html><head><style>{_CSS}</style></head><body>"]
    out.append("<h1>Handover: initial copy for Hyper-V Replica</h1>")
    out.append(
        f"<p class='sub'>{len(report.vms)} VM(s), {e(format_bytes(report.total_bytes))} · "
        f"created {e(_when(report))} by hvseed {e(report.tool_version)}</p>"
    )
    head = [
        ("Source host (A)", report.source_host or "(unknown)"),
        ("Replica server (B)", report.replica_server or "(unknown)"),
        ("Folders in", report.location or "(see below)"),
    ]
    out.append(_kv_table(head))
    for w in report.warnings():
        out.append(
            "<table width='100%' cellspacing='0' cellpadding='6' style='margin-top: 8px;'>"
            "<tr><td style='background-color: #fdecea; color: #8a1c12; "
            "border-left: 4px solid #c62828;'>"
            f"<b>Warning.</b> {e(w)}</td></tr></table>"
        )

    out.append("<h2>Drive</h2>")
    colour = "#1b5e20" if report.encrypted else "#b71c1c"
    out.append(_kv_table(_drive_rows(report), highlight={"Encryption": colour}))

    out.append("<h2>Virtual machines</h2>")
    out.append(
        "<table width='100%' cellspacing='0' cellpadding='3' style='border-collapse: collapse;'>"
        "<tr style='background-color: #e8eef5;'><td><b>VM</b></td><td><b>VM ID</b></td>"
        "<td align='right'><b>Files</b></td><td align='right'><b>Size</b></td>"
        "<td style='padding-left: 12px;'><b>Manifest</b></td></tr>"
    )
    for vm in report.vms:
        manifest = "yes" if vm.has_manifest else "<b style='color: #b71c1c;'>none</b>"
        if vm.fingerprint:
            manifest += (
                f"<br><span class='mono'>fingerprint {e(short_fingerprint(vm.fingerprint))}</span>"
            )
        out.append(
            f"<tr><td>{e(vm.name)}</td><td class='mono'>{e(vm.vm_id or '(unknown)')}</td>"
            f"<td align='right'>{len(vm.files)}</td>"
            f"<td align='right'>{e(format_bytes(vm.total_bytes))}</td>"
            f"<td style='padding-left: 12px;'>{manifest}</td></tr>"
        )
    out.append("</table>")
    out.append(
        "<p class='small'>Files, sizes and SHA-256 values of every folder follow on the next "
        "page(s).</p>"
    )

    out.append("<h2>Checklist for the replica side</h2>")
    out.append("<table width='100%' cellspacing='0' cellpadding='3'>")
    for n, step in enumerate(report.checklist(), 1):
        out.append(
            f"<tr><td valign='top' style='white-space: nowrap;'>☐&nbsp;<b>{n}.</b></td>"
            f"<td valign='top'>{e(step)}</td></tr>"
        )
    out.append("</table>")
    for note in report.notes:
        out.append(f"<p class='small'>{e(note)}</p>")
    out.append("<h2>Handover</h2>")
    out.append(
        "<table width='100%' cellspacing='0' cellpadding='6'>"
        "<tr><td width='55%'>Handed over by:<br/><br/>______________________________</td>"
        "<td>Date, time:<br/><br/>______________________</td></tr>"
        "<tr><td>Received by:<br/><br/>______________________________</td>"
        "<td>Date, time:<br/><br/>______________________</td></tr></table>"
    )

    out.append("<h2 style='page-break-before: always;'>Files and SHA-256</h2>")
    for n, vm in enumerate(report.vms, 1):
        out.append(f"<h3>{n}. {e(vm.name)}</h3>")
        manifest = (
            "beside the folder (.hvseed-manifest.json, .sha256)"
            if vm.has_manifest
            else "<span style='color: #b71c1c;'>none: no SHA-256 values</span>"
        )
        out.append(
            _kv_table(
                [
                    ("VM ID", f"<span class='mono'>{e(vm.vm_id or '(unknown)')}</span>"),
                    ("Folder", f"<span class='mono'>{e(vm.folder)}</span>"),
                    ("Files", f"{len(vm.files)}, {e(_size(vm.total_bytes))}"),
                    ("Manifest", manifest),
                ],
                raw=True,
            )
        )
        out.append(
            "<table width='100%' cellspacing='0' cellpadding='3' "
            "style='border-collapse: collapse; margin-top: 4px;'>"
            "<tr style='background-color: #e8eef5;'><td><b>File</b></td>"
            "<td align='right'><b>Size</b></td></tr>"
        )
        for i, f in enumerate(vm.files):
            shade = " style='background-color: #f6f8fa;'" if i % 2 else ""
            digest = e(f.sha256) if f.sha256 else "(not computed)"
            out.append(
                f"<tr{shade}><td>{e(f.path)}<br/><span class='hash'>SHA-256 {digest}</span>"
                f"</td><td align='right' valign='top' style='white-space: nowrap;'>"
                f"{e(format_bytes(f.size))}<br/>"
                f"<span class='small'>{_grouped(f.size)} bytes</span></td></tr>"
            )
        out.append("</table>")
        for label, commands in report.vm_command_groups(vm):
            cmds = "<br/>".join(e(c) for c in commands)
            out.append(
                f"<p class='small' style='margin-top: 4px;'>{e(label)}<br/>"
                f"<span class='mono'>{cmds}</span></p>"
            )
    out.append("</body></html>")
    return visible("\n".join(out), keep="\n")


def _kv_table(
    rows: Sequence[tuple[str, str]], *, raw: bool = False, highlight: dict[str, str] | None = None
) -> str:
    cells = []
    for key, value in rows:
        shown = value if raw else html.escape(value)
        colour = (highlight or {}).get(key)
        if colour:
            shown = f"<b style='color: {colour};'>{shown}</b>"
        cells.append(f"<tr><td class='k' valign='top'>{html.escape(key)}</td><td>{shown}</td></tr>")
    return "<table cellspacing='0' cellpadding='2'>" + "".join(cells) + "</table>"

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
)
from hvseed_gui.core.said import ENGLISH, QT_TRANSLATE_NOOP, Words, said
from hvseed_gui.core.shell_quote import (
    Literal,
    drive_word,
    get_filehash_check_line,
    powershell_command,
    sha256sum_check_line,
)
from hvseed_gui.core.visible import is_plain
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
            return said(QT_TRANSLATE_NOOP("Report", "not recorded (drive not identified)"))
        return said(
            {
                BitLockerStatus.ON: QT_TRANSLATE_NOOP(
                    "Report", "BitLocker on: the drive is encrypted"
                ),
                BitLockerStatus.OFF: QT_TRANSLATE_NOOP("Report", "NOT ENCRYPTED (BitLocker off)"),
                BitLockerStatus.UNKNOWN: QT_TRANSLATE_NOOP(
                    "Report", "unknown (BitLocker state could not be read)"
                ),
            }[self.volume.bitlocker]
        )

    def warnings(self) -> list[str]:
        """What must not go unnoticed, most serious first; empty when all is well."""
        out: list[str] = []
        v = self.volume
        if v is None:
            out.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "Report",
                        "The drive was not identified: its label, serial number and encryption "
                        "state are not recorded. Write them on this report by hand before the "
                        "drive leaves.",
                    )
                )
            )
        elif v.bitlocker is BitLockerStatus.OFF:
            out.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "Report",
                        "NOT ENCRYPTED: this drive carries complete copies of the VMs' disks in "
                        "the clear. Encrypt it with BitLocker To Go before it leaves (Microsoft "
                        "recommends encrypting shipped media), or hand it over in person.",
                    )
                )
            )
        elif v.bitlocker is BitLockerStatus.UNKNOWN:
            out.append(
                said(
                    QT_TRANSLATE_NOOP(
                        "Report",
                        "Encryption state unknown: hvseed could not read BitLocker for {drive}. "
                        "Check it ({command}) before the drive leaves; an unencrypted drive "
                        "carries the VMs' disks in the clear.",
                    ),
                    drive=v.mount_point,
                    command=f"manage-bde -status {drive_word(v.mount_point)}",
                )
            )
        for vm in self.vms:
            if not vm.files:
                out.append(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Report", "The export folder of {vm} is empty: export it again."
                        ),
                        vm=vm.name,
                    )
                )
            elif not vm.has_manifest:
                out.append(
                    said(
                        QT_TRANSLATE_NOOP(
                            "Report",
                            "No integrity manifest for {vm}: the SHA-256 values are missing, so "
                            "damage in transit cannot be detected on arrival. 'hvseed run' writes "
                            "the manifest beside the folder after the export.",
                        ),
                        vm=vm.name,
                    )
                )
        return out

    def checklist(self) -> list[str]:
        """The steps on the replica side, in order."""
        replica = self.replica_server or said(QT_TRANSLATE_NOOP("Report", "the replica server"))
        bitlocker = self.volume.bitlocker if self.volume else BitLockerStatus.UNKNOWN
        feature = said(
            QT_TRANSLATE_NOOP(
                "Report",
                "On Windows Server the BitLocker feature must be installed first (it is not by "
                "default): Install-WindowsFeature BitLocker, then restart ('hvseed doctor' "
                "checks it before the drive is shipped).",
            )
        )
        if bitlocker is BitLockerStatus.ON:
            unlock = said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Unlock the drive with its BitLocker password or recovery key (sent "
                    "separately, never with the drive). {feature}",
                ),
                feature=feature,
            )
        elif bitlocker is BitLockerStatus.OFF:
            unlock = said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "The drive is not encrypted: check that it arrived sealed and was never out "
                    "of sight; report it if not.",
                )
            )
        else:
            unlock = said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "If the drive asks for a BitLocker password, unlock it with the password or "
                    "recovery key (sent separately, never with the drive). {feature}",
                ),
                feature=feature,
            )
        names = ", ".join(vm.name for vm in self.vms) or said(
            QT_TRANSLATE_NOOP("Report", "each VM")
        )
        return [
            said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Plug the drive into the replica server {replica} (in a failover cluster: "
                    "the node that owns the replica VM).",
                ),
                replica=replica,
            ),
            unlock,
            said(
                QT_TRANSLATE_NOOP(
                    "Report", "Check that the drive's label and serial number match this report."
                )
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Start hvseed-gui and choose Import an initial copy, or on the command line "
                    "run {verify} then {import_} for each VM (X: is the drive's letter on the "
                    "replica server; each VM's commands are listed with it).",
                ),
                verify="'hvseed verify X:\\<folder>'",
                import_="'hvseed import --vm <VM> X:\\<folder>'",
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Check state and health of {names}: Replicating and Normal once the changes "
                    "that waited are applied (hvseed status <VM>, or Get-VMReplication / "
                    "Measure-VMReplication).",
                ),
                names=names,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Test failover on an isolated network: Hyper-V Manager, Replication, Test "
                    "Failover (Start-VMFailover -AsTest), connect the test VM to an isolated "
                    "switch, boot and check it, then Stop Test Failover.",
                )
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Report",
                    "Keep the drive unchanged until the test failover has passed; then wipe it: "
                    "it holds complete copies of the VMs' disks.",
                )
            ),
        ]

    def vm_command_groups(self, vm: ReportVm) -> list[tuple[str, list[str]]]:
        """The command lines for one VM on the replica server (drive letter X:), each group
        with the shell it is for. Names and paths are quoted for that shell (never inside
        double quotes); ``--vm`` takes the VM ID when the name could be misread."""
        on_drive = replica_drive_path(vm.folder)
        folder = Literal(on_drive)
        parent = on_drive.rsplit("\\", 1)[0]
        parent = parent + "\\" if parent.endswith(":") else parent
        vm_word = Literal(vm.vm_id if vm.vm_id and not _plain_word(vm.name) else vm.name)
        groups = [
            (
                said(
                    QT_TRANSLATE_NOOP(
                        "Report",
                        "On the replica server, in PowerShell (X: is the drive's letter there):",
                    )
                ),
                [
                    powershell_command("hvseed", ["verify", folder]),
                    powershell_command("hvseed", ["import", "--vm", vm_word, folder]),
                ],
            )
        ]
        if vm.has_manifest:
            groups.append(
                (
                    said(
                        QT_TRANSLATE_NOOP("Report", "Without hvseed, in PowerShell in {folder} :"),
                        folder=parent,
                    ),
                    [get_filehash_check_line(vm.sums_name)],
                )
            )
            groups.append(
                (
                    said(
                        QT_TRANSLATE_NOOP(
                            "Report", "Without hvseed, with bash in the drive's folder:"
                        )
                    ),
                    [sha256sum_check_line(vm.sums_name)],
                )
            )
        return groups

    def vm_commands(self, vm: ReportVm) -> list[str]:
        """Every command line of ``vm_command_groups``, in order."""
        return [line for _label, lines in self.vm_command_groups(vm) for line in lines]

    # -- renderings ------------------------------------------------------------------------------

    def to_text(self, words: Words = ENGLISH) -> str:
        from hvseed_gui.core.report_render import render_text

        return render_text(self, words)

    def to_html(self, words: Words = ENGLISH) -> str:
        from hvseed_gui.core.report_render import render_html

        return render_html(self, words)


def replica_drive_path(folder: str) -> str:
    """Where the folder is on the replica server, whose letter for the drive is unknown (X:):
    ``E:\\HyperV-Seed\\SQL01_<id>`` -> ``X:\\HyperV-Seed\\SQL01_<id>``; a bare folder name
    sits in the drive's root."""
    windows = folder.replace("/", "\\")
    if len(windows) >= 2 and windows[1] == ":" and windows[0].isalpha():
        rest = windows[2:].lstrip("\\")
        return f"X:\\{rest}".rstrip("\\") if rest else "X:\\"
    # a path of this computer (a mounted drive), or a bare name: only the folder's own name is sure
    return "X:\\" + windows.rstrip("\\").rsplit("\\", 1)[-1]


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
            said(
                QT_TRANSLATE_NOOP("Errors", "The manifest beside {folder} cannot be read: {exc}."),
                folder=folder,
                exc=exc,
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Check the drive; hvseed verify tells more.")),
        ) from None
    except OSError as exc:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "Cannot read the manifest beside {folder}: {p}."),
                folder=folder,
                p=exc.strerror or exc,
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Check that the drive is connected and readable.")),
        ) from None
    if not folder.is_dir():
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "The export folder {folder} does not exist."),
                folder=folder,
            ),
            said(
                QT_TRANSLATE_NOOP(
                    "Errors", "Check the drive and the path of the folder <VMName>_<VMId>."
                )
            ),
        )
    try:
        entries = list_files(folder)
    except OSError as exc:
        raise ManifestError(
            said(
                QT_TRANSLATE_NOOP("Errors", "Cannot read {p}: {p2}."),
                p=exc.filename or folder,
                p2=exc.strerror or exc,
            ),
            said(QT_TRANSLATE_NOOP("Errors", "Check that the drive is connected and readable.")),
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


def text_file_content(report: HandoverReport, words: Words = ENGLISH) -> str:
    """The text file's content: a byte order mark, then the text with CRLF line ends."""
    return ("\ufeff" + report.to_text(words)).replace("\r\n", "\n").replace("\n", "\r\n")


def write_text_report(report: HandoverReport, directory: Path, words: Words = ENGLISH) -> Path:
    """Write the text beside the export folders (in ``directory``), whole (temporary name, then
    rename); never over an existing file.

    Raises ``ManifestError`` (a sentence for the admin) when the folder cannot be written.
    """
    directory = Path(directory)
    payload = text_file_content(report, words).encode("utf-8")
    day = report.created.astimezone()
    for counter in range(1, MAX_REPORTS_PER_DAY + 1):
        path = directory / report_file_name(day, counter)
        try:  # whole or not at all, never over an earlier report
            write_whole(path, payload)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ManifestError(
                said(
                    QT_TRANSLATE_NOOP("Errors", "Cannot write the handover report {path}: {p}."),
                    path=path,
                    p=exc.strerror or exc,
                ),
                said(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Check that the drive is connected, writable and has a little free space.",
                    )
                ),
            ) from None
        return path
    raise ManifestError(
        said(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{MAX_REPORTS_PER_DAY} handover reports of today already exist in {directory}.",
            ),
            MAX_REPORTS_PER_DAY=MAX_REPORTS_PER_DAY,
            directory=directory,
        ),
        said(QT_TRANSLATE_NOOP("Errors", "Move old reports off the drive.")),
    )

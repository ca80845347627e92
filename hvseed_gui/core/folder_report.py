"""What hvseed concludes about one export folder, before anything is imported.

``inspect_folder`` judges a host's ``FolderListing`` (``core/export_folder.py``): the folder name
``<VMName>_<VMId>``, its XML files (read by ``core/export_xml.py``), the IDs they agree on and the
disks they list. ``core/import_gate.py`` builds the import check on this ``FolderReport``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from hvseed_gui.core.export_folder import FileEntry, FolderListing
from hvseed_gui.core.export_xml import (
    MAX_XML_BYTES,
    XmlDisk,
    XmlIdHit,
    XmlProblem,
    XmlProblemKind,
    file_name_id_hit,
    find_disks_in_xml,
    id_hits_in,
    parse_xml,
)
from hvseed_gui.core.findings import Finding, Severity
from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Size, said
from hvseed_gui.core.units import format_bytes


class XmlState(str, Enum):
    OK = "ok"  # every XML file was read
    MISSING = "missing"  # no XML file in the folder
    BROKEN = "broken"  # at least one XML file is empty, malformed, unsafe or unreadable


@dataclass(frozen=True)
class FolderReport:
    """What hvseed concludes about one export folder, before anything is imported."""

    path: str
    folder_name: str
    exists: bool
    vm_name: str | None  # from the folder name
    vm_id: str | None  # from the folder name (upper-case GUID)
    xml_files: tuple[str, ...] = ()
    xml_state: XmlState = XmlState.MISSING
    xml_ids: tuple[XmlIdHit, ...] = ()
    xml_vm_id: str | None = None  # the VM ID the XML files agree on (None: none or no agreement)
    disks_listed: tuple[XmlDisk, ...] = ()
    disk_files: tuple[FileEntry, ...] = ()
    candidate_folders: tuple[str, ...] = ()  # <Name>_<GUID> sub-folders, when the wrong folder
    problems: tuple[Finding, ...] = ()

    @property
    def errors(self) -> list[Finding]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def disk_bytes(self) -> int:
        return sum(f.size for f in self.disk_files)

    def to_text(self) -> str:
        """A plain-text report for the CLI (and logs)."""
        lines = [f"Folder:   {self.path}"]
        if self.vm_id:
            lines.append(f"VM:       {self.vm_name} ({self.vm_id})")
        if self.xml_files:
            xml_id = self.xml_vm_id or "none found"
            lines.append(f"XML:      {', '.join(self.xml_files)} (VM ID {xml_id})")
        for hit in self.xml_ids:
            lines.append(f"          {hit.vm_id} in {hit.file or 'XML'}: {hit.where}")
        for disk in self.disk_files:
            lines.append(f"Disk:     {disk.path} ({format_bytes(disk.size)})")
        for name in self.candidate_folders:
            lines.append(f"VM folder inside: {name}")
        for p in self.problems:
            lines.append(f"[{p.severity.value}] {p.title}: {p.message}")
        if not self.problems:
            lines.append("[ok] The folder looks complete.")
        return "\n".join(lines) + "\n"


def _is_drive_root(path: str) -> bool:
    norm = path.replace("\\", "/").rstrip("/")
    return norm == "" or bool(re.fullmatch(r"[A-Za-z]:", norm))


def _candidates(listing: FolderListing) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for entry in listing.files:
        parts = entry.path.replace("\\", "/").split("/")
        for part in parts[:-1]:
            if parse_folder_name(part):
                found.setdefault(part, None)
                break
    return tuple(sorted(found))


def _parent_folder(path: str) -> str:
    parts = path.replace("\\", "/").rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 else ""


def inspect_folder(listing: FolderListing) -> FolderReport:
    """Judge one export folder: folder name, XML files, IDs, disks. Never raises."""
    problems: list[Finding] = []
    add = problems.append
    name = listing.name
    parsed = parse_folder_name(name) if not _is_drive_root(listing.path) else None
    vm_name, vm_id = parsed if parsed else (None, None)

    if not listing.exists:
        add(
            Finding(
                "folder-missing",
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Folder", "Folder not found")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "The folder {path} does not exist on this host. Check the drive is "
                        "connected and has the same drive letter here, then choose the folder "
                        "again.",
                    ),
                    path=listing.path,
                ),
            )
        )
        return FolderReport(listing.path, name, False, vm_name, vm_id, problems=tuple(problems))

    candidates = _candidates(listing)
    if parsed is None:
        if candidates:
            hint = said(
                QT_TRANSLATE_NOOP("Folder", "Choose one of the VM folders inside it: {folders}."),
                folders=", ".join(candidates),
            )
        elif parse_folder_name(_parent_folder(listing.path)):
            hint = said(
                QT_TRANSLATE_NOOP(
                    "Folder",
                    "It looks like a folder inside the VM folder; choose its parent {parent} "
                    "instead.",
                ),
                parent=_parent_folder(listing.path),
            )
        else:
            hint = said(
                QT_TRANSLATE_NOOP(
                    "Folder", "No VM folder was found inside it; check you have the right drive."
                )
            )
        where = said(
            QT_TRANSLATE_NOOP("Folder", "the root of a drive")
            if _is_drive_root(listing.path)
            else QT_TRANSLATE_NOOP("Folder", "not a VM folder")
        )
        add(
            Finding(
                "not-vm-folder",
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Folder", "Not a VM folder")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "{path} is {where}. Import needs the VM's own folder, named "
                        "<VMName>_<VMId>. {hint}",
                    ),
                    path=listing.path,
                    where=where,
                    hint=hint,
                ),
            )
        )

    # XML files: texts the host read plus the ones it could not read
    xml_paths = sorted(
        {e.path for e in listing.files if e.path.lower().endswith(".xml")}
        | set(listing.xml_texts)
        | set(listing.xml_errors)
    )
    hits: list[XmlIdHit] = []
    disks: dict[str, XmlDisk] = {}
    broken = False
    for rel in xml_paths:
        if rel in listing.xml_errors:
            broken = True
            add(
                Finding(
                    "xml-unreadable",
                    Severity.ERROR,
                    said(QT_TRANSLATE_NOOP("Folder", "XML file not readable")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Folder",
                            "{rel} could not be read ({p}). Copy the folder again from the "
                            "primary host, or export the initial copy again.",
                        ),
                        rel=rel,
                        p=listing.xml_errors[rel],
                    ),
                )
            )
            continue
        text = listing.xml_texts.get(rel)
        if text is None:
            size = next((e.size for e in listing.files if e.path == rel), 0)
            too_large = size > MAX_XML_BYTES
            add(
                Finding(
                    "xml-too-large" if too_large else "xml-not-read",
                    Severity.WARNING,
                    said(QT_TRANSLATE_NOOP("Folder", "XML file not read")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Folder",
                            "{rel} is {size}, too large for a VM configuration, and was not "
                            "read. Check the folder really is a Hyper-V export.",
                        ),
                        rel=rel,
                        size=Size(size),
                    )
                    if too_large
                    else said(
                        QT_TRANSLATE_NOOP(
                            "Folder", "{rel} was not read, so its VM ID could not be checked."
                        ),
                        rel=rel,
                    ),
                )
            )
            continue
        try:
            root = parse_xml(text, rel)
        except XmlProblem as exc:
            broken = True
            code = {
                XmlProblemKind.EMPTY: "xml-empty",
                XmlProblemKind.UNSAFE: "xml-unsafe",
                XmlProblemKind.TOO_LARGE: "xml-too-large",
            }.get(exc.kind, "xml-malformed")
            advice = said(
                QT_TRANSLATE_NOOP(
                    "Folder",
                    "Do not import from this folder: it did not come from Hyper-V as it is. "
                    "Export the initial copy again.",
                )
                if exc.kind is XmlProblemKind.UNSAFE
                else QT_TRANSLATE_NOOP(
                    "Folder",
                    "The copy is damaged or incomplete: copy the folder again from the "
                    "primary host, or export the initial copy again.",
                )
            )
            add(
                Finding(
                    code,
                    Severity.ERROR,
                    said(QT_TRANSLATE_NOOP("Folder", "XML file not usable")),
                    said(
                        QT_TRANSLATE_NOOP("Folder", "{problem} {advice}"),
                        problem=exc.args[0] if exc.args else str(exc),
                        advice=advice,
                    ),
                )
            )
            continue
        hits.extend(id_hits_in(root, rel))
        for disk in find_disks_in_xml(root, rel):
            old = disks.get(disk.name.lower())
            if old is None or (old.size is None and disk.size is not None):
                disks[disk.name.lower()] = disk

    if not xml_paths and parsed is not None:
        # UNCONFIRMED whether Hyper-V writes an XML file into the export folder at all, so its
        # absence is a warning, not a refusal: the folder name's ID is still checked.
        add(
            Finding(
                "xml-missing",
                Severity.WARNING,
                said(QT_TRANSLATE_NOOP("Folder", "No XML configuration")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "The folder holds no XML file, so its VM ID can only be read from the "
                        "folder name. Make sure the whole folder was copied.",
                    )
                ),
            )
        )
    xml_state = XmlState.MISSING if not xml_paths else (XmlState.BROKEN if broken else XmlState.OK)

    # <GUID>.xml and <GUID>.vmcx file names: evidence, never a vote against the content
    vmcx = [e.path for e in listing.files if e.path.lower().endswith(".vmcx")]
    for rel in dict.fromkeys([*xml_paths, *vmcx]):
        by_name = file_name_id_hit(rel)
        if by_name is not None:
            hits.append(by_name)

    xml_vm_id = _conclude_xml_id(hits, vm_id, add)

    # disks
    disk_files = tuple(e for e in listing.files if e.is_disk)
    if parsed is not None:
        _check_disks(disk_files, list(disks.values()), add)

    return FolderReport(
        path=listing.path,
        folder_name=name,
        exists=True,
        vm_name=vm_name,
        vm_id=vm_id,
        xml_files=tuple(xml_paths),
        xml_state=xml_state,
        xml_ids=tuple(hits),
        xml_vm_id=xml_vm_id,
        disks_listed=tuple(disks.values()),
        disk_files=disk_files,
        candidate_folders=candidates,
        problems=tuple(problems),
    )


def _file_ids(hits: list[XmlIdHit]) -> dict[str, tuple[set[str], str | None]]:
    """Per configuration file: the VM IDs its content states, and the ID its name carries.

    Content: the IDs under names that clearly mean the VM (``global_id``, ``VMId``, …); only when
    a file has none of those, a single GUID under a generic name (``id``) counts; several
    generic GUIDs may name devices and decide nothing."""
    files: dict[str, tuple[set[str], str | None]] = {}
    for file in dict.fromkeys(h.file for h in hits):
        own = [h for h in hits if h.file == file]
        strong = {h.vm_id for h in own if h.strong and h.where != "file name"}
        weak = {h.vm_id for h in own if not h.strong}
        named = next((h.vm_id for h in own if h.where == "file name"), None)
        files[file] = (strong or (weak if len(weak) == 1 else set()), named)
    return files


def _conclude_xml_id(hits: list[XmlIdHit], folder_id: str | None, add) -> str | None:
    """The VM ID the configuration states; any other VM ID is an error.

    The XML's own content decides. A ``<GUID>.xml``/``.vmcx`` file name is evidence: it stands
    in for a file whose content names no VM, and a name that disagrees with its content is
    only a warning (the file was renamed). Configuration for two VMs, or for a VM other than
    the folder name's, is an error naming the IDs and the file."""
    files = _file_ids(hits)
    stated: dict[str, str] = {}  # VM ID -> the first file that states it
    for file, (content, named) in files.items():
        for vm_id in sorted(content) or ([named] if named else []):
            stated.setdefault(vm_id, file)
        if content and named and named not in content:
            add(
                Finding(
                    "xml-file-renamed",
                    Severity.WARNING,
                    said(QT_TRANSLATE_NOOP("Folder", "Configuration file renamed")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Folder",
                            "{file} is named after VM {named}, but its content names {p}. The "
                            "content decides; check nobody renamed files in the folder.",
                        ),
                        file=file,
                        named=named,
                        p=", ".join(sorted(content)),
                    ),
                )
            )
    if not stated:
        return None
    if len(stated) > 1:
        listing = "; ".join(f"{vm_id} in {file}" for vm_id, file in sorted(stated.items()))
        add(
            Finding(
                "xml-several-vms",
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Folder", "Configuration of more than one VM")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "The folder holds configuration for more than one VM ({listing}). A "
                        "Hyper-V export folder holds one VM's copy: it was mixed with another "
                        "VM's files. Use the folder exactly as Hyper-V exported it, or export "
                        "again.",
                    ),
                    listing=listing,
                ),
            )
        )
        return None
    ((xml_id, file),) = stated.items()
    if folder_id is not None and xml_id != folder_id:
        where = next(h.where for h in hits if h.file == file and h.vm_id == xml_id)
        add(
            Finding(
                "id-mismatch",
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Folder", "VM IDs disagree")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "The folder name says VM ID {folder_id}, but {p} ({where}) states "
                        "{xml_id}. The folder was renamed or holds another VM's copy: use the "
                        "folder exactly as Hyper-V exported it.",
                    ),
                    folder_id=folder_id,
                    p=file or said(QT_TRANSLATE_NOOP("Folder", "the XML")),
                    where=where,
                    xml_id=xml_id,
                ),
            )
        )
    return xml_id


def _check_disks(files: tuple[FileEntry, ...], listed: list[XmlDisk], add) -> None:
    if not files:
        add(
            Finding(
                "no-disks",
                Severity.ERROR,
                said(QT_TRANSLATE_NOOP("Folder", "No virtual disk files")),
                said(
                    QT_TRANSLATE_NOOP(
                        "Folder",
                        "The folder holds no .vhdx, .vhd or .avhdx file, so there is nothing to "
                        "import. The export did not finish or the copy is incomplete: export "
                        "again.",
                    )
                ),
            )
        )
    present = {f.name.lower(): f for f in files}
    for disk in listed:
        got = present.get(disk.name.lower())
        if got is None:
            add(
                Finding(
                    "disk-missing",
                    Severity.ERROR,
                    said(QT_TRANSLATE_NOOP("Folder", "Disk file missing")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Folder",
                            "The configuration lists {name}, but the folder does not contain it. "
                            "Copy the complete folder again (Hyper-V needs every disk under its "
                            "original name).",
                        ),
                        name=disk.name,
                    ),
                )
            )
        elif disk.size is not None and got.size < disk.size:
            add(
                Finding(
                    "disk-smaller",
                    Severity.WARNING,
                    said(QT_TRANSLATE_NOOP("Folder", "Disk file smaller than listed")),
                    said(
                        QT_TRANSLATE_NOOP(
                            "Folder",
                            "{name} is {size} but the configuration lists {size2}. If a fixed "
                            "disk was converted to a dynamic one on the drive (supported, same "
                            "name and format), this is expected and the manifest check reports "
                            "this file as changed; otherwise the copy was cut short: copy it "
                            "again.",
                        ),
                        name=disk.name,
                        size=Size(got.size),
                        size2=Size(disk.size),
                    ),
                )
            )

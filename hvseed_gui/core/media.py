"""The export folder on the drive: what a host reports about it, and what hvseed concludes.

A host only lists facts (``FolderListing``: files, sizes, the text of XML files found); the checks
live here, so the wizard, the CLI and every kind of host judge a folder the same way.

Hyper-V names the folder ``<VMName>_<VMId>``. What else it writes there (an XML configuration,
its schema, the sub-folder layout) is not documented, so nothing here relies on one element name:
IDs are looked for in every element or attribute whose name says "ID", disks in every value that
names a ``.vhdx``/``.vhd``/``.avhdx`` file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from hvseed_gui.core.folder_name import parse_folder_name
from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.core.units import format_bytes

# An XML file larger than this is not a VM configuration; it is not read (untrusted input).
MAX_XML_BYTES = 4 * 1024 * 1024

DISK_EXTENSIONS = (".vhdx", ".vhd", ".avhdx")

_GUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
_GUID_RE = re.compile(r"\{?(" + _GUID + r")\}?")
_GUID_FILE_RE = re.compile(r"^\{?(" + _GUID + r")\}?\.xml$", re.IGNORECASE)
_DISK_RE = re.compile(r"[^\\/]+\.(?:vhdx|avhdx|vhd)$", re.IGNORECASE)

# Element/attribute names (lower-case, without "_" and "-") that name the VM itself ...
_STRONG_ID_NAMES = frozenset(
    {"globalid", "vmid", "virtualmachineid", "virtualsystemidentifier", "vmguid", "systemid"}
)
# ... and names that usually do, but may also name something else (a device, a snapshot).
_WEAK_ID_NAMES = frozenset({"id", "instanceid", "guid", "uuid", "identifier"})
_SIZE_NAMES = frozenset({"size", "filesize", "length", "bytes", "sizebytes", "filesizebytes"})


class Severity(str, Enum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Finding:
    """One verdict for the admin: ``title`` is a few words, ``message`` says what to do."""

    code: str
    severity: Severity
    title: str
    message: str


@dataclass(frozen=True)
class FileEntry:
    """One file below an export folder; ``path`` is relative, with ``/`` separators."""

    path: str
    size: int

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def is_disk(self) -> bool:
        return self.name.lower().endswith(DISK_EXTENSIONS)


@dataclass(frozen=True)
class FolderListing:
    """What a host found in one folder: its files and the text of its XML files."""

    path: str  # the folder as the host sees it (``E:\\SQL01_6F1C…``)
    exists: bool
    files: tuple[FileEntry, ...] = ()
    xml_texts: dict[str, str] = field(default_factory=dict)  # relative path -> text
    xml_errors: dict[str, str] = field(default_factory=dict)  # relative path -> why not read

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


# --- folder name -------------------------------------------------------------------------------


# --- XML ---------------------------------------------------------------------------------------


class XmlProblemKind(str, Enum):
    EMPTY = "empty"
    MALFORMED = "malformed"
    UNSAFE = "unsafe"  # DTD, entity declarations (XML bomb), external references
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"  # the host could not read the file


class XmlProblem(ValueError):
    """An XML file that cannot be trusted or read; ``str()`` is a sentence for the admin."""

    def __init__(self, kind: XmlProblemKind, message: str) -> None:
        self.kind = kind
        super().__init__(message)


@dataclass(frozen=True)
class XmlIdHit:
    """A GUID found in an XML file and where: ``where`` is ``element /a/b``, ``attribute X on
    /a/b`` or ``file name``. ``strong`` is True when the name clearly means the VM's ID."""

    vm_id: str
    where: str
    file: str = ""
    strong: bool = True


@dataclass(frozen=True)
class XmlDisk:
    """A disk file an XML file names (the file name only: the path is the source host's)."""

    name: str
    format: str  # VHDX, VHD or AVHDX
    size: int | None = None
    file: str = ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _key(name: str) -> str:
    return _local(name).lower().replace("_", "").replace("-", "")


def parse_xml(text: str, file_name: str = "") -> Element:
    """Parse untrusted XML safely; raise ``XmlProblem`` for empty, too large, malformed or
    unsafe text (DTDs, entities and external references are refused, never expanded)."""
    label = file_name or "The XML file"
    if not text.strip():
        raise XmlProblem(XmlProblemKind.EMPTY, f"{label} is empty.")
    if len(text) > MAX_XML_BYTES:
        raise XmlProblem(
            XmlProblemKind.TOO_LARGE,
            f"{label} is larger than {format_bytes(MAX_XML_BYTES)}; it is not a VM configuration "
            "and was not read.",
        )
    try:
        return SafeET.fromstring(
            text.lstrip("\ufeff"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        what = "declares entities or refers to outside files"
        if "<!ENTITY" not in text:
            what = "declares a document type (DTD)"
        raise XmlProblem(
            XmlProblemKind.UNSAFE,
            f"{label} {what}, which a Hyper-V configuration never does (it may be an XML bomb "
            "or an attempt to read other files); it was not read.",
        ) from None
    except (ParseError, ValueError) as exc:
        raise XmlProblem(
            XmlProblemKind.MALFORMED, f"{label} is not well-formed XML ({exc})."
        ) from None


def _walk(root: Element):
    """Yield (element, path, parent) depth-first."""
    stack: list[tuple[Element, str, Element | None]] = [(root, "/" + _local(root.tag), None)]
    while stack:
        elem, path, parent = stack.pop()
        yield elem, path, parent
        for child in reversed(list(elem)):
            stack.append((child, f"{path}/{_local(child.tag)}", elem))


def _id_hits_in(root: Element, file_name: str) -> list[XmlIdHit]:
    hits: list[XmlIdHit] = []
    for elem, path, _parent in _walk(root):
        tag_key = _key(elem.tag)
        if tag_key in _STRONG_ID_NAMES or tag_key in _WEAK_ID_NAMES:
            match = _GUID_RE.fullmatch((elem.text or "").strip())
            if match:
                hits.append(
                    XmlIdHit(
                        normalize_vm_id(match.group(1)),
                        f"element {path}",
                        file_name,
                        tag_key in _STRONG_ID_NAMES,
                    )
                )
        for attr, value in elem.attrib.items():
            attr_key = _key(attr)
            if attr_key in _STRONG_ID_NAMES or attr_key in _WEAK_ID_NAMES:
                match = _GUID_RE.fullmatch(value.strip())
                if match:
                    hits.append(
                        XmlIdHit(
                            normalize_vm_id(match.group(1)),
                            f"attribute {_local(attr)} on {path}",
                            file_name,
                            attr_key in _STRONG_ID_NAMES,
                        )
                    )
    return hits


def find_vm_ids_in_xml(text: str, file_name: str = "") -> list[XmlIdHit]:
    """Every VM-ID-like GUID in ``text`` with where it was found.

    ``file_name`` (relative path) adds a hit when the file is called ``<GUID>.xml``. Raises
    ``XmlProblem`` when the text is empty, malformed or unsafe.
    """
    root = parse_xml(text, file_name)
    hits = _id_hits_in(root, file_name)
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    match = _GUID_FILE_RE.match(base)
    if match:
        hits.append(XmlIdHit(normalize_vm_id(match.group(1)), "file name", file_name, True))
    return hits


def _int_or_none(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isdigit() else None


def find_disks_in_xml(root: Element, file_name: str = "") -> list[XmlDisk]:
    """Disk files named anywhere in the XML, with a size if a sibling value gives one."""
    disks: dict[str, XmlDisk] = {}

    def add(value: str, size: int | None) -> None:
        name = value.strip().replace("\\", "/").rsplit("/", 1)[-1]
        if not _DISK_RE.fullmatch(name):
            return
        fmt = name.rsplit(".", 1)[-1].upper()
        old = disks.get(name.lower())
        if old is None or (old.size is None and size is not None):
            disks[name.lower()] = XmlDisk(name, fmt, size, file_name)

    for elem, _path, parent in _walk(root):
        if elem.text and _DISK_RE.search(elem.text.strip()):
            size = None
            if parent is not None:
                for sibling in parent:
                    if _key(sibling.tag) in _SIZE_NAMES:
                        size = _int_or_none(sibling.text)
                for attr, value in parent.attrib.items():
                    if size is None and _key(attr) in _SIZE_NAMES:
                        size = _int_or_none(value)
            add(elem.text, size)
        for value in elem.attrib.values():
            if _DISK_RE.search(value.strip()):
                size = next(
                    (
                        _int_or_none(v)
                        for a, v in elem.attrib.items()
                        if _key(a) in _SIZE_NAMES and _int_or_none(v) is not None
                    ),
                    None,
                )
                add(value, size)
    return list(disks.values())


# --- the folder report -------------------------------------------------------------------------


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
                "Folder not found",
                f"The folder {listing.path} does not exist on this host. Check the drive is "
                "connected and has the same drive letter here, then choose the folder again.",
            )
        )
        return FolderReport(listing.path, name, False, vm_name, vm_id, problems=tuple(problems))

    candidates = _candidates(listing)
    if parsed is None:
        if candidates:
            hint = "Choose one of the VM folders inside it: " + ", ".join(candidates) + "."
        elif parse_folder_name(_parent_folder(listing.path)):
            hint = (
                f"It looks like a folder inside the VM folder; choose its parent "
                f"{_parent_folder(listing.path)} instead."
            )
        else:
            hint = "No VM folder was found inside it; check you have the right drive."
        where = "the root of a drive" if _is_drive_root(listing.path) else "not a VM folder"
        add(
            Finding(
                "not-vm-folder",
                Severity.ERROR,
                "Not a VM folder",
                f"{listing.path} is {where}. Import needs the VM's own folder, named "
                f"<VMName>_<VMId>. {hint}",
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
                    "XML file not readable",
                    f"{rel} could not be read ({listing.xml_errors[rel]}). Copy the folder again "
                    "from the primary host, or export the initial copy again.",
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
                    "XML file not read",
                    (
                        f"{rel} is {format_bytes(size)}, too large for a VM configuration, and "
                        "was not read. Check the folder really is a Hyper-V export."
                    )
                    if too_large
                    else f"{rel} was not read, so its VM ID could not be checked.",
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
            advice = (
                "Do not import from this folder: it did not come from Hyper-V as it is. "
                "Export the initial copy again."
                if exc.kind is XmlProblemKind.UNSAFE
                else "The copy is damaged or incomplete: copy the folder again from the "
                "primary host, or export the initial copy again."
            )
            add(Finding(code, Severity.ERROR, "XML file not usable", f"{exc} {advice}"))
            continue
        hits.extend(_id_hits_in(root, rel))
        base = rel.rsplit("/", 1)[-1]
        match = _GUID_FILE_RE.match(base)
        if match:
            hits.append(XmlIdHit(normalize_vm_id(match.group(1)), "file name", rel, True))
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
                "No XML configuration",
                "The folder holds no XML file, so its VM ID can only be read from the folder "
                "name. Make sure the whole folder was copied.",
            )
        )
    xml_state = XmlState.MISSING if not xml_paths else (XmlState.BROKEN if broken else XmlState.OK)

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


def _conclude_xml_id(hits: list[XmlIdHit], folder_id: str | None, add) -> str | None:
    """The VM ID the XML states: strong hits win over weak ones; report disagreement."""
    strong = sorted({h.vm_id for h in hits if h.strong})
    weak = sorted({h.vm_id for h in hits if not h.strong})
    ids = strong or weak
    if not ids:
        return None
    if folder_id is None:
        return ids[0] if len(ids) == 1 else None
    if folder_id in ids:
        if strong and len(strong) > 1:
            others = ", ".join(i for i in strong if i != folder_id)
            add(
                Finding(
                    "xml-several-ids",
                    Severity.WARNING,
                    "XML names more than one VM ID",
                    f"Besides the folder's ID {folder_id}, the XML also names {others}. Check "
                    "the folder holds only this VM's copy.",
                )
            )
        return folder_id
    if strong or len(ids) == 1:
        where = next(h for h in hits if h.vm_id == ids[0])
        add(
            Finding(
                "id-mismatch",
                Severity.ERROR,
                "VM IDs disagree",
                f"The folder name says VM ID {folder_id}, but {where.file or 'the XML'} "
                f"({where.where}) says {ids[0]}. The folder was renamed or mixed with another "
                "VM's copy: use the folder exactly as Hyper-V exported it.",
            )
        )
        return ids[0]
    return None  # only several weak, unrelated GUIDs: they may name devices, not the VM


def _check_disks(files: tuple[FileEntry, ...], listed: list[XmlDisk], add) -> None:
    if not files:
        add(
            Finding(
                "no-disks",
                Severity.ERROR,
                "No virtual disk files",
                "The folder holds no .vhdx, .vhd or .avhdx file, so there is nothing to import. "
                "The export did not finish or the copy is incomplete: export again.",
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
                    "Disk file missing",
                    f"The configuration lists {disk.name}, but the folder does not contain it. "
                    "Copy the complete folder again (Hyper-V needs every disk under its original "
                    "name).",
                )
            )
        elif disk.size is not None and got.size < disk.size:
            add(
                Finding(
                    "disk-truncated",
                    Severity.ERROR,
                    "Disk file truncated",
                    f"{disk.name} is {format_bytes(got.size)} but the configuration says "
                    f"{format_bytes(disk.size)}: the copy was cut short. Copy it again.",
                )
            )


# --- before the import: folder vs replica VM ---------------------------------------------------


@dataclass(frozen=True)
class ImportCheckRow:
    """One line of the side-by-side table shown before an import."""

    label: str
    folder_value: str
    xml_value: str
    replica_value: str
    verdict: Severity
    message: str


@dataclass(frozen=True)
class ImportCheck:
    rows: tuple[ImportCheckRow, ...]

    @property
    def can_import(self) -> bool:
        return all(r.verdict is not Severity.ERROR for r in self.rows)

    @property
    def errors(self) -> list[ImportCheckRow]:
        return [r for r in self.rows if r.verdict is Severity.ERROR]

    @property
    def summary(self) -> str:
        """One sentence: the first reason not to import, or that the import can go ahead."""
        if self.errors:
            return self.errors[0].message
        return "The folder matches the replica VM; the import can start."

    def to_text(self) -> str:
        """The side-by-side table as plain text (CLI)."""
        head = ("", "Folder", "XML", "Replica VM", "Verdict")
        table = [head] + [
            (r.label, r.folder_value, r.xml_value, r.replica_value, r.verdict.value)
            for r in self.rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines += [f"{r.label}: {r.message}" for r in self.rows if r.verdict is not Severity.OK]
        return "\n".join(lines) + "\n"


_DASH = "-"

_STATE_ADVICE = {
    "Replicating": "The initial copy has already been imported (the replica is replicating); "
    "there is nothing to import.",
    "ReadyForInitialReplication": "This is a primary VM's state: choose the replica VM on the "
    "replica host.",
    "InitialReplicationInProgress": "This is a primary VM's state (its export is running): "
    "choose the replica VM on the replica host.",
    "Disabled": "Replication is not enabled for this VM: enable replication on the primary host "
    "with 'send initial copy using external media' first.",
    "PreparedForFailover": "The replica is being failed over; an initial copy cannot be "
    "imported now.",
    "FailedOverWaitingCompletion": "The replica has been failed over; an initial copy cannot be "
    "imported. Complete or cancel the failover first.",
    "FailedOver": "The replica has been failed over; an initial copy cannot be imported.",
}


def check_import(
    report: FolderReport,
    replica_vm_id: str | None,
    replica_vm_name: str = "",
    replica_state: str = "",
) -> ImportCheck:
    """Compare a folder with the replica VM it is to be imported into.

    Takes plain values (the replica VM's ID, name and ReplicationState *name*) so core does not
    depend on the hyperv package. Any error row makes ``can_import`` False.
    """
    rows: list[ImportCheckRow] = []
    row = rows.append
    folder_errors = [p for p in report.problems if p.code in ("folder-missing", "not-vm-folder")]
    row(
        ImportCheckRow(
            "Folder",
            report.folder_name or report.path,
            _DASH,
            _DASH,
            Severity.ERROR if folder_errors else Severity.OK,
            folder_errors[0].message if folder_errors else "The folder is a VM export folder.",
        )
    )

    # VM ID
    rep_id = None
    if replica_vm_id:
        try:
            rep_id = normalize_vm_id(replica_vm_id)
        except ValueError:
            rep_id = replica_vm_id
    folder_id, xml_id = report.vm_id, report.xml_vm_id
    if folder_id is None:
        verdict, msg = Severity.ERROR, "The folder name carries no VM ID: choose the VM's folder."
    elif rep_id is None:
        verdict, msg = (
            Severity.ERROR,
            "No replica VM was found for this copy: enable replication on the primary host "
            "first, or connect to the host that holds the replica VM.",
        )
    elif rep_id != folder_id:
        verdict, msg = (
            Severity.ERROR,
            f"The folder holds the copy of VM {folder_id}, but the replica VM"
            f"{' ' + replica_vm_name if replica_vm_name else ''} has ID {rep_id}. Choose this "
            "VM's folder, or the replica VM that matches the folder.",
        )
    elif xml_id is not None and xml_id != folder_id:
        verdict, msg = (
            Severity.ERROR,
            f"The XML names VM {xml_id}, the folder name {folder_id}: the folder was renamed "
            "or mixed up. Use the folder as Hyper-V exported it.",
        )
    else:
        verdict, msg = Severity.OK, "The folder, its XML and the replica VM name the same VM."
    row(
        ImportCheckRow(
            "VM ID",
            folder_id or _DASH,
            xml_id or _DASH,
            rep_id or _DASH,
            verdict,
            msg,
        )
    )

    # VM name (names may change; the ID decides, so a difference is only a warning)
    if report.vm_name and replica_vm_name and report.vm_name != replica_vm_name:
        row(
            ImportCheckRow(
                "VM name",
                report.vm_name,
                _DASH,
                replica_vm_name,
                Severity.WARNING,
                "The names differ (the VM may have been renamed); the VM ID is what counts.",
            )
        )

    # XML
    xml_count = f"{len(report.xml_files)} file(s)"
    if report.xml_state is XmlState.OK:
        verdict, msg = Severity.OK, "The XML configuration was read safely."
    elif report.xml_state is XmlState.MISSING:
        verdict, msg = (
            Severity.WARNING,
            "No XML file in the folder; only the folder name identifies the VM.",
        )
    else:
        bad = [p for p in report.problems if p.code.startswith("xml-") and p.code != "xml-missing"]
        verdict = Severity.ERROR
        msg = bad[0].message if bad else "An XML file in the folder could not be read."
    row(ImportCheckRow("XML readable", xml_count, report.xml_state.value, _DASH, verdict, msg))

    # disks
    disk_problems = [
        p for p in report.problems if p.code in ("no-disks", "disk-missing", "disk-truncated")
    ]
    listed = f"{len(report.disks_listed)} listed" if report.disks_listed else _DASH
    present = f"{len(report.disk_files)} file(s), {format_bytes(report.disk_bytes)}"
    if disk_problems:
        verdict, msg = Severity.ERROR, " ".join(p.message for p in disk_problems)
    elif not report.exists or report.vm_id is None:
        verdict, msg = Severity.ERROR, "Choose the VM's folder first."
    else:
        verdict, msg = Severity.OK, "Every disk file the folder needs is there."
    row(ImportCheckRow("Disks present", present, listed, _DASH, verdict, msg))

    # replica state
    state = replica_state.strip()
    if state.lower() == "waitingforinitialreplication":
        verdict, msg = Severity.OK, "The replica VM is waiting for its initial copy."
    elif not state:
        verdict, msg = (
            Severity.ERROR,
            "The replica VM's replication state is unknown: refresh, or check the replica host.",
        )
    else:
        advice = next((v for k, v in _STATE_ADVICE.items() if k.lower() == state.lower()), None)
        verdict = Severity.ERROR
        msg = advice or (
            f"Hyper-V imports an initial copy only into a replica VM in state "
            f"WaitingForInitialReplication; this one is {state}."
        )
    row(ImportCheckRow("Replica VM waiting", _DASH, _DASH, state or _DASH, verdict, msg))
    return ImportCheck(tuple(rows))

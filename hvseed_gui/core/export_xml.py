"""Reading the XML files of an export folder, safely and without trusting one element name.

What Hyper-V writes into an export folder (an XML configuration, its schema) is not documented,
so nothing here relies on one element name: IDs are looked for in every element or attribute
whose name says "ID", disks in every value that names a ``.vhdx``/``.vhd``/``.avhdx`` file. The
text comes from a drive: DTDs, entities and external references are refused, sizes capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.core.said import QT_TRANSLATE_NOOP, Size, said

# An XML file larger than this is not a VM configuration; it is not read (untrusted input).
MAX_XML_BYTES = 4 * 1024 * 1024

_GUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
_GUID_RE = re.compile(r"\{?(" + _GUID + r")\}?")
_GUID_FILE_RE = re.compile(r"^\{?(" + _GUID + r")\}?\.(?:xml|vmcx)$", re.IGNORECASE)
_DISK_RE = re.compile(r"[^\\/]+\.(?:vhdx|avhdx|vhd)$", re.IGNORECASE)

# Element/attribute names (lower-case, without "_" and "-") that name the VM itself ...
_STRONG_ID_NAMES = frozenset(
    {"globalid", "vmid", "virtualmachineid", "virtualsystemidentifier", "vmguid", "systemid"}
)
# ... and names that usually do, but may also name something else (a device, a snapshot).
_WEAK_ID_NAMES = frozenset({"id", "instanceid", "guid", "uuid", "identifier"})
_SIZE_NAMES = frozenset({"size", "filesize", "length", "bytes", "sizebytes", "filesizebytes"})


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
    label = file_name or said(QT_TRANSLATE_NOOP("Xml", "The XML file"))
    if not text.strip():
        raise XmlProblem(
            XmlProblemKind.EMPTY, said(QT_TRANSLATE_NOOP("Xml", "{label} is empty."), label=label)
        )
    if len(text) > MAX_XML_BYTES:
        raise XmlProblem(
            XmlProblemKind.TOO_LARGE,
            said(
                QT_TRANSLATE_NOOP(
                    "Xml",
                    "{label} is larger than {limit}; it is not a VM configuration and was "
                    "not read.",
                ),
                label=label,
                limit=Size(MAX_XML_BYTES),
            ),
        )
    try:
        return SafeET.fromstring(
            text.lstrip("\ufeff"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        what = said(QT_TRANSLATE_NOOP("Xml", "declares entities or refers to outside files"))
        if "<!ENTITY" not in text:
            what = said(QT_TRANSLATE_NOOP("Xml", "declares a document type (DTD)"))
        raise XmlProblem(
            XmlProblemKind.UNSAFE,
            said(
                QT_TRANSLATE_NOOP(
                    "Xml",
                    "{label} {what}, which a Hyper-V configuration never does (it may be an XML "
                    "bomb or an attempt to read other files); it was not read.",
                ),
                label=label,
                what=what,
            ),
        ) from None
    except (ParseError, ValueError) as exc:
        raise XmlProblem(
            XmlProblemKind.MALFORMED,
            said(
                QT_TRANSLATE_NOOP("Xml", "{label} is not well-formed XML ({exc})."),
                label=label,
                exc=exc,
            ),
        ) from None


def _walk(root: Element):
    """Yield (element, path, parent) depth-first."""
    stack: list[tuple[Element, str, Element | None]] = [(root, "/" + _local(root.tag), None)]
    while stack:
        elem, path, parent = stack.pop()
        yield elem, path, parent
        for child in reversed(list(elem)):
            stack.append((child, f"{path}/{_local(child.tag)}", elem))


def id_hits_in(root: Element, file_name: str) -> list[XmlIdHit]:
    hits: list[XmlIdHit] = []
    for elem, path, _parent in _walk(root):
        tag_key = _key(elem.tag)
        if tag_key in _STRONG_ID_NAMES or tag_key in _WEAK_ID_NAMES:
            match = _GUID_RE.fullmatch((elem.text or "").strip())
            if match:
                hits.append(
                    XmlIdHit(
                        normalize_vm_id(match.group(1)),
                        said(QT_TRANSLATE_NOOP("Xml", "element {path}"), path=path),
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
                            said(
                                QT_TRANSLATE_NOOP("Xml", "attribute {name} on {path}"),
                                name=_local(attr),
                                path=path,
                            ),
                            file_name,
                            attr_key in _STRONG_ID_NAMES,
                        )
                    )
    return hits


def file_name_id_hit(file_name: str) -> XmlIdHit | None:
    """The hit for a file called ``<GUID>.xml`` or ``<GUID>.vmcx`` (relative path); else None."""
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    match = _GUID_FILE_RE.match(base)
    if match:
        return XmlIdHit(
            normalize_vm_id(match.group(1)),
            said(QT_TRANSLATE_NOOP("Xml", "file name")),
            file_name,
            True,
        )
    return None


def find_vm_ids_in_xml(text: str, file_name: str = "") -> list[XmlIdHit]:
    """Every VM-ID-like GUID in ``text`` with where it was found.

    ``file_name`` (relative path) adds a hit when the file is called ``<GUID>.xml``. Raises
    ``XmlProblem`` when the text is empty, malformed or unsafe.
    """
    root = parse_xml(text, file_name)
    hits = id_hits_in(root, file_name)
    by_name = file_name_id_hit(file_name)
    if by_name is not None:
        hits.append(by_name)
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

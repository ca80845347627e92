"""The XML configuration the lab writes into an export folder, and its reading at import.

UNCONFIRMED: which metadata file the real export writes, its name and layout, are not documented
(hyperv-reference.md d). The lab writes ``Virtual Machines\\<VMId>.xml`` in the shape of the
Hyper-V 2012 configuration files (``<configuration><properties><global_id type="string">``),
and lists the disks it exported. hvseed must never *depend* on this file: it derives the VM ID
from the folder name and confirms it with the replica host.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET

CONFIG_DIR = "Virtual Machines"
DISKS_DIR = "Virtual Hard Disks"  # UNCONFIRMED: the real export may place the disks flat


@dataclass(frozen=True)
class ConfigDisk:
    file_name: str
    relative_path: str  # below the export folder, Windows separators
    format: str
    vhd_type: str
    size: int
    parent: str = ""  # file name of the parent disk, if differencing
    source_path: str = ""


@dataclass(frozen=True)
class ExportConfig:
    vm_id: str
    vm_name: str
    generation: int
    primary_server: str
    replica_server: str
    disks: tuple[ConfigDisk, ...]


def _typed(parent: ET.Element, tag: str, kind: str, value: object) -> None:
    element = ET.SubElement(parent, tag, {"type": kind})
    element.text = str(value)


def render(config: ExportConfig, exported_at: str) -> bytes:
    """The XML document (UTF-8 with declaration); names are escaped by ElementTree."""
    root = ET.Element("configuration")
    root.append(ET.Comment(" hvseed lab: simulated export configuration; real layout UNCONFIRMED "))
    props = ET.SubElement(root, "properties")
    _typed(props, "global_id", "string", config.vm_id)
    _typed(props, "name", "string", config.vm_name)
    _typed(props, "type_id", "string", "Virtual Machines")
    settings = ET.SubElement(root, "settings")
    _typed(settings, "generation", "integer", config.generation)
    ET.SubElement(
        root,
        "replication",
        {
            "mode": "Primary",
            "primary_server": config.primary_server,
            "replica_server": config.replica_server,
            "initial_replication_type": "Export",
            "exported_at": exported_at,
        },
    )
    disks = ET.SubElement(root, "disks")
    for disk in config.disks:
        node = ET.SubElement(disks, "disk")
        _typed(node, "file_name", "string", disk.file_name)
        _typed(node, "relative_path", "string", disk.relative_path)
        _typed(node, "format", "string", disk.format)
        _typed(node, "type", "string", disk.vhd_type)
        _typed(node, "size", "integer", disk.size)
        _typed(node, "parent", "string", disk.parent)
        _typed(node, "source_path", "string", disk.source_path)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse(text: str) -> ExportConfig:
    """Read a configuration written by ``render``; ValueError when it is not one."""
    try:
        root = SafeET.fromstring(text)
    except Exception as exc:  # noqa: BLE001 - ParseError and defusedxml's refusals alike
        raise ValueError(f"the XML cannot be parsed ({exc})") from None

    def text_of(parent: ET.Element | None, tag: str) -> str:
        node = parent.find(tag) if parent is not None else None
        return (node.text or "").strip() if node is not None else ""

    if root.tag != "configuration":
        raise ValueError("the root element is not <configuration>")
    props = root.find("properties")
    vm_id = text_of(props, "global_id")
    if not vm_id:
        raise ValueError("no <global_id> in <properties>")
    replication = root.find("replication")
    disks = []
    for node in root.iter("disk"):
        try:
            size = int(text_of(node, "size"))
        except ValueError:
            raise ValueError("a <disk> has no valid <size>") from None
        disks.append(
            ConfigDisk(
                file_name=text_of(node, "file_name"),
                relative_path=text_of(node, "relative_path"),
                format=text_of(node, "format"),
                vhd_type=text_of(node, "type"),
                size=size,
                parent=text_of(node, "parent"),
                source_path=text_of(node, "source_path"),
            )
        )
    generation = text_of(root.find("settings"), "generation")
    return ExportConfig(
        vm_id=vm_id,
        vm_name=text_of(props, "name"),
        generation=int(generation) if generation.isdigit() else 0,
        primary_server=replication.get("primary_server", "") if replication is not None else "",
        replica_server=replication.get("replica_server", "") if replication is not None else "",
        disks=tuple(disks),
    )

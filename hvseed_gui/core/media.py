"""The export folder on the drive: what a host reports about it, and what hvseed concludes.

A host only lists facts (``FolderListing``: files, sizes, the text of XML files found); the checks
live here, so the wizard, the CLI and every kind of host judge a folder the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# An XML file larger than this is not a VM configuration; it is not read (untrusted input).
MAX_XML_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class FileEntry:
    """One file below an export folder; ``path`` is relative, with ``/`` separators."""

    path: str
    size: int


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

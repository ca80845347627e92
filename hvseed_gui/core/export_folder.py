"""What a host reports about one export folder: its files, their sizes, the text of its XML.

A host only lists facts (``FolderListing``); what hvseed concludes from them lives in
``core/folder_report.py``, so the wizard, the CLI and every host judge a folder the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DISK_EXTENSIONS = (".vhdx", ".vhd", ".avhdx")


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

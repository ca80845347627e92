"""Integrity manifest of an export folder: written after the export, checked on arrival.

Two files sit *beside* the folder ``<VMName>_<VMId>`` (never inside: Hyper-V owns it):

- ``<VMName>_<VMId>.hvseed-manifest.json``: every file with size and SHA-256, the VM's name and
  ID, source host, replica server, time and tool version. hvseed checks against this one.
- ``<VMName>_<VMId>.sha256``: the same hashes in ``sha256sum`` format, paths relative to the
  drive folder that holds the export folder, with ``/``. Without hvseed, in that folder:
  ``sha256sum -c SQL01_<id>.sha256``. On Windows, compare per file:
  ``(Get-FileHash -Algorithm SHA256 'SQL01_<id>\\Virtual Hard Disks\\SQL01.vhdx').Hash``
  against the line for that file (Get-FileHash prints upper case; the file has lower case).

Both files are written whole (a temporary name beside them, then a rename), the ``.sha256``
first and the JSON last. A complete manifest is never overwritten; an *incomplete* one (the
JSON empty or cut short, or a ``.sha256`` without its JSON: writing was interrupted) is, by
``hvseed manifest`` (``manifest_state`` tells which). The checks are pure functions of a
manifest, a file listing and hashes, so a remote host that lists and hashes on its side is
judged the same way as a drive on this computer (``files_to_hash`` then ``compare``).
"""

from __future__ import annotations

from hvseed_gui.core.manifest_check import (
    FileCheck,
    FileStatus,
    ManifestProblem,
    VerifyReport,
    compare,
    files_to_hash,
    fingerprint_of,
    incomplete_report,
    json_unfinished,
    judge_manifest,
    manifest_state,
    read_manifest,
    read_manifest_with_raw,
    read_raw,
    redo_command,
    short_fingerprint,
    sums_notes,
    sums_ours,
    verify_manifest,
)
from hvseed_gui.core.manifest_model import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_SUFFIX,
    MAX_MANIFEST_BYTES,
    MAX_MANIFEST_DEPTH,
    SHA256_HEX,
    SUMS_SUFFIX,
    Manifest,
    ManifestError,
    ManifestFile,
    ManifestState,
    list_files,
    manifest_paths,
    parse_sha256sum,
    safe_relative,
)
from hvseed_gui.core.manifest_writing import (
    build_manifest,
    manifest_from_hashes,
    save_manifest,
    write_manifest,
)

#: the model, checking and writing live in manifest_model / manifest_check / manifest_writing
__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "FileCheck",
    "FileStatus",
    "MANIFEST_SUFFIX",
    "MAX_MANIFEST_BYTES",
    "MAX_MANIFEST_DEPTH",
    "Manifest",
    "ManifestError",
    "ManifestFile",
    "ManifestProblem",
    "ManifestState",
    "SHA256_HEX",
    "SUMS_SUFFIX",
    "VerifyReport",
    "build_manifest",
    "compare",
    "files_to_hash",
    "fingerprint_of",
    "incomplete_report",
    "json_unfinished",
    "judge_manifest",
    "list_files",
    "manifest_from_hashes",
    "manifest_paths",
    "manifest_state",
    "parse_sha256sum",
    "read_manifest",
    "read_manifest_with_raw",
    "read_raw",
    "redo_command",
    "safe_relative",
    "save_manifest",
    "short_fingerprint",
    "sums_notes",
    "sums_ours",
    "verify_manifest",
    "write_manifest",
]

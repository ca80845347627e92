"""The one rule for an export folder's name: ``<VMName>_<VMId>``.

Hyper-V writes each VM's initial copy into a sub-folder named after the VM and its ID (team blog,
out-of-band initial replication; Import-VMInitialReplication example 2). The exporter's side
(``folder_name``) and the reader's side (``parse_folder_name``) live together so they agree for
every name, leading and trailing spaces included: nothing is stripped.
"""

from __future__ import annotations

import re

from hvseed_gui.core.plan import normalize_vm_id

GUID_PATTERN = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
# The VM name may itself hold underscores and GUIDs: the ID is the *trailing* GUID. Hyper-V's
# examples show it without braces; braces are accepted on reading, as the letter case is.
_FOLDER_RE = re.compile(r"^(?P<name>.*)_\{?(?P<id>" + GUID_PATTERN + r")\}?$", re.DOTALL)


def folder_name(vm_name: str, vm_id: str) -> str:
    """``folder_name("SQL01", "6f1c…")`` -> ``"SQL01_6F1C…"``: the folder Hyper-V writes.

    The name is used exactly as Hyper-V holds it; the ID in canonical upper case (Windows file
    names are case-insensitive, so the case Hyper-V uses does not matter when looking it up).
    """
    return f"{vm_name}_{normalize_vm_id(vm_id)}"


def folder_path(destination: str, vm_name: str, vm_id: str) -> str:
    """The VM's export folder below ``destination`` (a Windows path)."""
    return destination.rstrip("\\/") + "\\" + folder_name(vm_name, vm_id)


def parse_folder_name(name: str) -> tuple[str, str] | None:
    """``"SQL_DB_01_6f1c…"`` -> ``("SQL_DB_01", "6F1C…")``; None if not ``<VMName>_<VMId>``.

    Nothing is stripped: a VM called ``" web "`` has the folder ``" web _<ID>"`` and parses
    back to ``" web "``. The ID is returned upper-case.
    """
    match = _FOLDER_RE.match(name)
    if not match:
        return None
    return match.group("name"), normalize_vm_id(match.group("id"))

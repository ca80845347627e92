"""Reading the JSON that Windows PowerShell 5.1 produces, whatever shape it chose.

Shared by every parser of the package: a single object where a list was meant, ``null`` for an
empty list, ``{"value": [...], "Count": n}`` wrapped arrays, ``"\\/Date(ms)\\/"`` dates, numbers as
text, and enums sent as numbers; and the small readers every family's parser uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any, TypeVar

from hvseed_gui.core.plan import normalize_vm_id
from hvseed_gui.hyperv.host import ReplicationState, VhdFile, VmRef


def as_list(value: Any) -> list[Any]:
    """A JSON value that should be a list: null → [], one bare object → [it]."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and "value" in value and "Count" in value:
        # 5.1 serialises a PSObject-wrapped array as {"value": [...], "Count": n}.
        inner = value["value"]
        return inner if isinstance(inner, list) else as_list(inner)
    return [value]


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def as_opt_int(value: Any) -> int | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def as_int(value: Any, default: int = 0) -> int:
    number = as_opt_int(value)
    return default if number is None else number


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return as_text(value).strip().lower() in ("true", "1", "yes", "on")


_MS_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")

_ISO_FRACTION = re.compile(r"\.(\d+)")


def as_time(value: Any) -> datetime | None:
    """ISO 8601 (``.ToString('o')``), 5.1's ``"\\/Date(ms)\\/"`` or its Get-Date object form.

    Always timezone-aware: a time without an offset is taken as UTC.
    """
    if isinstance(value, dict):
        return as_time(value.get("value", value.get("DateTime")))
    if value is None:
        return None
    text = as_text(value).strip()
    if not text:
        return None
    match = _MS_DATE.match(text)
    if match:
        moment = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(
            milliseconds=int(match.group(1))
        )
    else:
        iso = text.replace("Z", "+00:00")
        iso = _ISO_FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), iso, count=1)
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    # DateTime.MinValue / FILETIME zero mean "never".
    return None if moment.year <= 1601 else moment


E = TypeVar("E", bound=Enum)


def parse_enum(cls: type[E], value: Any, numbers: Sequence[str] | dict[int, str] = ()) -> E:
    """An enum by name; a number (5.1 style) through ``numbers``; else the enum's fallback."""
    number = as_opt_int(value) if not isinstance(value, str) or value.strip().isdigit() else None
    if number is not None:
        if isinstance(numbers, dict):
            value = numbers.get(number, value)
        elif 0 <= number < len(numbers):
            value = numbers[number]
    return cls.parse(value)  # type: ignore[attr-defined]


# Numeric fallbacks. The PowerShell enums' values are not documented; these follow the
# declaration order in the docs (UNCONFIRMED) and only matter if a name was not sent.
STATE_NUMBERS = [m.value for m in ReplicationState if m is not ReplicationState.UNKNOWN]

HEALTH_NUMBERS = ["NotApplicable", "Normal", "Warning", "Critical"]

MODE_NUMBERS = ["None", "Primary", "Replica", "TestReplica", "ExtendedReplica"]


def named(value: Any, numbers: dict[int, str]) -> str:
    """An enum's name: as sent, or looked up in ``numbers`` when 5.1 sent its number."""
    number = as_opt_int(value) if not isinstance(value, str) or value.strip().isdigit() else None
    if number is not None and number in numbers:
        return numbers[number]
    return as_text(value)


def vm_id_text(value: Any) -> str:
    """A VM ID in our one spelling (upper case, no braces); other text as it came."""
    text = as_text(value)
    try:
        return normalize_vm_id(text)
    except ValueError:
        return text


def field_of(data: Any, key: str) -> Any:
    """``data[key]`` when ``data`` is an object, else None."""
    return data.get(key) if isinstance(data, dict) else None


def vm_ref(data: Any, fallback: VmRef) -> VmRef:
    """The VM a result names (vm_name, vm_id), filled in from ``fallback``."""
    name = as_text(field_of(data, "vm_name")) or fallback.name
    vm_id = vm_id_text(field_of(data, "vm_id")) or fallback.id
    return VmRef(name, vm_id)


def vhd_file(item: Any) -> VhdFile:
    """One file of a disk chain: path and size."""
    path = as_text(field_of(item, "path"))
    return VhdFile(path=path, file_size=as_int(field_of(item, "file_size")))

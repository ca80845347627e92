"""Network or courier? The initial copy's time over the WAN against a drive sent by courier.

Network time = bytes x 8 x ``OVERHEAD_FACTOR`` / (Mbit/s x 10^6). The factor 1.125 (9 bits on
the wire per byte of data: TCP/IP, TLS/HTTP and Hyper-V Replica framing, retransmissions) is the
rule that reproduces the seed article's figures: 10 GB at 8 Mbit/s = 3.125 h ("3 hours") and
1 TB at 10 Mbit/s = 256 h ("10 days"), the article counting 1 TB as 1024 GB of 10^9 bytes.
It ignores Hyper-V's compression, which can make the network faster for compressible disks.

Courier time = export to the drive + days in transit + import from the drive. The default drive
rate is an assumption (no Microsoft figure exists): an external USB 3 hard disk sustains
~100-130 MB/s on its outer tracks and ~60 MB/s on the inner ones, so 80 MB/s on average. Pass the
rate measured on site when you have it.

Delta risk: while the drive travels, the primary keeps tracking changes. Hyper-V forces a
resynchronisation when the tracking logs exceed 50 % of the VM's disk size (Hyper-V team blog,
"Resynchronization of virtual machines in Hyper-V Replica", 2013). Deltas normally flow over the
WAN during transit, so this is the worst case (a link that is down or too slow); hvseed warns
from 35 % on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum

from hvseed_gui.core.units import format_bytes, format_duration

OVERHEAD_FACTOR = 1.125  # wire bits per data bit; reproduces the seed article (see module doc)
BITS_PER_BYTE = 8
DEFAULT_DRIVE_BYTES_PER_SEC = 80e6  # USB 3 external hard disk, average (assumption, see above)
DELTA_WARN_FRACTION = 0.35
DELTA_CRITICAL_FRACTION = 0.50  # BLOG-RESYNC: tracking logs > 50 % of VHD size force resync
SECONDS_PER_DAY = 86400.0


class Transport(str, Enum):
    NETWORK = "network"
    COURIER = "courier"


class DeltaRisk(str, Enum):
    UNKNOWN = "unknown"  # change rate or disk size not given
    NONE = "none"
    WARN = "warn"
    CRITICAL = "critical"


@dataclass(frozen=True)
class TransportPlan:
    copy_bytes: int
    wan_mbit_per_s: float
    network_seconds: float
    export_seconds: float
    transit_seconds: float
    import_seconds: float
    recommendation: Transport
    recommendation_text: str
    delta_risk: DeltaRisk
    delta_text: str
    delta_fraction: float | None  # changes piled up during the courier window / disk size
    wan_carries_changes: bool | None  # can the WAN carry the daily change rate at all?
    overhead_factor: float = OVERHEAD_FACTOR
    advice_text: str = ""  # the recommendation alone ("Send the drive: …")

    @property
    def courier_seconds(self) -> float:
        """Export + transit + import."""
        return self.export_seconds + self.transit_seconds + self.import_seconds

    def to_text(self) -> str:
        return f"{self.recommendation_text}\n{self.delta_text}"


def network_seconds(copy_bytes: float, wan_mbit_per_s: float) -> float:
    """Seconds to send ``copy_bytes`` over ``wan_mbit_per_s`` (decimal Mbit/s), with overhead."""
    return copy_bytes * BITS_PER_BYTE * OVERHEAD_FACTOR / (wan_mbit_per_s * 1e6)


def plan_transport(
    copy_bytes: int,
    wan_mbit_per_s: float,
    courier_days: float,
    *,
    change_bytes_per_day: float | None = None,
    vhd_total_bytes: int | None = None,
    export_bytes_per_sec: float = DEFAULT_DRIVE_BYTES_PER_SEC,
    import_bytes_per_sec: float = DEFAULT_DRIVE_BYTES_PER_SEC,
) -> TransportPlan:
    """Compare the WAN with a courier for an initial copy of ``copy_bytes``.

    ``vhd_total_bytes`` is the VM's disk size Hyper-V measures the 50 % rule against (defaults
    to ``copy_bytes`` when only the change rate is given). Raises ``ValueError`` with a sentence
    for the admin when an input is out of range.
    """
    _check("The size of the initial copy", copy_bytes, allow_zero=True)
    _check("The WAN bandwidth", wan_mbit_per_s)
    _check("The courier's days in transit", courier_days, allow_zero=True)
    _check("The drive's export rate", export_bytes_per_sec)
    _check("The drive's import rate", import_bytes_per_sec)
    if change_bytes_per_day is not None:
        _check("The VM's daily change rate", change_bytes_per_day, allow_zero=True)
    if vhd_total_bytes is not None:
        _check("The VM's disk size", vhd_total_bytes)

    net = network_seconds(copy_bytes, wan_mbit_per_s)
    export_s = copy_bytes / export_bytes_per_sec
    transit_s = courier_days * SECONDS_PER_DAY
    import_s = copy_bytes / import_bytes_per_sec
    courier = export_s + transit_s + import_s
    choice = Transport.NETWORK if net <= courier else Transport.COURIER
    net_words = (
        f"Over the network ({wan_mbit_per_s:g} Mbit/s, x{OVERHEAD_FACTOR:g} protocol overhead) "
        f"the initial copy of {format_bytes(copy_bytes)} takes about {format_duration(net)}"
    )
    courier_words = (
        f"by courier about {format_duration(courier)} (export {format_duration(export_s)}, "
        f"transit {format_duration(transit_s)}, import {format_duration(import_s)})"
    )
    if choice is Transport.NETWORK:
        advice = "Send it over the network: the drive would not be faster."
    else:
        advice = (
            f"Send the drive: it saves about {format_duration(net - courier)} "
            "and keeps the WAN free."
        )
    risk, fraction, delta_words, carries = _delta_risk(
        courier, wan_mbit_per_s, change_bytes_per_day, vhd_total_bytes or copy_bytes or None
    )
    return TransportPlan(
        copy_bytes=copy_bytes,
        wan_mbit_per_s=wan_mbit_per_s,
        network_seconds=net,
        export_seconds=export_s,
        transit_seconds=transit_s,
        import_seconds=import_s,
        recommendation=choice,
        recommendation_text=f"{net_words}; {courier_words}. {advice}",
        delta_risk=risk,
        delta_text=delta_words,
        delta_fraction=fraction,
        wan_carries_changes=carries,
        advice_text=advice,
    )


def _delta_risk(
    window_s: float, wan_mbit_per_s: float, change_per_day: float | None, disk: float | None
) -> tuple[DeltaRisk, float | None, str, bool | None]:
    if change_per_day is None:
        return (
            DeltaRisk.UNKNOWN,
            None,
            "Resync risk not assessed: give the VM's daily change rate to check it.",
            None,
        )
    carries = change_per_day <= wan_bytes_per_day(wan_mbit_per_s)
    wan_words = (
        ""
        if carries
        else (
            f" The WAN cannot even carry {format_bytes(change_per_day)} of changes a day: "
            "replication will fall behind whichever way the copy travels."
        )
    )
    if not disk:
        return (
            DeltaRisk.UNKNOWN,
            None,
            "Resync risk not assessed: the disk size is 0." + wan_words,
            carries,
        )
    piled = change_per_day * window_s / SECONDS_PER_DAY
    fraction = piled / disk
    share = f"{fraction:.0%} of the disk size ({format_bytes(piled)} of {format_bytes(disk)})"
    if fraction >= DELTA_CRITICAL_FRACTION:
        risk = DeltaRisk.CRITICAL
        words = (
            f"Critical: while the drive travels the VM changes about {share}. If the deltas "
            "cannot flow over the WAN meanwhile, Hyper-V forces a resynchronisation (tracking "
            "logs over 50 % of the disk size). Ship faster, or make sure replication runs "
            "over the WAN during transit."
        )
    elif fraction >= DELTA_WARN_FRACTION:
        risk = DeltaRisk.WARN
        words = (
            f"Warning: while the drive travels the VM changes about {share}, close to the 50 % "
            "at which Hyper-V forces a resynchronisation if the deltas cannot flow over the WAN. "
            "Keep replication running over the WAN during transit, and ship quickly."
        )
    else:
        risk = DeltaRisk.NONE
        words = (
            f"Resync risk low: while the drive travels the VM changes about {share}; Hyper-V "
            "forces a resynchronisation only above 50 %."
        )
    return risk, fraction, words + wan_words, carries


def wan_bytes_per_day(wan_mbit_per_s: float) -> float:
    """Bytes of data the WAN carries in one day, with the same overhead."""
    return wan_mbit_per_s * 1e6 * SECONDS_PER_DAY / (BITS_PER_BYTE * OVERHEAD_FACTOR)


def _check(what: str, value: float, *, allow_zero: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number, not {value!r}.")
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value!r}.")
    if value < 0 or (value == 0 and not allow_zero):
        bound = "zero or more" if allow_zero else "more than zero"
        raise ValueError(f"{what} must be {bound}; {value:g} was given.")


# --- sizes as the admin types them --------------------------------------------------------------

GB = 10**9  # decimal, as disk vendors and ``--change-gb-per-day`` count
_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "k": 10**3,
    "kb": 10**3,
    "m": 10**6,
    "mb": 10**6,
    "g": 10**9,
    "gb": 10**9,
    "t": 10**12,
    "tb": 10**12,
    "p": 10**15,
    "pb": 10**15,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
    "pib": 2**50,
}
_SIZE_RE = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z]*)\s*")


def parse_size(text: str) -> int:
    """``"1TB"`` -> ``10**12``; ``"70 GiB"`` -> ``70 * 2**30``; ``"123"`` -> 123 bytes.

    KB/MB/GB/TB/PB (and K/M/G/T/P) are decimal, KiB … PiB binary; a decimal comma is accepted.
    (The seed article's "1 TB" is 1024 GB, i.e. ``parse_size("1024GB")``.) Raises ``ValueError``
    with a sentence for the admin.
    """
    match = _SIZE_RE.fullmatch(text or "")
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _SIZE_UNITS:
        raise ValueError(
            f"'{text}' is not a size: write a number and a unit, e.g. 1TB, 500GB or 70GiB."
        )
    value = float(match.group(1).replace(",", ".")) * _SIZE_UNITS[unit]
    return int(round(value))

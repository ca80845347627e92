"""The network-or-courier planner: the seed article's figures, the flip point, the resync rule."""

from __future__ import annotations

import math

import pytest

from hvseed_gui.core.transfer import (
    DELTA_CRITICAL_FRACTION,
    DELTA_WARN_FRACTION,
    OVERHEAD_FACTOR,
    DeltaRisk,
    Transport,
    network_seconds,
    plan_transport,
)

GB = 10**9
HOUR = 3600.0
DAY = 86400.0


def test_article_10_gb_at_8_mbit_is_about_3_hours() -> None:
    plan = plan_transport(10 * GB, 8, 2)
    # The article says "3 Stunden"; the rule gives 3.125 h, within its rounding to whole hours.
    assert plan.network_seconds / HOUR == pytest.approx(3.125)
    assert round(plan.network_seconds / HOUR) == 3


def test_article_1_tb_at_10_mbit_is_256_hours() -> None:
    plan = plan_transport(1024 * GB, 10, 2)  # the article's 1 TB = 1024 GB
    assert plan.network_seconds / HOUR == pytest.approx(256.0)
    assert plan.overhead_factor == OVERHEAD_FACTOR == 1.125
    assert "1.125" in plan.recommendation_text


def test_courier_time_is_export_plus_transit_plus_import() -> None:
    plan = plan_transport(800 * GB, 10, 1.5, export_bytes_per_sec=100e6, import_bytes_per_sec=200e6)
    assert plan.export_seconds == pytest.approx(8000)
    assert plan.import_seconds == pytest.approx(4000)
    assert plan.transit_seconds == pytest.approx(1.5 * DAY)
    assert plan.courier_seconds == pytest.approx(8000 + 4000 + 1.5 * DAY)


def test_recommendation_flips_at_the_break_even_bandwidth() -> None:
    size, days = 500 * GB, 2.0
    rate = 80e6
    courier = 2 * size / rate + days * DAY
    break_even = size * 8 * OVERHEAD_FACTOR / courier / 1e6  # Mbit/s where both take as long
    slower = plan_transport(size, break_even * 0.95, days)
    faster = plan_transport(size, break_even * 1.05, days)
    assert slower.recommendation is Transport.COURIER
    assert "Send the drive" in slower.recommendation_text
    assert faster.recommendation is Transport.NETWORK
    assert faster.recommendation == "network"  # str enum: the CLI can print or compare it
    assert "over the network" in faster.recommendation_text


def test_small_copy_goes_over_a_fast_link_and_a_large_one_by_courier() -> None:
    assert plan_transport(10 * GB, 100, 1).recommendation is Transport.NETWORK
    assert plan_transport(2000 * GB, 10, 1).recommendation is Transport.COURIER


@pytest.mark.parametrize(
    ("fraction", "risk"),
    [
        (0.10, DeltaRisk.NONE),
        (DELTA_WARN_FRACTION - 0.01, DeltaRisk.NONE),
        (DELTA_WARN_FRACTION, DeltaRisk.WARN),
        (0.49, DeltaRisk.WARN),
        (DELTA_CRITICAL_FRACTION, DeltaRisk.CRITICAL),
        (0.80, DeltaRisk.CRITICAL),
    ],
)
def test_delta_risk_thresholds(fraction: float, risk: DeltaRisk) -> None:
    disk = 1000 * GB
    days = 4.0
    rate = 1e15  # drive so fast that the courier window is the transit alone
    change = fraction * disk / days
    plan = plan_transport(
        100 * GB,
        1000,
        days,
        change_bytes_per_day=change,
        vhd_total_bytes=disk,
        export_bytes_per_sec=rate,
        import_bytes_per_sec=rate,
    )
    assert plan.delta_fraction == pytest.approx(fraction, rel=1e-6)
    assert plan.delta_risk is risk
    assert "50 %" in plan.delta_text


def test_delta_window_includes_export_and_import() -> None:
    # 1 day transit, 1 day export, 1 day import: three days of changes, not one.
    plan = plan_transport(
        int(86.4 * GB),
        1000,
        1,
        change_bytes_per_day=100 * GB,
        vhd_total_bytes=1000 * GB,
        export_bytes_per_sec=1e6,
        import_bytes_per_sec=1e6,
    )
    assert plan.delta_fraction == pytest.approx(0.3)


def test_delta_risk_unknown_without_change_rate() -> None:
    plan = plan_transport(100 * GB, 10, 2)
    assert plan.delta_risk is DeltaRisk.UNKNOWN
    assert plan.delta_fraction is None
    assert "change rate" in plan.delta_text


def test_disk_size_defaults_to_copy_size() -> None:
    plan = plan_transport(
        100 * GB,
        1000,
        1,
        change_bytes_per_day=40 * GB,
        export_bytes_per_sec=1e15,
        import_bytes_per_sec=1e15,
    )
    assert plan.delta_fraction == pytest.approx(0.4)
    assert plan.delta_risk is DeltaRisk.WARN


def test_warns_when_the_wan_cannot_carry_the_daily_changes() -> None:
    per_day_at_1_mbit = 1e6 * DAY / (8 * OVERHEAD_FACTOR)
    slow = plan_transport(100 * GB, 1, 1, change_bytes_per_day=per_day_at_1_mbit * 2)
    ok = plan_transport(100 * GB, 1, 1, change_bytes_per_day=per_day_at_1_mbit / 2)
    assert slow.wan_carries_changes is False
    assert "cannot even carry" in slow.delta_text
    assert ok.wan_carries_changes is True
    assert "cannot even carry" not in ok.delta_text


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"wan_mbit_per_s": 0}, "WAN bandwidth must be more than zero"),
        ({"wan_mbit_per_s": -5}, "WAN bandwidth must be more than zero"),
        ({"wan_mbit_per_s": math.inf}, "WAN bandwidth must be a finite number"),
        ({"copy_bytes": -1}, "size of the initial copy must be zero or more"),
        ({"courier_days": -1}, "days in transit must be zero or more"),
        ({"courier_days": "2"}, "must be a number"),
        ({"change_bytes_per_day": -1.0}, "daily change rate must be zero or more"),
        ({"vhd_total_bytes": 0}, "disk size must be more than zero"),
        ({"export_bytes_per_sec": 0}, "export rate must be more than zero"),
        ({"import_bytes_per_sec": float("nan")}, "import rate must be a finite number"),
    ],
)
def test_invalid_input_is_a_readable_value_error(kwargs: dict, words: str) -> None:
    args = {"copy_bytes": 10 * GB, "wan_mbit_per_s": 8, "courier_days": 2} | kwargs
    with pytest.raises(ValueError, match=words):
        plan_transport(**args)


def test_network_seconds_is_linear_in_size_and_inverse_in_bandwidth() -> None:
    assert network_seconds(2 * GB, 10) == pytest.approx(2 * network_seconds(GB, 10))
    assert network_seconds(GB, 20) == pytest.approx(network_seconds(GB, 10) / 2)

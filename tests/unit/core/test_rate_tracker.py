from hvseed_gui.core.rate_tracker import RateTracker
from hvseed_gui.core.units import format_bytes, format_duration


def test_rate_and_eta_follow_the_recent_window():
    tracker = RateTracker(window=10)
    assert tracker.add(0, 0, 1000).bytes_per_sec is None
    est = tracker.add(2, 200, 1000)
    assert est.bytes_per_sec == 100
    assert est.eta_seconds == 8
    # The drive slows down: after the window has passed, only recent samples count.
    tracker.add(10, 1000 - 400, 1000)
    est = tracker.add(20, 1000 - 300, 1000)
    assert est.bytes_per_sec == 10
    assert est.eta_seconds == 30


def test_a_restarted_job_forgets_old_samples():
    tracker = RateTracker()
    tracker.add(0, 0, 100)
    tracker.add(1, 50, 100)
    est = tracker.add(2, 10, 100)
    assert est.bytes_per_sec is None


def test_formats_read_like_explorer():
    assert format_bytes(512) == "512 bytes"
    assert format_bytes(1536) == "1.5 KiB"
    assert format_bytes(40 * 1024**3) == "40.0 GiB"
    assert format_duration(42) == "42 s"
    assert format_duration(3725) == "1 h 02 min"
    assert format_duration(10 * 86400 + 5 * 3600) == "10 d 5 h"

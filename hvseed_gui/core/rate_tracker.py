"""Rate and ETA from progress samples, shared by the wizard's progress page and the CLI."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressEstimate:
    done: int
    total: int | None
    bytes_per_sec: float | None  # over the recent window; None until two samples differ in time
    eta_seconds: float | None

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


class RateTracker:
    """Keeps the samples of the last ``window`` seconds and derives rate and ETA from them.

    A window (rather than the average since the start) follows a drive that slows down when its
    cache fills, which is what happens with USB hard disks during a long export.
    """

    def __init__(self, window: float = 30.0) -> None:
        self.window = window
        self._samples: deque[tuple[float, int]] = deque()

    def add(self, when: float, done: int, total: int | None) -> ProgressEstimate:
        """Record ``done`` bytes at monotonic time ``when`` and return the estimate."""
        if self._samples and done < self._samples[-1][1]:
            self._samples.clear()  # restarted job: old samples describe another run
        self._samples.append((when, done))
        while len(self._samples) > 2 and when - self._samples[0][0] > self.window:
            self._samples.popleft()
        rate = None
        first_time, first_done = self._samples[0]
        if when > first_time:
            rate = (done - first_done) / (when - first_time)
        eta = None
        if rate and rate > 0 and total is not None:
            eta = max(0.0, (total - done) / rate)
        return ProgressEstimate(done=done, total=total, bytes_per_sec=rate, eta_seconds=eta)

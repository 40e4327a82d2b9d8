"""The sending pace: at most MASTHEAD_NEWSLETTER_RATE messages a second.

What this guarantees: messages leave no faster than the configured rate however many connections
share the limiter, without sleeping when the rate is 0 (no limit).
"""

from __future__ import annotations

import time


class RateLimiter:
    """Paces sending to at most ``rate`` messages per second (0: no limit)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = max(now, self.next_at) + self.interval

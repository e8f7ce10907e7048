"""Waiting in tests without fixed sleeps: poll a condition until a generous deadline."""

from __future__ import annotations

import time
from collections.abc import Callable


def wait_for(
    check: Callable[[], object],
    what: str,
    deadline: float = 60.0,
    show: Callable[[], str] | None = None,
) -> object:
    """Poll ``check`` until it returns something true (returned); fail naming ``what``.

    ``deadline`` is generous on purpose (a loaded two-core machine); ``show`` adds what was
    seen to the failure (a tmux screen, say).
    """
    end = time.monotonic() + deadline
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() >= end:
            seen = f":\n{show()}" if show else ""
            raise AssertionError(f"no {what} after {deadline:.0f} s{seen}")
        time.sleep(0.05)  # a poll interval, not a wait for something to happen

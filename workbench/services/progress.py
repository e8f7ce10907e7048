"""The progress callback the long use cases accept: called with how many items got done."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int], None]

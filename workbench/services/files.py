"""Writing the files the use cases produce: whole, or not at all."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from workbench.core.errors import InputError


def write_text(path: str, text: str) -> None:
    """Write a file atomically, with a one-line error when that is impossible."""
    p = Path(path)
    tmp = p.with_name(p.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, p)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(f"{p}: cannot write ({exc.strerror})") from None

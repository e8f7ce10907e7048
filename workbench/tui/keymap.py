"""Remapped keys: ``keys.toml`` in the workbench home maps binding ids to keys.

Example, for a terminal that eats F8 and a translator who wants Ctrl+T for MT::

    [keys]
    confirm = "f9"
    translate = "ctrl+t,t"

The ids are those listed by the help screen (``?``). A file that is not TOML, or names
an id the app does not have, stops the app with a one-line error before it starts.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from workbench.core.errors import InputError

FILE_NAME = "keys.toml"


def load_keymap(path: Path, ids: Iterable[str]) -> dict[str, str]:
    """The ``[keys]`` table of ``path`` (empty if there is no file), checked against ``ids``."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a valid TOML key map ({e})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise InputError(f'{path}: expected a [keys] table of id = "key" lines')
    known = set(ids)
    unknown = sorted(set(keys) - known)
    if unknown:
        raise InputError(
            f"{path}: unknown binding id {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return dict(keys)

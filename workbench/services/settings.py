"""The translator's settings: ``settings.toml`` in the workbench home, and the environment.

::

    translator = "Layla Hassan"   # named in the TM's units and the article's front matter
    propagate = false             # confirmed repetitions are not copied to the others

``WORKBENCH_TRANSLATOR`` and ``WORKBENCH_PROPAGATE=0`` override the file; without either,
the translator is the login name and propagation is on.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError
from workbench.store.tm import default_tm_path

FILE_NAME = "settings.toml"


@dataclass(frozen=True)
class Settings:
    """What the settings file and the environment say."""

    translator: str
    propagate: bool = True


def settings_path() -> Path:
    """Where the settings file is: beside the default TM, in the workbench home."""
    return default_tm_path().parent / FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """The settings (one-line InputError for a file that is not TOML or has wrong types)."""
    p = path or settings_path()
    data: dict[str, object] = {}
    if p.is_file():
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"{p}: not valid TOML ({e})") from None
    who = os.environ.get("WORKBENCH_TRANSLATOR") or data.get("translator")
    if who is None:
        try:
            who = getpass.getuser()
        except (OSError, KeyError):
            who = "translator"
    prop = data.get("propagate", True)
    env = os.environ.get("WORKBENCH_PROPAGATE")
    if env is not None:
        prop = env.strip().lower() not in ("0", "false", "no", "off")
    if not isinstance(who, str) or not isinstance(prop, bool):
        raise InputError(f'{p}: expected translator = "name" and propagate = true|false')
    return Settings(who.strip() or "translator", prop)

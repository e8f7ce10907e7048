"""The translator's settings: ``settings.toml`` in the workbench home, and the environment.

::

    translator = "Layla Hassan"   # named in the TM's units and the article's front matter
    propagate = false             # confirmed repetitions are not copied to the others

``WORKBENCH_TRANSLATOR`` and ``WORKBENCH_PROPAGATE=0`` override the file; without either,
the translator is the login name and propagation is on. Everything is read by
:mod:`workbench.core.settings` (the one place that reads the environment); this module
gives the services' callers the same names.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.settings import SETTINGS_FILE, Settings, current, load_settings

FILE_NAME = SETTINGS_FILE

__all__ = ["FILE_NAME", "Settings", "load_settings", "settings_path"]


def settings_path() -> Path:
    """Where the settings file is: ``settings.toml`` in the workbench home."""
    return current().settings_file

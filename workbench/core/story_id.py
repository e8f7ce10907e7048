"""Story ids are names, never paths: checking them, and keeping output paths in their folder.

A story id (``al-qaem``) names a document in a project, its segments (``al-qaem:p3:s2``)
and the files made from it (``al-qaem.ar.md``, ``al-qaem.workbench/``). It is one name of
letters, digits, ``-``, ``_`` and ``.`` that starts with a letter or digit: no ``/``, no
``..``, no absolute path, so that nothing derived from it can land outside the folder the
user asked for.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.errors import InputError

_NAME = re.compile(r"[^\W_][\w.-]*")
_UNSAFE = re.compile(r"[^\w.-]+")


def check_story_id(value: str, where: str) -> str:
    """``value`` if it is a valid story id; else a one-line InputError naming ``where``."""
    if _NAME.fullmatch(value) and ".." not in value:
        return value
    raise InputError(
        f"{where}: story id {value!r} is not a name (use letters, digits, '-', '_' and '.', "
        "starting with a letter or digit)"
    )


def story_from_file_name(stem: str) -> str:
    """A story id made from a file name: characters a name may not hold become '-'."""
    slug = _UNSAFE.sub("-", stem).strip("-._")
    slug = re.sub(r"\.{2,}", ".", slug)
    return slug or "document"


def path_under(folder: str | Path, name: str) -> Path:
    """``folder/name``, refused (one line) unless it stays inside ``folder``."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise InputError(f"{name}: would be written outside {folder}; refusing")
    return Path(folder) / name

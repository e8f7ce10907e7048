"""The memory learns as the translator works: confirmed targets go into the TMs at once.

Every segment confirmed (translated, reviewed, final) becomes a unit of the project's TM
(``tm.sqlite`` in the project folder) and of the user's default TM, with its context (the
previous and next source in its document) and its origin: the project, document, segment
id, translator and time, as the unit's origin and ``x-`` props (which TMX export keeps).
A unit learned from a segment names it (``learned_from``), so confirming it again
replaces the unit and undoing the confirm (or demoting the target to a draft) takes it
out: each TM holds what the project's confirmed targets say, no more.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workbench.core.settings import current
from workbench.core.units import Unit
from workbench.store.learned import (
    CONFIRMED,
    confirmation,
    drop_confirmation,
    record_confirmation,
    segment_place,
    state,
)
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory

#: The project's own TM, in its folder.
PROJECT_TM = "tm.sqlite"


def project_tm_path(folder: str | Path) -> Path:
    """The project's TM file."""
    return Path(folder) / PROJECT_TM


def learned_key(project: Project, segment_key: str, lang: str) -> str:
    """What a unit learned from a segment is filed under: project folder, segment, language."""
    return learned_keys(project)(segment_key, lang)


def learned_keys(project: Project) -> Callable[[str, str], str]:
    """:func:`learned_key` for many segments of ``project``: (segment key, lang) -> key.

    The folder's real path (a system call per folder level) is resolved once, not per key.
    """
    folder = os.path.realpath(project.folder)
    return lambda segment_key, lang: f"{folder}#{segment_key}#{lang}"


class Learner:
    """Keeps TMs in step with one project's confirmed targets."""

    def __init__(self, project: Project, tms: list[TranslationMemory], translator: str) -> None:
        """Teach ``tms`` (the project's TM, the user's TM) from ``project``."""
        self.project = project
        self.tms = tms
        self.translator = translator

    def sync(self, segment_id: int, lang: str, confirmed_now: bool = False) -> bool:
        """Make the TMs hold what the segment holds now; whether a unit is there after.

        A confirmed target is learned (replacing what was learned from the segment
        before); anything else is taken out. ``confirmed_now``: this translator has just
        confirmed it (recorded as its translator); otherwise the recorded one stays.
        """
        now = state(self.project, segment_id, lang)
        doc, key, src, prev, nxt = segment_place(self.project, segment_id)
        if not key:
            return False
        filed = learned_key(self.project, key, lang)
        if now.status not in CONFIRMED or not now.target.strip():
            drop_confirmation(self.project, segment_id, lang)
            for tm in self.tms:
                tm.forget(filed)
            return False
        known = confirmation(self.project, segment_id, lang)
        if confirmed_now or known is None:
            who, at = (
                self.translator,
                record_confirmation(self.project, segment_id, lang, self.translator),
            )
        else:
            who, at = known
        source = self.project.row(segment_id, lang).source
        unit = Unit(
            source,
            now.target,
            src,
            lang,
            prev,
            nxt,
            f"{self.project.folder.name}/{key}",
            props=(
                ("x-project", str(self.project.folder)),
                ("x-document", doc),
                ("x-segment", key),
                ("x-translator", who),
                ("x-confirmed", at),
                ("x-status", now.status),
            ),
        )
        for tm in self.tms:
            tm.learn(unit, filed)
        return True


def learn_segments(
    project: Project, tms: list[TranslationMemory], translator: str, ids: list[tuple[int, str]]
) -> int:
    """Sync the TMs for segments (id, language) an import wrote; how many were learned."""
    learner = Learner(project, tms, translator)
    return sum(learner.sync(sid, lang, confirmed_now=True) for sid, lang in ids)


def open_learning_tms(project_folder: str | Path, glossary=None) -> list[TranslationMemory]:
    """The project's TM and the user's default TM, opened for writing (name-aware)."""
    user = current().user_tm
    paths = [project_tm_path(project_folder), user]
    out: list[TranslationMemory] = []
    for p in dict.fromkeys(Path(os.path.realpath(x)) for x in paths):
        out.append(TranslationMemory(p, glossary))
    return out

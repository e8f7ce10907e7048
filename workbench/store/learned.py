"""What a project keeps for the TM it teaches: who confirmed each target, and neighbours.

``confirmations`` (schema 4) holds the translator who confirmed a segment's target and
when; it names them in the TM units learned from it and in the article's front matter.
"""

from __future__ import annotations

from workbench.store.db import transaction
from workbench.store.history import State, read_state
from workbench.store.project import Project, Provenance, now

CONFIRMED = ("translated", "reviewed", "final")


def segment_place(project: Project, segment_id: int) -> tuple[str, str, str, str, str]:
    """(document, segment key, source language, previous source, next source) of a segment.

    The neighbours are the segments before and after it in its document ('' at an end).
    """
    got = project.con.execute(
        "SELECT s.doc_id, d.name, s.key, d.lang, s.para, s.sent FROM segments s "
        "JOIN documents d ON d.id = s.doc_id WHERE s.id = ?",
        (segment_id,),
    ).fetchone()
    if got is None:
        return "", "", "en", "", ""
    doc_id, doc, key, lang, para, sent = got
    prev = project.con.execute(
        "SELECT source FROM segments WHERE doc_id = ? AND (para, sent) < (?, ?) "
        "ORDER BY para DESC, sent DESC LIMIT 1",
        (doc_id, para, sent),
    ).fetchone()
    nxt = project.con.execute(
        "SELECT source FROM segments WHERE doc_id = ? AND (para, sent) > (?, ?) "
        "ORDER BY para, sent LIMIT 1",
        (doc_id, para, sent),
    ).fetchone()
    return doc, key, lang, prev[0] if prev else "", nxt[0] if nxt else ""


def record_confirmation(project: Project, segment_id: int, lang: str, translator: str) -> str:
    """Note that ``translator`` confirmed the segment's target now; the time recorded."""
    at = now()
    with transaction(project.con, project.path):
        project.con.execute(
            "INSERT OR REPLACE INTO confirmations (segment_id, lang, translator, at) "
            "VALUES (?, ?, ?, ?)",
            (segment_id, lang, translator, at),
        )
    return at


def drop_confirmation(project: Project, segment_id: int, lang: str) -> None:
    """The target is no longer confirmed: forget who confirmed it."""
    with transaction(project.con, project.path):
        project.con.execute(
            "DELETE FROM confirmations WHERE segment_id = ? AND lang = ?", (segment_id, lang)
        )


def confirmation(project: Project, segment_id: int, lang: str) -> tuple[str, str] | None:
    """(translator, time) of the segment's confirmation, or None."""
    return project.con.execute(
        "SELECT translator, at FROM confirmations WHERE segment_id = ? AND lang = ?",
        (segment_id, lang),
    ).fetchone()


def confirmations(project: Project, lang: str) -> dict[int, tuple[str, str]]:
    """Segment id -> (translator, time) of every confirmation in ``lang``."""
    return {
        sid: (who, at)
        for sid, who, at in project.con.execute(
            "SELECT segment_id, translator, at FROM confirmations WHERE lang = ?", (lang,)
        )
    }


def write_drafts(
    project: Project,
    lang: str,
    drafts: list[tuple[int, tuple[str, str], str, Provenance]],
) -> list[tuple[int, int]]:
    """Write several drafts in one transaction: (segment id, history row id) of those written.

    Each of ``drafts`` is (segment id, (target, status) expected, text, provenance): a
    compare-and-set, so a segment that changed since it was read is left as it is.
    """
    written = []
    with transaction(project.con, project.path):
        for sid, expect, text, prov in drafts:
            hid = project.set_translation(sid, lang, text, "draft", prov, expect=expect)
            if hid is not None:
                written.append((sid, hid))
    return written


def state(project: Project, segment_id: int, lang: str) -> State:
    """The stored state of a segment's translation."""
    return read_state(project.con, segment_id, lang)


def last_edited(project: Project, langs: list[str]) -> tuple[int, str] | None:
    """(segment id, language) of the project's last recorded edit in one of ``langs``."""
    marks = ",".join("?" * len(langs))
    return project.con.execute(
        f"SELECT segment_id, lang FROM history WHERE lang IN ({marks}) AND undone = 0 "
        "ORDER BY id DESC LIMIT 1",
        langs,
    ).fetchone()

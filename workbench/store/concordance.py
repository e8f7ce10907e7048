"""Concordance: every TM unit whose source or target contains a word or phrase.

Case-insensitive; in Arabic script, diacritics and tatweel are ignored, as the app's search
ignores them. SQLite narrows the units with LIKE on the first letters of the phrase
(both sides), and each candidate is checked on its folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.errors import InputError

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(text: str) -> str:
    """The form compared: no Arabic diacritics or tatweel, case folded, spaces collapsed."""
    return " ".join(_MARKS.sub("", text).casefold().split())


@dataclass(frozen=True)
class Hit:
    """One unit that contains the phrase, and on which side."""

    source: str
    target: str
    src_lang: str
    tgt_lang: str
    origin: str
    side: str  # source | target | both

    def as_json(self) -> dict[str, str]:
        """The JSON object of ``tm concordance --json``."""
        return dict(self.__dict__)


def concordance(
    con, text: str, src: str | None = None, tgt: str | None = None, limit: int = 50
) -> list[Hit]:
    """Units (of one language pair, or all) whose source or target contains ``text``."""
    q = fold(text)
    if not q:
        raise InputError("nothing to search for: the text is empty")
    # the longest run of the query without marks narrows the scan in SQL
    probe = max(_MARKS.sub("", text).split(), key=len).replace("%", "").replace("_", "")
    sql = "SELECT source, target, src_lang, tgt_lang, origin FROM units WHERE "
    args: list[object] = []
    if src and tgt:
        sql += "src_lang = ? AND tgt_lang = ? AND "
        args += [src, tgt]
    if probe and not _MARKS.search(text):
        sql += "(source LIKE ? OR target LIKE ?) "
        args += [f"%{probe}%", f"%{probe}%"]
    else:
        sql += "1 "
    sql += "ORDER BY id"
    hits = []
    for source, target, s, t, origin in con.execute(sql, args):
        ins, int_ = q in fold(source), q in fold(target)
        if not (ins or int_):
            continue
        side = "both" if ins and int_ else ("source" if ins else "target")
        hits.append(Hit(source, target, s, t, origin, side))
        if len(hits) >= limit:
            break
    return hits

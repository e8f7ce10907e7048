"""``project analyze``: words and segments per document and language, in CAT-tool bands.

Each segment falls in one band, in project order: **repetition** (its source repeats an
earlier segment of the project: whitespace, case and name spellings through the glossary
aside), else by its best TM match: **101** (context), **100**, **95-99**, **85-94**,
**75-84**, **50-74**, else **new**. Words are counted as a newsroom bills them: the
whitespace tokens of the source. A segment's own confirmed target, which the TM learned
when it was confirmed, is not a match of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.errors import WorkbenchError
from workbench.core.repetitions import repetition_key
from workbench.services.learning import learned_keys
from workbench.services.progress import Progress
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory
from workbench.store.tm_best import Probe, best_scores

BANDS = ("repetition", "101", "100", "95-99", "85-94", "75-84", "50-74", "new")


def band_of(score: float | None) -> str:
    """The band of a best TM match score (None: no match of 50 or more)."""
    if score is None or score < 50:
        return "new"
    if score >= 101:
        return "101"
    if score >= 100:
        return "100"
    for low, name in ((95, "95-99"), (85, "85-94"), (75, "75-84")):
        if score >= low:
            return name
    return "50-74"


@dataclass
class Counts:
    """Segments and words in each band."""

    segments: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))

    def add(self, band: str, words: int) -> None:
        """Count one segment of ``words`` words in ``band``."""
        self.segments[band] += 1
        self.words[band] += words

    def merge(self, other: Counts) -> None:
        """Add another's counts to these."""
        for b in BANDS:
            self.segments[b] += other.segments[b]
            self.words[b] += other.words[b]

    def as_json(self) -> dict[str, object]:
        """Per band {segments, words}, and the totals."""
        return {
            "bands": {b: {"segments": self.segments[b], "words": self.words[b]} for b in BANDS},
            "segments": sum(self.segments.values()),
            "words": sum(self.words.values()),
        }


@dataclass
class Analysis:
    """Counts per (document, language), and the totals per language."""

    documents: list[tuple[str, str, Counts]]
    totals: dict[str, Counts]

    def as_json(self) -> dict[str, object]:
        """The JSON of ``project analyze --json``."""
        return {
            "bands": list(BANDS),
            "documents": [
                {"document": d, "lang": lang, **c.as_json()} for d, lang, c in self.documents
            ],
            "totals": {lang: c.as_json() for lang, c in self.totals.items()},
        }


def analyze(
    folder: str,
    langs: list[str],
    tm: TranslationMemory | None,
    finder=None,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse the project's documents for each of ``langs`` against ``tm`` (may be None).

    Each segment is looked up once for every language (see :mod:`workbench.store.tm_best`),
    a repetition not at all. A unit the TM learned from a segment (when it was confirmed) is
    not a match of that segment: a confirmed target does not make its own segment a 101.
    ``finder`` (default: the TM's) finds the names repetitions are compared through.
    ``progress`` is called with the segments x languages done.
    """
    with Project.open(folder, readonly=True) as project:
        docs = {name: src for _, name, src, _ in project.documents()}
        rows = project.rows(langs[0]) if langs else []
        key_of = learned_keys(project)
        own = {r.segment_id: {lang: key_of(r.key, lang) for lang in langs} for r in rows}
    finder = finder if finder is not None else (tm.finder if tm is not None else None)
    per_doc: dict[str, dict[str, Counts]] = {lang: {} for lang in langs}
    seen: set[str] = set()
    for i, r in enumerate(rows):
        words = len(r.source.split())
        key = repetition_key(r.source, docs[r.doc], finder)
        if key in seen:
            bands = dict.fromkeys(langs, "repetition")
        else:
            seen.add(key)
            scores = _best(tm, rows, i, docs[r.doc], langs, own[r.segment_id])
            bands = {lang: band_of(scores[lang]) for lang in langs}
        for lang in langs:
            per_doc[lang].setdefault(r.doc, Counts()).add(bands[lang], words)
        if progress:
            progress(len(langs))
    out: list[tuple[str, str, Counts]] = []
    totals = {lang: Counts() for lang in langs}
    for lang in langs:
        for doc, counts in per_doc[lang].items():
            out.append((doc, lang, counts))
            totals[lang].merge(counts)
    return Analysis(out, totals)


def _best(
    tm: TranslationMemory | None,
    rows: list,
    i: int,
    src: str,
    langs: list[str],
    own: dict[str, str],
) -> dict[str, float | None]:
    """The best TM score of row ``i`` in each language (with its neighbours, for a 101)."""
    r = rows[i]
    if tm is None or not r.source.strip():
        return dict.fromkeys(langs, None)
    prev = rows[i - 1].source if i and rows[i - 1].doc == r.doc else ""
    nxt = rows[i + 1].source if i + 1 < len(rows) and rows[i + 1].doc == r.doc else ""
    try:
        return best_scores(tm, Probe(r.source, src, prev, nxt, own), langs, threshold=50)
    except WorkbenchError:
        return dict.fromkeys(langs, None)

"""The score line: chrF per segment, BLEU and chrF per document, post-editing effort.

Where the project holds a reference translation (``workbench project add-reference``, or
a ``STORY.LANG.md`` beside the opened document), the line shows the current segment's
chrF against its reference passage and the document's BLEU and chrF over the passages
translated so far (sacrebleu). HTER is the TER of a segment's machine draft against the
text the translator confirmed, from the project's history.

Document scores are computed by this widget's own worker thread a moment after the last
edit (its own timer), so typing never waits; the result comes back as a ``Computed``
message to the widget, and both the timer and the worker end when the widget does.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from workbench.core.scoring import document_scores, hter, segment_chrf
from workbench.store.project import Project
from workbench.tui.segment_view import Row

#: Seconds after the last change before the document scores are computed again.
DELAY = 0.4
CONFIRMED = ("translated", "reviewed", "final")


class ScoreLine(Static):
    """One line under the QA line: ``[ar] segment chrF … · HTER … · document BLEU …``."""

    DEFAULT_CSS = "ScoreLine { height: 1; color: $text-muted; }"

    class Show(Message):
        """Score ``row`` (None: no segment) in ``lang``."""

        bubble = False

        def __init__(self, row: Row | None, lang: str) -> None:
            """The segment and language to score."""
            super().__init__()
            self.row, self.lang = row, lang

    class TargetsChanged(Message):
        """Targets changed: compute the document scores again once the edits pause."""

        bubble = False

    class Computed(Message):
        """The worker's document scores, per language."""

        bubble = False

        def __init__(self, scores: dict[str, str]) -> None:
            """Language -> its document scores line."""
            super().__init__()
            self.scores = scores

    def __init__(self, project: Project, rows: list[Row], langs: list[str], **kw) -> None:
        """Scores of ``rows`` (every segment of the project) in ``langs``."""
        super().__init__("", **kw)
        self.project = project
        self.langs = langs
        self.doc_scores: dict[str, str] = {}
        self._row: Row | None = None
        self._lang = langs[0]
        self._timer: Timer | None = None
        self._hter_seen: dict[tuple[str, str], float] = {}  # (draft, text) -> HTER
        self._load_references(rows)

    def _load_references(self, rows: list[Row]) -> None:
        """Read the reference passages of the shown languages from the project."""
        pos = {row.segment_id: i for i, row in enumerate(rows)}
        self.refs: dict[str, dict[int, tuple[int, str]]] = {}
        self.ref_groups: dict[str, dict[int, list[Row]]] = {}  # head -> its rows, in order
        for lang in self.langs:
            refs = self.project.references(lang)
            groups: dict[int, list[int]] = {}
            for sid, (head, _) in refs.items():
                if sid in pos:
                    groups.setdefault(head, []).append(pos[sid])
            self.refs[lang] = refs
            self.ref_groups[lang] = {
                head: [rows[i] for i in sorted(at)] for head, at in groups.items()
            }

    def on_mount(self) -> None:
        """Compute the document scores once the first screen is drawn."""
        self.call_after_refresh(self.compute)

    def _passage(self, lang: str, head: int) -> tuple[str, str]:
        """(the targets of a reference group joined, its reference text)."""
        members = self.ref_groups[lang][head]
        hyp = " ".join(t for row in members if (t := row.targets.get(lang, "")))
        return hyp, self.refs[lang][members[0].segment_id][1]

    def line(self) -> str:
        """The current segment's chrF and HTER, then the document's scores."""
        row, lang = self._row, self._lang
        if row is None:
            return ""
        parts = []
        ref = self.refs.get(lang, {}).get(row.segment_id)
        if ref is not None:
            hyp, text = self._passage(lang, ref[0])
            if hyp:
                parts.append(f"segment chrF {segment_chrf(hyp, text):.1f}")
        confirmed = row.status.get(lang) in CONFIRMED
        effort = self.project.hter(row.segment_id, lang) if confirmed else None  # every move
        if effort is not None:
            parts.append(f"HTER {effort:.1f}")
        doc = self.doc_scores.get(lang)
        if doc:
            parts.append(doc)
        elif not self.refs.get(lang):
            parts.append("no reference translation to score against")
        elif lang in self.doc_scores:  # computed: nothing translated yet
            parts.append("a reference is loaded; nothing translated to score yet")
        return f"[{lang}] " + " · ".join(parts)

    def on_score_line_show(self, message: Show) -> None:
        """Score the segment now shown."""
        self._row, self._lang = message.row, message.lang
        self.update(Text(self.line()))

    def on_score_line_targets_changed(self, _: TargetsChanged) -> None:
        """Compute the document scores again once the edits pause (this widget's timer)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DELAY, self.compute)

    def compute(self) -> None:
        """Start this widget's worker on the document scores of every shown language."""
        self._timer = None
        # the store is read here (its connection belongs to this thread); the passages are
        # joined and scored in the worker, so a large project's edits never wait on them
        edits = {lang: self.project.post_edits(lang) for lang in self.langs}
        self.run_worker(partial(self._job, edits), thread=True, group="scores", exclusive=True)

    def _job(self, edits: dict[str, list[tuple[int, str, str]]]) -> None:
        """The worker: sacrebleu over the translated passages; mean HTER over post-edits."""
        worker = get_current_worker()
        out = {}
        for lang in self.langs:
            passages = [self._passage(lang, head) for head in self.ref_groups[lang]]
            pairs, total = [p for p in passages if p[0]], len(passages)
            parts = []
            if pairs:
                bleu, chrf = document_scores([h for h, _ in pairs], [r for _, r in pairs], lang)
                parts.append(f"document BLEU {bleu:.1f} chrF {chrf:.1f} ({len(pairs)}/{total})")
            efforts = []
            for _, draft, text in edits[lang]:
                if worker.is_cancelled:
                    return
                key = (draft, text)  # unchanged post-edits are not scored again
                if key not in self._hter_seen:
                    self._hter_seen[key] = hter(draft, text)
                efforts.append(self._hter_seen[key])
            if efforts:
                parts.append(f"mean HTER {sum(efforts) / len(efforts):.1f} ({len(efforts)})")
            out[lang] = " · ".join(parts)
        if not worker.is_cancelled:  # to this widget: dropped if it is gone meanwhile
            self.post_message(self.Computed(out))

    def on_score_line_computed(self, message: Computed) -> None:
        """Show the document scores the worker computed."""
        self.doc_scores = message.scores
        self.update(Text(self.line()))

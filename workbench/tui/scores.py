"""Scores in the app: chrF per segment, BLEU and chrF per document, post-editing effort.

Where the project holds a reference translation (``workbench project add-reference``, or
a ``STORY.LANG.md`` beside the opened document), the score line shows the current
segment's chrF against its reference passage and the document's BLEU and chrF over the
passages translated so far (sacrebleu). HTER is the TER of a segment's machine draft
against the text the translator confirmed, from the project's history. Document scores
are computed in a background thread a moment after the last edit, so typing never waits.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static
from textual.worker import get_current_worker

from workbench.core.scoring import document_scores, hter, segment_chrf
from workbench.tui.segment_view import Row

#: Seconds after the last change before the document scores are computed again.
DELAY = 0.4


class ScoresMixin:
    """Scores of WorkbenchApp: one line under the QA line."""

    def load_references(self) -> None:
        """Read the reference passages of the shown languages from the project."""
        pos = {row.segment_id: i for i, row in enumerate(self.all_rows)}
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
                head: [self.all_rows[i] for i in sorted(at)] for head, at in groups.items()
            }
        self.doc_scores: dict[str, str] = {}
        self._hter_seen: dict[tuple[str, str], float] = {}  # (draft, text) -> HTER
        self._scores_timer = None

    def _passage(self, lang: str, head: int) -> tuple[str, str]:
        """(the targets of a reference group joined, its reference text)."""
        members = self.ref_groups[lang][head]
        hyp = " ".join(t for row in members if (t := row.targets.get(lang, "")))
        return hyp, self.refs[lang][members[0].segment_id][1]

    def score_line(self) -> str:
        """The current segment's chrF and HTER, then the document's scores."""
        row, lang = self.row, self.lang
        if row is None:
            return ""
        parts = []
        ref = self.refs.get(lang, {}).get(row.segment_id)
        if ref is not None:
            hyp, text = self._passage(lang, ref[0])
            if hyp:
                parts.append(f"segment chrF {segment_chrf(hyp, text):.1f}")
        confirmed = row.status.get(lang) in ("translated", "reviewed", "final")
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

    def show_scores(self) -> None:
        """Redraw the score line."""
        self.query_one("#scores", Static).update(Text(self.score_line()))

    def scores_changed(self) -> None:
        """A target changed: recompute the document scores once the edits pause."""
        if self._scores_timer is not None:
            self._scores_timer.stop()
        self._scores_timer = self.set_timer(DELAY, self.compute_document_scores)

    def compute_document_scores(self) -> None:
        """Start the background computation of the document scores of every shown language."""
        self._scores_timer = None
        self.query_one("#header").update(self.header_text())  # the progress counts too
        # the store is read here (its connection belongs to this thread); the passages are
        # joined and scored in the worker, so a large project's edits never wait on them
        edits = {lang: self.project.post_edits(lang) for lang in self.langs}
        self.run_worker(
            lambda: self._scores_job(edits), thread=True, group="scores", exclusive=True
        )

    def _scores_job(self, edits: dict[str, list[tuple[int, str, str]]]) -> None:
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
        if not worker.is_cancelled:
            self.call_from_thread(self._scores_done, out)

    def _scores_done(self, out: dict[str, str]) -> None:
        self.doc_scores = out
        self.show_scores()

"""Machine translation in the app: a background thread worker that Esc cancels.

The engine is built and run in a worker thread, so the table keeps answering while a
model loads and translates. Each finished chunk is handed to the app's thread, which
writes it to the project store as drafts with their provenance (SQLite connections
stay in the thread that opened them). Without an installed model the user is told the
command that gets one, and the memory engine fills what the TM can.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.worker import get_current_worker

from workbench.core.errors import WorkbenchError
from workbench.core.plural import counted
from workbench.engines.base import Cancelled
from workbench.tui.segment_view import Row, origin_label

#: Segments per engine call. Esc also stops a model inside a call (engines poll
#: ``should_stop`` at every decoding step), so this only sets how often drafts land.
CHUNK = 4


#: What t, T and Ctrl+T translate.
SCOPES = {
    "document": "the rest of this document",
    "segment": "this segment",
    "all": "every document, into every shown language",
}


class MTMixin:
    """MT actions of WorkbenchApp: t, T, Ctrl+T (see SCOPES); Esc cancels."""

    engine_for: Callable[[str], object] | None
    mt_running: bool = False

    def mt_todo(self, scope: str) -> list[tuple[str, list[Row]]]:
        """(language, rows) to translate for ``scope`` (see SCOPES)."""
        row = self.row
        if row is None:
            return []
        if scope == "segment":
            ok = row.status.get(self.lang, "new") in ("new", "draft")
            return [(self.lang, [row])] if ok else []
        if scope == "document":
            doc = row.key.split(":")[0]
            at = self.all_rows.index(row)
            rows = [r for r in self.all_rows[at:] if r.key.split(":")[0] == doc]
            return [(self.lang, [r for r in rows if r.status.get(self.lang, "new") == "new"])]
        return [
            (lang, [r for r in self.all_rows if r.status.get(lang, "new") == "new"])
            for lang in self.langs
        ]

    def action_translate(self, scope: str = "document") -> None:
        """Machine-translate ``scope`` in the background: drafts with their provenance."""
        if self.mt_running:
            self.notify("MT is already running (Esc cancels)")
            return
        jobs = [(lang, rows) for lang, rows in self.mt_todo(scope) if rows]
        if not jobs:
            what = "this segment is confirmed" if scope == "segment" else "nothing left"
            self.notify(f"{what}: nothing to translate into {self.lang}")
            return
        # what each row held when asked: a result lands only where nobody wrote since
        seen = {
            (id(r), lang): (r.status.get(lang, "new"), r.targets.get(lang, ""))
            for lang, rows in jobs
            for r in rows
        }
        self.mt_running = True
        self.mt_done = 0
        self.mt_written = 0  # drafts written (no match, or a translator there first: none)
        self.mt_kept = 0  # not written: the segment changed while the model ran
        self.mt_flagged = 0  # drafts whose glossary names the model lost
        self.mt_empty = 0  # no usable model output: left untranslated
        self.mt_group: list[int] = []  # the history rows of this job: one action for u
        self.remember_action(self.mt_group)
        total = sum(len(rows) for _, rows in jobs)
        self._mt_progress(0, total)
        self.run_worker(
            lambda: self._mt_job(jobs, seen, total), thread=True, group="mt", exclusive=True
        )

    def action_cancel_mt(self) -> None:
        """Stop the running MT job; what it finished stays in the store."""
        if self.mt_running:
            self.workers.cancel_group(self, "mt")

    def _mt_engine(self, lang: str):
        """The model for ``lang``, else (told why) the memory engine, else None."""
        from workbench.services import MemoryEngine

        self.call_from_thread(self.notify, f"translating into {lang}… (Esc cancels)")
        try:
            if self.engine_for is None:
                raise WorkbenchError("no MT engine configured")
            return self.engine_for(lang)
        except WorkbenchError as e:
            if self.tm is None:
                self.call_from_thread(self.notify, str(e), severity="error")
                return None
            self.call_from_thread(
                self.notify, f"{e}; using the translation memory meanwhile", severity="warning"
            )
            from workbench.store.tm import TranslationMemory

            # a connection of this thread's own: SQLite connections stay in their thread
            return MemoryEngine(TranslationMemory(self.tm.path, self.tm.glossary))

    def _mt_job(self, jobs: list[tuple[str, list[Row]]], seen: dict, total: int) -> None:
        """The worker: translate each language's rows chunk by chunk until done or cancelled."""
        worker = get_current_worker()
        try:
            for lang, rows in jobs:
                if worker.is_cancelled or not self._mt_language(worker, lang, rows, seen, total):
                    return
        except Cancelled:
            pass  # Esc: what finished is saved, the chunk being translated is dropped
        except Exception as e:  # a model that fails mid-run: say so, keep what was saved
            self.call_from_thread(self.notify, f"MT stopped: {e}", severity="error")
        finally:
            self.call_from_thread(self._mt_finished, worker.is_cancelled)

    def _mt_language(self, worker, lang: str, rows: list[Row], seen: dict, total: int) -> bool:
        """Translate ``rows`` into ``lang`` through the pipeline; False without any engine.

        The same pipeline as ``workbench translate``: names protected and restored (a
        segment whose names the model lost is flagged), the MT cache first (the model is
        loaded only for what it lacks), each segment's own source language, and empty or
        broken output never written.
        """
        from workbench.core.settings import current
        from workbench.services.pipeline import Pipeline
        from workbench.store.mt_cache import MTCache

        engine = self._mt_engine(lang)
        if engine is None:
            return False
        memory = engine.name == "memory"
        # a connection of this thread's own: SQLite connections stay in their thread
        cacheable = getattr(engine, "cacheable", False)
        cache = MTCache(current().mt_cache) if cacheable else None
        pipe = Pipeline(engine, self.finder, cache)
        try:
            for n in range(0, len(rows), CHUNK):
                if worker.is_cancelled:
                    return True
                part = rows[n : n + CHUNK]
                src = [self.src_lang.get(r.key.split(":")[0], "en") for r in part]
                outcomes = pipe.run(
                    [r.source for r in part], src, lang, cancelled=lambda: worker.is_cancelled
                )
                if worker.is_cancelled:
                    return True
                self.call_from_thread(self._mt_apply, part, outcomes, lang, seen, total)
        finally:
            if cache is not None:
                cache.close()
            if memory:
                engine.tm.close()
        return True

    def _mt_apply(self, part: list[Row], outcomes: list, lang: str, seen: dict, total: int) -> None:
        """Write one chunk of drafts (app thread) and redraw their rows.

        A draft whose names the model lost carries the note that says which, and is
        counted in the summary; a segment without usable output stays untranslated.
        """
        for row, o in zip(part, outcomes, strict=True):
            status, target = seen[(id(row), lang)]
            if o.state == "empty":
                self.mt_empty += 1
                row.origin[lang] = f"MT: no usable output ({o.note})"
                self.view.update_segment(row.segment_id)
                continue
            if not o.text:
                continue  # no match
            # written only if the store still holds what the row held when MT was asked
            # (checked in the write's transaction): a translator here, or another program
            # (the CLI, an import), may have got there first
            prov = o.provenance
            hid = self.project.set_translation(
                row.segment_id, lang, o.text, "draft", prov, o.note or None, expect=(target, status)
            )
            if hid is None:
                self.mt_kept += 1
                self.show_stored(row, lang)  # what they wrote
                continue
            self.mt_group.append(hid)
            self.mt_written += 1
            row.targets[lang], row.status[lang] = o.text, "draft"
            row.origin[lang] = origin_label(prov.origin, prov.engine, prov.model, prov.match)
            if o.missing:  # the draft's note says which (QA shows the names too)
                self.mt_flagged += 1
            self.view.update_segment(row.segment_id)
            self.spelling_changed(row, lang)
        self.mt_done += len(part)
        self._mt_progress(self.mt_done, total)
        self._show_qa()
        self.scores_changed()

    def _mt_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#mt")
        bar.add_class("running")
        bar.update(total=total, progress=done)

    def _mt_finished(self, cancelled: bool) -> None:
        self.mt_running = False
        self.query_one("#mt").remove_class("running")
        drafts = f"{counted(self.mt_written, 'draft')} written"
        kept = f", {self.mt_kept} kept as someone changed them meanwhile" if self.mt_kept else ""
        flagged = f", {self.mt_flagged} flagged for lost names" if self.mt_flagged else ""
        empty = (
            f", {self.mt_empty} left untranslated (no usable MT output)" if self.mt_empty else ""
        )
        none = self.mt_done - self.mt_written - self.mt_kept - self.mt_empty
        why = flagged + empty + kept + (f", {none} without a translation" if none else "")
        self.notify(
            f"MT cancelled after {counted(self.mt_done, 'segment')}: {drafts}{flagged}{empty}{kept}"
            if cancelled
            else f"MT done: {drafts}{why}"
        )

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
from workbench.core.name_guard import Guarded, protect, restore
from workbench.store.project import Provenance
from workbench.tui.segment_view import origin_label

#: Segments per engine call: small enough that Esc is answered within one chunk.
CHUNK = 4


class MTMixin:
    """Actions of WorkbenchApp that run MT: t translates the rest, Esc cancels."""

    engine_for: Callable[[str], object] | None
    mt_running: bool = False

    def action_translate_rest(self) -> None:
        """Translate every untranslated segment from the current one on, in the background."""
        if self.mt_running:
            self.notify("MT is already running (Esc cancels)")
            return
        start = self.view.current
        todo = [  # row positions, so that finished rows are redrawn without a search
            i
            for i in range(start, len(self.rows))
            if self.rows[i].status.get(self.lang, "new") == "new"
        ]
        if not todo:
            self.notify(f"nothing left to translate into {self.lang}")
            return
        self.mt_running = True
        self.mt_done = 0
        self._mt_progress(0, len(todo))
        lang = self.lang
        self.run_worker(lambda: self._mt_job(todo, lang), thread=True, group="mt", exclusive=True)

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

    def _mt_job(self, todo: list[int], lang: str) -> None:
        """The worker: translate ``todo`` chunk by chunk until done or cancelled."""
        from workbench.engines.base import DecodeOptions

        worker = get_current_worker()
        engine = None
        try:
            engine = self._mt_engine(lang)
            if engine is None:
                return
            memory = engine.name == "memory"
            options = DecodeOptions()
            for n in range(0, len(todo), CHUNK):
                if worker.is_cancelled:
                    return
                at = todo[n : n + CHUNK]
                part = [self.rows[i] for i in at]
                src = [self.src_lang.get(r.key.split(":")[0], "en") for r in part]
                guarded = [
                    Guarded(r.source, []) if memory else protect(r.source, s, lang, self.finder)
                    for r, s in zip(part, src, strict=True)
                ]
                outs = engine.translate([g.text for g in guarded], src[0], lang, options)
                texts = [
                    restore(o, g, lang, self.finder).text if o else ""
                    for o, g in zip(outs, guarded, strict=True)
                ]
                if memory:
                    provs = [
                        Provenance("memory", match=m, tm_origin=engine.model_id)
                        for m in engine.last_matches
                    ]
                else:
                    prov = Provenance("machine", engine.name, engine.model_id, engine.checksum)
                    provs = [prov] * len(part)
                if worker.is_cancelled:
                    return
                self.call_from_thread(self._mt_apply, at, texts, provs, lang, len(todo))
        except Exception as e:  # a model that fails mid-run: say so, keep what was saved
            self.call_from_thread(self.notify, f"MT stopped: {e}", severity="error")
        finally:
            if engine is not None and getattr(engine, "name", "") == "memory":
                engine.tm.close()
            self.call_from_thread(self._mt_finished, worker.is_cancelled)

    def _mt_apply(
        self, at: list[int], texts: list[str], provs: list, lang: str, total: int
    ) -> None:
        """Write one chunk of drafts (app thread) and redraw their rows (positions ``at``)."""
        for i, text, prov in zip(at, texts, provs, strict=True):
            row = self.rows[i]
            if not text or row.status.get(lang, "new") != "new":
                continue  # no match, or the translator got there first
            self.project.set_translation(row.segment_id, lang, text, "draft", prov)
            row.targets[lang], row.status[lang] = text, "draft"
            row.origin[lang] = origin_label(prov.origin, prov.engine, prov.model, prov.match)
            self.view.update_row(i)
        self.mt_done += len(at)
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
        self.notify(
            f"MT cancelled after {self.mt_done} segments"
            if cancelled
            else f"MT done: {self.mt_done} segments"
        )

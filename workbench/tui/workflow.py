"""How the app's writes reach the rest of the workflow: TMs, repetitions, other translators.

- A confirm goes into the project's TM and the user's TM at once, with its context and
  origin, through a writer thread of its own (:mod:`workbench.tui.learner_thread`); an
  undo, a demotion to draft, or another translator's change is synced the same way.
- A confirm is copied to the project's repetitions that have no confirmed target, as
  ``propagated`` drafts (:mod:`workbench.services.propagation`); the confirm and the
  copies are one step for ``u``. ``propagate = false`` in settings.toml (or
  ``WORKBENCH_PROPAGATE=0``, ``open --no-propagate``) turns it off.
- Other writers of the project are noticed within a second (:mod:`workbench.tui.project_watch`)
  and their changes drawn; a save of a segment that changed under the translator is not
  written but asked about (keep mine / take theirs / view both).
- Reopening goes to the segment and language last edited (``positions.json`` in the
  workbench home, else the project's last recorded edit).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
from functools import partial
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.plural import counted
from workbench.core.repetitions import RepetitionIndex, build_index
from workbench.services.propagation import propagate
from workbench.store.db import transaction
from workbench.store.learned import last_edited, record_confirmation
from workbench.store.project import ChangedUnderYou
from workbench.tui.learner_thread import LearnerThread
from workbench.tui.project_watch import watch
from workbench.tui.rtl import visual_mixed
from workbench.tui.segment_view import Row
from workbench.tui.widgets.conflict_dialog import ConflictDialog

CONFIRMED = ("translated", "reviewed", "final")
POSITIONS = "positions.json"


def status_word(row: Row, lang: str) -> str:
    """The status of a target in words: new, draft, propagated, translated, reviewed, final."""
    status = row.status.get(lang, "new")
    if status == "draft" and row.origin.get(lang, "").startswith("propagated"):
        return "propagated"
    return status


class WorkflowMixin:
    """TM learning, propagation, other writers and the reopen position, for WorkbenchApp."""

    rep_index: RepetitionIndex | None = None
    learner: LearnerThread | None = None
    conflict_open: bool = False

    def init_workflow(self, settings, home: Path | None) -> None:
        """Take the settings (translator, propagate) and where positions are kept."""
        self.settings = settings
        self.home = home
        self.by_id = {row.segment_id: row for row in self.all_rows}
        self.last_edit: tuple[str, str] | None = None

    # --- starting and stopping -----------------------------------------------------------

    def start_workflow(self) -> None:
        """On mount: the TM writer, the repetition index, the watcher; the last position."""
        glossary = getattr(self.tm, "glossary", None) if self.tm is not None else None
        if self.settings is not None:
            self.learner = LearnerThread(
                self.project.folder, glossary, self.settings.translator, self._learner_error
            )
            self.learner.start()
        # the repetition index takes a moment on a big project (1 s for 100,000 segments
        # with plain keys, more with names through the glossary): a thread builds the plain
        # one, then the name-aware one, while the first screen is drawn; a confirm that
        # comes before either builds the plain one itself (propagate_from). The watcher runs
        # in another thread. Plain threads, not workers: they live as long as the app
        # (tests wait for workers to complete) and hand results to the UI thread without
        # waiting on it
        self._loop = asyncio.get_running_loop()
        self._stop = threading.Event()
        for job in (self._watch_job, self._index_job):
            threading.Thread(target=job, daemon=True, name="workbench-workflow").start()
        if self.settings is not None:
            self._go_to_last_position()

    def _to_ui(self, fn, *args) -> None:
        """Run ``fn(*args)`` on the UI thread soon (dropped once the app is closing)."""
        if self._stop.is_set():
            return
        with contextlib.suppress(RuntimeError):  # the loop is closed
            self._loop.call_soon_threadsafe(fn, *args)

    def repetition_segments(self) -> list[tuple[int, str, str, str]]:
        """(segment id, document, source language, source) of every row, in project order."""
        out = []
        for r in self.all_rows:
            doc = r.key.split(":")[0]
            out.append((r.segment_id, doc, self.src_lang.get(doc, "en"), r.source))
        return out

    def _index_job(self) -> None:
        segments = self.repetition_segments()
        plain = build_index(segments, None, self._stop.is_set)
        if len(plain) == len(segments):
            self._to_ui(self._plain_index_ready, plain)
        if self.finder is None:
            return
        index = build_index(segments, self.finder, self._stop.is_set)
        if len(index) == len(segments):
            self._to_ui(setattr, self, "rep_index", index)

    def _plain_index_ready(self, index: RepetitionIndex) -> None:
        if self.rep_index is None:  # (the name-aware one, or one built on demand, stays)
            self.rep_index = index

    def _watch_job(self) -> None:
        watch(
            self.project.path,
            list(self.langs),
            lambda pairs: self._to_ui(self.external_changes, pairs),
            self._stop.is_set,
        )

    def _learner_error(self, message: str) -> None:
        self._to_ui(partial(self.notify, message, severity="error", timeout=15))

    def stop_workflow(self) -> None:
        """On unmount: write what the TM writer still holds; keep the position."""
        if getattr(self, "_stop", None) is not None:
            self._stop.set()
        if self.learner is not None:
            self.learner.stop()
        self._save_position()

    # --- writing --------------------------------------------------------------------------

    def store_edit(
        self, row: Row, lang: str, text: str, status: str, base: tuple[str, str] | None
    ) -> bool:
        """Commit a translator's save or confirm; False when it changed under them.

        ``base`` is (target, status) as the translator began from; when the store holds
        something else, nothing is written and a dialog asks what to keep. A confirm is
        propagated to the repetitions and learned by the TMs; the confirm and its
        propagated copies are one action for ``u``.
        """
        confirmed = status in CONFIRMED
        written: list[tuple[int, int]] = []
        try:
            # the confirm and its propagated copies: one transaction, one durable commit
            with transaction(self.project.con, self.project.path):
                hid = self.project.save_edit(row.segment_id, lang, text, status, expect=base)
                if hid is not None and confirmed:
                    written = self.propagate_from(row, lang)
                    if self.learner is not None:  # who confirmed it: the TMs' units say
                        record_confirmation(
                            self.project, row.segment_id, lang, self.settings.translator
                        )
        except ChangedUnderYou as e:
            self.ask_conflict(row, lang, text, status, e.now)
            return False
        self.last_edit = (row.key, lang)
        if hid is None:
            return True
        ids = [hid, *self.show_propagated(lang, written)]
        self.remember_action(ids)
        self.learn(row.segment_id, lang)  # who confirmed it was recorded in the commit
        return True

    def propagate_from(self, row: Row, lang: str) -> list[tuple[int, int]]:
        """Copy ``row``'s confirmed target to its repetitions: (segment id, history id) each.

        Inside the confirm's transaction: a failure here (said in a note) rolls back only
        the copies, never the confirm.
        """
        if self.settings is None or not self.settings.propagate:
            return []
        if self.rep_index is None:  # a confirm before the thread's index: plain keys now
            self.rep_index = build_index(self.repetition_segments(), None)
        try:
            with transaction(self.project.con, self.project.path):  # a savepoint of its own
                return propagate(self.project, self.rep_index, row.segment_id, lang, row.key)
        except WorkbenchError as e:
            self.notify(f"not propagated: {e}", severity="error", timeout=15)
            return []

    def show_propagated(self, lang: str, written: list[tuple[int, int]]) -> list[int]:
        """Show the copies a confirm wrote (once committed); their history row ids."""
        for sid, _ in written:
            other = self.by_id.get(sid)
            if other is not None:
                self.show_stored(other, lang)
        if written:
            n = len(written)
            self.notify(
                f"copied to {counted(n, 'repetition', thousands=False)} as propagated drafts "
                "(u undoes the confirm and the copies)"
            )
        return [hid for _, hid in written]

    def learn(self, segment_id: int, lang: str, confirmed_now: bool = False) -> None:
        """Have the TMs hold what the segment holds now (in the writer thread)."""
        if self.learner is not None:
            self.learner.sync(segment_id, lang, confirmed_now)

    def history_stepped(self, pairs: list[tuple[int, str]]) -> None:
        """An undo or redo changed these (segment, language) pairs: sync the TMs."""
        for sid, lang in pairs:
            self.learn(sid, lang)

    # --- another writer -------------------------------------------------------------------

    def external_changes(self, pairs: list[tuple[int, str]]) -> None:
        """The watcher saw these change in the store: draw what the store holds now."""
        if not self.is_running:
            return
        for sid, lang in pairs:
            row = self.by_id.get(sid)
            if row is None or lang not in self.langs:
                continue
            r = self.project.row(sid, lang)
            if (row.targets.get(lang, ""), row.status.get(lang, "new")) == (r.target, r.status):
                continue  # our own write, already drawn
            self.show_stored(row, lang)
            editing = self.query_one("#edit").has_class("editing")
            if editing and self.edit_row is row and self.edit_lang == lang:
                self.notify(
                    f"{row.key} [{lang}] was just changed by someone else ({r.status}); "
                    "your confirm will ask which to keep",
                    severity="warning",
                    timeout=10,
                )

    def ask_conflict(self, row: Row, lang: str, text: str, status: str, theirs) -> None:
        """Ask keep mine / take theirs / view both for a save that found newer work."""
        self.conflict_open = True
        self.show_stored(row, lang)  # theirs, in the table
        from_line = self.query_one("#edit").has_class("editing")

        def chosen(choice: str | None) -> None:
            self.conflict_open = False
            if choice == "mine":
                if self._save(text, status, row, lang, base=(theirs.target, theirs.status)):
                    if from_line:
                        self._close_edit()
                    if status in CONFIRMED:
                        self.action_next_unconfirmed()
            elif choice == "theirs":
                self.show_stored(row, lang)
                if from_line:
                    self._close_edit()
                self.notify(f"{row.key} [{lang}]: their text kept, yours dropped")
            elif from_line:
                self.screen.set_focus(self.query_one("#edit"))  # not now: my text stays

        def show(t: str) -> str:
            return visual_mixed(t, self.rtl_mode)

        self.push_screen(
            ConflictDialog(f"{row.key} [{lang}]", text, theirs.target, theirs.status, show),
            chosen,
        )

    # --- where the translator left off ----------------------------------------------------

    def _positions_file(self) -> Path | None:
        return self.home / POSITIONS if self.home is not None else None

    def _save_position(self) -> None:
        path = self._positions_file()
        if path is None or self.last_edit is None:
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            if not isinstance(data, dict):
                data = {}
        except (OSError, ValueError):
            data = {}
        key, lang = self.last_edit
        data[os.path.realpath(self.project.folder)] = {"segment": key, "lang": lang}
        try:
            from workbench.services.files import write_text

            path.parent.mkdir(parents=True, exist_ok=True)
            write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except (OSError, WorkbenchError):
            pass  # a read-only home: the project's last edit is the fallback

    def _go_to_last_position(self) -> None:
        """Put the cursor where the translator last edited (segment and language)."""
        target: tuple[Row | None, str] | None = None
        path = self._positions_file()
        if path is not None and path.is_file():
            try:
                got = json.loads(path.read_text(encoding="utf-8")).get(
                    os.path.realpath(self.project.folder)
                )
            except (OSError, ValueError, AttributeError):
                got = None
            if isinstance(got, dict):
                row = next((r for r in self.all_rows if r.key == got.get("segment")), None)
                target = (row, str(got.get("lang", "")))
        if target is None or target[0] is None:
            last = last_edited(self.project, list(self.langs))
            if last is not None:
                target = (self.by_id.get(last[0]), last[1])
        if target is None or target[0] is None:
            return
        row, lang = target
        self.go_to_segment(row.segment_id, lang if lang in self.langs else self.lang)

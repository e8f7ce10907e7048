"""Undo and redo in the app: the session's last action anywhere, and one segment's history.

``u`` takes back the last action of this session wherever it was (an edit, a confirm, a
review mark, a TM match put in, the drafts of one MT run), and goes there: the cursor
moves to that segment and language. ``r`` does again what ``u`` took back last, until a
new action comes. ``U`` / ``R`` step through the history of the segment under the cursor
instead (every edit the project recorded for it, in earlier sessions and by other
programs too). Both restore text, status, provenance and the machine draft together.

A step is applied only where the segment still holds what the action left there (the
store checks, in the step's transaction): work done since, here or by another program,
is never overwritten; the note says so.
"""

from __future__ import annotations

from workbench.tui.segment_view import Row, origin_label


class HistoryMixin:
    """The undo and redo actions of WorkbenchApp, over a session-wide action stack."""

    def init_history(self) -> None:
        """Empty undo and redo stacks: lists of actions, each a list of history row ids."""
        self.undo_stack: list[list[int]] = []
        self.redo_stack: list[list[int]] = []

    def remember_action(self, ids: list[int]) -> None:
        """Push one action (its history row ids; a list MT may still extend) for ``u``."""
        self.undo_stack.append(ids)
        self.redo_stack.clear()  # a new action ends what r could bring back

    def remember(self, hid: int | None) -> None:
        """Push one history row as an action (None: nothing was written, nothing to push)."""
        if hid is not None:
            self.remember_action([hid])

    def action_undo(self) -> None:
        """Undo the last action of this session, wherever it was, and go there."""
        self._session_step(undo=True)

    def action_redo(self) -> None:
        """Redo the action undone last (until a new action comes), and go there."""
        self._session_step(undo=False)

    def _session_step(self, undo: bool) -> None:
        stack, other = self.undo_stack, self.redo_stack
        if not undo:
            stack, other = other, stack
        word = "undo" if undo else "redo"
        while stack:
            ids = stack[-1]
            if getattr(self, "mt_running", False) and ids is getattr(self, "mt_group", None):
                self.notify(f"MT is still writing these drafts: Esc stops it, then {word}")
                return
            stack.pop()
            if not ids:
                continue  # an MT run that wrote nothing
            step = self.project.undo_entries if undo else self.project.redo_entries
            results = step(list(ids))
            done = [(sid, lang) for outcome, sid, lang in results if outcome == "done"]
            changed = [(sid, lang) for outcome, sid, lang in results if outcome == "changed"]
            if not done and not changed:
                continue  # taken back already (U on that segment): the next action
            for sid, lang in done + changed:
                self.reload_target(sid, lang)
            self.history_stepped(done)  # the TMs hold what the segments hold now
            first = min(done or changed, key=lambda x: self._position(x[0]))
            self.go_to_segment(*first)
            if done:
                other.append(ids)
            self.notify(self._step_note(word, done, changed))
            return
        self.notify(f"nothing to {word} in this session (U / R: this segment's history)")

    def _step_note(self, word: str, done: list, changed: list) -> str:
        """What a session step did, in one line."""
        if done:
            what = self._label(*done[0]) if len(done) == 1 else f"{len(done)} segments"
            text = f"{'undone' if word == 'undo' else 'redone'}: {what}"
        else:
            text = f"cannot {word}: {self._label(*changed[0])} changed since"
        if done and changed:
            text += f"; {len(changed)} changed since, left as they are"
        return text

    def action_undo_segment(self) -> None:
        """Undo the last edit of the segment under the cursor (its own history)."""
        self._segment_step(undo=True)

    def action_redo_segment(self) -> None:
        """Redo the edit of the segment under the cursor undone last."""
        self._segment_step(undo=False)

    def _segment_step(self, undo: bool) -> None:
        row = self.row
        if row is None:
            return
        word = "undo" if undo else "redo"
        step = self.project.undo if undo else self.project.redo
        if not step(row.segment_id, self.lang):
            self.notify(f"nothing to {word} in {row.key} [{self.lang}]")
            return
        self.reload_target(row.segment_id, self.lang)
        self.history_stepped([(row.segment_id, self.lang)])
        # said as u / r say it, with the status it left: U may step back several times
        done = "undone" if undo else "redone"
        status = row.status.get(self.lang, "new")
        self.notify(f"{done}: {self._label(row.segment_id, self.lang)}, now {status}")

    # --- rows ----------------------------------------------------------------------------

    def _row_of(self, segment_id: int) -> Row | None:
        return next((r for r in self.all_rows if r.segment_id == segment_id), None)

    def _position(self, segment_id: int) -> int:
        row = self._row_of(segment_id)
        return self.all_rows.index(row) if row is not None else 0

    def _label(self, segment_id: int, lang: str) -> str:
        row = self._row_of(segment_id)
        return f"{row.key if row else segment_id} [{lang}]"

    def reload_target(self, segment_id: int, lang: str) -> None:
        """Take a target (text, status, provenance) from the store and redraw it."""
        row = self._row_of(segment_id)
        if row is None or lang not in self.langs:
            return
        self.show_stored(row, lang)

    def show_stored(self, row: Row, lang: str) -> None:
        """Show what the store holds for ``row`` in ``lang`` (text, status, origin)."""
        r = self.project.row(row.segment_id, lang)
        row.targets[lang], row.status[lang] = r.target, r.status
        row.origin[lang] = origin_label(r.origin, r.engine, r.model, r.match)
        at = self.view.index_of(row)
        if at is not None:
            self.target_changed(at, lang)
        else:
            self.spelling_changed(row, lang)

    def go_to_segment(self, segment_id: int, lang: str) -> None:
        """Put the cursor on a segment in ``lang`` (lifting a filter that hides it)."""
        row = self._row_of(segment_id)
        if row is None:
            return
        if lang in self.langs and lang != self.lang:
            self.lang = lang
            self.sub_title = f"editing {lang}"
            if self.filter_name != "all":
                self.apply_filter(self.filter_name)
        at = self.view.index_of(row)
        if at is None and self.filter_name != "all":
            self.apply_filter("all")
            at = self.view.index_of(row)
        if at is not None:
            self.view.current = at
        self._show_qa()

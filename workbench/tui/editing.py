"""Editing in the app: the edit line, saving, confirming, drafts (undo: history_actions).

Enter opens the edit line on the current target; Enter there (or Ctrl+Enter / F8)
confirms it (translated, committed at once) and moves to the next unconfirmed segment;
Ctrl+S keeps it as a draft; Ctrl+G inserts a glossary name of the source; Esc cancels.
An edit belongs to the row and language it was opened on, whatever moves meanwhile.
"""

from __future__ import annotations

from textual.widgets import Input, Static

from workbench.store.project import Provenance
from workbench.tui.rtl import visual_mixed
from workbench.tui.rtl_edit import RtlInput
from workbench.tui.segment_view import RTL, Row, origin_label

#: Statuses in the order a segment reaches them.
STATUS_RANK = {"new": 0, "draft": 1, "translated": 2, "reviewed": 3, "final": 4}

HINT = "Enter: edit   Ctrl+Enter/F8: confirm   Tab: language   f: filter   ?: help"
EDIT_HINT = "Enter: confirm   Ctrl+S: keep as draft   Ctrl+G: glossary name   Esc: cancel"
# (the hints name the default keys; ? lists the keys in force after a keys.toml)


class EditingMixin:
    """The edit line and everything that writes a target, for WorkbenchApp."""

    def action_edit(self) -> None:
        """Open the edit line on the current target."""
        if self.row is None:
            return
        edit = self.query_one("#edit", RtlInput)
        # the edit belongs to this row and language, whatever moves meanwhile (a worker's
        # filter or search result)
        self.edit_row, self.edit_lang = self.row, self.lang
        edit.rtl = self.lang in RTL and self.rtl_mode == "app"
        edit.value = self.row.targets.get(self.lang, "")
        edit.add_class("editing")
        edit.focus()
        self.query_one("#hint", Static).update(EDIT_HINT)

    def action_keep_draft(self) -> None:
        """In the edit line: keep the text as a draft (not confirmed) and close the line."""
        edit = self.query_one("#edit", RtlInput)
        if edit.has_focus:
            self._save_edit("draft")
            self._close_edit()

    def action_insert_name(self) -> None:
        """Insert a glossary name of the source (opening the edit line if needed)."""
        edit = self.query_one("#edit", RtlInput)
        if not edit.has_focus:
            self.action_edit()
        self.insert_name(edit)

    def segment_names(self, row: Row) -> list:
        """The glossary entries named in a segment's source, in order, each once."""
        if self.finder is None:
            return []
        src = self.src_lang.get(row.key.split(":")[0], "en")
        entries = {h.entry.id: h.entry for h in self.finder.find(row.source, src, nested=False)}
        return list(entries.values())

    def insert_name(self, edit: Input) -> None:
        """Ctrl+G in the edit line: insert the glossary form of a name of the source.

        The first name the text still lacks; when none is missing, each name in turn.
        """
        row, lang = self.edit_row, self.edit_lang
        names = [e for e in self.segment_names(row) if e.preferred(lang)] if row else []
        if not names:
            self.notify(f"no glossary name with a {lang} form in this segment")
            return
        present = {h.entry.id for h in self.finder.find(edit.value, lang, nested=False)}
        missing = [e for e in names if e.id not in present]
        if missing:
            pick = missing[0]
        else:
            pick = names[self.name_turn % len(names)]
            self.name_turn += 1
        form = pick.preferred(lang)
        before = edit.value[: edit.cursor_position]
        edit.insert_text_at_cursor(form if not before or before[-1].isspace() else " " + form)
        self.notify(visual_mixed(f"{pick.en} → {form}", self.rtl_mode))

    def _close_edit(self) -> None:
        edit = self.query_one("#edit", Input)
        edit.remove_class("editing")
        self.query_one("#hint", Static).update(HINT)
        self.view.focus()
        self._show_qa()  # the stored target's QA, not what was typed

    def _save(self, text: str, status: str, row: Row | None = None, lang: str = "") -> None:
        """Commit a target (the current one unless ``row`` and ``lang``) to the project."""
        row, lang = row or self.row, lang or self.lang
        if row is None:
            return
        # unchanged text keeps its origin (memory 100%, the machine's engine and model);
        # changed text becomes the translator's, with the machine draft kept for HTER
        self.remember(self.project.save_edit(row.segment_id, lang, text, status))
        self.show_stored(row, lang)

    def _save_edit(self, status: str) -> None:
        """Commit the edit line's text to the row and language it was opened on."""
        edit = self.query_one("#edit", RtlInput)
        self._save(edit.value, status, self.edit_row, self.edit_lang)

    def action_confirm(self) -> None:
        """Confirm the current target, then go to the next unconfirmed segment.

        In the edit line it confirms the text typed, as Enter does.
        """
        if self.query_one("#edit", RtlInput).has_focus:
            self._save_edit("translated")
            self._close_edit()
            self.action_next_unconfirmed()
            return
        row = self.row
        if row is not None and row.targets.get(self.lang):
            self._save(row.targets[self.lang], "translated")
            self.action_next_unconfirmed()

    def action_mark(self, status: str) -> None:
        """Mark the current target reviewed (or final): a review.

        The text and its provenance stay; then go to the next segment below that status.
        """
        row = self.row
        if row is None or not row.targets.get(self.lang):
            self.notify("nothing to review here: the segment has no translation yet")
            return
        self.remember(self.project.set_status(row.segment_id, self.lang, status))
        row.status[self.lang] = status
        self.target_changed(self.view.current)
        rank = STATUS_RANK[status]
        n = len(self.rows)
        for k in range(1, n + 1):
            i = (self.view.current + k) % n
            if STATUS_RANK[self.rows[i].status.get(self.lang, "new")] < rank:
                self.view.current = i
                return

    def action_insert_match(self, n: int) -> None:
        """Put TM match n into the current target (a draft, from memory)."""
        row = self.row
        if row is None or n >= len(self.matches):
            return
        m = self.matches[n]
        hid = self.project.set_translation(
            row.segment_id,
            self.lang,
            m.target,
            "draft",
            Provenance("memory", match=m.score, tm_origin=m.origin),
        )
        self.remember(hid)
        row.targets[self.lang], row.status[self.lang] = m.target, "draft"
        row.origin[self.lang] = origin_label("memory", None, None, m.score)
        self.target_changed(self.view.current)

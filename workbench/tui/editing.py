"""Editing in the app: the edit line, saving, confirming, drafts (undo: history_actions).

Enter opens the edit line on the current target; Enter there (or Ctrl+Enter / F8)
confirms it (translated, committed at once) and moves to the next unconfirmed segment;
Ctrl+S keeps it as a draft; Ctrl+G inserts a glossary name of the source; Esc cancels.
An edit belongs to the row and language it was opened on, whatever moves meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Static

from workbench.core.errors import WorkbenchError
from workbench.store.project import Provenance
from workbench.tui.edit_line import EditLine
from workbench.tui.name_insert import insert_form
from workbench.tui.notices import say
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

    #: The text a first Esc warned about (a second Esc on the same text discards it).
    discard_armed: str | None = None

    def action_edit(self) -> None:
        """Open the edit line on the current target."""
        if self.row is None:
            return
        self.dismiss_greeting()
        edit = self.query_one("#edit", RtlInput)
        if edit.has_class("editing"):  # still open (a click took the focus): back to it,
            self.screen.set_focus(edit)  # the typing kept
            return
        # the edit belongs to this row and language, whatever moves meanwhile (a worker's
        # filter or search result)
        self.edit_row, self.edit_lang = self.row, self.lang
        # what the translator began from: a save that finds other work there asks first
        row = self.row
        self.edit_base = (row.targets.get(self.lang, ""), row.status.get(self.lang, "new"))
        self.discard_armed = None
        edit.rtl = self.lang in RTL and self.rtl_mode == "app"
        edit.value = self.row.targets.get(self.lang, "")
        edit.cursor_position = len(edit.value)  # post-editing: at the end, nothing selected
        edit.add_class("editing")
        # focus at once, not on a later tick: keys typed right after Enter (already queued)
        # must reach the edit line, not the table
        self.screen.set_focus(edit)
        self.query_one("#hint", Static).update(EDIT_HINT)

    def action_keep_draft(self) -> None:
        """In the edit line: keep the text as a draft (not confirmed) and close the line."""
        edit = self.query_one("#edit", EditLine)
        if edit.is_focused:
            edit.run_in_turn(self.keep_draft)  # behind the keys typed before Ctrl+S

    def keep_draft(self) -> None:
        """Keep the edit line's text as a draft and close the line (unless not saved)."""
        if self._save_edit("draft"):
            self._close_edit()

    def action_insert_name(self) -> None:
        """Insert a glossary name of the source (opening the edit line if needed)."""
        self.in_edit_line(self.insert_name)

    def in_edit_line(self, do: Callable[[EditLine], None]) -> None:
        """Run ``do`` on the edit line, opening it if needed, behind the keys typed before."""
        edit = self.query_one("#edit", EditLine)
        if not edit.is_focused:
            self.action_edit()
        if edit.is_focused:
            edit.run_in_turn(lambda: do(edit))  # where the typing got to

    def segment_names(self, row: Row) -> list:
        """The glossary entries named in a segment's source, in order, each once."""
        if self.finder is None:
            return []
        src = self.src_lang.get(row.key.split(":")[0], "en")
        entries = {h.entry.id: h.entry for h in self.finder.find(row.source, src, nested=False)}
        return list(entries.values())

    def names_to_insert(self, edit: Input) -> tuple[list, dict[str, str]] | None:
        """The source's glossary names with a form in the edit's language, and those it holds.

        The second part maps the id of each name the edit line already has to the spelling
        found there (a listed variant, say, not the preferred form). None, with a notice
        under the edit line, when the source has no glossary name, or none with a form in
        the language edited.
        """
        row, lang = self.edit_row, self.edit_lang
        named = self.segment_names(row) if row else []
        names = [e for e in named if e.preferred(lang)]
        if not names:
            # said under the edit line, where the translator is looking (a toast went unseen)
            if named:
                said = f"no {lang} form in the glossary for this source's names (Ctrl+L adds one)"
            else:
                said = "no glossary names in this segment's source: nothing inserted"
            say(self, said)
            return None
        present: dict[str, str] = {}
        for h in self.finder.find(edit.value, lang, nested=False):
            present.setdefault(h.entry.id, h.spelling)  # the first spelling in the text
        return names, present

    def insert_name(self, edit: Input) -> None:
        """Ctrl+G in the edit line: insert the glossary form of a name the text lacks.

        The first name of the source the text does not have yet, at the cursor (spaced as
        prose: :mod:`workbench.tui.name_insert`). When it has them all, nothing is inserted
        and one line says so, naming each as the text spells it (Ctrl+N inserts one anyway).
        """
        found = self.names_to_insert(edit)
        if found is None:
            return
        names, present = found
        lang = self.edit_lang
        missing = [e for e in names if e.id not in present]
        if not missing:
            have = ", ".join(present.get(e.id) or e.preferred(lang) for e in names)
            said = f"nothing inserted: the text has every name of the source ({have})"
            say(self, visual_mixed(said + "; Ctrl+N inserts one anyway", self.rtl_mode))
            return
        pick = missing[0]
        form = pick.preferred(lang)
        insert_form(edit, form, lang)
        # said under the edit line: a toast per name covered the English being worked on
        say(self, visual_mixed(f"inserted {pick.en} → {form}", self.rtl_mode))

    def _close_edit(self) -> None:
        edit = self.query_one("#edit", Input)
        edit.remove_class("editing")
        self.discard_armed = None
        self.query_one("#hint", Static).update(HINT)
        self.screen.set_focus(self.view)  # at once: the next key already belongs to the table
        self._show_qa()  # the stored target's QA, not what was typed

    def cancel_edit(self) -> None:
        """Esc in the edit line: close it; typed changes only after a second Esc.

        Text that differs from the stored target is not thrown away on one key: the first
        Esc says how to keep it, a second Esc (with the text unchanged since) discards it.
        """
        edit = self.query_one("#edit", RtlInput)
        row, lang = self.edit_row, self.edit_lang
        stored = row.targets.get(lang, "") if row is not None else ""
        if edit.value != stored and self.discard_armed != edit.value:
            self.discard_armed = edit.value
            question = (
                "unsaved changes: Esc again discards them, Enter confirms, Ctrl+S keeps a draft"
            )
            say(self, question, severity="warning", seconds=None)  # under the line, till it closes
            return
        self._close_edit()

    def confirm_edit(self) -> None:
        """Enter (or Ctrl+Enter / F8) in the edit line: confirm the text, go to the next.

        An empty line is no translation: it is not confirmed, and the line stays open. A
        text the store could not write (a full disk) stays in the line, to try again.
        """
        edit = self.query_one("#edit", RtlInput)
        if not edit.value.strip():
            where = f"{self.edit_row.key} [{self.edit_lang}]" if self.edit_row else ""
            self.notify(
                f"not confirmed: the line is empty, so {where} stays untranslated "
                "(type a translation, or Esc)",
                severity="warning",
            )
            return
        if self._save_edit("translated"):
            self._close_edit()
            self.action_next_unconfirmed()

    def _save(
        self,
        text: str,
        status: str,
        row: Row | None = None,
        lang: str = "",
        base: tuple[str, str] | None = None,
    ) -> bool:
        """Commit a target (the current one unless ``row`` and ``lang``) to the project.

        False, with the store's one-line reason shown, when it could not be written (a full
        disk, a read-only folder): nothing on screen changes then.
        """
        row, lang = row or self.row, lang or self.lang
        if row is None:
            return False
        try:
            # unchanged text keeps its origin (memory 100%, the machine's engine and model);
            # changed text becomes the translator's, with the machine draft kept for HTER
            # (base: what the translator began from; changed since, a dialog asks first)
            if not self.store_edit(row, lang, text, status, base):
                return False
        except WorkbenchError as e:
            self.notify(f"not saved: {e}", severity="error", timeout=30)
            return False
        self.show_stored(row, lang)
        return True

    def _save_edit(self, status: str) -> bool:
        """Commit the edit line's text to the row and language it was opened on.

        False when the store could not write it: the text stays in the open line, and the
        message says so, so that Enter (or Ctrl+S) tries again.
        """
        edit = self.query_one("#edit", RtlInput)
        row, lang = self.edit_row, self.edit_lang
        if row is not None and not edit.value and not row.targets.get(lang):
            return True  # nothing typed, nothing stored: nothing to write
        if not edit.value.strip():
            status = "new"  # a cleared target (Ctrl+S) is no draft
        if self._save(edit.value, status, row, lang, getattr(self, "edit_base", None)):
            return True
        if self.conflict_open:
            return False  # the dialog decides; the text stays in the line meanwhile
        self.notify(
            "your text is still in the edit line: free some space (or fix the folder), "
            "then press Enter again",
            severity="warning",
            timeout=30,
        )
        return False

    def action_confirm(self) -> None:
        """Confirm the current target, then go to the next unconfirmed segment.

        In the edit line it confirms the text typed, as Enter does.
        """
        edit = self.query_one("#edit", EditLine)
        if edit.is_focused:
            edit.run_in_turn(self.confirm_edit)  # the text typed before the key
            return
        row = self.row
        if row is None:
            return
        if not row.targets.get(self.lang, "").strip():
            self.notify(f"nothing to confirm: {row.key} has no {self.lang} translation yet")
            return
        base = (row.targets[self.lang], row.status.get(self.lang, "new"))
        if self._save(row.targets[self.lang], "translated", base=base):
            self.action_next_unconfirmed()

    def action_mark(self, status: str) -> None:
        """Mark the current target reviewed (or final): a review.

        The text and its provenance stay; then go to the next segment below that status.
        """
        row = self.row
        if row is None or not row.targets.get(self.lang):
            self.notify("nothing to review here: the segment has no translation yet")
            return
        try:
            self.remember(self.project.set_status(row.segment_id, self.lang, status))
        except WorkbenchError as e:  # (a full disk): nothing changed, the app stays open
            self.notify(f"not saved: {e}", severity="error", timeout=30)
            return
        row.status[self.lang] = status
        self.target_changed(self.view.current)
        self.learn(row.segment_id, self.lang, confirmed_now=True)  # the TMs: this status
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
        try:
            hid = self.project.set_translation(
                row.segment_id,
                self.lang,
                m.target,
                "draft",
                Provenance("memory", match=m.score, tm_origin=m.origin),
            )
        except WorkbenchError as e:  # (a full disk): nothing changed, the app stays open
            self.notify(f"not saved: {e}", severity="error", timeout=30)
            return
        self.remember(hid)
        self.learn(row.segment_id, self.lang)  # (a draft over a confirm: out of the TMs)
        row.targets[self.lang], row.status[self.lang] = m.target, "draft"
        row.origin[self.lang] = origin_label("memory", None, None, m.score)
        self.target_changed(self.view.current)

"""The glossary from the editor: add a name and its form (Ctrl+L), choose a name (Ctrl+N).

Ctrl+L opens :class:`~workbench.tui.widgets.name_dialog.NameDialog` on the segment being
edited (or the current one): the name in the source, its form in the language edited
(the text selected in the edit line, if any). The form is written to the glossary TSV as
one line (:func:`workbench.services.glossary_edit.add_name`, under the file's lock) and
the app takes the new glossary at once: the name finder that QA, the context panel, MT's
name protection and the spelling checks share is given the new index in place, and the
TM compares and leverages names through it (older units keep their index until
``workbench tm reindex``).

Ctrl+N in the edit line lists the source's names to insert one of them at the cursor
(:class:`~workbench.tui.widgets.name_picker.NamePicker`); Ctrl+G inserts the first one
the text lacks (none when it has them all).
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.names.name_index import NameIndex
from workbench.tui.edit_line import EditLine
from workbench.tui.name_insert import insert_form
from workbench.tui.rtl import visual_mixed
from workbench.tui.segment_view import RTL, Row
from workbench.tui.widgets.name_dialog import NameChoice, NameDialog, unknown_names
from workbench.tui.widgets.name_picker import NamePicker


def resemblance(form: str, forms: list[str]) -> float:
    """How close ``form`` (or a run of its words) comes to one of ``forms``: 0 to 1."""
    from difflib import SequenceMatcher

    words = form.split()
    best = 0.0
    for known in forms:
        size = max(1, len(known.split()))
        for i in range(max(1, len(words) - size + 1)):
            window = " ".join(words[i : i + size])
            best = max(best, SequenceMatcher(None, window, known).ratio())
    return best


#: How close a selected form must come to a name's glossary form to pick that name.
RESEMBLES = 0.75


def first_name(hits, fresh, form: str, lang: str, finder, text: str) -> tuple[int, str]:
    """(position, name) the add-a-name dialog starts on.

    The glossary name whose form the selected ``form`` resembles (a new spelling of it);
    else the first name of the source the glossary does not know; else the first known one
    whose form the target ``text`` lacks; else the first.
    """
    if form and hits:
        scored = ((resemblance(form, h.entry.forms(lang)), -h.start, h) for h in hits)
        score, _, hit = max(scored, key=lambda x: x[:2])  # the closest; on a tie, the first
        if score >= RESEMBLES:
            return hit.start, hit.surface
    if fresh:
        return fresh[0]
    if hits:
        present = {h.entry.id for h in finder.find(text, lang, nested=False)} if text else set()
        hit = next((h for h in hits if h.entry.id not in present), hits[0])
        return hit.start, hit.surface
    return 0, ""


class GlossaryMixin:
    """Ctrl+L and Ctrl+N of WorkbenchApp."""

    # --- adding a name ---------------------------------------------------------------------

    def glossary_path(self) -> Path | None:
        """The glossary file the app's names come from (None: no glossary)."""
        if self.finder is None:
            return None
        source = getattr(self.finder.index.glossary, "source", "")
        return Path(source) if source and not source.startswith("<") else None

    def action_add_name(self) -> None:
        """Open the dialog that adds a name of the source and its form to the glossary."""
        edit = self.query_one("#edit", EditLine)
        if edit.is_focused:
            edit.run_in_turn(lambda: self._open_name_dialog(edit))
        else:
            self._open_name_dialog(None)

    def _open_name_dialog(self, edit: EditLine | None) -> None:
        row, lang = (self.edit_row, self.edit_lang) if edit is not None else (self.row, self.lang)
        if row is None:
            return
        if self.glossary_path() is None:
            self.notify("no glossary TSV is open: names cannot be added", severity="warning")
            return
        form = ""
        if edit is not None:
            a, b = sorted((edit.selection.start, edit.selection.end))
            form = edit.value[a:b].strip()
        src = self.src_lang.get(row.key.split(":")[0], "en")
        hits = self.finder.find(row.source, src, nested=False)
        fresh = unknown_names(row.source, [(h.start, h.end) for h in hits])
        text = edit.value if edit is not None else row.targets.get(lang, "")
        position, name = first_name(hits, fresh, form, lang, self.finder, text)

        def chosen(choice: NameChoice | None) -> None:
            if choice is not None:
                self.add_name(row, lang, choice)

        rtl = lang in RTL and self.rtl_mode == "app"
        known = lambda en: self.name_known(en, src, lang)  # noqa: E731

        def type_of(en: str) -> str | None:
            entry = self._entry_of(en, src)
            return entry.type if entry is not None else None

        names = sorted({(h.start, h.surface) for h in hits} | set(fresh))
        self.push_screen(
            NameDialog(
                row.source, lang, name, position, form, known, rtl, type_of=type_of, names=names
            ),
            chosen,
        )

    def _entry_of(self, en: str, src: str):
        """The glossary entry the name ``en`` is, when the finder takes all of it as one."""
        hits = self.finder.find(en, src, nested=False) if en.strip() else []
        if len(hits) == 1 and hits[0].surface.strip() == en.strip():
            return hits[0].entry
        return None

    def name_known(self, en: str, src: str, lang: str) -> str:
        """What the glossary has for ``en``: what adding a form will do."""
        entry = self._entry_of(en, src)
        if entry is None:
            return f"not in the glossary: adding makes a new entry for {en}"
        forms = ", ".join(entry.forms(lang)) or "none yet"
        text = f"in the glossary as {entry.id} ({entry.en}); {lang}: {forms}; a new form is added"
        return visual_mixed(text, self.rtl_mode)

    def add_name(self, row: Row, lang: str, choice: NameChoice) -> None:
        """Write the name's form to the glossary and use the new glossary at once."""
        from workbench.services.glossary_edit import add_name

        src = self.src_lang.get(row.key.split(":")[0], "en")
        entry = self._entry_of(choice.en, src)
        try:
            added = add_name(
                self.glossary_path(),
                choice.en,
                lang,
                choice.form,
                entry.id if entry is not None else None,
                choice.type,
            )
        except WorkbenchError as e:
            self.notify(f"not added: {e}", severity="error", timeout=15)
            return
        if added.how == "known":
            self.notify(
                visual_mixed(f"{choice.en} → {choice.form}: in the glossary already", self.rtl_mode)
            )
            return
        self.glossary_changed(added.glossary)
        what = {"new": "new entry", "form": "its form", "variant": "a variant"}[added.how]
        tm_note = (
            "; the TM's units naming it are re-indexed in the background"
            if self.refresh_tm(added.glossary, added.entry.id)
            else ""
        )
        self.notify(
            visual_mixed(
                f"glossary: {choice.en} → {choice.form} ({what}, {added.entry.id}) in "
                f"{added.path.name}; QA and MT use it now{tm_note}",
                self.rtl_mode,
            )
        )

    def refresh_tm(self, glossary, entry_id: str) -> bool:
        """Re-index the TM's units naming ``entry_id`` in a thread; False: no TM to do.

        The thread has its own connection and stops with the app (the TM then still says
        it needs ``workbench tm reindex``, which is then true); done, the TM carries the
        new glossary's fingerprint, so the next open does not ask for a reindex.
        """
        import threading

        tm = self.tm
        path = getattr(tm, "path", None)
        if tm is None or path is None or getattr(tm, "finder", None) is None:
            return False
        stop = getattr(self, "_stop", None) or threading.Event()

        def job() -> None:
            from workbench.services.tm_glossary import refresh_for_entries
            from workbench.store.tm import TranslationMemory

            try:
                with TranslationMemory(path, glossary) as memory:
                    done = refresh_for_entries(memory, [entry_id], stop.is_set)
            except WorkbenchError as e:
                self._to_ui(self.notify, f"TM not re-indexed: {e}", severity="warning")
                return
            if done.finished:
                self._to_ui(self._tm_refreshed, done)

        self.tm_refresh = threading.Thread(target=job, daemon=True, name="workbench-tm-names")
        self.tm_refresh.start()
        return True

    def _tm_refreshed(self, done) -> None:
        """The thread finished: the app's TM takes the codes and state it wrote."""
        self.tm.names_reindexed()
        self.context_panel.forget_matches()
        self._show_qa()

    def glossary_changed(self, glossary) -> None:
        """Take the glossary as the file now holds it, everywhere names are found."""
        index = NameIndex(glossary)
        self.finder.index = index  # the one finder QA, the panel, MT and spellings share
        tm = self.tm
        if tm is not None and getattr(tm, "finder", None) is not None:
            tm.glossary = glossary
            tm.finder.index = index
        self.context_panel.forget_matches()
        self._show_qa()

    # --- choosing a name to insert ---------------------------------------------------------

    def action_choose_name(self) -> None:
        """List the source's glossary names; insert the one chosen at the cursor."""
        self.in_edit_line(self.choose_name)

    def choose_name(self, edit: EditLine) -> None:
        """Show the picker over the edit line (a single name is inserted at once)."""
        found = self.names_to_insert(edit)
        if found is None:
            return
        names, present = found
        lang = self.edit_lang
        labels = [
            visual_mixed(
                f"{e.en} → {e.preferred(lang)}"
                + ("" if e.id in present else "   (not in the text)"),
                self.rtl_mode,
            )
            for e in names
        ]
        first = next((i for i, e in enumerate(names) if e.id not in present), 0)

        def chosen(index: int | None) -> None:  # at once, before the keys typed after it
            self.screen.set_focus(edit)
            if index is not None:
                insert_form(edit, names[index].preferred(lang), lang)

        if len(names) == 1:
            insert_form(edit, names[0].preferred(lang), lang)
            return
        keys = self.keymap.get("choose_name", "ctrl+n").split(",")
        self.push_screen(NamePicker(labels, first, chosen, [k.strip() for k in keys]))

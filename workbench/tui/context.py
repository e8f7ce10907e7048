"""What the app shows about the current segment: QA, scores and the context panel.

The QA line checks the stored target, or the edit line's text as it is typed; the panel
lists the segment's glossary names with their forms, where the draft came from, and up
to three translation-memory matches (keys 1-3 insert one).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static

from workbench.core.qa import check_segment
from workbench.tui.rtl import visual, visual_mixed
from workbench.tui.segment_view import RTL, Row, wrap


class ContextMixin:
    """The QA line and the context panel of WorkbenchApp."""

    def _show_qa(self) -> None:
        row = self.row
        qa = self.query_one("#qa", Static)
        if row is None:
            qa.update("")
            return
        src = self.src_lang.get(row.key.split(":")[0], "en")
        qa.update(self.qa_text(row, row.targets.get(self.lang, "")))
        self.show_scores()
        self._show_context(row, src)

    def qa_text(self, row: Row, target: str, typing: bool = False) -> Text:
        """The QA line for ``target`` as the translation of ``row`` in the current language."""
        src = self.src_lang.get(row.key.split(":")[0], "en")
        warnings = check_segment(row.source, target, src, self.lang, self.finder)
        warnings += self.spelling_warnings(row, self.lang, target)
        text = "; ".join(w.message for w in warnings)
        where = f"{row.key} [{self.lang}{', as typed' if typing else ''}] "
        line = where + (f"⚠ {text}" if text else "✓ no QA warning")
        # one line: cut to the width before the Arabic in it is put in visual order
        width = self.query_one("#qa").size.width or self.size.width
        # Text, not markup: "[ar]" and a translation's own brackets are shown as they are
        return Text(visual_mixed(line[:width], self.rtl_mode))

    def on_input_changed(self, event: Input.Changed) -> None:
        """QA as the translator types: warnings appear and clear before the edit is saved."""
        if event.input.id == "find":  # an Arabic or Sorani query is shown right to left
            event.input.rtl = self.rtl_mode == "app" and any(
                "\u0600" <= c <= "\u06ff" for c in event.value
            )
            return
        if event.input.id == "edit" and event.input.has_class("editing") and self.edit_row:
            self.query_one("#qa", Static).update(self.qa_text(self.edit_row, event.value, True))

    def _show_context(self, row: Row, src: str) -> None:
        """Glossary names of the segment with their forms, and TM matches (keys 1-3)."""
        lines = []
        made_by = row.origin.get(self.lang, "")
        if made_by and row.targets.get(self.lang):
            lines.append(f"{self.lang} {row.status.get(self.lang, 'new')} from {made_by}")
        for entry in self.segment_names(row):
            lines.append(name_line(entry, self.langs))
        self.matches = []
        if self.tm is not None:
            key = (row.segment_id, self.lang)
            if key not in self.tm_seen:  # each save and MT chunk redraws: look up once
                self.tm_seen[key] = self.tm.lookup(row.source, src, self.lang, limit=3)
            self.matches = self.tm_seen[key]
        panel = self.query_one("#context", Static)
        width = max(panel.size.width or self.size.width, 20)
        shown = [visual_mixed(part, self.rtl_mode) for x in lines for part in wrap(x, width)]
        for n, m in enumerate(self.matches, start=1):  # a translation: its own direction
            label = f"[{n}] {m.score:.0f}%  "
            for k, part in enumerate(wrap(m.target, width - len(label))):
                text = visual(part, self.rtl_mode) if self.lang in RTL else part
                shown.append((label if k == 0 else " " * len(label)) + text)
        panel.update(Text("\n".join(shown[:6])))


def name_line(entry, langs: list[str]) -> str:
    """A glossary entry for the panel: English with variants, then ar, ckb and kmr forms.

    The shown languages come first with their variants (so the translator sees which
    spellings are accepted); Kurmanji is added whenever the glossary has it.
    """
    order = [*langs, *(x for x in ("ar", "ckb", "kmr") if x not in langs)]
    parts = []
    for lang in order:
        forms = entry.forms(lang)
        if forms:
            also = f" ({', '.join(forms[1:3])})" if lang in langs and len(forms) > 1 else ""
            parts.append(f"{lang}: {forms[0]}{also}")
    variants = f" ({', '.join(entry.en_variants[:3])})" if entry.en_variants else ""
    return f"▸ {entry.en}{variants}  " + "  ".join(parts)

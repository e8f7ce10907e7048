"""What the app shows about the current segment: the QA line, and word to the panels.

The QA line checks the stored target, or the edit line's text as it is typed. The score
line, the context panel and the header are widgets of their own (``tui/widgets/``): on a
move or a change the app posts them a typed Message and each updates itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static

from workbench.core.qa import check_segment
from workbench.tui.rtl import visual_mixed
from workbench.tui.segment_view import Row
from workbench.tui.widgets.context_panel import ContextPanel
from workbench.tui.widgets.header import ProjectHeader
from workbench.tui.widgets.score_line import ScoreLine


class ContextMixin:
    """The QA line of WorkbenchApp, and the messages to its panels."""

    qa_line: Static
    score_line: ScoreLine
    context_panel: ContextPanel
    header_bar: ProjectHeader

    def compose_panels(self) -> None:
        """Make the header, QA line, score line and context panel (``compose`` yields them)."""
        every = lambda: self.all_rows  # noqa: E731 (read when drawn: never a stale list)
        self.header_bar = ProjectHeader(every, self.langs, self.rtl_mode, id="header")
        self.qa_line = Static("", id="qa")
        self.score_line = ScoreLine(self.project, self.all_rows, self.langs, id="scores")
        self.context_panel = ContextPanel(
            every,
            self.langs,
            self.rtl_mode,
            self.src_lang,
            self.finder,
            self.tm,
            id="context",
        )

    @property
    def matches(self) -> list:
        """The TM matches of the current segment: those its panel shows (keys 1-3)."""
        return self.context_panel.matches_for(self.row, self.lang)

    def _show_qa(self) -> None:
        """Show the current segment's QA; tell the score line and context panel."""
        if not self.is_running:
            return  # the app is closing: its screen may already be gone
        row = self.row
        self.score_line.post_message(ScoreLine.Show(row, self.lang))
        self.context_panel.post_message(ContextPanel.Show(row, self.lang))
        self.qa_line.update(self.qa_text(row, row.targets.get(self.lang, "")) if row else "")

    def scores_changed(self) -> None:
        """Targets changed: the document scores and the header's progress, once edits pause."""
        self.score_line.post_message(ScoreLine.TargetsChanged())
        self.header_bar.post_message(ProjectHeader.Changed())

    def filter_shown(self, label: str) -> None:
        """A filter was applied: the header says what it shows."""
        self.header_bar.post_message(ProjectHeader.Filtered(label))

    def qa_text(self, row: Row, target: str, typing: bool = False) -> Text:
        """The QA line for ``target`` as the translation of ``row`` in the current language."""
        src = self.src_lang.get(row.key.split(":")[0], "en")
        warnings = check_segment(row.source, target, src, self.lang, self.finder)
        warnings += self.spelling_warnings(row, self.lang, target)
        text = "; ".join(w.message for w in warnings)
        from workbench.tui.workflow import status_word

        state = "" if typing else status_word(row, self.lang) + " · "  # in words
        where = f"{row.key} [{self.lang}{', as typed' if typing else ''}] {state}"
        line = where + (f"⚠ {text}" if text else "✓ no QA warning")
        # one line: cut to the width before the Arabic in it is put in visual order
        width = self.qa_line.size.width or self.size.width
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
            self.qa_line.update(self.qa_text(self.edit_row, event.value, True))

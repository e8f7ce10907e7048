"""Concordance in the app: every TM unit holding a word or phrase, both sides shown.

``c`` on the table opens it. Type a word or phrase, Enter searches the translation memory
(case-insensitive; Arabic diacritics and tatweel ignored, as everywhere); Tab chooses the
side searched: either, the source only, or the target only. Each hit shows its source,
its target (Arabic and Sorani drawn right to left, on the right) with the phrase marked,
and where the unit came from. The search runs in a thread on its own connection, so a
large TM never holds the screen. Esc closes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.core.errors import WorkbenchError
from workbench.core.find_replace import Finder
from workbench.core.plural import noun, verb
from workbench.tui.marked import marked_line, right_aligned
from workbench.tui.rtl_edit import RtlInput
from workbench.tui.segment_view import RTL, wrap

#: The sides searched, in the order Tab goes through them.
SIDES = ("either", "source", "target")
#: Hits shown at most.
LIMIT = 50


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


class ConcordanceScreen(ModalScreen[None]):
    """Search the TM for a phrase; list the units holding it, both sides."""

    DEFAULT_CSS = """
    ConcordanceScreen { align: center middle; }
    ConcordanceScreen > Vertical { width: 90%; height: 90%; background: $panel;
        border: thick $accent; padding: 0 1; }
    #conc-query { height: 3; }
    #conc-status { height: 1; color: $text-muted; }
    #conc-scroll { height: 1fr; }
    """
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("tab", "side", "Side searched", priority=True),
    ]

    def __init__(self, tm_path: Path | None, src: str, tgt: str, rtl_mode: str, query: str = ""):
        """Search the TM at ``tm_path`` (None: there is none) in the pair ``src``-``tgt``."""
        super().__init__()
        self.tm_path, self.src, self.tgt = tm_path, src, tgt
        self.rtl_mode = rtl_mode
        self.side = "either"
        self.first_query = query
        self.hits: list = []  # what the last search found (after the side filter)

    def compose(self) -> ComposeResult:
        """The query line, a status line, the hits."""
        with Vertical():
            line = RtlInput(self.first_query, placeholder="word or phrase", id="conc-query")
            yield line
            yield Static(self._status(""), id="conc-status")
            with VerticalScroll(id="conc-scroll"):
                yield Static("", id="conc-hits")

    def on_mount(self) -> None:
        """The query line has the focus."""
        self.query_one("#conc-query", RtlInput).focus()
        if self.first_query:
            self.search(self.first_query)

    def _status(self, what: str) -> Text:
        pair = f"{self.src}→{self.tgt}"
        keys = "Enter: search   Tab: side   Esc: close"
        return Text(f"concordance {pair}, side: {self.side}   {what}   ({keys})")

    def on_input_changed(self, event: RtlInput.Changed) -> None:
        """An Arabic query is typed right to left in app mode."""
        event.input.rtl = self.rtl_mode == "app" and _arabic(event.value)

    def on_input_submitted(self, event: RtlInput.Submitted) -> None:
        """Enter: search for what is typed."""
        event.stop()
        self.search(event.value)

    def action_side(self) -> None:
        """Tab: search the next side (either, source, target), again at once."""
        self.side = SIDES[(SIDES.index(self.side) + 1) % len(SIDES)]
        query = self.query_one("#conc-query", RtlInput).value
        if query.strip():
            self.search(query)
        else:
            self.query_one("#conc-status", Static).update(self._status(""))

    def action_close(self) -> None:
        """Esc: back to the table."""
        self.dismiss(None)

    def search(self, query: str) -> None:
        """Look ``query`` up in a thread; the hits are drawn when it answers."""
        if not query.strip():
            self.query_one("#conc-status", Static).update(self._status("type a word or phrase"))
            return
        if self.tm_path is None:
            self.query_one("#conc-status", Static).update(
                self._status("no translation memory is open")
            )
            return
        self.query_one("#conc-status", Static).update(self._status("searching…"))
        self._search(query, self.side)

    @work(thread=True, exclusive=True, group="concordance")
    def _search(self, query: str, side: str) -> None:
        from workbench.store.concordance import concordance
        from workbench.store.tm import TranslationMemory

        try:
            with TranslationMemory(self.tm_path, readonly=True) as tm:
                found = concordance(tm.con, query, self.src, self.tgt, limit=LIMIT * 4)
        except WorkbenchError as e:
            self.app.call_from_thread(self._show_error, str(e))
            return
        kept = [h for h in found if side == "either" or h.side in (side, "both")][:LIMIT]
        self.app.call_from_thread(self._show, query, side, kept)

    def _show_error(self, message: str) -> None:
        self.query_one("#conc-status", Static).update(self._status(message))

    def _show(self, query: str, side: str, hits: list) -> None:
        """Draw the hits (unless the side changed since this search began)."""
        if side != self.side or not self.is_attached:
            return
        self.hits = hits
        n = len(hits)
        more = "+" if n >= LIMIT else ""
        what = (
            f"{n}{more} {noun(n, 'unit')} {verb(n, 'holds', 'hold')} {query!r}"
            if n
            else (f"no unit holds {query!r}")
        )
        self.query_one("#conc-status", Static).update(self._status(what))
        self.query_one("#conc-hits", Static).update(self.render_hits(query, hits))

    def render_hits(self, query: str, hits: list) -> Text:
        """The hits: a line on the unit, its source, its target (right to left on the right)."""
        width = max((self.query_one("#conc-scroll").size.width or 80) - 2, 20)
        finder = Finder(query)
        lines: list[Text] = []
        for h in hits:
            lines.append(Text(f"[{h.src_lang}→{h.tgt_lang}, {h.side}] {h.origin}", style="dim"))
            for text, lang in ((h.source, h.src_lang), (h.target, h.tgt_lang)):
                rtl = lang.split("-")[0] in RTL
                for part in wrap(text, width - 2):
                    drawn = marked_line(part, finder.spans(part), rtl, self.rtl_mode)
                    lines.append(right_aligned(drawn, width) if rtl else Text("  ") + drawn)
            lines.append(Text(""))
        return Text("\n").join(lines)

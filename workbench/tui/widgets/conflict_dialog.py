"""The question when a target changed under the translator: keep mine, take theirs, or look.

Shown when a confirm (or a kept draft) finds that the segment no longer holds what the
translator began from: another translator, an import or an MT run wrote it meanwhile.
Nothing is written until the translator chooses: **k** keeps mine (written over theirs),
**t** takes theirs (my text is dropped), **b** shows both texts in full first. Esc is
"not now": nothing is written and the edit line keeps my text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConflictDialog(ModalScreen[str]):
    """Dismissed with 'mine', 'theirs' or '' (not now)."""

    DEFAULT_CSS = """
    ConflictDialog { align: center middle; }
    ConflictDialog > Vertical { width: 80%; height: auto; background: $panel;
        border: thick $warning; padding: 1 2; }
    #both { display: none; }
    #both.open { display: block; }
    """
    BINDINGS: ClassVar = [
        Binding("k", "choose('mine')", "Keep mine"),
        Binding("t", "choose('theirs')", "Take theirs"),
        Binding("b", "both", "View both"),
        Binding("escape", "choose('')", "Not now"),
    ]

    def __init__(self, where: str, mine: str, theirs: str, their_status: str, show) -> None:
        """``where`` names the segment; ``show`` turns a text into its on-screen form."""
        super().__init__()
        self.where, self.mine, self.theirs = where, mine, theirs
        self.their_status = their_status
        self.show = show

    def compose(self) -> ComposeResult:
        """The question, the two texts (hidden until b), the keys."""
        with Vertical():
            yield Static(
                Text(
                    f"{self.where} changed while you were editing it: it is now "
                    f"{self.their_status or 'empty'} with another text."
                ),
                id="question",
            )
            both = Text()
            both.append("mine:   ", style="bold")
            both.append(self.show(self.mine) + "\n")
            both.append("theirs: ", style="bold")
            both.append(self.show(self.theirs))
            yield Static(both, id="both")
            yield Static("k: keep mine   t: take theirs   b: view both   Esc: not now", id="keys")

    def action_both(self) -> None:
        """Show (or hide) both texts in full."""
        self.query_one("#both", Static).toggle_class("open")

    def action_choose(self, choice: str) -> None:
        """Close with the translator's choice."""
        self.dismiss(choice)

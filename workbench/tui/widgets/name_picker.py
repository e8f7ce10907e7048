"""Ctrl+N in the edit line: choose which of the source's glossary names to insert.

A short list of the names of the current segment's source with their form in the
language edited, those the text still lacks first-marked; Up/Down (or Ctrl+N again)
move, Enter or the name's number inserts it at the cursor, Esc goes back to the line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class NamePicker(ModalScreen[int | None]):
    """Dismissed with the index of the name chosen, or None."""

    DEFAULT_CSS = """
    NamePicker { align: center middle; }
    NamePicker > Vertical { width: 70%; height: auto; max-height: 80%; background: $panel;
        border: thick $accent; padding: 0 1; }
    NamePicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "Back"),
        Binding("ctrl+n", "next", "Next", priority=True),
        *(Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, labels: list[str], first: int = 0) -> None:
        """Choose among ``labels`` (already drawn for the terminal); ``first`` highlighted."""
        super().__init__()
        self.labels, self.first = labels, first

    def compose(self) -> ComposeResult:
        """The names, numbered."""
        with Vertical():
            yield Static("insert which name?  Enter or 1-9: insert   Esc: back")
            yield OptionList(
                *(Option(Text(f"{n}  {label}")) for n, label in enumerate(self.labels, 1)),
                id="names",
            )

    def on_mount(self) -> None:
        """Highlight the first name the text lacks."""
        names = self.query_one(OptionList)
        names.highlighted = self.first
        names.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: insert the highlighted name."""
        self.dismiss(event.option_index)

    def action_next(self) -> None:
        """Ctrl+N again: the next name (cycling)."""
        names = self.query_one(OptionList)
        names.highlighted = ((names.highlighted or 0) + 1) % len(self.labels)

    def action_pick(self, index: int) -> None:
        """A number: insert that name."""
        if index < len(self.labels):
            self.dismiss(index)

    def action_cancel(self) -> None:
        """Esc: back to the edit line, nothing inserted."""
        self.dismiss(None)

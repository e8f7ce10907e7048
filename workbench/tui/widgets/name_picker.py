"""Ctrl+N in the edit line: choose which of the source's glossary names to insert.

A short list of the names of the current segment's source with their form in the
language edited, those the text still lacks first-marked; Up/Down (or Ctrl+N again)
move, Enter or the name's number inserts it at the cursor, Esc goes back to the line.

Keys reach the picker from the app in the order typed (``WorkbenchApp.on_event`` hands
each one to :meth:`NamePicker.take` in its own turn), even before the picker is drawn: a
burst such as Ctrl+N, 2, "and more text" inserts the second name and then types the text
after it. A key that is not the picker's closes it (nothing inserted) and acts in the
edit line, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

#: The picker's own keys (besides Ctrl+N, or the key choose_name is mapped to).
MOVES = {"down": 1, "up": -1, "pagedown": 9, "pageup": -9}


class NamePicker(ModalScreen[None]):
    """A list of names; ``on_choice`` gets the index chosen (None: Esc), once, at once."""

    DEFAULT_CSS = """
    NamePicker { align: center middle; }
    NamePicker > Vertical { width: 70%; height: auto; max-height: 80%; background: $panel;
        border: thick $accent; padding: 0 1; }
    NamePicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar = []  # its keys come through take(), in the app's turn

    def __init__(
        self,
        labels: list[str],
        first: int = 0,
        on_choice: Callable[[int | None], object] | None = None,
        next_keys: Iterable[str] = ("ctrl+n",),
    ) -> None:
        """Choose among ``labels`` (already drawn for the terminal); ``first`` highlighted.

        ``next_keys`` move to the next name, as Down does (the key that opened the picker).
        """
        super().__init__()
        self.labels, self.first = labels, first
        self.highlighted = first
        self.on_choice = on_choice
        self.next_keys = set(next_keys)
        self.open = True  # until a name is chosen or Esc

    def compose(self) -> ComposeResult:
        """The names, numbered."""
        with Vertical():
            yield Static("insert which name?  Enter or 1-9: insert   Esc: back")
            yield OptionList(
                *(Option(Text(f"{n}  {label}")) for n, label in enumerate(self.labels, 1)),
                id="names",
            )

    def on_mount(self) -> None:
        """Highlight the first name the text lacks (or the one keys moved to meanwhile)."""
        names = self.query_one(OptionList)
        names.highlighted = self.highlighted
        names.focus()

    def take(self, key: str) -> bool:
        """Act on ``key`` now if it is the picker's; False if it is not (nothing done).

        Up/Down/Page Up/Page Down and the next keys move, Enter inserts the highlighted
        name, 1-9 the name of that number (a number past the list only rings), Esc closes.
        """
        if not self.open:
            return False
        if key in self.next_keys:
            self._highlight(self.highlighted + 1, wrap=True)
        elif key in MOVES:
            self._highlight(self.highlighted + MOVES[key], wrap=False)
        elif key in ("home", "end"):
            self._highlight(0 if key == "home" else len(self.labels) - 1, wrap=False)
        elif key == "enter":
            self.choose(self.highlighted)
        elif key == "escape":
            self.choose(None)
        elif len(key) == 1 and key in "123456789":
            if int(key) <= len(self.labels):
                self.choose(int(key) - 1)
            else:
                self.app.bell()
        else:
            return False
        return True

    def _highlight(self, index: int, wrap: bool) -> None:
        n = len(self.labels)
        self.highlighted = index % n if wrap else min(max(index, 0), n - 1)
        if self.is_mounted:
            self.query_one(OptionList).highlighted = self.highlighted

    def choose(self, index: int | None) -> None:
        """Close the picker and hand ``index`` (None: nothing) to ``on_choice``, now."""
        if not self.open:
            return
        self.open = False
        if self.app.screen is self:
            self.app.pop_screen()
        if self.on_choice is not None:
            self.on_choice(index)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A click moved the highlight (a message older than the last move is dropped)."""
        if event.option_index == event.option_list.highlighted:
            self.highlighted = event.option_index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or Enter on the list): insert that name."""
        self.choose(event.option_index)

"""The help screen: every key in force, with the id keys.toml remaps it by."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui.keymap import FILE_NAME


class HelpScreen(ModalScreen[None]):
    """Every binding, with its key."""

    BINDINGS: ClassVar = [Binding("escape,q,question_mark", "app.pop_screen", "Close")]

    def __init__(self, keys: list[tuple[str, str, str]]) -> None:
        """Set up the screen with (key, what it does, binding id) rows."""
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        """The keys."""
        lines = [
            "",
            "In the edit line (it opens with the cursor at the end): Enter confirms",
            "and goes to the next unconfirmed (an empty line is not confirmed),",
            "Ctrl+S keeps a draft, Ctrl+G inserts a glossary name of the source",
            "(the first one missing), Esc cancels (typed changes: Esc again discards",
            "them). Ctrl+A selects all, Home/End go to the start/end; Left/Right move",
            "on screen in Arabic and Kurdish. Ctrl+Q quits, keeping the line a draft.",
            "Ctrl+N lists the source's names to insert one; Ctrl+L adds a name of the",
            "source to the glossary (its form: the text selected in the line).",
            "",
            "In the dialogs Tab and Shift+Tab go from field to field. Add a name (Ctrl+L):",
            "Up/Down take another name of the source; the type is the entry's own.",
            "",
            "Find and replace (Ctrl+R): Tab (or Down) to the replacement; F2 regular",
            "expression, F4 confirmed targets too, F3 find next; the preview says what",
            "changes, Enter replaces, u undoes it.",
            "",
            f'Remap keys by id in {FILE_NAME} in the workbench home, e.g. confirm = "f9".',
            "Esc closes this help.",
        ]
        with VerticalScroll(id="help-scroll"):  # a short terminal scrolls the list
            yield Static(key_text(self.keys) + Text.from_markup("\n".join(lines)), id="help")


#: The help's width inside its padding (#help-scroll is 84 wide).
WIDTH = 80


def key_text(keys: list[tuple[str, str, str]]) -> Text:
    """The key table laid out at the help's width, as styled text (it reads as text too)."""
    console = Console(width=WIDTH, force_terminal=True, color_system="truecolor")
    with console.capture() as out:
        console.print(key_table(keys))
    return Text.from_ansi(out.get())


def key_table(keys: list[tuple[str, str, str]]) -> Table:
    """Key, what it does, id: three columns sized by their cells.

    A long description wraps inside its own column, never into the next.
    """
    table = Table(
        title="workbench keys",
        title_style="bold",
        title_justify="left",
        box=None,
        show_header=True,
        header_style="dim",
        pad_edge=False,
        padding=(0, 2, 0, 0),
    )
    table.add_column("key", no_wrap=True)
    table.add_column("what it does", overflow="fold", ratio=1)
    table.add_column("id (keys.toml)", style="dim", no_wrap=True)
    for key, what, id_ in keys:
        table.add_row(Text(key), Text(what), Text(id_))
    return table

"""Add a name to the glossary from the editor: the name in the source, its form here.

Ctrl+L (on the table or in the edit line) opens it on the current segment. The source
is shown in a line of its own: move the cursor onto a name (or select one, Shift+arrows)
and the English name follows it; it starts on the first name of the source the glossary
does not know. The form starts as the text selected in the edit line, if any; the type
is one of the glossary's (person, place, tribe, organisation, term). Enter adds it, Esc
cancels. A name the glossary has already (the finder knows it) gets the form as a new
variant on its own line; any other becomes a new entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbench.core.glossary import ENTRY_TYPES
from workbench.tui.rtl_edit import RtlInput

#: A run of capitalised words, with the particles names carry (al-, bin, ibn, abu ...).
_NAME = re.compile(
    r"(?:(?:al|el|ad|as|ash|at|az)[-‐]|(?:Abu|Abi|Umm|Bin|Ibn|bin|ibn)\s+)?"
    r"[A-Z][\w'’-]*(?:\s+(?:(?:al|el)[-‐]|bin\s+|ibn\s+|abu\s+)?[A-Z][\w'’-]*)*"
)
_STRIP = "'’-.,;:!?\"“”()"


@dataclass(frozen=True)
class NameChoice:
    """What the translator asked for: the English name, its form, the entry type."""

    en: str
    form: str
    type: str


def name_at(source: str, position: int) -> str:
    """The capitalised name run of ``source`` at (or just before) ``position``."""
    for m in _NAME.finditer(source):
        if m.start() <= position <= m.end():
            return _trim(m.group())
    return ""


def _trim(name: str) -> str:
    name = name.strip(_STRIP)
    return re.sub(r"['’]s$", "", name)  # Iraq’s -> Iraq


def unknown_names(source: str, known: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(position, name) of the capitalised runs that no known name span covers.

    A single capitalised word that starts a sentence is left out (it is most likely not
    a name).
    """
    out = []
    for m in _NAME.finditer(source):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in known):
            continue
        before = source[: m.start()].rstrip()
        starts_sentence = not before or before[-1] in '.!?:“"('
        if starts_sentence and " " not in m.group().strip():
            continue
        out.append((m.start(), _trim(m.group())))
    return out


class NameDialog(ModalScreen[NameChoice | None]):
    """Dismissed with the translator's NameChoice, or None (Esc)."""

    DEFAULT_CSS = """
    NameDialog { align: center middle; }
    NameDialog > Vertical { width: 90%; height: auto; background: $panel;
        border: thick $accent; padding: 1 2; }
    NameDialog Input { margin-bottom: 0; }
    #name-known { height: auto; color: $text-muted; }
    """
    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, source: str, lang: str, name: str, position: int, form: str, known, rtl: bool
    ) -> None:
        """A dialog on ``source``; ``known(name)`` says what the glossary has for a name."""
        super().__init__()
        self.source, self.lang = source, lang
        self.first_name, self.position, self.first_form = name, position, form
        self.known = known
        self.rtl = rtl

    def compose(self) -> ComposeResult:
        """The source, the name, its form, its type, what the glossary has."""
        with Vertical():
            yield Static(Text(f"Add a name to the glossary ({self.lang})"), id="name-title")
            yield RtlInput(self.source, id="name-source")
            yield RtlInput(self.first_name, placeholder="English name", id="name-en")
            form = RtlInput(self.first_form, placeholder=f"{self.lang} form", id="name-form")
            form.rtl = self.rtl
            yield form
            yield Input("person", placeholder=" | ".join(ENTRY_TYPES), id="name-type")
            yield Static("", id="name-known")
            yield Static(
                "move in the source to take the name there   Enter: add   Esc: cancel",
                id="name-keys",
            )

    def on_mount(self) -> None:
        """The cursor in the source on the name; the form line focused."""
        src = self.query_one("#name-source", RtlInput)
        src.cursor_position = self.position
        self.watch(src, "selection", self._source_moved, init=False)
        self.query_one("#name-form", RtlInput).focus()
        self._say_known()

    def _source_moved(self, selection) -> None:
        """The cursor or selection in the source moved: take the name there."""
        src = self.query_one("#name-source", RtlInput)
        start, end = sorted((selection.start, selection.end))
        name = _trim(src.value[start:end]) if end > start else name_at(src.value, end)
        if name:
            self.query_one("#name-en", RtlInput).value = name

    def on_input_changed(self, event: Input.Changed) -> None:
        """The source stays as it is; a changed name says what the glossary has."""
        if event.input.id == "name-source" and event.value != self.source:
            event.input.value = self.source  # not for editing: only for pointing
        elif event.input.id == "name-en":
            self._say_known()
        elif event.input.id == "name-form":
            event.input.rtl = self.rtl

    def _say_known(self) -> None:
        en = self.query_one("#name-en", RtlInput).value
        self.query_one("#name-known", Static).update(Text(self.known(en) if en.strip() else ""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in any line: add the name (the app checks and writes it)."""
        event.stop()
        self.dismiss(
            NameChoice(
                self.query_one("#name-en", RtlInput).value.strip(),
                self.query_one("#name-form", RtlInput).value.strip(),
                self.query_one("#name-type", Input).value.strip() or "person",
            )
        )

    def action_cancel(self) -> None:
        """Esc: nothing is added."""
        self.dismiss(None)

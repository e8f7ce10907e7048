"""Add a name to the glossary from the editor: the name in the source, its form here.

Ctrl+L (on the table or in the edit line) opens it on the current segment. The source
is shown in a line of its own: move the cursor onto a name (or select one, Shift+arrows)
and the English name follows it; Up and Down take the previous and the next name of the
source. It starts on the name the selected form resembles, else the first name of the
source the glossary does not know. Tab and Shift+Tab go from field to field (source,
English name, form, type). The form starts as the text selected in the edit line, if any;
the type is one of the glossary's (person, place, tribe, organisation, term; a unique
beginning is enough), the entry's own when the glossary has the name already. Enter adds
it, Esc cancels. A name the glossary has already (the finder knows it) gets the form as a
new variant on its own line; any other becomes a new entry.
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
from workbench.tui.widgets.dialog_keys import FIELD_KEYS, FieldKeys

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


def entry_type(typed: str) -> str | None:
    """The glossary type ``typed`` names (in full or by a unique beginning), or None."""
    typed = typed.strip().lower()
    if typed in ENTRY_TYPES:
        return typed
    fits = [t for t in ENTRY_TYPES if typed and t.startswith(typed)]
    return fits[0] if len(fits) == 1 else None


class NameDialog(FieldKeys, ModalScreen[NameChoice | None]):
    """Dismissed with the translator's NameChoice, or None (Esc)."""

    DEFAULT_CSS = """
    NameDialog { align: center middle; }
    NameDialog > Vertical { width: 90%; height: auto; background: $panel;
        border: thick $accent; padding: 1 2; }
    NameDialog Input { margin-bottom: 0; }
    #name-known { height: auto; color: $text-muted; }
    """
    BINDINGS: ClassVar = [
        *FIELD_KEYS,
        Binding("down", "other_name(1)", "Next name", show=False, priority=True),
        Binding("up", "other_name(-1)", "Previous name", show=False, priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        source: str,
        lang: str,
        name: str,
        position: int,
        form: str,
        known,
        rtl: bool,
        type_of=None,
        names: list[tuple[int, str]] | None = None,
    ) -> None:
        """A dialog on ``source``; ``known(name)`` says what the glossary has for a name.

        ``type_of(name)``: the type of the glossary's entry for a name (None: not in it);
        ``names``: (position, name) of the source's names, for Up and Down.
        """
        super().__init__()
        self.source, self.lang = source, lang
        self.first_name, self.position, self.first_form = name, position, form
        self.known = known
        self.type_of = type_of or (lambda _en: None)
        self.names = sorted(names or ([(position, name)] if name else []))
        self.rtl = rtl
        self.fixed_type: str | None = None  # the entry's type, for a name the glossary has

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
                "Up/Down: another name of the source (or move in it: Tab to the source line)"
                "   Tab: next field   Enter: add   Esc: cancel",
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

    def action_other_name(self, step: int) -> None:
        """Up/Down: the previous or the next name of the source (the cursor goes onto it)."""
        if not self.names:
            return
        en = self.query_one("#name-en", RtlInput)
        at = next((i for i, (_, n) in enumerate(self.names) if n == en.value), None)
        if at is None:
            cursor = self.query_one("#name-source", RtlInput).cursor_position
            at = sum(1 for p, _ in self.names if p <= cursor) - (1 if step > 0 else 0)
        position, name = self.names[(at + step) % len(self.names)]
        self.query_one("#name-source", RtlInput).cursor_position = position
        en.value = name  # the glossary's reading of the name, not only the capitals there

    def on_input_changed(self, event: Input.Changed) -> None:
        """The source stays as it is; a changed name says what the glossary has."""
        if event.input.id == "name-source" and event.value != self.source:
            event.input.value = self.source  # not for editing: only for pointing
        elif event.input.id == "name-en":
            self._say_known()
        elif event.input.id == "name-form":
            event.input.rtl = self.rtl
        elif event.input.id == "name-type":
            if self.fixed_type is not None and event.value != self.fixed_type:
                event.input.value = self.fixed_type  # the entry's: edit it in the TSV
            self._say_known()

    def _say_known(self) -> None:
        en = self.query_one("#name-en", RtlInput).value
        kind = self.type_of(en) if en.strip() else None
        type_line = self.query_one("#name-type", Input)
        if kind is not None and kind != self.fixed_type:
            self.fixed_type = kind
            type_line.value = kind
        elif kind is None and self.fixed_type is not None:
            self.fixed_type = None
            type_line.value = "person"
        text = self.known(en) if en.strip() else ""
        typed = entry_type(type_line.value)
        if kind is not None:
            text += f"\ntype: {kind} (the entry's)"
        elif typed is None:
            text += f"\ntype {type_line.value.strip()!r}? use one of: {', '.join(ENTRY_TYPES)}"
        elif type_line.value.strip() != typed:
            text += f"\ntype: {typed}"
        self.query_one("#name-known", Static).update(Text(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in any line: add the name (the app checks and writes it).

        A type that names none of the glossary's keeps the dialog open (the line says why).
        """
        event.stop()
        kind = entry_type(self.query_one("#name-type", Input).value or "person")
        if kind is None:
            self.query_one("#name-type", Input).focus()
            self._say_known()
            return
        self.dismiss(
            NameChoice(
                self.query_one("#name-en", RtlInput).value.strip(),
                self.query_one("#name-form", RtlInput).value.strip(),
                kind,
            )
        )

    def action_cancel(self) -> None:
        """Esc: nothing is added."""
        self.dismiss(None)

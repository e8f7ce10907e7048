r"""Find and replace in the targets of one language: the question, with its preview.

Ctrl+R opens it for the language edited. The preview follows the typing: how many
matches in how many segments, the first changes as "old → new" with the match marked,
and how many of them are confirmed (translated, reviewed, final). Confirmed targets are
left as they are unless F4 includes them, and the preview says which it is. F2 makes
the query a regular expression (``\1`` in the replacement puts back a group). Enter
replaces what the preview shows (one step for ``u``); F3 closes the dialog and goes to
the next match without replacing; Esc closes it. Tab, Shift+Tab, Down and Up move between
the find and the replace lines; Enter in the find line while the replace line is empty
goes to it (a replacement with nothing is asked for there, not by the first Enter).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.core.errors import WorkbenchError
from workbench.core.find_replace import Finder
from workbench.core.plural import counted, verb
from workbench.tui.marked import marked_line
from workbench.tui.rtl_edit import RtlInput
from workbench.tui.widgets.dialog_keys import FIELD_KEYS, FieldKeys

#: Changes the preview lists.
PREVIEW_LINES = 8


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


class ReplaceDialog(FieldKeys, ModalScreen[tuple[str, object] | None]):
    """Dismissed with ("replace", plan), ("next", finder), or None (Esc)."""

    DEFAULT_CSS = """
    ReplaceDialog { align: center middle; }
    ReplaceDialog > Vertical { width: 90%; height: auto; max-height: 90%; background: $panel;
        border: thick $accent; padding: 0 1; }
    #replace-preview { height: auto; }
    #replace-keys { color: $text-muted; }
    """
    BINDINGS: ClassVar = [
        *FIELD_KEYS,
        Binding("down", "next_field", "Next field", show=False, priority=True),
        Binding("up", "previous_field", "Previous field", show=False, priority=True),
        Binding("escape", "close", "Close"),
        Binding("f2", "toggle_regex", "Regular expression", priority=True),
        Binding("f4", "toggle_confirmed", "Confirmed too", priority=True),
        Binding("f3", "find_next", "Find next", priority=True),
    ]

    def __init__(
        self, lang: str, plan_for: Callable, rtl_mode: str, query: str = "", regex: bool = False
    ) -> None:
        """Replace in ``lang``; ``plan_for(finder, replacement, confirmed)`` makes the plan."""
        super().__init__()
        self.lang, self.plan_for, self.rtl_mode = lang, plan_for, rtl_mode
        self.first_query = query
        self.regex = regex
        self.confirmed = False
        self.plan = None  # what Enter would do now

    def compose(self) -> ComposeResult:
        """The find and replace lines, the options, the preview."""
        with Vertical():
            yield Static(f"Find and replace in the {self.lang} targets", id="replace-title")
            yield RtlInput(self.first_query, placeholder="find", id="replace-find")
            yield RtlInput(placeholder="replace with", id="replace-with")
            yield Static("", id="replace-options")
            yield Static("", id="replace-preview")
            yield Static(
                "Tab: next line   Enter: replace   F2: regular expression   "
                "F4: confirmed too   F3: find next   Esc: close",
                id="replace-keys",
            )

    def on_mount(self) -> None:
        """The find line focused, the preview drawn."""
        self.query_one("#replace-find", RtlInput).focus()
        self.refresh_preview()

    def on_input_changed(self, event: RtlInput.Changed) -> None:
        """The preview follows the typing; Arabic is typed right to left in app mode."""
        event.input.rtl = self.rtl_mode == "app" and _arabic(event.value)
        self.refresh_preview()

    def on_input_submitted(self, event: RtlInput.Submitted) -> None:
        """Enter: replace what the preview shows (in the find line, first to the replace line).

        With nothing to replace, the preview says so and the dialog stays open.
        """
        event.stop()
        replace_with = self.query_one("#replace-with", RtlInput)
        if event.input.id == "replace-find" and not replace_with.value:
            replace_with.focus()
            return
        if self.plan is not None and self.plan.changes:
            self.dismiss(("replace", self.plan))
            return
        self.query_one("#replace-preview", Static).update(
            Text("nothing to replace: no target to change matches the query", style="bold")
        )

    def finder(self) -> Finder | None:
        """The query as typed, or None (empty, or a broken expression: the preview says)."""
        query = self.query_one("#replace-find", RtlInput).value
        try:
            return Finder(query, self.regex)
        except WorkbenchError:
            return None

    def action_toggle_regex(self) -> None:
        """F2: the query is a regular expression, or literal text."""
        self.regex = not self.regex
        self.refresh_preview()

    def action_toggle_confirmed(self) -> None:
        """F4: change confirmed targets too, or leave them."""
        self.confirmed = not self.confirmed
        self.refresh_preview()

    def action_find_next(self) -> None:
        """F3: close and go to the next match, replacing nothing."""
        finder = self.finder()
        if finder is not None:
            self.dismiss(("next", finder))

    def action_close(self) -> None:
        """Esc: nothing is replaced."""
        self.dismiss(None)

    def refresh_preview(self) -> None:
        """Work out the plan for what is typed and show it."""
        options = (
            f"{'regular expression' if self.regex else 'literal text'}, case and Arabic "
            f"diacritics ignored; confirmed targets: "
            f"{'CHANGED TOO' if self.confirmed else 'left as they are'}"
        )
        self.query_one("#replace-options", Static).update(options)
        preview = self.query_one("#replace-preview", Static)
        query = self.query_one("#replace-find", RtlInput).value
        try:
            finder = Finder(query, self.regex)
        except WorkbenchError as e:
            self.plan = None
            preview.update(Text("" if not query else str(e)))
            return
        replacement = self.query_one("#replace-with", RtlInput).value
        try:
            self.plan = self.plan_for(finder, replacement, self.confirmed)
        except WorkbenchError as e:
            self.plan = None
            preview.update(Text(str(e)))
            return
        preview.update(self.describe(self.plan, finder))

    def describe(self, plan, finder: Finder) -> Text:
        """The plan in words, then its first changes, each match marked."""
        rtl = self.lang in ("ar", "ckb")
        n, segs = plan.matches, len(plan.changes)
        lines = [
            Text(
                f"{counted(n, 'match')} in {counted(segs, 'segment')} to change"
                + (
                    (
                        " (confirmed)"
                        if segs == 1
                        else f" ({plan.confirmed_changed} of them confirmed)"
                    )
                    if plan.confirmed_changed
                    else ""
                )
            )
        ]
        if plan.confirmed_left:
            left = plan.confirmed_left
            lines.append(
                Text(
                    f"{counted(left, 'confirmed target')} also "
                    f"{verb(left, 'matches: left as it is', 'match: left as they are')}"
                    f" (F4 changes {verb(left, 'it', 'them')} too)",
                    style="bold",
                )
            )
        if plan.confirmed_changed:
            lines.append(
                Text(
                    f"{counted(plan.confirmed_changed, 'confirmed target')} will change ("
                    f"{verb(plan.confirmed_changed, 'it stays', 'they stay')} confirmed; F4 leaves "
                    f"{verb(plan.confirmed_changed, 'it', 'them')})",
                    style="bold yellow",
                )
            )
        for change in plan.changes[:PREVIEW_LINES]:
            old = marked_line(change.old, finder.spans(change.old), rtl, self.rtl_mode)
            new = marked_line(change.new, [], rtl, self.rtl_mode)
            line = Text(f"{change.key} [{change.status}]  ", style="dim")
            lines.append(line + old + Text("  →  ") + new)
        if len(plan.changes) > PREVIEW_LINES:
            lines.append(Text(f"… and {len(plan.changes) - PREVIEW_LINES} more", style="dim"))
        if plan.changes:
            lines.append(Text("Enter replaces them (u undoes it, in one step)"))
        return Text("\n").join(lines)

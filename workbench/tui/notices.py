"""Short notices in the hint line, under the edit line, instead of a toast over the table.

Toasts sit over the screen for seconds; the routine ones (the name Ctrl+G inserted) and
the question that belongs to the edit line (typed changes: Esc again discards them) are
said where the translator is looking: in the hint line right under the edit line. The
hint comes back after ``seconds`` (never, for ``seconds=None``: until the line closes or
another notice replaces it).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

#: How each severity is drawn in the hint line.
STYLES = {"information": "bold", "warning": "bold yellow", "error": "bold red"}


def say(app, text: str, severity: str = "information", seconds: float | None = 4.0) -> None:
    """Show ``text`` in the hint line; the hint in force comes back after ``seconds``."""
    from workbench.tui.editing import EDIT_HINT, HINT

    hint = app.query_one("#hint", Static)
    hint.update(Text(text, style=STYLES.get(severity, "bold")))
    timer = getattr(app, "_notice_timer", None)
    if timer is not None:
        timer.stop()
    app._notice_timer = None
    if seconds is None:
        return

    def back() -> None:
        app._notice_timer = None
        editing = app.query_one("#edit").has_class("editing")
        hint.update(EDIT_HINT if editing else HINT)

    app._notice_timer = app.set_timer(seconds, back)


def hint_text(app) -> str:
    """What the hint line says now."""
    return str(app.query_one("#hint", Static).render())

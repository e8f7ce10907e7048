"""A line the translator types into, which takes its keys strictly in the order typed.

Textual hands each key to the focused widget's own queue, and runs the widget's bindings
(Enter, Backspace, Home ...) only after the key has bubbled back up to the app. Under load,
or when a terminal sends a burst (tmux, a paste, a fast typist), the keys behind an Enter
are already handed to the line before the Enter has confirmed and closed it, and a binding
can act after a later letter was typed. :class:`EditLine` runs its bindings itself, at
once, in order; a key that reaches it after it was closed goes back to the app, behind the
keys before it. The app types every key and paste for the line in its own turn
(``WorkbenchApp.on_event``), so an app key meant for the line (Ctrl+S, F8, Ctrl+Q ...)
acts on the text typed before it at once, through :meth:`EditLine.run_in_turn`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.binding import Binding

from workbench.tui.rtl_edit import RtlInput


class EditLine(RtlInput):
    """The edit line (and the find line): Enter and Esc report to the app, in turn."""

    BINDINGS: ClassVar = [Binding("escape", "cancel", "Cancel", show=False)]

    @property
    def is_focused(self) -> bool:
        """Whether the line has the focus now (``has_focus`` follows a tick later)."""
        return self.app.focused is self

    def run_in_turn(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` now: the keys and pastes typed before it are already in.

        WorkbenchApp.on_event types every key and paste for the line in the app's own turn,
        so nothing typed earlier can still be on its way.
        """
        result = callback()
        if hasattr(result, "__await__"):
            self.app.call_next(lambda: result)

    async def _on_key(self, event: events.Key) -> None:
        if not self.is_focused:  # closed while this key was on its way: the app's, in turn
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if await self.app.run_action(binding.action, self):  # now, before the next key
                event.stop()
                event.prevent_default()
                return
        # a printable key: Input's own handler types it, in this same turn

    async def type_now(self, event: events.Key) -> None:
        """Take ``event`` at once, in the caller's turn: the line's keys, or type it."""
        await self._dispatch_message(event)

    def action_submit(self) -> None:
        """Enter: hand the line to the app now (it confirms, or searches)."""
        self.app.line_submitted(self)

    def action_cancel(self) -> None:
        """Esc: tell the app (it closes the line, or asks first about typed changes)."""
        self.app.line_cancelled(self)

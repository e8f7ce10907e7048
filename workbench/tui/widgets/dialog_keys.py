"""Keys that move between the fields of a dialog: Tab and Shift+Tab, as in every form.

The edit line binds Tab to "stay" (in the main editor Tab switches the language, and the
focus must not leave an unfinished edit), and the dialogs' fields are the same line
widget, so without these a dialog's second field could not be reached from the keyboard.
They are screen bindings with priority: they act before the focused line's own.
"""

from __future__ import annotations

from textual.binding import Binding

#: Tab and Shift+Tab: the next and the previous field of the dialog.
FIELD_KEYS = [
    Binding("tab", "next_field", "Next field", show=False, priority=True),
    Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
]


class FieldKeys:
    """Mixed into a ModalScreen: Tab and Shift+Tab move the focus between its fields."""

    def action_next_field(self) -> None:
        """Tab: the next field (after the last, the first)."""
        self.focus_next()

    def action_previous_field(self) -> None:
        """Shift+Tab: the previous field (before the first, the last)."""
        self.focus_previous()

"""A glossary name put into the edit line (Ctrl+G, Ctrl+N): at the cursor, spaced as prose.

A space goes before the name after a word, none after a space or an opening quote or
bracket (``«القائم``, ``“Al Qaem``, ``(Anbar``); a space goes after it when a word follows
at once (inserted in the middle of a sentence), none before punctuation or a space.
"""

from __future__ import annotations

from textual.widgets import Input

#: Characters that open a quotation or a parenthesis: a name follows them with no space.
OPENERS = "«‹“‘„‚([{⟨"
#: Straight quotes: opening at the start of the text or after a space or an opener.
STRAIGHT = "\"'"


def opens(before: str) -> bool:
    """Whether ``before`` ends in an opening quote or bracket."""
    if not before:
        return False
    last = before[-1]
    if last in OPENERS:
        return True
    if last in STRAIGHT:
        return len(before) == 1 or before[-2].isspace() or before[-2] in OPENERS
    return False


def spaced(before: str, form: str, after: str = "") -> str:
    """``form`` as inserted between ``before`` and ``after``, with the spaces prose needs."""
    lead = "" if not before or before[-1].isspace() or opens(before) else " "
    trail = " " if after and after[0].isalnum() else ""
    return lead + form + trail


def insert_form(edit: Input, form: str) -> None:
    """Insert ``form`` at the edit line's cursor, spaced as prose; the cursor goes after it."""
    at = edit.cursor_position
    edit.insert_text_at_cursor(spaced(edit.value[:at], form, edit.value[at:]))

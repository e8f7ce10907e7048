"""A glossary name put into the edit line (Ctrl+G, Ctrl+N): at the cursor, spaced as prose.

A space goes before the name after a word, none after a space or an opening quote or
bracket (``«القائم``, ``“Al Qaem``, ``(Anbar``); a space goes after it when a word follows
at once (inserted in the middle of a sentence), none before punctuation or a space.

In Arabic a one-letter proclitic typed just before is joined to the name, as Arabic writes
it: و, ف, ب, ك, ل and their pairs (والقائم, بالقائم, وبالقائم), and ل before the article
drops its alef (للجيش العراقي). Sorani writes و as a word of its own: no joining there.
"""

from __future__ import annotations

import re

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


#: A word that is only Arabic proclitics (و ف, then ب ك ل), at the end of the text typed.
_PROCLITIC = re.compile(r"(?:^|(?<=[\s" + re.escape(OPENERS + STRAIGHT) + r"]))[وف]?[بكل]?$")


def spaced(before: str, form: str, after: str = "", lang: str = "") -> str:
    """``form`` as inserted between ``before`` and ``after``, with the spaces prose needs.

    ``lang`` "ar": a proclitic just typed (و, ب, لل...) is joined to the form.
    """
    trail = " " if after and after[0].isalnum() else ""
    clitic = _PROCLITIC.search(before) if lang == "ar" else None
    if clitic and clitic.group():
        if clitic.group().endswith("ل") and form.startswith("ال"):
            form = form[1:]  # ل + الجيش: للجيش
        return form + trail
    # a tatweel joins the next word on purpose (المعروفة بـداعش): no space after it
    lead = "" if not before or before[-1].isspace() or before[-1] == "ـ" or opens(before) else " "
    return lead + form + trail


def insert_form(edit: Input, form: str, lang: str = "") -> None:
    """Insert ``form`` at the edit line's cursor, spaced as prose; the cursor goes after it."""
    at = edit.cursor_position
    edit.insert_text_at_cursor(spaced(edit.value[:at], form, edit.value[at:], lang))

"""Counts in words: "1 draft", "2 drafts", "1 document", "3 matches", "1 entry".

Every message that prints a count with its noun goes through :func:`counted` (or
:func:`noun` where the number is written apart, :func:`verb` for the verb that follows),
so the noun always agrees with the number. English only: the interface is in English.
"""

from __future__ import annotations

import re

#: Plurals the rules below get wrong.
IRREGULAR = {"person": "people", "child": "children", "was": "were", "is": "are", "has": "have"}
_ES = re.compile(r"(s|x|z|ch|sh)$")
_IES = re.compile(r"[^aeiou]y$")


def plural_of(word: str) -> str:
    """The plural of one English noun (the last word of ``word`` where it has several)."""
    head, _, last = word.rpartition(" ")
    if last in IRREGULAR:
        many = IRREGULAR[last]
    elif _IES.search(last):
        many = last[:-1] + "ies"
    elif _ES.search(last):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def noun(n: int, word: str, many: str | None = None) -> str:
    """``word`` in the number ``n`` takes: singular for 1, else ``many`` or its plural."""
    return word if n == 1 else (many or plural_of(word))


def counted(n: int, word: str, many: str | None = None, *, thousands: bool = True) -> str:
    """``n`` and its noun: "1 draft", "2 drafts", "1,204 segments" (``thousands``: 1,204)."""
    number = f"{n:,}" if thousands else str(n)
    return f"{number} {noun(n, word, many)}"


def verb(n: int, one: str, many: str) -> str:
    """The verb that agrees with ``n`` things: ``verb(1, "matches", "match")``."""
    return one if n == 1 else many

r"""Find and replace in translations: literal or regular expression, as a translator types it.

Matching is case-insensitive and, in Arabic script, ignores diacritics (harakat, the
superscript alef) and tatweel, as the app's search does: "القائم" finds "القَائِم". The
pattern runs over a folded copy of the text (marks dropped, case folded) whose every
character remembers where it stood, so a match is replaced in the original text, with
the marks inside it, and nothing outside it changes. In a regular expression ``\1`` or
``\g<name>`` in the replacement put back the original text of that group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.errors import InputError

#: Arabic diacritics (harakat, superscript alef) and tatweel: ignored when matching.
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_GROUP = re.compile(r"\\(?:(\d{1,2})|g<(\w+)>)|\\(.)", re.S)


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in ``text``."""
    chars, where = [], []
    for i, c in enumerate(text):
        if MARKS.fullmatch(c):
            continue
        for f in c.casefold():
            chars.append(f)
            where.append(i)
    return "".join(chars), where


@dataclass(frozen=True)
class Finder:
    """A compiled query: literal or a regular expression."""

    query: str
    regex: bool = False

    def __post_init__(self) -> None:
        """Check the query now: an empty one or a broken expression is one clear line."""
        if not (self.query if self.regex else self.query.strip()):
            raise InputError("nothing to find: the query is empty")
        plain = MARKS.sub("", self.query)
        try:  # (an expression is not case-folded: \S is not \s; the text is, so IGNORECASE)
            pattern = (
                re.compile(plain, re.IGNORECASE)
                if self.regex
                else re.compile(re.escape(plain.casefold()))
            )
            object.__setattr__(self, "_re", pattern)
        except re.error as e:
            raise InputError(f"not a valid regular expression: {e}") from None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text`` (end takes the marks after the match)."""
        folded, where = _folded(text)
        out = []
        for m in self._re.finditer(folded):  # type: ignore[attr-defined]
            if m.end() == m.start():
                continue  # an expression that matches nothing (a*) replaces nothing
            out.append(self._original(text, where, m.start(), m.end()))
        return out

    @staticmethod
    def _original(text: str, where: list[int], a: int, b: int) -> tuple[int, int]:
        start, end = where[a], where[b - 1] + 1
        while end < len(text) and MARKS.fullmatch(text[end]):
            end += 1  # a letter's harakat go with it
        return start, end

    def replace(self, text: str, replacement: str) -> tuple[str, int]:
        """``text`` with every match replaced; and how many were."""
        folded, where = _folded(text)
        out, pos, n = [], 0, 0
        for m in self._re.finditer(folded):  # type: ignore[attr-defined]
            if m.end() == m.start():
                continue
            start, end = self._original(text, where, m.start(), m.end())
            out.append(text[pos:start])
            out.append(self._expand(m, text, where, replacement) if self.regex else replacement)
            pos, n = end, n + 1
        out.append(text[pos:])
        return "".join(out), n

    def _expand(self, m: re.Match, text: str, where: list[int], replacement: str) -> str:
        """The replacement with group references as the original text of each group."""

        def group(g: re.Match) -> str:
            if g.group(3) is not None:
                return {"n": "\n", "t": "\t", "\\": "\\"}.get(g.group(3), g.group(0))
            ref = g.group(1) or g.group(2)
            try:
                ref_key: int | str = int(ref) if ref.isdigit() else ref
                a, b = m.span(ref_key)
            except IndexError:
                raise InputError(f"the replacement names a group the query lacks: {ref}") from None
            if a < 0 or a == b:
                return ""
            s, e = self._original(text, where, a, b)
            return text[s:e]

        return _GROUP.sub(group, replacement)

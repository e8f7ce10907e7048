"""Arabic-script shaping for terminals that draw one character per cell: the joined forms.

A terminal that does no shaping draws every character on its own, so app mode replaces each
letter with its presentation form (initial, medial, final or isolated), the glyph a real
shaper would pick. The form follows from each letter's Unicode joining type and its
neighbours' (Unicode's ArabicShaping.txt, in :mod:`workbench.tui.joining_types`), not from
whether the letter has presentation forms: Sorani letters without any (ێ ڵ ڕ ە …) stay
as they are, but their neighbours still take the forms that join them (عێراق: ain
INITIAL FECB, ێ, reh FINAL FEAE, alef, qaf). The forms themselves come from Python's
unicodedata (each presentation form decomposes to ``<initial> letter`` and so on).

One shaping for the table, the edit line and the panels:

- lam-alef is always the ligature (ﻻ, FEFB/FEFC and the hamza and madda variants), as the
  script requires; the alef then takes no cell of its own;
- harakat (fatha, shadda, tanwin …) stay, after their letter: a terminal draws a
  combining mark on the cell before it, so they take no cell;
- ە (06D5) in final position is drawn as heh FINAL (FEEA): it has no final form of its
  own, and a rendered comparison (DejaVu Sans, Noto Sans Arabic, Noto Naskh Arabic:
  docs/sorani-ae-forms.png, drawn by tools/render_ae_forms.py) shows that FEEA is the
  glyph a shaper draws for a final ە (the very glyph in both Noto fonts, a look-alike in
  DejaVu Sans), while 06D5 drawn alone after a joining letter is an isolated ە, cut off
  from it. Isolated, 06D5 alone looks like FEE9 (the same outline in DejaVu Sans and Noto
  Sans Arabic), so it stays 06D5. A copy from the screen in app mode then gives U+FEEA
  for a final ە (NFKC makes it heh U+0647, not ە) and U+06D5 for an isolated one; a copy
  from an app-mode screen is presentation forms in visual order anyway, never text to
  paste elsewhere: the edit line's own copy (Ctrl+C), the store and the exports keep the
  logical text.

Letters that have no form for the position (ێ in the middle of a word) are drawn in the
form the terminal's font gives a letter alone, their isolated one: a cell-by-cell terminal
cannot do better. Terminal mode (a terminal that shapes) never calls this.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from workbench.tui.joining_types import RANGES

ISOLATED, INITIAL, MEDIAL, FINAL = 0, 1, 2, 3
_TAGS = {"<isolated>": ISOLATED, "<initial>": INITIAL, "<medial>": MEDIAL, "<final>": FINAL}
_STARTS = [a for a, _, _ in RANGES]
#: Letters drawn with a visually identical form of another letter where they have none
#: (see the module docstring for the rendered comparison behind it).
STAND_INS = {("\u06d5", FINAL): "\ufeea"}
LAM = "\u0644"


@dataclass(frozen=True)
class Shaped:
    """Shaped text and, for each of its characters, the index in the logical text it draws.

    A logical character that is drawn by another one (the alef of a lam-alef ligature) has
    no character of its own; :func:`shape` keeps every other character, marks included.
    """

    text: str
    origin: tuple[int, ...]


def joining_type(ch: str) -> str:
    """Unicode's Joining_Type of ``ch``: D, R, L, C, U, or T (transparent: marks)."""
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= RANGES[i][1]:
        return RANGES[i][2]
    return "T" if unicodedata.category(ch) in ("Mn", "Me", "Cf") else "U"


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, list[str]], dict[tuple[str, str], list[str]]]:
    """Presentation forms by letter, and the lam-alef ligatures, from their decompositions."""
    forms: dict[str, list[str]] = {}
    ligatures: dict[tuple[str, str], list[str]] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        tag, *parts = unicodedata.decomposition(chr(cp)).split() or [""]
        if tag not in _TAGS:
            continue
        letters = [chr(int(x, 16)) for x in parts]
        if len(letters) == 1 and joining_type(letters[0]) in "DRL":
            forms.setdefault(letters[0], ["", "", "", ""])[_TAGS[tag]] = chr(cp)
        elif 0xFEF5 <= cp <= 0xFEFC:  # lam with alef: the ligatures the script requires
            ligatures.setdefault((letters[0], letters[1]), ["", "", "", ""])[_TAGS[tag]] = chr(cp)
    return forms, ligatures


def _joins(types: list[str]) -> list[tuple[bool, bool]]:
    """For each character: (joined to the one before, joined to the one after)."""
    out = [(False, False)] * len(types)
    before = ""  # the type of the last non-transparent character
    last = -1
    for i, t in enumerate(types):
        if t == "T":
            continue
        if last >= 0 and before in "DLC" and t in "DRC":
            out[last] = (out[last][0], True)
            out[i] = (True, False)
        before, last = t, i
    return out


def shape(text: str) -> Shaped:
    """``text`` with each Arabic-script letter in its joined form (see the module docstring)."""
    if not any("\u0600" <= c <= "\u08ff" for c in text):
        return Shaped(text, tuple(range(len(text))))
    forms, ligatures = _forms()
    types = [joining_type(c) for c in text]
    joins = _joins(types)
    out: list[str] = []
    origin: list[int] = []
    skip: set[int] = set()
    for i, ch in enumerate(text):
        if i in skip:
            continue
        before, after = joins[i]
        form = MEDIAL if before and after else FINAL if before else INITIAL if after else ISOLATED
        if ch == LAM and after:
            j = next(k for k in range(i + 1, len(text)) if types[k] != "T")
            glyphs = ligatures.get((ch, text[j]))
            if glyphs:
                out.append(glyphs[FINAL if before else ISOLATED])
                origin.append(i)
                for k in range(i + 1, j):  # marks of the lam follow the ligature
                    out.append(text[k])
                    origin.append(k)
                skip.update(range(i + 1, j + 1))
                continue
        glyphs = forms.get(ch)
        out.append(STAND_INS.get((ch, form)) or (glyphs and glyphs[form]) or ch)
        origin.append(i)
    return Shaped("".join(out), tuple(origin))

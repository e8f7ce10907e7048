"""Anchors that survive translation across scripts, for scoring sentence beads.

* numbers, in Latin, Arabic-Indic or Persian digits (40,000 = ٤٠٬٠٠٠; a round thousand
  also counts as its number of thousands, since "40,000" is often "٤٠ ألف");
* punctuation: question marks (? ؟), exclamation marks, quotation marks, parentheses;
* Latin-script tokens kept inside Arabic-script text (AM, MWP, iPhone, COVID-19);
* name skeletons: an English capitalised word and an Arabic or Sorani word share the
  consonant skeleton of the transliteration key ("Wales" and ويلز both give ``ls``).

Numbers, punctuation and Latin tokens are *reliable*: one present on one side only is
evidence against a bead. Name skeletons only count when they match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.languages import get_language
from workbench.core.names.latin_key import latin_key, skeleton

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5]+")
_QUOTES = set('"“”«»„')
#: Arabic-script letters as the consonant classes of the transliteration key (vowel
#: letters, hamza and ayn give nothing; s and z are one class across scripts).
_CLASS = str.maketrans({
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "j", "چ": "S", "ح": "h", "خ": "x",
    "د": "d", "ذ": "d", "ض": "d", "ر": "r", "ڕ": "r", "ز": "s", "ظ": "s", "ژ": "j", "س": "s",
    "ص": "s", "ش": "S", "غ": "g", "ف": "f", "ڤ": "", "ق": "k", "ك": "k", "ک": "k", "گ": "g",
    "ل": "l", "ڵ": "l", "م": "m", "ن": "n", "ه": "h", "ھ": "h", "ع": "", "ء": "", "ئ": "",
    "ؤ": "", "ا": "", "أ": "", "إ": "", "آ": "", "ٱ": "", "ى": "", "ي": "", "ی": "", "ێ": "",
    "ې": "", "و": "", "ۆ": "", "ۇ": "", "ة": "", "ە": "",
})  # fmt: skip
_PROCLITIC = re.compile("^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)(?=.{3})")


@dataclass
class Anchors:
    """The anchors of one sentence: reliable ones (counted both ways) and name skeletons."""

    reliable: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def _numbers(text: str) -> set[str]:
    out = set()
    for m in _NUMBER.finditer(text.translate(_DIGITS)):
        raw = m.group()
        parts = re.split(r"[.,٫٬]", raw)
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
            value = "".join(parts)  # thousands separators: 40,000
        elif len(parts) == 2:
            value = parts[0] + "." + parts[1]  # a decimal: 1.5, ١٫٥
        else:
            value = raw.replace(",", "").replace("٬", "")
        value = value.lstrip("0") or "0"
        out.add("n:" + value)
        if value.isdigit() and len(value) > 3 and value.endswith("000"):
            out.add("n:" + value[:-3].lstrip("0"))  # 40,000 = ٤٠ ألف
    return out


def _punctuation(text: str) -> set[str]:
    out = set()
    if "?" in text or "؟" in text:
        out.add("p:?")
    if "!" in text:
        out.add("p:!")
    if any(c in _QUOTES for c in text):
        out.add("p:quote")
    if "(" in text:
        out.add("p:paren")
    return out


def _arabic_skeleton(word: str) -> str:
    return _PROCLITIC.sub("", word).translate(_CLASS)


def _latin_skeleton(word: str) -> str:
    return skeleton(latin_key(word)).replace("z", "s").replace("p", "b")


def sentence_anchors(text: str, lang: str) -> Anchors:
    """The anchors of one sentence in ``lang``."""
    a = Anchors()
    a.reliable |= _numbers(text)
    a.reliable |= _punctuation(text)
    script = get_language(lang).script
    if script == "Latn":
        for m in _LATIN_WORD.finditer(text):
            w = m.group()
            if w[0].isupper() and len(w) >= 2:
                a.names.add("l:" + w.lower())  # may be kept as is in the other text
                sk = _latin_skeleton(w)
                if len(sk) >= 3:
                    a.names.add("k:" + sk)
    else:
        for m in _LATIN_WORD.finditer(text):
            a.reliable.add("l:" + m.group().lower())
        for m in _ARABIC_WORD.finditer(text):
            sk = _arabic_skeleton(m.group())
            if len(sk) >= 3:
                a.names.add("k:" + sk)
    return a


def overlap(src: Anchors, tgt: Anchors) -> tuple[int, int]:
    """(reliable anchors shared, name anchors shared) by two sentences.

    A Latin token of the target (kept as is) matches a capitalised source word, which the
    source keeps among its name anchors.
    """
    rel = len(src.reliable & tgt.reliable)
    latin_kept = {x for x in tgt.reliable if x.startswith("l:")}
    rel += len(src.names & latin_kept)
    names = len(src.names & tgt.names)  # skeletons; and capitalised words in Latin targets
    return rel, names

"""Sentence segmentation for English, Arabic and Sorani (and Kurmanji), rule-based.

A sentence ends at ``. ! ? ؟ …`` (optionally followed by closing quotes or brackets) when
whitespace and a plausible sentence start follow: a capital letter, a digit, an opening
quote, or any Arabic-script letter (Arabic has no capitals). Not at:

* abbreviations and titles ("Mr.", "Gen.", "Capt.", "No. 5", "e.g.", "a.m."), single
  initials ("J. Smith"), dotted acronyms ("U.S.", "U.N.") unless a common sentence opener
  follows ("U.S. The"), one-letter Arabic abbreviations ("د." for doctor);
* decimals and thousands ("1.5", "40,000") or dotted dates, which have no space after the dot;
* the Arabic comma and semicolon (، ؛), which never end a sentence;
* an opening parenthesis: a credit like "(photo: ...)" stays with its sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from workbench.core.document import Document, Segment
from workbench.core.languages import is_arabic_script_char

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col capt maj sgt cpl pvt adm cmdr brig st jr sr sen rep gov
    pres rev hon fr mt ft no nos vs etc al approx est dept fig vol ch pp inc ltd co corp bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    e.g i.e a.m p.m cf viz ca birêz xanim xanima kapt""".split()
)
#: Words that start a new sentence after a dotted acronym ("... in the U.S. The ...").
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i but and so this that these those there his her their its
    in on at after before when while however meanwhile yet""".split()
)
_CLOSERS = "\"'”’»)]›"
_OPENERS = "\"'“‘«(["
_END = re.compile(r"([.!?؟…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
_WORD_BEFORE = re.compile(r"([\w\u064b-\u065f\u0670\u0640.'’-]+)$")  # harakat are part of words


def _starts_sentence(text: str, pos: int) -> bool:
    """Could a sentence start at ``pos``?"""
    if pos >= len(text):
        return False
    ch = text[pos]
    if ch == "(":
        return False
    if ch in _OPENERS:
        nxt = text[pos + 1 : pos + 2]
        return bool(nxt) and (
            nxt.isupper() or nxt.isdigit() or is_arabic_script_char(nxt) or nxt in _OPENERS
        )
    return ch.isupper() or ch.isdigit() or is_arabic_script_char(ch) or ch in "¡¿"


def _is_abbreviation(before: str, punct: str, next_word: str) -> bool:
    """Is the period after ``before`` part of an abbreviation rather than a sentence end?"""
    if punct != ".":
        return False
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lstrip("'’-")
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and (word.isupper() or is_arabic_script_char(word)):
        return True  # an initial "J." or a one-letter Arabic abbreviation "د."
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        # dotted acronym such as U.S or U.N: a sentence ends only before a common opener
        return next_word.lower() not in SENTENCE_OPENERS
    return False


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of one paragraph, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        cut = m.end(2)
        nxt = m.end(3)
        if not _starts_sentence(text, nxt):
            continue
        # bounded windows, never the rest of the text: linear in the paragraph's length
        next_word = re.match(r"[\w’']*", text[nxt : nxt + 64].lstrip(_OPENERS)).group(0)
        before = text[max(start, m.start(1) - 64) : m.start(1)]
        if _is_abbreviation(before, m.group(1), next_word):
            continue
        spans.append((start, cut))
        start = nxt
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Move offsets inward past whitespace."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


#: The longest segment (characters). A longer sentence is cut, at a space where it has one,
#: into segments of at most this length: no step downstream (names, TM, MT) sees more.
MAX_SEGMENT_CHARS = 4000


def cap_spans(
    text: str, spans: list[tuple[int, int]], limit: int = MAX_SEGMENT_CHARS
) -> list[tuple[int, int]]:
    """``spans`` with every span longer than ``limit`` cut into pieces of at most ``limit``.

    A piece ends at the last whitespace of its window (else at the limit, never between a
    letter and its combining marks); pieces are trimmed of whitespace.
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > limit:
            cut = s + limit
            space = max(text.rfind(" ", s + 1, cut + 1), text.rfind("\n", s + 1, cut + 1))
            if space > s + limit // 2:
                cut = space
            else:
                while cut > s + 1 and unicodedata.combining(text[cut]):
                    cut -= 1
            piece = _trim(text, s, cut)
            if piece[1] > piece[0]:
                out.append(piece)
            s = _trim(text, cut, e)[0]
        if e > s:
            out.append((s, e))
    return out


def segment_document(doc: Document) -> Iterator[Segment]:
    """All segments of a document, paragraph by paragraph, with stable ids.

    No segment is longer than :data:`MAX_SEGMENT_CHARS` (see :func:`cap_spans`).
    """
    for para in doc.paragraphs:
        spans = split_sentences(para.text, doc.lang)
        if para.kind in ("title", "heading"):
            spans = [(0, len(para.text))]
        if any(e - s > MAX_SEGMENT_CHARS for s, e in spans):
            spans = cap_spans(para.text, spans)
        for n, (s, e) in enumerate(spans, start=1):
            yield Segment(doc.id, para.number, n, para.kind, para.text[s:e], s, e)

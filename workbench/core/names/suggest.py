"""Candidate glossary entries: capitalised names in texts that the glossary does not know.

A candidate is a run of capitalised words, optionally joined by Arabic name particles
(al-, bin, ibn, abu, bu ...), that no glossary entry covers. Single capitalised words at the
start of a sentence are skipped when the text also uses them in lower case (ordinary words
such as "Apparently"), and any word is when it is a common English word: one of the
1,700 words that NTREX-128's English news writes in lower case (``data/common_words.en.tsv``,
built by ``tools/build_common_words.py``), or a weekday, month or title. Spellings of one
name are grouped under one candidate by :func:`workbench.core.names.cluster.cluster_names`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.names.cluster import cluster_names
from workbench.core.names.name_finder import NameHit, chunk_spans

_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "abu",
    "abou",
    "bu",
    "ben",
    "abd",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "an",
    "of",
    "de",
}
#: English grammar's closed classes: articles, pronouns, prepositions, conjunctions,
#: auxiliaries, determiners, numbers. In title case they still end a name ("... About ...")
#: and are dropped from its front ("The Islamic State"). Not the modals that are also names
#: (May, Will, Can): those are in the common words, which end no name.
_FUNCTION_WORDS = frozenset(
    """a an the and but or nor so if as at by in on of off to for from with within without
    into onto upon over under about above below across against along among around behind
    beside between beyond during except inside outside near through throughout toward towards
    after before when while where whether why how what which who whom whose this that these
    those there here then than it its he she they we you i his her hers their theirs our ours
    your yours my mine me him them us itself himself herself themselves is are was were be
    been being am has have had do does did would should could
    not no yes all any some many most much more less few other another each every both either
    neither such own same one two three four five six seven eight nine ten despite although
    though because since until unless""".split()
)
#: Always capitalised, so no count of lower-case words finds them: weekdays and months,
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
#: and the titles before a name, which are no part of it ("Dr Gary Mortimer").
_TITLES = frozenset("mr mrs ms dr prof".split())
#: Modals that are names too (May, Will): they end a name only in a title-case headline.
_MODALS = frozenset("may will can must might shall".split())
#: The list of English words that are no names (see tools/build_common_words.py).
COMMON_WORDS_FILE = Path(__file__).resolve().parents[2] / "data" / "common_words.en.tsv"


def load_common_words(path: Path = COMMON_WORDS_FILE) -> frozenset[str]:
    """The words of the common-words file (first column; ``#`` lines are comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in lines if line and line[0] != "#")


#: Ordinary words: a single capitalised one is no name, nor is one that opens a sentence.
_ORDINARY = _FUNCTION_WORDS | load_common_words() | _CALENDAR | _TITLES
#: Words that make no name on their own, even together ("Last Sunday", "On Monday").
_NO_NAME = _FUNCTION_WORDS | _CALENDAR | _TITLES
#: Dropped from the front of any run ("The Islamic State", "Dr Gary Mortimer").
_LEADING = _FUNCTION_WORDS | _TITLES
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ][\w'’]*")
_POSS = re.compile(r"['’]s?$")
#: What comes before a sentence's first word: the text's start, a paragraph break, an end
#: mark (a closing quote may follow it: 'he said.” Last Sunday'), or an opening quote.
_SENT_START = re.compile(r"(^|\n[ \t]*\n\s*|[.!?؟…:][”\"’'»)\]]*\s+|[“\"«(]\s*)$")


def _among(word: str, words: frozenset[str]) -> bool:
    """Is ``word`` one of ``words`` (lower-case)? Never an acronym in capitals (US, IT, AS)."""
    return word.lower() in words and not (len(word) > 1 and word.isupper())


@dataclass
class Candidate:
    """A name the glossary lacks: its most frequent spelling, the others, and examples."""

    name: str
    variants: list[str] = field(default_factory=list)
    count: int = 0
    examples: list[str] = field(default_factory=list)  # "path: context"


def _runs(text: str) -> list[tuple[int, int, str, bool]]:
    """Capitalised runs (start, end, text, at sentence start) in a text.

    A long text is read a piece at a time (cut where no run can continue), so only one
    piece's words are held.
    """
    out: list[tuple[int, int, str, bool]] = []
    for lo, hi in chunk_spans(text):
        _runs_in(text, lo, hi, out)
    return out


def _runs_in(text: str, lo: int, hi: int, out: list[tuple[int, int, str, bool]]) -> None:
    """Append the capitalised runs of ``text[lo:hi]`` to ``out``."""
    words = list(_WORD.finditer(text, lo, hi))
    i = 0
    while i < len(words):
        w = words[i]
        if not w.group()[0].isupper():
            i += 1
            continue
        j = i
        while j + 1 < len(words) and not _POSS.search(words[j].group()):
            gap = text[words[j].end() : words[j + 1].start()]
            nxt = words[j + 1].group()
            if gap not in (" ", "-"):
                break
            if nxt[0].isupper() and not _among(nxt, _FUNCTION_WORDS):
                after = words[j + 2].group() if j + 2 < len(words) else ""
                if _among(nxt, _MODALS) and after[:1].isupper():
                    break  # a headline's "... Al Qaem May Be The ...", not "Theresa May said"
                j += 1
                continue
            # a lower-case particle inside a name: "Ain al-Asad", "Abu Bakr al-Baghdadi"
            if (
                nxt.lower() in _PARTICLES
                and j + 2 < len(words)
                and words[j + 2].group()[0].isupper()
            ):
                gap2 = text[words[j + 1].end() : words[j + 2].start()]
                if gap2 in (" ", "-"):
                    j += 2
                    continue
            break
        start, end = w.start(), words[j].end()
        # an article glued in front: "al-Karbouli"
        if (
            i > 0
            and words[i - 1].group().lower() in ("al", "el")
            and text[words[i - 1].end() : start] == "-"
        ):
            start = words[i - 1].start()
        # searched in a window ending at the run (^ still means the text's start): linear
        at_start = _SENT_START.search(text, max(0, start - 64), start) is not None
        out.append((start, end, text[start:end], at_start))
        i = j + 1


#: A capitalised run longer than this (characters) is no name: it is not suggested.
MAX_NAME_CHARS = 120


class _Covered:
    """Whether a span lies inside one of a text's glossary hits (bisect: log time per span)."""

    def __init__(self, hits: list[NameHit]) -> None:
        """Index the hits by start; ``reach[k]`` is the furthest end of the first k+1."""
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        for _, e in spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __call__(self, start: int, end: int) -> bool:
        """True when some hit starts at or before ``start`` and ends at or after ``end``."""
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and self.reach[k] >= end


def _is_known_or_demonym(word: str, is_known: Callable[[str], bool]) -> bool:
    """A glossary name, or its demonym (Iraqi, Syrian, Iraqis)."""
    if is_known(word):
        return True
    for suffix in ("ians", "ian", "is", "i", "n"):
        if word.lower().endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if is_known(stem) or is_known(stem + "a"):
                return True
    return False


def _trim_leading(
    start: int, name: str, sentence_start: bool, words: frozenset[str] = _LEADING
) -> tuple[int, str, bool]:
    """Drop leading ``words`` of a run ("The Islamic State" -> "Islamic State")."""
    while True:
        m = re.match(r"([^\s-]+)[\s-]+", name)
        if not m or not _among(m.group(1), words):
            return start, name, sentence_start
        start += m.end()
        name = name[m.end() :]
        sentence_start = False


def _strip_possessive(name: str) -> str:
    """Drop a trailing possessive 's or apostrophe (Anbar's, ISIS', Iraqis’)."""
    return re.sub(r"['’]s?$", "", name)


def suggest_names(
    texts: dict[str, str],
    known: dict[str, list[NameHit]],
    min_count: int = 1,
    is_known: Callable[[str], bool] = lambda _: False,
) -> list[Candidate]:
    """Candidates from Latin-script ``texts`` (path -> text).

    Names the glossary covers are skipped: spans of ``known`` hits, and words for which
    ``is_known`` is true (and their demonyms).
    """
    known_words: dict[str, bool] = {}  # running text repeats its words: look each up once

    def is_known_once(word: str) -> bool:
        if word not in known_words:
            known_words[word] = is_known(word)
        return known_words[word]

    lower_words = frozenset(
        w.group() for text in texts.values() for w in _WORD.finditer(text) if w.group().islower()
    )
    runs = {
        path: [_trim_leading(s, n, at) for s, _, n, at in _runs(t)] for path, t in texts.items()
    }
    # a name seen whole inside a sentence keeps an ordinary first word at a sentence's start
    # ("Human Rights Watch said ..."); else that word is no part of it ("Later Khamis ...")
    whole = {_strip_possessive(n) for rs in runs.values() for _, n, at in rs if not at}
    found: list[tuple[str, str, str, bool]] = []  # (name, path, context, at sentence start)
    for path, text in texts.items():
        covered = _Covered(known.get(path, []))
        for start, name, sentence_start in runs[path]:
            if sentence_start and _strip_possessive(name) not in whole:
                start, name, sentence_start = _trim_leading(start, name, True, _ORDINARY)
            name = _strip_possessive(name)
            end = start + len(name)
            if not name or len(name) > MAX_NAME_CHARS or covered(start, end):
                continue  # empty, no name, or the glossary knows the whole name
            words = name.replace("-", " ").split()
            if len(words) == 1:
                if _among(name, _ORDINARY) or _among(name, lower_words) or len(name) < 3:
                    continue
            if all(_among(w, _NO_NAME) or _is_known_or_demonym(w, is_known_once) for w in words):
                continue
            ctx = text[max(0, start - 30) : min(len(text), end + 30)].replace("\n", " ")
            found.append((name, path, ctx, sentence_start and len(words) == 1))
    # a single word seen only at the start of sentences is an ordinary word ("Cutting")
    mid = {n for n, _, _, initial in found if not initial}
    found = [f for f in found if not f[3] or f[0] in mid]
    per_name = Counter(n for n, _, _, _ in found)
    first_examples: dict[str, list[tuple[int, str]]] = {}
    for k, (n, p, c, _) in enumerate(found):
        ex = first_examples.setdefault(n, [])
        if len(ex) < 2:
            ex.append((k, f"{p}: …{c}…"))
    distinct = list(per_name)
    out = []
    for group in cluster_names(distinct):
        spellings = [distinct[i] for i in group]
        counts = Counter({n: per_name[n] for n in spellings})
        total = sum(counts.values())
        if total < min_count:
            continue
        best = counts.most_common(1)[0][0]
        examples = [e for _, e in sorted(x for n in spellings for x in first_examples[n])][:2]
        out.append(Candidate(best, [s for s in spellings if s != best], total, examples))
    out.sort(key=lambda c: (-c.count, c.name))
    return out

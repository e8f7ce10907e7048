"""The context panel: what the app knows about the current segment.

Where its draft came from, the glossary names of its source with their forms, and up to
three translation-memory matches (keys 1-3 insert one). A match is shown with the score
that is stored when it is inserted: 101 or 100 only for the stored translation word for
word; one whose names were put into the glossary's forms is below 100, with the names it
changed on the line after it.

Each match says what it is: its score, its source with the words that differ from the
segment's source marked (struck out: only in the match; underlined: only in the segment;
names compared through the glossary), the names leveraging put in the glossary's form,
and where the unit came from (its origin, translator and date).

Matches are looked up once per segment and language, and again when the TM changed: its
``version()`` (``PRAGMA data_version``) is checked on every lookup and, while the panel
is up, every second by the panel's own timer, so a ``workbench tm add-texts`` run in
another terminal shows in the panel without a restart.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from workbench.core.errors import WorkbenchError
from workbench.core.word_diff import EQUAL, NEW, OLD, Piece, word_diff
from workbench.store.unit_info import unit_info
from workbench.tui.rtl import visual, visual_mixed
from workbench.tui.segment_view import RTL, Row, wrap

#: Lines the panel shows at most (fewer on a short terminal).
LINES = 10
#: How the diff of a match's source marks its words.
DIFF_STYLE = {EQUAL: "", OLD: "strike red", NEW: "underline green"}
#: Matches shown (keys 1-3).
MATCHES = 3
#: Seconds between checks whether the TM changed.
TM_POLL = 1.0


def name_line(entry, langs: list[str]) -> str:
    """A glossary entry for the panel: English with variants, then ar, ckb and kmr forms.

    The shown languages come first with their variants (so the translator sees which
    spellings are accepted); Kurmanji is added whenever the glossary has it. Variants the
    house style deprecates are listed apart, after "deprecated:" (still found in text,
    never to be written), so they are never taken for accepted ones.
    """
    order = [*langs, *(x for x in ("ar", "ckb", "kmr") if x not in langs)]
    parts = []
    for lang in order:
        forms = entry.forms(lang)
        if forms:
            also = _variants(entry, lang, forms[1:]) if lang in langs else ""
            parts.append(f"{lang}: {forms[0]}{also}")
    return f"▸ {entry.en}{_variants(entry, 'en', entry.en_variants)}  " + "  ".join(parts)


def _variants(entry, lang: str, variants) -> str:
    """' (admitted, ...; deprecated: wrong, ...)', two of each at most; '' when none."""
    wrong = [v for v in variants if entry.is_deprecated(lang, v)]
    ok = [v for v in variants if v not in wrong]
    shown = ", ".join(ok[: 3 if lang == "en" else 2])
    if wrong:
        shown += ("; " if shown else "") + "deprecated: " + ", ".join(wrong[:2])
    return f" ({shown})" if shown else ""


def wrap_fields(line: str, width: int) -> list[str]:
    """Wrap a panel line at its fields (two spaces apart: "ar: form (variants)"), first.

    Each line is then shaped and reordered on its own (``visual_mixed``), so a break
    inside a field's bracketed list would leave "(" at the end of one line and ")" at the
    start of the next, each on the wrong side of the right-to-left words it encloses. A
    field goes whole to the next line; only one wider than the panel is broken in words.
    """
    out: list[str] = []
    current = ""
    for field_ in line.split("  "):
        joined = f"{current}  {field_}" if current else field_
        if len(joined) <= width:
            current = joined
            continue
        if current:
            out.append(current)
        if len(field_) <= width:
            current = field_
        else:
            *whole, current = wrap(field_, width)
            out += whole
    return [*out, current]


class ContextPanel(Static):
    """Up to six lines under the score line: provenance, glossary names, TM matches."""

    DEFAULT_CSS = "ContextPanel { height: auto; max-height: 10; color: $text-muted; }"

    class Show(Message):
        """Describe ``row`` (None: no segment) in target language ``lang``."""

        bubble = False

        def __init__(self, row: Row | None, lang: str) -> None:
            """The segment and language to describe."""
            super().__init__()
            self.row, self.lang = row, lang

    def __init__(
        self,
        rows: Callable[[], list[Row]],
        langs: list[str],
        rtl_mode: str,
        src_lang: dict[str, str],
        finder=None,
        tm=None,
        **kw,
    ) -> None:
        """A panel over ``rows()`` (every segment, for context matches) and ``tm``."""
        super().__init__("", **kw)
        self._rows = rows
        self.langs = langs
        self.rtl_mode = rtl_mode
        self.src_lang = src_lang  # document name -> its source language
        self.finder = finder
        self.tm = tm  # a TranslationMemory, or None
        self._seen: dict[tuple[int, str], list] = {}  # (segment, language) -> matches
        self._about: dict[int, str] = {}  # unit id -> "origin · translator · date"
        self._version = tm.version() if tm is not None else None
        self._shown: tuple[Row | None, str] = (None, langs[0])
        self._shown_matches: list = []
        self._positions: tuple[int, dict[int, int]] = (0, {})

    def on_mount(self) -> None:
        """Watch the TM for changes while the panel is up (the timer ends with it)."""
        if self.tm is not None:
            self.set_interval(TM_POLL, self._check_tm)

    def on_context_panel_show(self, message: Show) -> None:
        """Describe the segment now current."""
        self.show(message.row, message.lang)

    # --- TM matches --------------------------------------------------------------------

    def matches_for(self, row: Row | None, lang: str) -> list:
        """The matches for ``row`` in ``lang``: those shown, if the panel shows that segment.

        What a key inserts is what the translator saw, even if the TM changed since.
        """
        if row is None:
            return []
        if self._shown == (row, lang):
            return self._shown_matches
        return self._lookup(row, lang)

    def _stale(self) -> bool:
        """Whether the TM changed since the cached lookups (then they are dropped)."""
        version = self.tm.version()
        if version == self._version:
            return False
        self._version = version
        self._seen.clear()
        self._about.clear()
        return True

    def forget_matches(self) -> None:
        """Look every segment up again (the glossary changed: names compare anew)."""
        self._seen.clear()
        self._about.clear()

    def _lookup(self, row: Row, lang: str) -> list:
        """The TM matches of ``row`` in ``lang``: cached until the TM changes."""
        if self.tm is None or not row.source.strip():
            return []
        self._stale()
        key = (row.segment_id, lang)
        if key not in self._seen:
            prev, next_ = self._neighbours(row)
            src = self.src_lang.get(row.key.split(":")[0], "en")
            try:
                self._seen[key] = self.tm.lookup(
                    row.source, src, lang, prev=prev, following=next_, limit=MATCHES
                )
            except WorkbenchError:  # (a TM locked by another process): no matches now
                return []
        return self._seen[key]

    def _neighbours(self, row: Row) -> tuple[str, str]:
        """The sources of the segments before and after ``row`` in its document."""
        rows = self._rows()
        size, pos = self._positions
        if size != len(rows) or pos.get(id(row)) is None:
            pos = {id(r): i for i, r in enumerate(rows)}
            self._positions = (len(rows), pos)
        at = pos.get(id(row))
        if at is None:
            return "", ""
        doc = row.key.split(":")[0]

        def source(i: int) -> str:
            ok = 0 <= i < len(rows) and rows[i].key.split(":")[0] == doc
            return rows[i].source if ok else ""

        return source(at - 1), source(at + 1)

    def _check_tm(self) -> None:
        """The timer: when the TM changed, look the shown segment's matches up again."""
        row, lang = self._shown
        if self._stale() and row is not None:
            self.show(row, lang)

    # --- drawing -----------------------------------------------------------------------

    def _names(self, row: Row) -> list:
        """The glossary entries named in the segment's source, in order, each once."""
        if self.finder is None:
            return []
        src = self.src_lang.get(row.key.split(":")[0], "en")
        hits = self.finder.find(row.source, src, nested=False)
        return list({h.entry.id: h.entry for h in hits}.values())

    def show(self, row: Row | None, lang: str) -> None:
        """Describe ``row`` in ``lang`` now."""
        matches = self._lookup(row, lang) if row is not None else []
        self._shown, self._shown_matches = (row, lang), matches
        if row is None:
            self.update("")
            return
        lines = []
        made_by = row.origin.get(lang, "")
        if made_by and row.targets.get(lang):
            lines.append(f"{lang} {row.status.get(lang, 'new')} from {made_by}")
        lines += [name_line(entry, self.langs) for entry in self._names(row)]
        width = max(self.size.width or self.app.size.width, 20)
        shown = [
            Text(visual_mixed(part, self.rtl_mode)) for x in lines for part in wrap_fields(x, width)
        ]
        for n, m in enumerate(matches, start=1):  # a translation: its own direction
            label = f"[{n}] {m.score:.0f}%  "
            pad = " " * len(label)
            for k, part in enumerate(wrap(m.target, width - len(label))):
                text = visual(part, self.rtl_mode) if lang in RTL else part
                shown.append(Text((label if k == 0 else pad) + text))
            if m.substitutions:  # what leveraging changed: why it is not a 100
                changed = "; ".join(f"{a} → {b}" for a, b in m.substitutions)
                line = f"names put in the glossary's form: {changed}"
                for part in wrap(line, width - len(label)):
                    shown.append(Text(pad + visual_mixed(part, self.rtl_mode)))
            # what it is, then its source's differences (the same source needs none)
            about = Text(pad + visual_mixed(self.about(m), self.rtl_mode), style="italic")
            if match_kind(m) not in ("exact", "context"):  # as the label says
                about.append(" │ ")
                about += self.diff_line(m, row, max(width - len(about.plain), 10))
            shown.append(about[:width])
        limit = min(LINES, max(6, (self.app.size.height or 40) // 4))
        self.update(Text("\n").join(shown[:limit]))

    # --- what a match is -----------------------------------------------------------------

    def diff_pieces(self, m, row: Row) -> list[Piece]:
        """The match's source against the segment's, word by word, names as their entries."""
        src = self.src_lang.get(row.key.split(":")[0], "en")

        def names(text: str) -> list[tuple[int, int, str]]:
            if self.finder is None:
                return []
            return [(h.start, h.end, h.entry.id) for h in self.finder.find(text, src, nested=False)]

        return word_diff(m.source, row.source, names(m.source), names(row.source))

    def diff_line(self, m, row: Row, width: int) -> Text:
        """One line: the match's source, differences marked, cut around the first one."""
        pieces = self.diff_pieces(m, row)
        text = Text()
        first = None
        for p in pieces:
            if p.kind != EQUAL and first is None:
                first = len(text.plain)
            text.append(visual_mixed(p.text, self.rtl_mode), style=DIFF_STYLE[p.kind])
        if len(text.plain) > width and first is not None and first > width // 3:
            start = first - width // 3  # the first difference in view
            text = Text("…") + text[start + 1 :]
        if len(text.plain) > width:
            text = text[: width - 1] + Text("…")
        return text

    def about(self, m) -> str:
        """What kind of match, where its unit came from, who made it and when.

        The unit's origin, translator and date are cached by unit; the kind is the
        match's own (one unit is a 101 for its own segment and a fuzzy for another).
        """
        if m.unit_id not in self._about:
            info = None
            if self.tm is not None:
                try:
                    info = unit_info(self.tm.con, m.unit_id)
                except (sqlite3.Error, WorkbenchError):  # (a TM locked or gone: say less)
                    info = None
            parts = []
            if info is not None:
                parts += [x for x in (info.origin, info.translator, info.date) if x]
            elif m.origin:
                parts.append(m.origin)
            self._about[m.unit_id] = " · ".join(parts)
        return " · ".join(x for x in (match_kind(m), self._about[m.unit_id]) if x)


def match_kind(m) -> str:
    """The match's label: "context" only for a 101, "exact" only for a 100, else its kind."""
    if m.score >= 101:
        return "context"
    if m.score >= 100:
        return "exact"
    return m.kind if m.kind not in ("context", "exact") else "fuzzy"

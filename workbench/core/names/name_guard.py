"""Keeping glossary names intact through machine translation.

Before MT, :func:`protect` replaces each glossary name of the source with a placeholder
token (``XNAME1X``, ``XNAME2X``...) that translation models copy through, remembering the
entry and the glossary's target form. After MT, :func:`restore` puts the target form
where the placeholder came out (tolerating the spaces, case changes and punctuation that
models add), corrects names the model translated itself but spelled otherwise than the
glossary, and flags every name that is missing from the output, so the segment can be
shown to a translator instead of being published with a dropped or mangled name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.glossary import Entry
from workbench.core.names.name_finder import NameFinder, NameHit

_PLACEHOLDER = re.compile(r"x\s*n\s*a\s*m\s*e\s*(\d+)\s*x", re.IGNORECASE)


def placeholder(n: int) -> str:
    """The placeholder token of the n-th name (1-based)."""
    return f"XNAME{n}X"


@dataclass(frozen=True)
class Slot:
    """One protected name: its entry, how the source wrote it, and the form to restore."""

    n: int
    entry: Entry
    source: str
    target: str  # the glossary's preferred form in the target language ('' if none)


@dataclass
class Guarded:
    """A source with its names replaced by placeholders."""

    text: str
    slots: list[Slot]


@dataclass
class Restored:
    """An MT output after restoration, and what happened to each name."""

    text: str
    restored: list[Slot] = field(default_factory=list)  # placeholder found and replaced
    corrected: list[tuple[str, str]] = field(default_factory=list)  # (model spelling, glossary)
    missing: list[Slot] = field(default_factory=list)  # dropped or mangled: flag the segment

    @property
    def ok(self) -> bool:
        """True when every protected name is in the output in its glossary form."""
        return not self.missing


def protect(text: str, src_lang: str, tgt_lang: str, finder: NameFinder) -> Guarded:
    """Replace the glossary names of ``text`` (top-level hits) with placeholders."""
    slots: list[Slot] = []
    out, pos = [], 0
    for hit in finder.find(text, src_lang, nested=False):
        target = hit.entry.preferred(tgt_lang)
        if not target:
            continue  # no form to restore: let the model translate it
        slots.append(Slot(len(slots) + 1, hit.entry, hit.surface, target))
        out.append(text[pos : hit.start])
        out.append(placeholder(len(slots)))
        pos = hit.end
    out.append(text[pos:])
    return Guarded("".join(out), slots)


def restore(output: str, guarded: Guarded, tgt_lang: str, finder: NameFinder) -> Restored:
    """Put the glossary's target forms back into an MT output and report missing names."""
    by_n = {s.n: s for s in guarded.slots}
    seen: set[int] = set()
    result = Restored("")

    def put(m: re.Match[str]) -> str:
        slot = by_n.get(int(m.group(1)))
        if slot is None or slot.n in seen:
            return ""  # a placeholder the source did not have, or a repeat: drop it
        seen.add(slot.n)
        result.restored.append(slot)
        return slot.target

    text = _PLACEHOLDER.sub(put, output)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    # names the model translated itself: accept them in the glossary's spelling
    hits = finder.find(text, tgt_lang, nested=False)
    present = {h.entry.id for h in hits}
    fixes: list[tuple[NameHit, Slot]] = []
    for slot in guarded.slots:
        if slot.n in seen:
            continue
        if slot.entry.id in present:
            fixes += [(h, slot) for h in hits if h.entry.id == slot.entry.id]
        else:
            result.missing.append(slot)
    result.text = _respell(text, fixes, result)
    return result


def _respell(text: str, fixes: list[tuple[NameHit, Slot]], result: Restored) -> str:
    """Rewrite the model's spellings of names into the glossary's forms.

    Every name of every slot is rewritten from the end of the text back, so that the
    offsets of the names not yet rewritten stay right.
    """
    corrected = []
    for h, slot in sorted(fixes, key=lambda x: -x[0].start):
        core = h.spelling
        if core == slot.target or core not in h.surface:
            continue
        new = h.surface.replace(core, slot.target, 1)
        corrected.append((h.surface, new))
        text = text[: h.start] + new + text[h.end :]
    result.corrected.extend(reversed(corrected))  # in text order
    return text

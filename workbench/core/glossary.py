"""The transliteration glossary: one entry per person, place, tribe, organisation or term."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from workbench.core.errors import GlossaryError

ENTRY_TYPES = ("person", "place", "tribe", "organisation", "term")


@dataclass(frozen=True)
class Entry:
    """One concept with its forms in every language.

    ``en`` is the preferred English form; ``en_variants`` the other Latin spellings met in the
    wild. ``ar``/``ckb`` are the preferred Arabic and Sorani forms (Arabic script), with their
    own variants; ``kmr`` is the Kurmanji (Latin) form, empty where none is established.
    """

    id: str
    type: str
    en: str
    en_variants: tuple[str, ...] = ()
    ar: str = ""
    ar_variants: tuple[str, ...] = ()
    ckb: str = ""
    ckb_variants: tuple[str, ...] = ()
    kmr: str = ""
    note: str = ""
    line: int | None = field(default=None, compare=False)

    def forms(self, lang: str) -> tuple[str, ...]:
        """Preferred form first, then variants, for 'en', 'ar', 'ckb' or 'kmr'."""
        if lang == "en":
            return (self.en, *self.en_variants)
        if lang == "ar":
            return tuple(f for f in (self.ar, *self.ar_variants) if f)
        if lang == "ckb":
            return tuple(f for f in (self.ckb, *self.ckb_variants) if f)
        if lang == "kmr":
            return (self.kmr,) if self.kmr else ()
        return ()

    def preferred(self, lang: str) -> str:
        """The preferred form in a language ('' when the glossary has none)."""
        return {"en": self.en, "ar": self.ar, "ckb": self.ckb, "kmr": self.kmr}.get(lang, "")

    def latin_forms(self) -> tuple[str, ...]:
        """Every Latin-script form: English spellings and the Kurmanji form."""
        return (*self.forms("en"), *self.forms("kmr"))

    def arabic_forms(self) -> tuple[str, ...]:
        """Every Arabic-script form: Arabic and Sorani, preferred and variants."""
        return (*self.forms("ar"), *self.forms("ckb"))


class Glossary:
    """An ordered collection of entries with unique ids."""

    def __init__(self, entries: Iterable[Entry] = (), source: str = "<glossary>") -> None:
        """Validate and store entries; GlossaryError names the offending line."""
        self.source = source
        self._entries: dict[str, Entry] = {}
        for e in entries:
            self.add(e)

    def add(self, entry: Entry) -> None:
        """Add one entry, checking its id, type and English form."""
        if not entry.id:
            raise GlossaryError(self.source, entry.line, "entry has no id")
        if entry.id in self._entries:
            first = self._entries[entry.id].line
            raise GlossaryError(
                self.source, entry.line, f"duplicate id {entry.id!r} (first on line {first})"
            )
        if entry.type not in ENTRY_TYPES:
            raise GlossaryError(
                self.source,
                entry.line,
                f"unknown type {entry.type!r} for {entry.id!r} "
                f"(use one of: {', '.join(ENTRY_TYPES)})",
            )
        if not entry.en.strip():
            raise GlossaryError(self.source, entry.line, f"entry {entry.id!r} has no English form")
        self._entries[entry.id] = entry

    def __iter__(self) -> Iterator[Entry]:
        """Entries in file order."""
        return iter(self._entries.values())

    def __len__(self) -> int:
        """Number of entries."""
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        """True if an entry with that id exists."""
        return entry_id in self._entries

    def fingerprint(self) -> str:
        """A digest of every entry's id and forms: equal exactly when names match the same."""
        digest = hashlib.sha256()
        for e in sorted(self, key=lambda x: x.id):
            forms = [
                e.id,
                e.type,
                *(f for lang in ("en", "ar", "ckb", "kmr") for f in e.forms(lang)),
            ]
            digest.update("\x1f".join(forms).encode("utf-8") + b"\x1e")
        return digest.hexdigest()[:16]

    def get(self, entry_id: str) -> Entry | None:
        """The entry with that id, or None."""
        return self._entries.get(entry_id)

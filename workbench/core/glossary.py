"""The transliteration glossary: one entry per person, place, tribe, organisation or term.

House style: per language, the preferred form is the one to write; a listed variant is
*admitted* (accepted, found in text, not flagged unless the house asks for it:
``Glossary.flag_admitted``) unless it is *deprecated* (wrong: still found, so that QA can
flag it and MT restoration and TM leverage can write the preferred form instead).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from workbench.core.errors import GlossaryError

ENTRY_TYPES = ("person", "place", "tribe", "organisation", "term")
#: The house-style status of a listed form (TBX ``administrativeStatus`` without the suffix).
PREFERRED, ADMITTED, DEPRECATED = "preferred", "admitted", "deprecated"


@dataclass(frozen=True)
class Entry:
    """One concept with its forms in every language.

    ``en`` is the preferred English form; ``en_variants`` the other Latin spellings met in the
    wild. ``ar``/``ckb`` are the preferred Arabic and Sorani forms (Arabic script), with their
    own variants; ``kmr`` is the Kurmanji (Latin) form, empty where none is established.
    ``deprecated`` holds the (language, variant) pairs the house says are wrong; every other
    variant is admitted.
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
    deprecated: tuple[tuple[str, str], ...] = ()

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

    def status(self, lang: str, form: str) -> str:
        """'preferred', 'admitted' or 'deprecated' for a listed form of ``lang``; '' if unlisted."""
        if not form or form not in self.forms(lang):
            return ""
        if form == self.preferred(lang):
            return PREFERRED
        return DEPRECATED if (lang, form) in self.deprecated else ADMITTED

    def is_deprecated(self, lang: str, form: str) -> bool:
        """True when the house says ``form`` is a wrong way to write the name in ``lang``."""
        return (lang, form) in self.deprecated and form != self.preferred(lang)

    def latin_forms(self) -> tuple[str, ...]:
        """Every Latin-script form: English spellings and the Kurmanji form."""
        return (*self.forms("en"), *self.forms("kmr"))

    def arabic_forms(self) -> tuple[str, ...]:
        """Every Arabic-script form: Arabic and Sorani, preferred and variants."""
        return (*self.forms("ar"), *self.forms("ckb"))


class Glossary:
    """An ordered collection of entries with unique ids."""

    def __init__(
        self,
        entries: Iterable[Entry] = (),
        source: str = "<glossary>",
        flag_admitted: bool = False,
    ) -> None:
        """Validate and store entries; GlossaryError names the offending line.

        ``flag_admitted``: the house wants QA to flag admitted variants too, not only
        deprecated ones.
        """
        self.source = source
        self.flag_admitted = flag_admitted
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

"""The glossary grows from the editor: a name and its Arabic or Sorani form, one line.

A translator marks a name in the source and gives its form in the target language:
either a new entry (one line appended to the TSV) or, for a name the glossary has, a new
form on that entry's line (the preferred form if the entry has none in that language,
else a variant). Nothing else in the file changes, so the diff is the one line. The TSV
is locked for the read-change-write (:mod:`workbench.services.file_lock`: another
translator adding a name at the same moment waits, and both land) and replaced by
rename (:func:`workbench.services.files.write_text`): a reader sees the old file or the
new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.glossary import ENTRY_TYPES, Entry, Glossary
from workbench.core.textio import read_text
from workbench.formats.glossary_tsv import COLUMNS, dump_glossary_tsv, parse_glossary_tsv
from workbench.services.file_lock import locked
from workbench.services.files import write_text

#: The target languages a form can be added in.
FORM_LANGS = ("ar", "ckb", "kmr")


@dataclass(frozen=True)
class AddedName:
    """What was written for a name.

    ``how``: new (an entry), form (its preferred form in the language), variant, or
    known (the glossary had it: nothing written).
    """

    entry: Entry
    how: str
    glossary: Glossary  # the glossary as the file holds it now
    path: Path


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _new_id(en: str, glossary: Glossary) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", en.casefold()).strip("-") or "name"
    n, entry_id = 2, base
    while entry_id in glossary:
        entry_id, n = f"{base}-{n}", n + 1
    return entry_id


def _line(entry: Entry) -> str:
    """The entry's TSV line, as the dump writes it."""
    return dump_glossary_tsv(Glossary([entry])).rstrip("\n").split("\n")[-1]


def _with_form(entry: Entry, en: str, lang: str, form: str) -> tuple[Entry, str]:
    """``entry`` knowing ``form`` in ``lang`` (and ``en`` as an English spelling)."""
    how = "known"
    if not any(_same(en, x) for x in entry.forms("en")):
        entry = replace(entry, en_variants=(*entry.en_variants, en))
        how = "variant"
    if form in entry.forms(lang):
        return entry, how
    if not entry.preferred(lang):
        return replace(entry, **{lang: form}), "form"
    if lang == "kmr":
        raise InputError(f"{entry.id} has a Kurmanji form already ({entry.kmr}); edit the TSV")
    field = f"{lang}_variants"
    return replace(entry, **{field: (*getattr(entry, field), form)}), "variant"


def add_name(
    path: str | Path,
    en: str,
    lang: str,
    form: str,
    entry_id: str | None = None,
    type_: str = "person",
) -> AddedName:
    """Add ``form`` (in ``lang``) for the English name ``en`` to the glossary TSV at ``path``.

    ``entry_id``: the entry the name belongs to (the finder found it), else one whose
    English forms include ``en``, else a new entry of ``type_``. One-line InputError for
    an empty name or form, a language without a column, a type the glossary lacks, or a
    file that is not a glossary TSV (then nothing is written).
    """
    en, form = " ".join(en.split()), " ".join(form.split())
    if not en:
        raise InputError("no name given: mark it in the source, or type it")
    if not form:
        raise InputError(f"no {lang} form given for {en}")
    if lang not in FORM_LANGS:
        raise InputError(f"the glossary has no column for {lang!r} (use: {', '.join(FORM_LANGS)})")
    if type_ not in ENTRY_TYPES:
        raise InputError(f"unknown type {type_!r} (use one of: {', '.join(ENTRY_TYPES)})")
    p = Path(path)
    if p.suffix.lower() == ".tbx":
        raise InputError(f"{p} is a TBX file: names are added to a glossary TSV")
    with locked(p) as created:
        text = "\t".join(COLUMNS) + "\n" if created else read_text(p)
        glossary = parse_glossary_tsv(text, str(p))  # a broken file stops here, untouched
        entry = glossary.get(entry_id) if entry_id else None
        if entry is None:
            entry = next((e for e in glossary if any(_same(en, x) for x in e.forms("en"))), None)
        lines = text.split("\n")
        if entry is None:
            entry = Entry(id=_new_id(en, glossary), type=type_, en=en, **{lang: form})
            how = "new"
            if lines and lines[-1] == "":
                lines.pop()
            lines += [_line(entry), ""]
        else:
            entry, how = _with_form(entry, en, lang, form)
            if how == "known":
                return AddedName(entry, how, glossary, p)
            at = glossary.get(entry.id).line
            lines[at - 1] = _line(entry)
        new_text = "\n".join(lines)
        updated = parse_glossary_tsv(new_text, str(p))  # what readers will see
        write_text(p, new_text)
    return AddedName(updated.get(entry.id), how, updated, p)

"""The glossary's plain-text form: one entry per line, tab-separated, easy to edit and diff.

Columns (the header line names them, in this order)::

    id  type  en  en_variants  ar  ar_variants  ckb  ckb_variants  kmr  note

Variant columns hold several spellings separated by `` | ``. Lines starting with ``#`` and
blank lines are ignored. A malformed row is an error that names the file and the line.

House style: the column ``en``/``ar``/``ckb``/``kmr`` is the preferred form; a variant is
admitted, or deprecated when written with a leading ``!`` (``عانة`` preferred, ``!عانه``
wrong). The comment line ``# house-style: flag-admitted`` asks QA to flag admitted
variants as well. Files without either load as before (every variant admitted).
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.errors import GlossaryError, WorkbenchError
from workbench.core.glossary import Entry, Glossary
from workbench.core.textio import read_text

COLUMNS = (
    "id",
    "type",
    "en",
    "en_variants",
    "ar",
    "ar_variants",
    "ckb",
    "ckb_variants",
    "kmr",
    "note",
)
SEP = " | "
#: The mark of a deprecated variant.
DEPRECATED_MARK = "!"
#: House-style options of the ``# house-style:`` comment line.
HOUSE_STYLE_OPTIONS = ("flag-admitted",)
_HOUSE_STYLE = re.compile(r"^#\s*house-style\s*:(.*)$")
_VARIANT_LANGS = {"en_variants": "en", "ar_variants": "ar", "ckb_variants": "ckb"}


def _split(cell: str) -> tuple[str, ...]:
    """Split a variants cell on '|' and drop empty parts."""
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _variants(cell: str, lang: str) -> tuple[tuple[str, ...], list[tuple[str, str]]]:
    """The variants of a cell without their marks, and the (lang, form) pairs deprecated."""
    forms, deprecated = [], []
    for part in _split(cell):
        if part.startswith(DEPRECATED_MARK):
            part = part[len(DEPRECATED_MARK) :].strip()
            if not part:
                continue
            deprecated.append((lang, part))
        forms.append(part)
    return tuple(forms), deprecated


def _house_style(line: str, source: str, lineno: int) -> set[str] | None:
    """The options of a ``# house-style:`` line (None for any other line)."""
    m = _HOUSE_STYLE.match(line.strip())
    if m is None:
        return None
    opts = {o.strip().lower() for o in m.group(1).replace(",", " ").split() if o.strip()}
    unknown = sorted(opts - set(HOUSE_STYLE_OPTIONS))
    if unknown:
        raise GlossaryError(
            source,
            lineno,
            f"unknown house-style option {unknown[0]!r} (use: {', '.join(HOUSE_STYLE_OPTIONS)})",
        )
    return opts


def parse_glossary_tsv(text: str, source: str = "<glossary>") -> Glossary:
    """Parse glossary TSV text; GlossaryError on a missing header or a broken row."""
    glossary = Glossary(source=source)
    header_seen = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\n")
        if line.lstrip().startswith("#"):
            opts = _house_style(line, source, lineno)
            if opts is not None:
                glossary.flag_admitted = "flag-admitted" in opts
            continue
        if not line.strip():
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(c.strip() for c in cells) != COLUMNS:
                raise GlossaryError(source, lineno, "header must be: " + " ".join(COLUMNS))
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise GlossaryError(
                source, lineno, f"expected {len(COLUMNS)} tab-separated columns, found {len(cells)}"
            )
        c = dict(zip(COLUMNS, (x.strip() for x in cells), strict=True))
        deprecated: list[tuple[str, str]] = []
        variants = {}
        for column, lang in _VARIANT_LANGS.items():
            variants[column], dep = _variants(c[column], lang)
            deprecated += dep
        glossary.add(
            Entry(
                id=c["id"],
                type=c["type"],
                en=c["en"],
                en_variants=variants["en_variants"],
                ar=c["ar"],
                ar_variants=variants["ar_variants"],
                ckb=c["ckb"],
                ckb_variants=variants["ckb_variants"],
                kmr=c["kmr"],
                note=c["note"],
                line=lineno,
                deprecated=tuple(deprecated),
            )
        )
    if not header_seen:
        raise GlossaryError(source, None, "no header line; is this a glossary TSV?")
    return glossary


def load_glossary(path: str | Path) -> Glossary:
    """Read a glossary TSV file (UTF-8)."""
    try:
        text = read_text(path)
    except WorkbenchError as exc:
        raise GlossaryError(str(path), None, str(exc).split(": ", 1)[-1]) from None
    return parse_glossary_tsv(text, str(path))


def _clean(value: str) -> str:
    """Cells cannot hold tabs or newlines."""
    return " ".join(value.replace("\t", " ").split())


def house_style_line(glossary: Glossary) -> str | None:
    """The ``# house-style:`` comment line of a glossary's options (None when it has none)."""
    return "# house-style: flag-admitted" if glossary.flag_admitted else None


def is_house_style_line(line: str) -> bool:
    """True for a ``# house-style:`` comment line."""
    return _HOUSE_STYLE.match(line.strip()) is not None


def _marked(e: Entry, lang: str, forms: tuple[str, ...]) -> str:
    """A variants cell: deprecated forms written with their mark."""
    return SEP.join(DEPRECATED_MARK + f if e.is_deprecated(lang, f) else f for f in forms)


def dump_glossary_tsv(glossary: Glossary) -> str:
    """Serialise a glossary to TSV text (house style, header, one entry per line)."""
    style = house_style_line(glossary)
    lines = ([style] if style else []) + ["\t".join(COLUMNS)]
    for e in glossary:
        row = (
            e.id,
            e.type,
            e.en,
            _marked(e, "en", e.en_variants),
            e.ar,
            _marked(e, "ar", e.ar_variants),
            e.ckb,
            _marked(e, "ckb", e.ckb_variants),
            e.kmr,
            e.note,
        )
        lines.append("\t".join(_clean(x) for x in row))
    return "\n".join(lines) + "\n"

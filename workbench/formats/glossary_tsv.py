"""The glossary's plain-text form: one entry per line, tab-separated, easy to edit and diff.

Columns (the header line names them, in this order)::

    id  type  en  en_variants  ar  ar_variants  ckb  ckb_variants  kmr  note

Variant columns hold several spellings separated by `` | ``. Lines starting with ``#`` and
blank lines are ignored. A malformed row is an error that names the file and the line.
"""

from __future__ import annotations

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


def _split(cell: str) -> tuple[str, ...]:
    """Split a variants cell on '|' and drop empty parts."""
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def parse_glossary_tsv(text: str, source: str = "<glossary>") -> Glossary:
    """Parse glossary TSV text; GlossaryError on a missing header or a broken row."""
    glossary = Glossary(source=source)
    header_seen = False
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
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
        glossary.add(
            Entry(
                id=c["id"],
                type=c["type"],
                en=c["en"],
                en_variants=_split(c["en_variants"]),
                ar=c["ar"],
                ar_variants=_split(c["ar_variants"]),
                ckb=c["ckb"],
                ckb_variants=_split(c["ckb_variants"]),
                kmr=c["kmr"],
                note=c["note"],
                line=lineno,
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


def dump_glossary_tsv(glossary: Glossary) -> str:
    """Serialise a glossary to TSV text (header first, one entry per line)."""
    lines = ["\t".join(COLUMNS)]
    for e in glossary:
        row = (
            e.id,
            e.type,
            e.en,
            SEP.join(e.en_variants),
            e.ar,
            SEP.join(e.ar_variants),
            e.ckb,
            SEP.join(e.ckb_variants),
            e.kmr,
            e.note,
        )
        lines.append("\t".join(_clean(x) for x in row))
    return "\n".join(lines) + "\n"

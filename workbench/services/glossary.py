"""Glossary use cases: lookup, checks across files, suggestions, clusters, TBX/TSV, segmentation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.document import Document, Segment
from workbench.core.errors import InputError
from workbench.core.glossary import Entry, Glossary
from workbench.core.names.arabic_script import is_arabic_script, misspelling_of
from workbench.core.names.cluster import cluster_people
from workbench.core.names.consistency import (
    Inconsistency,
    Misspelling,
    find_deprecated,
    find_inconsistencies,
    find_misspellings,
)
from workbench.core.names.name_finder import NameFinder, NameHit
from workbench.core.names.name_index import NameIndex, NameMatch
from workbench.core.names.suggest import Candidate, suggest_names
from workbench.core.segment import segment_document
from workbench.core.settings import current
from workbench.core.textio import read_text
from workbench.formats.article import read_document
from workbench.formats.glossary_tsv import (
    dump_glossary_tsv,
    is_house_style_line,
    load_glossary,
    parse_glossary_tsv,
)
from workbench.formats.tbx import glossary_to_tbx, load_tbx
from workbench.services.file_lock import locked
from workbench.services.files import write_text
from workbench.services.progress import Progress

#: The glossary shipped with the repository.
BUNDLED_GLOSSARY = Path(__file__).resolve().parents[2] / "glossaries" / "names.tsv"


def default_glossary_path() -> Path:
    """$WORKBENCH_GLOSSARY, else ./glossaries/names.tsv, else the repository's glossary."""
    env = current().glossary
    if env:
        return env
    local = Path("glossaries") / "names.tsv"
    if local.is_file():
        return local
    if BUNDLED_GLOSSARY.is_file():
        return BUNDLED_GLOSSARY
    raise InputError("no glossary found: pass --glossary FILE or set WORKBENCH_GLOSSARY")


def open_glossary(path: str | Path | None = None) -> Glossary:
    """Load a glossary TSV (or TBX, by extension) from ``path`` or the default location."""
    p = Path(path) if path else default_glossary_path()
    if p.suffix.lower() == ".tbx":
        return load_tbx(p)
    return load_glossary(p)


@dataclass
class LookupResult:
    """The answer for one queried name."""

    query: str
    matches: list[NameMatch]
    candidates: list[NameMatch] = field(default_factory=list)
    #: the listed form an Arabic-script query mistypes (القائم for القايم), else None
    misspelling_of: str | None = None

    def as_json(self) -> dict[str, object]:
        """The JSON object of ``glossary lookup --json`` (``id`` null below the threshold)."""
        m = self.matches[0] if self.matches else None
        e = m.entry if m else None
        return {
            "query": self.query,
            "id": e.id if e else None,
            "preferred": e.en if e else None,
            "ar": (e.ar or None) if e else None,
            "ckb": (e.ckb or None) if e else None,
            "kmr": (e.kmr or None) if e else None,
            "type": e.type if e else None,
            "score": m.score if m else 0.0,
            "how": m.how if m else None,
            "rule": (m.rule or None) if m else None,
            "misspelling_of": self.misspelling_of,
            "also": [x.entry.id for x in self.matches[1:]],
            "confidence": m.confidence if m else 0.0,
            "candidates": [
                {
                    "id": c.entry.id,
                    "preferred": c.entry.en,
                    "form": c.form,
                    "how": c.how,
                    "rule": c.rule or None,
                    "score": c.score,
                    "confidence": c.confidence,
                }
                for c in self.candidates[:5]
                if c.confidence >= 0.01
            ],
        }


def lookup_names(glossary: Glossary, names: Iterable[str]) -> list[LookupResult]:
    """Look up each name (Latin or Arabic script) in the glossary."""
    index = NameIndex(glossary)
    out = []
    for n in names:
        d = index.decide(n)
        wrong = None
        if d.matches and is_arabic_script(n):
            wrong = misspelling_of(n.strip(), d.matches[0].entry.arabic_forms())
        out.append(LookupResult(n, d.matches, d.candidates, wrong))
    return out


@dataclass
class FileNames:
    """Names found in one file."""

    path: str
    lang: str
    document: Document
    hits: list[NameHit]


@dataclass
class CheckReport:
    """What ``glossary check`` found."""

    files: list[FileNames]
    inconsistencies: list[Inconsistency]
    misspellings: list[Misspelling] = field(default_factory=list)  # and deprecated forms


def find_names_in_document(finder: NameFinder, doc: Document) -> list[tuple[int, NameHit]]:
    """(paragraph number, hit) for every name in a document."""
    out = []
    for para in doc.paragraphs:
        out.extend((para.number, h) for h in finder.find(para.text, doc.lang))
    return out


def check_files(
    glossary: Glossary, paths: list[str], lang: str | None = None, progress: Progress | None = None
) -> tuple[CheckReport, dict[str, list[tuple[int, NameHit]]]]:
    """Find glossary names in files and the entries they spell more than one way."""
    finder = NameFinder(NameIndex(glossary))
    files = []
    located: dict[str, list[tuple[int, NameHit]]] = {}
    for p in paths:
        doc = read_document(p, lang)
        found = find_names_in_document(finder, doc)
        located[p] = found
        files.append(FileNames(p, doc.lang, doc, [h for _, h in found]))
        if progress:
            progress(1)
    hits = {f.path: f.hits for f in files}
    langs = {f.path: f.lang for f in files}
    wrong = find_misspellings(hits, langs) + find_deprecated(hits, langs)
    report = CheckReport(files, find_inconsistencies(hits, langs), wrong)
    return report, located


def suggest_for_files(glossary: Glossary, paths: list[str], min_count: int = 1) -> list[Candidate]:
    """Capitalised names in the (Latin-script) files that the glossary lacks."""
    index = NameIndex(glossary)
    finder = NameFinder(index)
    texts, known = {}, {}
    for p in paths:
        doc = read_document(p)
        # headlines capitalise every word; names there also occur in the body
        text = "\n\n".join(
            par.text for par in doc.paragraphs if par.kind not in ("title", "heading")
        )
        texts[p] = text
        known[p] = finder.find(text, doc.lang)

    def is_known(word: str) -> bool:
        return bool(index.lookup(word, fuzzy=False))

    return suggest_names(texts, known, min_count, is_known)


def cluster_file(path: str, glossary: Glossary | None = None) -> list[list[str]]:
    """Groups of lines of ``path`` (one name per line) that spell the same name or person.

    Lone family names join their one person (see :func:`cluster_people`); with ``glossary``,
    the Latin and Arabic-script spellings one entry lists join too.
    """
    lines = [ln.strip() for ln in read_text(path).split("\n")]
    lines = [ln for ln in lines if ln]
    return [[lines[i] for i in group] for group in cluster_people(lines, glossary)]


def segment_file(path: str, lang: str | None = None) -> tuple[Document, list[Segment]]:
    """Read a document and split it into segments."""
    doc = read_document(path, lang)
    return doc, list(segment_document(doc))


def export_glossary(glossary: Glossary, fmt: str) -> str:
    """The glossary as TBX or TSV text."""
    if fmt == "tbx":
        return glossary_to_tbx(glossary)
    if fmt == "tsv":
        return dump_glossary_tsv(glossary)
    raise InputError(f"unknown glossary format {fmt!r} (use tbx or tsv)")


def import_glossary(
    tbx_path: str | Path, into: str | Path | None, replace: bool = False
) -> tuple[int, int, Path]:
    """Merge a TBX file into a glossary TSV; return (added, updated, path).

    Existing ids are kept unless ``replace``. The TSV is locked for the whole
    read-merge-write (so parallel imports all land) and replaced by rename: a reader sees
    the old file or the new one, and no temporary file is left behind.
    """
    incoming = load_tbx(tbx_path)  # a broken TBX fails before the glossary is touched
    target = Path(into) if into else default_glossary_path()
    with locked(target) as new_file:
        if new_file:
            current, head = Glossary(source=str(target)), []
        else:
            text = read_text(target)
            current = parse_glossary_tsv(text, str(target))
            head = []  # keep the file's leading comment lines
            for line in text.split("\n"):
                if not line.startswith("#"):
                    break
                if not is_house_style_line(line):  # the dump writes it from the glossary
                    head.append(line)
        merged: dict[str, Entry] = {e.id: e for e in current}
        added = updated = 0
        for e in incoming:
            if e.id in merged:
                if replace and merged[e.id] != e:
                    merged[e.id] = e
                    updated += 1
            else:
                merged[e.id] = e
                added += 1
        body = dump_glossary_tsv(
            Glossary(merged.values(), source=str(target), flag_admitted=current.flag_admitted)
        )
        write_text(target, "".join(h + "\n" for h in head) + body)
    return added, updated, target

"""Use cases shared by the CLI and the TUI: glossary lookup and checks, segmentation, TBX.

Functions here take paths and plain values, return plain data, and raise WorkbenchError
subclasses with one-line messages. Long loops accept a ``progress`` callback.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.align.sentence import Alignment, align_sentences
from workbench.core.cluster import cluster_names
from workbench.core.consistency import Inconsistency, find_inconsistencies
from workbench.core.document import Document, Segment
from workbench.core.errors import InputError
from workbench.core.glossary import Entry, Glossary
from workbench.core.languages import get_language
from workbench.core.name_finder import NameFinder, NameHit
from workbench.core.name_index import NameIndex, NameMatch
from workbench.core.segment import segment_document
from workbench.core.suggest import Candidate, suggest_names
from workbench.core.textio import read_text
from workbench.core.units import Segment2, Unit
from workbench.formats.article import read_document
from workbench.formats.glossary_tsv import dump_glossary_tsv, load_glossary
from workbench.formats.tbx import glossary_to_tbx, load_tbx
from workbench.formats.tmx import TmxRead, read_tmx, units_to_tmx
from workbench.formats.xliff import read_xliff, segments_to_xliff
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory, default_tm_path

Progress = Callable[[int], None]

#: The glossary shipped with the repository.
BUNDLED_GLOSSARY = Path(__file__).resolve().parent.parent / "glossaries" / "names.tsv"


def default_glossary_path() -> Path:
    """$WORKBENCH_GLOSSARY, else ./glossaries/names.tsv, else the repository's glossary."""
    env = os.environ.get("WORKBENCH_GLOSSARY")
    if env:
        return Path(env)
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

    def as_json(self) -> dict[str, object]:
        """The JSON object of ``glossary lookup --json``."""
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
            "also": [x.entry.id for x in self.matches[1:]],
        }


def lookup_names(glossary: Glossary, names: Iterable[str]) -> list[LookupResult]:
    """Look up each name (Latin or Arabic script) in the glossary."""
    index = NameIndex(glossary)
    return [LookupResult(n, index.lookup(n)) for n in names]


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
    incons = find_inconsistencies({f.path: f.hits for f in files}, {f.path: f.lang for f in files})
    return CheckReport(files, incons), located


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


def cluster_file(path: str) -> list[list[str]]:
    """Groups of lines of ``path`` (one name per line) that spell the same name."""
    lines = [ln.strip() for ln in read_text(path).split("\n")]
    lines = [ln for ln in lines if ln]
    return [[lines[i] for i in group] for group in cluster_names(lines)]


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
    tbx_path: str, into: str | Path | None, replace: bool = False
) -> tuple[int, int, Path]:
    """Merge a TBX file into a glossary TSV; return (added, updated, path).

    Existing ids are kept unless ``replace``; the TSV is rewritten atomically.
    """
    incoming = load_tbx(tbx_path)
    target = Path(into) if into else default_glossary_path()
    current = load_glossary(target) if target.exists() else Glossary(source=str(target))
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
    text = dump_glossary_tsv(Glossary(merged.values(), source=str(target)))
    if target.exists():  # keep the file's leading comment lines
        head = []
        for line in read_text(target).split("\n"):
            if not line.startswith("#"):
                break
            head.append(line)
        text = "".join(h + "\n" for h in head) + text
    tmp = target.with_suffix(target.suffix + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None
    return added, updated, target


# --- projects and translation memory ---------------------------------------------------


def project_init(folder: str) -> Project:
    """Create (or open) a project folder."""
    return Project.init(folder)


def project_add(folder: str, files: list[str], lang: str | None = None) -> list[tuple[str, int]]:
    """Add documents to a project; (document name, new segments) for each."""
    out = []
    with Project.open(folder) as project:
        for f in files:
            doc = read_document(f, lang)
            _, added = project.add_document(doc)
            out.append((doc.id, added))
    return out


@dataclass
class ReferenceAdded:
    """A reference translation paired with its source document."""

    doc: str
    lang: str
    groups: int  # source segments (or runs of them) with a reference passage
    paired_by: str  # "segment ids" (segmented like the source) or "alignment"


def add_reference(folder: str, path: str, lang: str | None = None) -> ReferenceAdded:
    """Pair a translation of one of the project's documents with its segments, for scoring.

    The reference names its story like the source (STORY.LANG.md). Segmented the same way
    (the same paragraph and sentence ids), it pairs segment by segment; otherwise the
    sentence aligner pairs them, joining sentences where the translator merged or split.
    """
    ref = read_document(path, lang)
    ref_segs = list(segment_document(ref))
    with Project.open(folder) as project:
        names = {name: src for _, name, src, _ in project.documents()}
        if ref.id not in names:
            raise InputError(
                f"{path}: no document {ref.id!r} in {folder} to pair it with "
                f"(a reference is named like its source: {ref.id}.{ref.lang}.md)"
            )
        if ref.lang == names[ref.id]:
            raise InputError(f"{path}: is in {ref.lang}, the language of its source")
        src_rows = project.rows(ref.lang, ref.id)
        by_key = {r.key: r.segment_id for r in src_rows}
        if sorted(by_key) == sorted(s.id for s in ref_segs):
            groups = [([by_key[s.id]], s.text) for s in ref_segs]
            how = "segment ids"
        else:
            al = align_sentences(
                [r.source for r in src_rows],
                [s.text for s in ref_segs],
                names[ref.id],
                ref.lang,
                None,
                aligner_similarity(names[ref.id], ref.lang),
            )
            groups = [
                ([src_rows[i].segment_id for i in b.src], " ".join(ref_segs[j].text for j in b.tgt))
                for b in al.beads
                if b.src and b.tgt
            ]
            how = "alignment"
        project.set_reference(ref.id, ref.lang, str(path), groups)
    return ReferenceAdded(ref.id, ref.lang, len(groups), how)


@dataclass
class ProjectStatus:
    """A project's documents, segment count, per-language status counts and journal mode."""

    folder: str
    documents: list[tuple[str, str, int]]  # name, source language, segments
    languages: dict[str, dict[str, int]]
    journal_mode: str


def project_status(folder: str, langs: list[str] | None = None) -> ProjectStatus:
    """Counts of segments per status and language."""
    with Project.open(folder) as project:
        docs = []
        for _, name, lang, _ in project.documents():
            docs.append((name, lang, len(project.rows("en", name))))
        wanted = langs or project.languages() or ["ar", "ckb"]
        counts = {lang: project.status_counts(lang) for lang in wanted}
        return ProjectStatus(folder, docs, counts, project.journal_mode)


@dataclass
class DocumentScores:
    """One document's targets in one language against its reference, and post-editing effort."""

    doc: str
    lang: str
    passages: int  # reference passages (0: no reference)
    scored: int  # passages with a translation, scored
    bleu: float | None
    chrf: float | None
    post_edited: int  # confirmed segments that began as a machine draft
    hter: float | None  # their mean HTER

    def as_json(self) -> dict[str, object]:
        """The scores as a JSON object."""
        return dict(self.__dict__)


def project_scores(folder: str, langs: list[str] | None = None) -> list[DocumentScores]:
    """Per document and language: BLEU and chrF against the reference, mean HTER.

    Only reference passages with a translation so far are scored; HTER covers the
    confirmed segments that began as a machine draft.
    """
    from workbench.core.scoring import document_scores, hter

    out = []
    with Project.open(folder) as project:
        for lang in langs or project.languages() or ["ar", "ckb"]:
            refs = project.references(lang)
            edits = {sid: (draft, text) for sid, draft, text in project.post_edits(lang)}
            for _, name, _, _ in project.documents():
                rows = project.rows(lang, name)
                groups: dict[int, list[str]] = {}
                for r in rows:
                    if r.segment_id in refs:
                        groups.setdefault(refs[r.segment_id][0], []).append(r.target)
                pairs = [
                    (" ".join(t for t in targets if t), refs[head][1])
                    for head, targets in groups.items()
                    if any(targets)
                ]
                bleu = chrf = None
                if pairs:
                    bleu, chrf = document_scores([h for h, _ in pairs], [r for _, r in pairs], lang)
                efforts = [hter(*edits[r.segment_id]) for r in rows if r.segment_id in edits]
                mean = round(sum(efforts) / len(efforts), 1) if efforts else None
                out.append(
                    DocumentScores(
                        name, lang, len(groups), len(pairs), bleu, chrf, len(efforts), mean
                    )
                )
    return out


def open_tm(path: str | None, glossary_path: str | None = None) -> TranslationMemory:
    """The TM at ``path`` (default: the user's TM under the workbench home), name-aware."""
    return TranslationMemory(
        Path(path) if path else default_tm_path(), open_glossary(glossary_path)
    )


def load_tmx(tmx_path: str, src: str | None = None) -> TmxRead:
    """Read a TMX file (one-line InputError when it is unusable)."""
    return read_tmx(tmx_path, src)


def tm_add_units(
    tm: TranslationMemory, units: list[Unit], progress: Progress | None = None
) -> tuple[int, int]:
    """Add units in steps of 1,000 (one transaction each): (added, already present)."""
    added = skipped = 0
    for i in range(0, len(units), 1000):
        a, s = tm.add(units[i : i + 1000])
        added, skipped = added + a, skipped + s
        if progress:
            progress(min(1000, len(units) - i))
    return added, skipped


def tm_add_texts(tm: TranslationMemory, source: str, target: str) -> tuple[int, int]:
    """Add a text and its segment-aligned translation (same paragraphs and sentences)."""
    src_doc, src_segs = segment_file(source)
    tgt_doc, tgt_segs = segment_file(target)
    by_key = {s.id: s for s in tgt_segs}
    missing = [s.id for s in src_segs if s.id not in by_key]
    if missing or len(src_segs) != len(tgt_segs):
        raise InputError(
            f"{target}: not segment-aligned with {source} ({len(tgt_segs)} segments against "
            f"{len(src_segs)}; first unmatched: {missing[0] if missing else '?'}); align them first"
        )
    units = [
        Unit(
            s.text,
            by_key[s.id].text,
            src_doc.lang,
            tgt_doc.lang,
            src_segs[i - 1].text if i else "",
            src_segs[i + 1].text if i + 1 < len(src_segs) else "",
            Path(source).name,
        )
        for i, s in enumerate(src_segs)
    ]
    return tm.add(units)


def tm_export_tmx(tm: TranslationMemory, out: str, src: str | None, tgt: str | None) -> int:
    """Write the TM (or one language pair) as TMX; the number of units written."""
    units = list(tm.units(src, tgt))
    if not units:
        raise InputError("the TM has no units" + (f" for {src}-{tgt}" if src else ""))
    _write_text(out, units_to_tmx(units, src or units[0].src_lang))
    return len(units)


def export_project(folder: str, fmt: str, lang: str, out: str | None) -> str:
    """A project's translations into ``lang`` as TMX or text; returns the text written."""
    get_language(lang)
    with Project.open(folder) as project:
        rows = project.rows(lang)
        docs = {name: src for _, name, src, _ in project.documents()}
    if fmt in ("xliff", "xliff12"):
        src = next(iter(docs.values()), "en")
        segs = [Segment2(r.key, r.source, r.target, r.status, r.note, r.doc) for r in rows]
        if not segs:
            raise InputError(f"{folder}: the project has no segments")
        text = segments_to_xliff(segs, src, lang, "1.2" if fmt == "xliff12" else "2.1")
    elif fmt == "tmx":
        units = [
            Unit(r.source, r.target, docs[r.doc], lang, origin=r.doc) for r in rows if r.target
        ]
        if not units:
            raise InputError(f"{folder}: no translations into {lang} to export")
        text = units_to_tmx(units, units[0].src_lang)
    elif fmt == "txt":
        paras: dict[tuple[str, int], list[str]] = {}
        for r in rows:
            paras.setdefault((r.doc, r.para), []).append(r.target or r.source)
        text = "\n\n".join(" ".join(p) for p in paras.values()) + "\n"
    else:
        raise InputError(f"unknown export format {fmt!r}")
    if out:
        _write_text(out, text)
    return text


def _write_text(path: str, text: str) -> None:
    """Write a file atomically, with a one-line error when that is impossible."""
    p = Path(path)
    tmp = p.with_name(p.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, p)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(f"{p}: cannot write ({exc.strerror})") from None


@dataclass
class XliffImport:
    """What importing a translated XLIFF file into a project did."""

    lang: str
    updated: int = 0
    unchanged: int = 0
    unknown: int = 0  # unit ids the project does not have
    source_changed: int = 0  # the project's source text changed since the export


def import_xliff(path: str, folder: str) -> XliffImport:
    """Bring the targets, statuses and notes of a translated XLIFF file into a project.

    Each changed segment is committed on its own, so an interrupted import keeps what it
    did; units whose source no longer matches the project are left alone and counted.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    read = read_xliff(data, str(p))
    report = XliffImport(read.tgt)
    with Project.open(folder) as project:
        rows = {r.key: r for r in project.rows(read.tgt)}
        for seg in read.segments:
            row = rows.get(seg.id)
            if row is None:
                report.unknown += 1
                continue
            if " ".join(row.source.split()) != " ".join(seg.source.split()):
                report.source_changed += 1
                continue
            if (row.target, row.status, row.note) == (seg.target, seg.status, seg.note):
                report.unchanged += 1
                continue
            project.set_translation(row.segment_id, read.tgt, seg.target, seg.status, note=seg.note)
            report.updated += 1
    return report


# --- alignment ----------------------------------------------------------------------------


def read_sentences(path: str, lang: str, segment: bool) -> list[str]:
    """The sentences of a file: one per line, or with ``segment`` a document split up.

    Every line counts (empty ones too), so bead indices match the file's lines.
    """
    lang = get_language(lang).tag
    if segment:
        _, segs = segment_file(path, lang)
        return [s.text for s in segs]
    text = read_text(path, allow_empty=True)
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def aligner_similarity(src_lang: str, tgt_lang: str, lexicon: bool = True):
    """The lexical similarity for a language pair when a lexicon ships for it, else None."""
    if not lexicon:
        return None
    from workbench.core.align.lexicon import LexicalSimilarity, load

    if src_lang == "en" and (lex := load(tgt_lang)):
        return LexicalSimilarity(lex, english_first=True)
    if tgt_lang == "en" and (lex := load(src_lang)):
        return LexicalSimilarity(lex, english_first=False)
    return None


def align_files(
    src: str,
    tgt: str,
    src_lang: str,
    tgt_lang: str,
    segment: bool = False,
    lexicon: bool = True,
    mt_of: dict[str, str] | None = None,
) -> tuple[list[str], list[str], Alignment]:
    """Align two files; (source sentences, target sentences, alignment).

    With ``mt_of`` (source sentence -> its machine translation, see :func:`mt_sentences`),
    chrF of each MT against the target sentences is one more signal.
    """
    s_lang, t_lang = get_language(src_lang).tag, get_language(tgt_lang).tag
    s = read_sentences(src, s_lang, segment)
    t = read_sentences(tgt, t_lang, segment)
    similarity = aligner_similarity(s_lang, t_lang, lexicon)
    if mt_of is not None:
        from workbench.core.align.mt_similarity import MTSimilarity

        similarity = MTSimilarity(mt_of, similarity)
    return s, t, align_sentences(s, t, s_lang, t_lang, None, similarity)


def mt_sentences(
    engine, sentences: list[str], src: str, tgt: str, progress: Progress | None = None
) -> dict[str, str]:
    """Each distinct non-empty sentence with its MT (models through the MT cache)."""
    from workbench.engines.base import DecodeOptions

    src, tgt = get_language(src).tag, get_language(tgt).tag
    todo = sorted({x for x in sentences if x.strip()})
    if engine.name == "memory":
        outs = engine.translate(todo, src, tgt, DecodeOptions())
        if progress:
            progress(len(todo))
    else:
        from workbench.store.mt_cache import MTCache

        with MTCache(workbench_home() / "mt-cache.sqlite") as cache:
            outs, _ = machine_translate(engine, cache, todo, src, tgt, DecodeOptions(), progress)
    return dict(zip(todo, outs, strict=True))


def open_engine(
    kind: str,
    lang: str,
    model: str | None = None,
    tm_path: str | None = None,
    glossary_path: str | None = None,
    threads: int | None = None,
    allow_pickle: bool = False,
):
    """An MT engine: 'hf' (transformers), 'ct2' (CTranslate2) or 'memory' (the TM)."""
    if kind == "memory":
        return MemoryEngine(open_tm(tm_path, glossary_path))
    folder = model_dir(model, lang)
    if kind == "ct2":
        from workbench.engines.ct2 import CT2Engine

        return CT2Engine(folder, threads=threads or 0)
    from workbench.engines.hf import HFEngine

    return HFEngine(folder, allow_pickle=allow_pickle, threads=threads)


def aligned_units(
    s: list[str],
    t: list[str],
    al: Alignment,
    src_lang: str,
    tgt_lang: str,
    origin: str,
    min_score: float = 0.0,
    one_to_one: bool = True,
) -> list[Unit]:
    """TM units from an alignment: 1-1 beads (or all non-null beads) above ``min_score``."""
    units = []
    for k, b in enumerate(al.beads):
        if not b.src or not b.tgt or b.score < min_score:
            continue
        if one_to_one and (len(b.src) != 1 or len(b.tgt) != 1):
            continue
        source = " ".join(s[i] for i in b.src).strip()
        target = " ".join(t[j] for j in b.tgt).strip()
        if not source or not target:
            continue
        prev = " ".join(s[i] for i in al.beads[k - 1].src) if k else ""
        nxt = " ".join(s[i] for i in al.beads[k + 1].src) if k + 1 < len(al.beads) else ""
        units.append(Unit(source, target, src_lang, tgt_lang, prev, nxt, origin))
    return units


def reuse_files(
    derived: str, original: str, lang: str | None, glossary_path: str | None, threshold: float
) -> list:
    """Reuse of ORIGINAL's sentences in DERIVED, names compared through the glossary."""
    from workbench.core.align.reuse import find_reuse

    d_doc, d_segs = segment_file(derived, lang)
    _, o_segs = segment_file(original, lang)
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    return find_reuse(d_segs, o_segs, d_doc.lang, finder, threshold)


# --- machine translation ---------------------------------------------------------------


def _default_models() -> dict[str, str]:
    """The model registry file: target language -> default model."""
    import json

    data = json.loads((Path(__file__).parent / "data" / "models.json").read_text(encoding="utf-8"))
    return {lang: v["model"] for lang, v in data.items() if not lang.startswith("_")}


#: Default model per target language (workbench/data/models.json).
DEFAULT_MODELS = _default_models()


def workbench_home() -> Path:
    """$WORKBENCH_HOME, else the XDG data folder's workbench/."""
    return default_tm_path().parent


def model_dir(model: str | None, tgt: str) -> Path:
    """A model folder: the path given, else the pulled default model for ``tgt``."""
    if model and Path(model).exists():
        return Path(model)
    name = model or DEFAULT_MODELS.get(tgt)
    if not name:
        raise InputError(f"no default model for {tgt}; pass --model PATH")
    folder = workbench_home() / "models" / name.replace("/", "--")
    if not folder.is_dir():
        raise InputError(
            f"model {name} is not installed; get it with: workbench models pull {name}"
        )
    return folder


def machine_translate(
    engine,
    cache,
    texts: list[str],
    src: str,
    tgt: str,
    options,
    progress: Progress | None = None,
    chunk: int = 16,
) -> tuple[list[str], int]:
    """Translations of ``texts`` through the cache; (translations, segments sent to MT).

    Work is committed to the cache chunk by chunk, so a killed run resumes where it was.
    """
    from workbench.store.mt_cache import cache_key

    keys = [cache_key(engine.checksum, src, tgt, options.key(), t) for t in texts]
    have = cache.get_many(keys)
    todo = [i for i, k in enumerate(keys) if k not in have and texts[i].strip()]
    if progress:
        progress(len(texts) - len(todo))
    for n in range(0, len(todo), chunk):
        part = todo[n : n + chunk]
        outs = engine.translate([texts[i] for i in part], src, tgt, options)
        rows = [
            (keys[i], engine.model_id, engine.checksum, src, tgt, options.key(), texts[i], o)
            for i, o in zip(part, outs, strict=True)
        ]
        cache.put_many(rows)
        have.update((keys[i], o) for i, o in zip(part, outs, strict=True))
        if progress:
            progress(len(part))
    return [have.get(k, "") for k in keys], len(todo)


@dataclass
class TranslateReport:
    """What translating one file into one language did."""

    path: str
    lang: str
    segments: int
    translated: int  # sent to the model (the rest came from the cache or the project)
    flagged: list[str]  # segment ids whose glossary names the output lacks
    written: str = ""


def translate_file(
    path: str,
    tgt: str,
    engine,
    cache,
    options,
    glossary_path: str | None,
    out_dir: str | None = None,
    project: str | None = None,
    progress: Progress | None = None,
) -> TranslateReport:
    """Translate a document into ``tgt`` with names protected; write a file or project drafts."""
    from workbench.core.name_guard import Guarded, protect, restore
    from workbench.store.project import Provenance

    doc, segs = segment_file(path)
    tgt = get_language(tgt).tag
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    todo = list(range(len(segs)))
    proj = None
    if project:
        proj = Project.open(project)
        proj.add_document(doc)
        rows = {r.key: r for r in proj.rows(tgt, doc.id)}
        todo = [i for i, s in enumerate(segs) if rows[s.id].status == "new"]  # resume
        if progress:
            progress(len(segs) - len(todo))
    memory = engine.name == "memory"
    if memory:  # TM leverage already writes every name in its glossary form
        guarded = [Guarded(segs[i].text, []) for i in todo]
        outs = engine.translate([g.text for g in guarded], doc.lang, tgt, options)
        sent = 0
        if progress:
            progress(len(todo))
    else:
        guarded = [protect(segs[i].text, doc.lang, tgt, finder) for i in todo]
        outs, sent = machine_translate(
            engine, cache, [g.text for g in guarded], doc.lang, tgt, options, progress
        )
    report = TranslateReport(path, tgt, len(segs), sent, [])
    finals: dict[int, str] = {}
    for n, (i, g, out) in enumerate(zip(todo, guarded, outs, strict=True)):
        if memory and not out:
            continue  # no match close enough: the segment stays untranslated
        r = restore(out, g, tgt, finder)
        finals[i] = r.text
        note = ""
        if not r.ok:
            report.flagged.append(segs[i].id)
            note = "names missing after MT: " + ", ".join(s.target for s in r.missing)
        if memory:
            report.translated += 1
            prov = Provenance("memory", match=engine.last_matches[n], tm_origin=engine.model_id)
        else:
            prov = Provenance("machine", engine.name, engine.model_id, engine.checksum)
        if proj is not None:
            proj.set_translation(rows[segs[i].id].segment_id, tgt, r.text, "draft", prov, note=note)
    if proj is not None:
        proj.close()
    if out_dir:
        report.written = _write_translation(doc, segs, finals, tgt, engine, out_dir)
    return report


def _write_translation(
    doc: Document, segs: list[Segment], finals: dict[int, str], tgt: str, engine, out_dir: str
) -> str:
    """The translated document in the input's format: front matter, title, captions."""
    import yaml

    paras: dict[int, list[str]] = {}
    for i, s in enumerate(segs):
        paras.setdefault(s.para, []).append(finals.get(i) or s.text)  # untranslated: source
    meta = {k: v for k, v in doc.meta.items() if k not in ("id", "lang", "title")}
    meta.update(
        {
            "id": f"{doc.id}.{tgt}",
            "story": doc.id,
            "lang": tgt,
            "translation-of": f"{doc.id}.{doc.lang}",
            "translator": (
                f"memory: {engine.model_id}"
                if engine.name == "memory"
                else f"machine: {engine.name} {engine.model_id} ({engine.checksum})"
            ),
        }
    )
    lines = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip(), "---", ""]
    for p in doc.paragraphs:
        text = " ".join(t for t in paras.get(p.number, []) if t)
        prefix = {"title": "# ", "heading": "## ", "caption": "> "}.get(p.kind, "")
        lines += [prefix + text, ""]
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = ".md" if doc.path.endswith(".md") else ".txt"
    out = folder / f"{doc.id}.{tgt}{suffix}"
    _write_text(str(out), "\n".join(lines).rstrip() + "\n")
    return str(out)


class MemoryEngine:
    """The 'memory' engine: the best TM match (>= threshold), names in the glossary's form.

    It needs no model. It lives here rather than in engines/ because it reads the TM
    (store/), which engines may not import. Its results are not cached: the TM changes.
    """

    name = "memory"
    checksum = "tm"
    revision = "local"
    should_stop = None  # polled between segments (see engines.base.Engine)

    def __init__(self, tm: TranslationMemory, threshold: float = 70.0) -> None:
        """Translate from ``tm``; segments without a match >= threshold stay empty."""
        self.tm = tm
        self.threshold = threshold
        self.model_id = tm.path.name
        self.last_matches: list[float | None] = []

    def translate(self, texts: list[str], src: str, tgt: str, options) -> list[str]:
        """Leveraged TM targets ('' where the TM has nothing close enough)."""
        from workbench.engines.base import check_stop

        out, self.last_matches = [], []
        for t in texts:
            check_stop(self)
            found = (
                self.tm.lookup(t, src, tgt, limit=1, threshold=self.threshold) if t.strip() else []
            )
            out.append(found[0].target if found else "")
            self.last_matches.append(found[0].score if found else None)
        return out


def qa_project(
    folder: str, lang: str, glossary_path: str | None = None, include_empty: bool = False
) -> tuple[list[tuple[str, list]], dict]:
    """QA of a project's translations into ``lang``.

    Returns the warnings per segment, and the names spelled more than one way across it.
    """
    from workbench.core.qa import check_segment, name_consistency

    tag = get_language(lang).tag
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    with Project.open(folder) as project:
        docs = {name: src for _, name, src, _ in project.documents()}
        rows = project.rows(tag)
    per_segment = []
    for r in rows:
        if not r.target and not include_empty:
            continue
        ws = check_segment(r.source, r.target, docs[r.doc], tag, finder)
        if ws:
            per_segment.append((r.key, ws))
    return per_segment, name_consistency([(r.key, r.target) for r in rows if r.target], tag, finder)

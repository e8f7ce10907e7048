"""Project use cases: documents, references, status, scores, export and import, QA."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.align.sentence import align_sentences
from workbench.core.document import Document
from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.segment import segment_document
from workbench.core.story_id import path_under
from workbench.formats.article import read_document
from workbench.services.alignment import aligner_similarity
from workbench.services.glossary import open_glossary
from workbench.store.project import DB_NAME, Project


def project_init(folder: str) -> Project:
    """Create (or open) a project folder."""
    return Project.init(folder)


def project_add(folder: str, files: list[str], lang: str | None = None) -> list[tuple[str, int]]:
    """Add documents to a project; (document name, new segments) for each.

    A translation of a document already in the project (the same story in another
    language, or a ``translation-of`` naming it) is refused before anything is written:
    it is a reference or an import, never a replacement of the source.
    """
    docs = [read_document(f, lang) for f in files]
    out = []
    with Project.open(folder) as project:
        sources = {name: src for _, name, src, _ in project.documents()}
        for doc in docs:
            refuse_translation(doc, sources, folder)
            sources.setdefault(doc.id, doc.lang)
        for doc in docs:
            _, added = project.add_document(doc)
            out.append((doc.id, added))
    return out


def translation_of(doc: Document) -> str | None:
    """The story a document says it translates (front matter ``translation-of``), if any."""
    value = doc.meta.get("translation-of", "").strip()
    if not value:
        return None
    stem = Path(value).name
    for ext in (".md", ".txt"):
        stem = stem.removesuffix(ext)
    story, _, tag = stem.rpartition(".")
    if story:
        try:
            get_language(tag)
            return story
        except InputError:
            pass
    return stem


def translated_story(doc: Document, sources: dict[str, str]) -> str | None:
    """The project document that ``doc`` is a translation of, if it is one.

    ``sources`` maps the project's document names to their source languages: the same
    story in another language, or a ``translation-of`` naming a document of the project.
    """
    of = translation_of(doc)
    if of in sources and (of != doc.id or sources[of] == doc.lang):
        return of
    if doc.id in sources and sources[doc.id] != doc.lang:
        return doc.id
    return None


def refuse_translation(doc: Document, sources: dict[str, str], folder: str | Path) -> None:
    """InputError (one line, with what to run instead) if ``doc`` translates a project document."""
    target = translated_story(doc, sources)
    if target is None:
        return
    raise InputError(
        f"{doc.path}: is a {doc.lang} translation of {target!r}, whose {sources[target]} source "
        f"is in {folder}; it cannot replace the source. Add it as a reference: "
        f"workbench project add-reference {folder} {doc.path} (or bring translations in with "
        f"workbench import FILE.xlf --project {folder})"
    )


@dataclass
class OpenedDocument:
    """The project a document opened on its own belongs to."""

    folder: Path  # STORY.workbench beside the document
    story: str
    src: str  # the project's source language
    added: bool  # the document was added (or refreshed) as the source
    note: str = ""  # what was done instead, for the terminal


def open_document(path: str | Path) -> OpenedDocument:
    """Find or make the project of a document: ``STORY.workbench`` beside it.

    A source document is added (or refreshed). A translation of the document already in
    that project (its language or ``translation-of`` says so) leaves the project as it is;
    the caller can take it as a reference. A translation opened before its project exists
    opens its source (``translation-of``) when that file is beside it.
    """
    p = Path(path)
    doc = read_document(p)
    folder = path_under(p.parent, f"{translation_of(doc) or doc.id}.workbench")
    if not (folder / DB_NAME).is_file():
        source = _source_beside(p, doc) if translation_of(doc) else None
        if source is not None:
            doc = source
        folder = path_under(p.parent, f"{doc.id}.workbench")
    with Project.init(folder) as project:
        sources = {name: src for _, name, src, _ in project.documents()}
        target = translated_story(doc, sources)
        if target is not None:
            note = f"{p} is a {doc.lang} translation of {target}: the project is opened as it is"
            return OpenedDocument(folder, target, sources[target], False, note)
        project.add_document(doc)
    note = f"{p} is a translation: opened its source {doc.path}" if Path(doc.path) != p else ""
    return OpenedDocument(folder, doc.id, doc.lang, True, note)


def _source_beside(p: Path, doc: Document) -> Document | None:
    """The source a translation names (``translation-of``), read from beside it, if there."""
    value = doc.meta.get("translation-of", "").strip()
    if not value:
        return None
    names = [Path(value).name]
    names += [names[0] + ext for ext in (p.suffix, ".md", ".txt") if not names[0].endswith(ext)]
    for name in names:
        candidate = p.with_name(name)
        if candidate.is_file() and candidate != p:
            source = read_document(candidate)
            if source.id == translation_of(doc) and source.lang != doc.lang:
                return source
    return None


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
    with Project.open(folder, readonly=True) as project:
        docs = []
        for _, name, lang, _ in project.documents():
            docs.append((name, lang, project.segment_count(name)))
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
    with Project.open(folder, readonly=True) as project:
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


def qa_project(
    folder: str, lang: str, glossary_path: str | None = None, include_empty: bool = False
) -> tuple[list[tuple[str, list]], dict]:
    """QA of a project's translations into ``lang``.

    Returns the warnings per segment, and the names spelled more than one way across it.
    """
    from workbench.core.qa import check_segment, name_consistency

    tag = get_language(lang).tag
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    with Project.open(folder, readonly=True) as project:
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

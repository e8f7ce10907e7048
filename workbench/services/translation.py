"""Machine-translation use cases: the model store, engines, cached translation of files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.document import Document, Segment
from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.settings import current
from workbench.core.story_id import path_under
from workbench.engines.base import DecodeOptions
from workbench.engines.store import entry
from workbench.services.files import check_draft_target, write_text
from workbench.services.glossary import open_glossary, segment_file
from workbench.services.memory import MemoryEngine, open_tm
from workbench.services.progress import Progress
from workbench.store.project import Project


def mt_sentences(
    engine,
    sentences: list[str],
    src: str,
    tgt: str,
    progress: Progress | None = None,
    glossary_path: str | None = None,
    options: DecodeOptions | None = None,
) -> dict[str, str]:
    """Each distinct non-empty sentence with its MT, through the pipeline (names, cache).

    For the aligner: a sentence without a usable translation maps to ''. ``options``: how
    the model decodes (default: greedy, 256 tokens at most).
    """
    from workbench.services.pipeline import Pipeline
    from workbench.store.mt_cache import MTCache

    todo = sorted({x for x in sentences if x.strip()})
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    with MTCache(current().mt_cache) as cache:
        pipeline = Pipeline(engine, finder, cache, options or DecodeOptions())
        outcomes = pipeline.run(todo, src, tgt, progress)
    return {t: o.text for t, o in zip(todo, outcomes, strict=True)}


def open_engine(
    kind: str,
    lang: str,
    model: str | None = None,
    tm_path: str | None = None,
    glossary_path: str | None = None,
    threads: int | None = None,
    allow_pickle: bool = False,
):
    """An MT engine: 'hf' (transformers), 'ct2' (CTranslate2) or 'memory' (the TM).

    A model engine is an EngineHandle: checked now, loaded on its first translation, so a
    run that finds everything in the MT cache never loads it.
    """
    if kind == "memory":
        return MemoryEngine(open_tm(tm_path, glossary_path))
    from workbench.services.pipeline import EngineHandle

    return EngineHandle(
        kind, model_dir(model, lang, kind), threads=threads, allow_pickle=allow_pickle
    )


def _default_models() -> dict[str, str]:
    """The model registry file: target language -> default model."""
    import json

    data = json.loads(
        (Path(__file__).parents[1] / "data" / "models.json").read_text(encoding="utf-8")
    )
    return {lang: v["model"] for lang, v in data.items() if not lang.startswith("_")}


#: Default model per target language (workbench/data/models.json).
DEFAULT_MODELS = _default_models()


def workbench_home() -> Path:
    """$WORKBENCH_HOME, else the XDG data folder's workbench/ (see core.settings)."""
    return current().home


def model_dir(model: str | None, tgt: str, kind: str = "hf") -> Path:
    """A model folder: the path given, else the model (by name) in the store.

    For ``kind`` 'ct2' a name (or the default model of ``tgt``) means its converted copy,
    ``NAME-ct2``, where ``workbench models convert`` puts it.
    """
    if model and Path(model).exists():
        return Path(model)
    name = model or DEFAULT_MODELS.get(tgt)
    if not name:
        raise InputError(f"no default model for {tgt}; pass --model PATH")
    folder = entry(current().models, name, must_exist=False)  # never outside the store
    if kind == "ct2" and not (folder / "model.bin").is_file():
        fast = folder.with_name(folder.name + "-ct2")
        if (fast / "model.bin").is_file():
            return fast
        if folder.is_dir():
            raise InputError(
                f"model {name} is not converted for --engine ct2; convert it with: "
                f"workbench models convert {name}"
            )
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
) -> tuple[list[str], int]:
    """Raw MT of ``texts`` through the cache; (translations, segments sent to MT).

    The pipeline's cache step (see services.pipeline.cached_translate), without names.
    """
    from workbench.services.pipeline import cached_translate

    outs, sent, _ = cached_translate(engine, cache, texts, src, tgt, options, progress)
    return outs, sent


@dataclass
class TranslateReport:
    """What translating one file into one language did."""

    path: str
    lang: str
    segments: int
    translated: int  # translated by the model now (the rest: the cache, the project, or empty)
    flagged: list[str]  # segment ids whose glossary names the output lacks
    written: str = ""
    kept: int = 0  # drafts not written: someone changed the segment while it translated
    empty: list[str] = field(default_factory=list)  # ids the model gave no usable output for
    cached: int = 0  # segments whose translation came from the MT cache
    engine_loaded: bool = False  # whether a model had to be loaded at all


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
    force: bool = False,
    meta: dict | None = None,
) -> TranslateReport:
    """Translate a document into ``tgt`` through the pipeline; write a file or project drafts.

    ``meta``: more front matter for the ``out_dir`` file (the batch records its key there).

    A file in ``out_dir`` that is there already is replaced when it is an earlier machine
    draft (a rerun), else only with ``force``; checked before any work is done.

    A project draft is written only where the segment is still as it was when read (a
    compare-and-set in the write's transaction): a target that a translator or an import
    wrote while the model ran is kept, and counted in ``kept``.

    A segment the model gave nothing usable for (empty or broken output) is never written
    as a translation: it stays untranslated and is listed in ``empty``.
    """
    from workbench.services.pipeline import Pipeline

    doc, segs = segment_file(path)
    tgt = get_language(tgt).tag
    if out_dir:
        check_draft_target(out_file(doc, tgt, out_dir), force, keep=[path])
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
    pipe = Pipeline(engine, finder, cache, options)
    outcomes = pipe.run([segs[i].text for i in todo], doc.lang, tgt, progress)
    memory = pipe.memory
    # segments the model translated now; one it gave nothing usable for is counted apart
    fresh_empty = sum(1 for o in outcomes if o.state == "empty" and not o.cached)
    report = TranslateReport(path, tgt, len(segs), pipe.sent - fresh_empty, [])
    report.cached = sum(1 for o in outcomes if o.cached)
    report.engine_loaded = bool(getattr(engine, "opened", not memory))
    finals: dict[int, str] = {}
    for i, o in zip(todo, outcomes, strict=True):
        if o.state == "empty":
            report.empty.append(segs[i].id)
        if not o.text:
            continue  # no match, or no usable output: the segment stays untranslated
        finals[i] = o.text
        if o.state == "names":
            report.flagged.append(segs[i].id)
        if memory:
            report.translated += 1
        if proj is not None:  # only where the segment still holds what it held when read
            was = rows[segs[i].id]
            wrote = proj.set_translation(
                was.segment_id,
                tgt,
                o.text,
                "draft",
                o.provenance,
                o.note,
                expect=(was.target, was.status),
            )
            if wrote is None:
                report.kept += 1
    if proj is not None:
        proj.close()
    if out_dir:
        untranslated = [s.id for i, s in enumerate(segs) if i not in finals]
        report.written = _write_translation(
            doc, segs, finals, tgt, engine, out_dir, untranslated, meta
        )
    return report


def _write_translation(
    doc: Document,
    segs: list[Segment],
    finals: dict[int, str],
    tgt: str,
    engine,
    out_dir: str,
    untranslated: list[str] | None = None,
    extra: dict | None = None,
) -> str:
    """The translated document in the input's format: front matter, title, captions.

    A segment without a translation keeps its source text, and its id is listed under
    ``untranslated:`` in the front matter, so nobody takes it for machine output.
    """
    paras: dict[int, list[str]] = {}
    for i, s in enumerate(segs):
        paras.setdefault(s.para, []).append(finals.get(i) or s.text)  # untranslated: source
    from workbench.formats.article_writer import render_article, translation_meta

    fields: dict[str, object] = {
        "translator": (
            f"memory: {engine.model_id}"
            if engine.name == "memory"
            else f"machine: {engine.name} {engine.model_id} ({engine.checksum})"
        ),
    }
    if untranslated:
        fields["untranslated"] = ", ".join(untranslated)  # front matter values are text
    fields.update(extra or {})
    # the source's publication metadata only (not its bookkeeping: seed: ...), then id ...
    meta = translation_meta(doc.meta, doc.id, doc.lang, tgt, fields)
    paragraphs = [
        (p.kind, " ".join(t for t in paras.get(p.number, []) if t)) for p in doc.paragraphs
    ]
    out = out_file(doc, tgt, out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text(str(out), render_article(meta, paragraphs), keep=[doc.path])
    return str(out)


def out_file(doc: Document, tgt: str, out_dir: str) -> Path:
    """Where the translation of ``doc`` into ``tgt`` goes under ``out_dir``."""
    suffix = ".md" if doc.path.endswith(".md") else ".txt"
    return path_under(Path(out_dir), f"{doc.id}.{tgt}{suffix}")

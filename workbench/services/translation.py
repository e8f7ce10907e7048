"""Machine-translation use cases: the model store, engines, cached translation of files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.document import Document, Segment
from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.name_finder import NameFinder
from workbench.core.name_index import NameIndex
from workbench.core.story_id import path_under
from workbench.services.files import check_draft_target, write_text
from workbench.services.glossary import open_glossary, segment_file
from workbench.services.memory import MemoryEngine, open_tm
from workbench.services.progress import Progress
from workbench.store.project import Project
from workbench.store.tm import default_tm_path


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
    kept: int = 0  # drafts not written: someone changed the segment while it translated


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
) -> TranslateReport:
    """Translate a document into ``tgt`` with names protected; write a file or project drafts.

    A file in ``out_dir`` that is there already is replaced when it is an earlier machine
    draft (a rerun), else only with ``force``; checked before any work is done.

    A project draft is written only where the segment is still as it was when read (a
    compare-and-set in the write's transaction): a target that a translator or an import
    wrote while the model ran is kept, and counted in ``kept``.
    """
    from workbench.core.name_guard import Guarded, protect, restore
    from workbench.store.project import Provenance

    doc, segs = segment_file(path)
    tgt = get_language(tgt).tag
    if out_dir:
        check_draft_target(_out_file(doc, tgt, out_dir), force, keep=[path])
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
        if proj is not None:  # only where the segment still holds what it held when read
            was = rows[segs[i].id]
            wrote = proj.set_translation(
                was.segment_id, tgt, r.text, "draft", prov, note, expect=(was.target, was.status)
            )
            if wrote is None:
                report.kept += 1
    if proj is not None:
        proj.close()
    if out_dir:
        report.written = _write_translation(doc, segs, finals, tgt, engine, out_dir)
    return report


def _write_translation(
    doc: Document, segs: list[Segment], finals: dict[int, str], tgt: str, engine, out_dir: str
) -> str:
    """The translated document in the input's format: front matter, title, captions."""
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
    from workbench.formats.article_writer import render_article  # the article export's too

    paragraphs = [
        (p.kind, " ".join(t for t in paras.get(p.number, []) if t)) for p in doc.paragraphs
    ]
    out = _out_file(doc, tgt, out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_text(str(out), render_article(meta, paragraphs), keep=[doc.path])
    return str(out)


def _out_file(doc: Document, tgt: str, out_dir: str) -> Path:
    """Where the translation of ``doc`` into ``tgt`` goes under ``out_dir``."""
    suffix = ".md" if doc.path.endswith(".md") else ".txt"
    return path_under(Path(out_dir), f"{doc.id}.{tgt}{suffix}")

"""The one machine-translation pipeline every caller uses (CLI, app, alignment, batch).

segment text -> protect glossary names -> MT cache -> engine (only for what the cache
lacks, in token-budget chunks, cancellable, with progress) -> restore names -> flag what
was lost, and refuse empty or broken output.

The engine behind a :class:`EngineHandle` is opened on first use: the cache key needs only
the model's checksum and how its family is driven, both read from the model's files, so a
run whose segments are all cached never imports torch or loads a model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.languages import get_language
from workbench.core.names.name_finder import NameFinder
from workbench.engines.base import Cancelled, DecodeOptions
from workbench.services.progress import Progress
from workbench.store.project import Provenance


class EngineHandle:
    """A model engine ('hf' or 'ct2') opened on first translate, not before.

    What the MT cache needs (model id, checksum, revision, family driving) comes from the
    model folder's files; torch, transformers and ctranslate2 are imported only on opening.
    """

    cacheable = True  # deterministic weights with a checksum: outputs may be cached

    def __init__(
        self,
        kind: str,
        folder: Path,
        *,
        threads: int | None = None,
        allow_pickle: bool = False,
        device: str | None = None,
    ) -> None:
        """Check ``folder`` (gates, family) without loading it; EngineError when unusable."""
        from workbench.engines.families import detect
        from workbench.engines.model_gate import refuse_custom_code, refuse_pickle

        self.name, self.folder = kind, Path(folder)
        self.model_id = self.folder.name
        self.threads, self.allow_pickle, self.device = threads, allow_pickle, device
        self.should_stop: Callable[[], bool] | None = None
        if kind == "ct2":
            from workbench.engines.ct2 import model_checksum, require_converted

            require_converted(self.folder)
            refuse_custom_code(self.folder)
            self.checksum = model_checksum(self.folder)
        else:
            from workbench.engines.hf import file_checksum, require_model

            require_model(self.folder)
            refuse_custom_code(self.folder)
            refuse_pickle(self.folder, allow_pickle)
            self.checksum = file_checksum(self.folder)
        self.info = detect(self.folder)
        self.family = self.info.family
        self.revision = self.info.meta.get("revision", "local")
        self._engine = None

    @property
    def opened(self) -> bool:
        """Whether the model has been loaded."""
        return self._engine is not None

    def open(self):
        """The loaded engine (loading it now if need be)."""
        if self._engine is None:
            if self.name == "ct2":
                from workbench.engines.ct2 import CT2Engine

                self._engine = CT2Engine(
                    self.folder, threads=self.threads or 0, device=self.device or "cpu"
                )
            else:
                from workbench.engines.hf import HFEngine

                self._engine = HFEngine(
                    self.folder,
                    allow_pickle=self.allow_pickle,
                    threads=self.threads,
                    device=self.device,
                )
        return self._engine

    def drive(self, src: str, tgt: str):
        """How the model's family is driven for the pair (engines.families.Drive)."""
        return self.info.drive(src, tgt)

    def translate(self, texts: list[str], src: str, tgt: str, options: DecodeOptions) -> list[str]:
        """Translate with the loaded model; ``should_stop`` is passed on."""
        engine = self.open()
        engine.should_stop = self.should_stop
        return engine.translate(texts, src, tgt, options)


#: What a segment's outcome can be.
STATES = {
    "ok": "translated, every protected name in place",
    "names": "translated, but glossary names the output lacks (flagged)",
    "empty": "the model gave no usable output (empty or broken): left untranslated, flagged",
    "none": "nothing to translate, or no memory match: left untranslated",
}


@dataclass
class Outcome:
    """What the pipeline made of one segment."""

    text: str  # the translation with names restored; '' when there is none to write
    state: str  # see STATES
    provenance: Provenance
    missing: list[str] = field(default_factory=list)  # glossary forms the output lacks
    note: str = ""  # why it is flagged (stored with the draft)
    cached: bool = False

    @property
    def flagged(self) -> bool:
        """True when a translator must look at it (names lost, or no usable output)."""
        return self.state in ("names", "empty")


def output_problem(output: str, source: str, tgt: str) -> str | None:
    """Why an MT output must not be used as a translation, or None when it may.

    Empty or blank; only punctuation or symbols where the source has letters; or the
    source copied back unchanged (three words or more, into another language). Output in
    another script is not refused here (a name or an acronym may rightly stay Latin);
    QA shows it.
    """
    out = output.strip()
    if not out:
        return "the model returned nothing"
    if any(c.isalpha() for c in source) and not any(c.isalnum() for c in out):
        return f"the model returned only {out[:20]!r}"
    if out == source.strip() and len(source.split()) >= 3:
        return "the model copied the source"
    return None


def cached_translate(
    engine,
    cache,
    texts: list[str],
    src: str,
    tgt: str,
    options: DecodeOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[str], int, set[int]]:
    """MT of ``texts`` through ``cache`` (None: no cache); (outputs, sent to MT, cached idx).

    Only what the cache lacks goes to the engine, in chunks of about ``batch_tokens``
    tokens, each committed to the cache at once (a killed run resumes where it was).
    """
    from workbench.store.mt_cache import cache_key

    drive = getattr(engine, "drive", None)
    okey = options.key() + (";" + drive(src, tgt).key() if drive is not None else "")
    keys = [cache_key(engine.checksum, src, tgt, okey, t) for t in texts]
    have = cache.get_many(keys) if cache is not None else {}
    done = {i for i, k in enumerate(keys) if k in have}
    todo = [i for i, k in enumerate(keys) if k not in have and texts[i].strip()]
    if progress:
        progress(len(texts) - len(todo))
    for part in _chunks(todo, texts, options.batch_tokens):
        if cancelled is not None and cancelled():
            raise Cancelled("translation cancelled")
        outs = engine.translate([texts[i] for i in part], src, tgt, options)
        if cache is not None:
            cache.put_many(
                [
                    (keys[i], engine.model_id, engine.checksum, src, tgt, okey, texts[i], o)
                    for i, o in zip(part, outs, strict=True)
                ]
            )
        have.update((keys[i], o) for i, o in zip(part, outs, strict=True))
        if progress:
            progress(len(part))
    return [have.get(k, "") for k in keys], len(todo), done


def _chunks(todo: list[int], texts: list[str], budget: int) -> list[list[int]]:
    """``todo`` cut into runs of about ``budget`` tokens (4 characters a token, at most 64)."""
    out: list[list[int]] = []
    size = 0
    for i in todo:
        cost = len(texts[i]) // 4 + 2
        if not out or size + cost > budget or len(out[-1]) >= 64:
            out.append([])
            size = 0
        out[-1].append(i)
        size += cost
    return out


class Pipeline:
    """Translate segments into one language: names protected, cached, checked."""

    def __init__(
        self,
        engine,
        finder: NameFinder,
        cache=None,
        options: DecodeOptions | None = None,
    ) -> None:
        """``cache``: an open MTCache, used only for engines that are ``cacheable``."""
        self.engine, self.finder = engine, finder
        self.options = options or DecodeOptions()
        self.cache = cache if getattr(engine, "cacheable", False) else None
        self.sent = 0  # segments the engine translated (the rest came from the cache)

    @property
    def memory(self) -> bool:
        """Whether the engine is the translation memory (no names to protect, no cache)."""
        return self.engine.name == "memory"

    def run(
        self,
        texts: Sequence[str],
        src: str | Sequence[str],
        tgt: str,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        """The outcome of each text, in order; ``src`` is one language or one per text.

        Texts are grouped by their own source language. ``cancelled`` is polled between
        chunks and, through the engine's ``should_stop``, inside a model's decoding:
        Cancelled is raised, and what was finished is in the cache.
        """
        tgt = get_language(tgt).tag
        srcs = [src] * len(texts) if isinstance(src, str) else list(src)
        srcs = [get_language(s).tag for s in srcs]
        out: list[Outcome | None] = [None] * len(texts)
        if cancelled is not None:
            self.engine.should_stop = cancelled
        for lang in dict.fromkeys(srcs):
            idx = [i for i, s in enumerate(srcs) if s == lang]
            group = self._memory if self.memory else self._model
            done = group([texts[i] for i in idx], lang, tgt, progress, cancelled)
            for i, o in zip(idx, done, strict=True):
                out[i] = o
        return [o for o in out if o is not None]

    def _memory(self, texts, src, tgt, progress, cancelled) -> list[Outcome]:
        """The TM's matches (names already in their glossary forms)."""
        outs = self.engine.translate(list(texts), src, tgt, self.options)
        if progress:
            progress(len(texts))
        res = []
        for n, o in enumerate(outs):
            prov = Provenance(
                "memory", match=self.engine.last_matches[n], tm_origin=self.engine.model_id
            )
            res.append(Outcome(o, "ok" if o else "none", prov))
        return res

    def _model(self, texts, src, tgt, progress, cancelled) -> list[Outcome]:
        """Protect, translate what the cache lacks, restore, check."""
        from workbench.core.names.name_guard import protect, restore

        e = self.engine
        guarded = [protect(t, src, tgt, self.finder) for t in texts]
        outs, sent, cached = cached_translate(
            e, self.cache, [g.text for g in guarded], src, tgt, self.options, progress, cancelled
        )
        self.sent += sent
        prov = Provenance("machine", e.name, e.model_id, e.checksum)
        res = []
        for i, (text, g, o) in enumerate(zip(texts, guarded, outs, strict=True)):
            if not text.strip():
                res.append(Outcome("", "none", prov))
                continue
            r = restore(o, g, tgt, self.finder)
            problem = (
                output_problem(r.text, text, tgt) if o.strip() else "the model returned nothing"
            )
            if problem is not None:
                res.append(Outcome("", "empty", prov, note=problem, cached=i in cached))
                continue
            missing = [s.target for s in r.missing]
            note = "names missing after MT: " + ", ".join(missing) if missing else ""
            state = "names" if missing else "ok"
            res.append(Outcome(r.text, state, prov, missing, note, cached=i in cached))
        return res

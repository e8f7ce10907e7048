"""Archive-scale translation on Ray Data: the same pipeline, one engine per actor.

The driver lists what is to do: for each article and target language a key (the
article's sha256, the model's checksum, the decoding options and the family's driving).
What the manifest (``manifest.jsonl`` in the output folder) already records, with its
output file still there, is skipped, so a rerun with the same inputs does nothing and a
killed run resumes. The rest becomes a ``ray.data`` dataset and goes through one
``map_batches`` stage with an actor pool (``compute=ActorPoolStrategy(size=N)``): each
actor opens its engines once (lazily: a segment the MT cache holds needs no model) and
runs ``translate_file`` on its articles, which writes each translation with an atomic
rename; the actor then appends that article's manifest line. An output file carries its
key in its front matter, so one written just before a kill is recognised, not redone.

Ray is an optional extra (``pip install -e ".[cluster]"``); without it the command says
how to get it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.languages import get_language

MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class Task:
    """One article into one language."""

    path: str
    lang: str
    key: str
    article_sha256: str
    output: str


@dataclass
class BatchPlan:
    """What a batch run will do, and what it skips."""

    tasks: list[Task]
    done: int  # already in the manifest with their output present
    recovered: int  # written before a kill, manifest line missing: recorded now
    models: dict[str, dict]  # lang -> {"folder", "checksum", "drive"}


@dataclass
class BatchReport:
    """What a batch run did."""

    planned: int
    skipped: int
    translated: int = 0  # articles written now
    segments_sent: int = 0
    flagged: int = 0
    empty: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)


def require_ray() -> None:
    """InputError (one line, with the install command) when Ray Data is not installed."""
    import importlib.util

    if importlib.util.find_spec("ray") is None:
        raise InputError(
            "batch translate needs Ray Data, an optional extra: "
            'pip install -e ".[cluster]" (or: pip install "ray[data]")'
        )


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(out_dir: Path) -> dict[str, dict]:
    """The manifest's lines by key (a torn last line, from a kill, is ignored)."""
    out: dict[str, dict] = {}
    path = out_dir / MANIFEST
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and row.get("key"):
            out[row["key"]] = row
    return out


def append_manifest(out_dir: Path, row: dict) -> None:
    """Append one line (a single O_APPEND write: whole lines, even from several actors)."""
    data = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(out_dir / MANIFEST, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _key_in_file(path: Path) -> str | None:
    """The batch key recorded in an output file's front matter, if any."""
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except OSError:
        return None
    for line in head.splitlines()[1:]:
        if line == "---":
            break
        if line.startswith("batch-key:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    return None


def plan(
    sources: list[str],
    langs: list[str],
    out_dir: Path,
    engine: str,
    model: str | None,
    options_key: str,
) -> BatchPlan:
    """The tasks left to do; what the manifest (or an output's front matter) says is done."""
    from workbench.services.glossary import segment_file
    from workbench.services.pipeline import EngineHandle
    from workbench.services.translation import model_dir, out_file

    models: dict[str, dict] = {}
    for lang in langs:
        folder = model_dir(model, lang, engine)
        h = EngineHandle(engine, folder)
        drive = h.drive("en", lang).key()
        models[lang] = {"folder": str(folder), "checksum": h.checksum, "drive": drive}
    manifest = read_manifest(out_dir)
    tasks, done, recovered = [], 0, 0
    for path in sources:
        sha = _sha256(path)
        doc = segment_file(path)[0]
        for lang in langs:
            m = models[lang]
            raw = "\x1f".join((sha, m["checksum"], lang, options_key, m["drive"]))
            key = hashlib.sha256(raw.encode()).hexdigest()[:32]
            output = out_file(doc, lang, str(out_dir))
            row = {"key": key, "article": path, "article_sha256": sha, "lang": lang,
                   "model": Path(m["folder"]).name, "model_checksum": m["checksum"],
                   "options": options_key, "output": str(output)}  # fmt: skip
            if key in manifest and output.is_file():
                done += 1
            elif output.is_file() and _key_in_file(output) == key:
                append_manifest(out_dir, {**row, "recovered": True})  # killed before its line
                recovered += 1
            else:
                tasks.append(Task(path, lang, key, sha, str(output)))
    return BatchPlan(tasks, done, recovered, models)


class ArticleTranslator:
    """A Ray Data actor: opens each language's engine once, translates whole articles."""

    def __init__(self, settings: dict) -> None:
        """``settings``: engine kind, model folders, options, glossary, out_dir, home."""
        if settings.get("home"):
            os.environ["WORKBENCH_HOME"] = settings["home"]
        from workbench.engines.base import DecodeOptions
        from workbench.services.pipeline import EngineHandle
        from workbench.store.mt_cache import MTCache

        self.s = settings
        self.options = DecodeOptions(**settings["options"])
        self.engines = {
            lang: EngineHandle(settings["engine"], Path(m["folder"]), threads=settings["threads"])
            for lang, m in settings["models"].items()
        }
        home = Path(settings["home"]) if settings.get("home") else None
        from workbench.services.translation import workbench_home

        self.cache = MTCache((home or workbench_home()) / "mt-cache.sqlite")

    def __call__(self, batch: dict) -> dict:
        """Translate every article of the batch; one manifest line each once written."""
        from workbench.services.translation import translate_file

        out_dir = Path(self.s["out_dir"])
        res: dict[str, list] = {"key": [], "output": [], "sent": [], "flagged": [], "empty": []}
        for i in range(len(batch["key"])):
            path, lang, key = str(batch["path"][i]), str(batch["lang"][i]), str(batch["key"][i])
            r = translate_file(
                path,
                lang,
                self.engines[lang],
                self.cache,
                self.options,
                self.s["glossary"],
                str(out_dir),
                meta={"batch-key": key},
            )
            m = self.s["models"][lang]
            append_manifest(
                out_dir,
                {
                    "key": key,
                    "article": path,
                    "article_sha256": str(batch["article_sha256"][i]),
                    "lang": lang,
                    "model": Path(m["folder"]).name,
                    "model_checksum": m["checksum"],
                    "options": self.s["options_key"],
                    "output": r.written,
                    "segments": r.segments,
                    "flagged": len(r.flagged),
                    "untranslated": len(r.empty),
                    "pid": os.getpid(),
                },
            )
            for k, v in (("key", key), ("output", r.written), ("sent", r.translated),
                         ("flagged", len(r.flagged)), ("empty", len(r.empty))):  # fmt: skip
                res[k].append(v)
        return res


def run_batch(
    sources: list[str],
    langs: list[str],
    out_dir: str,
    *,
    engine: str = "hf",
    model: str | None = None,
    options=None,
    glossary_path: str | None = None,
    ray_address: str | None = None,
    workers: int = 1,
    cpus: int | None = None,
    batch_size: int = 4,
    threads: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> BatchReport:
    """Translate ``sources`` into ``langs`` under ``out_dir`` on Ray Data; resumable."""
    from workbench.engines.base import DecodeOptions
    from workbench.services.translation import workbench_home

    require_ray()
    if not sources:
        raise InputError("nothing to translate: no articles given")
    langs = [get_language(x).tag for x in langs]
    options = options or DecodeOptions()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    p = plan(sources, langs, out, engine, model, options.key())
    report = BatchReport(len(sources) * len(langs), p.done + p.recovered)
    if progress:
        progress(report.skipped)
    if not p.tasks:
        report.seconds = time.monotonic() - start
        return report
    import warnings

    import ray
    from ray.data import ActorPoolStrategy

    warnings.filterwarnings("ignore", module="ray")

    home = str(workbench_home())
    if not ray.is_initialized():
        quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
        if ray_address:
            ray.init(address=ray_address, **quiet)
        else:  # a local Ray of our own
            ray.init(num_cpus=cpus or workers + 1, include_dashboard=False, **quiet)
        logging.getLogger("ray").setLevel(logging.ERROR)
        logging.getLogger("ray.data").setLevel(logging.ERROR)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    settings = {
        "engine": engine,
        "models": p.models,
        "options": asdict(options),
        "options_key": options.key(),
        "glossary": str(Path(glossary_path).resolve()) if glossary_path else None,
        "out_dir": str(out.resolve()),
        "home": home,
        "threads": threads,
    }
    blocks = max(1, -(-len(p.tasks) // batch_size))  # about one batch a block: all actors busy
    ds = ray.data.from_items([asdict(t) for t in p.tasks], override_num_blocks=blocks)
    done = ds.map_batches(
        ArticleTranslator,
        fn_constructor_kwargs={"settings": settings},
        compute=ActorPoolStrategy(size=workers),
        batch_size=batch_size,
        num_cpus=1,
        batch_format="numpy",
    )
    for row in done.iter_rows():
        report.translated += 1
        report.segments_sent += int(row["sent"])
        report.flagged += int(row["flagged"])
        report.empty += int(row["empty"])
        report.outputs.append(str(row["output"]))
        if progress:
            progress(1)
    report.seconds = time.monotonic() - start
    return report

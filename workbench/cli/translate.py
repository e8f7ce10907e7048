"""``workbench translate``: machine translation of documents, names protected, resumable."""

from __future__ import annotations

import time

import click

from workbench.cli.options import BEAMS_OPTION, GLOSSARY_OPTION, MAX_LENGTH_OPTION
from workbench.cli.output import json_option, print_json, progress_bar
from workbench.core.plural import counted


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--to", "to", required=True, help="Target languages, comma-separated: ar,ckb")
@click.option(
    "--engine",
    type=click.Choice(["hf", "ct2", "memory"]),
    default="hf",
    show_default=True,
    help="memory: the TM's best match (no model needed).",
)
@click.option(
    "--tm", "tm_path", type=click.Path(), help="TM for --engine memory (default: the user's)."
)
@click.option("--model", help="Model folder (default: the pulled default model of each language).")
@click.option(
    "--out", "out_dir", type=click.Path(), help="Write one file per input and language here."
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace files in --out that are not earlier machine drafts (never an input).",
)
@click.option("--project", type=click.Path(), help="Write machine drafts into this project.")
@BEAMS_OPTION
@MAX_LENGTH_OPTION
@click.option(
    "--batch-tokens",
    default=2048,
    show_default=True,
    type=click.IntRange(1, 1_000_000),
    help="Token budget per batch.",
)
@click.option("--threads", type=click.IntRange(1, 256), help="CPU threads for the model.")
@click.option(
    "--allow-pickle",
    is_flag=True,
    help="Also load pickle (*.bin) weights: only for models you trust.",
)
@GLOSSARY_OPTION
@json_option(
    '{"results": [{"file", "lang", "segments", "translated", "cached", "flagged": [ids], '
    '"empty": [ids], "kept", "written", "project", "engine_loaded"}]}, one per file and language.'
)
def translate(
    files: tuple[str, ...],
    to: str,
    engine: str,
    tm_path: str | None,
    model: str | None,
    out_dir: str | None,
    force: bool,
    project: str | None,
    beams: int,
    max_length: int,
    batch_tokens: int,
    threads: int | None,
    allow_pickle: bool,
    glossary_path: str | None,
    as_json: bool,
) -> None:
    """Translate FILES into each --to language (rerun to resume: finished work is cached)."""
    from workbench import services
    from workbench.core.settings import current
    from workbench.engines.base import DecodeOptions
    from workbench.store.mt_cache import MTCache

    if not out_dir and not project:
        raise click.UsageError("say where translations go: --out DIR or --project P")
    langs = [x.strip() for x in to.split(",") if x.strip()]
    if not langs:
        raise click.BadParameter("no target language given (e.g. --to ar,ckb)", param_hint="--to")
    options = DecodeOptions(beams=beams, max_length=max_length, batch_tokens=batch_tokens)
    cache = MTCache(current().mt_cache)
    engines: dict[str, object] = {}
    results: list[dict[str, object]] = []
    try:
        for lang in langs:
            memory = engine == "memory"
            folder = "memory" if memory else str(services.model_dir(model, lang, engine))
            if folder not in engines:  # one engine per model, shared by its languages
                engines[folder] = services.open_engine(
                    engine, lang, model, tm_path, glossary_path, threads, allow_pickle
                )
            eng = engines[folder]
            for f in files:
                segs = services.segment_file(f)[1]
                words = sum(len(x.text.split()) for x in segs) / max(len(segs), 1)
                start, done = time.monotonic(), [0]
                with progress_bar(len(segs), f"{f} -> {lang}", show_rate=True) as bar:

                    def tick(k: int, bar=bar, start=start, done=done, words=words) -> None:
                        done[0] += k
                        rate = done[0] / max(time.monotonic() - start, 1e-6)
                        bar.update(k, f"{rate:.1f} segments/s, ~{rate * words:.0f} words/s")

                    r = services.translate_file(
                        f, lang, eng, cache, options, glossary_path, out_dir, project, tick,
                        force=force,
                    )  # fmt: skip
                results.append(_as_json(f, r, project))
                if as_json:
                    continue
                where = r.written or project
                kept = f", {r.kept} left alone (changed meanwhile)" if r.kept else ""
                empty = (
                    f", {len(r.empty)} left untranslated (no usable MT output: {_ids(r.empty)})"
                    if r.empty
                    else ""
                )
                cached = ""
                if r.cached:
                    cached = f", {r.cached} from the MT cache" + (
                        "" if r.engine_loaded else " (no model loaded)"
                    )
                click.echo(
                    f"{f} -> {lang}: {counted(r.segments, 'segment')}, "
                    f"{r.translated} translated now, "
                    f"{len(r.flagged)} flagged for names{empty}{kept}{cached} ({where})"
                )
    finally:
        cache.close()
    if as_json:
        print_json({"results": results})


def _as_json(file: str, r, project: str | None) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """One file and language of ``translate --json``."""
    return {
        "file": file,
        "lang": r.lang,
        "segments": r.segments,
        "translated": r.translated,
        "cached": r.cached,
        "flagged": list(r.flagged),
        "empty": list(r.empty),
        "kept": r.kept,
        "written": r.written or None,
        "project": project,
        "engine_loaded": r.engine_loaded,
    }


def _ids(ids: list[str], most: int = 5) -> str:
    """Some segment ids, for a summary line."""
    return ", ".join(ids[:most]) + (f" and {len(ids) - most} more" if len(ids) > most else "")

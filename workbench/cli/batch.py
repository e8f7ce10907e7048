"""``workbench batch``: translate an archive on Ray Data (an optional extra), resumably."""

from __future__ import annotations

import dataclasses

import click

from workbench.cli.options import GLOSSARY_OPTION
from workbench.cli.output import json_option, print_json, progress_bar
from workbench.core.plural import counted


@click.group()
def batch() -> None:
    """Archive-scale jobs on Ray (pip install -e ".[cluster]")."""


@batch.command("translate")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--to", "to", required=True, help="Target languages, comma-separated: ar,ckb")
@click.option("--out", "out_dir", required=True, type=click.Path(), help="Output folder.")
@click.option("--engine", type=click.Choice(["hf", "ct2"]), default="hf", show_default=True)
@click.option("--model", help="Model folder or name (default: each language's default model).")
@click.option(
    "--ray-address", envvar="RAY_ADDRESS", help="A running Ray cluster (default: a local Ray)."
)
@click.option(
    "--workers", type=click.IntRange(1, 512), default=1, show_default=True, help="Actors."
)
@click.option("--cpus", type=click.IntRange(1, 4096), help="CPUs of a local Ray (workers + 1).")
@click.option(
    "--batch-size", type=click.IntRange(1, 10_000), default=4, show_default=True,
    help="Articles per actor call.",
)  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 256), help="CPU threads per actor's model.")
@click.option("--max-length", type=click.IntRange(1, 4096), default=256, show_default=True)
@click.option("--beams", type=click.IntRange(1, 64), default=1, show_default=True)
@GLOSSARY_OPTION
@json_option(
    '{"out", "planned", "skipped", "translated", "segments_sent", "flagged", "empty", '
    '"seconds", "outputs": [path]}.'
)
def translate_cmd(
    sources: tuple[str, ...],
    to: str,
    out_dir: str,
    engine: str,
    model: str | None,
    ray_address: str | None,
    workers: int,
    cpus: int | None,
    batch_size: int,
    threads: int | None,
    max_length: int,
    beams: int,
    glossary_path: str | None,
    as_json: bool,
) -> None:
    """Translate SOURCES into each --to language under --out, on Ray Data.

    Each article is written atomically beside a line of --out/manifest.jsonl (article
    checksum, model checksum, options): a killed run resumes by skipping what is done,
    and a rerun with the same inputs does nothing.
    """
    from workbench.engines.base import DecodeOptions
    from workbench.services.batch import require_ray, run_batch

    require_ray()
    langs = [x.strip() for x in to.split(",") if x.strip()]
    options = DecodeOptions(beams=beams, max_length=max_length)
    with progress_bar(len(sources) * len(langs), "batch translate") as bar:
        r = run_batch(
            list(sources), langs, out_dir, engine=engine, model=model, options=options,
            glossary_path=glossary_path, ray_address=ray_address, workers=workers, cpus=cpus,
            batch_size=batch_size, threads=threads, progress=bar.update,
        )  # fmt: skip
    if as_json:
        print_json({"out": out_dir, **dataclasses.asdict(r)})
        return
    rate = r.translated / r.seconds * 60 if r.seconds and r.translated else 0.0
    click.echo(
        f"{r.planned} articles×languages: {r.translated} translated now, {r.skipped} already "
        f"done; {counted(r.flagged, 'segment')} flagged for names, {r.empty} left untranslated "
        f"({r.seconds:.1f} s, {rate:.1f} articles/min) -> {out_dir}"
    )

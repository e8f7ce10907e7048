"""``workbench models``: the local model store under $WORKBENCH_HOME/models."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from workbench.cli.output import echo_table, json_option, print_json
from workbench.core.plural import counted


def _store() -> Path:
    """The model store (``models/`` in the workbench home)."""
    from workbench.core.settings import current

    return current().models


@click.group()
def models() -> None:
    """Translation models: list, pull (the only network use), convert, info, remove."""


@models.command("list")
@json_option(
    '{"store", "models": [{"name", "kind" (hf|ct2), "size_bytes"}], '
    '"defaults": {lang: {"model", "installed"}}}.'
)
def list_cmd(as_json: bool) -> None:
    """Installed models, and the default model of each language."""
    from workbench import services
    from workbench.engines.store import entry

    store = _store()
    found = sorted(p for p in store.glob("*") if p.is_dir()) if store.is_dir() else []
    rows = []
    for p in found:
        kind = "ct2" if (p / "model.bin").is_file() else "hf"
        size = sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        rows.append({"name": p.name, "kind": kind, "size_bytes": size})
    defaults = {
        lang: {"model": name, "installed": entry(store, name, must_exist=False).is_dir()}
        for lang, name in services.DEFAULT_MODELS.items()
    }
    if as_json:
        print_json({"store": str(store), "models": rows, "defaults": defaults})
        return
    echo_table(
        [[m["name"], m["kind"], f"{m['size_bytes'] / 1e6:8.1f} MB"] for m in rows],
        gap=1,
        min_widths=[45, 4],
    )
    if not found:
        click.echo(f"no models in {store}")
    for lang, d in defaults.items():
        state = "installed" if d["installed"] else "not installed"
        click.echo(f"default for {lang}: {d['model']} ({state})")
    click.echo("NLLB-200 is licensed CC-BY-NC 4.0: non-commercial use only (see the README).")


@models.command()
@click.argument("model")
@click.option("--out", type=click.Path(), help="Where to write (default: MODEL-ct2 in the store).")
@click.option("--quantization", default="int8", show_default=True)
@click.option("--force", is_flag=True, help="Replace --out if it is an earlier converted model.")
@click.option(
    "--allow-pickle",
    is_flag=True,
    help="Also load pickle (*.bin) weights: only for models you trust.",
)
@json_option('{"model", "out", "quantization"}.')
def convert(
    model: str,
    out: str | None,
    quantization: str,
    force: bool,
    allow_pickle: bool,
    as_json: bool,
) -> None:
    """Convert a model (a folder, or a name in the store) to CTranslate2."""
    from workbench.engines.ct2 import convert as do_convert

    src = _model_path(model)
    target = Path(out) if out else src.with_name(src.name + "-ct2")
    done = do_convert(src, target, quantization, force=force, allow_pickle=allow_pickle)
    if as_json:
        print_json({"model": str(src), "out": str(done), "quantization": quantization})
        return
    click.echo(f"{done}: converted ({quantization})")


def _model_path(model: str) -> Path:
    """A model folder given as a path, else a model name resolved inside the store."""
    from workbench.engines.store import entry

    return Path(model) if Path(model).is_dir() else entry(_store(), model)


@models.command()
@click.argument("model")
@click.option("--from", "src", default="en", show_default=True, help="Source language.")
@json_option(
    '{"path", "backend", "model_type", "family", "family_name", "repo", "revision", '
    '"licence", "size_bytes", "checksum", "source_lang", "targets": [{"lang", "ok", "prefix", '
    '"src_lang", "forced_bos", "says"}], "files": [path]}.'
)
def info(model: str, src: str, as_json: bool) -> None:
    """Family, how each target language is driven, licence, size and checksum of MODEL.

    MODEL is a folder or a name in the store. Nothing is loaded: the files say it all.
    """
    from workbench.services.models import model_report

    r = model_report(_model_path(model), src)
    if as_json:
        print_json(r.to_json())
        return
    click.echo(f"{r.path}")
    click.echo(f"  family:   {r.family} ({r.family_name})")
    click.echo(f"  backend:  {r.backend} (model type {r.model_type})")
    click.echo(f"  repo:     {r.repo} @ {r.revision}")
    click.echo(f"  licence:  {r.licence}")
    click.echo(f"  size:     {r.size_bytes / 1e6:.1f} MB in {counted(len(r.files), 'file')}")
    click.echo(f"  checksum: {r.checksum}")
    for t in r.targets:
        mark = "" if t.ok else "cannot: "
        click.echo(f"  {r.source_lang}->{t.lang}: {mark}{t.says}")


@models.command()
@click.option("--lang", "langs", multiple=True, help="Target language (default: ar, ckb, kmr).")
@click.option("--commercial", is_flag=True, help="Only models whose licence allows commercial use.")
@json_option(
    '[{"lang", "model", "licence", "chrf", "why", "others": [{"model", "licence", "chrf", '
    '"why", ...}]}], one per language.'
)
def recommend(langs: tuple[str, ...], commercial: bool, as_json: bool) -> None:
    """The model to use per target language, from published FLORES-200 scores, and why."""
    from workbench.services.models import recommend as do_recommend
    from workbench.services.models import registry

    found = [do_recommend(lang, commercial) for lang in langs or tuple(registry())]
    if as_json:
        print_json([dataclasses.asdict(r) for r in found])
        return
    for r in found:
        click.echo(f"{r.lang}: {r.model}")
        click.echo(f"    {r.why}")
        for c in r.others:
            score = f"chrF++ {c['chrf']}" if c.get("chrf") is not None else "no published score"
            why = f"; {c['why']}" if c.get("why") else ""
            click.echo(f"    also: {c['model']} ({score}, {c['licence']}{why})")
        click.echo(f"    get it with: workbench models pull {r.model}")


@models.command()
@click.argument("model")
@json_option('{"removed": path}.')
def remove(model: str, as_json: bool) -> None:
    """Delete MODEL (a name from 'workbench models list') from the store.

    Only a folder the store made (pulled or converted) is removed; a path or a name outside
    the store is refused.
    """
    from workbench.engines.store import remove as do_remove

    removed = do_remove(_store(), model)
    if as_json:
        print_json({"removed": str(removed)})
        return
    click.echo(f"removed {removed}")


@models.command()
@click.argument("repo")
@click.option("--revision", help="A branch, tag or commit (default: main).")
@json_option('{"folder", "repo", "revision", "licence"} (revision: the commit pulled).')
def pull(repo: str, revision: str | None, as_json: bool) -> None:
    """Download REPO from the Hugging Face Hub (network) and store it as safetensors.

    $HF_ENDPOINT points at a mirror; $HF_TOKEN is sent for gated or private models. The
    commit pulled is recorded (see: workbench models info).
    """
    import json

    from workbench.engines.store import MARKER
    from workbench.engines.store import pull as do_pull

    folder = do_pull(repo, _store(), revision)
    meta = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    if as_json:
        print_json(
            {"folder": str(folder), "repo": repo}
            | {"revision": meta["revision"], "licence": meta["licence"]}
        )
        return
    click.echo(f"{folder}: ready (revision {meta['revision']}, licence {meta['licence']})")

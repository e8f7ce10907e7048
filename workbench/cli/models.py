"""``workbench models``: the local model store under $WORKBENCH_HOME/models."""

from __future__ import annotations

import shutil
from pathlib import Path

import click


def _store() -> Path:
    from workbench import services

    return services.workbench_home() / "models"


@click.group()
def models() -> None:
    """Translation models: list, pull (the only network use), convert, info, remove."""


@models.command("list")
def list_cmd() -> None:
    """Installed models, and the default model of each language."""
    from workbench import services

    store = _store()
    found = sorted(p for p in store.glob("*") if p.is_dir()) if store.is_dir() else []
    for p in found:
        kind = "ct2" if (p / "model.bin").is_file() else "hf"
        size = sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 1e6
        click.echo(f"{p.name:<45} {kind:<4} {size:8.1f} MB")
    if not found:
        click.echo(f"no models in {store}")
    for lang, name in services.DEFAULT_MODELS.items():
        state = "installed" if (store / name.replace("/", "--")).is_dir() else "not installed"
        click.echo(f"default for {lang}: {name} ({state})")
    click.echo("NLLB-200 is licensed CC-BY-NC 4.0: non-commercial use only (see the README).")


@models.command()
@click.argument("model")
@click.option("--out", type=click.Path(), help="Where to write (default: MODEL-ct2 in the store).")
@click.option("--quantization", default="int8", show_default=True)
def convert(model: str, out: str | None, quantization: str) -> None:
    """Convert a model (a folder, or a name in the store) to CTranslate2."""
    from workbench.engines.ct2 import convert as do_convert

    src = Path(model) if Path(model).is_dir() else _store() / model.replace("/", "--")
    target = Path(out) if out else src.with_name(src.name + "-ct2")
    click.echo(f"{do_convert(src, target, quantization)}: converted ({quantization})")


@models.command()
@click.argument("model")
def info(model: str) -> None:
    """Kind, languages, files and checksum of a model."""
    import json

    p = Path(model) if Path(model).is_dir() else _store() / model.replace("/", "--")
    if not p.is_dir():
        raise click.ClickException(f"no model {model}; see: workbench models list")
    cfg = json.loads((p / "config.json").read_text()) if (p / "config.json").is_file() else {}
    meta = (
        json.loads((p / "workbench.json").read_text()) if (p / "workbench.json").is_file() else {}
    )
    click.echo(f"{p}\n  type: {meta.get('model_type') or cfg.get('model_type', '?')}")
    if meta:
        click.echo(f"  workbench: {json.dumps(meta)}")
    for f in sorted(p.iterdir()):
        click.echo(f"  {f.name}")


@models.command()
@click.argument("model")
def remove(model: str) -> None:
    """Delete a model from the store."""
    p = _store() / model.replace("/", "--")
    if not p.is_dir():
        raise click.ClickException(f"no model {model} in {_store()}")
    shutil.rmtree(p)
    click.echo(f"removed {p}")


@models.command()
@click.argument("repo")
def pull(repo: str) -> None:
    """Download REPO from the Hugging Face Hub (network) and store it as safetensors."""
    from workbench.engines.store import pull as do_pull

    click.echo(f"{do_pull(repo, _store())}: ready")

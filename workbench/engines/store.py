"""Getting models into the local store: the one place that may use the network.

A downloaded checkpoint that ships only pickle weights (``pytorch_model.bin``, as OPUS-MT
and NLLB-200 do on their main branches) is loaded once with torch's weights-only loader,
which refuses to run code, and written as ``model.safetensors``; the pickle is deleted.

Every folder the store makes (pulled or converted) holds ``workbench.json``: that file marks
it as the store's own, and only such a folder, directly inside the store, is ever removed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from workbench.engines.base import EngineError


def pickle_to_safetensors(folder: str | Path) -> Path:
    """Replace ``pytorch_model.bin`` by ``model.safetensors`` (weights-only load)."""
    f = Path(folder)
    binary = f / "pytorch_model.bin"
    if not binary.is_file():
        raise EngineError(f"{f}: no pytorch_model.bin to convert")
    import torch
    from safetensors.torch import save_file

    try:
        state = torch.load(binary, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise EngineError(
            f"{binary}: refused by the weights-only loader ({type(exc).__name__})"
        ) from None
    # safetensors stores each tensor once: tied weights must not share memory
    seen: dict[int, str] = {}
    clean = {}
    for k, v in state.items():
        ptr = v.data_ptr()
        clean[k] = v.clone().contiguous() if ptr in seen else v.contiguous()
        seen.setdefault(ptr, k)
    save_file(clean, str(f / "model.safetensors"), metadata={"format": "pt"})
    binary.unlink()
    return f / "model.safetensors"


def pull(repo: str, store: Path) -> Path:
    """Download a model from the Hub into the store, as safetensors."""
    target = entry(store, repo, must_exist=False)
    target.mkdir(parents=True, exist_ok=True)
    marker = target / MARKER
    if not marker.exists():  # the store's own folder from the start, so a broken pull can go
        marker.write_text(json.dumps({"repo": repo}, indent=2), encoding="utf-8")
    env = {
        k: os.environ.pop(k) for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE") if k in os.environ
    }
    try:
        from huggingface_hub import HfApi, snapshot_download

        revision = HfApi().model_info(repo).sha
        snapshot_download(
            repo,
            revision=revision,
            local_dir=target,
            allow_patterns=[
                "*.json",
                "*.spm",
                "*.model",
                "*.txt",
                "*.safetensors",
                "pytorch_model.bin",
            ],
        )
    except Exception as exc:
        raise EngineError(
            f"cannot download {repo} ({type(exc).__name__}); is the network reachable?"
        ) from None
    finally:
        os.environ.update(env)
    if not any(target.glob("*.safetensors")):
        pickle_to_safetensors(target)
    meta = {"repo": repo, "revision": revision}
    marker.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return target


#: The file that marks a folder as made by the model store.
MARKER = "workbench.json"


def entry(store: Path, name: str, *, must_exist: bool = True) -> Path:
    """The folder of model ``name`` (``org/model`` or ``org--model``), directly inside ``store``.

    A name that would reach outside the store (``.``, ``..``, a path, a hidden name) is
    refused with a one-line EngineError, as is a missing model when ``must_exist``.
    """
    folder = name.replace("/", "--")
    bad = (
        not folder.strip()
        or folder.startswith(".")
        or any(c in folder for c in ("\\", "\0", os.sep))
        or (os.altsep is not None and os.altsep in folder)
    )
    p = store / folder
    if bad or Path(os.path.realpath(p.parent)) != Path(os.path.realpath(store)):
        raise EngineError(f"{name!r} is not a model name (see: workbench models list)")
    if must_exist and not (p.is_dir() or p.is_symlink()):
        raise EngineError(f"no model {name} in {store} (see: workbench models list)")
    return p


def remove(store: Path, name: str) -> Path:
    """Delete model ``name`` from the store: only a folder the store made (it holds MARKER).

    A symbolic link in the store is removed as a link; what it points to is left alone.
    """
    p = entry(store, name)
    if p.is_symlink():
        p.unlink()
        return p
    if not (p / MARKER).is_file():
        raise EngineError(f"{p} was not made by 'workbench models' (no {MARKER}); nothing removed")
    shutil.rmtree(p)
    return p

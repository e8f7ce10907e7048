"""Getting models into the local store: the one place that may use the network.

A downloaded checkpoint that ships only pickle weights (``pytorch_model.bin``, as OPUS-MT
and NLLB-200 do on their main branches) is loaded once with torch's weights-only loader,
which refuses to run code, and written as ``model.safetensors``; the pickle is deleted.
"""

from __future__ import annotations

import json
import os
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
    target = store / repo.replace("/", "--")
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
    (target / "workbench.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return target

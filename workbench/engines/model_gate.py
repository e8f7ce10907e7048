"""What a model folder must not make us do: run its own Python, or unpickle its weights.

transformers runs a folder's own code when a config names it (``auto_map`` in
``config.json`` or ``tokenizer_config.json``, or a ``custom_generate/`` folder) and the
caller trusts it; in a terminal it even asks "Do you wish to run the custom code? [y/N]".
The workbench never runs such code: every ``from_pretrained`` gets
``trust_remote_code=False``, and such a folder is refused, in one line, before anything is
loaded. Pickle weights (``*.bin``) can run code too, so they are loaded only when asked.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.engines.base import EngineError

#: The configuration files that may point transformers at a folder's own Python.
CONFIG_FILES = (
    "config.json",
    "tokenizer_config.json",
    "processor_config.json",
    "preprocessor_config.json",
    "generation_config.json",
)


def custom_code(folder: str | Path) -> str | None:
    """Where ``folder`` (or its ``tokenizer/``) asks to run its own code, or None."""
    root = Path(folder)
    for base in (root, root / "tokenizer"):
        for name in CONFIG_FILES:
            p = base / name
            try:
                data = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # missing, or broken: transformers reports that on loading
            if isinstance(data, dict) and data.get("auto_map"):
                return f"auto_map in {p.relative_to(root)}"
        if (base / "custom_generate").exists():
            return f"{(base / 'custom_generate').relative_to(root)}/"
    return None


def refuse_custom_code(folder: str | Path) -> None:
    """EngineError (one line) when the model folder ships code to run."""
    where = custom_code(folder)
    if where:
        raise EngineError(
            f"model {folder} ships its own Python code ({where}), which the workbench never "
            "runs; use a model that works with transformers' built-in classes"
        )


def refuse_pickle(folder: str | Path, allow_pickle: bool) -> bool:
    """EngineError unless the folder has safetensors weights or ``allow_pickle``.

    Returns whether safetensors weights are there.
    """
    has_safe = any(Path(folder).glob("*.safetensors"))
    if not has_safe and not allow_pickle:
        raise EngineError(
            f"model {folder} has only pickle weights (*.bin), which can run code when "
            "loaded; convert it with 'workbench models pull', or pass --allow-pickle"
        )
    return has_safe

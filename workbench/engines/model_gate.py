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
import re
from pathlib import Path
from typing import NoReturn

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


# --- damaged or refused files: one line naming the file and what to do ----------------

#: What to do about a model file that is damaged.
_AGAIN = "pull the model again (workbench models pull) or copy it again from where it came"


def read_json_object(path: Path) -> dict:
    """The JSON object in a model folder's ``path``; {} when the file is missing.

    EngineError (one line, naming the file) when it is there but not UTF-8, not JSON, or
    not a JSON object: a broken configuration is never taken for a missing one.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise EngineError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EngineError(
            f"{path} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            f"save it as UTF-8, or {_AGAIN}"
        ) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        where = getattr(exc, "lineno", None)
        at = f"line {where}, column {exc.colno}: {exc.msg}" if where else str(exc)
        raise EngineError(f"{path} is not valid JSON ({at}); fix it, or {_AGAIN}") from None
    if not isinstance(data, dict):
        raise EngineError(
            f"{path} holds a JSON {type(data).__name__}, not an object; fix it, or {_AGAIN}"
        )
    return data


#: safetensors refuses a header over 100 MB; so does this check.
_MAX_HEADER = 100_000_000


def check_safetensors(folder: str | Path) -> None:
    """EngineError (one line) when a ``*.safetensors`` file of ``folder`` is cut short.

    Reads only each file's header (8 bytes of length, then the JSON table of tensors) and
    compares the end of the last tensor with the file's size, before torch is imported.
    """
    for p in sorted(Path(folder).glob("*.safetensors")):
        size = p.stat().st_size
        with p.open("rb") as fh:
            head = fh.read(8)
            n = int.from_bytes(head, "little") if len(head) == 8 else -1
            if n < 0:
                _damaged(p, f"{size} bytes: not even a header's length")
            if n > min(size - 8, _MAX_HEADER):
                _damaged(p, f"its header says {n:,} bytes, the file has {size - 8:,} after it")
            header = fh.read(n)
        try:
            table = json.loads(header.decode("utf-8"))
        except ValueError:
            _damaged(p, "its header is not the JSON table of tensors")
        ends = [
            v["data_offsets"][1]
            for k, v in (table.items() if isinstance(table, dict) else ())
            if k != "__metadata__" and isinstance(v, dict) and len(v.get("data_offsets", ())) == 2
        ]
        need = 8 + n + max(ends, default=0)
        if need > size:
            _damaged(p, f"cut short: its tensors need {need:,} bytes, the file has {size:,}")


def _damaged(path: Path, why: str) -> NoReturn:
    raise EngineError(f"{path} is damaged ({why}); {_AGAIN}")


def load_failure(folder: str | Path, exc: BaseException) -> str:
    """The one line for a model that transformers or torch could not load.

    A pickle checkpoint the weights-only loader refused (it asks to call a function such
    as ``eval``: nothing of it ran) and a damaged safetensors file get their own words.
    """
    text = str(exc)
    if type(exc).__name__ == "UnpicklingError" or "Weights only load failed" in text:
        bins = sorted(p.name for p in Path(folder).glob("*.bin")) or ["its pickle weights"]
        asked = re.search(r"Unsupported global: GLOBAL ([\w.]+)", text)
        what = f"it asks to call {asked.group(1)}" if asked else "it is not plain tensors"
        return (
            f"model {folder}: {bins[0]} was refused by torch's weights-only loader ({what}); "
            "nothing in it ran. Use the model's safetensors weights ('workbench models pull' "
            "fetches them, and converts only a checkpoint of plain tensors)"
        )
    if type(exc).__name__ == "SafetensorError":
        names = sorted(p.name for p in Path(folder).glob("*.safetensors"))
        return f"model {folder}: {', '.join(names) or 'its weights'} cannot be read; {_AGAIN}"
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    reason = _ANSI.sub("", lines[0])[:160] if lines else type(exc).__name__
    return f"model {folder} cannot be loaded ({reason})"


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

"""The CTranslate2 backend: the same models converted for fast CPU inference (int8).

``convert`` turns a transformers model folder into a CTranslate2 folder holding
``model.bin``, the tokenizer (in ``tokenizer/``) and ``workbench.json`` (languages, the
source model's checksum). The engine reuses the transformers tokenizer, so both backends
split text the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbench.engines.base import DecodeOptions, EngineError, check_stop
from workbench.engines.families import Drive, detect
from workbench.engines.model_gate import refuse_custom_code, refuse_pickle
from workbench.engines.store import swap_folder


def convert(
    hf_dir: str | Path,
    out_dir: str | Path,
    quantization: str = "int8",
    *,
    force: bool = False,
    allow_pickle: bool = False,
) -> Path:
    """Convert a transformers seq2seq model folder to CTranslate2, atomically.

    The folder is gated as for translating (no code of its own; pickle weights only with
    ``allow_pickle``). The model is built in a temporary folder beside ``out_dir`` and
    renamed into place, so a failed conversion leaves nothing. An existing ``out_dir`` is
    replaced only with ``force``, and only when it is a converted model (``model.bin`` and
    ``workbench.json``): never any other folder.
    """
    src, out = Path(hf_dir), Path(out_dir)
    if not (src / "config.json").is_file():
        raise EngineError(f"{src}: not a model folder (no config.json)")
    refuse_custom_code(src)
    refuse_pickle(src, allow_pickle)
    _check_target(src, out, force)
    try:
        from ctranslate2.converters import TransformersConverter
        from transformers import AutoTokenizer
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineError(f"converting needs ctranslate2 and transformers ({exc})") from None
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    try:
        try:
            converter = TransformersConverter(str(src), trust_remote_code=False)
            converter.convert(str(work), quantization=quantization, force=True)
            AutoTokenizer.from_pretrained(
                src, local_files_only=True, trust_remote_code=False
            ).save_pretrained(work / "tokenizer")
        except (ValueError, OSError, RuntimeError, NotImplementedError) as exc:
            reason = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
            raise EngineError(f"{src}: cannot convert ({reason or type(exc).__name__})") from None
        meta = {
            "source_model": src.name,
            "quantization": quantization,
            "model_type": json.loads((src / "config.json").read_text())["model_type"],
        }
        if (src / "workbench.json").is_file():
            meta.update(json.loads((src / "workbench.json").read_text(encoding="utf-8")))
        (work / "workbench.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        swap_folder(work, out)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return out


def _is_converted(folder: Path) -> bool:
    """Whether ``folder`` is a converted model that convert made."""
    return (folder / "model.bin").is_file() and (folder / "workbench.json").is_file()


def _check_target(src: Path, out: Path, force: bool) -> None:
    """Refuse an output folder that exists (without ``force``) or is not ours to replace."""
    real_src, real_out = Path(os.path.realpath(src)), Path(os.path.realpath(out))
    if real_out == real_src or real_src.is_relative_to(real_out):
        raise EngineError(f"{out}: would replace the model being converted; choose another --out")
    if not (out.exists() or out.is_symlink()):
        return
    if not force:
        raise EngineError(f"{out} exists; pass --force to replace it")
    if out.is_symlink() or not out.is_dir() or not _is_converted(out):
        raise EngineError(
            f"{out} is not a converted model (no model.bin and workbench.json); "
            "refusing to replace it"
        )


def require_converted(folder: Path) -> None:
    """EngineError (one line, with the command that makes it) unless ``folder`` is converted."""
    if not (folder / "model.bin").is_file():
        raise EngineError(
            f"{folder} is not a CTranslate2 model; make one with: "
            f"workbench models convert {folder} --out {folder}-ct2"
        )


def model_checksum(folder: Path) -> str:
    """sha256 of a converted model's ``model.bin`` (first 16 hex digits)."""
    h = hashlib.sha256()
    with (folder / "model.bin").open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


class CT2Engine:
    """A CTranslate2 model kept loaded across calls."""

    name = "ct2"
    should_stop: Callable[[], bool] | None = None  # see engines.base.Engine

    def __init__(
        self,
        model_dir: str | Path,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        threads: int = 0,
    ) -> None:
        """Load a converted model folder; EngineError (one line) when impossible."""
        folder = Path(model_dir)
        self.model_id = folder.name
        require_converted(folder)
        from workbench.engines.hf import _quiet

        refuse_custom_code(folder)
        _quiet()
        try:
            import ctranslate2
            from transformers import AutoTokenizer
        except ImportError as exc:  # pragma: no cover
            raise EngineError(f"the ct2 engine needs ctranslate2 ({exc})") from None
        try:
            self.translator = ctranslate2.Translator(
                str(folder), device=device, compute_type=compute_type, intra_threads=threads
            )
            self.tokenizer = AutoTokenizer.from_pretrained(
                folder / "tokenizer", local_files_only=True, trust_remote_code=False
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise EngineError(
                f"{folder}: cannot be loaded ({str(exc).splitlines()[0][:160]})"
            ) from None
        meta_path = folder / "workbench.json"
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        self.revision = self.meta.get("revision", "local")
        self.info = detect(folder)
        self.family = self.info.family
        self.checksum = model_checksum(folder)

    def drive(self, src: str, tgt: str) -> Drive:
        """How this model is driven for ``src`` -> ``tgt`` (see engines.families)."""
        return self.info.drive(src, tgt)

    def translate(self, texts: list[str], src: str, tgt: str, options: DecodeOptions) -> list[str]:
        """Translate ``texts`` in batches of at most ``options.batch_tokens`` tokens.

        The family registry says what to add: a source prefix token (``>>ara<<``,
        ``<2ar>``), the tokenizer's ``src_lang`` and the forced first target token.
        """
        d = self.drive(src, tgt)
        vocab = self.tokenizer.get_vocab()
        for token in (d.source_prefix.strip(), d.src_lang, d.target_bos):
            if token and not _known(self.tokenizer, vocab, token, d.family):
                raise EngineError(f"model {self.model_id} has no token {token}")
        if d.src_lang:
            self.tokenizer.src_lang = d.tokenizer_src_lang
        prefix = [[d.target_bos]] * len(texts) if d.target_bos else None
        texts = [d.source_prefix + x for x in texts]
        tokens = [self.tokenizer.convert_ids_to_tokens(self.tokenizer.encode(x)) for x in texts]
        check_stop(self)
        stop = self.should_stop
        results = self.translator.translate_batch(
            tokens,
            target_prefix=prefix,
            beam_size=options.beams,
            max_decoding_length=options.max_length,
            min_decoding_length=options.min_length,
            max_batch_size=options.batch_tokens,
            batch_type="tokens",
            # greedy decoding polls the stop at every step (CTranslate2 allows no more)
            callback=(lambda step: stop()) if stop is not None and options.beams == 1 else None,
        )
        check_stop(self)  # stopped inside: the outputs are cut short
        out = []
        for r in results:
            hyp = r.hypotheses[0]
            if prefix and hyp and hyp[0] == d.target_bos:
                hyp = hyp[1:]
            ids = self.tokenizer.convert_tokens_to_ids(hyp)
            out.append(self.tokenizer.decode(ids, skip_special_tokens=True).strip())
        return out


def _known(tokenizer, vocab: dict, token: str, family: str) -> bool:
    """Whether the tokenizer has ``token`` (M2M-100 keeps its language codes outside vocab)."""
    if token in vocab:
        return True
    return family == "m2m100" and tokenizer.convert_tokens_to_ids(token) != tokenizer.unk_token_id

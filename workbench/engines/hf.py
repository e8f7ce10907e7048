"""The transformers backend: Marian / OPUS-MT and NLLB-200 / M2M-100 seq2seq models.

Everything runs offline: a model is a local folder, and every ``from_pretrained`` gets
``local_files_only=True`` (the process environment is left as it is: no HF_HUB_OFFLINE set
for the whole process, so ``workbench models pull`` beside it still works). Weights
are loaded from safetensors only unless ``allow_pickle``; every ``from_pretrained`` gets
``trust_remote_code=False`` and a folder that ships its own code is refused (model_gate).
torch and transformers are imported when an engine is created, not before.

Segments are sorted by length and cut into batches under a token budget, so padding stays
small; the results come back in the input order.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable
from pathlib import Path

from workbench.engines.base import DecodeOptions, EngineError, check_stop
from workbench.engines.families import Drive, detect
from workbench.engines.model_gate import (
    check_safetensors,
    load_failure,
    refuse_custom_code,
    refuse_pickle,
)


def _quiet() -> None:
    """No library progress bars or chatter over ours (os.environ is not touched)."""
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover
        pass


def file_checksum(folder: Path) -> str:
    """sha256 of the weight files (first 16 hex digits): identifies the exact model."""
    h = hashlib.sha256()
    for f in sorted(folder.glob("*.safetensors")) or sorted(folder.glob("*.bin")):
        with f.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def require_model(folder: Path) -> None:
    """EngineError (one line, with the command that gets it) unless ``folder`` is a model."""
    if not (folder / "config.json").is_file():
        raise EngineError(
            f"model {folder} not found (no config.json); get it with: "
            f"workbench models pull {folder.name}"
        )


class HFEngine:
    """A loaded transformers seq2seq model, kept in memory across calls."""

    name = "hf"
    should_stop: Callable[[], bool] | None = None  # see engines.base.Engine

    def __init__(
        self,
        model_dir: str | Path,
        *,
        allow_pickle: bool = False,
        device: str | None = None,
        threads: int | None = None,
    ) -> None:
        """Load the model in ``model_dir``; EngineError (one line) when that is impossible."""
        folder = Path(model_dir)
        self.model_id = folder.name
        require_model(folder)
        refuse_custom_code(folder)
        has_safe = refuse_pickle(folder, allow_pickle)
        if has_safe:
            check_safetensors(folder)  # a file cut short: one line, before torch
        self.info = detect(folder)  # the model family: how to drive each pair (no torch)
        _quiet()
        try:
            import torch
            from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EngineError(f"the hf engine needs torch and transformers ({exc})") from None
        if threads:
            torch.set_num_threads(threads)
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        # torch warns on stderr about a pickle's protocol before refusing it: one line only
        warnings.filterwarnings("ignore", message="Detected pickle protocol", category=UserWarning)
        try:
            config = AutoConfig.from_pretrained(
                folder, local_files_only=True, trust_remote_code=False
            )
            self.tokenizer = AutoTokenizer.from_pretrained(
                folder, local_files_only=True, trust_remote_code=False
            )
            self.model = (
                AutoModelForSeq2SeqLM.from_pretrained(  # its generation config likewise
                    folder,
                    config=config,
                    local_files_only=True,
                    use_safetensors=has_safe,
                    trust_remote_code=False,
                )
                .to(self.device)
                .eval()
            )
        except Exception as exc:
            raise EngineError(load_failure(folder, exc)) from None
        self._torch = torch
        self.kind = self.model.config.model_type  # marian | m2m_100 | ...
        self.checksum = file_checksum(folder)
        self.family = self.info.family
        self.pair = self.info.pair
        self.revision = self.info.meta.get("revision", "local")  # the Hub commit pulled
        self.prefix = ""

    def drive(self, src: str, tgt: str) -> Drive:
        """How this model is driven for ``src`` -> ``tgt`` (see engines.families)."""
        return self.info.drive(src, tgt)

    def _prepare(self, src: str, tgt: str) -> dict:
        """Language settings for generate(); EngineError for a pair the model cannot do.

        The family registry says what to add: a source prefix (Marian multi-target
        ``>>ara<<``, MADLAD ``<2ar>``, kept in ``self.prefix``), the tokenizer's
        ``src_lang`` and a forced first target token (NLLB-200, M2M-100). Every token is
        checked against the loaded tokenizer's vocabulary too.
        """
        d = self.drive(src, tgt)
        vocab = self.tokenizer.get_vocab()
        for token in (d.source_prefix.strip(), d.src_lang, d.target_bos):
            if token and not _known(self.tokenizer, vocab, token, d.family):
                what = "language code" if token in (d.src_lang, d.target_bos) else "target token"
                raise EngineError(f"model {self.model_id} has no {what} {token}")
        self.prefix = d.source_prefix
        if d.src_lang:
            self.tokenizer.src_lang = d.tokenizer_src_lang
        if d.target_bos:
            return {"forced_bos_token_id": self.tokenizer.convert_tokens_to_ids(d.target_bos)}
        return {}

    def translate(self, texts: list[str], src: str, tgt: str, options: DecodeOptions) -> list[str]:
        """Translate ``texts`` (batched by a token budget, longest first); input order out."""
        extra = self._prepare(src, tgt)
        texts = [self.prefix + x for x in texts]
        lengths = [len(self.tokenizer(t, add_special_tokens=True)["input_ids"]) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        batches: list[list[int]] = []
        for i in order:  # a batch holds at most batch_tokens, counted on its longest segment
            if batches and (len(batches[-1]) + 1) * lengths[batches[-1][0]] <= options.batch_tokens:
                batches[-1].append(i)
            else:
                batches.append([i])
        out: list[str] = [""] * len(texts)
        for batch in batches:
            check_stop(self)
            done = self._generate([texts[k] for k in batch], options, extra)
            check_stop(self)  # a stop inside generate() left these outputs cut short
            for k, text in zip(batch, done, strict=True):
                out[k] = text
        return out

    def _generate(self, texts: list[str], options: DecodeOptions, extra: dict) -> list[str]:
        # inputs are cut only at what the model can take, not at the output's length
        limit = min(int(self.tokenizer.model_max_length or 512), 1024)
        enc = self.tokenizer(
            texts, return_tensors="pt", padding=True, truncation=True, max_length=limit
        ).to(self.device)
        if self.should_stop is not None:  # polled at every decoding step
            from transformers import StoppingCriteria, StoppingCriteriaList

            stop = self.should_stop

            class _Stop(StoppingCriteria):
                def __call__(self, input_ids, scores, **kwargs) -> bool:
                    return stop()

            extra = {**extra, "stopping_criteria": StoppingCriteriaList([_Stop()])}
        with self._torch.inference_mode():
            gen = self.model.generate(
                **enc,
                num_beams=options.beams,
                do_sample=False,
                max_new_tokens=options.max_length,
                min_new_tokens=options.min_length,
                **extra,
            )
        return [t.strip() for t in self.tokenizer.batch_decode(gen, skip_special_tokens=True)]


def _known(tokenizer, vocab: dict, token: str, family: str) -> bool:
    """Whether the tokenizer has ``token`` (M2M-100 keeps its language codes outside vocab)."""
    if token in vocab:
        return True
    return family == "m2m100" and tokenizer.convert_tokens_to_ids(token) != tokenizer.unk_token_id

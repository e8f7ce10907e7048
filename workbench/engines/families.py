"""The model family registry: how each kind of translation model is driven.

A model folder is recognised from its files alone (``config.json``, the tokenizer files,
``workbench.json``), without torch, so the MT cache key and ``workbench models info`` cost
no model load. Each family says what one language pair needs:

- **Marian, single pair** (most OPUS-MT models): nothing to add; the pair must match.
- **Marian, multi-target** (Tatoeba models such as ``opus-mt-en-ar``, whose vocabulary
  holds ``>>ara<<``, ``>>arz<<``, ``>>apc<<`` …): the target's token starts the source.
  A target with no token in the vocabulary is refused.
- **NLLB-200**: the tokenizer's ``src_lang`` (``eng_Latn``) and the target code forced as
  the first output token (``arb_Arab``, ``ckb_Arab``, ``kmr_Latn``).
- **M2M-100**: the same with its codes (``__en__``, ``__ar__``); it has no Sorani.
- **MADLAD-400** (T5): a ``<2xx>`` token before the source (``<2ar>``, ``<2ckb>``, ``<2ku>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.languages import get_language
from workbench.engines.base import EngineError

#: The Tatoeba (ISO 639-3) target tokens tried for each language, in order.
MARIAN_TARGETS: dict[str, tuple[str, ...]] = {
    "ar": ("ara", "arb"),
    "ckb": ("ckb",),
    "kmr": ("kmr",),
    "en": ("eng",),
}

#: M2M-100's language codes.
M2M_CODES = {"en": "__en__", "ar": "__ar__", "ckb": "__ckb__", "kmr": "__ku__"}

#: The languages of M2M-100's tokenizer when its files name no codes ("language_codes":
#: "m2m100"): fairseq's list. There is no Kurdish in it.
M2M100_LANGUAGES = (
    "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl "
    "gu ha he hi hr ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml "
    "mn mr ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl "
    "tn tr uk ur uz vi wo xh yi yo zh zu"
).split()

#: MADLAD-400's target tokens (Kurmanji is its "ku").
MADLAD_CODES = {"kmr": "ku"}

_TARGET_TOKEN = re.compile(r">>[A-Za-z_]{2,12}<<")
_M2M_CODE = re.compile(r"__[a-z]{2,3}__")


@dataclass(frozen=True)
class Drive:
    """How to drive one model for one language pair."""

    family: str
    source_prefix: str = ""  # text put before every source segment ('>>ara<< ', '<2ar> ')
    src_lang: str | None = None  # the tokenizer's source language code (NLLB, M2M-100)
    target_bos: str | None = None  # the token forced first in the output (NLLB, M2M-100)

    @property
    def tokenizer_src_lang(self) -> str | None:
        """What the tokenizer's ``src_lang`` is set to (M2M-100 takes 'en' for ``__en__``)."""
        if self.src_lang and self.family == "m2m100":
            return self.src_lang.strip("_")
        return self.src_lang

    def key(self) -> str:
        """A stable text form, part of the MT cache key (a change of driving is a new key)."""
        return (
            f"family={self.family};prefix={self.source_prefix.strip()};"
            f"src_lang={self.src_lang or ''};bos={self.target_bos or ''}"
        )

    def describe(self) -> str:
        """One human line: what is added for this pair."""
        parts = []
        if self.source_prefix:
            parts.append(f"source prefix {self.source_prefix.strip()}")
        if self.src_lang:
            parts.append(f"src_lang {self.src_lang}")
        if self.target_bos:
            parts.append(f"forced BOS {self.target_bos}")
        return ", ".join(parts) or "nothing added (single-pair model)"


@dataclass
class ModelInfo:
    """What a model folder is, read from its files."""

    folder: Path
    backend: str  # 'hf' (transformers folder) or 'ct2' (converted)
    model_type: str  # marian | m2m_100 | t5 | ...
    family: str  # marian | marian-multi | nllb | m2m100 | madlad
    pair: tuple[str, str] | None = None  # the declared pair of a single-pair Marian model
    source_lang: str | None = None  # the declared source of a multi-target Marian model
    target_tokens: list[str] = field(default_factory=list)  # >>xxx<< of a multi-target model
    tokens: frozenset[str] = frozenset()  # special / language tokens known from files
    meta: dict = field(default_factory=dict)  # workbench.json

    def drive(self, src: str, tgt: str) -> Drive:
        """How to translate ``src`` -> ``tgt``; EngineError (one line) if this model cannot."""
        s, t = get_language(src), get_language(tgt)
        name = self.folder.name
        if self.family == "marian":
            if self.pair and (_tag(self.pair[0]), _tag(self.pair[1])) != (s.tag, t.tag):
                raise EngineError(
                    f"model {name} translates {self.pair[0]}-{self.pair[1]}, not {s.tag}-{t.tag}"
                )
            return Drive("marian")
        if self.family == "marian-multi":
            if self.source_lang and _tag(self.source_lang) != s.tag:
                raise EngineError(
                    f"model {name} translates from {self.source_lang}, not from {s.tag}"
                )
            for code in MARIAN_TARGETS.get(t.tag, (t.tag,)):
                token = f">>{code}<<"
                if token in self.target_tokens:
                    return Drive("marian-multi", source_prefix=token + " ")
            known = " ".join(self.target_tokens[:8]) + (" …" if len(self.target_tokens) > 8 else "")
            raise EngineError(
                f"model {name} has no target token for {t.tag} "
                f"(tried {', '.join('>>' + c + '<<' for c in MARIAN_TARGETS.get(t.tag, (t.tag,)))};"
                f" it has {known or 'none'})"
            )
        if self.family in ("nllb", "m2m100"):
            codes = (s.nllb, t.nllb) if self.family == "nllb" else _m2m(s.tag, t.tag)
            lacking = [c for c in codes if self.tokens and c not in self.tokens]
            if lacking:
                raise EngineError(
                    f"model {name} has no language code {lacking[0]} ({s.tag}-{t.tag})"
                )
            return Drive(self.family, src_lang=codes[0], target_bos=codes[1])
        if self.family == "madlad":
            tag = f"<2{MADLAD_CODES.get(t.tag, t.tag)}>"
            if self.tokens and tag not in self.tokens:
                raise EngineError(f"model {name} has no target token {tag}")
            return Drive("madlad", source_prefix=tag + " ")
        raise EngineError(f"model {name}: unknown model family {self.family}")


FAMILY_NAMES = {
    "marian": "Marian (OPUS-MT), single language pair",
    "marian-multi": "Marian (OPUS-MT Tatoeba), multi-target: a >>xxx<< token starts the source",
    "nllb": "NLLB-200: src_lang and a forced first target token",
    "m2m100": "M2M-100: src_lang and a forced first target token",
    "madlad": "MADLAD-400 (T5): a <2xx> token starts the source",
}


def _tag(code: str) -> str:
    """A BCP-47 tag for an OPUS / ISO 639-3 code where the registry knows it."""
    try:
        return get_language(code).tag
    except Exception:
        return code


def _m2m(src: str, tgt: str) -> tuple[str, str]:
    """M2M-100's codes for a pair."""
    return M2M_CODES.get(src, f"__{src}__"), M2M_CODES.get(tgt, f"__{tgt}__")


def _json(path: Path) -> dict:
    """A JSON object from ``path``, or {} when it is missing; one error line when broken."""
    from workbench.engines.model_gate import read_json_object

    return read_json_object(path)


def _special_tokens(tok_dir: Path) -> set[str]:
    """Language and special tokens named in a tokenizer's JSON files (no tokenizer load)."""
    out: set[str] = set()
    cfg = _json(tok_dir / "tokenizer_config.json")
    for key in ("additional_special_tokens", "extra_special_tokens"):
        for t in cfg.get(key) or []:
            out.add(t if isinstance(t, str) else t.get("content", ""))
    for t in (cfg.get("added_tokens_decoder") or {}).values():
        out.add(t.get("content", "") if isinstance(t, dict) else str(t))
    for t in _json(tok_dir / "special_tokens_map.json").get("additional_special_tokens") or []:
        out.add(t if isinstance(t, str) else t.get("content", ""))
    tj = tok_dir / "tokenizer.json"
    if tj.is_file():
        data = _json(tj)
        for t in data.get("added_tokens") or []:
            out.add(t.get("content", ""))
        vocab = (data.get("model") or {}).get("vocab")
        if isinstance(vocab, dict):
            out.update(k for k in vocab if k.startswith("<2") or _M2M_CODE.fullmatch(k))
        elif isinstance(vocab, list):
            out.update(
                v[0] for v in vocab if isinstance(v, list) and v and str(v[0]).startswith("<2")
            )
    out.discard("")
    return out


def detect(folder: str | Path) -> ModelInfo:
    """The family of the model in ``folder`` (transformers or converted); EngineError if none."""
    root = Path(folder)
    meta = _json(root / "workbench.json")
    ct2 = (root / "model.bin").is_file()
    tok_dir = root / "tokenizer" if ct2 else root
    model_type = meta.get("model_type") if ct2 else None
    model_type = model_type or _json(root / "config.json").get("model_type")
    if not model_type:
        raise EngineError(f"{root}: not a model folder (no config.json with a model_type)")
    tok_cfg = _json(tok_dir / "tokenizer_config.json")
    tokens = _special_tokens(tok_dir)
    info = ModelInfo(root, "ct2" if ct2 else "hf", model_type, "", tokens=frozenset(), meta=meta)
    if model_type == "marian":
        vocab = _json(tok_dir / "vocab.json")
        targets = sorted(k for k in vocab if _TARGET_TOKEN.fullmatch(k))
        if targets:
            info.family = "marian-multi"
            info.target_tokens = targets
            info.source_lang = meta.get("src") or tok_cfg.get("source_lang")
            if info.source_lang and "+" in info.source_lang:
                info.source_lang = None  # several sources declared: any of them
        else:
            info.family = "marian"
            info.pair = _declared_pair(root, meta, tok_cfg)
        info.tokens = frozenset(targets)
        return info
    if model_type == "m2m_100":
        cls = str(tok_cfg.get("tokenizer_class", ""))
        nllb = cls.startswith("Nllb") or any(t.endswith("_Latn") for t in tokens)
        info.family = "nllb" if nllb else "m2m100"
        if not nllb and not any(_M2M_CODE.fullmatch(t) for t in tokens):
            if tok_cfg.get("language_codes", "m2m100") == "m2m100":
                tokens |= {f"__{c}__" for c in M2M100_LANGUAGES}
        info.tokens = frozenset(tokens)
        return info
    if model_type in ("t5", "mt5"):
        info.family = "madlad"
        info.tokens = frozenset(t for t in tokens if t.startswith("<2"))
        if not info.tokens:
            info.tokens = frozenset(_spm_tags(tok_dir))
        return info
    raise EngineError(
        f"{root}: model type {model_type!r} is not one the workbench drives "
        "(Marian/OPUS-MT, NLLB-200, M2M-100, MADLAD-400)"
    )


_OPUS_PAIR = re.compile(r"opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3})-([a-z]{2,3})(?:$|[-_.])")


def _declared_pair(root: Path, meta: dict, tok_cfg: dict) -> tuple[str, str] | None:
    """The one pair of a Marian model: workbench.json, the tokenizer config, or its name."""
    if meta.get("src") and meta.get("tgt"):
        return meta["src"], meta["tgt"]
    if tok_cfg.get("source_lang") and tok_cfg.get("target_lang"):
        return tok_cfg["source_lang"], tok_cfg["target_lang"]
    name = str(meta.get("source_model") or meta.get("repo") or root.name).split("/")[-1]
    m = _OPUS_PAIR.search(name.replace("--", "/").split("/")[-1])
    return (m.group(1), m.group(2)) if m else None


def _spm_tags(tok_dir: Path) -> set[str]:
    """The <2xx> pieces of a sentencepiece model (MADLAD keeps them there), if readable."""
    models = sorted(tok_dir.glob("*.model"))
    if not models:
        return set()
    try:
        import sentencepiece as spm

        sp = spm.SentencePieceProcessor(model_file=str(models[0]))
    except Exception:
        return set()
    return {p for p in (sp.id_to_piece(i) for i in range(sp.get_piece_size())) if p[:2] == "<2"}

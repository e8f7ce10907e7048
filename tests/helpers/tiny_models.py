"""Tiny real translation models for tests, trained on the texts/ articles."""

from __future__ import annotations

from pathlib import Path

from workbench.testing import random_models

ROOT = Path(__file__).resolve().parent.parent.parent


def _body(lang: str) -> str:
    text = (ROOT / "texts" / f"al-qaem.{lang}.md").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def build_marian(folder: Path, *, safetensors: bool = True, seed: int = 0) -> Path:
    """A Marian en->ar model: d_model 32, 1+1 layers, 300 pieces per side."""
    return random_models.build_marian(
        folder, _body("en"), _body("ar"), safetensors=safetensors, seed=seed
    )


def build_nllb(folder: Path, seed: int = 0) -> Path:
    """An NLLB-style model over English, Arabic and Sorani text (500 BPE pieces)."""
    text = "\n".join(_body(lang) for lang in ("en", "ar", "ckb"))
    return random_models.build_nllb(folder, text, random_models.Size(spm_vocab=500), seed=seed)


def build_madlad(folder: Path, seed: int = 0) -> Path:
    """A MADLAD-style T5 over English, Arabic and Sorani text with the <2xx> tags."""
    text = "\n".join(_body(lang) for lang in ("en", "ar", "ckb"))
    return random_models.build_madlad(folder, text, random_models.Size(spm_vocab=500), seed=seed)

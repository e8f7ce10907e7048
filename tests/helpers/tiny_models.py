"""Build tiny real translation models for tests: random weights, sentencepiece trained on texts/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def build_marian(folder: Path, *, safetensors: bool = True, seed: int = 0) -> Path:
    """A Marian en->ar model with a 300-piece vocabulary per side, d_model 32, 1+1 layers."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = folder.parent / (folder.name + "-spm")
    work.mkdir(parents=True, exist_ok=True)
    (work / "en.txt").write_text(_body(ROOT / "texts" / "al-qaem.en.md"), encoding="utf-8")
    (work / "ar.txt").write_text(_body(ROOT / "texts" / "al-qaem.ar.md"), encoding="utf-8")
    # laid out as OPUS-MT does: </s> first, <pad> last (the decoder starts from <pad>)
    vocab = {"</s>": 0, "<unk>": 1}
    for lang in ("en", "ar"):
        spm.SentencePieceTrainer.train(
            input=str(work / f"{lang}.txt"),
            model_prefix=str(work / lang),
            vocab_size=300,
            model_type="unigram",
            character_coverage=1.0,
            bos_id=-1,
            eos_id=1,
            unk_id=2,
            pad_id=0,
            minloglevel=2,
        )
        sp = spm.SentencePieceProcessor(model_file=str(work / f"{lang}.model"))
        for i in range(sp.get_piece_size()):
            vocab.setdefault(sp.id_to_piece(i), len(vocab))
    vocab.pop("<pad>", None)
    vocab["<pad>"] = len(vocab)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / "en.model", folder / "source.spm")
    shutil.copy(work / "ar.model", folder / "target.spm")
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        str(folder / "source.spm"),
        str(folder / "target.spm"),
        str(folder / "vocab.json"),
        source_lang="en",
        target_lang="ar",
    )
    cfg = MarianConfig(
        vocab_size=len(tok),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=vocab["<pad>"],
        eos_token_id=0,
        decoder_start_token_id=vocab["<pad>"],
        forced_eos_token_id=0,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(cfg)
    model.save_pretrained(folder)
    if not safetensors:  # as the OPUS-MT and NLLB checkpoints ship: a pickle .bin only
        torch.save(model.state_dict(), folder / "pytorch_model.bin")
        (folder / "model.safetensors").unlink()
    tok.save_pretrained(folder)
    (folder / "workbench.json").write_text('{"src": "en", "tgt": "ar"}', encoding="utf-8")
    return folder


def build_nllb(folder: Path, seed: int = 0) -> Path:
    """An NLLB-200-style model (M2M-100 architecture, NllbTokenizer with its language codes)."""
    import sentencepiece as spm
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer

    work = folder.parent / (folder.name + "-spm")
    work.mkdir(parents=True, exist_ok=True)
    text = "\n".join(_body(ROOT / "texts" / f"al-qaem.{lang}.md") for lang in ("en", "ar", "ckb"))
    (work / "all.txt").write_text(text, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(work / "all.txt"),
        model_prefix=str(work / "spm"),
        vocab_size=500,
        model_type="bpe",
        character_coverage=1.0,
        minloglevel=2,
    )
    tok = NllbTokenizer(vocab_file=str(work / "spm.model"))
    cfg = M2M100Config(
        vocab_size=len(tok),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=tok.pad_token_id,
        eos_token_id=tok.eos_token_id,
        bos_token_id=tok.bos_token_id,
        decoder_start_token_id=tok.eos_token_id,
    )
    torch.manual_seed(seed)
    M2M100ForConditionalGeneration(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder

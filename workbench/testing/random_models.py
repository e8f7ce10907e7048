"""Random-weight translation models built locally, for tests and benchmarks.

Real architectures (Marian as OPUS-MT, M2M-100 as NLLB-200, T5 as MADLAD-400) with real
sentencepiece vocabularies trained on the texts given, so that the real loading,
tokenising, batching, conversion and decoding code runs without downloading anything.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Size:
    """Architecture sizes (the defaults are tiny; OPUS_MT is the real en-ar shape)."""

    d_model: int = 32
    layers: int = 1
    heads: int = 2
    ffn: int = 64
    spm_vocab: int = 300  # pieces learned per language
    vocab: int = 0  # pad the vocabulary to this size with filler tokens (0: no padding)


OPUS_MT = Size(d_model=512, layers=6, heads=8, ffn=2048, spm_vocab=4000, vocab=62_000)


def _dims(size: Size, vocab_size: int) -> dict[str, int]:
    """The encoder-decoder sizes shared by the Marian and M2M100 configs."""
    return {
        "vocab_size": vocab_size,
        "d_model": size.d_model,
        "encoder_layers": size.layers,
        "decoder_layers": size.layers,
        "encoder_attention_heads": size.heads,
        "decoder_attention_heads": size.heads,
        "encoder_ffn_dim": size.ffn,
        "decoder_ffn_dim": size.ffn,
    }


def build_marian(
    folder: Path,
    src_text: str,
    tgt_text: str,
    size: Size = Size(),
    *,
    safetensors: bool = True,
    seed: int = 0,
    target_tokens: tuple[str, ...] = (),
) -> Path:
    """A Marian en->ar model laid out as OPUS-MT: </s> first, <pad> last.

    ``target_tokens`` (``>>ara<<``, ``>>arz<<`` …) make it multi-target as the Tatoeba
    models are: the tokens join the vocabulary, and the tokenizer declares eng -> ara.
    """
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = folder.parent / (folder.name + "-spm")
    work.mkdir(parents=True, exist_ok=True)
    vocab = {"</s>": 0, "<unk>": 1}
    for lang, text in (("src", src_text), ("tgt", tgt_text)):
        (work / f"{lang}.txt").write_text(text, encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(work / f"{lang}.txt"),
            model_prefix=str(work / lang),
            vocab_size=size.spm_vocab,
            model_type="unigram",
            character_coverage=1.0,
            bos_id=-1,
            eos_id=0,
            unk_id=1,
            pad_id=-1,
            minloglevel=2,
        )
        sp = spm.SentencePieceProcessor(model_file=str(work / f"{lang}.model"))
        for i in range(sp.get_piece_size()):
            vocab.setdefault(sp.id_to_piece(i), len(vocab))
    for t in target_tokens:
        vocab.setdefault(t, len(vocab))
    while len(vocab) < size.vocab - 1:
        vocab[f"<filler_{len(vocab)}>"] = len(vocab)
    vocab.pop("<pad>", None)
    vocab["<pad>"] = len(vocab)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / "src.model", folder / "source.spm")
    shutil.copy(work / "tgt.model", folder / "target.spm")
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(
        str(folder / "source.spm"),
        str(folder / "target.spm"),
        str(folder / "vocab.json"),
        source_lang="en",
        target_lang="ar",
    )
    cfg = MarianConfig(
        **_dims(size, len(tok)),
        max_position_embeddings=512,
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
    if target_tokens:  # as the Tatoeba models declare themselves
        cfg_path = folder / "tokenizer_config.json"
        data = json.loads(cfg_path.read_text(encoding="utf-8"))
        data.update(source_lang="eng", target_lang="ara")
        cfg_path.write_text(json.dumps(data), encoding="utf-8")
    else:
        (folder / "workbench.json").write_text('{"src": "en", "tgt": "ar"}', encoding="utf-8")
    return folder


def _train_spm(folder: Path, text: str, size: Size, **options: object) -> Path:
    """Train one sentencepiece model on ``text`` beside ``folder``; return its work folder."""
    import sentencepiece as spm

    work = folder.parent / (folder.name + "-spm")
    work.mkdir(parents=True, exist_ok=True)
    (work / "all.txt").write_text(text, encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(work / "all.txt"),
        model_prefix=str(work / "spm"),
        vocab_size=size.spm_vocab,
        character_coverage=1.0,
        minloglevel=2,
        **options,
    )
    return work


def build_nllb(folder: Path, text: str, size: Size = Size(), seed: int = 0) -> Path:
    """An NLLB-200-style model: M2M-100 architecture, NllbTokenizer with its language codes."""
    from transformers import NllbTokenizer

    work = _train_spm(folder, text, size, model_type="bpe")
    tok = NllbTokenizer(vocab_file=str(work / "spm.model"))
    return _save_m2m100(folder, tok, len(tok), size, seed)


def _save_m2m100(  # type: ignore[no-untyped-def]
    folder: Path, tok, vocab_size: int, size: Size, seed: int
) -> Path:
    """Save a random M2M-100 network of ``vocab_size`` ids beside its tokenizer ``tok``."""
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    cfg = M2M100Config(
        **_dims(size, vocab_size),
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


def build_m2m100(folder: Path, text: str, size: Size = Size(), seed: int = 0) -> Path:
    """An M2M-100 model: M2M100Tokenizer with its ``__xx__`` language codes."""
    import sentencepiece as spm
    from transformers import M2M100Tokenizer

    work = _train_spm(folder, text, size, model_type="bpe", pad_id=1, unk_id=3, bos_id=0, eos_id=2)
    sp = spm.SentencePieceProcessor(model_file=str(work / "spm.model"))
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for i in range(sp.get_piece_size()):
        vocab.setdefault(sp.id_to_piece(i), len(vocab))
    folder.mkdir(parents=True, exist_ok=True)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = M2M100Tokenizer(str(work / "vocab.json"), str(work / "spm.model"), src_lang="en")
    # the language codes (and 8 made-up words) come after the vocabulary
    n_ids = max([len(tok), *tok.lang_token_to_id.values()]) + 1 + 8
    return _save_m2m100(folder, tok, n_ids, size, seed)


#: MADLAD-400's target-language tokens for the workbench's languages.
MADLAD_TAGS = ("<2en>", "<2ar>", "<2ckb>", "<2ku>")


def build_madlad(folder: Path, text: str, size: Size = Size(), seed: int = 0) -> Path:
    """A MADLAD-400-style model: T5, one vocabulary holding the <2xx> target tokens.

    Pad 0, eos 1, unk 2, as T5 lays them out.
    """
    import sentencepiece as spm
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    work = _train_spm(
        folder,
        text,
        size,
        model_type="unigram",
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        user_defined_symbols=list(MADLAD_TAGS),
    )
    sp = spm.SentencePieceProcessor(model_file=str(work / "spm.model"))
    pieces = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tok = T5Tokenizer(vocab=pieces, extra_ids=0, additional_special_tokens=list(MADLAD_TAGS))
    cfg = T5Config(
        vocab_size=len(tok),
        d_model=size.d_model,
        d_kv=size.d_model // size.heads,
        d_ff=size.ffn,
        num_layers=size.layers,
        num_decoder_layers=size.layers,
        num_heads=size.heads,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    torch.manual_seed(seed)
    T5ForConditionalGeneration(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder

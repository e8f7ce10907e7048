"""MT speed: a random-weight model with OPUS-MT en-ar's architecture, four ways.

The model is built locally (MarianConfig: d_model 512, 6+6 layers, 8 heads, FFN 2048,
a vocabulary of about 62k: sentencepiece pieces learned on ntrex128 plus filler tokens)
and translates 500 English ntrex128 sentences with greedy decoding, the output length
pinned (min = max = --length tokens) so every variant produces the same number of tokens:

  (a) one sentence at a time through a plain transformers generate loop;
  (b) our hf engine (sorted by length, batched by a token budget);
  (c) our ct2 engine, int8;
  (d) raw ctranslate2 translate_batch, int8, on the same tokens.

Each variant runs in its own process, so peak RSS (ru_maxrss) is its own.

    python bench/mt_speed.py [--sentences 500] [--length 32] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared")) / "data"


def sentences(n: int) -> list[str]:
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        return [r["eng"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)][:n]


def build(work: Path) -> tuple[Path, Path]:
    """The OPUS-MT-sized random model (transformers) and its int8 CTranslate2 conversion."""
    from workbench.engines.ct2 import convert
    from workbench.testing.random_models import OPUS_MT, build_marian

    hf = work / "opus-mt-en-ar-random"
    if (hf / "model.safetensors").is_file() and (work / "ct2" / "model.bin").is_file():
        return hf, work / "ct2"
    with (DATA / "ntrex128" / "ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    build_marian(hf, "\n".join(r["eng"] for r in rows), "\n".join(r["arb"] for r in rows), OPUS_MT)
    convert(hf, work / "ct2", "int8")
    return hf, work / "ct2"


def variant(name: str, hf: Path, ct2: Path, texts: list[str], length: int) -> dict:
    """Run one variant; tokens/s counts the pinned output tokens."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    from workbench.engines.base import DecodeOptions

    opts = DecodeOptions(max_length=length, min_length=length, batch_tokens=2048)
    if name == "a":
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(hf, local_files_only=True)
        model = AutoModelForSeq2SeqLM.from_pretrained(hf, local_files_only=True).eval()
        t = time.perf_counter()
        with torch.inference_mode():
            for s in texts:
                model.generate(
                    **tok([s], return_tensors="pt"),
                    num_beams=1,
                    do_sample=False,
                    max_new_tokens=length,
                    min_new_tokens=length,
                )
        dt = time.perf_counter() - t
    elif name == "b":
        from workbench.engines.hf import HFEngine

        eng = HFEngine(hf)
        t = time.perf_counter()
        eng.translate(texts, "en", "ar", opts)
        dt = time.perf_counter() - t
    elif name == "c":
        from workbench.engines.ct2 import CT2Engine

        eng = CT2Engine(ct2)
        t = time.perf_counter()
        eng.translate(texts, "en", "ar", opts)
        dt = time.perf_counter() - t
    else:
        import ctranslate2
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(ct2 / "tokenizer", local_files_only=True)
        tr = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8")
        tokens = [tok.convert_ids_to_tokens(tok.encode(s)) for s in texts]
        t = time.perf_counter()
        tr.translate_batch(
            tokens,
            beam_size=1,
            max_decoding_length=length,
            min_decoding_length=length,
            max_batch_size=2048,
            batch_type="tokens",
        )
        dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "variant": name,
        "seconds": round(dt, 1),
        "tokens_per_s": round(len(texts) * length / dt),
        "peak_mb": round(rss),
    }


LABELS = {
    "a": "(a) transformers, one sentence at a time",
    "b": "(b) workbench hf engine",
    "c": "(c) workbench ct2 engine, int8",
    "d": "(d) raw ctranslate2 translate_batch, int8",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=500)
    ap.add_argument("--length", type=int, default=32)
    ap.add_argument("--workdir", help="keep the built models here (default: a temporary folder)")
    ap.add_argument("--variants", default="a,b,c,d")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp())
    work.mkdir(parents=True, exist_ok=True)
    texts = sentences(args.sentences)
    if args.one:
        print(
            json.dumps(
                variant(args.one, work / "opus-mt-en-ar-random", work / "ct2", texts, args.length)
            )
        )
        return
    build(work)
    print(
        f"| variant | seconds | target tokens/s | peak RSS MB |  ({len(texts)} sentences x "
        f"{args.length} tokens)"
    )
    print("|---|---|---|---|")
    results = {}
    for v in args.variants.split(","):
        cmd = [
            sys.executable,
            __file__,
            "--one",
            v,
            "--workdir",
            str(work),
            "--sentences",
            str(args.sentences),
            "--length",
            str(args.length),
        ]
        r = json.loads(
            subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1]
        )
        results[v] = r
        print(
            f"| {LABELS[v]} | {r['seconds']} | {r['tokens_per_s']} | {r['peak_mb']} |", flush=True
        )
    if {"a", "b", "c", "d"} <= set(results):
        tps = {k: v["tokens_per_s"] for k, v in results.items()}
        print(
            f"\n(b)/(a) = {tps['b'] / tps['a']:.1f}x (target >= 3), "
            f"(c)/(d) = {tps['c'] / tps['d']:.2f}x (target >= 0.9), "
            f"(c)/(a) = {tps['c'] / tps['a']:.1f}x (target >= 4)"
        )


if __name__ == "__main__":
    main()

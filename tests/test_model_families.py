"""Each model family driven its own way: the token ids the engines actually feed the model.

Tiny random models with each family's real special tokens: a Marian Tatoeba multi-target
model (>>ara<<, >>arz<<, >>apc<<), a single-pair Marian, NLLB-200 (eng_Latn, arb_Arab,
ckb_Arab, kmr_Latn), M2M-100 (__en__, __ar__) and MADLAD-400 (<2ar>, <2ckb>, <2ku>).
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import require_module

require_module("torch", "WORKBENCH_REQUIRE_TORCH")
require_module("transformers", "WORKBENCH_REQUIRE_TORCH")

from tests.helpers import tiny_models  # noqa: E402
from workbench.engines.base import DecodeOptions, EngineError  # noqa: E402
from workbench.testing import random_models  # noqa: E402

OPTS = DecodeOptions(max_length=6)
TEXTS = ["Al Qaem is the key to Anbar’s security.", "Fighters left Mosul."]
TATOEBA = (">>apc<<", ">>ara<<", ">>arz<<")


def _need_ct2():
    import os

    if os.environ.get("WORKBENCH_REQUIRE_CT2") == "1":
        import ctranslate2  # noqa: F401
    else:
        pytest.importorskip("ctranslate2")


def _text(*langs: str) -> str:
    return "\n".join(tiny_models._body(lang) for lang in langs)


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    root = tmp_path_factory.mktemp("families")
    return {
        "marian": tiny_models.build_marian(root / "opus-mt-en-ar-single"),
        "marian-multi": random_models.build_marian(
            root / "opus-mt-tc-big-en-ar",
            tiny_models._body("en"),
            tiny_models._body("ar"),
            target_tokens=TATOEBA,
        ),
        "nllb": tiny_models.build_nllb(root / "nllb"),
        "m2m100": random_models.build_m2m100(
            root / "m2m100", _text("en", "ar"), random_models.Size(spm_vocab=400)
        ),
        "madlad": tiny_models.build_madlad(root / "madlad"),
    }


def _spy_generate(engine) -> list[dict]:
    """Record what generate() is given: the input ids and the forced first token."""
    calls: list[dict] = []
    real = engine.model.generate

    def spy(**kw):
        calls.append(
            {
                "input_ids": kw["input_ids"].tolist(),
                "forced_bos_token_id": kw.get("forced_bos_token_id"),
            }
        )
        return real(**kw)

    engine.model.generate = spy
    return calls


def _first_ids(engine, calls) -> set[int]:
    """The first non-padding input id of every row fed to the model."""
    pad = engine.tokenizer.pad_token_id
    out = set()
    for c in calls:
        for row in c["input_ids"]:
            ids = [i for i in row if i != pad]
            out.add(ids[0])
    return out


def test_every_family_is_detected_from_its_files(models):
    from workbench.engines.families import detect

    assert {k: detect(p).family for k, p in models.items()} == {k: k for k in models}


def test_marian_multi_target_gets_the_ara_token_first(models):
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["marian-multi"])
    calls = _spy_generate(e)
    out = e.translate(TEXTS, "en", "ar", OPTS)
    assert len(out) == 2 and calls
    ara = e.tokenizer.convert_tokens_to_ids(">>ara<<")
    assert _first_ids(e, calls) == {ara}  # every segment starts with >>ara<<
    assert all(c["forced_bos_token_id"] is None for c in calls)
    assert not any(">>" in o for o in out)  # the token never reaches the translation


def test_marian_multi_target_refuses_a_target_without_a_token_in_one_line(models):
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["marian-multi"])
    with pytest.raises(EngineError) as exc:
        e.translate(TEXTS, "en", "ckb", OPTS)
    msg = str(exc.value)
    assert "no target token for ckb" in msg and ">>ara<<" in msg and "\n" not in msg


def test_single_pair_marian_adds_nothing(models):
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["marian"])
    calls = _spy_generate(e)
    e.translate(TEXTS, "en", "ar", OPTS)
    plain = [e.tokenizer(t)["input_ids"] for t in TEXTS]
    fed = [
        [i for i in row if i != e.tokenizer.pad_token_id] for c in calls for row in c["input_ids"]
    ]
    assert sorted(fed) == sorted(plain)
    with pytest.raises(EngineError, match="translates en-ar, not en-ckb"):
        e.translate(TEXTS, "en", "ckb", OPTS)


@pytest.mark.parametrize("tgt", ["ar", "ckb", "kmr"])
def test_nllb_gets_src_lang_first_and_the_target_code_forced(models, tgt):
    from workbench.core.languages import get_language
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["nllb"])
    calls = _spy_generate(e)
    e.translate(TEXTS, "en", tgt, OPTS)
    eng = e.tokenizer.convert_tokens_to_ids("eng_Latn")
    code = e.tokenizer.convert_tokens_to_ids(get_language(tgt).nllb)
    assert _first_ids(e, calls) == {eng}
    assert {c["forced_bos_token_id"] for c in calls} == {code}


def test_m2m100_gets_its_own_codes_and_has_no_kurdish(models):
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["m2m100"])
    calls = _spy_generate(e)
    e.translate(TEXTS, "en", "ar", OPTS)
    en, ar = (e.tokenizer.convert_tokens_to_ids(t) for t in ("__en__", "__ar__"))
    assert _first_ids(e, calls) == {en}
    assert {c["forced_bos_token_id"] for c in calls} == {ar}
    with pytest.raises(EngineError, match="no language code __ckb__"):
        e.translate(TEXTS, "en", "ckb", OPTS)


@pytest.mark.parametrize(("tgt", "tag"), [("ar", "<2ar>"), ("ckb", "<2ckb>"), ("kmr", "<2ku>")])
def test_madlad_gets_its_2xx_token_first(models, tgt, tag):
    from workbench.engines.hf import HFEngine

    e = HFEngine(models["madlad"])
    calls = _spy_generate(e)
    e.translate(TEXTS, "en", tgt, OPTS)
    assert _first_ids(e, calls) == {e.tokenizer.convert_tokens_to_ids(tag)}
    assert all(c["forced_bos_token_id"] is None for c in calls)


class _SpyTranslator:
    """Stands in front of a ctranslate2.Translator and records translate_batch's input."""

    def __init__(self, inner):
        self.inner, self.calls = inner, []

    def translate_batch(self, tokens, **kw):
        self.calls.append({"tokens": tokens, "target_prefix": kw.get("target_prefix")})
        return self.inner.translate_batch(tokens, **kw)


@pytest.mark.parametrize(
    ("family", "tgt", "first", "prefix"),
    [
        ("marian-multi", "ar", ">>ara<<", None),
        ("nllb", "ckb", "eng_Latn", "ckb_Arab"),
        ("madlad", "ar", "<2ar>", None),
    ],
)
def test_ct2_feeds_the_same_tokens(models, tmp_path, family, tgt, first, prefix):
    """(M2M-100 is left out: CTranslate2 4.8's converter misses the language codes that
    transformers 5's M2M100Tokenizer keeps outside get_vocab(), and refuses the model.)"""
    _need_ct2()
    from workbench.engines.ct2 import CT2Engine, convert

    e = CT2Engine(convert(models[family], tmp_path / f"{family}-ct2"))
    assert e.family == family
    e.translator = spy = _SpyTranslator(e.translator)
    out = e.translate(TEXTS, "en", tgt, OPTS)
    assert len(out) == 2
    (call,) = spy.calls
    assert {row[0] for row in call["tokens"]} == {first}
    assert call["target_prefix"] == ([[prefix]] * 2 if prefix else None)


def test_models_info_says_family_and_exact_tokens(run, models):
    r = run("models", "info", str(models["marian-multi"]), "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["family"] == "marian-multi" and len(data["checksum"]) == 16
    by = {t["lang"]: t for t in data["targets"]}
    assert by["ar"]["ok"] and by["ar"]["prefix"] == ">>ara<<"
    assert not by["ckb"]["ok"] and "no target token for ckb" in by["ckb"]["says"]
    assert data["size_bytes"] > 0 and "licence" in data
    r = run("models", "info", str(models["nllb"]), "--json")
    by = {t["lang"]: t for t in json.loads(r.out)["targets"]}
    assert (by["ckb"]["src_lang"], by["ckb"]["forced_bos"]) == ("eng_Latn", "ckb_Arab")
    assert by["kmr"]["forced_bos"] == "kmr_Latn" and by["ar"]["forced_bos"] == "arb_Arab"
    r = run("models", "info", str(models["madlad"]))
    assert r.code == 0 and "family:   madlad" in r.out and "en->kmr: source prefix <2ku>" in r.out
    r = run("models", "info", str(models["m2m100"]))
    assert "en->ar: src_lang __en__, forced BOS __ar__" in r.out
    assert "en->ckb: cannot: model m2m100 has no language code __ckb__" in r.out


def test_models_info_is_read_from_files_without_torch(models):
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys\n"
        "from workbench.main import main\n"
        f"try:\n    main(['models', 'info', {str(models['nllb'])!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO-TORCH')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip().endswith("NO-TORCH"), out.stdout + out.stderr


def test_models_recommend_from_published_scores(run):
    r = run("models", "recommend", "--lang", "ckb")
    assert r.code == 0, r.err
    assert r.out.startswith("ckb: facebook/nllb-200-distilled-1.3B\n")
    assert "chrF++ for en-ckb: 43.5" in r.out and "non-commercial" in r.out
    r = run("models", "recommend", "--lang", "ckb", "--commercial")
    assert r.out.startswith("ckb: google/madlad400-3b-mt\n") and "Apache-2.0" in r.out
    r = run("models", "recommend", "--lang", "ar")
    assert r.out.startswith("ar: Helsinki-NLP/opus-mt-tc-big-en-ar\n") and "57.8" in r.out
    r = run("models", "recommend", "--lang", "xx")
    assert r.code == 1 and r.err.startswith("workbench: error: ") and r.err.count("\n") == 1

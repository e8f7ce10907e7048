"""The hf engine on a tiny real Marian model: loading, batching, cache, resume, errors."""

import pytest

from tests.conftest import TEXTS, require_module

require_module("torch", "WORKBENCH_REQUIRE_TORCH")  # CI sets it: a missing torch fails there
require_module("transformers", "WORKBENCH_REQUIRE_TORCH")

from tests.helpers.tiny_models import build_marian  # noqa: E402
from workbench.engines.base import DecodeOptions, EngineError  # noqa: E402

OPTS = DecodeOptions(max_length=10)


def _need_ct2():
    """CI installs the ct2 extra and sets WORKBENCH_REQUIRE_CT2=1: no silent skip there."""
    import os

    if os.environ.get("WORKBENCH_REQUIRE_CT2") == "1":
        import ctranslate2  # noqa: F401  (fails loudly when missing)
    else:
        pytest.importorskip("ctranslate2")


TEXTS3 = ["Al Qaem is the key to Anbar’s security.", "Fighters left Mosul.", "Yes."]


@pytest.fixture(scope="session")
def marian(tmp_path_factory):
    return build_marian(tmp_path_factory.mktemp("models") / "tiny-en-ar")


@pytest.fixture(scope="session")
def engine(marian):
    from workbench.engines.hf import HFEngine

    return HFEngine(marian)


def test_loads_offline_from_safetensors_and_translates_in_order(engine):
    out = engine.translate(TEXTS3, "en", "ar", OPTS)
    assert len(out) == 3 and all(isinstance(t, str) and t for t in out)
    assert engine.kind == "marian" and len(engine.checksum) == 16
    # each segment's output does not depend on its batch or position
    alone = [engine.translate([t], "en", "ar", OPTS)[0] for t in TEXTS3]
    small_batches = engine.translate(
        TEXTS3, "en", "ar", DecodeOptions(max_length=10, batch_tokens=8)
    )
    assert out == alone == small_batches


def test_a_missing_model_names_the_command_to_get_it(tmp_path):
    from workbench.engines.hf import HFEngine

    with pytest.raises(EngineError, match="workbench models pull nothing-here") as exc:
        HFEngine(tmp_path / "nothing-here")
    assert "\n" not in str(exc.value)


def test_pickle_only_weights_need_allow_pickle(tmp_path):
    from workbench.engines.hf import HFEngine

    folder = build_marian(tmp_path / "pickled", safetensors=False)
    assert not list(folder.glob("*.safetensors")) and list(folder.glob("*.bin"))
    with pytest.raises(EngineError, match="only pickle weights"):
        HFEngine(folder)
    assert HFEngine(folder, allow_pickle=True).translate(["Yes."], "en", "ar", OPTS)


def test_corrupt_weights_are_one_clear_error(tmp_path):
    from workbench.engines.hf import HFEngine

    folder = build_marian(tmp_path / "broken")
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:200])
    with pytest.raises(
        EngineError, match=r"model\.safetensors is damaged.*pull the model again"
    ) as exc:
        HFEngine(folder)
    assert "\n" not in str(exc.value)


def test_an_unsupported_pair_is_refused(engine):
    with pytest.raises(EngineError, match="translates en-ar, not en-ckb"):
        engine.translate(["Yes."], "en", "ckb", OPTS)


class Counting:
    """Wraps an engine and counts the segments sent to it."""

    def __init__(self, inner):
        self.inner, self.sent = inner, 0
        self.name, self.model_id, self.checksum = inner.name, inner.model_id, inner.checksum

    def translate(self, texts, src, tgt, options):
        self.sent += len(texts)
        return self.inner.translate(texts, src, tgt, options)


def test_the_cache_makes_a_second_run_free(engine, tmp_path):
    from workbench.services import machine_translate
    from workbench.store.mt_cache import MTCache

    cache = MTCache(tmp_path / "cache.sqlite")
    counted = Counting(engine)
    first, sent1 = machine_translate(counted, cache, TEXTS3, "en", "ar", OPTS)
    second, sent2 = machine_translate(counted, cache, TEXTS3, "en", "ar", OPTS)
    assert (sent1, sent2, counted.sent) == (3, 0, 3) and first == second
    _, sent3 = machine_translate(
        counted, cache, TEXTS3, "en", "ar", DecodeOptions(max_length=10, beams=2)
    )
    assert sent3 == 3  # other decoding options are other translations


def test_translate_into_a_project_writes_drafts_and_resumes(run, marian, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    en = str(TEXTS / "al-qaem.en.md")
    r = run(
        "translate",
        en,
        "--to",
        "ar",
        "--model",
        str(marian),
        "--project",
        proj,
        "--max-length",
        "8",
    )
    assert r.code == 0, r.err
    assert "69 segments, 69 translated now" in r.out
    from workbench.store.project import Project

    with Project.open(proj) as p:
        rows = p.rows("ar")
        assert {r.status for r in rows} == {"draft"} and {r.origin for r in rows} == {"machine"}
        assert {r.engine for r in rows} == {"hf"} and all(r.machine_draft == r.target for r in rows)
        flagged = [r for r in rows if r.note.startswith("names missing after MT")]
        assert flagged  # a random model drops names: those segments are flagged, not silent
    r = run("translate", en, "--to", "ar", "--model", str(marian), "--project", proj)
    assert "0 translated now" in r.out  # resumed: nothing left to do


def test_translate_out_writes_the_input_format(run, marian, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    out = tmp_path / "out"
    r = run(
        "translate",
        str(TEXTS / "al-qaem.en.md"),
        "--to",
        "ar",
        "--model",
        str(marian),
        "--out",
        str(out),
        "--max-length",
        "8",
    )
    assert r.code == 0, r.err
    from workbench.formats.article import read_document

    doc = read_document(out / "al-qaem.ar.md")
    assert doc.lang == "ar" and doc.meta["translation-of"] == "al-qaem.en"
    assert [p.kind for p in doc.paragraphs] == [
        p.kind for p in read_document(TEXTS / "al-qaem.en.md").paragraphs
    ]
    assert doc.meta["translator"].startswith("machine: hf")


def test_translate_errors(run, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    en = str(TEXTS / "al-qaem.en.md")
    r = run("translate", en, "--to", "ar", "--out", str(tmp_path / "o"))
    assert r.code == 1 and "workbench models pull Helsinki-NLP/opus-mt-tc-big-en-ar" in r.err
    assert "Traceback" not in r.err and len(r.err.strip().splitlines()) == 1
    r = run("translate", en, "--to", "ar")
    assert r.code == 2 and "--out DIR or --project P" in r.err


@pytest.fixture(scope="session")
def ct2_model(marian, tmp_path_factory):
    _need_ct2()
    from workbench.engines.ct2 import convert

    return convert(marian, tmp_path_factory.mktemp("ct2") / "tiny-en-ar-ct2")


def test_ct2_conversion_and_engine(ct2_model):
    from workbench.engines.ct2 import CT2Engine

    e = CT2Engine(ct2_model)
    out = e.translate(TEXTS3, "en", "ar", OPTS)
    assert len(out) == 3 and all(out)
    assert out == [e.translate([t], "en", "ar", OPTS)[0] for t in TEXTS3]
    with pytest.raises(EngineError, match="translates en-ar, not en-ckb"):
        e.translate(["Yes."], "en", "ckb", OPTS)


def test_ct2_engine_refuses_a_transformers_folder(marian):
    from workbench.engines.ct2 import CT2Engine

    with pytest.raises(
        EngineError, match="not a CTranslate2 model; make one with: workbench models convert"
    ):
        CT2Engine(marian)


def test_translate_with_ct2_from_the_cli(run, ct2_model, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    r = run(
        "translate",
        str(TEXTS / "al-qaim-stronghold.en.md"),
        "--to",
        "ar",
        "--engine",
        "ct2",
        "--model",
        str(ct2_model),
        "--out",
        str(tmp_path / "out"),
        "--max-length",
        "8",
    )
    assert r.code == 0, r.err
    assert "17 segments, 17 translated now" in r.out, r.out
    assert (tmp_path / "out" / "al-qaim-stronghold.ar.md").is_file()


def test_pull_stores_safetensors_made_with_the_weights_only_loader(tmp_path):
    from workbench.engines.hf import HFEngine
    from workbench.engines.store import pickle_to_safetensors

    folder = build_marian(tmp_path / "pickled", safetensors=False)
    before = HFEngine(folder, allow_pickle=True).translate(TEXTS3, "en", "ar", OPTS)
    pickle_to_safetensors(folder)
    assert not (folder / "pytorch_model.bin").exists() and (folder / "model.safetensors").is_file()
    assert HFEngine(folder).translate(TEXTS3, "en", "ar", OPTS) == before  # same weights


def test_models_list_convert_remove(run, marian, tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    store = tmp_path / "home" / "models"
    shutil.copytree(marian, store / "Helsinki-NLP--opus-mt-tc-big-en-ar")
    r = run("models", "list")
    assert (
        "Helsinki-NLP--opus-mt-tc-big-en-ar" in r.out
        and "default for ar: Helsinki-NLP/opus-mt-tc-big-en-ar (installed)" in r.out
    )
    assert "CC-BY-NC" in r.out
    # with the default model installed, --model is not needed
    r = run(
        "translate",
        str(TEXTS / "al-qaim-stronghold.en.md"),
        "--to",
        "ar",
        "--out",
        str(tmp_path / "o"),
        "--max-length",
        "6",
    )
    assert r.code == 0, r.err
    assert run("models", "remove", "Helsinki-NLP/opus-mt-tc-big-en-ar").code == 0
    assert not (store / "Helsinki-NLP--opus-mt-tc-big-en-ar").exists()


@pytest.fixture(scope="session")
def nllb(tmp_path_factory):
    from tests.helpers.tiny_models import build_nllb

    return build_nllb(tmp_path_factory.mktemp("models") / "nllb-tiny")


@pytest.mark.parametrize("tgt", ["ar", "ckb", "kmr"])
def test_nllb_style_models_get_their_language_codes(nllb, tgt):
    from workbench.core.languages import get_language
    from workbench.engines.hf import HFEngine

    e = HFEngine(nllb)
    assert e.kind == "m2m_100"
    extra = e._prepare("en", tgt)
    code = get_language(tgt).nllb
    assert extra == {"forced_bos_token_id": e.tokenizer.convert_tokens_to_ids(code)}
    ids = e.tokenizer("Al Qaem is the key.")["input_ids"]
    assert e.tokenizer.convert_ids_to_tokens(ids[0]) == "eng_Latn"  # source code first
    enc = e.tokenizer(["Al Qaem is the key."], return_tensors="pt")
    gen = e.model.generate(**enc, max_new_tokens=4, **extra)
    assert e.tokenizer.convert_ids_to_tokens(int(gen[0, 1])) == code  # forced target code
    assert len(e.translate(TEXTS3, "en", tgt, OPTS)) == 3


def test_nllb_converts_to_ct2_with_target_prefixes(nllb, tmp_path):
    _need_ct2()
    from workbench.engines.ct2 import CT2Engine, convert

    e = CT2Engine(convert(nllb, tmp_path / "nllb-ct2"))
    assert e.meta["model_type"] == "m2m_100"
    assert len(e.translate(TEXTS3, "en", "ckb", OPTS)) == 3


def test_a_killed_translation_resumes_without_redoing_finished_work(marian, tmp_path):
    import csv
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT, shared_file

    with shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv").open(encoding="utf-8") as f:
        lines = [r["eng"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)][:120]
    src = tmp_path / "news.en.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    home = tmp_path / "home"
    env = dict(os.environ, WORKBENCH_HOME=str(home), PYTHONPATH=str(ROOT))
    cmd = [
        sys.executable,
        "-m",
        "workbench",
        "translate",
        str(src),
        "--to",
        "ar",
        "--model",
        str(marian),
        "--out",
        str(tmp_path / "out"),
        "--max-length",
        "40",
        "--beams",
        "2",
        "--batch-tokens",
        "64",
        "--threads",
        "1",  # one torch thread: spinning thread pools crawl on a busy machine
    ]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cache = home / "mt-cache.sqlite"

    def committed() -> int:
        try:
            with sqlite3.connect(cache) as con:
                return con.execute("SELECT count(*) FROM translations").fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0

    # kill it once some batches are committed: poll with a generous deadline (the machine
    # may be busy), never a count that must fit in a fixed time
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if cache.exists() and committed() >= 8:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    cached = committed()  # what the killed run had committed
    done = subprocess.run(
        cmd, env=env, capture_output=True, text=True, check=True, timeout=1200
    ).stdout
    # "...: 125 segments, 98 translated now, ..." (some lines hold two sentences)
    total = int(done.split(" segments, ")[0].rsplit(" ", 1)[1])
    sent = int(done.split(" translated now")[0].rsplit(", ", 1)[1])
    assert 8 <= cached < total, cached  # it was killed in the middle
    assert 0 < sent <= total - cached  # nothing committed before the kill was translated again
    assert (tmp_path / "out" / "news.ar.txt").read_text(encoding="utf-8").count("\n") >= 1


def test_engines_report_model_id_revision_and_checksum(marian, engine):
    import json

    assert (engine.model_id, engine.revision) == (marian.name, "local")
    pulled = marian.parent / "pulled-copy"
    import shutil

    shutil.copytree(marian, pulled)
    (pulled / "workbench.json").write_text(
        json.dumps({"repo": "x/y", "revision": "abc123", "src": "en", "tgt": "ar"})
    )
    from workbench.engines.hf import HFEngine

    e = HFEngine(pulled)
    assert e.revision == "abc123" and e.checksum == engine.checksum  # same weights, same checksum


@pytest.fixture(scope="session")
def madlad(tmp_path_factory):
    from tests.helpers.tiny_models import build_madlad

    return build_madlad(tmp_path_factory.mktemp("models") / "madlad-tiny")


@pytest.mark.parametrize(("tgt", "tag"), [("ar", "<2ar>"), ("ckb", "<2ckb>"), ("kmr", "<2ku>")])
def test_madlad_style_models_get_the_target_token_before_the_source(madlad, tgt, tag):
    from workbench.engines.hf import HFEngine

    e = HFEngine(madlad)
    assert e.kind == "t5" and e._prepare("en", tgt) == {} and e.prefix == tag + " "
    sent = []
    real = e._generate

    def spy(texts, options, extra):
        sent.extend(texts)
        return real(texts, options, extra)

    e._generate = spy
    out = e.translate(TEXTS3, "en", tgt, OPTS)
    assert len(out) == 3 and sorted(sent) == sorted(f"{tag} {x}" for x in TEXTS3)
    ids = e.tokenizer(sent[0])["input_ids"]
    assert e.tokenizer.convert_ids_to_tokens(ids[0]) == tag  # one token, not split up
    assert not any(tag in o for o in out)  # the tag never reaches the translation


def test_a_madlad_model_without_the_target_token_is_refused(madlad, monkeypatch):
    from workbench.engines.base import EngineError
    from workbench.engines.hf import HFEngine

    e = HFEngine(madlad)
    vocab = {k: v for k, v in e.tokenizer.get_vocab().items() if k != "<2ckb>"}
    monkeypatch.setattr(e.tokenizer, "get_vocab", lambda: vocab)
    with pytest.raises(EngineError, match="no target token <2ckb>"):
        e.translate(TEXTS3, "en", "ckb", OPTS)
    assert len(e.translate(TEXTS3, "en", "ar", OPTS)) == 3  # the others still work


def test_madlad_converts_to_ct2_with_the_target_token(madlad, tmp_path):
    _need_ct2()
    from workbench.engines.ct2 import CT2Engine, convert

    e = CT2Engine(convert(madlad, tmp_path / "madlad-ct2"))
    assert e.meta["model_type"] == "t5"
    out = e.translate(TEXTS3, "en", "ckb", OPTS)
    assert len(out) == 3 and not any("<2ckb>" in o for o in out)


def _stopping_after(n_polls):
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > n_polls

    return stop, calls


def test_a_stop_request_ends_generation_inside_the_model_call(marian):
    from workbench.engines.base import Cancelled, DecodeOptions
    from workbench.engines.hf import HFEngine

    e = HFEngine(marian)
    long = DecodeOptions(max_length=64, min_length=64)  # 64 decoding steps unless stopped
    e.should_stop, calls = _stopping_after(3)
    with pytest.raises(Cancelled):
        e.translate(TEXTS3, "en", "ar", long)
    assert 3 < len(calls) < 10  # polled per step, and it stopped at once
    e.should_stop = None
    assert len(e.translate(TEXTS3, "en", "ar", OPTS)) == 3  # the engine still works


def test_ct2_stops_inside_the_model_call_too(ct2_model):
    _need_ct2()
    from workbench.engines.base import Cancelled, DecodeOptions
    from workbench.engines.ct2 import CT2Engine

    e = CT2Engine(ct2_model)
    e.should_stop, calls = _stopping_after(3)
    with pytest.raises(Cancelled):
        e.translate(TEXTS3, "en", "ar", DecodeOptions(max_length=64, min_length=64))
    assert 3 < len(calls) < 64 * len(TEXTS3)  # not run to the end: stopped in the batch

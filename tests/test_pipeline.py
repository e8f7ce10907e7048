"""One MT pipeline for translate, the app, align --engine: names, cache, lazy engine, output checks.

- a fully cached rerun of ``translate`` never imports torch (a subprocess reads sys.modules);
- the app's worker keeps the name checks (drafts whose names the model lost are flagged),
  uses the MT cache (a cached segment loads no model), and sends each segment with its own
  document's source language;
- empty or broken model output is never written as a translation, in the CLI and the app;
- ``translate --engine ct2`` without --model right after ``models convert``.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS, require_module
from workbench.formats.article import read_document
from workbench.store.project import Project

EN = str(TEXTS / "al-qaem.en.md")
SECOND = str(TEXTS / "al-qaim-stronghold.en.md")


def _need_torch():
    require_module("torch", "WORKBENCH_REQUIRE_TORCH")
    require_module("transformers", "WORKBENCH_REQUIRE_TORCH")


def _need_ct2():
    if os.environ.get("WORKBENCH_REQUIRE_CT2") == "1":
        import ctranslate2  # noqa: F401
    else:
        pytest.importorskip("ctranslate2")


@pytest.fixture(scope="module")
def marian(tmp_path_factory):
    _need_torch()
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("pipeline") / "tiny-en-ar")


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return h


def _translate_in_subprocess(home: Path, *args: str) -> dict:
    """Run ``workbench translate ARGS`` in a fresh interpreter; its output and what it imported."""
    code = (
        "import json, sys\n"
        "from workbench.main import main\n"
        "code = 0\n"
        f"try:\n    main({list(args)!r})\n"
        "except SystemExit as e:\n    code = e.code or 0\n"
        "mods = sorted(m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules)\n"
        "print(json.dumps({'code': code, 'heavy': mods}))\n"
    )
    env = dict(os.environ, WORKBENCH_HOME=str(home), WORKBENCH_GLOSSARY=str(GLOSSARY))
    p = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    *lines, last = p.stdout.strip().splitlines()
    return {**json.loads(last), "out": "\n".join(lines), "err": p.stderr}


def test_a_fully_cached_rerun_never_imports_torch(marian, tmp_path):
    home, out = tmp_path / "home", tmp_path / "out"
    args = ("translate", EN, "--to", "ar", "--model", str(marian), "--out", str(out))
    first = _translate_in_subprocess(home, *args, "--max-length", "8")
    assert first["code"] == 0, first["err"]
    assert "torch" in first["heavy"]  # the model was loaded the first time
    written = (out / "al-qaem.ar.md").read_text(encoding="utf-8")
    second = _translate_in_subprocess(home, *args, "--max-length", "8")
    assert second["code"] == 0, second["err"]
    assert second["heavy"] == []  # no torch, no transformers: nothing was loaded
    assert "69 segments, 0 translated now" in second["out"]
    assert "69 from the MT cache (no model loaded)" in second["out"]
    assert (out / "al-qaem.ar.md").read_text(encoding="utf-8") == written
    # other decoding options are other translations: the model is needed again
    third = _translate_in_subprocess(home, *args, "--max-length", "9")
    assert "torch" in third["heavy"] and "69 translated now" in third["out"]


def test_align_with_an_engine_goes_through_the_pipeline_and_its_cache(marian, tmp_path):
    home = tmp_path / "home"
    ar = str(TEXTS / "al-qaem.ar.md")
    args = ("align", EN, ar, "--src-lang", "en", "--tgt-lang", "ar", "--segment")
    args += ("--engine", "hf", "--model", str(marian), "--max-length", "16")
    args += ("--out", str(tmp_path / "a.tsv"))
    first = _translate_in_subprocess(home, *args)
    assert first["code"] == 0, first["err"]
    args = (*args[:-1], str(tmp_path / "b.tsv"))
    second = _translate_in_subprocess(home, *args)
    assert second["code"] == 0 and second["heavy"] == [], second
    assert (tmp_path / "a.tsv").read_bytes() == (tmp_path / "b.tsv").read_bytes()
    # other decoding options are other translations: the model is needed again
    third = _translate_in_subprocess(
        home, *args[:-4], "--max-length", "17", "--out", str(tmp_path / "c.tsv")
    )
    assert third["code"] == 0 and "torch" in third["heavy"], third


class Fake:
    """A stand-in engine: a function of each text; records every call with its languages."""

    name, model_id, checksum = "hf", "fake-model", "fa4e"
    should_stop = None

    def __init__(self, fn, cacheable: bool = False):
        self.fn, self.calls, self.cacheable = fn, [], cacheable

    def translate(self, texts, src, tgt, options):
        self.calls.append((list(texts), src, tgt))
        return [self.fn(t) for t in texts]


def _empty_for_captions(text: str) -> str:
    """'' for the photo caption (a model's empty output), a name-keeping draft otherwise."""
    return "" if "banner" in text else "ترجمة " + " ".join(w for w in text.split() if "XNAME" in w)


def test_empty_model_output_is_never_written_from_the_cli(run, home, tmp_path, monkeypatch):
    from workbench import services

    fake = Fake(_empty_for_captions)
    monkeypatch.setattr(services, "open_engine", lambda *a, **k: fake)
    monkeypatch.setattr(services, "model_dir", lambda *a: Path("fake"))
    out = tmp_path / "out"
    r = run("translate", EN, "--to", "ar", "--out", str(out))
    assert r.code == 0, r.err
    assert (
        "69 segments, 68 translated now, 0 flagged for names, "
        "1 left untranslated (no usable MT output: al-qaem:p3:s1)" in r.out
    ), r.out
    doc = read_document(out / "al-qaem.ar.md")
    assert doc.meta["untranslated"] == "al-qaem:p3:s1"  # said, not passed off as MT
    proj = tmp_path / "proj"
    assert run("project", "init", str(proj)).code == 0
    r = run("translate", EN, "--to", "ar", "--project", str(proj))
    assert "69 segments, 68 translated now" in r.out and "1 left untranslated" in r.out
    with Project.open(proj) as p:
        rows = {x.key: x for x in p.rows("ar")}
    assert (rows["al-qaem:p3:s1"].status, rows["al-qaem:p3:s1"].target) == ("new", "")
    assert sum(1 for x in rows.values() if x.status == "draft") == len(rows) - 1


@pytest.mark.parametrize("output", ["", "   ", " . , ", "XNAME1X"])
def test_blank_punctuation_or_placeholder_only_output_is_not_a_translation(finder, output):
    from workbench.services.pipeline import Pipeline

    pipe = Pipeline(Fake(lambda t: output), finder)
    (o,) = pipe.run(["The banner was placed on the border near Al Qaem."], "en", "ar")
    if output == "XNAME1X":  # the name alone came back: restored, flagged for nothing else
        assert o.state == "ok" and o.text == "القائم"
    else:
        assert (o.state, o.text) == ("empty", "") and o.flagged and o.note


def test_a_copied_source_is_not_a_translation(finder):
    from workbench.services.pipeline import Pipeline

    (o,) = Pipeline(Fake(lambda t: t), finder).run(["The fighters left the city."], "en", "ar")
    assert (o.state, o.note) == ("empty", "the model copied the source")


def _project_with(tmp_path, *docs: tuple[str, str, str]) -> Path:
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        for name, lang, body in docs:
            f = tmp_path / f"{name}.md"
            f.write_text(f"---\nid: {name}\nlang: {lang}\n---\n\n{body}\n", encoding="utf-8")
            p.add_document(read_document(f))
    return folder


def _run_app(project, finder, engine, keys, langs=("ar",)):
    from workbench.tui.app import WorkbenchApp

    async def main():
        app = WorkbenchApp(project, list(langs), "app", finder, None, engine_for=lambda _: engine)
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            return app, [n.message for n in app._notifications]

    return asyncio.run(main())


def test_the_app_flags_drafts_whose_names_the_model_lost(home, tmp_path, finder):
    project = _project_with(
        tmp_path, ("one", "en", "Al Qaem is near the border. The fighters left.")
    )
    drops = Fake(lambda t: "ترجمة بلا أسماء")  # every placeholder dropped
    _, notes = _run_app(project, finder, drops, ["t"])
    with Project.open(project) as p:
        rows = {r.key: r for r in p.rows("ar")}
    first, second = rows["one:p1:s1"], rows["one:p1:s2"]
    assert first.status == "draft" and first.note == "names missing after MT: القائم"
    assert second.status == "draft" and not second.note  # no glossary name in it
    assert any("1 flagged for lost names" in n for n in notes), notes


def test_the_app_leaves_empty_output_untranslated_and_says_so(home, tmp_path, finder):
    project = _project_with(tmp_path, ("one", "en", "The banner fell. The fighters left."))
    app, notes = _run_app(project, finder, Fake(_empty_for_captions), ["t"])
    with Project.open(project) as p:
        rows = {r.key: r for r in p.rows("ar")}
    assert (rows["one:p1:s1"].status, rows["one:p1:s1"].target) == ("new", "")
    assert rows["one:p1:s2"].status == "draft"
    assert "no usable output" in app.all_rows[0].origin["ar"]
    assert any("1 left untranslated (no usable MT output)" in n for n in notes), notes


def test_the_app_sends_each_segment_with_its_own_source_language(home, tmp_path, finder):
    project = _project_with(
        tmp_path,
        ("one", "en", "The fighters left the city."),
        ("two", "kmr", "Şervan ji bajêr derketin."),
    )
    fake = Fake(lambda t: "ترجمة")
    _run_app(project, finder, fake, ["ctrl+t"])  # everything: both documents in one chunk
    sent = {text: src for texts, src, _ in fake.calls for text in texts}
    assert sent == {"The fighters left the city.": "en", "Şervan ji bajêr derketin.": "kmr"}


def test_the_app_uses_the_mt_cache_and_loads_no_model_for_cached_segments(
    run, home, tmp_path, finder, marian
):
    body = "Fighters left Al Qaem. The city is quiet."
    cli = _project_with(tmp_path / "cli", ("one", "en", body))
    r = run("translate", str(tmp_path / "cli" / "one.md"), "--to", "ar", "--model", str(marian),
            "--project", str(cli))  # fmt: skip
    assert r.code == 0 and "2 translated now" in r.out, r.err
    from workbench import services

    handle = services.open_engine("hf", "ar", str(marian))
    project = _project_with(tmp_path / "app", ("one", "en", body))
    _run_app(project, finder, handle, ["t"])
    assert not handle.opened  # every segment came from the cache: no model was loaded

    def drafts(folder):
        with Project.open(folder) as p:
            return {x.key: (x.target, x.status, x.note) for x in p.rows("ar")}

    assert drafts(project) == drafts(cli) and len(drafts(cli)) == 2


def test_the_app_puts_what_the_model_made_into_the_cache(home, tmp_path, finder):
    project = _project_with(tmp_path, ("one", "en", "The fighters left the city."))
    first = Fake(lambda t: "غادر المقاتلون", cacheable=True)
    _run_app(project, finder, first, ["t"])
    assert len(first.calls) == 1
    again = _project_with(tmp_path / "b", ("one", "en", "The fighters left the city."))
    second = Fake(lambda t: "never asked", cacheable=True)
    _run_app(again, finder, second, ["t"])
    assert second.calls == []  # the cache answered
    with Project.open(again) as p:
        assert p.rows("ar")[0].target == "غادر المقاتلون"


def test_ct2_without_model_right_after_models_convert(run, home, tmp_path, marian):
    _need_ct2()
    store = home / "models"
    shutil.copytree(marian, store / "Helsinki-NLP--opus-mt-tc-big-en-ar")
    r = run("translate", SECOND, "--to", "ar", "--engine", "ct2", "--out", str(tmp_path / "x"))
    assert r.code == 1 and "convert it with: workbench models convert" in r.err, r.err
    r = run("models", "convert", "Helsinki-NLP/opus-mt-tc-big-en-ar")
    assert r.code == 0, r.err
    r = run("translate", SECOND, "--to", "ar", "--engine", "ct2", "--out", str(tmp_path / "o"))
    assert r.code == 0, r.err
    doc = read_document(tmp_path / "o" / "al-qaim-stronghold.ar.md")
    assert doc.meta["translator"].startswith("machine: ct2 Helsinki-NLP--opus-mt-tc-big-en-ar-ct2")

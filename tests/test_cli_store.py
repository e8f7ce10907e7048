"""Projects, the TM and exports through the command line."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import TEXTS

EN, AR = str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md")


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)


def test_project_init_add_status(run, tmp_path):
    proj = str(tmp_path / "proj")
    assert run("project", "init", proj).code == 0
    r = run("project", "add", proj, EN, str(TEXTS / "al-qaim-stronghold.en.md"))
    assert "al-qaem: 69 new segments" in r.out and "al-qaim-stronghold: 17 new segments" in r.out
    assert "al-qaem: 0 new segments" in run("project", "add", proj, EN).out
    st = json.loads(run("project", "status", proj, "--lang", "ar", "--json").out)
    assert st["journal_mode"] == "wal"
    assert st["languages"]["ar"]["new"] == 86
    assert [d["segments"] for d in st["documents"]] == [69, 17]


def test_project_add_reference(run, tmp_path):
    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    run("project", "add", proj, EN)
    r = run("project", "add-reference", proj, AR, str(TEXTS / "al-qaem.ckb.md"))
    assert r.code == 0
    assert "al-qaem [ar]: 69 reference passages, paired by segment ids" in r.out
    assert "al-qaem [ckb]: 69 reference passages" in r.out
    bad = run("project", "add-reference", proj, str(TEXTS / "al-qaem.en.md"))
    assert bad.code == 1 and "the language of its source" in bad.err
    assert len(bad.err.strip().splitlines()) == 1


def test_opening_a_document_takes_its_translations_beside_it_as_references(tmp_path):
    import shutil

    from workbench.formats.article import read_document
    from workbench.store.project import Project
    from workbench.tui.command import add_sibling_references

    for lang in ("en", "ar"):
        shutil.copy(TEXTS / f"al-qaem.{lang}.md", tmp_path)
    folder = tmp_path / "al-qaem.workbench"
    with Project.init(folder) as p:
        p.add_document(read_document(tmp_path / "al-qaem.en.md"))
    add_sibling_references(folder, tmp_path / "al-qaem.en.md", "al-qaem", "en", ["ar", "ckb"])
    with Project.open(folder) as p:
        assert [(d, lang) for d, lang, _ in p.reference_docs()] == [("al-qaem", "ar")]
        assert len(p.references("ar")) == 69 and not p.references("ckb")


def test_tm_in_the_default_home_and_json_lookup(run, tmp_path):
    r = run("tm", "add-texts", EN, AR)
    assert "69 units added" in r.out and str(tmp_path / "home" / "tm.sqlite") in r.out
    r = run(
        "tm",
        "lookup",
        "ISIS has been able to exploit the differences between the two tribes "
        "in al-Qaim for their own purposes and eventually forced all of the local tribes to "
        "swear allegiance to the them.",
        "--src",
        "en",
        "--tgt",
        "ar",
        "--json",
    )
    matches = json.loads(r.out)
    assert {"source", "target", "score", "origin"} <= set(matches[0])
    assert matches[0]["score"] == 99 and matches[0]["origin"] == "al-qaem.en.md"
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)


def test_tmx_export_then_import_adds_nothing_twice(run, tmp_path):
    run("tm", "add-texts", EN, AR)
    out = tmp_path / "all.tmx"
    assert "69 units" in run("tm", "export", "--out", str(out)).out
    other = str(tmp_path / "other.sqlite")
    assert "69 units added" in run("tm", "import", str(out), "--tm", other).out
    assert "0 units added, 69 already present" in run("tm", "import", str(out), "--tm", other).out


def test_project_export_tmx_and_text(run, tmp_path):
    from workbench.store.project import Project

    proj = tmp_path / "proj"
    run("project", "init", str(proj))
    run("project", "add", str(proj), EN)
    with Project.open(proj) as p:
        first = p.rows("ar")[0]
        p.set_translation(first.segment_id, "ar", "موطن البغدادي الجديد", "translated")
    r = run("export", str(proj), "--format", "txt", "--lang", "ar")
    assert r.out.startswith("موطن البغدادي الجديد\n\nAs the Islamic State group")
    out = tmp_path / "p.tmx"
    run("export", str(proj), "--format", "tmx", "--lang", "ar", "--out", str(out))
    assert "موطن البغدادي الجديد" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["project", "status", "{tmp}/nothing"], "not a workbench project"),
        (["tm", "lookup", "x", "--src", "en", "--tgt", "xx"], "unknown language code 'xx'"),
        (["tm", "import", "{tmp}/missing.tmx"], "no such file"),
        (["tm", "export", "--out", "{tmp}/e.tmx"], "the TM has no units"),
        (["tm", "add-texts", EN, str(TEXTS / "al-qaim-stronghold.en.md")], "not segment-aligned"),
        (["export", "{tmp}/nothing", "--format", "tmx", "--lang", "ar"], "not a workbench project"),
    ],
)
def test_store_commands_fail_in_one_line(run, tmp_path, args, message):
    r = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.code == 1, r.out
    assert "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def _exported(run, tmp_path, lang):
    """A project with the first article, exported as XLIFF 2.1 for ``lang``."""
    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    run("project", "add", proj, EN)
    xlf = tmp_path / "p.xlf"
    run("export", proj, "--format", "xliff", "--lang", lang, "--out", str(xlf))
    return proj, xlf


def test_xliff_export_edit_import_round_trip(run, tmp_path):
    proj, xlf = _exported(run, tmp_path, "ckb")
    text = xlf.read_text(encoding="utf-8")
    source = "<source>Baghdadi's New Home: The Iraqi City Of Al Qaem May Be The New Extremist Capital</source>"
    assert source in text
    text = text.replace(
        '<segment id="s1" state="initial">\n        ' + source,
        '<segment id="s1" state="reviewed">\n        '
        + source
        + "\n        <target>ماڵە نوێیەکەی ئەبووبەکر بەغدادی</target>",
        1,
    )
    xlf.write_text(text, encoding="utf-8")
    r = run("import", str(xlf), "--project", proj)
    assert "1 updated, 68 unchanged" in r.out
    assert "0 updated, 69 unchanged" in run("import", str(xlf), "--project", proj).out
    st = json.loads(run("project", "status", proj, "--lang", "ckb", "--json").out)
    assert st["languages"]["ckb"]["reviewed"] == 1
    old = run("export", proj, "--format", "xliff", "--xliff-version", "1.2", "--lang", "ckb")
    assert '<target state="signed-off">ماڵە نوێیەکەی ئەبووبەکر بەغدادی</target>' in old.out


def test_xliff_for_changed_sources_and_unknown_ids_is_not_applied(run, tmp_path):
    proj, xlf = _exported(run, tmp_path, "ar")
    text = xlf.read_text(encoding="utf-8")
    text = text.replace("<source>A banner proclaims", "<source>A flag proclaims", 1)
    text = text.replace(
        "<source>A flag proclaims the existence of the Islamic State.</source>",
        "<source>A flag proclaims the existence of the Islamic State.</source><target>علم</target>",
        1,
    )
    text = text.replace('<unit id="al-qaem:p2:s1">', '<unit id="other:p9:s9">')
    xlf.write_text(text, encoding="utf-8")
    r = run("import", str(xlf), "--project", proj)
    assert "1 skipped (source changed since export)" in r.out
    # a relabelled unit is matched by its source text (issue 13), not applied as unknown
    assert "matched: 1 unit whose ids the project does not have (1 by source text)" in r.out
    st = json.loads(run("project", "status", proj, "--lang", "ar", "--json").out)
    assert st["languages"]["ar"]["new"] == 69  # nothing applied


def test_context_match_from_the_command_line(run):
    run("tm", "add-texts", EN, AR)
    seg = "Al Qaem is the head of the snake that is the Islamic State."
    prev = (
        "The only way anyone gets information about the relatively isolated border town is "
        "via propaganda material coming from the IS group itself, in which one can see the "
        "city’s streets, its inhabitants and information on the individuals that the IS "
        "group has punished or killed."
    )
    nxt = "Cutting off this head would end the extremist group."
    args = ["tm", "lookup", seg, "--src", "en", "--tgt", "ar", "--json"]
    assert json.loads(run(*args).out)[0]["score"] == 100
    assert json.loads(run(*args, "--prev", "x", "--next", nxt).out)[0]["score"] == 100
    best = json.loads(run(*args, "--prev", prev, "--next", nxt).out)[0]
    assert (best["score"], best["kind"]) == (101, "context")


def test_align_cli_vecalign_tsv_and_errors(run, tmp_path):
    src = tmp_path / "en.txt"
    tgt = tmp_path / "ar.txt"
    src.write_text(
        "Troops moved 150 kilometres.\nThey moved 400 kilometres.\nIt was 2014.\n", encoding="utf-8"
    )
    tgt.write_text("تحرك الجنود ٤٠٠ كيلومتر.\nكان ذلك عام ٢٠١٤.\n", encoding="utf-8")
    r = run("align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "ar")
    assert [line.rsplit(":", 1)[0] for line in r.out.splitlines()] == [
        "[0]:[]",
        "[1]:[0]",
        "[2]:[1]",
    ]
    r = run("align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "ar", "--format", "tsv")
    assert r.out.splitlines()[1].startswith(
        "They moved 400 kilometres.\tتحرك الجنود ٤٠٠ كيلومتر.\t"
    )
    r = run("align", str(src), str(tmp_path / "none.txt"), "--src-lang", "en", "--tgt-lang", "ar")
    assert r.code == 1 and "no such file" in r.err and "Traceback" not in r.err
    r = run("align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "xx")
    assert r.code == 1 and "unknown language code 'xx'" in r.err


def test_align_segment_documents_and_import_aligned(run):
    r = run("align", EN, AR, "--src-lang", "en", "--tgt-lang", "ar", "--segment")
    assert len(r.out.splitlines()) == 69
    r = run("tm", "import-aligned", EN, AR, "--src-lang", "en", "--tgt-lang", "ar", "--segment")
    assert "69 aligned pairs: 69 added" in r.out
    r = run(
        "tm",
        "lookup",
        "Two tribes share power in the al-Qaim area, the Albu Mahal and the al-Karbouli tribes.",
        "--src",
        "en",
        "--tgt",
        "ar",
        "--json",
    )
    assert json.loads(r.out)[0]["score"] == 99


def test_reuse_cli_json(run):
    r = run("reuse", str(TEXTS / "al-qaim-stronghold.en.md"), EN, "--json")
    data = json.loads(r.out)
    assert (data["reused"], data["total"]) == (10, 17)
    s = {x["derived_id"]: x for x in data["sentences"]}["al-qaim-stronghold:p3:s1"]
    assert s["original_ids"] == ["al-qaem:p12:s1"] and s["edits"] == [
        {"type": "respelling", "original": "Al Qaem", "derived": "al-Qaim", "entry": "al-qaem"}
    ]
    assert {"derived_para": 3, "original_paras": [12, 13]} in data["paragraphs"]


def test_score_cli(run, tmp_path):
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("يسيطر داعش على القائم منذ ٢٠١٤.\nهذه جملة ثانية.\n", encoding="utf-8")
    ref.write_text("يسيطر داعش على منطقة القائم منذ آب ٢٠١٤.\nهذه جملة ثانية.\n", encoding="utf-8")
    data = json.loads(run("score", str(hyp), str(ref), "--lang", "ar", "--json").out)
    from sacrebleu.metrics import BLEU, CHRF

    hyps = hyp.read_text(encoding="utf-8").splitlines()
    refs = ref.read_text(encoding="utf-8").splitlines()
    assert data["corpus"]["BLEU"]["score"] == round(
        BLEU(tokenize="intl").corpus_score(hyps, [refs]).score, 2
    )
    assert "tok:intl" in data["corpus"]["BLEU"]["signature"]
    assert data["corpus"]["chrF++"]["score"] == round(
        CHRF(word_order=2).corpus_score(hyps, [refs]).score, 2
    )
    assert data["segments"][1] == {"index": 1, "BLEU": 100.0, "chrF++": 100.0, "TER": 0.0}
    assert 0 < data["segments"][0]["BLEU"] < 100
    r = run("score", str(hyp), str(TEXTS / "al-qaem.ar.md"), "--lang", "ar")
    assert r.code == 1 and "must pair up" in r.err


def test_score_documents_by_segment(run):
    r = run("score", AR, AR, "--lang", "ar", "--segment", "--json")
    data = json.loads(r.out)
    assert data["corpus"]["BLEU"]["score"] == 100.0 and len(data["segments"]) == 69


def test_translate_with_the_memory_engine_needs_no_model(run, tmp_path):
    run("tm", "add-texts", EN, AR)
    second = str(TEXTS / "al-qaim-stronghold.en.md")
    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    r = run("translate", second, "--to", "ar", "--engine", "memory", "--project", proj)
    assert r.code == 0, r.err
    assert "17 segments, 9 translated now" in r.out, r.out
    from workbench.store.project import Project

    with Project.open(proj) as p:
        rows = {x.key: x for x in p.rows("ar")}
    reused = rows[
        "al-qaim-stronghold:p3:s3"
    ]  # "ISIS ... al-Qaim" leveraged from "The IS group ... Al Qaem"
    assert (reused.status, reused.origin, reused.match) == ("draft", "memory", 99.0)
    assert "داعش" in reused.target and "القائم" in reused.target
    assert rows["al-qaim-stronghold:p1:s1"].status == "new"  # a new headline: nothing to leverage
    out = tmp_path / "out"
    run("translate", second, "--to", "ar", "--engine", "memory", "--out", str(out))
    text = (out / "al-qaim-stronghold.ar.md").read_text(encoding="utf-8")
    assert (
        "# Al-Qaim: One of ISIS' final strongholds in western Anbar" in text
    )  # untranslated: source kept
    assert "translator: 'memory: tm.sqlite'" in text or "translator: memory: tm.sqlite" in text


def test_qa_cli_on_a_project(run, tmp_path):
    from workbench.store.project import Project

    proj = tmp_path / "proj"
    run("project", "init", str(proj))
    run("project", "add", str(proj), EN)
    with Project.open(proj) as p:
        rows = {r.key: r for r in p.rows("ar")}
        p.set_translation(
            rows["al-qaem:p5:s1"].segment_id,
            "ar",
            "والآن يبدو أنه ينسحب إلى معقل سابق في الأنبار على بعد ٢٥ كيلومتراً.",
            "translated",
        )
        p.set_translation(
            rows["al-qaem:p9:s1"].segment_id, "ar", "القائم هي رأس أفعى داعش.", "translated"
        )
    r = run("qa", str(proj), "--lang", "ar", "--json")
    assert r.code == 3
    data = json.loads(r.out)
    by = {s["id"]: {(w["code"], w["detail"]) for w in s["warnings"]} for s in data["segments"]}
    assert by["al-qaem:p5:s1"] == {
        ("number", "20"),
        ("name-missing", "القائم"),
        ("name-missing", "العراق"),
        ("name-missing", "سوريا"),
    }
    assert "al-qaem:p9:s1" not in by  # a clean segment
    assert run("qa", str(proj), "--lang", "ckb").out.strip() == "no warnings"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/story.en.md"], "no such document or project folder"),
        (["--to", "xx"], "unknown language code 'xx'"),
    ],
)
def test_open_refuses_bad_input_in_one_line_and_makes_no_project(tmp_path, args, message):
    doc = tmp_path / "al-qaem.en.md"
    shutil.copy(TEXTS / "al-qaem.en.md", doc)
    argv = args if args[0].startswith("/") else [str(doc), *args]
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "open", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKBENCH_HOME": str(tmp_path / "home")},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert r.returncode == 1 and message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "al-qaem.workbench").exists()


def test_project_scores_against_references_and_post_editing_effort(run, tmp_path):
    from workbench.core.segment import segment_document
    from workbench.formats.article import read_document
    from workbench.store.project import Project, Provenance

    proj = str(tmp_path / "proj")
    run("project", "init", proj)
    run("project", "add", proj, EN)
    run("project", "add-reference", proj, AR)
    assert (
        "al-qaem [ar]: 0/69 passages translated"
        in run("project", "scores", proj, "--lang", "ar").out
    )
    ref = [s.text for s in segment_document(read_document(AR))]
    with Project.open(proj) as p:
        rows = p.rows("ar")
        p.set_translation(rows[0].segment_id, "ar", ref[0], "translated")  # as the reference
        machine = Provenance("machine", "hf", "m", "c")
        p.set_translation(rows[1].segment_id, "ar", "نص آلي", "draft", machine)
        p.set_translation(rows[1].segment_id, "ar", "نص آلي جديد", "translated")
    out = run("project", "scores", proj, "--lang", "ar").out
    assert "al-qaem [ar]: BLEU" in out and "over 2/69 passages" in out
    assert "HTER 33.3 over 1 post-edited" in out
    (d,) = json.loads(run("project", "scores", proj, "--lang", "ar", "--json").out)
    assert (d["passages"], d["scored"], d["post_edited"], d["hter"]) == (69, 2, 1, 33.3)
    assert 0 < d["bleu"] < 100 and 0 < d["chrf"] < 100


def test_after_the_app_the_terminal_says_where_the_work_is(tmp_path):
    from workbench.formats.article import read_document
    from workbench.store.project import Project, Provenance
    from workbench.tui.command import saved_summary

    folder = tmp_path / "p"
    with Project.init(folder) as p:
        p.add_document(read_document(EN))
        rows = p.rows("ar")
        p.set_translation(rows[0].segment_id, "ar", "أ", "translated", Provenance("human"))
        p.set_translation(rows[1].segment_id, "ar", "ب", "draft", Provenance("human"))
    line = saved_summary(folder, ["ar", "ckb"])
    assert line == f"saved in {folder}: ar 1/69 confirmed, 1 draft; ckb 0/69 confirmed, 0 drafts"

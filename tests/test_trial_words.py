"""Words the translator reads, from the trial (trial 1, items 14, 16, 17, 18 and 19).

The main help says what the README says; counts agree with their nouns ("1 draft",
"2 drafts"); one error line reads as a sentence; band counts are in one order; the
published article carries only publication metadata; QA flags an Arabic spelling of a
name in the Sorani column.
"""

from __future__ import annotations

from tests.conftest import TEXTS
from tests.helpers.app_env import run_app, until
from workbench.core.plural import counted, noun, plural_of, verb
from workbench.store.project import Project


def test_main_help_states_the_main_job_without_a_literal_backspace_mark(run):
    r = run("--help")
    assert r.code == 0
    assert "\\b" not in r.out and "\b" not in r.out
    lines = [line.strip() for line in r.out.splitlines()]
    job = next(i for i, line in enumerate(lines) if line.startswith("The main job"))
    assert "translate in the terminal" in lines[job]
    assert lines[job + 1] == "workbench open texts/al-qaem.en.md --to ar,ckb"
    other = lines.index("workbench glossary check texts/*.md")
    assert other > job + 1 and "names" in lines[other - 1]
    assert "Main job for now" not in r.out


# --- item 16: counts agree with their nouns; the export error reads as a sentence ----------


def test_counted_takes_the_noun_in_the_number_it_needs():
    assert counted(1, "draft") == "1 draft" and counted(2, "draft") == "2 drafts"
    assert counted(0, "document") == "0 documents" and counted(1, "document") == "1 document"
    assert counted(3, "match") == "3 matches" and counted(2, "entry") == "2 entries"
    assert counted(1204, "segment") == "1,204 segments"
    assert counted(1204, "segment", thousands=False) == "1204 segments"
    assert counted(2, "confirmed target") == "2 confirmed targets"
    assert counted(2, "glossary entry", "glossary entries") == "2 glossary entries"
    assert plural_of("key") == "keys" and plural_of("person") == "people"
    assert noun(1, "unit") == "unit" and verb(1, "holds", "hold") == "holds"
    assert verb(2, "holds", "hold") == "hold"


def confirm(folder, keys, lang="ar", draft=()):
    """Confirm the segments ``keys`` (drafts for ``draft``) with a placeholder text."""
    with Project.open(folder) as p:
        for r in p.rows(lang):
            if r.key in keys:
                p.save_edit(r.segment_id, lang, f"ع {r.key}", "translated")
            elif r.key in draft:
                p.save_edit(r.segment_id, lang, f"مسودة {r.key}", "draft")


def test_export_error_names_the_first_segment_in_a_sentence(project, tmp_path, run):
    with Project.open(project) as p:
        keys = [r.key for r in p.rows("ar")]
    confirm(project, keys[:4])  # p1..p4 confirmed, the rest (65 segments) not
    out = tmp_path / "out"
    r = run("export", str(project), "--format", "article", "--lang", "ar", "--out", str(out))
    assert r.code == 1 and r.out == ""
    first, rest = keys[4], len(keys) - 5
    assert r.err == (
        f"workbench: error: {first} has no confirmed ar translation (and {rest} more segments"
        " in al-qaem); confirm them, or export with --allow-drafts (drafts used) or"
        " --allow-missing (source kept)\n"
    )
    assert not out.exists() or not any(out.iterdir())


def test_export_error_for_one_draft_says_it_is_a_draft(project, tmp_path, run):
    with Project.open(project) as p:
        keys = [r.key for r in p.rows("ar")]
    confirm(project, keys[:-1], draft=keys[-1:])
    r = run("export", str(project), "--format", "article", "--lang", "ar", "--out", str(tmp_path))
    assert r.code == 1
    assert f"{keys[-1]} has only a draft, no confirmed ar translation; confirm it," in r.err
    assert "more" not in r.err


def test_one_draft_is_one_draft_on_quit_line_and_export(project, tmp_path, run):
    from workbench.tui.command import saved_summary

    with Project.open(project) as p:
        keys = [r.key for r in p.rows("ar")]
    confirm(project, keys[:-1], draft=keys[-1:])
    assert saved_summary(project, ["ar"]).endswith("ar 68/69 confirmed, 1 draft")
    r = run(
        "export",
        str(project),
        "--format",
        "article",
        "--lang",
        "ar",
        "--out",
        str(tmp_path / "out"),
        "--allow-drafts",
    )
    assert r.code == 0, r.err
    assert "(69 segments: 68 confirmed, 1 draft)" in r.out
    r = run(
        "export", str(project), "--format", "tmx", "--lang", "ckb", "--out", str(tmp_path / "x.tmx")
    )
    assert r.code == 1 and "(1 draft" not in r.err  # no ckb drafts: no count at all


def test_tmx_export_hint_counts_one_draft(project, tmp_path, run):
    with Project.open(project) as p:
        first = p.rows("ar")[0]
        p.save_edit(first.segment_id, "ar", "مسودة", "draft")
    r = run(
        "export", str(project), "--format", "tmx", "--lang", "ar", "--out", str(tmp_path / "x.tmx")
    )
    assert r.code == 1 and "(1 draft: --include-drafts exports them)" in r.err


# --- item 16 and 17 in the app's analysis: "1 document", segments / words ------------------


def test_analysis_screen_says_1_document_and_segments_before_words(project, finder, run):
    from workbench.tui.widgets.analysis_screen import AnalysisScreen

    async def script(app, pilot):
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, AnalysisScreen), "the screen")
        screen = app.screen
        await until(pilot, lambda: screen.result is not None, "the analysis")
        await pilot.pause()
        status = str(screen.query_one("#analysis-status").render())
        table = screen.query_one("#analysis-table").content  # the rich Table drawn
        return status, table

    status, table = run_app(project, finder, script)
    assert status.startswith("1 document, against") and "documents" not in status
    assert "segments / words" in str(table.title)
    cells = [list(col.cells) for col in table.columns]
    assert cells[1][-1] == "69 / 1,439"  # ar total: segments / words
    # the CLI: the same order, the same words
    r = run("project", "analyze", str(project), "--lang", "ar")
    assert r.code == 0, r.err
    assert r.out.splitlines()[0] == "segments / words per band"
    total = next(line for line in r.out.splitlines() if line.startswith("(total)"))
    assert total.split()[-3:] == ["69", "/", "1,439"]


# --- item 18: the published article carries the source's publication metadata only -------

SOURCE_META = {  # al-qaem.en.md's front matter
    "author": "Mustafa Habib",
    "date": "2016-07-28",
    "place": "Baghdad",
    "source": "NIQASH (www.niqash.org), published by Media in Cooperation and Transition "
    "(MICT), Berlin",
}


def test_exported_article_keeps_publication_metadata_and_drops_seed(project, tmp_path, run):
    from workbench.formats.article import split_front_matter

    with Project.open(project) as p:
        keys = [r.key for r in p.rows("ar")]
    confirm(project, keys)
    out = tmp_path / "out"
    r = run("export", str(project), "--format", "article", "--lang", "ar", "--out", str(out))
    assert r.code == 0, r.err
    text = (out / "al-qaem.ar.md").read_text(encoding="utf-8")
    meta, _ = split_front_matter(text)
    assert "seed" not in meta and "shared/seeds" not in text
    assert {k: meta[k] for k in SOURCE_META} == SOURCE_META
    assert list(meta) == [
        *SOURCE_META,
        "id",
        "story",
        "lang",
        "translation-of",
        "title",
    ]
    assert meta["title"] == "ع al-qaem:p1:s1"  # the translated title, not the source's


def test_translate_out_drops_seed_too(home, tmp_path, run):
    from workbench.formats.article import split_front_matter

    out = tmp_path / "mt"
    source = tmp_path / "al-qaem.en.md"
    text = (TEXTS / "al-qaem.en.md").read_text(encoding="utf-8")
    source.write_text(text.replace("seed:", "names: a note\ninternal-key: x\nseed:"), "utf-8")
    r = run("translate", str(source), "--to", "ar", "--engine", "memory", "--out", str(out))
    assert r.code == 0, r.err
    meta, _ = split_front_matter((out / "al-qaem.ar.md").read_text(encoding="utf-8"))
    assert not {"seed", "names", "internal-key"} & set(meta)
    assert {k: meta[k] for k in SOURCE_META} == SOURCE_META


def test_publication_keys_are_the_documented_ones():
    from workbench.formats.article_writer import PUBLICATION_KEYS, publication_meta

    assert publication_meta({"seed": "x", "author": "A", "title": "T", "id": "i"}) == {
        "author": "A"
    }
    assert set(PUBLICATION_KEYS) >= {"author", "date", "place", "source"}


# --- item 19: a name in the other Arabic-script language's form ----------------------------

P9S1 = "Al Qaem is the head of the snake that is the Islamic State."


def codes(warnings):
    return [w.code for w in warnings]


def test_arabic_form_of_a_name_in_sorani_is_flagged_with_the_sorani_form(finder):
    from workbench.core.qa import check_segment

    got = check_segment(P9S1, "القائم هي رأس الأفعى التي هي داعش.", "en", "ckb", finder)
    (other,) = [w for w in got if w.code == "name-other-form"]
    assert other.message == "القائم: the Arabic form of Al Qaem in Sorani; the house writes قائیم"
    assert other.detail == "قائیم"
    assert "script" in codes(got)  # the letters ى/ي are still said too
    assert "name-missing" not in codes(got)
    # with a Sorani suffix, as a Sorani sentence would have it
    got = check_segment(P9S1, "لە القائمدا داعش هەیە.", "en", "ckb", finder)
    assert "name-other-form" in codes(got)


def test_sorani_form_of_a_name_in_arabic_is_flagged_with_the_arabic_form(finder):
    from workbench.core.qa import check_segment

    got = check_segment(P9S1, "قائیم هي رأس الأفعى التي هي داعش.", "en", "ar", finder)
    (other,) = [w for w in got if w.code == "name-other-form"]
    assert other.message == "قائیم: the Sorani form of Al Qaem in Arabic; the house writes القائم"
    assert "name-missing" not in codes(got)


def test_no_alarm_where_arabic_and_sorani_write_the_name_alike(finder):
    from workbench.core.qa import check_segment

    # داعش is the house form in both languages
    assert check_segment(P9S1, "قائیم سەری مارەکەیە کە داعشە.", "en", "ckb", finder) == []
    assert check_segment(P9S1, "القائم هي رأس الأفعى التي هي داعش.", "en", "ar", finder) == []


def test_qa_command_reports_the_arabic_form_in_the_sorani_column(project, run):
    with Project.open(project) as p:
        row = next(r for r in p.rows("ckb") if r.key == "al-qaem:p9:s1")
        p.save_edit(row.segment_id, "ckb", "القائم هي رأس الأفعى التي هي داعش.", "translated")
    r = run("qa", str(project), "--lang", "ckb")
    assert "the Arabic form of Al Qaem in Sorani; the house writes قائیم" in r.out, r.out + r.err


def test_project_add_of_one_sentence_says_1_new_segment(home, tmp_path, run):
    doc = tmp_path / "brief.en.md"
    doc.write_text("---\nid: brief.en\nstory: brief\nlang: en\n---\n\nOne line.\n", "utf-8")
    assert run("project", "init", str(tmp_path / "p")).code == 0
    r = run("project", "add", str(tmp_path / "p"), str(doc))
    assert r.code == 0, r.err
    assert "brief: 1 new segment\n" in r.out

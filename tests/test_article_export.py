"""The finished article (issue 11, item 7): ``export --format article``.

Each document in its own format: front matter (title, author, date, lang, translation-of,
translator who confirmed it, model where MT drafts were kept), headings, captions and
paragraphs as the source had them; a segment not confirmed stops it in one line unless
--allow-drafts or --allow-missing; the same writer as translate --out.
"""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import TEXTS
from tests.helpers.app_env import seed_project, use_home
from workbench.formats.article import read_document, split_front_matter
from workbench.services.learning import Learner
from workbench.store.project import Project, Provenance

SOURCE = TEXTS / "al-qaem.en.md"
MT = Provenance("machine", "ct2", "opus-mt-en-ar", "c0")


@pytest.fixture
def home(tmp_path, monkeypatch):
    return use_home(tmp_path, monkeypatch)


@pytest.fixture
def project(tmp_path, home):
    return seed_project(tmp_path / "proj", [SOURCE])


def translate_all(folder, skip=(), draft=(), mt_kept=(), who="Layla Hassan"):
    """Confirm every segment as "ع<n>" (a translator's), as the app does, but those listed."""
    with Project.open(folder) as p:
        learner = Learner(p, [], who)
        for n, r in enumerate(p.rows("ar")):
            if r.key in skip:
                continue
            text = f"ع{n}"
            if r.key in draft:
                p.set_translation(r.segment_id, "ar", text, "draft", MT)
                continue
            if r.key in mt_kept:  # a machine draft confirmed as it was
                p.set_translation(r.segment_id, "ar", text, "draft", MT)
                p.save_edit(r.segment_id, "ar", text, "translated")
            else:
                p.save_edit(r.segment_id, "ar", text, "translated")
            learner.sync(r.segment_id, "ar", confirmed_now=True)
        return {r.key: r for r in p.rows("ar")}


def test_every_confirmed_segment_in_the_sources_shape_with_its_front_matter(project, tmp_path, run):
    rows = translate_all(project, mt_kept=("al-qaem:p3:s1",))
    out = tmp_path / "out"
    r = run("export", str(project), "--format", "article", "--lang", "ar", "--out", str(out))
    assert r.code == 0, r.err
    written = out / "al-qaem.ar.md"
    assert str(written) in r.out and "69 segments: 69 confirmed" in r.out
    meta, body = split_front_matter(written.read_text(encoding="utf-8"))
    assert meta["lang"] == "ar" and meta["translation-of"] == "al-qaem.en"
    assert meta["author"] == "Mustafa Habib" and meta["date"] == "2016-07-28"
    assert meta["translator"] == "Layla Hassan"
    assert meta["model"] == "opus-mt-en-ar"
    assert "drafts" not in meta and "untranslated" not in meta
    title = rows["al-qaem:p1:s1"].target
    assert meta["title"] == title
    # paragraphs, headings and captions as the source had them, with the targets
    src, got = read_document(SOURCE), read_document(written)
    assert [(p.number, p.kind) for p in got.paragraphs] == [
        (p.number, p.kind) for p in src.paragraphs
    ]
    by_para: dict[int, list[str]] = {}
    for r in rows.values():
        by_para.setdefault(r.para, []).append(r.target)
    assert [p.text for p in got.paragraphs] == [" ".join(by_para[p.number]) for p in src.paragraphs]
    assert body.lstrip().startswith("# " + title)
    assert "\n> " in body  # the captions


def test_a_segment_not_confirmed_stops_the_export_naming_it(project, tmp_path, run):
    translate_all(project, skip=("al-qaem:p6:s2",), draft=("al-qaem:p7:s1",))
    out = tmp_path / "out"
    r = run("export", str(project), "--format", "article", "--lang", "ar", "--out", str(out))
    assert r.code == 1 and r.out == ""
    assert r.err.startswith("workbench: error: al-qaem:p6:s2 has no confirmed ar translation")
    assert "(and 1 more segment in al-qaem); confirm them" in r.err
    assert "--allow-drafts" in r.err and "--allow-missing" in r.err and r.err.count("\n") == 1
    assert not (out / "al-qaem.ar.md").exists()
    # drafts allowed, the missing one still stops it
    r = run(
        "export",
        str(project),
        "--format",
        "article",
        "--lang",
        "ar",
        "--out",
        str(out),
        "--allow-drafts",
    )
    assert r.code == 1 and "al-qaem:p6:s2" in r.err


def test_allow_drafts_and_allow_missing_are_marked_in_the_front_matter(project, tmp_path, run):
    rows = translate_all(project, skip=("al-qaem:p6:s2",), draft=("al-qaem:p7:s1",))
    out = tmp_path / "out"
    r = run(
        "export",
        str(project),
        "--format",
        "article",
        "--lang",
        "ar",
        "--out",
        str(out),
        "--allow-drafts",
        "--allow-missing",
    )
    assert r.code == 0, r.err
    assert "1 draft," in r.out and "1 kept in the source" in r.out and "al-qaem:p6:s2" in r.out
    text = (out / "al-qaem.ar.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["drafts"] == ["al-qaem:p7:s1"] and meta["untranslated"] == ["al-qaem:p6:s2"]
    assert rows["al-qaem:p6:s2"].source in text and rows["al-qaem:p7:s1"].target in text


def test_an_existing_file_a_person_wrote_needs_force(project, tmp_path, run):
    translate_all(project)
    out = tmp_path / "out"
    out.mkdir()
    (out / "al-qaem.ar.md").write_text("the published translation\n", encoding="utf-8")
    args = ("export", str(project), "--format", "article", "--lang", "ar", "--out", str(out))
    r = run(*args)
    assert r.code == 1 and "--force" in r.err
    assert (out / "al-qaem.ar.md").read_text(encoding="utf-8") == "the published translation\n"
    assert run(*args, "--force").code == 0
    assert read_document(out / "al-qaem.ar.md").lang == "ar"
    assert [p.name for p in out.iterdir()] == ["al-qaem.ar.md"]  # no temporary file left


def test_article_needs_an_out_folder(project, run):
    r = run("export", str(project), "--format", "article", "--lang", "ar")
    assert r.code == 1 and "--out" in r.err


def test_translate_out_writes_through_the_same_writer(project, tmp_path, run, monkeypatch):
    import workbench.formats.article_writer as writer

    calls = []
    real = writer.render_article
    monkeypatch.setattr(writer, "render_article", lambda m, p: calls.append(m) or real(m, p))
    out = tmp_path / "mt"
    r = run("translate", str(SOURCE), "--to", "ar", "--engine", "memory", "--out", str(out))
    assert r.code == 0, r.err
    assert calls and calls[0]["translator"].startswith("memory:")
    src, got = read_document(SOURCE), read_document(out / "al-qaem.ar.md")
    assert [p.kind for p in got.paragraphs] == [p.kind for p in src.paragraphs]

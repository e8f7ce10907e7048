"""``workbench project analyze`` (issue 11, item 6): CAT-tool bands from the TM and repetitions."""

from __future__ import annotations

import json

import pytest

from tests.conftest import TEXTS
from tests.helpers.app_env import seed_project, use_home
from workbench.services.analysis import band_of
from workbench.store.project import Project


@pytest.fixture
def home(tmp_path, monkeypatch):
    return use_home(tmp_path, monkeypatch)


@pytest.fixture
def project(tmp_path, home):
    return seed_project(tmp_path / "proj", ["al-qaem.en.md", "al-qaim-stronghold.en.md"])


def test_bands_from_the_tm_and_the_projects_repetitions(project, run):
    en, ar = TEXTS / "al-qaem.en.md", TEXTS / "al-qaem.ar.md"
    assert run("tm", "add-texts", str(en), str(ar)).code == 0
    r = run("project", "analyze", str(project), "--json")
    assert r.code == 0, r.err
    got = json.loads(r.out)
    by = {(d["document"], d["lang"]): d for d in got["documents"]}
    with Project.open(project) as p:
        rows = p.rows("ar")
    words = {doc: sum(len(x.source.split()) for x in rows if x.doc == doc) for doc in by_doc(rows)}
    first = by[("al-qaem", "ar")]
    # the TM holds the first article with its context: each segment a 101, or a 99 where
    # the published Arabic spells a name unlike the glossary (leveraged, never a 100)
    bands = first["bands"]
    assert bands["101"]["segments"] + bands["95-99"]["segments"] == first["segments"] == 69
    assert bands["101"]["segments"] > 50
    assert first["words"] == words["al-qaem"]
    # the second article repeats 9 of its sentences (names respelled): repetitions
    second = by[("al-qaim-stronghold", "ar")]
    assert second["bands"]["repetition"]["segments"] == 9
    assert second["words"] == words["al-qaim-stronghold"]
    # no Kurdish in the TM: all new but the repetitions
    ckb = by[("al-qaem", "ckb")]
    assert ckb["bands"]["new"]["segments"] == 69
    totals = got["totals"]["ar"]
    assert totals["segments"] == 86 and totals["words"] == sum(words.values())
    assert got["bands"] == ["repetition", "101", "100", "95-99", "85-94", "75-84", "50-74", "new"]
    text = run("project", "analyze", str(project), "--lang", "ar")
    assert text.code == 0 and "(total)" in text.out and "repetition" in text.out


def by_doc(rows):
    return list(dict.fromkeys(r.doc for r in rows))


@pytest.mark.parametrize(
    "score,band",
    [
        (None, "new"),
        (49.9, "new"),
        (50, "50-74"),
        (74.9, "50-74"),
        (75, "75-84"),
        (85, "85-94"),
        (95, "95-99"),
        (99, "95-99"),
        (100, "100"),
        (101, "101"),
    ],
)
def test_band_edges(score, band):
    assert band_of(score) == band


def test_an_unknown_project_is_one_line(tmp_path, run):
    r = run("project", "analyze", str(tmp_path / "none"))
    assert r.code == 1 and r.err.startswith("workbench: error: ") and r.err.count("\n") == 1

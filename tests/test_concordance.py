"""``workbench tm concordance TEXT [--json]`` (issue 11, item 3): a phrase in the TM, both sides."""

from __future__ import annotations

import json

import pytest

from tests.conftest import GLOSSARY, TEXTS


@pytest.fixture
def tm(tmp_path, monkeypatch, run):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    for lang in ("ar", "ckb"):
        r = run("tm", "add-texts", str(TEXTS / "al-qaem.en.md"), str(TEXTS / f"al-qaem.{lang}.md"))
        assert r.code == 0, r.err
    return tmp_path / "home" / "tm.sqlite"


def test_a_source_phrase_lists_each_unit_with_both_sides(tm, run):
    r = run("tm", "concordance", "albu mahal", "--src", "en", "--tgt", "ar", "--json")
    assert r.code == 0, r.err
    hits = json.loads(r.out)
    assert hits and all("albu mahal" in h["source"].lower() for h in hits)
    assert all(
        h["tgt_lang"] == "ar" and h["target"] and h["side"] in ("source", "both") for h in hits
    )
    both = run("tm", "concordance", "Albu Mahal", "--json")
    assert {h["tgt_lang"] for h in json.loads(both.out)} == {"ar", "ckb"}


def test_a_target_phrase_is_found_without_its_diacritics(tm, run):
    r = run("tm", "concordance", "القائم", "--json")
    plain = json.loads(r.out)
    assert plain and all(h["side"] in ("target", "both") for h in plain)
    r = run("tm", "concordance", "القَائِم", "--json")  # typed with harakat
    assert [h["source"] for h in json.loads(r.out)] == [h["source"] for h in plain]
    text = run("tm", "concordance", "القائم", "--limit", "1")
    assert text.code == 0 and text.out.count("\n") == 3


def test_nothing_found_and_bad_input(tm, run):
    assert run("tm", "concordance", "zebra crossing").out.startswith("no unit contains")
    r = run("tm", "concordance", "   ")
    assert r.code == 1 and r.err.startswith("workbench: error: ")
    assert run("tm", "concordance", "x", "--src", "en").code == 2

"""The translation memory: exact, context, fuzzy and variant-aware matches; dedupe; leverage."""

import pytest

from tests.conftest import TEXTS
from workbench.core.errors import InputError
from workbench.core.tm_match import similarity
from workbench.core.units import Unit
from workbench.store.tm import TranslationMemory

SRC = "The Islamic State group has been in control of the Al Qaem area since August 2014."
AR = "يسيطر تنظيم الدولة الإسلامية على منطقة القائم منذ آب (أغسطس) ٢٠١٤."


@pytest.fixture
def tm(tmp_path, glossary):
    memory = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    memory.add(
        [
            Unit(SRC, AR, "en", "ar", "Before.", "After.", "seed"),
            Unit(
                "The Islamic State group has been in control of the Mosul area since August 2014.",
                "يسيطر داعش على منطقة الموصل منذ آب (أغسطس) ٢٠١٤.",
                "en",
                "ar",
            ),
            Unit("Completely different words about the weather today.", "الطقس اليوم.", "en", "ar"),
        ]
    )
    yield memory
    memory.close()


def test_variant_aware_match_beats_plain_fuzzy_and_carries_the_glossary_form(tm):
    query = "ISIS has been in control of the al-Qaim area since August 2014."
    best = tm.lookup(query, "en", "ar")[0]
    assert best.source == SRC
    assert best.plain < 80 and best.score >= 90  # names compared through the glossary
    assert best.target == "يسيطر داعش على منطقة القائم منذ آب (أغسطس) ٢٠١٤."
    assert best.substitutions == [("تنظيم الدولة الإسلامية", "داعش")]


def test_another_name_in_the_same_sentence_is_substituted_in_the_translation(tm):
    query = "The Islamic State group has been in control of the Raqqa area since August 2014."
    found = {m.source: m for m in tm.lookup(query, "en", "ar")}
    mosul = found[
        "The Islamic State group has been in control of the Mosul area since August 2014."
    ]
    assert mosul.target == "يسيطر داعش على منطقة الرقة منذ آب (أغسطس) ٢٠١٤."


def test_exact_context_and_fuzzy_scores(tm):
    tm.add([Unit(SRC, AR.replace("تنظيم الدولة الإسلامية", "داعش"), "en", "ar", "B.", "A.")])
    assert tm.lookup(SRC, "en", "ar")[0].score == 100  # the glossary's forms: verbatim
    assert tm.lookup(SRC, "en", "ar", prev="B.", following="A.")[0].score == 101
    assert tm.lookup(SRC, "en", "ar", prev="Other.", following="A.")[0].score == 100
    # the seed unit's translation gets its names substituted: below 100 (item 7)
    leveraged = tm.lookup(SRC, "en", "ar", prev="Before.", following="After.", threshold=99)
    assert [(m.score, m.kind) for m in leveraged] == [(100, "exact"), (99, "leveraged")]
    fuzzy = tm.lookup(SRC.replace("2014", "2015"), "en", "ar")[0]
    assert fuzzy.kind == "fuzzy" and 95 <= fuzzy.score < 100


def test_fuzzy_formula_is_the_documented_one():
    assert similarity("abcd", "abcx") == 75.0
    assert similarity("same", "same") == 100.0


def test_threshold_and_language_pair(tm):
    assert (
        tm.lookup(
            "Completely different words about the weather tomorrow.", "en", "ar", threshold=95
        )
        == []
    )
    assert tm.lookup(SRC, "en", "ckb") == []
    with pytest.raises(InputError, match="unknown language"):
        tm.lookup(SRC, "en", "zz")
    with pytest.raises(InputError, match="empty"):
        tm.lookup("  ", "en", "ar")


def test_the_same_units_twice_are_stored_once(tm):
    before = tm.count()
    added, skipped = tm.add([Unit(SRC, AR, "en", "ar", "Before.", "After.", "seed")])
    assert (added, skipped, tm.count()) == (0, 1, before)


def test_without_a_glossary_names_are_plain_letters(tmp_path):
    with TranslationMemory(tmp_path / "plain.sqlite") as memory:
        memory.add([Unit(SRC, AR, "en", "ar")])
        found = memory.lookup(
            "ISIS has been in control of the al-Qaim area since August 2014.",
            "en",
            "ar",
            threshold=0,
        )
        assert found[0].score == found[0].plain < 80 and found[0].target == AR


def test_the_seed_articles_leverage(tm, glossary):
    """The second article's reused paragraphs match the first article's TM."""
    from workbench import services

    services.tm_add_texts(tm, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    query = (
        "ISIS has been able to exploit the differences between the two tribes in al-Qaim "
        "for their own purposes and eventually forced all of the local tribes to swear "
        "allegiance to the them."
    )
    best = tm.lookup(query, "en", "ar")[0]
    assert best.plain < best.score == 99
    assert "داعش" in best.target and "القائم" in best.target


def test_a_full_disk_during_import_keeps_the_units_already_stored(tm):
    from workbench.store.db import StoreError, integrity_ok

    before = tm.count()
    pages = tm.con.execute("PRAGMA page_count").fetchone()[0]
    tm.con.execute(f"PRAGMA max_page_count = {pages}")
    big = [
        Unit(f"Sentence number {i} " + "word " * 200, "ترجمة " * 100, "en", "ar")
        for i in range(200)
    ]
    with pytest.raises(StoreError, match="disk is full"):
        tm.add(big, batch=50)
    tm.con.execute("PRAGMA max_page_count = 1073741823")
    assert tm.count() == before  # the failed batch was rolled back whole
    assert integrity_ok(tm.con)
    assert tm.lookup(SRC, "en", "ar")[0].source == SRC  # still found (leveraged: 99)


def test_tm_in_an_unwritable_place_is_one_clear_error():
    from workbench.store.db import StoreError

    with pytest.raises(StoreError) as exc:
        TranslationMemory("/proc/workbench/tm.sqlite")
    assert "\n" not in str(exc.value)


def test_a_tm_indexed_with_another_glossary_is_stale_until_reindexed(tmp_path, glossary, run):
    from workbench.core.glossary import Glossary

    without = Glossary([e for e in glossary if e.id != "al-qaem"])
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path, without) as old:
        assert not old.stale  # an empty TM takes the glossary it is opened with
        old.add([Unit(SRC, AR, "en", "ar")])
    query = "The Islamic State group has been in control of the al-Qaim area since August 2014."
    with TranslationMemory(path, without) as same:
        assert not same.stale
    with TranslationMemory(path, glossary) as memory:
        assert memory.stale
        before = memory.lookup(query, "en", "ar")[0]
        assert memory.reindex() == 1 and not memory.stale
        after = memory.lookup(query, "en", "ar")[0]
    assert before.score < after.score and after.score >= 97  # Al Qaem = al-Qaim once known
    with TranslationMemory(path, glossary) as again:
        assert not again.stale  # the fingerprint was stored with the new index


def test_tm_reindex_command_and_the_stale_note(tmp_path, glossary, run, monkeypatch):
    from workbench.core.glossary import Glossary

    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path, Glossary([e for e in glossary if e.id != "mosul"])) as old:
        old.add([Unit(SRC, AR, "en", "ar")])
    looked = run("tm", "lookup", SRC, "--src", "en", "--tgt", "ar", "--tm", str(path))
    assert looked.code == 0 and "indexed with another glossary" in looked.err
    r = run("tm", "reindex", "--tm", str(path))
    assert r.code == 0 and "1 unit reindexed" in r.out
    looked = run("tm", "lookup", SRC, "--src", "en", "--tgt", "ar", "--tm", str(path))
    assert "another glossary" not in looked.err and "99% leveraged" in looked.out

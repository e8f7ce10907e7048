"""The translation memory, pinned down where mutation testing found the suite silent:
leverage and ranking, what an import, a learn, a forget and a reindex leave in the TM, and
the one line of a failed import (see BENCHMARKS.md, mutation scores of store/tm.py)."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.core.errors import InputError
from workbench.core.glossary import Glossary
from workbench.core.units import Unit
from workbench.store.db import StoreError
from workbench.store.tm import LEVERAGED, Match, TranslationMemory, _partial

QAEM = "The Islamic State group has been in control of the Al Qaem area since August 2014."
QAEM_AR = "يسيطر داعش على منطقة القائم منذ آب (أغسطس) ٢٠١٤."
MOSUL = "The Islamic State group has been in control of the Mosul area since August 2014."
MOSUL_AR = "يسيطر داعش على منطقة الموصل منذ آب (أغسطس) ٢٠١٤."


def u(source: str, target: str = "ترجمة", **kw) -> Unit:
    return Unit(source, target, kw.pop("src", "en"), kw.pop("tgt", "ar"), **kw)


@pytest.fixture
def plain(tmp_path):
    with TranslationMemory(tmp_path / "plain.sqlite") as memory:
        yield memory


@pytest.fixture
def named(tmp_path, glossary):
    with TranslationMemory(tmp_path / "named.sqlite", glossary) as memory:
        yield memory


def df(tm: TranslationMemory) -> dict[str, int]:
    return dict(tm.con.execute("SELECT term, df FROM terms WHERE df > 0"))


def found(tm: TranslationMemory, text: str, **kw) -> list[str]:
    return [m.source for m in tm.lookup(text, "en", "ar", threshold=0, **kw)]


# --- opening -----------------------------------------------------------------------------------


def test_a_tm_is_made_with_its_folder_and_relaxed_sync(tmp_path):
    path = tmp_path / "a" / "b" / "tm.sqlite"
    with TranslationMemory(path) as tm:
        assert path.is_file() and tm.path == path
        assert tm.con.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert tm.glossary is None and tm.finder is None and not tm.stale


def test_a_tm_whose_folder_cannot_be_made_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create") as exc:
        TranslationMemory(tmp_path / "file" / "sub" / "tm.sqlite")
    assert "\n" not in str(exc.value)


def test_read_only_opens_an_existing_tm_without_writing_and_creates_a_missing_one(
    tmp_path, glossary
):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as tm:
        tm.add([u(QAEM, QAEM_AR)])
    with TranslationMemory(path, glossary, readonly=True) as ro:
        assert ro.con.read_only and ro.stale  # indexed without this glossary
        assert found(ro, QAEM) == [QAEM]
        with pytest.raises(StoreError):
            ro.add([u("Another sentence here.")])
    with TranslationMemory(path) as tm:
        assert tm.count() == 1
        assert tm.con.execute("SELECT value FROM meta").fetchall() == []
    fresh = tmp_path / "new.sqlite"
    with TranslationMemory(fresh, glossary, readonly=True) as tm:  # missing: made as usual
        assert not tm.con.read_only and not tm.stale
        assert tm.con.execute("SELECT count(*) FROM meta").fetchone()[0] == 1


def test_an_empty_read_only_tm_takes_no_fingerprint(tmp_path, glossary):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    with TranslationMemory(path, glossary, readonly=True) as ro:
        assert not ro.stale
    with TranslationMemory(path) as tm:
        assert tm.con.execute("SELECT count(*) FROM meta").fetchone()[0] == 0


def test_an_empty_tm_takes_the_glossary_at_once_and_keeps_it(tmp_path, glossary):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path, glossary) as tm:
        assert not tm.stale
        assert tm.con.execute("SELECT key, value FROM meta").fetchall() == [
            ("glossary", glossary.fingerprint())
        ]
        tm.add([u(QAEM, QAEM_AR)])
    other = Glossary([e for e in glossary if e.id != "mosul"])
    with TranslationMemory(path, other) as tm:
        assert tm.stale
    with TranslationMemory(path, glossary) as tm:
        assert not tm.stale


def test_names_keep_their_numbers_across_openings(tmp_path, glossary):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path, glossary) as tm:
        tm.add([u(QAEM, QAEM_AR), u(MOSUL, MOSUL_AR)])
        codes = dict(tm.con.execute("SELECT entry_id, code FROM names"))
        assert len(codes) == len(set(codes.values())) >= 3
    with TranslationMemory(path, glossary) as tm:
        assert tm._codes == codes
        tm.add([u(QAEM.replace("2014", "2015"), QAEM_AR)])
        assert dict(tm.con.execute("SELECT entry_id, code FROM names")) == codes
        # a name the TM never stored is compared under a number of its own, writing nothing
        assert tm.lookup("Fighting near Raqqa went on.", "en", "ar") == []
        assert dict(tm.con.execute("SELECT entry_id, code FROM names")) == codes


# --- writing -------------------------------------------------------------------------------------


def test_add_counts_added_and_skipped_per_batch_with_progress(plain):
    steps: list[int] = []
    units = [u(f"Sentence number {n} is here.") for n in range(5)]
    units += [u("Sentence number 0 is here."), u("   "), u("Empty target.", " ")]
    assert plain.add(units, batch=3, progress=steps.append) == (5, 3)
    assert steps == [3, 3, 2]
    assert plain.count() == plain.count_estimate() == 5
    assert plain.add(iter(units[:2]), batch=1) == (0, 2)  # not a list: works too
    assert plain.add([]) == (0, 0)


def test_what_an_import_stores_language_tags_context_notes_and_props(plain):
    plain.add(
        [
            u(
                QAEM,
                QAEM_AR,
                src="EN",
                tgt="AR",
                prev="P.",
                next="N.",
                origin="seed",
                note="n1\nn2",
                props=(("x-client", "NIQASH"),),
            )
        ]
    )
    row = plain.con.execute(
        "SELECT src_lang, tgt_lang, source, target, prev, next, norm, origin, note, props, "
        "learned_from, created_at FROM units"
    ).fetchone()
    assert row[:11] == (
        "en",
        "ar",
        QAEM,
        QAEM_AR,
        "P.",
        "N.",
        QAEM.lower(),
        "seed",
        "n1\nn2",
        '[["x-client", "NIQASH"]]',
        None,
    )
    assert row[11].endswith("+00:00")
    assert list(plain.units()) == [
        Unit(QAEM, QAEM_AR, "en", "ar", "P.", "N.", "seed", "n1\nn2", (("x-client", "NIQASH"),))
    ]
    plain.add([u("No props here.")])
    assert plain.con.execute("SELECT props FROM units WHERE id = 2").fetchone()[0] == ""


def test_a_unit_again_with_a_note_or_props_gains_them_and_keeps_its_own(plain):
    plain.add([u("One.", note=""), u("Two.", note="kept")])
    assert plain.add([u("One.", note="new", props=(("k", "v"),)), u("Two.", note="other")]) == (
        0,
        2,
    )
    got = {x.source: (x.note, x.props) for x in plain.units()}
    assert got == {"One.": ("new", (("k", "v"),)), "Two.": ("kept", ())}


def test_the_word_index_counts_each_word_once_per_unit(plain):
    plain.add([u("Alpha beta beta."), u("Beta gamma.")])
    assert df(plain) == {"alpha": 1, "beta": 2, "gamma": 1}
    plain.add([u("Alpha beta beta.")])  # already there: counted once
    assert df(plain)["beta"] == 2
    plain.learn(u("Gamma delta."), "k1")
    assert df(plain) == {"alpha": 1, "beta": 2, "gamma": 2, "delta": 1}
    assert plain.forget("k1") == 1
    assert df(plain) == {"alpha": 1, "beta": 2, "gamma": 1}
    assert plain.forget("k1") == 0
    assert plain.con.execute("SELECT min(df) FROM terms").fetchone()[0] == 0  # never below


def test_learn_replaces_what_the_key_taught_and_keeps_an_identical_unit_once(plain):
    first = plain.learn(u("Learned once.", "أول", origin="proj"), "proj:k:ar")
    assert isinstance(first, int)
    assert plain.learned("proj:k:ar") == [u("Learned once.", "أول", origin="proj")]
    second = plain.learn(u("Learned once.", "ثان", note="fixed", props=(("a", "b"),)), "proj:k:ar")
    assert isinstance(second, int)
    assert [x.target for x in plain.units()] == ["ثان"]
    assert plain.learned("proj:k:ar")[0].props == (("a", "b"),)
    assert plain.learned("proj:k:ar")[0].note == "fixed"
    plain.add([u("Imported.", "مستورد")])
    assert plain.learn(u("Imported.", "مستورد"), "proj:j:ar") is None  # there already
    assert plain.count() == 2 and plain.learned("proj:j:ar") == []
    assert plain.learn(u("Learned once.", " "), "proj:k:ar") is None  # emptied: forgotten
    assert [x.source for x in plain.units()] == ["Imported."]


def test_a_forgotten_unit_is_not_found_by_its_old_words(plain):
    plain.add([u("Base unit stays.")])
    plain.learn(u("Zebra xylophone quartet."), "k")
    assert found(plain, "Zebra xylophone quartet.") == ["Zebra xylophone quartet."]
    plain.forget("k")
    plain.add([u("Completely other words.")])  # may take the forgotten unit's id
    assert found(plain, "Zebra xylophone quartet.") == []
    assert found(plain, "Completely other words.") == ["Completely other words."]


def test_a_learned_unit_is_found_with_its_context(plain):
    plain.learn(u(QAEM, QAEM_AR, prev="Before.", next="After."), "k")
    best = plain.lookup(QAEM, "en", "ar", prev="Before.", following="After.")[0]
    assert (best.score, best.kind, best.target) == (101, "context", QAEM_AR)


def test_a_failed_batch_after_committed_ones_says_how_many_were_kept(plain, tmp_path):
    plain.con.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON units WHEN new.source = 'Boom.' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    units = [u("First one."), u("First one."), u("Second one."), u("Third one."), u("Boom.")]
    with pytest.raises(StoreError) as exc:
        plain.add(units, batch=2)
    assert str(exc.value) == (
        f"{plain.path}: refused; before that, 3 units were added and committed (1 more were "
        "already there or empty); the other 1 were not written; run the same import again: "
        "units already in the TM are skipped"
    )
    assert plain.count() == 3
    with pytest.raises(StoreError) as exc:
        plain.add(iter([u("Fourth one."), u("Boom.")]), batch=1)
    assert "1 units were added and committed; the rest were not written" in str(exc.value)
    with pytest.raises(StoreError, match="refused") as exc:
        plain.add([u("Boom.")])  # nothing committed: the error as it is
    assert str(exc.value) == f"{plain.path}: refused"


def test_a_full_disk_message_says_what_was_kept_and_what_to_do(tmp_path):
    full = StoreError(f"{tmp_path}: the disk is full; this change was not written")
    assert _partial(full, tmp_path, 4000, 0, 4000, 10_000) == (
        f"{tmp_path}: the disk filled up: 4,000 units were added and committed before it did; "
        "the other 6,000 were not written; free some space and run the same import again: "
        "units already in the TM are skipped"
    )


# --- reindex and version --------------------------------------------------------------------------


def test_reindex_rebuilds_names_words_and_counts_in_steps(tmp_path, glossary):
    path = tmp_path / "tm.sqlite"
    without = Glossary([e for e in glossary if e.id not in {"al-qaem", "mosul"}])
    with TranslationMemory(path, without) as old:
        old.add([u(QAEM, QAEM_AR), u(MOSUL, MOSUL_AR), u("Plain words only.")])
        old_df = df(old)
    with TranslationMemory(path, glossary) as tm:
        with pytest.raises(InputError):
            TranslationMemory(tmp_path / "x.sqlite").reindex()
        steps: list[int] = []
        assert tm.reindex(progress=steps.append, step=2) == 3
        assert steps == [2, 1] and not tm.stale
        new_df = df(tm)
        assert "qaem" in old_df and "qaem" not in new_df and "mosul" not in new_df
        assert new_df["plain"] == 1 and new_df["august"] == 2
        norms = [r[0] for r in tm.con.execute("SELECT norm FROM units ORDER BY id")]
        assert "qaem" not in norms[0] and norms[2] == "plain words only."
        best = tm.lookup(QAEM.replace("Al Qaem", "al-Qaim"), "en", "ar")[0]
        assert best.source == QAEM and best.score >= 97
        assert found(tm, "Plain words only.") == ["Plain words only."]
    with TranslationMemory(path, glossary) as again:
        assert not again.stale


def test_version_moves_with_our_writes_and_another_connections(plain):
    v0 = plain.version()
    assert plain.version() == v0
    plain.add([u("One.")])
    v1 = plain.version()
    assert v1 != v0
    other = sqlite3.connect(plain.path)
    other.execute("DELETE FROM units")
    other.commit()
    other.close()
    assert plain.version() != v1 and plain.count() == 0


def test_units_of_one_language_pair_in_insertion_order(plain):
    plain.add([u("B one."), u("A two.", tgt="ckb"), u("C three.")])
    assert [x.source for x in plain.units()] == ["B one.", "A two.", "C three."]
    assert [x.source for x in plain.units("en", "ar")] == ["B one.", "C three."]
    assert [x.source for x in plain.units("en", "ckb")] == ["A two."]
    assert [x.source for x in plain.units("en")] == ["B one.", "A two.", "C three."]


# --- lookup: scores, kinds, ranking ------------------------------------------------------------


def test_match_as_json_rounds_and_names_every_field():
    m = Match("s", "t", 87.349, 80.051, "fuzzy", "o", 3, "st", [("a", "b")])
    assert m.as_json() == {
        "source": "s",
        "target": "t",
        "score": 87.3,
        "origin": "o",
        "plain": 80.1,
        "kind": "fuzzy",
        "stored_target": "st",
        "substitutions": [["a", "b"]],
    }


def test_exact_ignores_spacing_context_needs_both_neighbours(plain):
    plain.add([u(QAEM, QAEM_AR, prev="Before.", next="After.")])
    spaced = QAEM.replace(" ", "  ")
    assert [(m.score, m.kind) for m in plain.lookup(spaced, "en", "ar")] == [(100, "exact")]
    assert plain.lookup(QAEM, "en", "ar", prev="Before.", following="After.")[0].kind == "context"
    assert plain.lookup(QAEM, "en", "ar", prev="Before.")[0].kind == "exact"
    assert plain.lookup(QAEM, "en", "ar", following="After.")[0].kind == "exact"
    assert plain.lookup(QAEM, "en", "ar", prev="Other.", following="After.")[0].kind == "exact"
    plain.add([u("No context at all.")])
    assert plain.lookup("No context at all.", "en", "ar")[0].kind == "exact"  # '' == '' no 101


def test_a_different_text_never_scores_100(plain):
    plain.add([u("Hello World.")])
    m = plain.lookup("hello world.", "en", "ar")[0]  # the same once lower-cased
    assert (m.kind, m.score, m.plain) == ("fuzzy", 99.0, 100.0)


def test_ranking_is_score_then_plain_then_the_older_unit(plain):
    plain.add(
        [
            u("The river rose by two metres overnight.", "أ"),
            u("The river rose by two metres overnight!", "ب"),
            u("The river rose by ten metres overnight.", "ج"),
            u("The river rose by two metres overnight.", "د"),  # same source, other target
        ]
    )
    got = plain.lookup("The river rose by two metres overnight.", "en", "ar", limit=10)
    assert [(m.target, m.kind) for m in got] == [
        ("أ", "exact"),
        ("د", "exact"),
        ("ب", "fuzzy"),
        ("ج", "fuzzy"),
    ]
    assert got[2].score > got[3].score >= 70
    assert [m.target for m in plain.lookup(got[0].source, "en", "ar", limit=2)] == ["أ", "د"]


def test_the_threshold_is_inclusive(plain):
    plain.add([u("abcd efgh ijkl"), u("abcd efgh ijxx")])
    score = plain.lookup("abcd efgh ijkl", "en", "ar", threshold=0)[1].score
    assert [m.source for m in plain.lookup("abcd efgh ijkl", "en", "ar", threshold=score)] == [
        "abcd efgh ijkl",
        "abcd efgh ijxx",
    ]
    assert len(plain.lookup("abcd efgh ijkl", "en", "ar", threshold=score + 0.01)) == 1


def test_language_tags_are_normalised_in_lookup(plain):
    plain.add([u(QAEM, QAEM_AR)])
    assert [m.target for m in plain.lookup(QAEM, "EN", "AR")] == [QAEM_AR]
    with pytest.raises(InputError, match="empty"):
        plain.lookup("\n\t", "en", "ar")


def test_an_exact_unit_is_found_even_when_its_words_are_everywhere(plain):
    """The word index takes only the rarest words; the exact source is always a candidate."""
    common = "the report said that"
    plain.add([u(f"{common} item {n} was found.") for n in range(30)])
    plain.add([u(common, "العبارة")])
    got = plain.lookup(common, "en", "ar", candidates=5)
    assert got[0].kind == "exact" and got[0].target == "العبارة"


def test_the_rarest_words_find_the_near_duplicate(plain):
    filler = [
        u(f"Officials in the city said on day {n} the situation was calm.") for n in range(40)
    ]
    plain.add([*filler, u("Officials in Zarqawiville said the situation was calm.", "هدوء")])
    got = plain.lookup(
        "Officials in Zarqawiville said on Tuesday the situation was calm.",
        "en",
        "ar",
        candidates=3,
    )
    assert got[0].target == "هدوء"


def test_a_word_with_a_quote_is_looked_up_safely(plain):
    plain.add([u('He said "enough" and left.')])
    assert found(plain, 'He said "enough" and left!') == ['He said "enough" and left.']
    assert found(plain, "???") == []  # no words: nothing but exact sources


def test_unknown_words_only_find_exact_sources(plain):
    plain.add([u("Known words here.")])
    assert found(plain, "Entirely novel vocabulary.") == []


# --- leverage ------------------------------------------------------------------------------------


def test_leverage_substitutes_each_name_in_its_place(named):
    two = "Fighters moved from Mosul to Al Qaem last week."
    two_ar = "انتقل مقاتلون من الموصل إلى القائم الأسبوع الماضي."
    named.add([u(two, two_ar)])
    m = named.lookup("Fighters moved from Raqqa to Mosul last week.", "en", "ar")[0]
    assert m.target == "انتقل مقاتلون من الرقة إلى الموصل الأسبوع الماضي."
    assert m.substitutions == [("الموصل", "الرقة"), ("القائم", "الموصل")]
    assert m.stored_target == two_ar and m.kind == "fuzzy" and m.score < LEVERAGED
    same = named.lookup(two, "en", "ar")[0]
    assert (same.score, same.kind, same.target, same.substitutions) == (100, "exact", two_ar, [])


def test_leverage_replaces_the_name_and_keeps_its_clitics(named):
    named.add([u(MOSUL, "قاتلوا في الموصل وبالموصل.", prev="P.", next="N.")])
    m = named.lookup(MOSUL.replace("Mosul", "Raqqa"), "en", "ar", prev="P.", following="N.")[0]
    assert m.target == "قاتلوا في الرقة وبالرقة."
    assert m.substitutions == [("الموصل", "الرقة"), ("وبالموصل", "وبالرقة")]
    assert m.kind == "fuzzy" and m.stored_target == "قاتلوا في الموصل وبالموصل."


def test_an_exact_source_whose_translation_was_changed_is_99_and_can_fall_below_threshold(named):
    named.add([u(QAEM, "يسيطر تنظيم الدولة الإسلامية على منطقة القائم.")])
    m = named.lookup(QAEM, "en", "ar")[0]
    assert (m.score, m.kind) == (LEVERAGED, "leveraged")
    assert m.target == "يسيطر داعش على منطقة القائم."
    assert named.lookup(QAEM, "en", "ar", threshold=99.5) == []


def test_without_names_in_the_query_the_target_is_the_stored_one(named):
    named.add([u("Fighting in Mosul went on.", "استمر القتال في الموصل.")])
    m = named.lookup("Fighting in the city went on.", "en", "ar", threshold=0)[0]
    assert (m.target, m.substitutions) == ("استمر القتال في الموصل.", [])


# --- one-line messages and failures --------------------------------------------------------------


def test_the_tm_refusals_are_their_whole_message(plain, tmp_path):
    with pytest.raises(InputError) as exc:
        plain.reindex()
    assert str(exc.value) == "reindexing needs a glossary"
    with pytest.raises(InputError) as exc:
        plain.lookup(" ", "en", "ar")
    assert str(exc.value) == "nothing to look up: the text is empty"
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError) as exc:
        TranslationMemory(tmp_path / "file" / "tm.sqlite")
    assert str(exc.value).startswith(f"{tmp_path / 'file'}: cannot create (")


@pytest.mark.parametrize(
    "write",
    [
        lambda tm: tm.learn(u("Learned here."), "k2"),
        lambda tm: tm.forget("k"),
        lambda tm: tm.reindex(),
    ],
)
def test_a_failed_tm_write_names_the_file_and_changes_nothing(tmp_path, glossary, write):
    with TranslationMemory(tmp_path / "tm.sqlite", glossary) as tm:
        tm.learn(u(MOSUL, MOSUL_AR), "k")
        before = list(tm.units()), df(tm)
        for event in ("INSERT", "UPDATE", "DELETE"):
            tm.con.execute(
                f"CREATE TRIGGER no_{event} BEFORE {event} ON units "
                "BEGIN SELECT RAISE(ABORT, 'the write failed'); END"
            )
        with pytest.raises(StoreError) as exc:
            write(tm)
        assert str(exc.value) == f"{tm.path}: the write failed"
        assert (list(tm.units()), df(tm)) == before
        assert [m.source for m in tm.lookup(MOSUL, "en", "ar")] == [MOSUL]


# --- more of lookup ------------------------------------------------------------------------------


def test_context_with_one_neighbour_given(plain):
    plain.add([u("Only before.", prev="P."), u("Only after.", next="N.")])
    assert plain.lookup("Only before.", "en", "ar", prev="P.")[0].kind == "context"
    assert plain.lookup("Only after.", "en", "ar", following="N.")[0].kind == "context"
    assert plain.lookup("Only after.", "en", "ar", prev="P.")[0].kind == "exact"


def test_at_most_five_matches_by_default_and_seventy_is_the_default_floor(plain):
    plain.add([u(f"A line about the flood number {n}.") for n in range(7)])
    assert len(plain.lookup("A line about the flood number 1.", "en", "ar")) == 5
    plain.add([u("abcd efghi")])
    got = plain.lookup("abcd efxyz", "en", "ar")  # 3 letters of 10 differ
    assert [(m.source, m.score) for m in got] == [("abcd efghi", 70.0)]


def test_every_unit_is_listed_once(plain):
    plain.add([u(f"report said the {n}") for n in range(30)] + [u("report said the")])
    got = plain.lookup("report said the", "en", "ar", limit=50, threshold=0, candidates=1)
    assert got[0].kind == "exact" and got[0].source == "report said the"
    assert len({m.unit_id for m in got}) == len(got)


def test_each_of_the_rarest_words_finds_its_unit(plain):
    plain.add([u("Zanzibar harbour was closed."), u("Kilimanjaro roads were closed.")])
    got = found(plain, "Zanzibar and Kilimanjaro.")
    assert sorted(got) == ["Kilimanjaro roads were closed.", "Zanzibar harbour was closed."]


def test_among_equal_variant_scores_the_closer_spelling_ranks_first(named):
    named.add([u("Fighting in Mawsil went on.", "أ"), u("Fighting in Mosul went on.", "ب")])
    got = named.lookup("Fighting in Mousul went on.", "en", "ar")
    assert [m.target for m in got] == ["ب", "أ"]
    assert got[0].score == got[1].score and got[0].plain > got[1].plain


def test_a_long_fuzzy_match_with_a_name_substituted_stays_fuzzy(named):
    long = (
        "The provincial council said on Monday that the reconstruction of the main bridge "
        "in Mosul would take at least another eighteen months to complete."
    )
    named.add([u(long, "قال مجلس المحافظة إن إعادة بناء الجسر الرئيسي في الموصل ستستغرق وقتا.")])
    m = named.lookup(long.replace("Mosul", "Raqqa"), "en", "ar")[0]
    assert (m.score, m.kind) == (99.0, "fuzzy") and m.substitutions == [("الموصل", "الرقة")]


def test_a_query_with_more_names_than_the_unit_is_leveraged_for_the_ones_it_has(named):
    named.add([u("Fighting in Mosul went on.", "استمر القتال في الموصل.")])
    m = named.lookup("Fighting in Raqqa went on near Al Qaem.", "en", "ar", threshold=0)[0]
    assert m.target == "استمر القتال في الرقة."


def test_a_unit_again_with_only_a_note_gains_it(plain):
    plain.add([u("Three.")])
    plain.add([u("Three.", note="gained")])
    assert [x.note for x in plain.units()] == ["gained"]


def test_an_older_tm_opened_read_only_is_migrated(tmp_path):
    from workbench.store.db import connect, migrate
    from workbench.store.schema import TM_MIGRATIONS

    path = tmp_path / "old.sqlite"
    con = connect(path)
    migrate(con, TM_MIGRATIONS[:2])
    con.close()
    with TranslationMemory(path, readonly=True) as tm:
        assert not tm.con.read_only
        assert tm.con.execute("PRAGMA user_version").fetchone()[0] == len(TM_MIGRATIONS)
        tm.add([u("Now it takes notes.", note="n")])
        assert [x.note for x in tm.units()] == ["n"]

"""The fuzzy candidates of a TM lookup, and ``project analyze`` in several threads (issue 11).

The candidates are the units sharing the most of a query's rarest words
(:mod:`workbench.store.tm_candidates`); ``project analyze`` scores them like a lookup, in
threads of its own for a big project, with the same counts as in one.
"""

from __future__ import annotations

import json
import threading

import pytest

from tests.helpers.app_env import seed_project, use_home
from workbench.core.errors import WorkbenchError
from workbench.core.units import Unit
from workbench.services import analysis
from workbench.services.analysis import analyze
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory
from workbench.store.tm_candidates import Postings, candidate_ids, rarest_words

FILLER = "{i} people gathered in the market square of the town on the morning of {d}."


def _units(n: int) -> list[Unit]:
    """``n`` distinct units that all share the common words of FILLER."""
    return [Unit(FILLER.format(i=i, d=f"day {i % 97}"), f"t{i}", "en", "ar") for i in range(n)]


@pytest.fixture
def plain(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as tm:
        yield tm


def _ids(tm: TranslationMemory, text: str, n: int = 200) -> list[int]:
    return candidate_ids(tm.con, text.lower(), tm.count_estimate(), n)


def _id_of(tm: TranslationMemory, source: str) -> int:
    return tm.con.execute("SELECT id FROM units WHERE source = ?", (source,)).fetchone()[0]


def test_the_unit_sharing_more_rare_words_comes_first(plain):
    plain.add(
        [
            Unit("Tribal leaders met in Anah about the dam.", "a", "en", "ar"),
            Unit("Tribal leaders met in Anah about the dam and the bridge.", "b", "en", "ar"),
            Unit("The bridge was closed.", "c", "en", "ar"),
        ]
    )
    ids = _ids(plain, "Tribal leaders met in Anah about the bridge and the dam.")
    best = _id_of(plain, "Tribal leaders met in Anah about the dam and the bridge.")
    assert ids[0] == best
    # a unit sharing only one of the words is left out while others share two or more
    assert _id_of(plain, "The bridge was closed.") not in ids
    assert set(ids) == {best, _id_of(plain, "Tribal leaders met in Anah about the dam.")}


def test_one_shared_word_is_enough_when_no_unit_shares_two(plain):
    plain.add([Unit("The bridge was closed.", "c", "en", "ar")])
    assert _ids(plain, "A new bridge opened yesterday.") == [
        _id_of(plain, "The bridge was closed.")
    ]


def test_ties_are_taken_in_a_fixed_scrambled_order_and_n_caps_the_list(plain):
    plain.add([Unit(f"Rain fell on Anah, report {i}.", str(i), "en", "ar") for i in range(9)])
    ids = _ids(plain, "Rain fell on Anah.", n=3)
    assert len(ids) == 3
    assert _ids(plain, "Rain fell on Anah.", n=3) == ids  # the same every time
    scrambled = sorted(range(1, 10), key=lambda i: (i * 0x9E3779B1) & 0xFFFFFFFF)
    assert ids == scrambled[:3]
    assert ids not in ([1, 2, 3], [9, 8, 7])  # neither the oldest nor the newest first


def test_a_near_duplicate_among_thousands_sharing_common_words_is_found(plain):
    plain.add(_units(3000))
    near = "Dozens of people gathered in the market square of Rawa on the morning of the vote."
    plain.add([Unit(near, "الهدف", "en", "ar")])
    query = "Dozens of people gathered in the market square of Rawa on the morning of the ballot."
    words = [w for w, _ in rarest_words(plain.con, query.lower(), plain.count_estimate())]
    assert set(words[:2]) == {"dozens", "rawa"}  # the rarest words first (once each)
    assert "people" not in words  # in more than 1,000 units: left out
    assert _ids(plain, query)[0] == _id_of(plain, near)
    found = plain.lookup(query, "en", "ar", threshold=50)
    assert found and found[0].source == near and found[0].target == "الهدف"


def test_a_query_of_unknown_words_has_no_candidates(plain):
    plain.add([Unit("Rain fell on Anah.", "x", "en", "ar")])
    assert _ids(plain, "zzz qqq") == []
    assert _ids(plain, "   ") == []


def test_when_every_word_is_common_the_rarest_one_still_finds_candidates(plain):
    plain.add(_units(1200))  # every word of FILLER in more than 1,000 units
    query = "People gathered in the market square of the town on the morning."
    words = rarest_words(plain.con, query.lower(), plain.count_estimate())
    assert len(words) == 1 and words[0][1] > 1000
    assert len(_ids(plain, query)) == 200


def test_postings_keep_words_up_to_their_budget_and_answer_the_same(plain):
    plain.add([*_units(50), Unit("Rain fell on Anah.", "x", "en", "ar")])
    small = Postings(budget=60)
    people = small.get(plain.con, "people").tolist()
    assert people == list(range(1, 51))
    anah = small.get(plain.con, "anah").tolist()
    assert anah == [51]
    assert set(small._ids) == {"people", "anah"}  # 51 ids held, within 60
    small.get(plain.con, "market")  # 50 more would pass the budget: read, not kept
    assert "market" not in small._ids
    assert small.get(plain.con, "market").tolist() == people  # still the right ids
    query = "People in the market of Anah."
    assert _ids(plain, query) == candidate_ids(
        plain.con, query.lower(), plain.count_estimate(), postings=small
    )


# --- analyze in worker processes ------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, monkeypatch):
    use_home(tmp_path, monkeypatch)
    return seed_project(tmp_path / "proj", ["al-qaem.en.md", "al-qaim-stronghold.en.md"])


@pytest.fixture
def tm(tmp_path, glossary, project):
    memory = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    with Project.open(project) as p:
        rows = p.rows("ar")
    # every third segment has a unit in the TM, some with a word changed
    units = []
    for i, r in enumerate(rows[::3]):
        source = r.source if i % 2 else r.source.replace(" the ", " a ", 1)
        units += [Unit(source, f"ar {i}", "en", "ar"), Unit(source, f"ckb {i}", "en", "ckb")]
    memory.add(units + _units(300))
    yield memory
    memory.close()


@pytest.fixture
def started(monkeypatch):
    """The worker processes the analyses start, in order."""
    procs: list = []
    real = analysis._start_worker

    def spy():
        proc = real()
        procs.append(proc)
        return proc

    monkeypatch.setattr(analysis, "_start_worker", spy)
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    return procs


def test_worker_processes_give_the_counts_of_one_process(project, tm, started, monkeypatch):
    one = analyze(str(project), ["ar", "ckb"], tm, None, None, workers=1).as_json()
    assert not started
    monkeypatch.setattr(analysis, "CHUNK", 3)  # repetitions across chunks, too
    steps: list[int] = []
    three = analyze(str(project), ["ar", "ckb"], tm, None, steps.append, workers=3).as_json()
    assert three == one
    assert len(started) == 3
    assert all(proc.poll() is not None for proc in started)  # all ended
    assert one["totals"]["ar"]["bands"]["repetition"]["segments"] == 9
    assert sum(one["totals"]["ar"]["bands"][b]["segments"] for b in ("100", "95-99", "85-94")) > 5
    with Project.open(project) as p:
        assert sum(steps) == 2 * len(p.rows("ar"))


def test_a_progress_that_raises_stops_the_workers(project, tm, started, monkeypatch):
    monkeypatch.setattr(analysis, "CHUNK", 2)

    class Stop(Exception):
        pass

    def progress(n: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        analyze(str(project), ["ar"], tm, None, progress, workers=2)
    assert len(started) == 2 and all(proc.poll() is not None for proc in started)
    assert not [t for t in threading.enumerate() if t.name.startswith("analysis-")]


def test_a_killed_worker_is_one_line_and_the_others_stop(project, tm, started, monkeypatch):
    monkeypatch.setattr(analysis, "CHUNK", 2)

    def progress(n: int) -> None:
        started[0].kill()  # as the OOM killer would
        started[0].wait()

    with pytest.raises(WorkbenchError, match=r"an analysis worker stopped \(exit code -9\)"):
        analyze(str(project), ["ar"], tm, None, progress, workers=2)
    assert all(proc.poll() is not None for proc in started)


def test_analyze_workers_option(project, tm, run, monkeypatch):
    monkeypatch.setattr(analysis, "PARALLEL_FROM", 1)
    outs = []
    for workers in ("1", "2"):
        r = run(
            "project", "analyze", str(project), "--tm", str(tm.path), "--workers", workers, "--json"
        )
        assert r.code == 0, r.err
        outs.append(json.loads(r.out))
    assert outs[0] == outs[1]
    bad = run("project", "analyze", str(project), "--workers", "0")
    assert bad.code != 0 and "--workers" in bad.err

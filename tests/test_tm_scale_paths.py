"""The code paths made for a large TM (issue 11, "Measure"): behaviour, not timings.

- ``tm_best.best_scores`` (what ``project analyze`` asks of the TM): per language the score
  the best ``tm lookup`` match has, from one candidate query for every language; a segment's
  own learned unit left out; a verbatim 100 found even when a unit with the same source
  but names to change (a 99) comes first.
- ``project analyze``: its progress counts segments x languages; ``--json`` stays pure
  JSON; on a terminal a progress bar is drawn on stderr.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from tests.conftest import GLOSSARY, ROOT, TEXTS
from tests.helpers.waiting import wait_for
from workbench.core.units import Unit
from workbench.formats.article import read_document
from workbench.services.analysis import analyze
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory
from workbench.store.tm_best import Probe, best_scores

SRC = "The Islamic State group has been in control of the Al Qaem area since August 2014."
AR = "يسيطر تنظيم الدولة الإسلامية على منطقة القائم منذ آب (أغسطس) ٢٠١٤."
AR_HOUSE = AR.replace("تنظيم الدولة الإسلامية", "داعش")  # the glossary's forms: verbatim
CKB = "داعش لە ئابی ٢٠١٤ەوە دەسەڵاتی بەسەر ناوچەی قائیمدا هەیە."
MOSUL = "The Islamic State group has been in control of the Mosul area since August 2014."


@pytest.fixture
def tm(tmp_path, glossary):
    memory = TranslationMemory(tmp_path / "tm.sqlite", glossary)
    memory.add(
        [
            Unit(SRC, AR, "en", "ar", "Before.", "After.", "seed"),
            Unit(MOSUL, "يسيطر داعش على منطقة الموصل منذ آب (أغسطس) ٢٠١٤.", "en", "ar"),
            Unit(SRC, CKB, "en", "ckb", "B.", "A.", "seed"),
            Unit("Completely different words about the weather today.", "الطقس اليوم.", "en", "ar"),
            Unit("Fighters left the town of Haditha at dawn.", "غادر المقاتلون حديثة.", "en", "ar"),
        ]
    )
    yield memory
    memory.close()


QUERIES = [
    (SRC, "Before.", "After."),  # context, leveraged (names changed): 99
    (SRC, "B.", "A."),  # ckb: context 101
    (SRC, "", ""),  # exact
    ("The  Islamic State group has been in control of the Al Qaem area since August 2014.", "", ""),
    ("ISIS has been in control of the al-Qaim area since August 2014.", "", ""),  # variants
    ("The Islamic State group has been in control of the Raqqa area since August 2014.", "", ""),
    ("Completely different words about the weather tomorrow.", "", ""),  # plain fuzzy
    ("Fighters left the town of Hadithah at dusk.", "", ""),  # a name and a word changed
    ("Nothing in this memory resembles this sentence at all, surely.", "", ""),  # none
]


@pytest.mark.parametrize("text,prev,following", QUERIES)
def test_the_best_score_is_the_best_lookup_matchs_in_each_language(tm, text, prev, following):
    got = best_scores(tm, Probe(text, "en", prev, following), ["ar", "ckb"])
    for lang in ("ar", "ckb"):
        found = tm.lookup(text, "en", lang, prev=prev, following=following, threshold=50)
        assert got[lang] == (found[0].score if found else None), lang


def test_a_verbatim_100_beats_a_context_unit_whose_names_must_change(tm):
    # the seed unit (context Before./After.) writes the group's name unlike the glossary;
    # a second unit of the same source holds the house form word for word
    tm.add([Unit(SRC, AR_HOUSE, "en", "ar", "B.", "A.", "house")])
    got = best_scores(tm, Probe(SRC, "en", "Before.", "After."), ["ar"])
    assert got["ar"] == 100.0
    assert tm.lookup(SRC, "en", "ar", prev="Before.", following="After.")[0].score == 100.0


def test_a_segments_own_learned_unit_is_left_out_in_its_language_only(tm):
    key_ar, key_ckb = "/p#doc:p1:s1#ar", "/p#doc:p1:s1#ckb"
    text = "Tribal leaders met in Anah on Sunday to talk about the return of families."
    tm.learn(Unit(text, "اجتمع شيوخ العشائر في عانة يوم الأحد.", "en", "ar", "", ""), key_ar)
    tm.learn(Unit(text, "سەرۆک هۆزەکان لە عانە کۆبوونەوە.", "en", "ckb", "", ""), key_ckb)
    assert best_scores(tm, Probe(text, "en"), ["ar", "ckb"]) == {"ar": 100.0, "ckb": 100.0}
    own = best_scores(tm, Probe(text, "en", own={"ar": key_ar}), ["ar", "ckb"])
    assert own == {"ar": None, "ckb": 100.0}
    # another segment's key does not hide it
    other = best_scores(tm, Probe(text, "en", own={"ar": "/p#doc:p9:s1#ar"}), ["ar"])
    assert other == {"ar": 100.0}


def test_an_empty_segment_and_a_tm_without_glossary(tmp_path):
    with TranslationMemory(tmp_path / "plain.sqlite") as plain:
        plain.add([Unit(SRC, AR, "en", "ar")])
        assert best_scores(plain, Probe("  ", "en"), ["ar"]) == {"ar": None}
        query = "ISIS has been in control of the al-Qaim area since August 2014."
        found = plain.lookup(query, "en", "ar", threshold=50)
        got = best_scores(plain, Probe(query, "en"), ["ar"])
        assert got["ar"] == (found[0].score if found else None)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(TEXTS / "al-qaem.en.md"))
        p.add_document(read_document(TEXTS / "al-qaim-stronghold.en.md"))
    return folder


def test_analysis_progress_counts_segments_times_languages(project, tm):
    steps: list[int] = []
    result = analyze(str(project), ["ar", "ckb"], tm, None, steps.append)
    with Project.open(project) as p:
        segments = len(p.rows("ar"))
    assert sum(steps) == 2 * segments
    assert sum(result.totals["ar"].segments.values()) == segments
    # the second article repeats 9 of the first's sentences (names respelled)
    assert result.totals["ar"].segments["repetition"] == 9
    assert result.totals["ckb"].segments["repetition"] == 9


def test_analyze_json_is_only_json_under_clirunner(project):
    from workbench.cli import cli

    en, ar = TEXTS / "al-qaem.en.md", TEXTS / "al-qaem.ar.md"
    runner = CliRunner()
    assert runner.invoke(cli, ["tm", "add-texts", str(en), str(ar)]).exit_code == 0
    r = runner.invoke(cli, ["project", "analyze", str(project), "--json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)  # nothing but the JSON: no bar, no label
    assert set(got["totals"]) == {"ar", "ckb"}
    assert got["totals"]["ar"]["bands"]["101"]["segments"] > 50
    assert "analysing" not in r.output


def test_on_a_terminal_analyze_draws_a_progress_bar_and_json_stays_clean(project):
    # stderr a terminal (the bar is drawn there), stdout a pipe (the JSON)
    main_fd, child_fd = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "project", "analyze", str(project), "--json"],
        stdout=subprocess.PIPE,
        stderr=child_fd,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    os.close(child_fd)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main_fd], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    out, _ = proc.communicate(timeout=120)
    os.close(main_fd)
    assert proc.returncode == 0, seen.decode(errors="replace")
    assert b"analysing" in seen  # click's bar, with its label, on the terminal
    got = json.loads(out)
    assert set(got["totals"]) == {"ar", "ckb"}


# --- a confirm and its propagated copies: one transaction (one durable commit) -------------

REPEATED = "Fighters left the town of Haditha at dawn on Sunday."


def _repeating_project(tmp_path, monkeypatch):
    """A story whose first sentence comes again; a home of its own (the user's TM there)."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    text = tmp_path / "story.en.md"
    text.write_text(
        f"# A story\n\n{REPEATED}\n\nThe roads were closed for a week.\n\n{REPEATED}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "rep"
    with Project.init(folder) as p:
        p.add_document(read_document(text))
    return folder


def _run_app(folder, finder, script):
    import asyncio
    import threading

    from workbench.services.settings import Settings
    from workbench.tui.app import WorkbenchApp

    async def main():
        app = WorkbenchApp(folder, ["ar"], "terminal", finder, None, settings=Settings("Layla"))
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            commits: list[str] = []
            ui = threading.current_thread()

            def trace(sql: str) -> None:
                if threading.current_thread() is ui and sql.strip().upper() == "COMMIT":
                    commits.append(sql)

            app.project.con.set_trace_callback(trace)
            try:
                return commits, await script(app, pilot)
            finally:
                app.project.con.set_trace_callback(None)

    return asyncio.run(main())


def _stored(folder):
    with Project.open(folder) as p:
        return [(r.source, r.target, r.status, r.origin) for r in p.rows("ar")]


def _go_first_repeat(app):
    first = next(r for r in app.all_rows if r.source == REPEATED)
    app.go_to_segment(first.segment_id, "ar")


def test_a_confirm_and_its_copies_are_one_commit(tmp_path, finder, monkeypatch):
    folder = _repeating_project(tmp_path, monkeypatch)

    async def script(app, pilot):
        _go_first_repeat(app)
        await pilot.pause()
        await pilot.press("enter", *"نص", "enter")
        await pilot.pause()

    commits, _ = _run_app(folder, finder, script)
    rows = [r for r in _stored(folder) if r[0] == REPEATED]
    assert rows == [
        (REPEATED, "نص", "translated", "human"),
        (REPEATED, "نص", "draft", "propagated"),
    ]
    assert len(commits) == 1  # the confirm and the copy: written and made durable together
    # who confirmed it was recorded in that commit, and the TM writer named them
    from workbench.services.learning import learned_key
    from workbench.store.learned import confirmation

    with Project.open(folder) as p:
        first = next(r for r in p.rows("ar") if r.source == REPEATED)
        assert confirmation(p, first.segment_id, "ar")[0] == "Layla"
        key = learned_key(p, first.key, "ar")
    with TranslationMemory(tmp_path / "home" / "tm.sqlite") as user_tm:
        (unit,) = wait_for(lambda: user_tm.learned(key), "unit learned by the user's TM")
    assert ("x-translator", "Layla") in unit.props and unit.target == "نص"


def test_a_failed_propagation_keeps_the_confirm_and_writes_no_copy(tmp_path, finder, monkeypatch):
    from workbench.store.db import StoreError
    from workbench.tui import workflow

    folder = _repeating_project(tmp_path, monkeypatch)
    real = workflow.propagate

    def half_then_fail(*args, **kw):
        real(*args, **kw)  # the copies written in its savepoint ...
        raise StoreError("rep: the disk is full; this change was not written")  # ... then not

    monkeypatch.setattr(workflow, "propagate", half_then_fail)

    async def script(app, pilot):
        _go_first_repeat(app)
        await pilot.pause()
        await pilot.press("enter", *"نص", "enter")
        await pilot.pause()
        return [n.message for n in app._notifications]

    _, notes = _run_app(folder, finder, script)
    rows = [r for r in _stored(folder) if r[0] == REPEATED]
    assert rows == [(REPEATED, "نص", "translated", "human"), (REPEATED, "", "new", "none")]
    assert any(n.startswith("not propagated:") for n in notes)

"""Machine drafts never overwrite human work done while the model ran (compare-and-set).

The translating process reads the project, then waits inside the model call while the
test imports an XLIFF and confirms edits (from the CLI, the store, the app); then it
writes. Everything a person wrote in between is still there afterwards, and the report
says how many drafts were kept back.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS
from workbench.formats.article import read_document
from workbench.store.project import Project, Provenance

EN = str(TEXTS / "al-qaem.en.md")


def wait_for(check, what: str, seconds: float = 120.0) -> None:
    """Poll ``check`` until it is true, with a generous deadline (no fixed sleeps)."""
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    folder = tmp_path / "proj"
    with Project.init(folder) as p:
        p.add_document(read_document(EN))
    return folder


class Held:
    """The translating process (tests/helpers/held_translate.py), held inside the model."""

    def __init__(self, project: Path, tmp: Path, lang: str = "ar") -> None:
        self.ready, self.go = tmp / "ready", tmp / "go"
        env = dict(os.environ, WORKBENCH_GLOSSARY=str(GLOSSARY), WORKBENCH_HOME=str(tmp / "h"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.held_translate", EN, str(project), lang,
             str(tmp / "mt-cache.sqlite"), str(self.ready), str(self.go)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip

    def wait_ready(self) -> None:
        wait_for(lambda: self.ready.exists() or self.proc.poll() is not None, "the model call")
        assert self.ready.exists(), self.proc.communicate()[1]

    def release(self) -> int:
        """Let the model answer; the number of drafts the process kept back."""
        self.go.touch()
        out, err = self.proc.communicate(timeout=120)
        assert self.proc.returncode == 0, err
        return int(out.split()[-1])


def _filled_xliff(run, project: Path, tmp: Path, n: int) -> Path:
    """An export of ``project`` (ar) with the first ``n`` segments translated in it."""
    xlf = tmp / "filled.xlf"
    assert run("export", str(project), "--format", "xliff", "--lang", "ar", "--out", str(xlf))
    text = xlf.read_text(encoding="utf-8")
    pattern = re.compile(r'state="initial">(\s*<source>.*?</source>)', re.S)
    count = [0]

    def fill(m: re.Match) -> str:
        count[0] += 1
        return f'state="translated">{m.group(1)}<target>ترجمة بشرية {count[0]}</target>'

    xlf.write_text(pattern.sub(fill, text, count=n), encoding="utf-8")
    return xlf


def test_an_import_and_confirms_during_translate_are_not_overwritten(run, project, tmp_path):
    xlf = _filled_xliff(run, project, tmp_path, 10)
    held = Held(project, tmp_path)
    held.wait_ready()  # the translating process has read all 69 segments as new
    r = run("import", str(xlf), "--project", str(project))
    assert r.code == 0, r.err
    with Project.open(project) as p:  # a translator confirms two more meanwhile
        rows = p.rows("ar")
        for row in rows[10:12]:
            p.save_edit(row.segment_id, "ar", f"تأكيد {row.key}", "translated")
    kept = held.release()
    assert kept == 12
    with Project.open(project) as p:
        rows = p.rows("ar")
    human = rows[:12]
    assert [r.status for r in human] == ["translated"] * 12
    assert [r.origin for r in human] == ["human"] * 12
    assert human[0].target == "ترجمة بشرية 1" and human[9].target == "ترجمة بشرية 10"
    assert human[10].target == f"تأكيد {human[10].key}"
    assert all(r.machine_draft is None for r in human)  # no machine draft slipped in
    machine = rows[12:]
    assert {(r.status, r.origin, r.model) for r in machine} == {("draft", "machine", "held-model")}
    assert all(r.target.startswith("MT ") for r in machine)


def test_the_cli_says_how_many_drafts_it_kept_back(run, project, tmp_path, monkeypatch):
    from workbench import services

    class Meddling:  # while "the model runs", a translator confirms the headline
        name, model_id, checksum = "meddling", "m", "c1"

        def translate(self, texts, src, tgt, options):
            with Project.open(project) as p:
                sid = p.rows("ar")[0].segment_id
                p.set_translation(sid, "ar", "عنوان", "translated", Provenance("human"))
            return [f"MT {t}" for t in texts]

    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(services, "open_engine", lambda *a, **k: Meddling())
    monkeypatch.setattr(services, "model_dir", lambda *a: Path("meddling"))
    r = run("translate", EN, "--to", "ar", "--project", str(project))
    assert r.code == 0, r.err
    assert "1 left alone (changed meanwhile)" in r.out
    with Project.open(project) as p:
        first = p.rows("ar")[0]
    assert (first.target, first.status, first.origin) == ("عنوان", "translated", "human")


def test_confirms_in_the_app_while_the_cli_translates_survive(project, finder, tmp_path):
    from workbench.tui.app import WorkbenchApp

    held = Held(project, tmp_path)
    held.wait_ready()

    async def main():
        app = WorkbenchApp(project, ["ar", "ckb"], "app", finder, None)
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            for word in ("واحد", "اثنان", "ثلاثة"):  # three edits, each confirmed with Enter
                await pilot.press("enter", *word, "enter")
                await pilot.pause()

    asyncio.run(main())
    assert held.release() == 3
    with Project.open(project) as p:
        rows = p.rows("ar")
    assert [(r.target, r.status, r.origin) for r in rows[:3]] == [
        ("واحد", "translated", "human"),
        ("اثنان", "translated", "human"),
        ("ثلاثة", "translated", "human"),
    ]
    assert rows[3].origin == "machine"


def test_app_mt_keeps_what_another_process_wrote_meanwhile(project, finder):
    """The app's own MT worker: a draft lands only where the store is unchanged."""
    from workbench.tui.app import WorkbenchApp

    class Meddling:  # another program confirms segment 2 while the app's model runs
        name, model_id, checksum = "meddling", "m", "c1"
        should_stop = None

        def translate(self, texts, src, tgt, options):
            with Project.open(project) as p:
                sid = p.rows("ar")[1].segment_id
                p.set_translation(sid, "ar", "من غيري", "translated", Provenance("human"))
            return [f"MT {t}" for t in texts]

    async def main():
        app = WorkbenchApp(project, ["ar"], "app", finder, None, engine_for=lambda _: Meddling())
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            app.view.current = 1
            await pilot.press("T")  # this segment
            await app.workers.wait_for_complete()
            await pilot.pause()
            return app.row.targets["ar"], [n.message for n in app._notifications]

    shown, notes = asyncio.run(main())
    with Project.open(project) as p:
        second = p.rows("ar")[1]
    assert (second.target, second.status, second.origin) == ("من غيري", "translated", "human")
    assert shown == "من غيري"  # the app shows what is stored, not its own draft
    assert any("0 drafts written" in n and "1 kept" in n for n in notes), notes

"""A translator's session in a real terminal (tmux), keys sent as a terminal sends them.

Open the article, go to p6:s2 (a name that comes back in p7:s1), edit it with the glossary
names, confirm; Tab to Kurdish, edit the same segment, Ctrl+Q with the line still open;
reopen: the Arabic is confirmed, the Kurdish kept as a draft, both the translator's.
Keys go in bursts, without waiting for the screen between them (as a busy machine or a
fast typist delivers them); the test waits only on what the screen and the store show,
each with a generous deadline, so it passes beside CPU-bound processes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS
from workbench.store.project import DB_NAME, Project

if shutil.which("tmux") is None:  # CI installs tmux: nothing skips silently there
    pytest.fail("tmux is not installed (apt-get install tmux)", pytrace=False)

DEADLINE = 90.0  # seconds: generous, for a loaded two-core machine


class Terminal:
    """One tmux server of this test's own (-L socket), one window running a command."""

    def __init__(self, name: str) -> None:
        self.socket = f"{name}-{os.getpid()}"
        self.target = "day"

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this test's server; its standard output."""
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def start(self, workdir: Path, command: str) -> None:
        """Run ``command`` in ``workdir`` in a new 150x36 terminal; say when it ended."""
        env = (
            f"WORKBENCH_HOME={workdir}/home WORKBENCH_GLOSSARY={GLOSSARY} "
            f"TEXTUAL_ANIMATIONS=none PYTHONPATH={ROOT}"
        )
        line = f'cd {workdir} && env {env} {command}; echo "[ended $?]"; sleep 3600'
        self.tmux("kill-session", "-t", self.target)
        self.tmux("new-session", "-d", "-s", self.target, "-x", "150", "-y", "36", line)

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send keys (tmux key names, or text with ``literal``), all at once."""
        self.tmux("send-keys", "-t", self.target, *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        """What the terminal shows now."""
        return self.tmux("capture-pane", "-t", self.target, "-p")

    def wait_for(self, text: str) -> str:
        """The screen once it shows ``text`` (fails with the screen after the deadline)."""
        return wait(lambda: text in self.screen(), f"{text!r} on screen", self.screen)

    def close(self) -> None:
        """Stop this test's tmux server (and whatever still runs in it)."""
        self.tmux("kill-server")


def wait(check: Callable[[], object], what: str, show: Callable[[], str] = str) -> str:
    """Poll ``check`` until it is true; fail naming ``what`` after the deadline."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if check():
            return show()
        time.sleep(0.2)
    raise AssertionError(f"no {what} after {DEADLINE:.0f} s:\n{show()}")


def stored(folder: Path, lang: str) -> dict:
    """The project's rows for ``lang`` by key ({} while it cannot be read yet)."""
    if not (folder / DB_NAME).exists():
        return {}
    with Project.open(folder) as p:
        return {r.key: r for r in p.rows(lang)}


def glossary_forms(source: str, lang: str) -> list[str]:
    """The glossary forms in ``lang`` of the names in ``source``, in order (as Ctrl+G)."""
    from workbench.core.names.name_finder import NameFinder
    from workbench.core.names.name_index import NameIndex
    from workbench.formats.glossary_tsv import load_glossary

    finder = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    entries = {h.entry.id: h.entry for h in finder.find(source, "en", nested=False)}
    return [e.preferred(lang) for e in entries.values() if e.preferred(lang)]


def test_a_day_in_the_app_edit_confirm_tab_ctrl_q_reopen(tmp_path):
    shutil.copy(TEXTS / "al-qaem.en.md", tmp_path / "al-qaem.en.md")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "seen-first-run").touch()  # no welcome note over the screen
    folder = tmp_path / "al-qaem.workbench"
    app = f"{sys.executable} -m workbench open"
    term = Terminal("wb-day")
    try:
        term.start(tmp_path, f"{app} al-qaem.en.md --to ar,ckb")
        term.wait_for("Kurdish, Sorani")
        source = stored(folder, "ar")["al-qaem:p6:s2"].source
        ar_names, ckb_names = glossary_forms(source, "ar"), glossary_forms(source, "ckb")
        assert len(ar_names) >= 2 and ckb_names  # al-Jughaifi (again in p7:s1), Haditha

        # go to p6:s2, edit, two glossary names, confirm: sent in one burst
        term.keys("g")
        term.keys("p6:s2", literal=True)
        term.keys("Enter", "Enter")
        term.keys("قال ", literal=True)
        term.keys("C-g", "C-g", "Enter")
        arabic = f"قال {ar_names[0]} {ar_names[1]}"
        wait(
            lambda: stored(folder, "ar")["al-qaem:p6:s2"].status == "translated",
            "confirmed Arabic p6:s2 in the store",
            term.screen,
        )
        assert stored(folder, "ar")["al-qaem:p6:s2"].target == arabic
        term.wait_for("al-qaem:p6:s3 [ar")  # moved on to the next unconfirmed

        # back up, Tab to Kurdish, edit, and quit with the edit line open
        term.keys("Up", "Tab")
        term.wait_for("al-qaem:p6:s2 [ckb")
        term.keys("Enter", "C-g")
        term.keys(" گوتی", literal=True)
        kurdish = f"{ckb_names[0]} گوتی"
        term.wait_for("as typed")  # the line holds the typing (its QA follows it)
        term.keys("C-q")
        ended = term.wait_for("[ended")
        assert (
            "[ended 0]" in ended
            and "ckb 0/" in ended
            and "1 draft" in ended
            and "1 drafts" not in ended
        )

        ar, ckb = stored(folder, "ar"), stored(folder, "ckb")
        assert (ar["al-qaem:p6:s2"].target, ar["al-qaem:p6:s2"].status) == (arabic, "translated")
        assert (ckb["al-qaem:p6:s2"].target, ckb["al-qaem:p6:s2"].status) == (kurdish, "draft")
        assert ar["al-qaem:p6:s2"].origin == ckb["al-qaem:p6:s2"].origin == "human"
        others = [r for rows in (ar, ckb) for k, r in rows.items() if k != "al-qaem:p6:s2"]
        assert not any(r.target for r in others)  # no key went to the table

        # reopen the project: the work is there, in the table and in the store
        term.start(tmp_path, f"{app} al-qaem.workbench --to ar,ckb")
        term.wait_for("Kurdish, Sorani")
        term.keys("g")
        term.keys("p6:s2", literal=True)
        term.keys("Enter", "Tab")
        screen = term.wait_for("al-qaem:p6:s2 [ckb")
        assert "ar 1/" not in screen  # (the summary line is gone: a new run)
        term.keys("q")
        ended = term.wait_for("[ended")
        assert "[ended 0]" in ended and "ar 1/" in ended and "ckb 0/" in ended
    finally:
        term.close()
    ar, ckb = stored(folder, "ar"), stored(folder, "ckb")
    assert (ar["al-qaem:p6:s2"].target, ar["al-qaem:p6:s2"].status) == (arabic, "translated")
    assert (ckb["al-qaem:p6:s2"].target, ckb["al-qaem:p6:s2"].status) == (kurdish, "draft")

"""Two translators on one story in real terminals (issue 11, item 8): two app instances.

The Arabic translator and the Kurdish translator open the same project in two tmux
terminals (a tmux server of this test's own, ``-L``). Each sees the other's confirm
appear without reloading; when both edit the same segment and language, the second
confirm asks (keep mine / take theirs) instead of overwriting. Every wait polls the
screen or the store with a generous deadline: no fixed sleeps.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS, require_tmux
from workbench.store.project import Project


@pytest.fixture(autouse=True)
def _tmux_installed():
    require_tmux()  # CI sets WORKBENCH_REQUIRE_TMUX=1: a missing tmux fails there


SOCKET = f"wb-two-{os.getpid()}"  # a tmux server of its own: no clash with the user's
DEADLINE = 120.0


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-t", session, "-p")


def wait_for(session: str, text: str, timeout: float = DEADLINE) -> str:
    """Poll the screen until ``text`` is on it."""
    end = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < end:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in {session}:\n{shown}")


def wait_stored(folder, key: str, lang: str, text: str, timeout: float = DEADLINE):
    """Poll the store until segment ``key`` holds ``text`` in ``lang``."""
    end = time.monotonic() + timeout
    row = None
    while time.monotonic() < end:
        with Project.open(folder) as p:
            row = next(r for r in p.rows(lang) if r.key == key)
        if row.target == text:
            return row
        time.sleep(0.1)
    raise AssertionError(f"{key} [{lang}] never held {text!r}: {row}")


def wait_gone(session: str, timeout: float = DEADLINE) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        gone = subprocess.run(
            ["tmux", "-L", SOCKET, "has-session", "-t", session], capture_output=True
        ).returncode
        if gone:
            return
        time.sleep(0.1)
    raise AssertionError(f"{session} is still running")


def start(session: str, workdir, who: str, target: str, langs: str) -> None:
    """One translator's terminal: their own home and name, the shared project."""
    env = (
        f"WORKBENCH_HOME={workdir}/home-{who} WORKBENCH_TRANSLATOR={who} "
        f"WORKBENCH_GLOSSARY={GLOSSARY} WORKBENCH_TM={workdir}/tm-{who}.sqlite "
        f"TEXTUAL_ANIMATIONS=none PYTHONPATH={ROOT}"
    )
    cmd = f"cd {workdir} && env {env} {sys.executable} -m workbench open {target} --to {langs}"
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "36", cmd)


def keys(session: str, *k: str) -> None:
    tmux("send-keys", "-t", session, *k)


EDITING = "keep as draft"  # the hint line while the edit line is open


def test_two_app_instances_see_each_others_confirms_and_never_overwrite_silently(tmp_path):
    shutil.copy(TEXTS / "al-qaem.en.md", tmp_path / "al-qaem.en.md")
    folder = tmp_path / "al-qaem.workbench"
    arabic, kurdish = f"wb-ar-{os.getpid()}", f"wb-ckb-{os.getpid()}"
    try:
        start(arabic, tmp_path, "layla", "al-qaem.en.md", "ar,ckb")  # makes the project
        wait_for(arabic, "Kurdish, Sorani")
        start(kurdish, tmp_path, "karwan", "al-qaem.workbench", "ckb,ar")
        wait_for(kurdish, "Kurdish, Sorani")

        # the Arabic translator confirms the title: the Kurdish one sees it appear
        keys(arabic, "Enter")
        wait_for(arabic, EDITING)
        keys(arabic, "-l", "title from layla")
        keys(arabic, "Enter")
        wait_stored(folder, "al-qaem:p1:s1", "ar", "title from layla")
        wait_for(kurdish, "title from layla")

        # and the other way round
        keys(kurdish, "Enter")
        wait_for(kurdish, EDITING)
        keys(kurdish, "-l", "kurdish title by karwan")
        keys(kurdish, "Enter")
        wait_stored(folder, "al-qaem:p1:s1", "ckb", "kurdish title by karwan")
        wait_for(arabic, "kurdish title by karwan")

        # both edit p2:s1 in Arabic: Karwan confirms first, Layla's confirm asks
        keys(arabic, "Enter")  # Layla is on p2:s1 now (the next unconfirmed)
        wait_for(arabic, EDITING)
        keys(arabic, "-l", "layla second")
        wait_for(arabic, "layla second")
        keys(kurdish, "Tab")  # Karwan edits Arabic too, on the same segment
        wait_for(kurdish, "al-qaem:p2:s1 [ar]")
        keys(kurdish, "Enter")
        wait_for(kurdish, EDITING)
        keys(kurdish, "C-u")
        keys(kurdish, "-l", "karwan second")
        keys(kurdish, "Enter")
        wait_stored(folder, "al-qaem:p2:s1", "ar", "karwan second")
        wait_for(arabic, "karwan second")  # Layla sees it in her table while she types
        keys(arabic, "Enter")
        wait_for(arabic, "keep mine")  # asked, not written
        with Project.open(folder) as p:
            row = next(r for r in p.rows("ar") if r.key == "al-qaem:p2:s1")
        assert row.target == "karwan second"
        keys(arabic, "k")  # keep mine
        wait_stored(folder, "al-qaem:p2:s1", "ar", "layla second")
        keys(kurdish, "Up")  # back to p2:s1 (his confirm moved him on)
        wait_for(kurdish, "layla second")  # and Karwan sees her choice

        wait_for(arabic, "Enter: edit")  # the dialog and the edit line are closed
        for session in (arabic, kurdish):
            keys(session, "q")  # (no Esc first: Esc then q is read as Alt+Q)
        for session in (arabic, kurdish):
            wait_gone(session)
    finally:
        for session in (arabic, kurdish):
            tmux("kill-session", "-t", session)
        tmux("kill-server")
    with Project.open(folder) as p:
        ar = {r.key: r for r in p.rows("ar")}
        ckb = {r.key: r for r in p.rows("ckb")}
    assert (ar["al-qaem:p1:s1"].target, ar["al-qaem:p1:s1"].status) == (
        "title from layla",
        "translated",
    )
    assert ckb["al-qaem:p1:s1"].target == "kurdish title by karwan"
    assert (ar["al-qaem:p2:s1"].target, ar["al-qaem:p2:s1"].status) == (
        "layla second",
        "translated",
    )

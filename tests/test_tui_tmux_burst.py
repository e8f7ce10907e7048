"""Trial item 3 in a real terminal: a burst through the Ctrl+N name picker keeps every key.

In the Sorani edit line of p21:s1 the translator types on, picks a name with Ctrl+N and
its number, types on, picks another, ends the sentence and keeps it as a draft: the whole
burst goes to the terminal in one ``tmux send-keys``. The stored text must be exactly what
was typed, the picked names where they were picked. The test waits only on the store and
the screen, with a generous deadline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import GLOSSARY, ROOT, TEXTS, require_tmux
from tests.helpers.waiting import wait_for
from workbench.store.project import DB_NAME, Project

DEADLINE = 90.0  # seconds: generous, for a loaded two-core machine
BEGIN = "ئەحمەد سەلمانی، ئەندامی پەرلەمان بۆ پارێزگای "
MIDDLE = " و دانیشتووی پێشووی "
END = " دەڵێت."


def tmux(socket: str, *args: str) -> str:
    """Run a tmux command on this test's own server; its standard output."""
    done = subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout


def wait(check: Callable[[], object], what: str, show: Callable[[], str]) -> None:
    """Poll ``check`` until it is true; fail naming ``what`` (and the screen) after the deadline."""
    wait_for(check, what, DEADLINE, show)


def stored(folder: Path, lang: str) -> dict:
    """The project's rows for ``lang`` by key ({} while it cannot be read yet)."""
    if not (folder / DB_NAME).exists():
        return {}
    with Project.open(folder) as p:
        return {r.key: r for r in p.rows(lang)}


def test_a_burst_through_two_ctrl_n_picks_in_tmux_keeps_every_key(tmp_path):
    require_tmux()
    shutil.copy(TEXTS / "al-qaem.en.md", tmp_path / "al-qaem.en.md")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "seen-first-run").touch()  # no welcome note over the screen
    folder = tmp_path / "al-qaem.workbench"
    socket = f"wb-burst-{os.getpid()}"
    env = (
        f"WORKBENCH_HOME={tmp_path}/home WORKBENCH_GLOSSARY={GLOSSARY} "
        f"TEXTUAL_ANIMATIONS=none PYTHONPATH={ROOT}"
    )
    app = f"{sys.executable} -m workbench open al-qaem.en.md --to ar,ckb"
    line = f'cd {tmp_path} && env {env} {app}; echo "[ended $?]"; sleep 3600'

    def screen() -> str:
        return tmux(socket, "capture-pane", "-t", "burst", "-p")

    try:
        tmux(socket, "new-session", "-d", "-s", "burst", "-x", "150", "-y", "36", line)
        wait(lambda: "Kurdish, Sorani" in screen(), "the app on screen", screen)
        # go to p21:s1 in Sorani, open the line; then the whole sentence in one burst
        tmux(socket, "send-keys", "-t", "burst", "g", "p21:s1", "Enter", "Tab")
        wait(lambda: "al-qaem:p21:s1 [ckb" in screen(), "p21:s1 [ckb]", screen)
        tmux(
            socket,
            "send-keys",
            "-t",
            "burst",
            "Enter",
            BEGIN,
            "C-n",
            "2",
            MIDDLE,
            "C-n",
            "1",
            END,
            "C-s",
        )
        wait(
            lambda: (
                stored(folder, "ckb").get("al-qaem:p21:s1", None) is not None
                and stored(folder, "ckb")["al-qaem:p21:s1"].status == "draft"
            ),
            "the draft of p21:s1 in the store",
            screen,
        )
        tmux(socket, "send-keys", "-t", "burst", "q")
        wait(lambda: "[ended" in screen(), "the app ended", screen)
        assert "[ended 0]" in screen()
    finally:
        tmux(socket, "kill-server")
    rows = stored(folder, "ckb")
    expected = BEGIN + "ئەنبار" + MIDDLE + "قائیم" + END
    assert rows["al-qaem:p21:s1"].target == expected
    assert [k for k, r in rows.items() if r.target] == ["al-qaem:p21:s1"]
    assert not any(r.target for r in stored(folder, "ar").values())

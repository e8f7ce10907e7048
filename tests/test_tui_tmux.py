"""One scripted run in a real terminal: start, type an edit, confirm, quit, reopen."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, TEXTS

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def wait_for(session, text, timeout=30.0):
    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


def start(session, workdir, target):
    env = f"WORKBENCH_HOME={workdir}/home TEXTUAL_ANIMATIONS=none PYTHONPATH={ROOT}"
    cmd = f"cd {workdir} && env {env} {sys.executable} -m workbench open {target} --to ar,ckb"
    tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "32", cmd)


def open_and_type(session, workdir, *keys):
    """Open the seed article in ``workdir`` in a new terminal and send ``keys`` one by one."""
    shutil.copy(TEXTS / "al-qaem.en.md", workdir / "al-qaem.en.md")
    start(session, workdir, "al-qaem.en.md")
    wait_for(session, "Kurdish, Sorani")
    for k in keys:
        tmux("send-keys", "-t", session, *k)
        time.sleep(0.4)


def test_edit_confirm_quit_reopen_in_tmux(tmp_path):
    session = f"wb-{os.getpid()}"
    try:
        open_and_type(session, tmp_path, ["Down"], ["Enter"], ["-l", "edited in tmux"], ["Enter"])
        wait_for(session, "al-qaem:p2:s2")  # confirmed, moved on to the next unconfirmed
        tmux("send-keys", "-t", session, "q")
        time.sleep(1.5)
        tmux("kill-session", "-t", session)
        start(session, tmp_path, "al-qaem.workbench")
        screen = wait_for(session, "edited in tmux")
        assert "✓" in screen
    finally:
        tmux("kill-session", "-t", session)
    from workbench.store.project import Project

    with Project.open(tmp_path / "al-qaem.workbench") as p:
        row = next(r for r in p.rows("ar") if r.key == "al-qaem:p2:s1")
    assert (row.target, row.status) == ("edited in tmux", "translated")


def test_closing_the_terminal_mid_edit_keeps_the_typing_as_a_draft(tmp_path):
    session = f"wb-hup-{os.getpid()}"
    try:
        open_and_type(session, tmp_path, ["Enter"], ["-l", "typed before the hangup"])
        wait_for(session, "as typed")
    finally:
        tmux("kill-session", "-t", session)  # the terminal goes away: SIGHUP
    from workbench.store.project import Project

    row = None
    for _ in range(30):  # the app saves as it exits
        time.sleep(0.2)
        with Project.open(tmp_path / "al-qaem.workbench") as p:
            row = p.rows("ar")[0]
        if row.target:
            break
    assert (row.target, row.status) == ("typed before the hangup", "draft")

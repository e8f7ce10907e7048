"""One scripted run in a real terminal: start, type an edit, confirm, quit, reopen."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, TEXTS, require_tmux


@pytest.fixture(autouse=True)
def _tmux_installed():
    require_tmux()  # CI sets WORKBENCH_REQUIRE_TMUX=1: a missing tmux fails there


SOCKET = f"wb-test-{os.getpid()}"  # a tmux server of its own: no clash with the user's


def tmux(*args):
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def wait_for(session, text, timeout=120.0):
    """Poll the screen until ``text`` is on it (a generous deadline: the machine may be busy)."""
    end = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < end:
        screen = tmux("capture-pane", "-t", session, "-p")
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


def wait_gone(session, timeout=120.0):
    """Poll until the app has exited and its terminal is gone."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if (
            subprocess.run(
                ["tmux", "-L", SOCKET, "has-session", "-t", session],
                capture_output=True,
                check=False,
            ).returncode
            != 0
        ):
            return
        time.sleep(0.1)
    raise AssertionError(f"{session} is still running")


def start(session, workdir, target):
    env = f"WORKBENCH_HOME={workdir}/home TEXTUAL_ANIMATIONS=none PYTHONPATH={ROOT}"
    cmd = f"cd {workdir} && env {env} {sys.executable} -m workbench open {target} --to ar,ckb"
    tmux("new-session", "-d", "-s", session, "-x", "150", "-y", "32", cmd)


def open_and_type(session, workdir, *steps):
    """Open the seed article in ``workdir`` in a new terminal; send each step's keys, then
    wait until the screen shows what that step should show."""
    shutil.copy(TEXTS / "al-qaem.en.md", workdir / "al-qaem.en.md")
    start(session, workdir, "al-qaem.en.md")
    wait_for(session, "Kurdish, Sorani")
    for keys, shows in steps:
        tmux("send-keys", "-t", session, *keys)
        if shows:
            wait_for(session, shows)


EDITING = "keep as draft"  # the hint line while the edit line is open


def test_edit_confirm_quit_reopen_in_tmux(tmp_path):
    session = f"wb-{os.getpid()}"
    try:
        open_and_type(
            session,
            tmp_path,
            (["Down"], "al-qaem:p2:s1"),
            (["Enter"], EDITING),
            (["-l", "edited in tmux"], "edited in tmux"),
            (["Enter"], "al-qaem:p2:s2"),  # confirmed, moved on to the next unconfirmed
        )
        tmux("send-keys", "-t", session, "q")
        wait_gone(session)
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
        open_and_type(
            session,
            tmp_path,
            (["Enter"], EDITING),
            (["-l", "typed before the hangup"], "as typed"),
        )
    finally:
        tmux("kill-session", "-t", session)  # the terminal goes away: SIGHUP
    from workbench.store.project import Project

    row = None
    end = time.monotonic() + 120  # the app saves as it exits: poll the store
    while time.monotonic() < end:
        with Project.open(tmp_path / "al-qaem.workbench") as p:
            row = p.rows("ar")[0]
        if row.target:
            break
        time.sleep(0.1)
    assert (row.target, row.status) == ("typed before the hangup", "draft")

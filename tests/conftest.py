"""Shared fixtures: the repository's glossary and texts, ../shared data, a CLI runner."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.formats.glossary_tsv import load_glossary

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"
GLOSSARY = ROOT / "glossaries" / "names.tsv"
SHARED = Path(os.environ.get("WORKBENCH_SHARED", ROOT.parent / "shared"))

# every XLIFF a test makes workbench write is validated against the official schemas
pytest_plugins = ["tests.helpers.xliff_schema"]


@pytest.fixture(scope="session")
def glossary():
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="session")
def index(glossary):
    return NameIndex(glossary)


@pytest.fixture(scope="session")
def finder(index):
    return NameFinder(index)


def require(available: bool, flag: str, why: str) -> None:
    """Skip where something optional is missing, but fail where CI set `flag` (no silent skip).

    `.ci/run` sets every WORKBENCH_REQUIRE_* flag, so a dependency missing there is a red
    test, not a skipped one.
    """
    if available:
        return
    if os.environ.get(flag) == "1":
        pytest.fail(f"{why} ({flag}=1)")
    pytest.skip(why)


def require_module(name: str, flag: str) -> None:
    """Import-or-skip `name`, failing instead where `flag` is set."""
    import importlib.util

    require(importlib.util.find_spec(name) is not None, flag, f"{name} is not installed")


def require_tmux() -> None:
    """The tmux tests need tmux; CI sets WORKBENCH_REQUIRE_TMUX=1."""
    import shutil

    require(shutil.which("tmux") is not None, "WORKBENCH_REQUIRE_TMUX", "tmux is not installed")


def shared_file(rel: str) -> Path:
    """A file of ../shared/data; skipped where ../shared is absent, failed there in CI."""
    p = SHARED / "data" / rel
    require(p.exists(), "WORKBENCH_REQUIRE_SHARED", f"{p} not available")
    return p


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A workbench home the test can look into (``tmp_path/home``, see ``use_home``)."""
    from tests.helpers.app_env import use_home

    return use_home(tmp_path, monkeypatch)


@pytest.fixture
def project(tmp_path, home):
    """The seed article as a project folder (``tmp_path/proj``), in ``home``."""
    from tests.helpers.app_env import seed_project

    return seed_project(tmp_path / "proj")


@pytest.fixture
def run(capsys, monkeypatch):
    """Run the real CLI entry point in-process; return exit code, stdout, stderr."""
    from workbench.cli import main

    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))

    def _run(*args: str) -> Result:
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        cap = capsys.readouterr()
        return Result(code, cap.out, cap.err)

    return _run


@pytest.fixture(autouse=True)
def notes_stay_listed(monkeypatch):
    """The app's notes stay in ``app._notifications`` for the whole test.

    A note lasts 5 s on screen; on a loaded machine a test can take longer than that between
    the key that raised it and the assert that reads it. Toasts still go from the screen on
    their own timers; only the list the tests read keeps them.
    """
    from textual.notifications import Notification

    monkeypatch.setattr(Notification, "has_expired", property(lambda self: False))


@pytest.fixture(autouse=True)
def own_home(tmp_path_factory, monkeypatch):
    """Every test has a workbench home of its own: nothing reaches the user's real one.

    A test that wants a home it can look into sets ``WORKBENCH_HOME`` itself (its fixture
    runs after this one). ``XDG_DATA_HOME`` goes to a temporary folder as well, so a test
    that removes ``WORKBENCH_HOME`` to check the default still writes nowhere real.
    """
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKBENCH_HOME", str(base / "workbench"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base))

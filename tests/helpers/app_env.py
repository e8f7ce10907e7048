"""Shared set-up for the app and workflow tests: a home folder, a seeded project, the app.

Each test file used to carry its own copy of these; they differ only in options, which are
keyword arguments here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from tests.conftest import GLOSSARY, TEXTS
from workbench.formats.article import read_document
from workbench.store.project import Project

SEED = "al-qaem.en.md"


def use_home(tmp_path: Path, monkeypatch: Any, *, animations: bool = False) -> Path:
    """A fresh WORKBENCH_HOME with the repository's glossary and no user TM or settings."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.delenv("WORKBENCH_TM", raising=False)
    monkeypatch.delenv("WORKBENCH_PROPAGATE", raising=False)
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    if not animations:
        monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return home


def seed_project(folder: Path, texts: Iterable[str | Path] = (SEED,)) -> Path:
    """A project at ``folder`` holding the given articles (names under texts/, or paths)."""
    with Project.init(folder) as p:
        for text in texts:
            p.add_document(read_document(TEXTS / text if isinstance(text, str) else text))
    return folder


def run_app(
    project: Path,
    finder: Any,
    script: Callable[[Any, Any], Awaitable[Any]],
    *,
    langs: Iterable[str] = ("ar", "ckb"),
    rtl: str = "app",
    tm: Any = None,
    user_tm: bool = False,
    size: tuple[int, int] = (150, 40),
    toasts: bool = False,
    **app_options: Any,
) -> Any:
    """Run ``script(app, pilot)`` in the real app over ``project``; return what it returns.

    ``user_tm`` opens the user's default TM (as `workbench open` does) instead of ``tm``;
    ``toasts`` draws notifications (Pilot leaves them out unless asked); other keywords go
    to the app (``settings``, ``home``, ``engine_for``...).
    """
    from workbench import services
    from workbench.tui.app import WorkbenchApp

    async def main() -> Any:
        memory = services.open_tm(None) if user_tm else tm
        try:
            app = WorkbenchApp(project, list(langs), rtl, finder, memory, **app_options)
            async with app.run_test(size=size, notifications=toasts) as pilot:
                await pilot.pause()
                return await script(app, pilot)
        finally:
            if user_tm:
                memory.close()

    return asyncio.run(main())


async def until(pilot: Any, condition: Callable[[], Any], what: str, deadline: float = 30.0):
    """Pause the app until ``condition()`` holds; fail naming ``what`` after ``deadline`` s."""
    loop = asyncio.get_running_loop()
    end = loop.time() + deadline
    while not condition():
        assert loop.time() < end, f"timed out waiting for {what}"
        await pilot.pause(0.02)

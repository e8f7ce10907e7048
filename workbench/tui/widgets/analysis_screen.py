"""The project's analysis in the app: words and segments per CAT band, per language.

The same counts as ``workbench project analyze`` (:mod:`workbench.services.analysis`):
repetitions within the project, then each segment's best TM match in the bands 101, 100,
95-99, 85-94, 75-84, 50-74, and new; words are the source's whitespace tokens. Worked out
in a thread with its own connections (the project read-only), with a count of segments
done while it runs; Esc closes the screen, and stops the count if it is still going.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.core.errors import WorkbenchError
from workbench.core.plural import counted


class _Stopped(Exception):
    """The screen closed before the analysis ended."""


class AnalysisScreen(ModalScreen[None]):
    """Totals per band for each target language."""

    DEFAULT_CSS = """
    AnalysisScreen { align: center middle; }
    AnalysisScreen > Vertical { width: auto; min-width: 60; height: auto; max-height: 90%;
        background: $panel; border: thick $accent; padding: 1 2; }
    #analysis-status { height: auto; }
    """
    BINDINGS: ClassVar = [Binding("escape,q", "close", "Close")]

    def __init__(self, folder: Path, langs: list[str], tm_path, glossary, finder) -> None:
        """Analyse the project in ``folder`` for ``langs`` against the TM at ``tm_path``."""
        super().__init__()
        self.folder, self.langs = folder, langs
        self.tm_path, self.glossary, self.finder = tm_path, glossary, finder
        self._stop = threading.Event()
        self.result = None  # the Analysis, once done

    def compose(self) -> ComposeResult:
        """A status line, then the table."""
        with Vertical():
            yield Static("analysing…", id="analysis-status")
            with VerticalScroll():
                yield Static("", id="analysis-table")

    def on_mount(self) -> None:
        """Start the count."""
        self._run()

    def action_close(self) -> None:
        """Esc: close (a count still going stops)."""
        self._stop.set()
        self.dismiss(None)

    @work(thread=True, exclusive=True, group="analysis")
    def _run(self) -> None:
        from workbench.services.analysis import analyze
        from workbench.store.tm import TranslationMemory

        done, last = 0, 0.0

        def progress(n: int) -> None:
            nonlocal done, last
            if self._stop.is_set():
                raise _Stopped
            done += n
            if time.monotonic() - last > 0.25:
                last = time.monotonic()
                self.app.call_from_thread(self._status, f"analysing… {counted(done, 'segment')}")

        tm = None
        try:
            if self.tm_path is not None and Path(self.tm_path).is_file():
                tm = TranslationMemory(self.tm_path, self.glossary, readonly=True)
            result = analyze(str(self.folder), self.langs, tm, self.finder, progress)
        except _Stopped:
            return
        except WorkbenchError as e:
            self.app.call_from_thread(self._status, f"not analysed: {e}")
            return
        finally:
            if tm is not None:
                tm.close()
        self.app.call_from_thread(self._done, result)

    def _status(self, text: str) -> None:
        if self.is_attached:
            self.query_one("#analysis-status", Static).update(text)

    def _done(self, result) -> None:
        from workbench.services.analysis import BANDS

        self.result = result
        if not self.is_attached:
            return
        table = Table(title="Analysis: segments / words per band", expand=False)
        table.add_column("band")
        for lang in self.langs:
            table.add_column(lang, justify="right")
        for band in BANDS:
            table.add_row(
                band,
                *(
                    f"{c.segments[band]:,} / {c.words[band]:,}"
                    for c in (result.totals[lang] for lang in self.langs)
                ),
            )
        table.add_row(
            "total",
            *(
                f"{sum(c.segments.values()):,} / {sum(c.words.values()):,}"
                for c in (result.totals[lang] for lang in self.langs)
            ),
            style="bold",
        )
        tm = "no TM" if self.tm_path is None else str(self.tm_path)
        docs = len(result.documents) // max(len(self.langs), 1)
        self._status(f"{counted(docs, 'document')}, against {tm}")
        self.query_one("#analysis-table", Static).update(table)

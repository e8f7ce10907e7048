"""The app's TM writer: a thread of its own, so a confirm never waits on the TMs.

The app hands it (segment, language) pairs whose target changed; it opens its own
connections to the project and the TMs (SQLite connections stay in their thread) and makes
each TM hold what the segment holds (:class:`workbench.services.learning.Learner`). The
context panel sees the new units through ``PRAGMA data_version``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import WorkbenchError

_STOP = object()


class LearnerThread(threading.Thread):
    """Learns confirmed targets into the project's TM and the user's TM, in order."""

    def __init__(
        self,
        folder: Path,
        glossary,
        translator: str,
        on_error: Callable[[str], None],
    ) -> None:
        """A writer for the project in ``folder`` (names compared through ``glossary``)."""
        super().__init__(name="workbench-learner", daemon=True)
        self.folder = folder
        self.glossary = glossary
        self.translator = translator
        self.on_error = on_error
        self.jobs: queue.Queue = queue.Queue()
        self._pending = 0
        self._done = threading.Condition()
        self.learned = 0  # units written (for tests and the status)

    def sync(self, segment_id: int, lang: str, confirmed_now: bool = False) -> None:
        """Make the TMs hold what the segment holds now (soon, in this thread)."""
        with self._done:
            self._pending += 1
        self.jobs.put((segment_id, lang, confirmed_now))

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every job handed in so far is written; False on timeout."""
        with self._done:
            return self._done.wait_for(lambda: self._pending == 0, timeout)

    def _finished(self) -> None:
        with self._done:
            self._pending -= 1
            self._done.notify_all()

    def stop(self, timeout: float = 10.0) -> None:
        """Write what is queued, then end the thread (waiting at most ``timeout``)."""
        self.jobs.put(_STOP)
        if self.is_alive():
            self.join(timeout)

    def run(self) -> None:
        """Take jobs until stopped."""
        from workbench.services.learning import Learner, open_learning_tms
        from workbench.store.project import Project

        try:
            project = Project.open(self.folder)
            tms = open_learning_tms(self.folder, self.glossary)
        except WorkbenchError as e:
            self.on_error(f"the translation memory will not learn this session: {e}")
            self._drain_forever()
            return
        learner = Learner(project, tms, self.translator)
        try:
            while True:
                job = self.jobs.get()
                if job is _STOP:
                    return
                try:
                    self.learned += learner.sync(*job)
                except WorkbenchError as e:  # (a full disk): said once per failure
                    self.on_error(f"not learned into the TM: {e}")
                finally:
                    self._finished()
        finally:
            project.close()
            for tm in tms:
                tm.close()

    def _drain_forever(self) -> None:
        while self.jobs.get() is not _STOP:
            self._finished()

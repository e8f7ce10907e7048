"""Errors that reach the user as one clear line."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class: its message is shown to the user as one line, without a traceback."""


class InputError(WorkbenchError):
    """A file or argument the user gave cannot be used (missing, binary, not UTF-8, empty...)."""


class GlossaryError(WorkbenchError):
    """A glossary file is malformed; the message names the file and the line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        """Build the message ``PATH:LINE: MESSAGE``."""
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line

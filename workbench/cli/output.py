"""Small output helpers shared by the commands, and the guard on everything they print."""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from workbench.core.terminal_text import terminal_safe

#: ``--force`` for the commands that write ``--out``.
FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists (never a project database, the TM or an input file).",
)


def print_json(data: object) -> None:
    """Print JSON with non-ASCII text as is (Arabic stays readable), control characters escaped.

    json escapes C0 controls itself; DEL and the C1 range are escaped here, so the JSON
    stays exact and nothing in it can drive a terminal.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    click.echo(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_C1 = re.compile(r"[\x7f-\x9f]")


class SafeStream:
    """A text stream that shows what it is given through terminal_safe.

    Whatever a command prints (names, segments, file names, error messages, exported
    text) may come from a user's file; through this stream no escape sequence or control
    character reaches the terminal. ``unsafe_stream`` is the stream underneath, for our
    own progress bars.
    """

    def __init__(self, stream: TextIO) -> None:
        """Guard ``stream``."""
        self.unsafe_stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` made terminal-safe; bytes are refused, as by any text stream."""
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.unsafe_stream.write(terminal_safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        """Write each line made terminal-safe."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unsafe_stream, name)


@contextlib.contextmanager
def guarded_output() -> Iterator[None]:
    """Route sys.stdout and sys.stderr through SafeStream while a command runs."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _unguarded(stream: TextIO) -> TextIO:
    return getattr(stream, "unsafe_stream", stream)


def progress_bar(length: int, label: str, show_rate: bool = False):  # type: ignore[no-untyped-def]
    """A click progress bar on stderr, shown only on a terminal and for longer jobs.

    With ``show_rate``, ``bar.update(n, text)`` shows ``text`` (a rate) beside the ETA.
    """
    hidden = not sys.stderr.isatty() or length < 2
    return click.progressbar(  # it draws with \r and escapes: the stream underneath
        length=length,
        label=terminal_safe(label, newlines=False),
        file=_unguarded(sys.stderr),
        hidden=hidden,
        item_show_func=(lambda x: x) if show_rate else None,
    )

"""The output option set every command shares: ``--json``, aligned tables, and the guard.

``json_option`` is the one ``--json`` flag (each reporting command documents the shape of
its document in the flag's help; tests/test_cli_json.py fails on a reporting command
without it); ``print_json`` prints that document; ``echo_table`` lines columns up by
terminal cells (Rich's cell widths), so Arabic with harakat, Sorani, wide CJK and
zero-width characters stay aligned; ``guarded_output`` keeps escape sequences in user
text away from the terminal.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TextIO, TypeVar

import click
from rich.cells import cell_len

from workbench.core.terminal_text import terminal_safe

#: ``--force`` for the commands that write ``--out``.
FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists (never a project database, the TM or an input file).",
)


F = TypeVar("F", bound=Callable[..., Any])


class JsonOption(click.Option):
    """The shared ``--json`` flag (a class of its own, so tests can tell it from a copy)."""


def json_option(shape: str) -> Callable[[F], F]:
    """``--json`` for a command that reports: one JSON document of ``shape`` on stdout.

    ``shape`` names the document's keys (it is the flag's help, so ``--help`` documents
    it); the command's value is ``as_json``. Messages and warnings stay on stderr.
    """
    return click.option(
        "--json",
        "as_json",
        is_flag=True,
        cls=JsonOption,
        help=f"Print one JSON document instead of text: {shape}",
    )


def print_json(data: object) -> None:
    """Print JSON with non-ASCII text as is (Arabic stays readable), control characters escaped.

    json escapes C0 controls itself; DEL and the C1 range are escaped here, so the JSON
    stays exact and nothing in it can drive a terminal.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    click.echo(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_C1 = re.compile(r"[\x7f-\x9f]")


def cell_text(value: object) -> str:
    """``value`` as one table cell: str(), made terminal-safe and kept on one line."""
    return terminal_safe(str(value), newlines=False, tabs=False)


def table_lines(
    rows: Sequence[Sequence[object]],
    *,
    header: Sequence[str] | None = None,
    align: str = "",
    indent: int = 0,
    gap: int = 2,
    min_widths: Sequence[int] = (),
) -> list[str]:
    """The lines of a table whose columns line up in terminal cells, not characters.

    Widths are measured with Rich's ``cell_len``: harakat and other combining marks and
    zero-width characters take no cell, CJK takes two. ``align`` holds ``<`` or ``>`` per
    column (default ``<``); ``min_widths`` the least width per column. Lines carry no
    trailing spaces.
    """
    table = [[cell_text(c) for c in row] for row in ([header] if header else []) + list(rows)]
    if not table:
        return []
    columns = max(len(r) for r in table)
    least = [*min_widths, *[0] * columns]
    widths = [
        max([least[i]] + [cell_len(r[i]) for r in table if i < len(r)]) for i in range(columns)
    ]
    lines = []
    for row in table:
        parts = []
        for i, text in enumerate(row):
            pad = " " * (widths[i] - cell_len(text))
            right = i < len(align) and align[i] == ">"
            last = i == len(row) - 1
            parts.append(pad + text if right else text + ("" if last else pad))
        lines.append((" " * indent + (" " * gap).join(parts)).rstrip())
    return lines


def echo_table(rows: Sequence[Sequence[object]], **how: Any) -> None:
    """Print ``table_lines(rows, **how)``, one line each."""
    for line in table_lines(rows, **how):
        click.echo(line)


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

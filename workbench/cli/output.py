"""Small output helpers shared by the commands."""

from __future__ import annotations

import json
import sys

import click

#: ``--force`` for the commands that write ``--out``.
FORCE_OPTION = click.option(
    "--force",
    is_flag=True,
    help="Replace --out if it exists (never a project database, the TM or an input file).",
)


def print_json(data: object) -> None:
    """Print JSON with non-ASCII text as is (Arabic stays readable)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def progress_bar(length: int, label: str, show_rate: bool = False):  # type: ignore[no-untyped-def]
    """A click progress bar on stderr, shown only on a terminal and for longer jobs.

    With ``show_rate``, ``bar.update(n, text)`` shows ``text`` (a rate) beside the ETA.
    """
    hidden = not sys.stderr.isatty() or length < 2
    return click.progressbar(
        length=length,
        label=label,
        file=sys.stderr,
        hidden=hidden,
        item_show_func=(lambda x: x) if show_rate else None,
    )

"""Write the README's command reference from the CLI itself, so that the two cannot drift.

    python docs/cli_reference.py          # print the block
    python docs/cli_reference.py --write  # replace the block in README.md

tests/test_docs.py fails when README.md's block differs from what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

START = "<!-- cli-reference: start (python docs/cli_reference.py --write) -->"
END = "<!-- cli-reference: end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def _walk(cmd: click.Command, path: list[str]):
    """Every leaf command under ``cmd`` with its full name, in alphabetical order."""
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from _walk(cmd.commands[name], [*path, name])
    else:
        yield " ".join(path), cmd


def _usage(name: str, cmd: click.Command) -> str:
    args = " ".join(
        p.human_readable_name.upper() + ("…" if p.nargs == -1 else "")
        for p in cmd.params
        if isinstance(p, click.Argument)
    )
    return f"workbench {name} {args}".rstrip()


def _options(cmd: click.Command) -> str:
    opts = []
    for p in cmd.params:
        if isinstance(p, click.Option) and not p.hidden:
            names = "/".join(p.opts + p.secondary_opts)
            opts.append(f"`{names}`")
    return ", ".join(opts)


def reference() -> str:
    """The Markdown block: one row per command with its arguments, summary and options."""
    from workbench.main import cli

    lines = [START, "", "| command | what it does | options |", "|---|---|---|"]
    for name, cmd in _walk(cli, []):
        summary = (cmd.get_short_help_str(limit=120) or "").replace("|", "\\|")
        lines.append(f"| `{_usage(name, cmd)}` | {summary} | {_options(cmd)} |")
    lines += ["", END]
    return "\n".join(lines)


def current_block(text: str) -> str | None:
    """The block as README.md holds it now (None where the markers are missing)."""
    if START not in text or END not in text:
        return None
    return text[text.index(START) : text.index(END) + len(END)]


def main() -> None:
    """Print the block, or write it into README.md with ``--write``."""
    block = reference()
    if "--write" not in sys.argv:
        print(block)
        return
    text = README.read_text(encoding="utf-8")
    old = current_block(text)
    if old is None:
        sys.exit(f"README.md has no {START!r} … {END!r} markers")
    README.write_text(text.replace(old, block), encoding="utf-8")


if __name__ == "__main__":
    main()

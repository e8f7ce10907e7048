"""The ``workbench`` entry point: the command line plus the translators' app.

The CLI and the TUI never import each other (an import-linter contract); this module is
the one place that puts ``workbench open`` beside the other commands.
"""

from __future__ import annotations

from workbench.cli import cli
from workbench.cli import main as cli_main
from workbench.tui.command import open_cmd

cli.add_command(open_cmd)


def main(argv: list[str] | None = None) -> None:
    """Run ``workbench`` with every command."""
    cli_main(argv)

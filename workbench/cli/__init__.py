"""The ``workbench`` command line: thin click commands over workbench.services.

Heavy modules are imported inside commands so that ``workbench --help`` starts fast.
Every WorkbenchError becomes one ``workbench: error: ...`` line on stderr and exit code 1.
"""

from __future__ import annotations

import sys

import click

from workbench import __version__
from workbench.cli.align import align, reuse
from workbench.cli.batch import batch
from workbench.cli.exchange import export_cmd, import_cmd
from workbench.cli.glossary import glossary
from workbench.cli.models import models
from workbench.cli.project import project
from workbench.cli.qa import qa
from workbench.cli.score import score
from workbench.cli.segment import segment
from workbench.cli.tm import tm
from workbench.cli.translate import translate

#: ``workbench --help``: the main job first, as the README puts it. Click keeps the lines of
#: a paragraph that starts with a backspace character (``\b``) as they are.
HELP = (
    "Translation and alignment workbench for English, Arabic and Central Kurdish.\n\n"
    "\b\n"
    "The main job: translate in the terminal (opens the app; a document gets a project)\n"
    "  workbench open texts/al-qaem.en.md --to ar,ckb\n"
    "Another: check how names are spelled across articles\n"
    "  workbench glossary check texts/*.md\n\n"
    "Each command explains itself: workbench COMMAND --help."
)


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
def cli() -> None:
    """The ``workbench`` group: checks the WORKBENCH_* settings before any command runs."""
    from workbench.core.settings import current

    current()  # an invalid WORKBENCH_* value stops every command here, in one line


cli.add_command(glossary)
cli.add_command(segment)
cli.add_command(project)
cli.add_command(tm)
cli.add_command(export_cmd)
cli.add_command(import_cmd)
cli.add_command(align)
cli.add_command(reuse)
cli.add_command(score)
cli.add_command(translate)
cli.add_command(models)
cli.add_command(qa)
cli.add_command(batch)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning known errors into one line and a non-zero exit code."""
    from workbench.cli.output import guarded_output

    with guarded_output():  # nothing from a user's file can drive the terminal
        _run(argv)


def _run(argv: list[str] | None) -> None:
    from workbench.core.errors import WorkbenchError

    try:
        cli.main(args=argv, prog_name="workbench", standalone_mode=False)
    except WorkbenchError as exc:
        _error(str(exc))
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("workbench: interrupted", err=True)
        sys.exit(130)
    except click.UsageError as exc:  # one line, like every other error; exit code 2
        ctx = exc.ctx
        see = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
        _error(exc.format_message() + see)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _error(exc.format_message())
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("workbench: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except OSError as exc:
        _error(f"{exc.strerror or exc}")
        sys.exit(1)


def _error(message: str) -> None:
    """``workbench: error: MESSAGE`` on stderr, always one line (a newline shows as ␤)."""
    from workbench.core.terminal_text import terminal_safe

    click.echo(f"workbench: error: {terminal_safe(message.strip(), newlines=False)}", err=True)

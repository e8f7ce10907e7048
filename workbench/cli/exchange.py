"""``workbench export``: a project's translations for other tools."""

from __future__ import annotations

import click


@click.command("export")
@click.argument("project", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["tmx", "txt"]), required=True)
@click.option("--lang", required=True, help="Target language to export.")
@click.option("--out", type=click.Path(), help="File to write (default: stdout).")
def export_cmd(project: str, fmt: str, lang: str, out: str | None) -> None:
    """Export PROJECT's translations into LANG as TMX or plain text.

    In plain text, untranslated segments keep their source text.
    """
    from workbench import services

    text = services.export_project(project, fmt, lang, out)
    if out:
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)

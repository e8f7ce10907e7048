"""``workbench export`` and ``workbench import``: exchanging a project with other tools."""

from __future__ import annotations

import click

from workbench.cli.output import FORCE_OPTION


@click.command("export")
@click.argument("project", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["xliff", "tmx", "txt"]), required=True)
@click.option(
    "--xliff-version",
    type=click.Choice(["2.1", "1.2"]),
    default="2.1",
    show_default=True,
    help="XLIFF 1.2 for older CAT tools.",
)
@click.option("--lang", required=True, help="Target language to export.")
@click.option("--out", type=click.Path(), help="File to write (default: stdout).")
@FORCE_OPTION
def export_cmd(
    project: str, fmt: str, xliff_version: str, lang: str, out: str | None, force: bool
) -> None:
    """Export PROJECT's translations into LANG as XLIFF, TMX or plain text.

    XLIFF carries every segment with its status and note, for other CAT tools and for
    'workbench import'; in plain text, untranslated segments keep their source text.
    """
    from workbench import services

    if fmt == "xliff" and xliff_version == "1.2":
        fmt = "xliff12"
    if out:
        services.check_out_path(out, force)  # before any work
    text = services.export_project(project, fmt, lang, None)
    if out:
        services.write_text(out, text, force=force)
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.command("import")
@click.argument("xliff_file", type=click.Path())
@click.option(
    "--project",
    "folder",
    default=".",
    show_default=True,
    type=click.Path(),
    help="The project the XLIFF file was exported from.",
)
def import_cmd(xliff_file: str, folder: str) -> None:
    """Bring a translated XLIFF file (2.x or 1.2) back into the project."""
    from workbench import services

    r = services.import_xliff(xliff_file, folder)
    click.echo(
        f"{xliff_file} -> {folder} ({r.lang}): {r.updated} updated, {r.unchanged} unchanged"
        + (f", {r.unknown} unknown ids" if r.unknown else "")
        + (
            f", {r.source_changed} skipped (source changed since export)"
            if r.source_changed
            else ""
        )
    )

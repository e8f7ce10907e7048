"""``workbench qa``: quality checks of a project's translations."""

from __future__ import annotations

import sys

import click

from workbench.cli.options import GLOSSARY_OPTION
from workbench.cli.output import echo_table, json_option, print_json


@click.command()
@click.argument("project", type=click.Path())
@click.option("--lang", required=True, help="Target language to check.")
@click.option("--empty", "include_empty", is_flag=True, help="Also list untranslated segments.")
@GLOSSARY_OPTION
@json_option(
    '{"segments": [{"id", "warnings": [{"code", "message", "detail"}]}], '
    '"names": {entry: {spelling: [segment ids]}}}.'
)
def qa(
    project: str, lang: str, include_empty: bool, glossary_path: str | None, as_json: bool
) -> None:
    """Numbers, glossary names, scripts and copies in PROJECT's translations into LANG.

    Exit code 3 when there is a warning (for scripts), else 0.
    """
    from workbench import services

    per_segment, names = services.qa_project(project, lang, glossary_path, include_empty)
    if as_json:
        print_json(
            {
                "segments": [
                    {
                        "id": k,
                        "warnings": [
                            {"code": w.code, "message": w.message, "detail": w.detail} for w in ws
                        ],
                    }
                    for k, ws in per_segment
                ],
                "names": names,
            }
        )
    else:
        rows = [[key, w.code, w.message] for key, ws in per_segment for w in ws]
        echo_table(rows, min_widths=[0, 11])
        for entry, spellings in names.items():
            shown = "; ".join(f"{s} ({', '.join(ids[:3])})" for s, ids in spellings.items())
            click.echo(f"{entry}: spelled more than one way: {shown}")
        if not per_segment and not names:
            click.echo("no warnings")
    if per_segment or names:
        sys.exit(3)

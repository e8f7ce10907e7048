"""``workbench segment``: split a text into sentences with stable ids."""

from __future__ import annotations

import click

from workbench.cli.output import json_option, print_json


@click.command()
@click.argument("file", type=click.Path())
@click.option(
    "--lang",
    help="Language of the text (en, ar, ckb, kmr); default: front matter, file name or a guess.",
)
@json_option('[{"id", "doc", "lang", "para", "sent", "kind", "start", "end", "text"}].')
def segment(file: str, lang: str | None, as_json: bool) -> None:
    """Split FILE into sentences; print one segment per line as ID<TAB>TEXT."""
    from workbench import services

    doc, segs = services.segment_file(file, lang)
    if as_json:
        print_json(
            [
                {
                    "id": s.id,
                    "doc": s.doc,
                    "lang": doc.lang,
                    "para": s.para,
                    "sent": s.sent,
                    "kind": s.kind,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                }
                for s in segs
            ]
        )
        return
    for s in segs:
        click.echo(f"{s.id}\t{s.text}")

"""Click options that several commands share, declared once (name, variable, help)."""

from __future__ import annotations

import click

#: ``--tm``: the translation memory a command reads or writes.
TM_OPTION = click.option(
    "--tm",
    "tm_path",
    type=click.Path(),
    envvar="WORKBENCH_TM",
    help="TM file (default: tm.sqlite under $WORKBENCH_HOME or the XDG data folder).",
)

#: ``--glossary``: the names glossary (found as :func:`services.open_glossary` finds it).
GLOSSARY_OPTION = click.option(
    "--glossary",
    "glossary_path",
    type=click.Path(),
    envvar="WORKBENCH_GLOSSARY",
    help="Glossary TSV or TBX (default: $WORKBENCH_GLOSSARY, ./glossaries/names.tsv, "
    "then the bundled one).",
)

#: ``--beams`` and ``--max-length``: how a model decodes (part of the MT cache's key).
BEAMS_OPTION = click.option(
    "--beams",
    default=1,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Beam size (1 = greedy).",
)
MAX_LENGTH_OPTION = click.option(
    "--max-length",
    default=256,
    show_default=True,
    type=click.IntRange(1, 1024),
    help="Most tokens in one translation.",
)

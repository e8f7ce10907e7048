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

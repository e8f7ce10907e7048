"""``workbench tm ...``: the translation memory (default: $WORKBENCH_HOME/tm.sqlite)."""

from __future__ import annotations

import click

from workbench.cli.options import GLOSSARY_OPTION, TM_OPTION
from workbench.cli.output import FORCE_OPTION, json_option, print_json, progress_bar
from workbench.core.plural import counted


@click.group()
def tm() -> None:
    """Translation memory: import, export, look up (names compared through the glossary)."""


@tm.command("import")
@click.argument("tmx_file", type=click.Path())
@TM_OPTION
@GLOSSARY_OPTION
@click.option("--src", help="Source language (default: the TMX header's srclang).")
@json_option('{"file", "tm", "added", "skipped", "skipped_langs": {lang: count}}.')
def import_cmd(
    tmx_file: str, tm_path: str | None, glossary_path: str | None, src: str | None, as_json: bool
) -> None:
    """Import a TMX file; units already in the TM are not added twice."""
    from workbench import services

    with services.open_tm(tm_path, glossary_path) as memory:
        read = services.load_tmx(tmx_file, src)
        with progress_bar(len(read.units), "importing") as bar:
            added, skipped = services.tm_add_units(memory, read.units, bar.update)
        if as_json:
            print_json(
                {
                    "file": tmx_file,
                    "tm": str(memory.path),
                    "added": added,
                    "skipped": skipped,
                    "skipped_langs": {k or "?": v for k, v in read.skipped_langs.items()},
                }
            )
            return
        click.echo(
            f"{tmx_file}: {counted(added, 'unit')} added, {skipped:,} already present or empty "
            f"({memory.path})"
        )
        if read.skipped_langs:
            langs = ", ".join(f"{k or '?'} ×{v}" for k, v in read.skipped_langs.items())
            click.echo(f"  skipped variants in unsupported languages: {langs}")


@tm.command("add-texts")
@click.argument("source", type=click.Path())
@click.argument("target", type=click.Path())
@TM_OPTION
@GLOSSARY_OPTION
@json_option('{"source", "target", "tm", "added", "skipped"}.')
def add_texts(
    source: str, target: str, tm_path: str | None, glossary_path: str | None, as_json: bool
) -> None:
    """Add SOURCE and its segment-aligned translation TARGET (e.g. texts/al-qaem.en.md .ar.md)."""
    from workbench import services

    with services.open_tm(tm_path, glossary_path) as memory:
        added, skipped = services.tm_add_texts(memory, source, target)
        if as_json:
            print_json(
                {"source": source, "target": target, "tm": str(memory.path)}
                | {"added": added, "skipped": skipped}
            )
            return
        click.echo(f"{counted(added, 'unit')} added, {skipped:,} already present ({memory.path})")


@tm.command("export")
@click.option("--out", required=True, type=click.Path(), help="TMX file to write.")
@TM_OPTION
@click.option("--src", help="Only this source language ...")
@click.option("--tgt", help="... and this target language.")
@FORCE_OPTION
@json_option('{"tm", "out", "units"}.')
def export_cmd(
    out: str, tm_path: str | None, src: str | None, tgt: str | None, force: bool, as_json: bool
) -> None:
    """Export the TM as TMX 1.4b (an existing --out file is replaced only with --force)."""
    from workbench import services
    from workbench.store.tm import TranslationMemory, default_tm_path

    path = tm_path or default_tm_path()
    services.check_out_path(out, force, keep=[path])  # before the TM is opened
    with TranslationMemory(path, readonly=True) as memory:
        n = services.tm_export_tmx(memory, out, src, tgt, force=force)
    if as_json:
        print_json({"tm": str(path), "out": out, "units": n})
        return
    click.echo(f"{out}: {counted(n, 'unit')}")


@tm.command()
@click.argument("text")
@click.option("--src", required=True, help="Language of TEXT.")
@click.option("--tgt", required=True, help="Language of the translations wanted.")
@TM_OPTION
@GLOSSARY_OPTION
@click.option("--prev", default="", help="The previous source segment (for 101% context matches).")
@click.option("--next", "next_", default="", help="The next source segment.")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 1000))
@click.option(
    "--threshold",
    default=70.0,
    show_default=True,
    type=click.FloatRange(0, 101),
    help="Lowest score shown.",
)
@json_option(
    '[{"source", "target", "score" (0-101), "origin", "plain", "kind", "stored_target", '
    '"substitutions": [[before, after]]}], best first.'
)
def lookup(
    text: str,
    src: str,
    tgt: str,
    tm_path: str | None,
    glossary_path: str | None,
    prev: str,
    next_: str,
    limit: int,
    threshold: float,
    as_json: bool,
) -> None:
    """Matches for TEXT: 101 context, 100 exact, else fuzzy (names compared via the glossary)."""
    from workbench import services

    with services.open_tm(tm_path, glossary_path, readonly=True) as memory:
        warn_if_stale(memory)
        found = memory.lookup(
            text, src, tgt, prev=prev, following=next_, limit=limit, threshold=threshold
        )
    if as_json:
        print_json([m.as_json() for m in found])
        return
    if not found:
        click.echo(f"no match >= {threshold:g}%")
    for m in found:
        plain = (
            f" (plain {m.plain:.0f}%)"
            if m.kind == "fuzzy" and round(m.plain) != round(m.score)
            else ""
        )
        click.echo(f"{m.score:.0f}% {m.kind}{plain}  [{m.origin}]")
        click.echo(f"  {m.source}")
        click.echo(f"  {m.target}")
        for before, after in m.substitutions:
            click.echo(f"    name: {before} -> {after}")


@tm.command()
@click.argument("text")
@click.option("--src", help="Only units from this source language ...")
@click.option("--tgt", help="... into this target language.")
@TM_OPTION
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@json_option(
    '[{"source", "target", "src_lang", "tgt_lang", "origin", "side" (source|target|both)}].'
)
def concordance(
    text: str, src: str | None, tgt: str | None, tm_path: str | None, limit: int, as_json: bool
) -> None:
    """Every unit whose source or target contains TEXT (a word or phrase), both sides shown.

    Case-insensitive; Arabic diacritics and tatweel are ignored.
    """
    from workbench.core.languages import get_language
    from workbench.store.concordance import concordance as find
    from workbench.store.tm import TranslationMemory, default_tm_path

    if bool(src) != bool(tgt):
        raise click.UsageError("give both --src and --tgt, or neither")
    src = get_language(src).tag if src else None
    tgt = get_language(tgt).tag if tgt else None
    with TranslationMemory(tm_path or default_tm_path(), readonly=True) as memory:
        hits = find(memory.con, text, src, tgt, limit)
    if as_json:
        print_json([h.as_json() for h in hits])
        return
    if not hits:
        click.echo(f"no unit contains {text!r}")
    for h in hits:
        click.echo(f"[{h.src_lang}-{h.tgt_lang}, {h.side}] {h.origin}")
        click.echo(f"  {h.source}")
        click.echo(f"  {h.target}")


@tm.command()
@TM_OPTION
@GLOSSARY_OPTION
@json_option('{"tm", "units", "glossary_entries"}.')
def reindex(tm_path: str | None, glossary_path: str | None, as_json: bool) -> None:
    """Compare names through the glossary as it is now (run after changing the glossary)."""
    from workbench import services

    with services.open_tm(tm_path, glossary_path) as memory:
        with progress_bar(memory.count(), "reindexing") as bar:
            n = memory.reindex(bar.update)
    if as_json:
        print_json({"tm": str(memory.path), "units": n, "glossary_entries": len(memory.glossary)})
        return
    entries = counted(len(memory.glossary), "glossary entry", "glossary entries")
    click.echo(f"{counted(n, 'unit')} reindexed with {entries} ({memory.path})")


def warn_if_stale(memory) -> None:  # type: ignore[no-untyped-def]
    """Say on stderr when the TM's names were indexed with another glossary."""
    if memory.stale:
        click.echo(STALE.format(path=memory.path), err=True)


STALE = (
    "workbench: note: {path} was indexed with another glossary; "
    "name-aware matches may miss names until: workbench tm reindex"
)


@tm.command("import-aligned")
@click.argument("src", type=click.Path())
@click.argument("tgt", type=click.Path())
@click.option("--src-lang", required=True)
@click.option("--tgt-lang", required=True)
@click.option("--segment", is_flag=True, help="SRC and TGT are documents, not sentence lines.")
@click.option(
    "--min-score",
    default=0.3,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="Lowest bead score kept (0-1).",
)
@click.option(
    "--engine",
    type=click.Choice(["hf", "ct2"]),
    help="Also compare the source's machine translation with the target (chrF).",
)
@click.option("--model", help="Model folder for --engine (default: the pulled default model).")
@TM_OPTION
@GLOSSARY_OPTION
@json_option('{"src", "tgt", "tm", "pairs", "added", "skipped"} (pairs: confident 1-1 beads).')
def import_aligned(
    src: str,
    tgt: str,
    src_lang: str,
    tgt_lang: str,
    segment: bool,
    min_score: float,
    engine: str | None,
    model: str | None,
    tm_path: str | None,
    glossary_path: str | None,
    as_json: bool,
) -> None:
    """Align SRC with its translation TGT and put the confident 1-1 pairs into the TM."""
    from workbench import services
    from workbench.cli.align import source_mt

    mt_of = source_mt(engine, model, None, src, src_lang, tgt_lang, segment)
    s, t, al = services.align_files(src, tgt, src_lang, tgt_lang, segment, True, mt_of)
    units = services.aligned_units(s, t, al, src_lang, tgt_lang, origin=src, min_score=min_score)
    if not al.is_translation:
        raise click.ClickException(
            f"{tgt} does not look like a translation of {src}; nothing imported"
        )
    with services.open_tm(tm_path, glossary_path) as memory:
        added, skipped = memory.add(units)
    if as_json:
        print_json(
            {"src": src, "tgt": tgt, "tm": str(memory.path), "pairs": len(units)}
            | {"added": added, "skipped": skipped}
        )
        return
    click.echo(
        f"{len(units)} aligned pairs: {added} added, {skipped} already present ({memory.path})"
    )

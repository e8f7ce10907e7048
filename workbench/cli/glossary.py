"""``workbench glossary ...``: look up, check, suggest, cluster, export and import names."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from workbench.cli.options import GLOSSARY_OPTION
from workbench.cli.output import FORCE_OPTION, echo_table, json_option, print_json, progress_bar
from workbench.core.plural import counted

if TYPE_CHECKING:
    from workbench.core.names.name_index import NameMatch


@click.group()
@GLOSSARY_OPTION
@click.pass_context
def glossary(ctx: click.Context, glossary_path: str | None) -> None:
    """The transliteration glossary: names of people, places, tribes, organisations."""
    ctx.obj = {"glossary_path": glossary_path}


def _load(ctx: click.Context):  # type: ignore[no-untyped-def]
    from workbench import services

    return services.open_glossary(ctx.obj.get("glossary_path"))


def _first_places(places: list[str]) -> str:
    """The first three places, and how many more there are."""
    return ", ".join(places[:3]) + (f", +{len(places) - 3} more" if len(places) > 3 else "")


def _how(m: NameMatch) -> str:
    """How a match was found, with the romanisation rule if one found it ("key russian")."""
    return f"{m.how} {m.rule}" if m.rule else m.how


@glossary.command()
@click.argument("names", nargs=-1, required=True)
@json_option(
    '[{"query", "id", "preferred", "ar", "ckb", "kmr", "type", "score", "how", "rule", '
    '"misspelling_of", "also": [id], "confidence", "candidates": [{"id", "preferred", "form", '
    '"how", "rule", "score", "confidence"}]}], one per NAME (id null: no sure entry; rule: the '
    "romanisation convention that found it, or null; misspelling_of: the listed form an "
    "Arabic-script NAME mistypes, or null)."
)
@click.pass_context
def lookup(ctx: click.Context, names: tuple[str, ...], as_json: bool) -> None:
    """Find the entry of each NAME, in any Latin spelling or in Arabic script.

    Scores: 100 a listed spelling, 90 an unseen spelling with the same transliteration
    key, lower a close key. An entry is given only when its confidence (the share of right
    answers at that confidence on the dev set) reaches the threshold; otherwise the close
    candidates are listed. Exit code 1 when some name has no entry.
    """
    from workbench import services

    results = services.lookup_names(_load(ctx), names)
    if as_json:
        print_json([r.as_json() for r in results])
    else:
        for r in results:
            if not r.matches:
                shown = [c for c in r.candidates[:5] if c.confidence >= 0.01]
                if not shown:
                    click.echo(f"{r.query}: not in the glossary")
                    continue
                click.echo(f"{r.query}: no sure entry; candidates:")
                echo_table(
                    [
                        [
                            c.entry.id,
                            c.form,
                            f"({_how(c)} {c.score:g}, confidence {c.confidence:.3f})",
                        ]
                        for c in shown
                    ],
                    indent=2,
                    min_widths=[21],
                )
                continue
            for m in r.matches:
                e = m.entry
                click.echo(
                    f"{r.query}: {e.id} ({e.type}, {_how(m)} {m.score:g}), "
                    f"confidence {m.confidence:.3f}"
                )
                if r.misspelling_of:
                    click.echo(f"  misspelled: the glossary writes {r.misspelling_of}")
                click.echo(
                    f"  en  {e.en}" + (f"  [{', '.join(e.en_variants)}]" if e.en_variants else "")
                )
                for lang in ("ar", "ckb", "kmr"):
                    if e.preferred(lang):
                        click.echo(f"  {lang:<3} {e.preferred(lang)}")
                if e.note:
                    click.echo(f"  note {e.note}")
    if any(not r.matches for r in results):
        sys.exit(1)


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--lang", help="Language of all files (default: per file, from front matter or name)."
)
@json_option(
    '{"files": [{"path", "lang", "names": [{"id", "preferred", "surface", "spelling", "para", '
    '"start", "end", "nested", "score"}]}], "inconsistent": [{"id", "preferred", "type", '
    '"lang", "kind", "scope", "within", "across", "spellings": [{"text", "count", "files", '
    '"where"}]}], "misspelled" and "deprecated": [{"id", "preferred", "lang", "spelling", '
    '"right", "count", "files", "where"}]}.'
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with code 3 when an entry is spelled more than one way, misspelled or deprecated.",
)
@click.option(
    "--names/--no-names", "show_names", default=True, help="List the names found in each file."
)
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[str, ...],
    lang: str | None,
    as_json: bool,
    strict: bool,
    show_names: bool,
) -> None:
    """Report glossary names in FILES, every entry spelled more than one way, and misspellings."""
    from workbench import services
    from workbench.core.names.consistency import spelling_norm

    g = _load(ctx)
    with progress_bar(len(files), "checking") as bar:
        report, located = services.check_files(g, list(files), lang, progress=bar.update)

    file_lang = {f.path: f.lang for f in report.files}
    # (entry id, lang) -> (FILE:pN, spelling) of each hit, in file order: gathered once, so
    # each spelling listed looks only at its own entry's hits
    hits_of: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for path, found in located.items():
        for para, h in found:
            hits_of.setdefault((h.entry.id, file_lang[path]), []).append(
                (f"{path}:p{para}", h.spelling)
            )

    def where(
        entry_id: str, lang: str, spelling: str, norm: Callable[[str], str] = spelling_norm
    ) -> list[str]:
        """Distinct FILE:pN locations of one spelling of an entry in files of ``lang``.

        Spellings are compared through ``norm``; ``str`` for a misspelling (to the letter).
        """
        form = norm(spelling)
        places = Counter(p for p, s in hits_of.get((entry_id, lang), ()) if norm(s) == form)
        return [p if n == 1 else f"{p} ×{n}" for p, n in places.items()]

    def misspelled(kind: str) -> list[dict]:
        """The misspellings of ``kind`` (misspelled, deprecated), one JSON row each."""
        return [
            {
                "id": m.entry.id,
                "preferred": m.entry.en,
                "lang": m.lang,
                "spelling": m.spelling,
                "right": m.right,
                "count": m.count,
                "files": m.files,
                "where": where(m.entry.id, m.lang, m.spelling, norm=str),
            }
            for m in report.misspellings
            if m.kind == kind
        ]

    if as_json:
        print_json(
            {
                "files": [
                    {
                        "path": f.path,
                        "lang": f.lang,
                        "names": [
                            {
                                "id": h.entry.id,
                                "preferred": h.entry.en,
                                "surface": h.surface,
                                "spelling": h.spelling,
                                "para": para,
                                "start": h.start,
                                "end": h.end,
                                "nested": h.nested,
                                "score": h.score,
                            }
                            for para, h in located[f.path]
                        ],
                    }
                    for f in report.files
                ],
                "inconsistent": [
                    {
                        "id": i.entry.id,
                        "preferred": i.entry.en,
                        "type": i.entry.type,
                        "lang": i.lang,
                        "kind": i.kind,
                        "scope": i.scope,
                        "within": i.within,
                        "across": i.across,
                        "spellings": [
                            {
                                "text": s.text,
                                "count": s.count,
                                "files": s.files,
                                "where": where(i.entry.id, i.lang, s.text),
                            }
                            for s in i.spellings
                        ],
                    }
                    for i in report.inconsistencies
                ],
                "misspelled": misspelled("misspelled"),
                "deprecated": misspelled("deprecated"),
            }
        )
    else:
        for f in report.files:
            top = Counter(h.entry.id for h in f.hits if not h.nested)
            names = counted(sum(top.values()), "name")
            click.echo(f"{f.path} ({f.lang}): {names}, {counted(len(top), 'entry')}")
            if show_names:
                # spellings that differ only in case (sentence-initial The) count as one
                spellings: dict[str, dict[str, Counter[str]]] = {}
                for h in f.hits:
                    if not h.nested:
                        by_norm = spellings.setdefault(h.entry.id, {})
                        by_norm.setdefault(spelling_norm(h.spelling), Counter())[h.spelling] += 1
                rows = []
                for entry_id, _ in top.most_common():
                    groups = sorted(spellings[entry_id].values(), key=lambda c: -c.total())
                    forms = ", ".join(f"{c.most_common(1)[0][0]} ×{c.total()}" for c in groups)
                    rows.append([entry_id, forms])
                echo_table(rows, indent=2, gap=1, min_widths=[22])
        if not report.inconsistencies and not report.misspellings:
            click.echo("\nEvery entry is spelled one way.")
        many = len({f.lang for f in report.files}) > 1
        for kind, title, what in (
            ("misspelled", "Misspelled", "is a misspelling of"),
            ("deprecated", "Deprecated by the house style", "is deprecated: write"),
        ):
            wrong = [m for m in report.misspellings if m.kind == kind]
            if wrong:
                click.echo(f"\n{title}:")
            for m in wrong:
                lang = f" [{m.lang}]" if many else ""
                shown = _first_places(where(m.entry.id, m.lang, m.spelling, norm=str))
                click.echo(
                    f"  {m.entry.id}{lang} (glossary: {m.entry.en}): {m.spelling} ×{m.count} "
                    f"{what} {m.right}  {shown}"
                )
        for kind, title in (
            ("spelling", "Spelled more than one way"),
            ("alias", "Named more than one way"),
        ):
            items = [i for i in report.inconsistencies if i.kind == kind]
            if not items:
                continue
            click.echo(f"\n{title}:")
            for i in items:
                lang = f" [{i.lang}]" if len({f.lang for f in report.files}) > 1 else ""
                click.echo(f"  {i.entry.id}{lang} (glossary: {i.entry.en}) — {i.describe_scope()}")
                rows = []
                for s in i.spellings:
                    shown = _first_places(where(i.entry.id, i.lang, s.text))
                    rows.append([s.text, f"×{s.count}", shown])
                echo_table(rows, indent=4, gap=1, min_widths=[24, 4])
    if strict and (report.inconsistencies or report.misspellings):
        sys.exit(3)


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--min-count",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Only names seen at least this often.",
)
@json_option('[{"name", "variants", "count", "examples"}], most frequent first.')
@click.pass_context
def suggest(ctx: click.Context, files: tuple[str, ...], min_count: int, as_json: bool) -> None:
    """Capitalised names in FILES that the glossary lacks, spellings of one name grouped."""
    from workbench import services

    cands = services.suggest_for_files(_load(ctx), list(files), min_count)
    if as_json:
        print_json(
            [
                {"name": c.name, "variants": c.variants, "count": c.count, "examples": c.examples}
                for c in cands
            ]
        )
        return
    if not cands:
        click.echo("No names outside the glossary.")
    for c in cands:
        also = f"  (also: {', '.join(c.variants)})" if c.variants else ""
        click.echo(f"{c.name} ×{c.count}{also}")
        for ex in c.examples[:1]:
            click.echo(f"    {ex}")


@glossary.command()
@click.argument("file", type=click.Path())
@json_option("[[line, ...], ...]: the groups of input lines that spell one name.")
@click.option(
    "--no-glossary", "spelling_only", is_flag=True, help="Group by spelling alone, not by entries."
)
@click.pass_context
def cluster(ctx: click.Context, file: str, as_json: bool, spelling_only: bool) -> None:
    """Group the lines of FILE (one name per line) that spell the same name or person.

    Titles, bin/ibn and articles are read as such; a family name alone ("Judge Kavanaugh",
    "al-Baghdadi") joins the one person with that family name. The glossary's entries join
    the Latin and Arabic-script spellings they list.
    """
    from workbench import services

    groups = services.cluster_file(file, None if spelling_only else _load(ctx))
    if as_json:
        print_json(groups)
        return
    for g in groups:
        click.echo(" | ".join(g))


@glossary.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["tbx", "tsv"]), default="tbx", show_default=True
)
@click.option("--out", type=click.Path(), help="Write to this file instead of stdout.")
@FORCE_OPTION
@json_option('{"glossary", "out", "format", "entries"} (needs --out).')
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, out: str | None, force: bool, as_json: bool) -> None:
    """Export the glossary (TBX-Basic for other CAT tools)."""
    from workbench import services

    if as_json and not out:
        raise click.UsageError("--json needs --out FILE (without it the export itself is printed)")
    loaded = _load(ctx)
    keep = [loaded.source] if loaded.source and not loaded.source.startswith("<") else []
    if out:
        services.check_out_path(out, force, keep=keep)  # never over the glossary itself
    text = services.export_glossary(loaded, fmt)
    if out:
        services.write_text(out, text, force=force, keep=keep)
        if as_json:
            print_json(
                {"glossary": loaded.source, "out": out, "format": fmt, "entries": len(loaded)}
            )
        else:
            click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@glossary.command("import")
@click.argument("tbx_file", type=click.Path())
@click.option("--replace", is_flag=True, help="Let the TBX overwrite entries with the same id.")
@json_option('{"file", "glossary", "added", "updated"}.')
@click.pass_context
def import_cmd(ctx: click.Context, tbx_file: str, replace: bool, as_json: bool) -> None:
    """Merge a TBX file into the glossary TSV (new ids added; existing kept unless --replace)."""
    from workbench import services

    added, updated, path = services.import_glossary(tbx_file, ctx.obj.get("glossary_path"), replace)
    if as_json:
        print_json({"file": tbx_file, "glossary": str(path), "added": added, "updated": updated})
        return
    click.echo(f"{path}: {added} added, {updated} updated")

"""``workbench project``: init, add, add-reference, status, scores (a project is a folder)."""

from __future__ import annotations

import click

from workbench.cli.output import echo_table, json_option, print_json
from workbench.core.plural import counted


@click.group()
def project() -> None:
    """Translation projects: documents, segments, translations and their history."""


@project.command()
@click.argument("folder", type=click.Path())
@json_option('{"folder", "journal_mode"}.')
def init(folder: str, as_json: bool) -> None:
    """Create the project FOLDER (a folder; the database is FOLDER/workbench.sqlite)."""
    from workbench import services

    p = services.project_init(folder)
    if as_json:
        print_json({"folder": folder, "journal_mode": p.journal_mode})
    else:
        click.echo(f"{folder}: project ready ({p.journal_mode} journal)")
    p.close()


@project.command()
@click.argument("folder", type=click.Path())
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", help="Source language of the files (default: front matter, name, guess).")
@json_option('{"folder", "documents": [{"name", "added"}]} (added: new segments).')
def add(folder: str, files: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    """Add FILES to the project in FOLDER (re-adding a file keeps unchanged translations)."""
    from workbench import services

    done = services.project_add(folder, list(files), lang)
    if as_json:
        print_json({"folder": folder, "documents": [{"name": n, "added": a} for n, a in done]})
        return
    for name, added in done:
        click.echo(f"{name}: {counted(added, 'new segment')}")


@project.command("add-reference")
@click.argument("folder", type=click.Path())
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", help="Language of the files (default: front matter, name, guess).")
@json_option('{"folder", "references": [{"file", "doc", "lang", "passages", "paired_by"}]}.')
def add_reference(folder: str, files: tuple[str, ...], lang: str | None, as_json: bool) -> None:
    """Add FILES as reference translations (STORY.LANG.md) of the project's documents.

    The app then scores the targets against them: chrF per segment, BLEU and chrF per
    document.
    """
    from workbench import services

    added = []
    for f in files:
        r = services.add_reference(folder, f, lang)
        added.append(
            {
                "file": f,
                "doc": r.doc,
                "lang": r.lang,
                "passages": r.groups,
                "paired_by": r.paired_by,
            }
        )
        if not as_json:
            click.echo(
                f"{r.doc} [{r.lang}]: {r.groups} reference passages, paired by {r.paired_by}"
            )
    if as_json:
        print_json({"folder": folder, "references": added})


@project.command()
@click.argument("folder", type=click.Path())
@click.option("--lang", "langs", multiple=True, help="Target languages (default: those used).")
@json_option(
    '{"folder", "journal_mode", "documents": [{"name", "lang", "segments"}], '
    '"languages": {lang: {status: count}}}.'
)
def status(folder: str, langs: tuple[str, ...], as_json: bool) -> None:
    """Documents, segments and translation status per language."""
    from workbench import services

    st = services.project_status(folder, list(langs) or None)
    if as_json:
        print_json(
            {
                "folder": st.folder,
                "journal_mode": st.journal_mode,
                "documents": [
                    {"name": n, "lang": lang, "segments": s} for n, lang, s in st.documents
                ],
                "languages": st.languages,
            }
        )
        return
    click.echo(f"{folder} ({st.journal_mode} journal)")
    for name, lang, segs in st.documents:
        click.echo(f"  {name} ({lang}): {counted(segs, 'segment')}")
    for lang, counts in st.languages.items():
        shown = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        click.echo(f"  -> {lang}: {shown}")


@project.command()
@click.argument("folder", type=click.Path())
@click.option("--lang", "langs", multiple=True, help="Target languages (default: those used).")
@json_option(
    '[{"doc", "lang", "passages", "scored", "bleu", "chrf", "post_edited", "hter"}] '
    "(a score is null where nothing was scored)."
)
def scores(folder: str, langs: tuple[str, ...], as_json: bool) -> None:
    """BLEU and chrF against the references, and post-editing effort (HTER), per document.

    Passages without a translation yet are left out of BLEU and chrF; HTER is the TER of
    each confirmed segment's machine draft against the confirmed text.
    """
    from workbench import services

    found = services.project_scores(folder, list(langs) or None)
    if as_json:
        print_json([d.as_json() for d in found])
        return
    for d in found:
        ref = (
            f"BLEU {d.bleu:.1f} chrF {d.chrf:.1f} over {d.scored}/{d.passages} passages"
            if d.bleu is not None
            else ("no reference" if not d.passages else f"0/{d.passages} passages translated")
        )
        effort = f"HTER {d.hter:.1f} over {d.post_edited} post-edited" if d.post_edited else ""
        click.echo(f"{d.doc} [{d.lang}]: {ref}" + (f"; {effort}" if effort else ""))


@project.command()
@click.argument("folder", type=click.Path())
@click.option("--lang", "langs", multiple=True, help="Target languages (default: ar and ckb).")
@click.option(
    "--tm",
    "tm_path",
    type=click.Path(),
    envvar="WORKBENCH_TM",
    help="TM to analyse against (default: the user's TM).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Processes looking segments up (default: the CPUs, at most 8); the counts are the same.",
)
@json_option(
    '{"bands": [band], "documents": [{"document", "lang", "bands": {band: {"segments", '
    '"words"}}, "segments", "words"}], "totals": {lang: {"bands", "segments", "words"}}}.'
)
def analyze(
    folder: str, langs: tuple[str, ...], tm_path: str | None, workers: int | None, as_json: bool
) -> None:
    """Words and segments per document and language in the bands CAT tools use.

    Repetition (an earlier segment of the project says the same), 101 (context), 100,
    95-99, 85-94, 75-84, 50-74 and new, from the TM and the project's own repetitions.
    Words are the whitespace tokens of the source.
    """
    from workbench import services
    from workbench.cli.output import progress_bar
    from workbench.core.languages import get_language
    from workbench.services.analysis import BANDS
    from workbench.services.analysis import analyze as run_analysis
    from workbench.store.project import Project

    wanted = [get_language(x).tag for x in (langs or ("ar", "ckb"))]
    with Project.open(folder, readonly=True) as p:
        total = sum(p.segment_count(name) for _, name, _, _ in p.documents()) * len(wanted)
    with services.open_tm(tm_path, None, readonly=True) as memory:
        with progress_bar(total, "analysing") as bar:  # the TM's name finder: one cache
            result = run_analysis(folder, wanted, memory, memory.finder, bar.update, workers)
    if as_json:
        print_json(result.as_json())
        return
    rows = [(d, lang, c) for d, lang, c in result.documents]
    rows += [("(total)", lang, c) for lang, c in result.totals.items()]
    click.echo("segments / words per band")  # the order and words of the app's analysis
    echo_table(
        [
            [doc, lang]
            + [f"{c.segments[b]:,} / {c.words[b]:,}" for b in BANDS]
            + [f"{sum(c.segments.values()):,} / {sum(c.words.values()):,}"]
            for doc, lang, c in rows
        ],
        header=["document", "lang", *BANDS, "total"],
        align="<<" + ">" * (len(BANDS) + 1),
        min_widths=[8, 4],
    )

"""``workbench project``: init, add, add-reference, status, scores (a project is a folder)."""

from __future__ import annotations

import click

from workbench.cli.output import print_json


@click.group()
def project() -> None:
    """Translation projects: documents, segments, translations and their history."""


@project.command()
@click.argument("folder", type=click.Path())
def init(folder: str) -> None:
    """Create the project FOLDER (a folder; the database is FOLDER/workbench.sqlite)."""
    from workbench import services

    p = services.project_init(folder)
    click.echo(f"{folder}: project ready ({p.journal_mode} journal)")
    p.close()


@project.command()
@click.argument("folder", type=click.Path())
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", help="Source language of the files (default: front matter, name, guess).")
def add(folder: str, files: tuple[str, ...], lang: str | None) -> None:
    """Add FILES to the project in FOLDER (re-adding a file keeps unchanged translations)."""
    from workbench import services

    for name, added in services.project_add(folder, list(files), lang):
        click.echo(f"{name}: {added} new segments")


@project.command("add-reference")
@click.argument("folder", type=click.Path())
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", help="Language of the files (default: front matter, name, guess).")
def add_reference(folder: str, files: tuple[str, ...], lang: str | None) -> None:
    """Add FILES as reference translations (STORY.LANG.md) of the project's documents.

    The app then scores the targets against them: chrF per segment, BLEU and chrF per
    document.
    """
    from workbench import services

    for f in files:
        r = services.add_reference(folder, f, lang)
        click.echo(f"{r.doc} [{r.lang}]: {r.groups} reference passages, paired by {r.paired_by}")


@project.command()
@click.argument("folder", type=click.Path())
@click.option("--lang", "langs", multiple=True, help="Target languages (default: those used).")
@click.option("--json", "as_json", is_flag=True)
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
        click.echo(f"  {name} ({lang}): {segs} segments")
    for lang, counts in st.languages.items():
        shown = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        click.echo(f"  -> {lang}: {shown}")


@project.command()
@click.argument("folder", type=click.Path())
@click.option("--lang", "langs", multiple=True, help="Target languages (default: those used).")
@click.option("--json", "as_json", is_flag=True)
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

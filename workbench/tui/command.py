"""``workbench open``: the translators' app on a document or a project."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from workbench.core.plural import counted


@click.command("open")
@click.argument("target", type=click.Path())
@click.option("--to", "to", default="ar,ckb", show_default=True, help="Target languages shown.")
@click.option(
    "--rtl",
    type=click.Choice(["auto", "app", "terminal"]),
    default="auto",
    show_default=True,
    help="Who does right-to-left: this app, or the terminal.",
)
@click.option(
    "--no-propagate",
    is_flag=True,
    help="Do not copy a confirmed target to its repetitions (also: propagate = false in "
    "settings.toml).",
)
def open_cmd(target: str, to: str, rtl: str, no_propagate: bool) -> None:
    """Open TARGET: a project folder, or a document.

    For a document, its project is the folder STORY.workbench beside it (created, and the
    document added, if needed).
    """
    from dataclasses import replace

    from workbench import services
    from workbench.core.errors import InputError, WorkbenchError
    from workbench.core.languages import get_language
    from workbench.core.names.name_finder import NameFinder
    from workbench.core.names.name_index import NameIndex
    from workbench.services.settings import load_settings
    from workbench.tui.app import WorkbenchApp, binding_ids
    from workbench.tui.keymap import FILE_NAME, load_keymap
    from workbench.tui.rtl import detect, terminal_modes

    settings = load_settings()  # a broken settings.toml stops here, before anything is made
    if no_propagate:
        settings = replace(settings, propagate=False)
    path = Path(target)
    if not path.exists():
        raise InputError(f"{path}: no such document or project folder")
    langs = [x.strip() for x in to.split(",") if x.strip()]
    if not langs:
        raise click.BadParameter("no target language given (e.g. --to ar,ckb)", param_hint="--to")
    for lang in langs:
        get_language(lang)  # an unknown code stops here, before a project is made
    if path.is_file():
        opened = services.open_document(path)  # a translation never replaces its source
        if opened.note:
            click.echo(opened.note, err=True)
        folder = opened.folder
        add_sibling_references(folder, path, opened.story, opened.src, langs)
    else:
        folder = path
    finder = NameFinder(NameIndex(services.open_glossary(None)))
    keys = load_keymap(settings.home / FILE_NAME, binding_ids())
    tm = services.open_tm(None)  # the user's TM: matches shown for each segment
    seen = settings.first_run_marker
    first_run = not seen.exists()
    with contextlib.suppress(OSError):  # a read-only home only means the hint comes again
        seen.parent.mkdir(parents=True, exist_ok=True)
        seen.touch()
    enter, leave = terminal_modes(detect(rtl))
    app = WorkbenchApp(
        folder,
        langs,
        rtl,
        finder,
        tm,
        installed_engine,
        keys,
        first_run,
        settings=settings,
        home=settings.home,
    )
    if path.is_file():
        app.opened_article = path  # the app says what is odd about it (an unknown lang)
    try:
        sys.stdout.write(enter)
        sys.stdout.flush()
        app.run()
    finally:
        sys.stdout.write(leave)
        sys.stdout.flush()
        tm.close()
    if app.unsaved is not None:  # quit with an edit open, and the store could not take it
        why, text = app.unsaved
        click.echo(f"the text, to copy: {text}", err=True)
        raise WorkbenchError(why)
    click.echo(saved_summary(folder, langs))


def saved_summary(folder: Path, langs: list[str]) -> str:
    """One line for the terminal after the app: where the work is and how far it got."""
    from workbench import services

    st = services.project_status(str(folder), langs)
    parts = []
    for lang, counts in st.languages.items():
        total = sum(counts.values())
        done = counts["translated"] + counts["reviewed"] + counts["final"]
        parts.append(f"{lang} {done}/{total} confirmed, {counted(counts['draft'], 'draft')}")
    return f"saved in {folder}: " + "; ".join(parts)


def add_sibling_references(
    folder: Path, path: Path, story: str, src: str, langs: list[str]
) -> None:
    """Use STORY.LANG.md files beside the document as references, once, for scoring."""
    from workbench import services
    from workbench.store.project import Project

    with Project.open(folder) as project:
        known = {(d, lang) for d, lang, _ in project.reference_docs()}
    for lang in langs:
        sibling = path.with_name(f"{story}.{lang}{path.suffix}")
        if lang != src and (story, lang) not in known and sibling.is_file():
            r = services.add_reference(str(folder), str(sibling), lang)
            click.echo(f"reference for {lang}: {sibling} ({r.groups} passages)", err=True)


def installed_engine(lang: str):
    """The pulled default model for ``lang`` (CTranslate2 if converted, else transformers).

    Checked now, loaded on its first translation that the MT cache cannot answer. Raises
    the store's one-line error, with the command that gets the model, if none is.
    """
    from workbench import services

    folder = services.model_dir(None, lang)
    fast = folder.with_name(folder.name + "-ct2")  # where `workbench models convert` puts it
    if (fast / "model.bin").is_file():
        return services.open_engine("ct2", lang, str(fast))
    return services.open_engine("hf", lang, str(folder))

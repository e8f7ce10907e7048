"""What the app says on opening an article or project that is odd, in one line each.

A screen with a single heading, no segment at all, or a source language that is not the
one the front matter asked for must not leave the translator guessing why: the app opens
as usual and these notes say what is there. (An article of only invisible characters is
refused before the app starts, by the reader.)
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.languages import get_language
from workbench.store.project import Project

#: Paragraph kinds that are no body text.
_HEADINGS = ("title", "heading")


def opening_notes(project: Project, lang: str, article: Path | None = None) -> list[str]:
    """One line for each odd thing about ``project`` (and the ``article`` file opened)."""
    notes: list[str] = []
    if article is not None:
        notes += _front_matter_notes(article)
    rows = project.rows(lang)
    if not rows:
        notes.append(
            f"{project.folder.name} has no segments to translate: add an article with "
            f"'workbench project add {project.folder} FILE', or open the article itself"
        )
    elif all(r.kind in _HEADINGS for r in rows):
        shown = ", ".join(f"“{_short(r.source)}”" for r in rows[:3])
        more = f" and {len(rows) - 3} more" if len(rows) > 3 else ""
        what = "a heading" if len(rows) == 1 else f"{len(rows)} headings"
        notes.append(
            f"this article has only {what} ({shown}{more}) and no body text: "
            "that is all there is to translate"
        )
    return notes


def _front_matter_notes(article: Path) -> list[str]:
    """A ``lang`` in the front matter that is no known language: what the text was taken as."""
    from workbench.formats.article import read_document

    try:
        doc = read_document(article)
    except WorkbenchError:
        return []  # the project was made from it: nothing more to say here
    asked = str(doc.meta.get("lang", "")).strip()
    if not asked:
        return []
    try:
        get_language(asked)
    except WorkbenchError:
        name = get_language(doc.lang).name
        return [
            f"{article.name}: its front matter says lang: {asked}, which is no language the "
            f"workbench knows; the text is taken as {name} ({doc.lang}), from its words. "
            "Correct the lang line to change that"
        ]
    return []


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"

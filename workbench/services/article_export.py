"""``export --format article``: each document of a project as the finished translation.

Written in the document's own format (Markdown or text, ``STORY.LANG.md``) by the same
writer as ``translate --out`` (:mod:`workbench.formats.article_writer`): the front matter
(title, author, date, ``lang``, ``translation-of``, ``translator`` with who confirmed it,
``model`` where machine drafts were kept as they were), then headings, captions and
paragraphs as the source had them, each with its confirmed target.

A segment without a confirmed target stops the export, before any file is written, with
one line naming it, unless ``allow_drafts`` (its draft is used, and listed under
``drafts`` in the front matter) or ``allow_missing`` (its source is kept, and listed under
``untranslated``). Files are written atomically (:func:`workbench.services.files.write_text`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.plural import counted
from workbench.core.story_id import path_under
from workbench.formats.article_writer import render_article, translation_meta
from workbench.services.files import check_draft_target, write_text
from workbench.store.learned import CONFIRMED, confirmations
from workbench.store.project import Project


@dataclass
class ArticleWritten:
    """One document exported."""

    doc: str
    path: str
    segments: int
    confirmed: int
    drafts: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)


def export_articles(
    folder: str,
    lang: str,
    out_dir: str,
    *,
    allow_drafts: bool = False,
    allow_missing: bool = False,
    force: bool = False,
) -> list[ArticleWritten]:
    """Write every document of the project in ``lang`` under ``out_dir``; what was written."""
    lang = get_language(lang).tag
    plans = []
    with Project.open(folder, readonly=True) as project:
        docs = project.con.execute(
            "SELECT id, name, lang, path, meta FROM documents ORDER BY id"
        ).fetchall()
        if not docs:
            raise InputError(f"{folder}: the project has no documents")
        who = confirmations(project, lang)
        for _, name, src, path, meta in docs:
            rows = project.rows(lang, name)
            plans.append((name, src, path, json.loads(meta or "{}"), rows))
    out = []
    files = []
    for name, src, path, meta, rows in plans:
        report, paragraphs, extra = _compose(name, lang, rows, who, allow_drafts, allow_missing)
        suffix = ".md" if path.endswith(".md") else ".txt"  # as translate --out names it
        target = path_under(Path(out_dir), f"{name}.{lang}{suffix}")
        check_draft_target(target, force, keep=[path])  # every file, before any is written
        text = render_article(translation_meta(meta, name, src, lang, extra), paragraphs)
        report.path = str(target)
        files.append((target, text, path))
        out.append(report)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for target, text, path in files:
        write_text(target, text, keep=[path])
    return out


def _compose(name, lang, rows, who, allow_drafts, allow_missing):
    """(report, (kind, text) paragraphs, front matter fields) of one document."""
    report = ArticleWritten(name, "", len(rows), 0)
    paras: dict[int, tuple[str, list[str]]] = {}
    translators: Counter[str] = Counter()
    models: list[str] = []
    problems = []
    for r in rows:
        if r.status in CONFIRMED and r.target.strip():
            text = r.target
            report.confirmed += 1
            if r.segment_id in who:
                translators[who[r.segment_id][0]] += 1
            if r.origin == "machine" and r.model and r.model not in models:
                models.append(r.model)  # a machine draft kept as it was
        elif allow_drafts and r.target.strip():
            text = r.target
            report.drafts.append(r.key)
        elif allow_missing:
            text = r.source
            report.untranslated.append(r.key)
        else:
            problems.append(r)
            continue
        kind = r.kind if r.kind in ("title", "heading", "caption") else "body"
        paras.setdefault(r.para, (kind, []))[1].append(text)
    if problems:
        raise InputError(_not_confirmed(problems, name, lang))
    paragraphs = [(kind, " ".join(t for t in texts if t)) for kind, texts in paras.values()]
    extra: dict[str, object] = {}
    title = next((text for kind, text in paragraphs if kind == "title"), None)
    if title:
        extra["title"] = title
    if translators:
        extra["translator"] = ", ".join(n for n, _ in translators.most_common())
    if models:
        extra["model"] = models[0] if len(models) == 1 else models
    if report.drafts:
        extra["drafts"] = report.drafts
    if report.untranslated:
        extra["untranslated"] = report.untranslated
    return report, paragraphs, extra


def _not_confirmed(problems: list, name: str, lang: str) -> str:
    """The one line for segments without a confirmed target: the first, and how many more.

    ``al-qaem:p5:s1 has no confirmed ar translation (and 58 more segments in al-qaem);
    confirm them, or export with --allow-drafts (drafts used) or --allow-missing (source
    kept)``; a first one with a draft says "has only a draft, no confirmed ar translation".
    """
    first, rest = problems[0], len(problems) - 1
    has = "has only a draft, no" if first.target.strip() else "has no"
    more = f" (and {counted(rest, 'more segment', 'more segments')} in {name})" if rest else ""
    them = "them" if rest else "it"
    return (
        f"{first.key} {has} confirmed {lang} translation{more}; confirm {them}, or export "
        "with --allow-drafts (drafts used) or --allow-missing (source kept)"
    )

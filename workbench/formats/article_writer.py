"""Writing an article: YAML front matter, then its paragraphs as the source had them.

The one writer of translated articles, for ``workbench translate --out`` (machine drafts)
and ``workbench export --format article`` (the translator's confirmed text): ``# `` for
the title, ``## `` for a heading, ``> `` for a photo caption, a blank line between
paragraphs (see :mod:`workbench.formats.article` for the reading side).
"""

from __future__ import annotations

import yaml

PREFIX = {"title": "# ", "heading": "## ", "caption": "> "}

#: The source's front matter a translation publishes: who wrote it, when, where, for whom,
#: and where it lives (``author``, ``date``, ``place``: the dateline, ``source``: the outlet
#: and publisher, ``url``, ``license``). Everything else is the newsroom's own bookkeeping
#: (``seed:`` the raw page it was cleaned from, ``names:`` a note about the glossary, any key
#: a tool added) and stays out of the published article; ``title`` is the translated one, and
#: ``id``, ``story``, ``lang`` and ``translation-of`` are written for the translation.
PUBLICATION_KEYS = ("author", "date", "place", "source", "url", "license")


def publication_meta(source_meta: dict[str, str]) -> dict[str, object]:
    """The source's publication metadata (:data:`PUBLICATION_KEYS`), in the source's order."""
    return {k: v for k, v in source_meta.items() if k in PUBLICATION_KEYS}


def render_article(meta: dict[str, object], paragraphs: list[tuple[str, str]]) -> str:
    """The article text: ``meta`` as front matter, then (kind, text) paragraphs in order."""
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    lines = ["---", head, "---", ""]
    for kind, text in paragraphs:
        lines += [PREFIX.get(kind, "") + text, ""]
    return "\n".join(lines).rstrip() + "\n"


def translation_meta(
    source_meta: dict[str, str], story: str, src: str, tgt: str, extra: dict[str, object]
) -> dict[str, object]:
    """Front matter of a translation: the source's publication metadata, then id, story, lang.

    Only the keys of :data:`PUBLICATION_KEYS` come from the source; ``lang`` and
    ``translation-of`` name the translation and its original; ``extra`` adds (or replaces)
    fields such as ``translator``, ``model`` and ``title``.
    """
    meta = publication_meta(source_meta)
    meta.update(
        {"id": f"{story}.{tgt}", "story": story, "lang": tgt, "translation-of": f"{story}.{src}"}
    )
    meta.update(extra)
    return meta

"""Articles on disk: Markdown with YAML front matter, or plain text.

Conventions (see texts/README.md):

* an optional front matter block between ``---`` lines holds metadata (id, story, lang,
  title, author, date, place, source...);
* paragraphs are separated by blank lines; lines inside a paragraph are joined;
* ``# Title`` is the title, ``## ...`` a heading, and a paragraph starting with ``> `` is a
  photo caption. Everything else is body text.

A plain ``.txt`` file with no blank lines is read one paragraph per line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from workbench.core.document import Document, Paragraph
from workbench.core.errors import InputError
from workbench.core.languages import get_language, guess_language
from workbench.core.story_id import check_story_id, story_from_file_name
from workbench.core.textio import read_text

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)

#: The largest article read (10 MiB: a long news article is well under 1 MB).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024

#: The longest front matter read (characters): it holds a few short fields.
MAX_FRONT_MATTER = 64 * 1024


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML for a few ``key: value`` fields: anchors and aliases refused (no alias bombs)."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        """Refuse an alias (``*a``) before anything is built from it."""
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)


_LANG_SUFFIX = re.compile(r"^(?P<story>.+)\.(?P<lang>[a-z]{2,3})$")


def split_front_matter(text: str, name: str = "<input>") -> tuple[dict[str, str], str]:
    """Return (metadata, body). Metadata values are strings; InputError on broken YAML."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    if len(m.group(1)) > MAX_FRONT_MATTER:
        raise InputError(
            f"{name}: front matter longer than {MAX_FRONT_MATTER // 1024} KB; "
            "it holds a few short fields"
        )
    try:
        data = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        if "aliases are not" in str(exc):
            raise InputError(
                f"{name}: front matter uses a YAML alias{where}; aliases are not allowed"
            ) from None
        raise InputError(f"{name}: malformed front matter{where}") from None
    except RecursionError:
        raise InputError(f"{name}: front matter nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: front matter must be 'key: value' lines")
    meta = {str(k): "" if v is None else str(v) for k, v in data.items()}
    return meta, text[m.end() :]


def parse_paragraphs(body: str) -> list[Paragraph]:
    """Split a body into numbered paragraphs with their kinds."""
    blocks = [b for b in re.split(r"\n[ \t]*\n", body.strip("\n")) if b.strip()]
    if len(blocks) == 1 and body.count("\n") > 1:
        blocks = [ln for ln in body.split("\n") if ln.strip()]
    out = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        kind = "body"
        first = lines[0]
        if first.startswith("# "):
            kind, lines[0] = "title", first[2:]
        elif re.match(r"#{2,6} ", first):
            kind, lines[0] = "heading", first.lstrip("#").strip()
        elif first.startswith(">"):
            kind = "caption"
            lines = [ln.lstrip(">").strip() for ln in lines]
        text = " ".join(ln for ln in lines if ln)
        if text:
            out.append(Paragraph(len(out) + 1, kind, text))
    return out


def doc_id_and_lang(path: Path, meta: dict[str, str]) -> tuple[str, str | None]:
    """The story id and language from metadata, else from a ``story.LANG.ext`` file name.

    A ``story`` in the front matter must be a name (InputError otherwise: it names the
    files and folders made from the document); one taken from the file name is made into
    a name.
    """
    stem = path.name.split(".md")[0].split(".txt")[0]
    m = _LANG_SUFFIX.match(stem)
    if meta.get("story"):
        story = check_story_id(meta["story"].strip(), f"{path}: front matter")
    else:
        story = story_from_file_name(m.group("story") if m else stem)
    lang = meta.get("lang") or (m.group("lang") if m else None)
    return story, lang


def read_document(path: str | Path, lang: str | None = None) -> Document:
    """Read an article; ``lang`` overrides front matter and file name (else it is guessed)."""
    p = Path(path)
    text = read_text(p, limit=MAX_ARTICLE_BYTES, what="an article")
    meta, body = split_front_matter(text, str(p))
    story, file_lang = doc_id_and_lang(p, meta)
    tag = lang or file_lang or guess_language(body)
    try:
        tag = get_language(tag).tag
    except InputError:
        if lang:
            raise
        tag = guess_language(body)
    paragraphs = parse_paragraphs(body)
    if not paragraphs:
        raise InputError(f"{p}: has front matter but no text")
    return Document(id=story, lang=tag, paragraphs=paragraphs, meta=meta, path=str(p))

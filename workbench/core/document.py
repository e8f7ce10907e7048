"""Documents, paragraphs and segments with stable ids."""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_KINDS = ("title", "heading", "body", "caption")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document: its 1-based number, kind and text."""

    number: int
    kind: str
    text: str


@dataclass(frozen=True)
class Segment:
    """One sentence of a document, identified as ``DOC:pP:sS``.

    Numbers are 1-based; an id stays the same when other paragraphs are edited.
    """

    doc: str
    para: int
    sent: int
    kind: str
    text: str
    start: int  # offset of the sentence in its paragraph
    end: int

    @property
    def id(self) -> str:
        """The stable segment id, e.g. ``al-qaem:p3:s2``."""
        return segment_id(self.doc, self.para, self.sent)


def segment_id(doc: str, para: int, sent: int) -> str:
    """Build the stable id of sentence ``sent`` of paragraph ``para`` of ``doc``."""
    return f"{doc}:p{para}:s{sent}"


@dataclass
class Document:
    """A text in one language: metadata (front matter) and paragraphs."""

    id: str
    lang: str
    paragraphs: list[Paragraph]
    meta: dict[str, str] = field(default_factory=dict)
    path: str = ""

    @property
    def text(self) -> str:
        """All paragraph texts separated by blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs)

"""Alignment use cases: sentence alignment of files, TM units from beads, reuse detection."""

from __future__ import annotations

from workbench.core.align.sentence import Alignment, align_sentences
from workbench.core.errors import InputError
from workbench.core.languages import get_language
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.textio import is_blank, read_text
from workbench.core.units import Unit
from workbench.services.glossary import open_glossary, segment_file


def read_sentences(path: str, lang: str, segment: bool) -> list[str]:
    """The sentences of a file: one per line, or with ``segment`` a document split up.

    Every line counts (empty ones too), so bead indices match the file's lines.
    """
    lang = get_language(lang).tag
    if segment:
        _, segs = segment_file(path, lang)
        return [s.text for s in segs]
    text = read_text(path, allow_empty=True)
    if is_blank(text):
        raise InputError(f"{path}: file is empty: no sentences")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def aligner_similarity(src_lang: str, tgt_lang: str, lexicon: bool = True):
    """The lexical similarity for a language pair when a lexicon ships for it, else None."""
    if not lexicon:
        return None
    from workbench.core.align.lexicon import LexicalSimilarity, load

    if src_lang == "en" and (lex := load(tgt_lang)):
        return LexicalSimilarity(lex, english_first=True)
    if tgt_lang == "en" and (lex := load(src_lang)):
        return LexicalSimilarity(lex, english_first=False)
    return None


def align_files(
    src: str,
    tgt: str,
    src_lang: str,
    tgt_lang: str,
    segment: bool = False,
    lexicon: bool = True,
    mt_of: dict[str, str] | None = None,
) -> tuple[list[str], list[str], Alignment]:
    """Align two files; (source sentences, target sentences, alignment).

    With ``mt_of`` (source sentence -> its machine translation, see :func:`mt_sentences`),
    chrF of each MT against the target sentences is one more signal.
    """
    s_lang, t_lang = get_language(src_lang).tag, get_language(tgt_lang).tag
    s = read_sentences(src, s_lang, segment)
    t = read_sentences(tgt, t_lang, segment)
    similarity = aligner_similarity(s_lang, t_lang, lexicon)
    if mt_of is not None:
        from workbench.core.align.mt_similarity import MTSimilarity

        similarity = MTSimilarity(mt_of, similarity)
    return s, t, align_sentences(s, t, s_lang, t_lang, None, similarity)


def aligned_units(
    s: list[str],
    t: list[str],
    al: Alignment,
    src_lang: str,
    tgt_lang: str,
    origin: str,
    min_score: float = 0.0,
    one_to_one: bool = True,
) -> list[Unit]:
    """TM units from an alignment: 1-1 beads (or all non-null beads) above ``min_score``."""
    units = []
    for k, b in enumerate(al.beads):
        if not b.src or not b.tgt or b.score < min_score:
            continue
        if one_to_one and (len(b.src) != 1 or len(b.tgt) != 1):
            continue
        source = " ".join(s[i] for i in b.src).strip()
        target = " ".join(t[j] for j in b.tgt).strip()
        if not source or not target:
            continue
        prev = " ".join(s[i] for i in al.beads[k - 1].src) if k else ""
        nxt = " ".join(s[i] for i in al.beads[k + 1].src) if k + 1 < len(al.beads) else ""
        units.append(Unit(source, target, src_lang, tgt_lang, prev, nxt, origin))
    return units


def reuse_files(
    derived: str, original: str, lang: str | None, glossary_path: str | None, threshold: float
) -> list:
    """Reuse of ORIGINAL's sentences in DERIVED, names compared through the glossary."""
    from workbench.core.align.reuse import find_reuse

    d_doc, d_segs = segment_file(derived, lang)
    _, o_segs = segment_file(original, lang)
    finder = NameFinder(NameIndex(open_glossary(glossary_path)))
    return find_reuse(d_segs, o_segs, d_doc.lang, finder, threshold)

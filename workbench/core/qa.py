"""Quality checks of a translated segment, as a translator needs them while editing.

Each check returns :class:`QAWarning` objects with a code, a message for people, and the
evidence. The checks:

* ``empty``: no translation yet;
* ``copy``: the target is the source again (an untranslated paste);
* ``number``: a number of the source missing from the target, compared across Latin,
  Arabic-Indic and Persian digits ("40,000" is also "٤٠ ألف");
* ``name-missing``: a glossary name of the source absent from the target;
* ``name-deprecated``: a glossary name written in a form the house says is wrong (a
  variant marked deprecated), with the preferred form;
* ``name-form``: a glossary name written in a spelling the glossary does not list, or in
  an admitted variant when the house asks for that (``Glossary.flag_admitted``); admitted
  variants (البغدادي for Abu Bakr al-Baghdadi) are not flagged otherwise;
* ``name-other-form``: a name spelled in its Arabic form in Sorani (القائم where the house
  writes قائیم), or in its Sorani form in Arabic, with the right form; none where the two
  languages write it alike (داعش);
* ``name-misspelled``: an Arabic-script name mistyped (القايم for القائم: hamza seats,
  ة/ه, alef forms, ى/ي, ك/ک, shadda), with the listed form;
* ``script``: Arabic letters where Sorani has its own (ي ك ة ى in ckb), or Sorani and
  Persian letters in Arabic (ی ک ە ڕ ڵ ۆ ێ in ar).

:func:`name_consistency` finds names spelled more than one way across a project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.align.anchors import sentence_anchors
from workbench.core.glossary import Entry
from workbench.core.names.arabic_script import is_arabic_script, misspelling_of
from workbench.core.names.consistency import spelling_norm
from workbench.core.names.name_finder import NameFinder

_ARABIC_IN_SORANI = {"ي": "ی", "ك": "ک", "ة": "ە", "ى": "ی"}
_SORANI_IN_ARABIC = {"ی": "ي", "ک": "ك", "ە": "ة", "ڕ": "ر", "ڵ": "ل", "ۆ": "و", "ێ": "ي"}
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class QAWarning:
    """One problem of a segment's translation."""

    code: str
    message: str
    detail: str = ""


def check_segment(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    finder: NameFinder | None = None,
    *,
    flag_admitted: bool | None = None,
) -> list[QAWarning]:
    """Every QA warning for one segment's translation.

    ``flag_admitted``: also flag admitted variants of names (default: as the glossary's
    house style says).
    """
    if not target.strip():
        return [QAWarning("empty", "not translated yet")]
    out: list[QAWarning] = []
    if _SPACE.sub(" ", source).strip() == _SPACE.sub(" ", target).strip():
        out.append(QAWarning("copy", "the target is the source text"))
    src_numbers = {a for a in sentence_anchors(source, src_lang).reliable if a.startswith("n:")}
    tgt_numbers = {a for a in sentence_anchors(target, tgt_lang).reliable if a.startswith("n:")}
    for n in sorted(src_numbers - tgt_numbers):
        thousands = n + "000"  # "40" in the source may be "40,000" in the target and back
        if thousands in tgt_numbers or (n.endswith("000") and n[:-3] in tgt_numbers):
            continue
        out.append(QAWarning("number", f"number {n[2:]} is missing", n[2:]))
    if finder is not None:
        if flag_admitted is None:
            flag_admitted = bool(getattr(finder.index.glossary, "flag_admitted", False))
        out += _names(source, target, src_lang, tgt_lang, finder, flag_admitted)
    out += _script(target, tgt_lang)
    return out


def _names(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    finder: NameFinder,
    flag_admitted: bool = False,
) -> list[QAWarning]:
    out = []
    wanted = {h.entry.id: h.entry for h in finder.find(source, src_lang, nested=False)}
    found = finder.find(target, tgt_lang, nested=False)
    have = {h.entry.id for h in found}
    for entry_id, entry in wanted.items():
        form = entry.preferred(tgt_lang)
        if form and entry_id not in have:
            other = _other_form_in(target, entry, tgt_lang)
            if other:  # (the finder reads Arabic text with the Arabic forms only)
                out.append(_other_form(other, entry, tgt_lang))
                continue
            out.append(QAWarning("name-missing", f"{entry.en} is missing (glossary: {form})", form))
    for h in found:
        form = h.entry.preferred(tgt_lang)
        if form and _in_other_language(h.entry, tgt_lang, h.spelling):
            out.append(_other_form(h.spelling, h.entry, tgt_lang))
            continue
        if form and is_arabic_script(form):
            wrong = misspelling_of(h.spelling, h.entry.forms(tgt_lang))
            if wrong:
                right = form if h.entry.is_deprecated(tgt_lang, wrong) else wrong
                out.append(
                    QAWarning(
                        "name-misspelled",
                        f"{h.spelling}: a misspelling of {h.entry.en} (glossary: {right})",
                        right,
                    )
                )
                continue
        if not form:
            continue
        status = _status(h.entry, tgt_lang, h.spelling)
        if status == "preferred" or (status == "admitted" and not flag_admitted):
            continue
        if status == "deprecated":
            message = f"{h.spelling}: deprecated for {h.entry.en}; the house writes {form}"
            out.append(QAWarning("name-deprecated", message, form))
        elif status == "admitted":
            message = f"{h.spelling}: an admitted variant; the house prefers {form}"
            out.append(QAWarning("name-form", message, form))
        else:
            out.append(QAWarning("name-form", f"{h.spelling}: the glossary writes {form}", form))
    return out


#: The other Arabic-script target language of each, and what its forms are called.
_OTHER = {"ckb": ("ar", "Arabic", "Sorani"), "ar": ("ckb", "Sorani", "Arabic")}


def _in_other_language(entry: Entry, lang: str, spelling: str) -> bool:
    """Whether ``spelling`` is the entry's form in the other Arabic-script language only."""
    if lang not in _OTHER or spelling in entry.forms(lang):
        return False
    return spelling in entry.forms(_OTHER[lang][0])


def _other_form_in(target: str, entry: Entry, lang: str) -> str:
    """A form of ``entry`` in the other Arabic-script language written in ``target``, or ''."""
    if lang not in _OTHER:
        return ""
    words = " " + " ".join(_PUNCT.sub(" ", target).split()) + " "
    for form in entry.forms(_OTHER[lang][0]):
        if form not in entry.forms(lang) and f" {form} " in words:
            return form
    return ""


def _other_form(spelling: str, entry: Entry, lang: str) -> QAWarning:
    """``name-other-form``: the name in the other language's spelling, and the right one."""
    _, theirs, ours = _OTHER[lang]
    form = entry.preferred(lang)
    message = f"{spelling}: the {theirs} form of {entry.en} in {ours}; the house writes {form}"
    return QAWarning("name-other-form", message, form)


def _status(entry: Entry, lang: str, spelling: str) -> str:
    """The house-style status of the listed form a spelling is ('' when none is it)."""
    norm = spelling_norm(spelling)
    for form in entry.forms(lang):  # preferred first
        if spelling_norm(form) == norm:
            return entry.status(lang, form)
    return ""


def _script(target: str, tgt_lang: str) -> list[QAWarning]:
    table = {"ckb": _ARABIC_IN_SORANI, "ar": _SORANI_IN_ARABIC}.get(tgt_lang, {})
    bad = sorted({c for c in target if c in table})
    if not bad:
        return []
    what = ", ".join(f"{c} (use {table[c]})" for c in bad)
    label = (
        "Arabic letters in Sorani" if tgt_lang == "ckb" else "Sorani or Persian letters in Arabic"
    )
    return [QAWarning("script", f"{label}: {what}", "".join(bad))]


def name_consistency(
    targets: list[tuple[str, str]], tgt_lang: str, finder: NameFinder
) -> dict[str, dict[str, list[str]]]:
    """Entries spelled more than one way across (segment id, target) pairs.

    Returns entry id -> spelling -> segment ids.
    """
    spellings: dict[str, dict[str, list[str]]] = {}
    for seg_id, text in targets:
        for h in finder.find(text, tgt_lang, nested=False):
            by = spellings.setdefault(h.entry.id, {})
            by.setdefault(h.spelling, []).append(seg_id)
    return {e: s for e, s in spellings.items() if len({spelling_norm(x) for x in s}) > 1}

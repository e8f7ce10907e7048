"""Arabic-script normalisation for Arabic and Sorani, and a matching key for names.

Two different jobs:

* :func:`normalize` is orthographic. It fixes how a text was typed, for one language:
  Sorani typed on an Arabic keyboard (ك ي ى ة, ه + ZWNJ for ە) becomes standard Sorani
  (ک ی ە), Arabic typed on a Persian keyboard (ک ی) becomes Arabic. Sorani's own letters
  (ڕ ڵ ۆ ێ ە ڤ گ پ چ ژ) are never touched.
* :func:`arabic_key` is for matching a name across Arabic and Sorani spellings. It is lossy
  on purpose: hamza and alef forms, yeh and kaf forms, teh marbuta, tatweel and diacritics
  fold away, Sorani letters fold to their Arabic bases, the article is dropped, vowel
  letters and doubled letters are removed, so الموصل and موسڵ share the key "مسل".
"""

from __future__ import annotations

import re
import unicodedata

from workbench.core.textio import strip_bidi_controls

TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"
#: Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)

_TO_ARABIC = str.maketrans({"ک": "ك", "ی": "ي", "ې": "ي", "ھ": "ه", "ە": "ه", "ۀ": "ة"})
_ARABIC_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")

_SORANI_FIX = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ە", "ۀ": "ە", "ې": "ێ"})
_SORANI_RE = (
    (re.compile("ه" + ZWNJ), "ە"),  # heh + ZWNJ is how ە was typed on Arabic keyboards
    # word-final heh is the vowel ە in Sorani (h at the end of a word is written ھ)
    (re.compile('(?<=[\u0620-\u06ff])ه(?=[\\s.،؛؟!:»")]|$)'), "ە"),
    (re.compile("ھ"), "ه"),  # heh doachashmee, used for h
    (re.compile("ئ(?=\\s|$|[.،؛؟!])"), "ێ"),  # final ئ stands for ێ on Arabic keyboards
    (re.compile("(?<=[\u0621-\u06ff])ؤ"), "ۆ"),
    (re.compile("[\u064a\u06cc]\u0654|ي\u0306|ی\u0306"), "ێ"),  # ye + hamza above / breve
    (re.compile("[\u0648]\u0306|\u0648\u0654"), "ۆ"),  # waw + breve / hamza above
    (re.compile("ر\u0306|ر\u0324"), "ڕ"),
    (re.compile("ل\u0306|ل\u0324"), "ڵ"),
)


def _common(text: str) -> str:
    """Steps shared by every language: NFC, no tatweel, no bidi controls."""
    text = unicodedata.normalize("NFC", text)
    text = strip_bidi_controls(text).replace(TATWEEL, "")
    return text


def normalize(text: str, lang: str) -> str:
    """Orthographic normalisation of Arabic-script text for ``lang`` ('ar' or 'ckb').

    Other languages are returned with only tatweel and bidi controls removed.
    """
    text = _common(text)
    if lang == "ckb":
        for pattern, repl in _SORANI_RE:
            text = pattern.sub(repl, text)
        text = text.translate(_SORANI_FIX)
        text = text.replace(ZWNJ, "")
        return _DIACRITICS.sub("", text)
    if lang == "ar":
        return text.translate(_TO_ARABIC).translate(_ARABIC_DIGITS)
    return text


# --- the matching key ----------------------------------------------------------------

_ORTHO = {
    # letter forms that differ by keyboard or habit, not by sound
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ۆ": "و", "ۇ": "و", "ۈ": "و", "ۉ": "و", "ۋ": "و",
    "ى": "ي", "ی": "ي", "ێ": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي", "ء": "",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ە": "", "ھ": "ه",
    # Sorani letters typed without their marks on Arabic keyboards
    "ڕ": "ر", "ڵ": "ل", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز",
    ZWNJ: "", ZWJ: "",
}  # fmt: skip
#: Orthographic fold (light key): keeps every letter that changes the sound.
_LIGHT_FOLD = str.maketrans(_ORTHO)
#: Skeleton fold (matching key): also merges letters Sorani and loose spelling merge.
_KEY_FOLD = str.maketrans(
    {**_ORTHO, "ئ": "", "ص": "س", "ث": "س", "ط": "ت", "ض": "ز", "ظ": "ز", "ذ": "ز"}
)
_NON_LETTER = re.compile(r"[^\u0621-\u064a\u0671-\u06d3\u06d5]+")
_VOWEL_LETTERS = re.compile("[اوي]")


def _key_word(word: str) -> str:
    """Key of one word: article dropped, vowel letters (except a leading one) and doubles gone."""
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if len(word) > 2 and word[-1] in "ةه":
        word = word[:-1]  # final -a: ة, or heh (عانه) where Sorani writes ە
    if not word:
        return ""
    head, rest = word[0], _VOWEL_LETTERS.sub("", word[1:])
    if head == "ا":
        head = ""
    out = []
    for ch in head + rest:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_FINAL_TA = re.compile("(?<=[\u0621-\u06ff])[ةەۀ](?![\u0621-\u06ff])")
_INITIAL_HAMZA_SEAT = re.compile("(?<![\u0621-\u06ff])ئ")
_SORANI_ARTICLE = re.compile(r"(?<![\u0621-\u06ff])ئەل(?=[\u0621-\u06ff]{2})")


def arabic_words(text: str) -> list[str]:
    """Words of an Arabic-script name after folding (letters only).

    The Sorani rendering of the Arabic article (ئەل, as in ئەلبوکەمال) becomes ال so that
    it is dropped like the Arabic one.
    """
    return _words(text, _KEY_FOLD)


def _words(text: str, fold: dict[int, str]) -> list[str]:
    """Fold a name and split it into words (see arabic_words)."""
    text = _SORANI_ARTICLE.sub("ال", _DIACRITICS.sub("", _common(text)))
    text = text.replace(ZWNJ, "")
    # a word-final teh marbuta or Sorani ە is one ending: حديثة = حەدیسە (not حديثه "his talk")
    text = _FINAL_TA.sub("ة", text)
    text = _INITIAL_HAMZA_SEAT.sub("", text)  # Sorani's vowel carrier: ئەنبار
    return [w for w in _NON_LETTER.split(text.translate(fold)) if w]


def _dedupe(text: str) -> str:
    """Collapse runs of one letter."""
    out: list[str] = []
    for ch in text:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def arabic_key(name: str) -> str:
    """The matching key of an Arabic-script name ('' when it has no Arabic letters).

    Words are joined without a space, so "أبو بكر" and "ئەبووبەکر" compare equal.
    """
    return _dedupe("".join(_key_word(w) for w in arabic_words(name)))


def arabic_light_key(name: str) -> str:
    """The spelling of a name up to orthographic variation: a stricter key.

    Folds letter forms that differ by keyboard or habit (hamza seats, alef, yeh and kaf
    forms, Sorani letters typed without their marks), drops the article, tatweel and
    diacritics, and collapses doubles within each word (not across words, so a preposition
    is not absorbed into a name). Unlike the matching key it keeps long vowels and keeps
    ص/س, ث/س, ط/ت apart, and a final ة apart from a final ه.
    """
    parts = []
    for w in _words(name, _LIGHT_FOLD):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        parts.append(_dedupe(w))
    return "".join(parts)


#: Spelling fold: the light fold, but Sorani ە is a letter (ه typed for it), not nothing.
_SPELLING_FOLD = str.maketrans({**_ORTHO, "ە": "ه"})


def arabic_spelling_key(name: str) -> str:
    """A spelling up to letter forms (hamza, alef, yeh, kaf, tatweel, marks): one language.

    For telling apart two spellings of one name in texts of one language: unlike
    :func:`arabic_light_key` the article stays (محمد الحسن is not محمد حسن, ئەلقائیم not
    قائیم) and so does Sorani ە (نەینەوا is not نینەوا).
    """
    return "".join(_dedupe(w) for w in _words(name, _SPELLING_FOLD))


def is_arabic_script(text: str) -> bool:
    """True when the text contains at least one Arabic-script letter."""
    return any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in text)


# The usual Arabic typing confusions: hamza seats, alef forms, teh marbuta / heh, alef
# maqsura / yeh, and the Arabic / Sorani kaf and yeh; shadda is kept (its absence is one).
_TYPO_FOLD = str.maketrans(
    {
        "ئ": "ي",
        "ى": "ي",
        "ی": "ي",
        "ء": "",
        "ؤ": "و",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ە": "ه",
        "ک": "ك",
        "\u0651": "",
        TATWEEL: "",
        ZWNJ: "",
    }
)
_HARAKAT = re.compile("[\u064b-\u0650\u0652-\u065f\u0670]")
SHADDA = "\u0651"


def _as_typed(text: str) -> str:
    """The spelling letter for letter, without harakat or tatweel (shadda kept)."""
    return " ".join(_HARAKAT.sub("", text.replace(TATWEEL, "")).split())


def _vocalised_words(text: str) -> list[bool]:
    """For each word of ``text``: does it carry harakat (vowel marks, not only a shadda)?"""
    return [_HARAKAT.search(w) is not None for w in text.replace(TATWEEL, "").split()]


def _writes(typed: str, vocalised: list[bool], form: str) -> bool:
    """Does ``typed`` (harakat removed) write ``form`` (harakat removed), word for word?

    In a vocalised word the shadda is part of the vocalisation (مُحَمَّد is محمد with its
    marks): it counts only where the form writes one. In a bare word it is a letter typed on
    purpose, compared as it is (الرقّة is not الرقة).
    """
    words, form_words = typed.split(), form.split()
    if len(words) != len(form_words):
        return False
    for word, voc, fw in zip(words, vocalised, form_words, strict=True):
        if word == fw:
            continue
        if not (voc and SHADDA not in fw and word.replace(SHADDA, "") == fw):
            return False
    return True


def misspelling_of(spelling: str, forms: tuple[str, ...] | list[str]) -> str | None:
    """The listed form that ``spelling`` mistypes, or None.

    A misspelling differs from a listed form only by the usual typing confusions (ئ/ي/ى/ء
    seats, ة/ه, أ/إ/آ/ا, ك/ک, ي/ی, a missing or doubled shadda): القايم for القائم. A
    listed form itself (variants included) is not one, and neither is an inflection, which
    changes letters the confusions do not cover (الأمريكية beside الأمريكي, ـين, ـون).
    Harakat are not compared, and a vocalised word's shadda only where the form has one:
    مُحَمَّد الحَسَن writes محمد الحسن.
    """
    typed = _as_typed(spelling)
    vocalised = _vocalised_words(spelling)
    listed = [_as_typed(f) for f in forms if f]
    if not typed or any(_writes(typed, vocalised, f) for f in listed):
        return None
    folded = typed.translate(_TYPO_FOLD)
    for form, as_typed in zip([f for f in forms if f], listed, strict=True):
        if as_typed.translate(_TYPO_FOLD) == folded:
            return form
    return None


# --- the Latin reading of an Arabic-script name ----------------------------------------

#: Each consonant as the Latin key classes its romanisations take (latin_key.word_classes):
#: ث is th or s, ذ ض ظ d, dh or z, ق q or the Iraqi g, ج j or the Egyptian g. Vowel
#: letters, hamza, ain and alef are not written in a skeleton (Latin drops w, y and vowels).
_LATIN_CLASSES: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "پ": ("b",), "ت": ("t",), "ط": ("t",), "ث": ("t", "s"),
    "ج": ("j", "g"), "چ": ("S",), "ژ": ("j",), "ح": ("h",), "خ": ("x",),
    "د": ("d",), "ذ": ("d", "z"), "ض": ("d", "z"), "ظ": ("z", "d"), "ر": ("r",),
    "ز": ("z",), "س": ("s",), "ص": ("s",), "ش": ("S",), "غ": ("g",), "ف": ("f",),
    "ق": ("k", "g"), "ك": ("k",), "ک": ("k",), "گ": ("g",), "ل": ("l",), "ڵ": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",), "ھ": ("h",), "ڕ": ("r",),
}  # fmt: skip
#: Letters that write a vowel (or the ain / hamza a romanisation writes as one) between two
#: consonants: a Latin reading must have a vowel there too (البصيرة is not Bosra).
_VOWEL_SEATS = frozenset("اويىءئؤأإآٱعیێۆەې")
#: Letters that may be a consonantal y or w (Masyad needs one: مسعدة is not it).
_SEMIVOWELS = frozenset("ويىئؤیێۆېڤ")
#: At most this many readings of one name (each ambiguous letter doubles them).
_MAX_READINGS = 16


def latin_readings(name: str) -> tuple[dict[str, tuple[bool, ...]], int, bool]:
    """The Latin consonant skeletons an Arabic-script name may be romanised to, and more.

    Returns (skeleton -> for each gap between two of its consonants, whether the Arabic
    writes a vowel letter, ain or hamza there), the word count, and whether the name has a
    letter that can be a consonantal y or w. The skeleton is what ``latin_key.skeleton``
    gives for a Latin spelling: consonant classes only, the article and a final ة (or heh
    for it) dropped, doubled letters once: حلب reads hlb (Halab), دمشق dmSk (Dimashq),
    دير الزور drzr (Deir ez-Zor). Letters with two usual romanisations give each reading
    (at most 16).
    """
    readings: list[tuple[str, tuple[bool, ...], bool]] = [("", (), False)]
    words = _words(name, {})
    semivowel = any(ch in _SEMIVOWELS for w in words for ch in w)
    for w in words:
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        if len(w) > 2 and w[-1] in "ةهە":
            w = w[:-1]
        for ch in w:
            classes = _LATIN_CLASSES.get(ch)
            if classes is None:
                if ch in _VOWEL_SEATS:
                    readings = [(r, g, bool(r)) for r, g, _ in readings]
                continue
            nxt = []
            for r, gaps, seat in readings:
                for c in classes:
                    if r.endswith(c) and not seat:
                        nxt.append((r, gaps, False))
                    else:
                        nxt.append((r + c, (*gaps, seat) if r else gaps, False))
            readings = list({r: (r, g, s) for r, g, s in nxt}.values())[:_MAX_READINGS]
    return {r: g for r, g, _ in readings if r}, len(words), semivowel


def ends_in_nisba(name: str) -> bool:
    """Does the name's last word end in the nisba ي (-i: الكربولي, القامشلي), not in -a?"""
    words = _words(name, {})
    last = words[-1] if words else ""
    return len(last) > 2 and last[-1] in "يی" and last[-2] not in "اويیى"


def latin_skeletons(name: str) -> tuple[frozenset[str], int]:
    """The Latin consonant skeletons of an Arabic-script name and its word count.

    See :func:`latin_readings`: حلب reads hlb (Halab), دمشق dmSk or dmSg (Dimashq).
    """
    readings, n_words, _ = latin_readings(name)
    return frozenset(readings), n_words


# --- letter-for-letter romanisation ------------------------------------------------------

#: Each Arabic letter as the letter-for-letter romanisations of GeoNames and of Arabic
#: keyboards' users write it (alqamshly for القامشلي, alladhqyt for اللاذقية, abw alzhwr
#: for أبو الظهور): every letter written, alef as a, ain and hamza as nothing.
_LETTERS: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a", ""), "إ": ("a", "i"), "آ": ("a",), "ٱ": ("a",), "ء": ("",),
    "ئ": ("y", ""), "ؤ": ("w", ""), "ب": ("b",), "ت": ("t",), "ث": ("th",), "ج": ("j",),
    "ح": ("h",), "خ": ("kh",), "د": ("d",), "ذ": ("dh",), "ر": ("r",), "ز": ("z",),
    "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d",), "ط": ("t",), "ظ": ("zh", "z"),
    "ع": ("",), "غ": ("gh",), "ف": ("f",), "ق": ("q",), "ك": ("k",), "ل": ("l",),
    "م": ("m",), "ن": ("n",), "ه": ("h",), "ة": ("t", "h"), "و": ("w",), "ي": ("y",),
    "ى": ("a", "y"),
}  # fmt: skip


def letter_romanisations(name: str) -> frozenset[str]:
    """The letter-for-letter romanisations of an Arabic name, spaces dropped (at most 16).

    حماة reads hmat or hmah, الكسوة alkswt, عين البيضاء ynalbyda; each is also given
    with every word's article left out (krymt for الكريمة). A letter outside the table
    (Sorani ڕ, ێ) gives none: such a name is not written this way.
    """
    words = [w for w in _DIACRITICS.sub("", name).split() if w]
    outs: set[str] = set()
    for drop_article in (False, True):
        readings = [""]
        for w in words:
            if drop_article and w.startswith("ال") and len(w) > 3:
                w = w[2:]
            for ch in w:
                options = _LETTERS.get(ch)
                if options is None:
                    if ch == "ـ":  # tatweel
                        continue
                    return frozenset()
                readings = list(dict.fromkeys(r + o for r in readings for o in options))
                readings = readings[:_MAX_READINGS]
        outs.update(readings)
    return frozenset(r for r in outs if r)

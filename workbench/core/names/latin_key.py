"""A transliteration key for Latin spellings of Arabic and Kurdish names.

Different romanisations of one name ("Al Qaem", "al-Qa'im", "El Qaim", "Qaïm") map to the
same key, so an unseen spelling still finds its glossary entry. The key is a consonant
skeleton with vowel runs kept as one slot:

* case, diacritics, apostrophes (ayn, hamza) and hyphens are ignored;
* the article is dropped: al-/el-/ul-, and the assimilated forms (ash-Sham, ar-Raqqa,
  an-Nabk) when the next word starts with the same consonant;
* digraphs become one class: kh -> x, gh and French rh -> g, sh/sch/ş/š and French ch
  -> S (Syria's names reach us through French: Cheikh, Ain ech Cheqaq), th -> t,
  dh -> d, dj/dsch -> j, ph -> f, ck -> k;
* q, k and c share a class, as do b/p and w/v; doubled letters count once;
* a run of vowels (a e i o u, y and w when they are not consonants) is one slot "V",
  except a name-final vowel, which keeps its quality: I (i, y, ee), A (a, e) or U (u, o);
* a word-final h after a vowel is dropped (Hadithah = Haditha, Anah = Ana).

Distinct names keep distinct keys: Anah (VnA) / Anbar (VnbVr), Rawi (rVwI) / Ramadi
(rVmVdI) / Rawa (rVwA), Qaem (kVm) / Qasim (kVsVm), Mosul (mVsVl) / Mahal (mVhVl).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose, or that must keep a digraph's meaning.
_PRE = str.maketrans(
    {
        "ş": "sh",
        "Ş": "sh",
        "š": "sh",
        "Š": "sh",
        "ș": "sh",
        "Ș": "sh",
        "ç": "ch",
        "Ç": "ch",
        "č": "ch",
        "Č": "ch",
        "ž": "zh",
        "Ž": "zh",
        "ğ": "gh",
        "Ğ": "gh",
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ə": "a",
        "Ə": "a",
        "đ": "d",
        "Đ": "d",
        "þ": "th",
        "ð": "dh",
        "ħ": "h",
        "Ħ": "h",
        "ṯ": "th",
        "ḏ": "dh",
        "ḵ": "kh",
        "ḫ": "kh",
        "ġ": "gh",
        "ẓ": "z",
        "ẕ": "z",
        "ʿ": "",
        "ʾ": "",
        "ʻ": "",
        "ʼ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "ʹ": "",
        "ʺ": "",
        "′": "",
    }
)

_WORD = re.compile(r"[a-z0-9]+")

#: Articles dropped wherever they stand before another word.
ARTICLES = frozenset({"al", "el", "ul", "il", "äl"})
#: Assimilated articles, dropped when the next word starts with their consonant(s).
SUN_ARTICLES = frozenset(
    {
        "ad",
        "adh",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "az",
        "ed",
        "en",
        "er",
        "es",
        "esh",
        "et",
        "ez",
        "ud",
        "un",
        "ur",
        "us",
        "ut",
        "uz",
    }
)
_ALBU = frozenset({"bu", "bou", "bo", "boo", "bū"})
_ABD = frozenset({"abdul", "abdel", "abdal", "abdol", "abdil", "abdoul"})

_VOWELS = frozenset("aeiouy")
_DIGRAPHS = (
    ("dsch", "j"),
    ("tsch", "S"),
    ("dzh", "j"),  # Slavic dž (ž is folded to zh): Dželal
    ("dz", "j"),  # Polish dż / dz: Madzdal Szams, Falludza
    ("sz", "S"),  # Polish sz: Madzdal Szams
    ("cz", "S"),  # Polish cz
    ("sch", "S"),
    ("kh", "x"),
    ("gh", "g"),
    ("sh", "S"),
    ("th", "t"),
    ("dh", "d"),
    ("dj", "j"),
    ("zh", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("tch", "S"),
    ("ch", "S"),
    ("rh", "g"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
)
_SINGLE = {
    "q": "k",
    "c": "k",
    "k": "k",
    "g": "g",
    "j": "j",
    "x": "x",
    "p": "b",
    "b": "b",
    "v": "w",
    "f": "f",
    "t": "t",
    "d": "d",
    "s": "s",
    "z": "z",
    "r": "r",
    "l": "l",
    "m": "m",
    "n": "n",
    "h": "h",
}


def fold(text: str) -> str:
    """Lower-case, drop diacritics and apostrophes; keep letters, digits and separators."""
    return _fold_short(text) if len(text) <= 256 else _fold(text)


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    """:func:`fold` of a short text, cached (names and words repeat across a text)."""
    return _fold(text)


def _fold(text: str) -> str:
    text = text.translate(_PRE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().translate(_PRE)


def words(text: str) -> list[str]:
    """The folded words of a name, articles included (hyphens and spaces separate words)."""
    return _WORD.findall(fold(text))


def drop_articles(tokens: list[str]) -> list[str]:
    """Remove Arabic articles and merge 'al bu' into the tribal prefix 'albu'."""
    out: list[str] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None:
            if tok in ("al", "el", "äl") and nxt in _ALBU:
                out.append("albu")
                i += 2
                continue
            if tok in ARTICLES:
                i += 1
                continue
            if tok in SUN_ARTICLES and nxt.startswith(tok[1:]):
                i += 1
                continue
        out.append("abd" if tok in _ABD else tok)
        i += 1
    return out


#: The place-name ending -iya in its romanisations: -iyah, -iyya, -iyeh, -iye, -ieh, French
#: -ie: Ramadiyah, Hamidiye, Malkieh, Chamidie. One form, -ia. (Slavic -ija is left alone:
#: its j is as often the jim of Hawija.)
_IYA = re.compile(r"(?<=[^aeiouy])i(?:yy?[ae]|e)$")


def canonical_ending(word: str) -> str:
    """A folded word with the -iya family of endings written -ia (its final h already gone)."""
    return _IYA.sub("ia", word) if len(word) > 4 else word


@lru_cache(maxsize=65536)
def word_classes(word: str) -> str:
    """Map one folded word to its consonant-class string (vowels as 'V', not yet collapsed)."""
    w = word
    if len(w) > 2 and w.endswith("h") and w[-2] in "aeiou":
        w = w[:-1]
    w = canonical_ending(w)
    out: list[str] = []
    i = 0
    n = len(w)
    german = "sch" in w  # German spelling: its ch is kh (Scheich), not the French sh
    while i < n:
        for dg, cls in _DIGRAPHS:
            if w.startswith(dg, i):
                if dg == "ch" and german:
                    cls = "x"
                out.append("V" if cls in "ui" else cls)
                i += len(dg)
                break
        else:
            ch = w[i]
            nxt = w[i + 1] if i + 1 < n else ""
            prev_vowel = bool(out) and out[-1] == "V"
            if ch in "aeiou":
                out.append("V")
            elif ch == "y":
                out.append("y" if nxt in _VOWELS and nxt != "y" and nxt else "V")
            elif ch == "w":
                out.append("w" if (nxt in _VOWELS and nxt) or not prev_vowel else "V")
            elif ch.isdigit():
                out.append(ch)
            else:
                out.append(_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)


def _collapse(classes: str) -> str:
    """Count doubled classes and runs of vowels once."""
    out: list[str] = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _final_vowel(word: str) -> str:
    """Quality of a word-final vowel: 'I' (i, y, ee), 'U' (u, o, ou) or 'A' (a, e, ah)."""
    w = word[:-1] if len(word) > 2 and word.endswith("h") and word[-2] in "aeiou" else word
    last = w[-1:]
    if last in ("i", "y") or w.endswith("ee"):  # -ee: the nisba of Obeidee, Tikritee
        return "I"
    if last in ("u", "o"):
        return "U"
    return "A"


def key_of_words(tokens: list[str]) -> str:
    """The key of already folded words (articles already dropped).

    A name-final vowel keeps its quality (I, A or U): the nisba -i is meaningful
    (Rawi / Rawa, Karbouli / Karbala), while vowels inside the name are one slot.
    """
    key = _collapse("".join(word_classes(t) for t in tokens))
    if key.endswith("V") and tokens:
        key = key[:-1] + _final_vowel(tokens[-1])
    return key


def alternative_key(tokens: list[str], key: str) -> str | None:
    """A second key for a name ending in a French mute -e (Meskîne, Qoubbassine).

    The -e may equally be the -e of Turkish and Kurdish spellings of -a (Raqqe), so both
    keys are tried.
    """
    last = tokens[-1] if tokens else ""
    if key.endswith("A") and len(last) > 3 and last.endswith("e") and last[-2] not in "aeiouy":
        return key[:-1]
    return None


def skeleton(key: str) -> str:
    """Consonants only (no vowel slots, no y or w): for abjad-style spellings like 'mrqdt'."""
    return "".join(c for c in key if c not in "VIAUyw")


def abjad_skeleton(name: str) -> str | None:
    """The skeleton of a vowel-less romanisation ('alslmyt', 'jrabls'), else None.

    Such strings transliterate the Arabic letters: a leading al is the article and a final
    t or h the teh marbuta.
    """
    letters = "".join(words(name))
    vowels = sum(letters.count(v) for v in "aeiou")
    if len(letters) < 4 or vowels * 4 > len(letters):
        return None
    if letters.startswith("al") and len(letters) > 5:
        letters = letters[2:]
    if letters[-1] in "th" and len(letters) > 4:
        letters = letters[:-1]
    return skeleton(key_of_words([letters]))


def abjad_word_skeleton(name: str) -> str | None:
    """The consonant skeleton of a letter-for-letter romanisation, word by word, else None.

    Each word loses its article and its final t or h (teh marbuta), as an Arabic-script
    form's reading does: 'alnbk' reads nbk (النبك), 'ʿyn albydt' nbd (عين البيضة),
    'alladhqyt' ldk (اللاذقية). None for a spelling with vowels (see :func:`abjad_skeleton`).
    """
    return None if abjad_skeleton(name) is None else skeleton_by_words(name)


def skeleton_by_words(name: str) -> str:
    """:func:`abjad_word_skeleton` for a name already known to be vowel-less."""
    out = []
    for w in words(name):
        if w.startswith("al") and len(w) > 4:
            w = w[2:]
        if w[-1] in "th" and len(w) > 3:
            w = w[:-1]
        out.append(skeleton(key_of_words([w])))
    return "".join(out)


#: Marks of a romanisation of a Russian (Cyrillic) spelling, GOST style: a word-initial eh
#: (э: Ehl'-Kunejtra, Ehs-Sanamejn, Dajr-ehz-Zaur), a soft or hard sign after a consonant
#: (Kafranbel', Sal'khad, Ab'jad), j for й between a vowel and a consonant (Suvejda, Dejr,
#: Musejfra), or the ending -ija (Latakija, Khamidija).
_RUSSIAN = re.compile(
    r"(?:^|[\s-])eh(?=[^aeiouy\s-])"
    r"|[bcdfghklmnprstvz]['’ʹ](?=[^aeiouy]|$)"
    r"|[aeou]j(?=[bcdfgklmnpqrstvwxz])"
    r"|[^aeiouy\s-]ija$"
)


def russian_reading(name: str) -> str | None:
    """A romanised Russian spelling respelt as English spells it, else None.

    GOST romanisation writes э eh, й j, я ja, ю ju, ж zh and ь ': Ehl'-Kunejtra reads
    el-kuneytra, Dejr-ehz-Zor deyr-ez-zor, Ehs-Sidzhn es-sijn. eh is e, the signs go, dzh
    is j and every other j is y. The reading is an extra spelling to look up beside the
    name itself: in Majdal or Hawija the j is the jim.
    """
    low = "".join(
        c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c)
    )
    if not _RUSSIAN.search(low):
        return None
    out = re.sub(r"eh(?=[^aeiouy])", "e", low)
    out = re.sub(r"['’ʹ]", "", out)
    # every mark is changed by one of these, so the reading differs from the name
    return out.replace("dzh", "\0").replace("j", "y").replace("\0", "j")


def latin_key(name: str) -> str:
    """The transliteration key of a Latin-script name ('' when it has no letters)."""
    toks = drop_articles(words(name))
    return key_of_words(toks)


def consonants(key: str) -> int:
    """How many consonant slots a key has (short keys need stricter matching)."""
    return sum(1 for c in key if c not in "VIAU")


def _swap(key: str, old: str, new: str) -> str:
    """The key with every consonant class ``old`` written ``new``, doubled classes once."""
    return _collapse(key.replace(old, new))


def respelling_keys(name: str) -> dict[str, str]:
    """Keys of the name under romanisation conventions that one key cannot merge (rule -> key).

    Each is a reading the key's plain rules give another meaning, so a match through one is
    weaker evidence than a key match:

    * ``s-cedilla``: ş is Turkish sh, but ṣ (sad) in BGN romanisation (Şūrān = Suran);
    * ``nisba``: a place in -iya against its nisba in -i (Ramadiyah, Rumadiya = Ramadi);
    * ``j-as-y``: Spanish y for j (Faluya), ``j-as-g``: Egyptian g for j (Faluga; a gh is
      the ghain, never read so: Al Ghaniyah is not Jinniyah);
    * ``german-j``: German and Dutch j for y (Jabrud, Jebrud = Yabrud; Jarmuk = Yarmuk);
    * ``kh-as-h``: Russian kh for h (Khadita = Haditha);
    * ``t-as-d``: a devoiced final d (Turkish Bagdat);
    * ``z-as-d``: z for dh/d (ذ ض ظ: Azamiya = Adhamiya);
    * ``t-marbuta``: a final -at/-ath, the construct-state teh marbuta (Hamath = Hamah,
      Acharat = Asharah);
    * ``imala``: Levantine -ih for the teh marbuta -ah (Harbinafsih = Harbinafsah,
      Mahardih = Maharda, Tall Bisih = Tallbisah).
    """
    toks = drop_articles(words(name))
    key = key_of_words(toks)
    out: dict[str, str] = {}
    if not key:
        return out
    if "ş" in name.lower():
        out["s-cedilla"] = latin_key(re.sub("[şŞ]", "s", name))
    last = toks[-1] if toks else ""
    if len(last) > 2 and last.endswith("h") and last[-2] in "aeiou":
        last = last[:-1]
    last = canonical_ending(last)
    if last.endswith("ia") and key.endswith("A"):
        out["nisba"] = key_of_words([*toks[:-1], last[:-2] + "i"])
    if "y" in key:
        out["j-as-y"] = _swap(key, "y", "j")
    if "g" in key and re.search(r"g(?!h)", "".join(toks)):  # gh is ghain, never a jim
        out["j-as-g"] = _swap(key, "g", "j")
    if "j" in key:
        out["german-j"] = _swap(key, "j", "y")
    if "x" in key:
        out["kh-as-h"] = _swap(key, "x", "h")
    if key.endswith("t"):
        out["t-as-d"] = key[:-1] + "d"
    if "z" in key:
        out["z-as-d"] = _swap(key, "z", "d")
    if key.endswith("Vt") and consonants(key) >= 3 and len(toks[-1]) > 2:  # not "Haditha at"
        out["t-marbuta"] = key[:-2] + "A"
    if key.endswith("I") and toks and re.search(r"[^aeiouy]ih$", toks[-1]):
        out["imala"] = key[:-1] + "A"
    return {r: k for r, k in out.items() if k and k != key}

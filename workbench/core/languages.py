"""The language registry: one record per BCP-47 tag with script, direction and MT codes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.errors import InputError


@dataclass(frozen=True)
class Language:
    """What the workbench needs to know about one language."""

    tag: str
    name: str
    script: str  # ISO 15924
    rtl: bool
    sentence_end: str  # characters that can end a sentence
    digits: str  # the digits this language's texts usually use, 0..9
    nllb: str  # NLLB-200 / FLORES code
    opus: str  # OPUS-MT / Marian language code


LATIN_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "Latn", False, ".!?", LATIN_DIGITS, "eng_Latn", "en"),
    "ar": Language("ar", "Arabic", "Arab", True, ".!?؟", ARABIC_INDIC_DIGITS, "arb_Arab", "ar"),
    "ckb": Language(
        "ckb",
        "Central Kurdish (Sorani)",
        "Arab",
        True,
        ".!?؟",
        ARABIC_INDIC_DIGITS,
        "ckb_Arab",
        "ckb",
    ),
    "kmr": Language(
        "kmr",
        "Northern Kurdish (Kurmanji)",
        "Latn",
        False,
        ".!?",
        LATIN_DIGITS,
        "kmr_Latn",
        "kmr",
    ),
}

_ALIASES = {"ku": "kmr", "ara": "ar", "arb": "ar", "eng": "en", "kur": "kmr", "ckb-arab": "ckb"}


def get_language(tag: str) -> Language:
    """The registry record for a tag (case-insensitive, some aliases); InputError if unknown."""
    key = tag.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    try:
        return LANGUAGES[key]
    except KeyError:
        known = ", ".join(LANGUAGES)
        raise InputError(f"unknown language code {tag!r} (known: {known})") from None


def is_arabic_script_char(ch: str) -> bool:
    """True for a letter of the Arabic script blocks (base, supplement, presentation forms)."""
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


def guess_script(text: str) -> str:
    """Return 'Arab' or 'Latn' by which script's letters dominate the text ('Latn' if none)."""
    arab = latn = 0
    for ch in text:
        if ch.isalpha():
            if is_arabic_script_char(ch):
                arab += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                latn += 1
    return "Arab" if arab > latn else "Latn"


def guess_language(text: str) -> str:
    """Guess en, ar or ckb from the letters used (Sorani-only letters mean ckb)."""
    if guess_script(text) == "Latn":
        return "en"
    sorani = sum(text.count(c) for c in "ڕڵۆێەڤگپچژ")
    arabic = sum(text.count(c) for c in "ةىيكأإؤ")
    return "ckb" if sorani > arabic * 0.2 else "ar"

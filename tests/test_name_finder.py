"""Finding names in running text: Latin, Arabic and Sorani, with variants and guards."""

from collections import Counter

from tests.conftest import TEXTS


def ids(finder, text, lang=None, nested=False):
    return [h.entry.id for h in finder.find(text, lang) if nested or not h.nested]


def test_unseen_spellings_in_text_find_their_entries(finder):
    text = "Fighters left El Qaem for Hadithah and Telafer; Obeidy said al-Jughayfi agreed."
    assert ids(finder, text) == ["al-qaem", "haditha", "tal-afar", "obaidi", "jughaifi"]


def test_longest_name_wins_and_its_parts_are_nested(finder):
    hits = finder.find("says Omar al-Obaidi, a captain")
    assert [(h.entry.id, h.surface, h.nested) for h in hits] == [
        ("omar-al-obaidi", "Omar al-Obaidi", False),
        ("obaidi", "al-Obaidi", True),
    ]


def test_acronyms_match_only_in_capitals(finder):
    assert ids(finder, "The IS group said this is true. Isis is a goddess.") == ["islamic-state"]
    assert ids(finder, "This group was not the IS group.") == ["islamic-state"]


def test_english_words_are_not_taken_for_names(finder):
    text = "Any man can say so. As Sabah Karhout says, as long as we are ready. Us and them."
    assert ids(finder, text) == ["sabah-karhout"]


def test_possessives_and_hyphenated_neighbours(finder):
    hits = finder.find("Al Qaem’s distance from the Iraq-Syria border and Anbar's council")
    assert [(h.entry.id, h.surface) for h in hits] == [
        ("al-qaem", "Al Qaem"),
        ("iraq", "Iraq"),
        ("syria", "Syria"),
        ("anbar", "Anbar"),
    ]


def test_arabic_clitics_are_stripped(finder):
    text = "من الرمادي والفلوجة إلى بغداد، وقال لداعش وللقائم"
    assert ids(finder, text, "ar") == ["ramadi", "fallujah", "baghdad", "islamic-state", "al-qaem"]


def test_sorani_suffixes_are_stripped_and_spelling_reported_without_them(finder):
    hits = finder.find("لە قائیمەوە بۆ موسڵ و لە ناوچەی قائیمدا، هێزەکانی سەحوەوە", "ckb")
    assert [(h.entry.id, h.spelling) for h in hits] == [
        ("al-qaem", "قائیم"),
        ("mosul", "موسڵ"),
        ("al-qaem", "قائیم"),
        ("awakening", "سەحوە"),
    ]


def test_common_arabic_words_sharing_a_skeleton_are_not_names(finder):
    # المسؤول (the official) has Mosul's skeleton; القاعدة is also "the base"; قائم "standing"
    text = "قال المسؤول إن القاعدة الرئيسية ما زالت قائمة، والخطر قائماً"
    assert ids(finder, text, "ar") == []


def test_sorani_text_typed_with_arabic_letters_still_matches(finder):
    assert ids(finder, "لە كەربولي و عيراق", "ckb") == ["karbouli", "iraq"]


def test_bidi_controls_inside_text_do_not_hide_names(finder):
    assert ids(finder, "\u200fمن\u200f \u200fالموصل\u200f إلى Al\u200e-Qaim", "ar") == [
        "mosul",
        "al-qaem",
    ]


def test_every_name_of_the_english_article_is_in_the_translations(finder):
    """The demo translations carry every glossary name of each English paragraph."""
    from workbench.formats.article import read_document

    docs = {lang: read_document(TEXTS / f"al-qaem.{lang}.md") for lang in ("en", "ar", "ckb")}
    for n, para in enumerate(docs["en"].paragraphs):
        wanted = set(ids(finder, para.text, "en"))
        wanted.discard("iraq")  # "Iraq-Syria border" is rendered with adjectives
        for lang in ("ar", "ckb"):
            got = set(ids(finder, docs[lang].paragraphs[n].text, lang))
            assert wanted <= got, (lang, n + 1, wanted - got)


def test_seed_article_name_counts(finder):
    from workbench.formats.article import read_document

    doc = read_document(TEXTS / "al-qaem.en.md")
    c = Counter(ids(finder, doc.text, "en"))
    assert c["al-qaem"] == 32 and c["obaidi"] == 2 and c["omar-al-obaidi"] == 1


def _ntrex_text(column):
    import csv

    from tests.conftest import shared_file

    path = shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv")
    with path.open(encoding="utf-8") as f:
        return "\n\n".join(
            r[column] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        )


def test_news_far_from_iraq_yields_no_false_names(finder):
    """ntrex128 is world news: its names here are the US, Syria, Iraq, ISIS, Al-Qaeda."""
    en = Counter((h.entry.id, h.surface) for h in finder.find(_ntrex_text("eng"), "en"))
    assert {e for e, _ in en} <= {
        "united-states",
        "syria",
        "iraq",
        "islamic-state",
        "al-qaeda",
        "anah",
    }
    assert ("syria", "Sarah") not in en and not any(e == "al-qaem" for e, _ in en)  # Kim, Come
    ar = Counter((h.entry.id, h.spelling) for h in finder.find(_ntrex_text("arb"), "ar"))
    # قام "he did", عنه "about him", حديثه "his talk", بأكمله "entirely", ثوريًا, النقاش
    assert not {e for e, _ in ar} & {"haditha", "anah", "albu-kamal", "albu-mahal"}
    assert {s for e, s in ar if e == "al-qaem"} <= {"القائم"}  # "existing": a true homograph
    assert {s for e, s in ar if e == "niqash"} <= {"نقاش"}
    ckb = Counter(h.entry.id for h in finder.find(_ntrex_text("ckb_Arab"), "ckb"))
    assert "albu-kamal" not in ckb  # بەکۆمەڵ "collectively"

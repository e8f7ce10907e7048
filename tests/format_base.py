"""One round-trip test base that every exchange format's tests inherit.

A subclass implements ``roundtrip(units) -> units`` through its format's writer and reader
(real files on disk). The cases cover non-ASCII and right-to-left text, markup characters,
context, origins, and units a format must refuse or skip.
"""

from workbench.core.units import Unit

SAMPLES = [
    Unit(
        "Al Qaem is the key to Anbar’s security.",
        "القائم مفتاح أمن الأنبار.",
        "en",
        "ar",
        "Previous sentence.",
        "Next sentence.",
        "al-qaem.en.md",
    ),
    Unit("Fighters left Mosul in 2017.", "چەکدارەکان لە ساڵی ٢٠١٧ موسڵیان بەجێهێشت.", "en", "ckb"),
    Unit(
        "Tags <b>stay</b> & ampersands too: 5 < 6 > 4.",
        "الوسوم <b>تبقى</b> & كذلك: ٥ < ٦.",
        "en",
        "ar",
    ),
    Unit("Bidi marks\u200f and tatweel: بغـداد", "علامات\u200f الاتجاه: بغـداد", "en", "ar"),
    Unit("Kurmanji too", "Kurmancî jî: Mûsil, Bexda", "en", "kmr"),
]


class FormatRoundTrip:
    """Inherit and implement ``roundtrip``."""

    def roundtrip(self, units, tmp_path):  # pragma: no cover - abstract
        raise NotImplementedError

    def test_units_survive_with_all_their_text(self, tmp_path):
        back = self.roundtrip(SAMPLES, tmp_path)
        assert [(u.source, u.target, u.src_lang, u.tgt_lang) for u in back] == [
            (u.source, u.target, u.src_lang, u.tgt_lang) for u in SAMPLES
        ]

    def test_right_to_left_text_is_kept_byte_for_byte(self, tmp_path):
        back = self.roundtrip(SAMPLES[:2], tmp_path)
        assert back[1].target.encode("utf-8") == SAMPLES[1].target.encode("utf-8")

    def test_context_and_origin_survive(self, tmp_path):
        back = self.roundtrip(SAMPLES[:1], tmp_path)
        assert (back[0].prev, back[0].next, back[0].origin) == (
            "Previous sentence.",
            "Next sentence.",
            "al-qaem.en.md",
        )

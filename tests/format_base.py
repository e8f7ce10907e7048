"""One round-trip test base that every exchange format's tests inherit.

A subclass implements ``roundtrip(segments, tmp_path) -> segments`` through its format's
real writer and reader (files on disk), and says what the format keeps:

* ``keeps_status``: statuses come back as they were (else every segment comes back
  ``translated``, as in TMX, which has no statuses);
* ``keeps_empty``: segments without a target come back empty (else they are dropped, as a
  TM format must).

The cases: non-ASCII and right-to-left text, markup characters and bidi marks that must
stay text, Sorani and Kurmanji targets, empty targets, every status, notes.
"""

from workbench.core.units import ExchangeSegment

RICH = [
    ExchangeSegment(
        "d:p1:s1",
        "Al Qaem is the key to Anbar’s security.",
        "القائم مفتاح أمن الأنبار.",
        "translated",
        "Quote from Ahmad al-Salmani.",
    ),
    ExchangeSegment(
        "d:p1:s2",
        "Fighters left Mosul in 2017.",
        "چەکدارەکان لە ساڵی ٢٠١٧ موسڵیان بەجێهێشت.",
        "reviewed",
        "ckb: ٢٠١٧ in Arabic-Indic digits",
    ),
    ExchangeSegment(
        "d:p2:s1", "Tags <b>stay</b> & text: 5 < 6 > 4.", "الوسوم <b>تبقى</b> & نص: ٥ < ٦.", "final"
    ),
    ExchangeSegment(
        "d:p2:s2", "Bidi marks\u200f and tatweel: بغـداد", "علامات\u200f الاتجاه: بغـداد", "draft"
    ),
]
EMPTY = ExchangeSegment("d:p3:s1", "Not translated yet.", "", "new")


class FormatRoundTrip:
    """Inherit, set the class attributes, implement ``roundtrip``."""

    keeps_status = True
    keeps_empty = True

    def roundtrip(self, segments, tmp_path):  # pragma: no cover - abstract
        raise NotImplementedError

    def test_texts_survive_byte_for_byte(self, tmp_path):
        back = self.roundtrip(RICH, tmp_path)
        assert [(s.id, s.source.encode(), s.target.encode()) for s in back] == [
            (s.id, s.source.encode(), s.target.encode()) for s in RICH
        ]

    def test_notes_survive(self, tmp_path):
        back = self.roundtrip(RICH, tmp_path)
        assert [s.note for s in back] == [s.note for s in RICH]

    def test_statuses(self, tmp_path):
        back = self.roundtrip(RICH, tmp_path)
        expected = [s.status for s in RICH] if self.keeps_status else ["translated"] * len(RICH)
        assert [s.status for s in back] == expected

    def test_empty_targets(self, tmp_path):
        back = self.roundtrip([*RICH[:1], EMPTY], tmp_path)
        if self.keeps_empty:
            assert (back[-1].id, back[-1].target, back[-1].status) == (EMPTY.id, "", "new")
        else:
            assert [s.id for s in back] == [RICH[0].id]

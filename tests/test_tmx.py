"""TMX 1.4b: round trip through the shared base, and what real TMX files throw at us."""

import pytest

from tests.format_base import FormatRoundTrip
from workbench.core.errors import InputError
from workbench.core.units import ExchangeSegment, Unit
from workbench.formats.tmx import read_tmx, units_to_tmx

SAMPLE = Unit(
    "Al Qaem is the key.", "القائم هو المفتاح.", "en", "ar", "Before.", "After.", "seed", "n"
)


class TestTmxRoundTrip(FormatRoundTrip):
    keeps_status = False  # TMX has no statuses: what a TM holds is translated
    keeps_empty = False  # a unit without a target is no translation unit

    def roundtrip(self, segments, tmp_path):
        units = [
            Unit(s.source, s.target, "en", "ar", origin=s.id, note=s.note)
            for s in segments
            if s.target
        ]
        path = tmp_path / "x.tmx"
        path.write_text(units_to_tmx(units), encoding="utf-8")
        return [
            ExchangeSegment(u.origin, u.source, u.target, "translated", u.note)
            for u in read_tmx(path).units
        ]


def test_context_and_origin_survive(tmp_path):
    path = tmp_path / "c.tmx"
    path.write_text(units_to_tmx([SAMPLE]), encoding="utf-8")
    assert read_tmx(path).units == [SAMPLE]


def write(tmp_path, text, name="t.tmx"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


OMEGAT_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="OmegaT" srclang="EN-US" adminlang="EN-US"
 datatype="plaintext" segtype="sentence" o-tmf="OmegaT TMX" creationtoolversion="6"/>
<body>
<tu><tuv lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now.</seg></tuv>
<tuv xml:lang="AR-IQ"><seg>اضغط <bpt i="1">&lt;b&gt;</bpt>حفظ<ept i="1">&lt;/b&gt;</ept> الآن.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Appuyez sur Enregistrer.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>
</body></tmx>"""


def test_real_world_tmx_inline_codes_region_tags_and_unsupported_languages(tmp_path):
    read = read_tmx(write(tmp_path, OMEGAT_STYLE))
    assert [(u.source, u.target, u.tgt_lang) for u in read.units] == [
        ("Press Save now.", "اضغط حفظ الآن.", "ar")
    ]
    assert read.skipped_langs == {"fr-FR": 1} and read.tus == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty file"),
        ("<tmx><body>", "malformed XML"),
        (
            '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY e "x">]><tmx><body><tu>&e;</tu></body></tmx>',
            "entity declarations",
        ),
        ("<xliff/>", "not a TMX file"),
        ('<tmx version="1.4"><header srclang="en"/><body></body></tmx>', "no translation units"),
        (
            '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv>'
            "</tu></body></tmx>",
            "no usable en unit in 1 <tu>",
        ),
    ],
)
def test_bad_tmx_is_one_clear_error(tmp_path, text, message):
    with pytest.raises(InputError) as exc:
        read_tmx(write(tmp_path, text))
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_export_has_the_tmx_14_shape():
    text = units_to_tmx([SAMPLE])
    assert '<tmx version="1.4">' in text and 'srclang="en"' in text and 'segtype="sentence"' in text
    assert '<tuv xml:lang="ar">' in text and '<prop type="x-context-pre">' in text


def _tmx_dtd():
    """The official TMX 1.4b DTD, fetched by .ci/fetch-schemas (CI requires it)."""
    import os

    from tests.conftest import ROOT

    path = ROOT / ".ci" / "schemas" / "tmx14.dtd"
    if not path.exists():
        if os.environ.get("WORKBENCH_REQUIRE_SCHEMAS") == "1":
            pytest.fail(f"{path} missing: run bash .ci/fetch-schemas")
        pytest.skip("run bash .ci/fetch-schemas to validate against the TMX 1.4b DTD")
    from lxml import etree

    return etree.DTD(str(path))


def test_export_is_valid_against_the_official_tmx14_dtd():
    from lxml import etree

    from tests.format_base import RICH

    units = [Unit(s.source, s.target, "en", "ar", "prev", "next", s.id, s.note) for s in RICH]
    units.append(Unit("Mosul", "موسڵ", "en", "ckb"))
    dtd = _tmx_dtd()
    doc = etree.fromstring(units_to_tmx(units).encode("utf-8"))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()
    # and the DTD does catch a broken document: a tu without tuv
    broken = etree.fromstring(
        b'<tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
        b'segtype="sentence" o-tmf="x" adminlang="en" srclang="en" '
        b'datatype="plaintext"/><body><tu/></body></tmx>'
    )
    assert not dtd.validate(broken)

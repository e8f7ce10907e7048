"""XLIFF 2.1 and 1.2: round trips through the shared base, real-world input, bad input."""

import pytest

from tests.format_base import FormatRoundTrip
from tests.helpers.xliff_schema import assert_valid_xliff
from workbench.core.errors import InputError
from workbench.formats.xliff import NS2, NS12, read_xliff, segments_to_xliff


class TestXliff21RoundTrip(FormatRoundTrip):
    version = "2.1"

    def roundtrip(self, segments, tmp_path):
        path = tmp_path / "x.xlf"
        path.write_text(segments_to_xliff(segments, "en", "ar", self.version), encoding="utf-8")
        assert_valid_xliff(path)  # the official 2.1 core / 1.2 strict schemas
        read = read_xliff(path.read_bytes(), str(path))
        assert (read.src, read.tgt) == ("en", "ar")
        return read.segments


class TestXliff12RoundTrip(TestXliff21RoundTrip):
    version = "1.2"


def test_xliff2_structure_and_states():
    from tests.format_base import EMPTY, RICH

    text = segments_to_xliff([*RICH, EMPTY], "en", "ckb")
    assert f'<xliff xmlns="{NS2}" version="2.1" srcLang="en" trgLang="ckb">' in text
    assert '<segment id="s1" state="initial" subState="wb:draft">' in text  # draft
    assert text.count('state="initial"') == 2 and '<unit id="d:p3:s1">' in text
    assert text.count("<target>") == 4  # no target element for the new segment


def test_xliff12_structure():
    from tests.format_base import RICH

    text = segments_to_xliff(RICH, "en", "ar", "1.2")
    assert f'xmlns="{NS12}" version="1.2"' in text and 'target-language="ar"' in text
    assert 'state="signed-off"' in text and 'state="needs-review-translation"' in text


def test_inline_markup_from_other_tools_is_flattened_to_text():
    data = f"""<xliff xmlns="{NS2}" version="2.0" srcLang="en-US" trgLang="ar-IQ"><file id="f">
    <unit id="u1"><segment state="translated">
      <source>Press <pc id="1">Save</pc><ph id="2"/> now<cp hex="2122"/></source>
      <target>اضغط <pc id="1">حفظ</pc><ph id="2"/> الآن</target></segment></unit></file></xliff>""".encode()
    seg = read_xliff(data, "x").segments[0]
    assert (seg.source, seg.target, seg.status) == (
        "Press Save now™",
        "اضغط حفظ الآن",
        "translated",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"<xliff version='2.0'", "malformed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff>&a;</xliff>',
            "entity declarations",
        ),
        (b"<tmx/>", "not an XLIFF file"),
        (b'<xliff version="3.0"/>', "unsupported XLIFF version"),
        (
            f'<xliff xmlns="{NS2}" version="2.0" srcLang="en" trgLang="fr"/>'.encode(),
            "unsupported target language 'fr'",
        ),
        (
            f'<xliff xmlns="{NS2}" version="2.0" srcLang="en" trgLang="ar"><file id="f"/></xliff>'.encode(),
            "no units",
        ),
        (
            f'<xliff xmlns="{NS2}" version="2.0" srcLang="en" trgLang="ar"><file id="f"><unit id="u"><segment state="done"><source>x</source></segment></unit></file></xliff>'.encode(),
            "unknown state 'done'",
        ),
    ],
)
def test_bad_xliff_is_one_clear_error(data, message):
    with pytest.raises(InputError) as exc:
        read_xliff(data, "bad.xlf")
    assert message in str(exc.value) and "\n" not in str(exc.value)

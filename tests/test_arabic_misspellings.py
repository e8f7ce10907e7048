"""Arabic and Sorani misspellings of glossary names: reported with the right form, inflection not."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.names.arabic_script import misspelling_of
from workbench.core.names.name_finder import NameFinder
from workbench.core.names.name_index import NameIndex
from workbench.core.qa import check_segment
from workbench.formats.glossary_tsv import load_glossary

GLOSSARY = Path(__file__).resolve().parent.parent / "glossaries" / "names.tsv"


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(NameIndex(load_glossary(GLOSSARY)))


@pytest.mark.parametrize(
    ("spelling", "forms", "right"),
    [
        ("القايم", ("القائم",), "القائم"),  # hamza seat
        ("الرمادى", ("الرمادي",), "الرمادي"),  # alef maqsura for yeh
        ("حديثه", ("حديثة",), "حديثة"),  # heh for teh marbuta
        ("الانبار", ("الأنبار",), "الأنبار"),  # bare alef for hamza
        ("الفلوجه", ("الفلوجة",), "الفلوجة"),
        ("الرقه", ("الرقة",), "الرقة"),
        ("ئەمريكا", ("ئەمریکا",), "ئەمریکا"),  # Arabic yeh in Sorani
        ("الرقّة", ("الرقة",), "الرقة"),  # a shadda the glossary does not write
    ],
)
def test_typing_confusions_are_misspellings(spelling, forms, right):
    assert misspelling_of(spelling, forms) == right


@pytest.mark.parametrize(
    ("spelling", "forms"),
    [
        ("القائم", ("القائم",)),  # the listed form
        ("البغدادي", ("أبو بكر البغدادي", "البغدادي")),  # a listed variant
        ("الأمريكية", ("الأمريكي",)),  # feminine: inflection, not a respelling
        ("العبيديين", ("العبيدي",)),  # plural -in
        ("العبيديون", ("العبيدي",)),  # plural -un
        ("القائمَ", ("القائم",)),  # harakat are not a misspelling
    ],
)
def test_listed_forms_and_inflections_are_not(spelling, forms):
    assert misspelling_of(spelling, forms) is None


def test_qa_reports_a_mistyped_name_with_the_right_form(finder):
    ws = check_segment("They reached Al Qaem.", "وصلوا إلى القايم.", "en", "ar", finder)
    assert [(w.code, w.detail) for w in ws if w.code.startswith("name")] == [
        ("name-misspelled", "القائم")
    ]
    assert "القايم" in ws[0].message or any("القايم" in w.message for w in ws)


def test_qa_is_silent_on_the_right_spelling(finder):
    ws = check_segment("They reached Al Qaem.", "وصلوا إلى القائم.", "en", "ar", finder)
    assert [w for w in ws if w.code.startswith("name")] == []


def test_qa_sorani_suffix_is_not_a_misspelling(finder):
    """موسڵ with the Sorani suffix ـەکە / ـی is the name inflected, not mistyped."""
    ws = check_segment("Fighters left Mosul.", "چەکدارەکان موسڵیان بەجێهێشت.", "en", "ckb", finder)
    assert not [w for w in ws if w.code == "name-misspelled"]


# --- glossary check ------------------------------------------------------------------------


def _check(tmp_path: Path, name: str, text: str, *args: str):
    from click.testing import CliRunner

    from workbench.cli import cli as cli_main

    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(
        cli_main, ["glossary", "--glossary", str(GLOSSARY), "check", "--lang", "ar", *args, str(f)]
    )
    return res, f


def test_check_reports_the_misspelling_with_the_right_form(tmp_path):
    res, f = _check(tmp_path, "a.txt", "وصل الجيش إلى القائم.\n\nثم غادر القايم.\n")
    assert res.exit_code == 0, res.output
    assert "Every entry is spelled one way" not in res.output
    line = next(ln for ln in res.output.splitlines() if "misspelling" in ln)
    assert "al-qaem" in line and "القايم" in line and "القائم" in line and f"{f}:p2" in line


def test_check_json_lists_misspellings_and_strict_exits_3(tmp_path):
    import json

    res, f = _check(tmp_path, "a.txt", "القائم والقايم والقايم.\n", "--json")
    out = json.loads(res.output)
    assert [(m["id"], m["spelling"], m["right"], m["count"]) for m in out["misspelled"]] == [
        ("al-qaem", "القايم", "القائم", 2)
    ]
    assert out["misspelled"][0]["where"] == [f"{f}:p1 ×2"]
    res, _ = _check(tmp_path, "b.txt", "القائم والقايم.\n", "--strict")
    assert res.exit_code == 3


def test_check_is_silent_on_inflections_and_listed_variants(tmp_path):
    text = "قال البغدادي إن الجيش الأمريكي والقوات الأمريكية في القائم.\n"
    res, _ = _check(tmp_path, "a.txt", text, "--json")
    import json

    assert json.loads(res.output)["misspelled"] == []


def test_check_does_not_count_a_nisba_inflection_as_another_spelling(tmp_path):
    """A translator's trial: الأمريكية ×3 / الأمريكي ×1 / أمريكي ×1 was "spelled more than
    one way". Gender and definiteness are grammar; a real respelling (أميركي) still is."""
    import json

    text = "الجيش الأمريكي والقوات الأمريكية.\n\nمسؤول أمريكي قال.\n"
    res, _ = _check(tmp_path, "a.txt", text, "--json")
    assert [i["id"] for i in json.loads(res.output)["inconsistent"]] == []
    res, _ = _check(tmp_path, "b.txt", text + "\nالجيش الأميركي.\n", "--json")
    (inc,) = json.loads(res.output)["inconsistent"]
    assert inc["id"] == "united-states" and len(inc["spellings"]) == 2, inc


def test_check_does_not_report_a_short_form_beside_the_full_name(tmp_path):
    """News names a person in full, then short: البغدادي after أبو بكر البغدادي is not
    "named more than one way" (a translator's trial)."""
    import json

    text = "قال أبو بكر البغدادي.\n\nثم قال البغدادي.\n"
    res, _ = _check(tmp_path, "a.txt", text, "--json")
    assert json.loads(res.output)["inconsistent"] == []


def test_check_leaves_english_in_an_arabic_file_out_of_the_spellings(tmp_path):
    """A partial export keeps the English of untranslated segments: Al Qaim there is not an
    Arabic spelling of Al Qaem beside القائم."""
    import json

    text = "القائم مدينة.\n\nAl Qaim is a town.\n"
    res, _ = _check(tmp_path, "a.txt", text, "--json")
    assert json.loads(res.output)["inconsistent"] == []


def test_lookup_says_when_an_arabic_name_is_mistyped():
    """A translator's trial: `glossary lookup القايم` answered "exact 95" with no word that
    the spelling is wrong; now `misspelling_of` (JSON) and a line in the text say so."""
    import json

    from click.testing import CliRunner

    from workbench.cli import cli as cli_main

    args = ["glossary", "--glossary", str(GLOSSARY), "lookup"]
    res = CliRunner().invoke(cli_main, [*args, "--json", "القايم", "القائم"])
    wrong, right = json.loads(res.output)
    assert (wrong["id"], wrong["misspelling_of"]) == ("al-qaem", "القائم")
    assert (right["id"], right["misspelling_of"]) == ("al-qaem", None)
    res = CliRunner().invoke(cli_main, [*args, "القايم"])
    assert "misspelled: the glossary writes القائم" in res.output

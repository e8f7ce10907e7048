"""The command line, through the real entry point: results, JSON shapes and bad input."""

import json

import pytest

from tests.conftest import TEXTS

EN1, EN2 = str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaim-stronghold.en.md")


def no_traceback(r):
    assert "Traceback" not in r.err + r.out


# --- lookup -------------------------------------------------------------------------


def test_lookup_json_shape_and_unseen_spellings(run):
    r = run("glossary", "lookup", "Al-Qa'im", "Obeidy", "Telafer", "موسڵ", "Nowhere", "--json")
    data = json.loads(r.out)
    assert [d["query"] for d in data] == ["Al-Qa'im", "Obeidy", "Telafer", "موسڵ", "Nowhere"]
    assert [d["id"] for d in data] == ["al-qaem", "obaidi", "tal-afar", "mosul", None]
    assert set(data[0]) >= {"query", "id", "preferred", "ar", "ckb", "kmr", "score"}
    assert (data[0]["preferred"], data[0]["ar"], data[0]["ckb"]) == ("Al Qaem", "القائم", "قائیم")
    assert data[3]["kmr"] == "Mûsil"
    assert data[4]["score"] == 0
    assert r.code == 1  # one name had no entry


def test_lookup_abjad_and_french_romanisations(run, tmp_path):
    g = tmp_path / "g.tsv"
    g.write_text(
        "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"
        "salamiyah\tplace\tSalamiyah\t\tالسلمية\t\t\t\t\t\n"
        "shaykh-miskin\tplace\tShaykh Miskin\t\tالشيخ مسكين\t\t\t\t\t\n",
        encoding="utf-8",
    )
    r = run("glossary", "--glossary", str(g), "lookup", "alslmyt", "Cheikh Meskîne", "--json")
    assert [d["id"] for d in json.loads(r.out)] == ["salamiyah", "shaykh-miskin"]


def test_lookup_human_output(run):
    r = run("glossary", "lookup", "El Qaem")
    assert r.code == 0
    assert "al-qaem (place, key 90)" in r.out and "ckb قائیم" in r.out


# --- check --------------------------------------------------------------------------


def test_check_reports_the_seed_inconsistencies(run):
    r = run("glossary", "check", EN1, EN2, "--json")
    assert r.code == 0
    data = json.loads(r.out)
    by_id = {i["id"]: i for i in data["inconsistent"]}
    obaidi = by_id["obaidi"]
    assert obaidi["kind"] == "spelling" and obaidi["within"] == [EN1]
    assert {s["text"].lower() for s in obaidi["spellings"]} == {"al-obaidi", "al-obeidi"}
    qaem = by_id["al-qaem"]
    assert qaem["kind"] == "spelling" and qaem["across"]
    spellings = {s["text"]: s["files"] for s in qaem["spellings"]}
    assert set(spellings["Al Qaem"]) == {EN1}
    assert set(spellings["al-Qaim"]) == set(spellings["Al Qaim"]) == {EN2}
    isis = by_id["islamic-state"]
    assert isis["kind"] == "alias" and isis["across"]
    texts = {s["text"]: set(s["files"]) for s in isis["spellings"]}
    assert texts["the IS group"] == {EN1} and texts["ISIS"] == {EN2}
    names = data["files"][0]["names"]
    assert {"id", "surface", "para", "start", "end"} <= set(names[0])


def test_check_human_output_and_strict(run):
    r = run("glossary", "check", EN1, EN2, "--no-names", "--strict")
    assert r.code == 3
    assert "Spelled more than one way:" in r.out and "Named more than one way:" in r.out
    assert "obaidi (glossary: Obaidi) — within" in r.out


def test_check_consistent_translation(run):
    r = run("glossary", "check", str(TEXTS / "al-qaem.ckb.md"), "--strict")
    assert r.code == 0, r.out
    assert "Every entry is spelled one way." in r.out


def test_check_arabic_only_and_mixed_script_files(run, tmp_path):
    ar = tmp_path / "a.ar.txt"
    ar.write_text("وصل مقاتلو داعش إلى القائم ثم إلى الموصل.\n", encoding="utf-8")
    mixed = tmp_path / "m.txt"
    mixed.write_text("Fighters reached Al Qaem (القائم) and \u200fMosul\u200f.\n", encoding="utf-8")
    r = run("glossary", "check", str(ar), str(mixed), "--json")
    data = json.loads(r.out)
    assert [n["id"] for n in data["files"][0]["names"]] == ["islamic-state", "al-qaem", "mosul"]
    assert data["files"][0]["lang"] == "ar"
    assert [n["id"] for n in data["files"][1]["names"]] == ["al-qaem", "al-qaem", "mosul"]


# --- suggest and cluster --------------------------------------------------------------


def test_suggest_groups_spellings_and_skips_known_names(run, tmp_path):
    f = tmp_path / "x.en.txt"
    f.write_text(
        "Khamis al-Obeidi met Omar al-Obaidi in Mosul. Later Khamis al-Obaidi went to Kirkuk.\n"
        "Apparently the talks failed. Kirkuk was quiet.\n",
        encoding="utf-8",
    )
    r = run("glossary", "suggest", str(f), "--json")
    cands = {c["name"]: c for c in json.loads(r.out)}
    assert set(cands) == {"Khamis al-Obeidi", "Kirkuk"}
    assert cands["Khamis al-Obeidi"]["variants"] == ["Khamis al-Obaidi"]
    assert cands["Kirkuk"]["count"] == 2


def test_suggest_on_the_seeds_finds_no_glossary_name(run):
    r = run("glossary", "suggest", EN1, EN2, "--json")
    names = {c["name"] for c in json.loads(r.out)}
    assert not names & {"Al Qaem", "Mosul", "Obeidi", "Haditha", "NIQASH", "ISIS", "Anbar"}


def test_cluster_json_puts_every_line_in_exactly_one_group(run, tmp_path):
    f = tmp_path / "names.txt"
    lines = ["Khamis al-Obeidi", "Khalid al-Obaidi", "Khamis al-Obaidi", "Anah", "Anbar", "al-Anah"]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("glossary", "cluster", str(f), "--json")
    groups = json.loads(r.out)
    assert sorted(x for g in groups for x in g) == sorted(lines)
    assert ["Khamis al-Obeidi", "Khamis al-Obaidi"] in groups
    assert ["Khalid al-Obaidi"] in groups and ["Anah", "al-Anah"] in groups and ["Anbar"] in groups


# --- export / import --------------------------------------------------------------------


def test_tbx_export_then_import_into_an_empty_glossary(run, tmp_path):
    tbx = tmp_path / "g.tbx"
    assert run("glossary", "export", "--format", "tbx", "--out", str(tbx)).code == 0
    target = tmp_path / "new.tsv"
    r = run("glossary", "--glossary", str(target), "import", str(tbx))
    assert r.code == 0 and "37 added, 0 updated" in r.out
    r = run("glossary", "--glossary", str(target), "lookup", "Hawija", "--json")
    assert json.loads(r.out)[0]["ckb"] == "حەویجە"
    r = run("glossary", "--glossary", str(target), "import", str(tbx))
    assert "0 added, 0 updated" in r.out


# --- segment ----------------------------------------------------------------------------


def test_segment_json(run):
    r = run("segment", str(TEXTS / "al-qaem.ar.md"), "--json")
    segs = json.loads(r.out)
    assert len(segs) == 69
    assert (
        segs[0]["id"] == "al-qaem:p1:s1" and segs[0]["kind"] == "title" and segs[0]["lang"] == "ar"
    )
    assert segs[1]["text"].endswith("السورية.")


def test_segment_plain_text_with_lang(run, tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("ئەمە ڕاستە. بەڵام چی؟\n\nدووەم بەش.\n", encoding="utf-8")
    r = run("segment", str(f), "--lang", "ckb")
    assert r.out.splitlines() == [
        "notes:p1:s1\tئەمە ڕاستە.",
        "notes:p1:s2\tبەڵام چی؟",
        "notes:p2:s1\tدووەم بەش.",
    ]


# --- bad input: one line, non-zero, no traceback ------------------------------------------


def _bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Qa\u00efm\nsecond line caf\u00e9".encode("latin-1"))
    bidi_only = tmp_path / "bidi.txt"
    bidi_only.write_text("\u200f\u200e\u202b\u202c\n", encoding="utf-8")
    return {
        "empty": (empty, "file is empty"),
        "binary": (binary, "binary file"),
        "latin1": (latin1, "not valid UTF-8 (line 1"),
        "bidi": (bidi_only, "file is empty"),
        "missing": (tmp_path / "nope.txt", "no such file"),
        "folder": (tmp_path, "is a folder"),
    }


@pytest.mark.parametrize("kind", ["empty", "binary", "latin1", "bidi", "missing", "folder"])
@pytest.mark.parametrize("command", [["glossary", "check"], ["segment"], ["glossary", "cluster"]])
def test_bad_input_is_one_clear_line(run, tmp_path, kind, command):
    path, message = _bad_files(tmp_path)[kind]
    r = run(*command, str(path))
    assert r.code == 1
    no_traceback(r)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: ")
    assert message in lines[0]


def test_broken_glossary_row_names_the_line(run, tmp_path):
    g = tmp_path / "g.tsv"
    good = (TEXTS.parent / "glossaries" / "names.tsv").read_text(encoding="utf-8").splitlines()
    good.insert(6, "broken\tplace\tOnly three")
    g.write_text("\n".join(good) + "\n", encoding="utf-8")
    r = run("glossary", "--glossary", str(g), "lookup", "Mosul")
    assert r.code == 1
    no_traceback(r)
    assert r.err.strip() == f"workbench: error: {g}:7: expected 10 tab-separated columns, found 3"


def test_hostile_tbx_import_leaves_the_glossary_untouched(run, tmp_path):
    target = tmp_path / "g.tsv"
    original = (TEXTS.parent / "glossaries" / "names.tsv").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    evil = tmp_path / "evil.tbx"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "x">]><tbx>&a;</tbx>', encoding="utf-8"
    )
    r = run("glossary", "--glossary", str(target), "import", str(evil))
    assert r.code == 1 and "DTD or entity" in r.err
    no_traceback(r)
    assert target.read_text(encoding="utf-8") == original


def test_unknown_language_is_one_line(run):
    r = run("segment", EN1, "--lang", "xx")
    assert r.code == 1 and "unknown language code 'xx'" in r.err
    no_traceback(r)


def test_usage_errors_exit_2(run):
    r = run("glossary", "lookup")
    assert r.code == 2
    no_traceback(r)


def test_check_does_not_report_an_acronym_beside_the_full_name(run, tmp_path):
    """Popular Mobilisation Units, then PMU: the usual first-mention pattern, not two names."""
    f = tmp_path / "pmu.en.md"
    f.write_text(
        "The Popular Mobilisation Units arrived.\n\nThe PMU left.\n\nISIS and the IS group.\n",
        encoding="utf-8",
    )
    r = run("glossary", "check", str(f), "--json")
    ids = [i["id"] for i in json.loads(r.out)["inconsistent"]]
    assert "pmu" not in ids and "islamic-state" in ids, ids

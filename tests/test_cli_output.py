"""The CLI's shared output: tables aligned by terminal cells, and JSON that stays safe.

Python's ``len`` counts harakat, the zero-width non-joiner and other marks that take no
cell, and counts a wide CJK character as one: tables padded by ``len`` misalign. The
shared table writer measures with Rich's cell widths.
"""

from __future__ import annotations

import json

from rich.cells import cell_len

from workbench.cli.output import table_lines

HARAKAT = "مُحَمَّد الحَسَن"  # 16 characters (six harakat), 10 cells
SORANI = "سلێمانی"  # 7 and 7
ZWNJ = "نامە\u200cکان"  # a Sorani plural with a zero-width non-joiner: 8 characters, 7 cells
WIDE = "東京"  # 2 characters, 4 cells


def starts(line: str, cells: list[str]) -> list[int]:
    """The terminal column where each of ``cells`` begins in ``line`` (in order)."""
    at, out = 0, []
    for c in cells:
        i = line.index(c, at)
        out.append(cell_len(line[:i]))
        at = i + len(c)
    return out


def test_columns_line_up_in_cells_with_harakat_sorani_zwnj_and_wide_text():
    rows = [[HARAKAT, "×2", "p1"], [SORANI, "×13", "p2"], [ZWNJ, "×1", "p3"], [WIDE, "×4", "p4"]]
    rows += [["Mosul", "×100", "p5"]]
    lines = table_lines(rows, header=["spelling", "count", "where"], indent=4)
    assert len(set(len(x) for x in lines)) > 1  # in characters they differ ...
    cols = {tuple(starts(line, row)) for line, row in zip(lines[1:], rows, strict=True)}
    assert cols == {(4, 4 + 10 + 2, 4 + 10 + 2 + 5 + 2)}  # ... in cells they line up
    assert starts(lines[0], ["spelling", "count", "where"]) == list(next(iter(cols)))
    assert all(line == line.rstrip() for line in lines)  # no trailing spaces


def test_right_alignment_and_least_widths_are_in_cells():
    lines = table_lines([[HARAKAT, "7"], [WIDE, "12"]], align=">>", min_widths=[12, 3], gap=1)
    assert [cell_len(x) for x in lines] == [12 + 1 + 3, 12 + 1 + 3]
    assert [starts(x, [c])[0] for x, c in zip(lines, [HARAKAT, WIDE], strict=True)] == [2, 8]


def test_a_cell_cannot_break_the_table_or_drive_the_terminal():
    lines = table_lines([["two\nlines\tand \x1b[31mred\x1b[0m", "x"], ["ok", "y"]])
    assert len(lines) == 2 and "\x1b" not in "".join(lines)
    assert starts(lines[0], ["x"]) == starts(lines[1], ["y"])


def _glossary(tmp_path):
    g = tmp_path / "names.tsv"
    g.write_text(
        "id\ttype\ten\ten_variants\tar\tar_variants\tckb\tckb_variants\tkmr\tnote\n"
        "nineveh\tplace\tNineveh\tNinawa\tنينوى\tنينوا\tنەینەوا\tنینەوا\tNînewa\tProvince.\n"
        "sulaymaniyah\tplace\tSulaymaniyah\tSulaimani\tالسليمانية\t\tسلێمانی\tسولەیمانی"
        "\tSilêmanî\tCity.\n",
        encoding="utf-8",
    )
    return g


def test_glossary_check_lines_up_arabic_with_harakat_and_sorani_spellings(run, tmp_path):
    ar, ckb = tmp_path / "a.ar.md", tmp_path / "b.ckb.md"
    ar.write_text(
        "---\nid: a\nlang: ar\n---\n\nوصل المقاتلون إلى نَيْنَوَى أمس.\n\n"
        "الطريق إلى نينوا مغلق.\n\nعادت الحياة إلى نَيْنَوَى اليوم.\n",
        encoding="utf-8",
    )
    ckb.write_text(
        "---\nid: b\nlang: ckb\n---\n\nچەکدارەکان گەیشتنە سلێمانی.\n\n"
        "ڕێگای سولەیمانی داخراوە.\n\nخەڵکی سلێمانی ئارام بوون.\n",
        encoding="utf-8",
    )
    r = run("glossary", "--glossary", str(_glossary(tmp_path)), "check", str(ar), str(ckb))
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    tables = {
        "نَيْنَوَى": ["نَيْنَوَى", "نينوا"],  # Arabic, one spelling with harakat
        "سلێمانی": ["سلێمانی", "سولەیمانی"],  # Sorani
    }
    for first, spellings in tables.items():
        rows = [x for x in lines if x.startswith("    ") and x.split()[0] in spellings]
        assert [x.split()[0] for x in rows] == spellings, r.out
        # the count and the places start in the same terminal column on every row
        cols = {tuple(starts(x, [x.split()[0], "×", str(ar if first != "سلێمانی" else ckb)]))
                for x in rows}  # fmt: skip
        assert len(cols) == 1, (first, rows)
        assert next(iter(cols))[1] == 4 + 24 + 1  # the spelling column: 24 cells, as before


def test_json_escapes_what_could_drive_the_terminal(run, tmp_path):
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text("Fighters left \x1b]0;owned\x07Al Qaem.\nThe city was quiet.\n", "utf-8")
    tgt.write_text("غادر المقاتلون القائم.\nكانت المدينة هادئة.\n", "utf-8")
    r = run("align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "ar", "--json")
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\x07" not in r.out
    doc = json.loads(r.out)
    assert doc["beads"][0]["source"] == "Fighters left \x1b]0;owned\x07Al Qaem."  # exact in JSON

"""Huge inputs, second round: name finding, suggest, reuse and the memory engine in bounded
memory and work, answering as before (S14; the first round is tests/test_huge_inputs.py)."""

from __future__ import annotations

import itertools
import tracemalloc

from click.testing import CliRunner

from tests.conftest import GLOSSARY, TEXTS
from workbench.cli import cli
from workbench.core.align.reuse import find_reuse
from workbench.core.names.name_finder import CHUNK_CHARS, NameFinder, chunk_spans
from workbench.core.names.name_index import NameIndex
from workbench.core.names.suggest import _runs
from workbench.formats.glossary_tsv import load_glossary, parse_glossary_tsv
from workbench.services import segment_file
from workbench.services.memory import MemoryEngine, open_tm, tm_add_texts

EN = (TEXTS / "al-qaem.en.md").read_text(encoding="utf-8")
SENTENCES = [ln for ln in EN.split("\n") if len(ln) > 40 and not ln.startswith(("#", "-", ">"))]


def _peak_mb(fn) -> tuple[object, float]:
    """``fn()`` and the peak of Python memory it allocated, in MB."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        out = fn()
        return out, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _key(h) -> tuple:
    return (h.entry.id, h.start, h.end, h.surface, h.form, h.score, h.nested, h.confidence)


def test_a_long_run_of_letters_is_scanned_in_bounded_memory():
    # a plain regex kept backtracking state per letter: 1.4 GB for a 10 MB "AbAb..." run
    finder = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    text = "Ab" * 1_000_000 + " They reached Mosul."
    hits, peak = _peak_mb(lambda: finder.find(text, "en"))
    assert [h.entry.id for h in hits] == ["mosul"]
    assert peak < 50, f"{peak:.0f} MB for a 2 MB word"


def test_a_one_line_article_is_scanned_a_piece_at_a_time_and_finds_every_name():
    finder = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    text = " ".join(SENTENCES * 50)  # about 0.4 MB on one line
    assert len(text) > 6 * CHUNK_CHARS
    hits, peak = _peak_mb(lambda: finder.find(text, "en"))
    # the reference: each sentence on its own (no name crosses a full stop), offsets shifted
    fresh = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    expected, pos = [], 0
    for s in SENTENCES * 50:
        expected += [(*_key(h)[:1], h.start + pos, h.end + pos, *_key(h)[3:]) for h in
                     fresh.find(s, "en")]  # fmt: skip
        pos += len(s) + 1
    assert [_key(h) for h in hits] == expected
    assert peak < 11, f"{peak:.0f} MB to scan {len(text) / 1e6:.1f} MB"  # all tokens at once: 19 MB


def test_pieces_cover_the_text_and_are_cut_after_punctuation():
    text = ("word " * 30_000 + "end. ") * 3 + "x" * 10
    spans = list(chunk_spans(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(text[hi - 1] == "." for _, hi in spans[:-1])
    assert list(chunk_spans("short")) == [(0, 5)]


def test_capitalised_runs_of_a_long_line_are_those_of_its_sentences():
    text = " ".join(SENTENCES * 60)
    runs, peak = _peak_mb(lambda: _runs(text))
    expected, pos = [], 0
    for s in SENTENCES * 60:
        expected += [(a + pos, b + pos, t, st) for a, b, t, st in _runs(s)]
        pos += len(s) + 1
    # at_start of a sentence's first run is judged in the whole text: compare spans only
    assert [r[:3] for r in runs] == [r[:3] for r in expected]
    assert peak < 11, f"{peak:.0f} MB"  # all words at once: 16 MB


def test_a_changed_glossary_is_used_at_once(tmp_path):
    finder = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    text = "The delegation met Zorbadi in Mosul."
    assert "zorbadi" not in {h.entry.id for h in finder.find(text, "en")}
    tsv = GLOSSARY.read_text(encoding="utf-8") + "zorbadi\tperson\tZorbadi\t\tزوربادي\t\t\t\t\t\n"
    finder.index = NameIndex(parse_glossary_tsv(tsv))  # as the app does after Ctrl+L
    assert {"zorbadi", "mosul"} <= {h.entry.id for h in finder.find(text, "en")}


def test_memory_engine_looks_a_repeated_segment_up_once(tmp_path):
    tm = open_tm(str(tmp_path / "tm.sqlite"), str(GLOSSARY))
    tm_add_texts(tm, str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    _, segs = segment_file(str(TEXTS / "al-qaem.en.md"))
    texts = [s.text for s in segs[:5]] * 200
    calls: list[str] = []
    real = tm.lookup

    def counted(text, *a, **k):
        calls.append(text)
        return real(text, *a, **k)

    tm.lookup = counted  # type: ignore[method-assign]
    engine = MemoryEngine(tm)
    out = engine.translate(texts, "en", "ar", None)
    assert len(calls) == len(set(texts))
    assert out[:5] == out[-5:] and all(out[:5])
    assert engine.last_matches[:5] == engine.last_matches[-5:]


def test_translate_memory_of_a_repetitive_text(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    tm = tmp_path / "tm.sqlite"
    r = CliRunner().invoke(cli, ["tm", "add-texts", str(TEXTS / "al-qaem.en.md"),
                                 str(TEXTS / "al-qaem.ar.md"), "--tm", str(tm)])  # fmt: skip
    assert r.exit_code == 0, r.output
    src = tmp_path / "rep.en.txt"
    src.write_text("\n".join(SENTENCES[:3] * 300) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["translate", str(src), "--to", "ar", "--engine", "memory",
                                 "--tm", str(tm), "--out", str(out)])  # fmt: skip
    assert r.exit_code == 0, r.output
    lines = (out / "rep.ar.txt").read_text(encoding="utf-8").split("\n")
    body = [ln for ln in lines if ln.strip()][-900:]  # after the front matter
    assert not any(ln.startswith(("---", "lang:")) for ln in body)
    assert len(body) == 900 and body[:3] == body[-3:] and all(body)


def test_reuse_of_repeated_sentences_matches_each_with_its_own_segment():
    finder = NameFinder(NameIndex(load_glossary(GLOSSARY)))
    _, original = segment_file(str(TEXTS / "al-qaem.en.md"))
    derived = original[:4] * 50
    from dataclasses import replace

    derived = [replace(s, para=100 + i) for i, s in enumerate(derived)]
    got = find_reuse(derived, original, "en", finder)
    assert [m.derived.id for m in got] == [s.id for s in derived]
    first = [(m.similarity, [o.id for o in m.originals], m.edits) for m in got[:4]]
    assert all(
        (m.similarity, [o.id for o in m.originals], m.edits) == first[k % 4]
        for k, m in enumerate(got)
    )
    assert got[0].edits is not got[4].edits

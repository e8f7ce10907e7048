"""Huge and hostile inputs: the limits hold and the linear rewrites answer as before."""

from __future__ import annotations

import os
import threading

import pytest

from tests.conftest import GLOSSARY
from workbench.core.align.sentence import check_size
from workbench.core.errors import InputError
from workbench.core.names.cluster import cluster_names, same_name
from workbench.core.segment import MAX_SEGMENT_CHARS, cap_spans
from workbench.core.textio import read_input_bytes, read_text
from workbench.formats.article import split_front_matter
from workbench.formats.glossary_tsv import load_glossary
from workbench.services import segment_file


def test_a_sentence_without_spaces_is_cut_into_bounded_segments(tmp_path):
    f = tmp_path / "x.en.md"
    f.write_text("Ab" * 6000 + " tail.\n", encoding="utf-8")
    _, segs = segment_file(str(f))
    assert max(len(s.text) for s in segs) <= MAX_SEGMENT_CHARS
    assert "".join(s.text for s in segs).replace(" ", "") == ("Ab" * 6000 + "tail.")


def test_cut_prefers_spaces():
    text = "word " * 2000
    spans = cap_spans(text, [(0, len(text.rstrip()))], 100)
    assert all(text[s:e] == text[s:e].strip() and e - s <= 100 for s, e in spans)
    assert all(text[s:e].split(" ")[-1] == "word" for s, e in spans)


def test_alias_bomb_is_refused_at_once():
    bomb = "---\na: &a [x, x]\nb: [*a, *a]\n---\n\nText.\n"
    with pytest.raises(InputError, match="alias"):
        split_front_matter(bomb, "bomb.md")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result: list[BaseException] = []
    t = threading.Thread(target=lambda: _capture(result, fifo), daemon=True)
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), "reading a FIFO blocked"
    assert "named pipe" in str(result[0])


def _capture(out: list, path) -> None:
    try:
        read_text(path)
    except InputError as exc:
        out.append(exc)


def test_nul_after_the_first_8k_is_refused(tmp_path):
    f = tmp_path / "x.md"
    f.write_bytes(b"Hello there. " * 1000 + b"\x00")
    with pytest.raises(InputError, match="NUL byte at byte 13000"):
        read_text(f)


def test_size_limit_checked_before_reading(tmp_path):
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:
        fh.truncate(2048)
    with pytest.raises(InputError, match="limit"):
        read_input_bytes(f, limit=1024)


def test_alignment_size_limits():
    check_size(20_000, 20_000)
    with pytest.raises(InputError, match="at most 20,000"):
        check_size(20_001, 100)
    with pytest.raises(InputError, match="differ too much"):
        check_size(20_000, 1_000)


def _naive_clusters(names: list[str]) -> set[frozenset[int]]:
    """The former all-pairs clustering within first-consonant blocks (the reference)."""
    from workbench.core.names.cluster import _block

    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if name.strip():
            blocks.setdefault(_block(name), []).append(i)
    for key, members in blocks.items():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                same = key.startswith("A") or same_name(names[i], names[j])
                if same and find(i) != find(j):
                    parent[find(j)] = find(i)
    groups: dict[int, set[int]] = {}
    for i in range(len(names)):
        groups.setdefault(find(i), set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_blocked_clustering_groups_as_all_pairs_did():
    names = []
    for e in load_glossary(GLOSSARY):
        names += [e.en, *e.en_variants]
        names += [n[:k] + n[k + 1 :] for n in (e.en, *e.en_variants) for k in (1, 3) if len(n) > 4]
    got = {frozenset(g) for g in cluster_names(names)}
    assert got == _naive_clusters(names)

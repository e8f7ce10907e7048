"""glossary suggest's common words come from NTREX-128's English, built by a command.

The list (workbench/data/common_words.en.tsv) is what tools/build_common_words.py builds
from ../shared/data/ntrex128, not words picked from the seed articles the tests read; the
seeds' names are still found, ordinary words are not suggested.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import ROOT, TEXTS, shared_file
from workbench.core.names import suggest
from workbench.core.names.suggest import COMMON_WORDS_FILE, load_common_words, suggest_names

TOOL = ROOT / "tools" / "build_common_words.py"
SEEDS = ("al-qaem.en.md", "al-qaim-stronghold.en.md")


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_common_words", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    return {n: (TEXTS / n).read_text(encoding="utf-8") for n in SEEDS}


def _names(texts: dict[str, str]) -> set[str]:
    return {c.name for c in suggest_names(texts, {})}


# -- the list is built, from real news text ------------------------------------------------


def test_the_shipped_list_is_what_the_command_builds(tool):
    source = shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv")
    assert tool.OUT == COMMON_WORDS_FILE
    assert tool.build(source) == COMMON_WORDS_FILE.read_text(encoding="utf-8")
    r = subprocess.run(
        [sys.executable, str(TOOL), "--check", "--source", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "up to date" in r.stdout


def test_the_list_is_ntrex_words_in_lower_case_and_not_the_seeds(tool):
    source = shared_file("ntrex128/ntrex128.eng-arb-ckb-kmr.tsv")
    lower, capital = tool.counts(tool.english_side(source))
    words = load_common_words()
    assert len(words) > 1000
    for w in words:
        assert lower[w] >= tool.MIN_LOWER and lower[w] >= tool.MIN_SHARE * (lower[w] + capital[w])
    # "members" is there because NTREX writes it in lower case (13 of 15 times); words that
    # news capitalises inside sentences are not ("Islamic State", "New York", "President")
    assert "members" in words and "later" in words
    assert not words & {"state", "new", "president", "house", "street"}
    # nothing of the seed articles goes into it: the command reads NTREX only
    assert tool.SOURCE.parent.name == "ntrex128" and tool.SOURCE.parent.parent == tool.SHARED
    assert not hasattr(suggest, "_COMMON")  # the hand-picked list is gone


# -- suggestions -----------------------------------------------------------------------------


def test_the_seeds_names_are_still_found(seeds):
    names = _names(seeds)
    assert names >= {
        "Al Qaem",
        "Mosul",
        "Anbar",
        "Haditha",
        "Ramadi",
        "Fallujah",
        "Rutbah",
        "Tal Afar",
        "Abu Bakr al-Baghdadi",
        "Abu Harith al-Rawi",
        "Islamic State",
        "Iraqi Kurdistan",
        "Popular Mobilisation Units",
        "Sabah Karhout",
        "Mustafa Habib",
        "ISIS",
    }


def test_common_words_are_not_suggested(seeds):
    names = _names(seeds)
    ordinary = load_common_words()
    for n in names:
        if " " not in n and "-" not in n:
            assert n.lower() not in ordinary or n.isupper(), n
    assert not names & {"Members", "Apparently", "Later", "Sunday", "Last Sunday", "However"}


def test_ordinary_words_opening_sentences_are_dropped_names_kept():
    text = (
        "Members met on Tuesday. Apparently nothing was agreed. Yesterday Kirkuk was quiet.\n\n"
        "Officials said Mosul was calm. “We are safe,” he said.” Last Sunday Hawija was shelled."
    )
    assert _names({"t": text}) == {"Kirkuk", "Mosul", "Hawija"}


def test_a_name_of_common_words_stays_whole():
    text = (
        "Human Rights Watch said the Popular Mobilisation Units held the town. A report by "
        "Human Rights Watch followed. Theresa May said so, as did US President Donald Trump "
        "and Dr Gary Mortimer."
    )
    names = _names({"t": text})
    assert {"Human Rights Watch", "Popular Mobilisation Units", "Theresa May"} <= names
    assert "Gary Mortimer" in names and "Dr Gary Mortimer" not in names
    assert "US President Donald Trump" in names  # US is an acronym, not the word "us"


def test_a_title_case_headline_does_not_glue_a_modal_to_a_name():
    names = _names({"t": "# The Iraqi City Of Al Qaem May Be The New Extremist Capital\n"})
    assert not any(n.endswith(" May") for n in names), names

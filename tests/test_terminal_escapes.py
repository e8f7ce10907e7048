"""Escape sequences and control characters inside users' files never reach the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import GLOSSARY, ROOT
from workbench.core.terminal_text import is_terminal_safe, terminal_safe

TITLE = "\x1b]0;pwned\x07"  # OSC 0: sets the window title
CLIP = "\x1b]52;c;aGk=\x1b\\"  # OSC 52: writes the clipboard
RED = "\x1b[31m"
CSI8 = "\x9b2J"  # 8-bit CSI: clears the screen
RLM, ZWNJ, ALM = "\u200f", "\u200c", "\u061c"
ARTICLE = (
    "---\nid: evil\nlang: en\n---\n\n"
    f"# Title {TITLE}here\n\n"
    f"Omar al-Obaidi met {RED}red\x1b[0m people in Al Qaem.\x08 The {CSI8} end.\n\n"
    f"Also {CLIP}clip, and {RLM}بەغدا{ZWNJ}ی{ALM} stays.\n"
)
NEVER = ["\x1b", "\x07", "\x08", "\x9b", "\x9d", "\r"]


def _clean(text: str) -> None:
    for ch in NEVER:
        assert ch not in text, f"{ch!r} reached the terminal"


def test_sequences_are_removed_and_other_controls_shown():
    assert terminal_safe(f"a{TITLE}b{RED}c\x1b[0m{CLIP}d{CSI8}e") == "abcde"
    assert terminal_safe("bell\x07 back\x08 nul\x00 del\x7f c1\x85") == (
        "bell\u2407 back\u2408 nul\u2400 del\u2421 c1<U+0085>"
    )
    # an unterminated string sequence is not removed: its ESC is shown, the rest is text
    assert terminal_safe("x\x1b]0;never ends") == "x\u241b]0;never ends"
    assert terminal_safe("over\rwrite") == "over\u240dwrite"
    assert terminal_safe("line\r\nnext\tcol") == "line\nnext\tcol"
    assert terminal_safe("a\nb\tc", newlines=False, tabs=False) == "a\u2424b\u2409c"
    rtl = f"{RLM}بەغدا{ZWNJ}ی{ALM} \u2067x\u2069 \u202bq\u202c \u200d"
    assert terminal_safe(rtl) == rtl  # what right-to-left text needs is kept
    assert is_terminal_safe(terminal_safe(ARTICLE)) and not is_terminal_safe(ARTICLE)


def test_the_apps_variant_keeps_every_offset():
    for text in (ARTICLE, f"{RLM}بەغدا{ZWNJ}ی", "tab\there\nnew\x85"):
        shown = terminal_safe(text, same_length=True)
        assert len(shown) == len(text) and is_terminal_safe(shown) and "\n" not in shown
        assert "\t" not in shown
    assert terminal_safe(f"a{RED}b", same_length=True) == "a\u241b[31mb"


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "evil.en.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_segment_and_glossary_check_print_no_escapes(run, article):
    r = run("segment", str(article))
    assert r.code == 0, r
    _clean(r.out + r.err)
    assert "evil:p1:s1\tTitle here" in r.out
    assert "Omar al-Obaidi met red people in Al Qaem.\u2408 The  end." in r.out
    assert f"{RLM}بەغدا{ZWNJ}ی{ALM} stays." in r.out
    r = run("glossary", "check", str(article))
    assert r.code == 0, r
    _clean(r.out + r.err)
    assert "Omar al-Obaidi" in r.out


def test_json_output_keeps_the_text_exactly_and_escaped(run, article):
    r = run("segment", str(article), "--json")
    assert r.code == 0
    _clean(r.out)
    texts = [s["text"] for s in json.loads(r.out)]
    assert any(TITLE in t for t in texts) and any(CSI8 in t for t in texts)


def test_error_messages_and_exports_are_made_safe(run, tmp_path, article, monkeypatch):
    r = run("segment", str(tmp_path / f"no{TITLE}such.md"))
    assert r.code == 1 and r.err.startswith("workbench: error: ")
    _clean(r.err)
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    p = tmp_path / "proj"
    assert run("project", "init", str(p)).code == 0
    assert run("project", "add", str(p), str(article)).code == 0
    r = run("export", str(p), "--format", "txt", "--lang", "ar")
    assert r.code == 0 and "Omar al-Obaidi" in r.out
    _clean(r.out + r.err)


def test_a_real_process_prints_no_escapes(article):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_GLOSSARY": str(GLOSSARY)}
    for args in (["segment", str(article)], ["glossary", "check", str(article)]):
        r = subprocess.run(
            [sys.executable, "-m", "workbench", *args],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert r.returncode == 0, r
        out = (r.stdout + r.stderr).decode("utf-8")
        _clean(out)
        assert "Omar al-Obaidi" in out


def test_the_app_draws_no_escapes(article, tmp_path, monkeypatch, finder):
    import asyncio

    from workbench.formats.article import read_document
    from workbench.store.project import Project
    from workbench.tui.app import WorkbenchApp

    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    with Project.init(tmp_path / "proj") as p:
        p.add_document(read_document(article))

    async def main() -> str:
        app = WorkbenchApp(tmp_path / "proj", ["ar", "ckb"], "app", finder, None)
        async with app.run_test(size=(150, 40)) as pilot:
            await pilot.pause()
            return app.export_screenshot()

    screen = asyncio.run(main())
    assert "Omar al-Obaidi met" in screen.replace("&#160;", " ")
    for ch in ("\x1b", "\x07", "\x9b"):
        assert ch not in screen, f"{ch!r} drawn"

"""Docs that cannot drift: the README's command reference and key table follow the code."""

import importlib
import pkgutil
import re
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")

#: How the README writes Textual's key names.
KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "enter": "Enter",
    "tab": "Tab",
    "escape": "Esc",
    "slash": "/",
    "question_mark": "?",
    "home": "Home",
    "end": "End",
}


def readme_name(key: str) -> str:
    """``ctrl+enter`` -> ``Ctrl+Enter``, ``f8`` -> ``F8``, ``down`` -> ``↓``, ``u`` -> ``u``."""
    parts = key.split("+")
    *mods, last = parts
    last = KEY_NAMES.get(last, last.upper() if re.fullmatch(r"f\d+", last) else last)
    if len(last) > 1 and last[0].islower():
        last = last.capitalize()
    elif mods and len(last) == 1:
        last = last.upper()  # Ctrl+S
    return "+".join([*(m.capitalize() for m in mods), last])


def key_table_tokens() -> set[str]:
    """Every key written in the first column of the README's key table."""
    start = README.index("| keys | what they do |")
    table = README[start:].split("\n\n", 1)[0]
    tokens = set()
    for line in table.splitlines()[2:]:
        cell = line.split("|")[1]
        for tok in re.split(r"[\s,]+| / |\bor\b", cell):
            tok = tok.strip("*() ").strip()
            if tok:
                tokens.add(tok)
    return tokens


def tui_bindings():
    """(class, binding) for every binding with an id that a workbench.tui class declares."""
    import workbench.tui

    seen = []
    for info in pkgutil.iter_modules(workbench.tui.__path__, "workbench.tui."):
        mod = importlib.import_module(info.name)
        for obj in vars(mod).values():
            if isinstance(obj, type) and obj.__module__ == mod.__name__:
                for b in obj.__dict__.get("BINDINGS", []):
                    if getattr(b, "id", None):
                        seen.append((obj.__name__, b))
    return seen


def test_the_command_reference_in_the_readme_is_what_the_cli_says():
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import cli_reference
    finally:
        sys.path.pop(0)
    block = cli_reference.current_block(README)
    assert block is not None, "README.md lacks the command reference markers"
    assert block == cli_reference.reference(), "run: python docs/cli_reference.py --write"


def test_every_key_of_the_app_is_in_the_readme_key_table():
    tokens = key_table_tokens()
    bindings = tui_bindings()
    assert len(bindings) > 20  # the app's own bindings were found
    missing = [
        f"{cls}.{b.id}: {key} (README: {readme_name(key)})"
        for cls, b in bindings
        for key in b.key.split(",")
        if readme_name(key) not in tokens
    ]
    assert not missing, missing


def test_readme_names_keys_as_the_table_writes_them():
    assert readme_name("ctrl+enter") == "Ctrl+Enter"
    assert readme_name("f8") == "F8"
    assert readme_name("down") == "↓"
    assert readme_name("shift+tab") == "Shift+Tab"
    assert readme_name("V") == "V"
    assert readme_name("ctrl+s") == "Ctrl+S"

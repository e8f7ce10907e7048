"""Right-to-left text for terminals: shaping and visual order, or left to the terminal.

Textual and Rich do no bidi. In ``app`` mode the TUI shapes Arabic letters
(:mod:`workbench.tui.shaping`: each letter's Unicode joining type, lam-alef, harakat kept)
and reorders each line into visual order (python-bidi) itself, for the many terminals
that do neither; the table, the edit line and the panels share that one layout
(:func:`workbench.tui.rtl_layout.bidi_layout`). In ``terminal`` mode text is passed as it is, for
terminals that do their own bidi (Konsole, mlterm), so it is not reversed twice. ``auto``
picks ``terminal`` when the terminal is known to do bidi (Konsole sets KONSOLE_VERSION,
mlterm sets MLTERM) or WORKBENCH_RTL=terminal, else ``app``.

GNOME Terminal and other VTE terminals (VTE_VERSION) do bidi by default but can be told
to stop: in ``app`` mode the app sends them BDSM reset (CSI 8 l) on start and sets it
back (CSI 8 h) on exit, so the text the app already put in visual order is not
reversed a second time.
"""

from __future__ import annotations

import os
import re

from workbench.core.settings import current
from workbench.core.terminal_text import terminal_safe


def detect(mode: str = "auto") -> str:
    """'app' or 'terminal' for a requested mode."""
    if mode in ("app", "terminal"):
        return mode
    chosen = current().rtl  # WORKBENCH_RTL
    if chosen:
        return chosen
    if os.environ.get("KONSOLE_VERSION") or os.environ.get("MLTERM"):
        return "terminal"
    return "app"


def visual(line: str, mode: str) -> str:
    """One line of logical Arabic-script text as the terminal should draw it."""
    line = terminal_safe(line, same_length=True)  # a file's escapes never reach the terminal
    if mode != "app" or not any("\u0600" <= c <= "\u08ff" for c in line):
        return line
    from workbench.tui.rtl_layout import bidi_layout

    return bidi_layout(line).display


_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u200c"
#: A run of Arabic-script words: letters (digits, marks) joined by spaces or punctuation.
_RUN = re.compile(f"[{_ARABIC}]+(?:[ \u060c\u061b\u061f.,:!?-]+[{_ARABIC}]+)*")


def visual_mixed(line: str, mode: str) -> str:
    """A left-to-right line with Arabic-script words in it, as the terminal should draw it.

    For the panels, the QA line and the header: each run of Arabic words is shaped and put
    in visual order where it stands; the rest (Latin text, numbers, brackets around the
    run) stays as it is. Wrap before calling: the order is per line.
    """
    line = terminal_safe(line, same_length=True)
    if mode != "app" or not _RUN.search(line):
        return line
    return _RUN.sub(lambda m: visual(m.group(0), "app"), line)


def terminal_modes(mode: str) -> tuple[str, str]:
    """(sent before the app starts, sent after it ends) for a resolved rtl ``mode``."""
    if mode == "app" and os.environ.get("VTE_VERSION"):
        return "\x1b[8l", "\x1b[8h"  # VTE: stop its implicit bidi while we do ours
    return "", ""

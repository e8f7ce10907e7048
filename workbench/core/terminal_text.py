"""Text from users' files made safe to show in a terminal: it can no longer drive the terminal.

An article, a glossary or a TMX file may hold escape sequences (ANSI colours, an OSC that
sets the window title or writes the clipboard, a device query whose answer is typed back)
and other control characters (a carriage return that overwrites what was printed, a
backspace, a bell). :func:`terminal_safe` removes complete escape sequences and shows every
other control character as a visible symbol, so nothing reaches the terminal that it would
obey, and a translator sees that something odd is in the file.

Kept as they are: newlines and tabs (unless asked otherwise), every printable character,
and the invisible format characters that right-to-left text needs (LRM/RLM, ALM, the
embedding, override and isolate controls, ZWJ/ZWNJ): they carry meaning and cannot drive a
terminal.
"""

from __future__ import annotations

import re

# ESC-introduced and 8-bit sequences (ECMA-48): CSI, OSC/DCS/SOS/PM/APC strings, and the
# two-character escapes. A string sequence needs its terminator (BEL or ST); an
# unterminated one is not a sequence, and its ESC is shown below.
_SEQUENCE = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]       # CSI ... final byte
    | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])                      # OSC DCS SOS PM APC
      [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)                        # ... BEL or ST
    | \x1b [\x20-\x2f]* [\x30-\x4f\x51-\x57\x59\x5a\x5c\x60-\x7e]    # ESC (intermediates) final
    """,
    re.VERBOSE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(ch: str) -> str:
    """A control character shown as a symbol: ␛ for ESC (Control Pictures), <U+009B> for C1."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def terminal_safe(
    text: str, *, newlines: bool = True, tabs: bool = True, same_length: bool = False
) -> str:
    """``text`` with escape sequences removed and other control characters made visible.

    ``newlines=False`` shows a newline as ␤ (for text that must stay on one line);
    ``tabs=False`` shows a tab as ␉. A CRLF line end becomes a newline.

    ``same_length=True`` (for the app, whose cursor offsets and cell widths are counted
    on the stored text) removes nothing: every control character, newlines and tabs
    included, becomes exactly one visible character (C1 ones become U+FFFD).
    """
    if text.isprintable() and (newlines or "\n" not in text):
        return text  # the common case, fast
    if same_length:
        return _ANY_CONTROL.sub(lambda m: _one(m.group()), text)
    text = _SEQUENCE.sub("", text.replace("\r\n", "\n"))
    text = _CONTROL.sub(lambda m: _visible(m.group()), text)
    if not newlines:
        text = text.replace("\n", "\u2424")
    if not tabs:
        text = text.replace("\t", "\u2409")
    return text


_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _one(ch: str) -> str:
    """A control character as one visible character."""
    code = ord(ch)
    if code == 0x0A:
        return "\u2424"
    return _visible(ch) if code < 0x80 else "\ufffd"


def is_terminal_safe(text: str) -> bool:
    """Whether ``text`` holds nothing but printable characters, newlines and tabs."""
    return _CONTROL.search(text) is None

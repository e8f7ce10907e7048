"""Reading user text files safely: UTF-8 only; clear errors for binary, invalid or empty input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from workbench.core.errors import InputError

#: Bidirectional formatting characters (marks, embeddings, overrides, isolates).
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_BIDI_TABLE = {ord(c): None for c in BIDI_CONTROLS}


def strip_bidi_controls(text: str) -> str:
    """Remove bidi marks, embeddings, overrides and isolates (they are invisible formatting)."""
    return text.translate(_BIDI_TABLE)


def _looks_binary(data: bytes) -> bool:
    """True when the bytes are clearly not text: a NUL byte, or many C0 control bytes."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(sample) > 0 and controls / len(sample) > 0.05


def decode_text(data: bytes, name: str = "<input>") -> str:
    """Decode bytes as UTF-8 text (BOM allowed); normalise newlines and to NFC.

    Raises InputError for binary data or invalid UTF-8, naming the line and byte offset.
    """
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (line {line}, byte {exc.start}); save it as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_text(path: str | Path, *, allow_empty: bool = False) -> str:
    """Read a UTF-8 text file for processing; one-line InputError on any problem."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    text = decode_text(data, str(p))
    if not allow_empty and not strip_bidi_controls(text).strip():
        raise InputError(f"{p}: file is empty")
    return text

"""Reading user files safely: regular files only, bounded in size, UTF-8 text with clear errors.

Everything a command reads from a path comes through :func:`read_input_bytes`: it refuses,
before reading a byte, anything that is not a regular file (a FIFO would block forever,
``/dev/zero`` would be read until memory runs out), reads at most :data:`MAX_INPUT_BYTES`,
and takes ``-`` as standard input. :func:`read_text` adds the text checks: UTF-8 only (a
UTF-8 BOM is dropped, UTF-16 is named as such), no NUL byte anywhere, not empty.
"""

from __future__ import annotations

import os
import stat
import sys
import unicodedata
from pathlib import Path

from workbench.core.errors import InputError

#: The largest file any command reads (64 MiB); a larger one is refused in one line.
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: The name that stands for standard input.
STDIN = "-"

#: Bidirectional formatting characters (marks, embeddings, overrides, isolates).
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_BIDI_TABLE = {ord(c): None for c in BIDI_CONTROLS}

#: Characters that draw nothing: with whitespace and bidi controls, a file of only these is empty.
_INVISIBLE_TABLE = {
    **_BIDI_TABLE,
    **{ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"},
}


def strip_bidi_controls(text: str) -> str:
    """Remove bidi marks, embeddings, overrides and isolates (they are invisible formatting)."""
    return text.translate(_BIDI_TABLE)


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: whitespace, bidi controls and zero-width characters."""
    return not text.translate(_INVISIBLE_TABLE).strip()


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g} MB"


def read_input_bytes(
    path: str | Path, *, limit: int = MAX_INPUT_BYTES, what: str = "one input file"
) -> bytes:
    """The bytes of a regular file, or of standard input for ``-``; one-line InputError else.

    Refused before anything is read: a missing path, a folder, a FIFO, a device, a socket.
    A file larger than ``limit`` bytes is refused too (it is never read whole); ``what``
    names the kind of input in that message.
    """
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"standard input: more than {_mb(limit)}, the limit for {what}")
        return data
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; not read")
    if st.st_size > limit:
        raise InputError(
            f"{p}: {_mb(st.st_size)}, larger than {_mb(limit)}, the limit for {what}; split it"
        )
    try:
        # O_NONBLOCK: should the path become a FIFO after the check, opening does not wait
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{p}: not a regular file; not read")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"{p}: larger than {_mb(limit)}, the limit for {what}; split it")
    return data


def _looks_binary(data: bytes) -> bool:
    """True when the bytes are clearly not text: many C0 control bytes at the start."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(sample) > 0 and controls / len(sample) > 0.05


def decode_text(data: bytes, name: str = "<input>") -> str:
    """Decode bytes as UTF-8 text (BOM allowed); normalise newlines and to NFC.

    Raises InputError for UTF-16, a NUL byte anywhere, binary data or invalid UTF-8,
    naming the line and byte offset.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: UTF-16 text; save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(f"{name}: a NUL byte at byte {nul} (line {line}): a binary file, not text")
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not valid UTF-8 (line {line}, byte {exc.start}); save it as UTF-8"
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text


def display_name(path: str | Path) -> str:
    """How a path is named in messages (``-`` is standard input)."""
    return "standard input" if str(path) == STDIN else str(path)


def read_text(
    path: str | Path,
    *,
    allow_empty: bool = False,
    limit: int = MAX_INPUT_BYTES,
    what: str = "one input file",
) -> str:
    """Read a UTF-8 text file (or ``-``, standard input); one-line InputError on any problem.

    ``limit``: the largest size accepted, in bytes, ``what`` the kind of input (see
    :func:`read_input_bytes`).
    """
    name = display_name(path)
    text = decode_text(read_input_bytes(path, limit=limit, what=what), name)
    if not allow_empty and is_blank(text):
        what = "empty" if not text.strip() else "empty (only invisible characters)"
        raise InputError(f"{name}: file is {what}")
    return text

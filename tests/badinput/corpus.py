"""The bad-input corpus: each kind of hostile or huge input, generated (never committed).

``build(folder, scale)`` writes every kind into ``folder`` and returns the list of
:class:`Kind`. ``scale`` is 1 for the full sizes (bench/badinput.py) and small (0.01) for
the test suite. Each kind says which role it plays (an article or text, a TMX, a TBX, an
XLIFF, a glossary TSV, a project folder) and what must happen: ``error`` (exit 1 and one
``workbench: error:`` line) or ``ok`` (a legitimate input that must finish).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EN = (ROOT / "texts" / "al-qaem.en.md").read_text(encoding="utf-8")
SENTENCES = [ln for ln in EN.split("\n") if len(ln) > 40 and not ln.startswith(("#", "-"))]


@dataclass(frozen=True)
class Kind:
    """One kind of input: a name, its role, the path made, and the outcome expected."""

    name: str
    role: str  # text | tmx | tbx | xliff | tsv | project
    path: str
    expect: str  # error | ok
    article_only: bool = False  # bad only as an article: read as plain lines it is text


def _tmx(body: str, head: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:
    return (
        head + '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence"'
        ' adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>'
        f"<body>{body}</body></tmx>\n"
    ).encode()


def _tu(en: str, ar: str) -> str:
    return (
        f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="ar"><seg>{ar}</seg></tuv></tu>'
    )


def _lines(n: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    return "\n".join(rnd.choice(SENTENCES)[:160] for _ in range(n)) + "\n"


def _one_line(nbytes: int) -> str:
    rnd = random.Random(2)
    words = EN.split()
    out, size = [], 0
    while size < nbytes:
        w = rnd.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out) + "\n"


def _alias_bomb() -> str:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join([*lines, "---", "", "Hello from Mosul.", ""])


def build(folder: Path, scale: float = 1.0) -> list[Kind]:
    """Write every kind into ``folder``; the huge ones are ``scale`` times their full size."""
    folder.mkdir(parents=True, exist_ok=True)
    kinds: list[Kind] = []

    def put(name: str, role: str, data: bytes | str, expect: str, suffix: str = ".en.md") -> None:
        p = folder / f"{name}{suffix}"
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        kinds.append(Kind(name, role, str(p), expect))

    def put_article(name: str, data: str, expect: str) -> None:
        put(name, "text", data, expect)
        kinds[-1] = Kind(name, "text", kinds[-1].path, expect, article_only=True)

    def special(name: str, role: str, make: Callable[[Path], str]) -> None:
        kinds.append(Kind(name, role, make(folder / name), "error"))

    good = "Hello from Mosul. The army reached Al Qaem.\n"
    n = lambda full: max(1, int(full * scale))  # noqa: E731

    # --- texts and articles -------------------------------------------------------
    put("empty", "text", b"", "error")
    put("whitespace-only", "text", " \n\t\n \n", "error")
    put("zero-width-only", "text", "\u200b\u200b\n\u200b\ufeff\n", "error")
    put("bidi-controls-only", "text", "\u202e\u2067\u200f\n\u2069\n", "error")
    rnd = random.Random(3)
    put("binary", "text", bytes(rnd.randrange(256) for _ in range(4096)), "error")
    put("nul-bytes", "text", b"Hello\x00world\n", "error")
    put("nul-after-8k", "text", (good * 400).encode() + b"\x00tail\n", "error")
    put("invalid-utf8", "text", good.encode() + b"\xff\xfe\xc3(\n", "error")
    put("utf16-bom", "text", "\ufeff".encode("utf-16-le") + good.encode("utf-16-le"), "error")
    put("latin1", "text", "Caf\u00e9 in Mosul.\n".encode("latin-1"), "error")
    put_article("broken-yaml", "---\ntitle: [unclosed\n---\n\n" + good, "error")
    put_article("yaml-alias-bomb", _alias_bomb(), "error")
    put_article("yaml-bad-story-id", "---\nstory: ../../etc\n---\n\n" + good, "error")
    put("utf8-bom", "text", "\ufeff" + good, "ok")
    put("crlf", "text", good.replace("\n", "\r\n") * 3, "ok")
    put("bidi-controls-inside", "text", "Hello \u202efrom\u202c Mosul.\n", "ok")
    put("unknown-lang-front-matter", "text", "---\nlang: xx-bogus\n---\n\n" + good, "ok")
    put("only-heading", "text", "# Mosul\n", "ok")
    put("no-space-sentence", "text", "Ab" * n(5_000_000) + "\n", "ok")
    put("single-line-article", "text", _one_line(n(9_000_000)), "ok")
    put("many-lines", "text", _lines(n(60_000)), "ok", ".en.txt")
    put("many-paragraphs", "text", _lines(n(60_000)).replace("\n", "\n\n"), "ok")
    big = folder / "larger-than-limit.en.md"
    with big.open("wb") as fh:  # sparse: refused by its size before a byte is read
        fh.truncate(65 * 1024 * 1024)
    kinds.append(Kind("larger-than-limit", "text", str(big), "error"))
    put("newline\nin-name", "text", b"\x00\x01binary", "error")

    def fifo(p: Path) -> str:
        os.mkfifo(p)
        return str(p)

    def folder_(p: Path) -> str:
        p.mkdir()
        return str(p)

    special("fifo", "text", fifo)
    special("dev-zero", "text", lambda p: "/dev/zero")
    special("char-device", "text", lambda p: "/dev/null")
    special("a-folder", "text", folder_)
    special("missing", "text", lambda p: str(p) + ".md")
    if os.geteuid() != 0:  # root reads any file

        def unreadable(p: Path) -> str:
            p.write_text(good)
            p.chmod(0)
            return str(p)

        special("unreadable", "text", unreadable)

    # --- TMX ------------------------------------------------------------------------
    unit = _tu("Hello from Mosul.", "مرحبا من الموصل.")
    put("tmx-bogus-encoding", "tmx", _tmx(unit, '<?xml version="1.0" encoding="x-bogus-42"?>\n'),
        "error", ".tmx")  # fmt: skip
    put("tmx-xxe", "tmx", _tmx(unit.replace("Mosul", "&x;"),
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'),
        "error", ".tmx")  # fmt: skip
    put("tmx-parameter-entity", "tmx", _tmx(unit,
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY % p SYSTEM "http://example.invalid/x">'
        " %p;]>\n"), "error", ".tmx")  # fmt: skip
    lol = "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10))
    put("tmx-billion-laughs", "tmx", _tmx(unit.replace("Mosul", "&l9;"),
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY l0 "lol">{lol}]>\n'),
        "error", ".tmx")  # fmt: skip
    put("tmx-xinclude", "tmx", _tmx('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        'href="file:///etc/passwd" parse="text"/>'), "error", ".tmx")  # fmt: skip
    put("tmx-doctype-http", "tmx", _tmx(unit,
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n'),
        "ok", ".tmx")  # fmt: skip
    put("tmx-lone-surrogate", "tmx", _tmx(_tu("Bad &#xD800; here.", "x")), "error", ".tmx")
    put("tmx-malformed", "tmx", _tmx(unit)[:-30], "error", ".tmx")
    put("tmx-wrong-root", "tmx", b'<?xml version="1.0"?><martif/>', "error", ".tmx")
    put("tmx-unknown-languages", "tmx", _tmx(unit.replace('"ar"', '"zz-bogus"')), "error", ".tmx")
    put("tmx-nul-byte", "tmx", _tmx(unit).replace(b"Mosul", b"Mo\x00sul"), "error", ".tmx")
    put("tmx-100k-units", "tmx", _tmx("".join(
        _tu(f"Sentence number {i} from Mosul.", f"الجملة رقم {i} من الموصل.")
        for i in range(n(100_000)))), "ok", ".tmx")  # fmt: skip

    # --- TBX, XLIFF, glossary TSV ---------------------------------------------------
    put("tbx-wrong-root", "tbx", b'<?xml version="1.0"?><martif/>', "error", ".tbx")
    put("tbx-bogus-encoding", "tbx",
        b'<?xml version="1.0" encoding="x-bogus-42"?><martif type="TBX"/>', "error", ".tbx")  # fmt: skip
    put("tbx-xxe", "tbx", b'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM '
        b'"file:///etc/passwd">]><martif><text><body>&x;</body></text></martif>', "error",
        ".tbx")  # fmt: skip
    put("xliff-other-language", "xliff", (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:'
        '2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u1"><segment>'
        "<source>Hello.</source><target>Bonjour.</target></segment></unit></file></xliff>\n"),
        "error", ".xlf")  # fmt: skip
    put("xliff-malformed", "xliff", "<xliff><file>", "error", ".xlf")
    header = "id\ttype\ten\ten_variants\tar\tckb\tkmr\tnote\n"
    put("tsv-wrong-columns", "tsv", header + "mosul\tplace\tMosul\n", "error", ".tsv")
    put("tsv-duplicate-ids", "tsv",
        header + "mosul\tplace\tMosul\t\tالموصل\tموسڵ\tMûsil\t\n" * 2, "error", ".tsv")  # fmt: skip

    # --- project folders --------------------------------------------------------------
    def empty_db(p: Path) -> str:
        p.mkdir()
        (p / "workbench.sqlite").write_bytes(b"")
        return str(p)

    def garbage_db(p: Path) -> str:
        p.mkdir()
        (p / "workbench.sqlite").write_bytes(b"not a database\n" * 100)
        return str(p)

    special("project-empty-sqlite", "project", empty_db)
    special("project-garbage-sqlite", "project", garbage_db)
    return kinds

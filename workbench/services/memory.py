"""Translation-memory use cases: open, TMX in and out, texts as units, and the memory MT engine."""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.units import Unit
from workbench.formats.tmx import TmxRead, read_tmx, units_to_tmx
from workbench.services.files import write_text
from workbench.services.glossary import open_glossary, segment_file
from workbench.services.progress import Progress
from workbench.store.tm import TranslationMemory, default_tm_path


def open_tm(
    path: str | None, glossary_path: str | None = None, readonly: bool = False
) -> TranslationMemory:
    """The TM at ``path`` (default: the user's TM under the workbench home), name-aware.

    ``readonly`` for commands that only read it (lookup, export): nothing is written.
    """
    return TranslationMemory(
        Path(path) if path else default_tm_path(), open_glossary(glossary_path), readonly
    )


def load_tmx(tmx_path: str, src: str | None = None) -> TmxRead:
    """Read a TMX file (one-line InputError when it is unusable)."""
    return read_tmx(tmx_path, src)


def tm_add_units(
    tm: TranslationMemory, units: list[Unit], progress: Progress | None = None
) -> tuple[int, int]:
    """Add units in steps of 1,000 (one transaction each): (added, already present).

    Should the disk fill up, the one-line error says how many units were committed.
    """
    return tm.add(units, batch=1000, progress=progress)


def tm_add_texts(tm: TranslationMemory, source: str, target: str) -> tuple[int, int]:
    """Add a text and its segment-aligned translation (same paragraphs and sentences)."""
    src_doc, src_segs = segment_file(source)
    tgt_doc, tgt_segs = segment_file(target)
    by_key = {s.id: s for s in tgt_segs}
    missing = [s.id for s in src_segs if s.id not in by_key]
    if missing or len(src_segs) != len(tgt_segs):
        raise InputError(
            f"{target}: not segment-aligned with {source} ({len(tgt_segs)} segments against "
            f"{len(src_segs)}; first unmatched: {missing[0] if missing else '?'}); align them first"
        )
    units = [
        Unit(
            s.text,
            by_key[s.id].text,
            src_doc.lang,
            tgt_doc.lang,
            src_segs[i - 1].text if i else "",
            src_segs[i + 1].text if i + 1 < len(src_segs) else "",
            Path(source).name,
        )
        for i, s in enumerate(src_segs)
    ]
    return tm.add(units)


def tm_export_tmx(
    tm: TranslationMemory, out: str, src: str | None, tgt: str | None, *, force: bool = True
) -> int:
    """Write the TM (or one language pair) as TMX; the number of units written.

    ``force=False`` refuses an existing ``out``; the TM itself is never written over.
    """
    units = list(tm.units(src, tgt))
    if not units:
        raise InputError("the TM has no units" + (f" for {src}-{tgt}" if src else ""))
    write_text(out, units_to_tmx(units, src or units[0].src_lang), force=force, keep=[tm.path])
    return len(units)


class MemoryEngine:
    """The 'memory' engine: the best TM match (>= threshold), names in the glossary's form.

    It needs no model. It lives here rather than in engines/ because it reads the TM
    (store/), which engines may not import. Its results are not cached: the TM changes.
    """

    name = "memory"
    checksum = "tm"
    revision = "local"
    should_stop = None  # polled between segments (see engines.base.Engine)

    def __init__(self, tm: TranslationMemory, threshold: float = 70.0) -> None:
        """Translate from ``tm``; segments without a match >= threshold stay empty."""
        self.tm = tm
        self.threshold = threshold
        self.model_id = tm.path.name
        self.last_matches: list[float | None] = []

    def translate(self, texts: list[str], src: str, tgt: str, options) -> list[str]:
        """Leveraged TM targets ('' where the TM has nothing close enough)."""
        from workbench.engines.base import check_stop

        out, self.last_matches = [], []
        seen: dict[str, tuple[str, float | None]] = {}  # a repeated segment is looked up once
        for t in texts:
            check_stop(self)
            if t not in seen:
                found = (
                    self.tm.lookup(t, src, tgt, limit=1, threshold=self.threshold)
                    if t.strip()
                    else []
                )
                seen[t] = (found[0].target, found[0].score) if found else ("", None)
            target, score = seen[t]
            out.append(target)
            self.last_matches.append(score)
        return out

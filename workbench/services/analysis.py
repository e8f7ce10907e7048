"""``project analyze``: words and segments per document and language, in CAT-tool bands.

Each segment falls in one band, in project order: **repetition** (its source repeats an
earlier segment of the project: whitespace, case and name spellings through the glossary
aside), else by its best TM match: **101** (context), **100**, **95-99**, **85-94**,
**75-84**, **50-74**, else **new**. Words are counted as a newsroom bills them: the
whitespace tokens of the source. A segment's own confirmed target, which the TM learned
when it was confirmed, is not a match of it.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from workbench.core.errors import WorkbenchError
from workbench.core.names.name_finder import NameFinder
from workbench.core.repetitions import repetition_key
from workbench.services.learning import learned_keys
from workbench.services.progress import Progress
from workbench.store.project import Project
from workbench.store.tm import TranslationMemory
from workbench.store.tm_best import Probe, best_scores
from workbench.store.tm_candidates import Postings

BANDS = ("repetition", "101", "100", "95-99", "85-94", "75-84", "50-74", "new")


def band_of(score: float | None) -> str:
    """The band of a best TM match score (None: no match of 50 or more)."""
    if score is None or score < 50:
        return "new"
    if score >= 101:
        return "101"
    if score >= 100:
        return "100"
    for low, name in ((95, "95-99"), (85, "85-94"), (75, "75-84")):
        if score >= low:
            return name
    return "50-74"


@dataclass
class Counts:
    """Segments and words in each band."""

    segments: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BANDS, 0))

    def add(self, band: str, words: int) -> None:
        """Count one segment of ``words`` words in ``band``."""
        self.segments[band] += 1
        self.words[band] += words

    def merge(self, other: Counts) -> None:
        """Add another's counts to these."""
        for b in BANDS:
            self.segments[b] += other.segments[b]
            self.words[b] += other.words[b]

    def as_json(self) -> dict[str, object]:
        """Per band {segments, words}, and the totals."""
        return {
            "bands": {b: {"segments": self.segments[b], "words": self.words[b]} for b in BANDS},
            "segments": sum(self.segments.values()),
            "words": sum(self.words.values()),
        }


@dataclass
class Analysis:
    """Counts per (document, language), and the totals per language."""

    documents: list[tuple[str, str, Counts]]
    totals: dict[str, Counts]

    def as_json(self) -> dict[str, object]:
        """The JSON of ``project analyze --json``."""
        return {
            "bands": list(BANDS),
            "documents": [
                {"document": d, "lang": lang, **c.as_json()} for d, lang, c in self.documents
            ],
            "totals": {lang: c.as_json() for lang, c in self.totals.items()},
        }


#: Segments at which ``analyze`` looks up in worker processes (below: one is as soon).
PARALLEL_FROM = 1000
#: Segments a worker takes at a time (the progress moves by that much).
CHUNK = 200
#: Bytes of the TM an analysis reads memory-mapped (random unit reads: a third faster).
MMAP_BYTES = 1 << 30


def default_workers() -> int:
    """How many processes an analysis looks up in: the CPUs this one may use, at most 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


def analyze(
    folder: str,
    langs: list[str],
    tm: TranslationMemory | None,
    finder: NameFinder | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Analysis:
    """Analyse the project's documents for each of ``langs`` against ``tm`` (may be None).

    Each segment is looked up once for every language (see :mod:`workbench.store.tm_best`),
    a repetition not at all. A unit the TM learned from a segment (when it was confirmed) is
    not a match of that segment: a confirmed target does not make its own segment a 101.
    ``finder`` (default: the TM's) finds the names repetitions are compared through.
    ``progress`` is called with the segments x languages done (raising stops the count).
    ``workers``: processes looking segments up (default :func:`default_workers`); a
    project of fewer than :data:`PARALLEL_FROM` segments, or ``workers=1``, is looked up
    in this process. The result does not depend on how many.
    """
    with Project.open(folder, readonly=True) as project:
        docs = {name: src for _, name, src, _ in project.documents()}
        rows = project.rows(langs[0]) if langs else []
        key_of = learned_keys(project)
        probes = [
            Probe(
                r.source,
                docs[r.doc],
                rows[i - 1].source if i and rows[i - 1].doc == r.doc else "",
                rows[i + 1].source if i + 1 < len(rows) and rows[i + 1].doc == r.doc else "",
                {lang: key_of(r.key, lang) for lang in langs},
            )
            for i, r in enumerate(rows)
        ]
    finder = finder if finder is not None else (tm.finder if tm is not None else None)
    workers = default_workers() if workers is None else max(1, workers)
    if tm is not None and workers > 1 and len(probes) >= PARALLEL_FROM:
        found = _in_workers(tm, finder, probes, langs, workers, progress)
    else:
        found = _in_this_process(tm, finder, probes, langs, progress)
    per_doc: dict[str, dict[str, Counts]] = {lang: {} for lang in langs}
    seen: set[str] = set()
    for r, (key, scores) in zip(rows, found, strict=True):
        if key in seen:
            bands = dict.fromkeys(langs, "repetition")
        else:
            seen.add(key)
            # None only for a repetition within a chunk, seen above
            assert scores is not None
            bands = {lang: band_of(scores[lang]) for lang in langs}
        words = len(r.source.split())
        for lang in langs:
            per_doc[lang].setdefault(r.doc, Counts()).add(bands[lang], words)
    out: list[tuple[str, str, Counts]] = []
    totals = {lang: Counts() for lang in langs}
    for lang in langs:
        for doc, counts in per_doc[lang].items():
            out.append((doc, lang, counts))
            totals[lang].merge(counts)
    return Analysis(out, totals)


#: (repetition key, best score per language) of a segment; the scores are None for a
#: segment whose key came earlier in the same chunk (a repetition: not looked up).
Found = tuple[str, "dict[str, float | None] | None"]


def _chunk(
    tm: TranslationMemory | None,
    finder: NameFinder | None,
    probes: list[Probe],
    langs: list[str],
    postings: Postings,
) -> list[Found]:
    """Each segment's repetition key and, unless its key came before in ``probes``, scores."""
    seen: set[str] = set()
    out: list[Found] = []
    for p in probes:
        key = repetition_key(p.text, p.src, finder)
        if key in seen:
            out.append((key, None))
            continue
        seen.add(key)
        out.append((key, _best(tm, p, langs, postings)))
    return out


def _in_this_process(tm, finder, probes, langs, progress) -> list[Found]:
    """:func:`_chunk` over all segments, a chunk at a time for the progress."""
    found: list[Found] = []
    postings = Postings()
    for lo in range(0, len(probes), CHUNK):
        part = probes[lo : lo + CHUNK]
        found.extend(_chunk(tm, finder, part, langs, postings))
        if progress:
            progress(len(part) * len(langs))
    return found


def _in_workers(tm, finder, probes, langs, workers, progress) -> list[Found]:
    """:func:`_chunk` over the chunks in ``workers`` processes (:mod:`.analysis_worker`).

    Each process opens the TM read-only and builds its own name finder; a thread of this
    process feeds each one chunk after chunk. ``progress`` is called in this thread; when
    it raises, or a worker fails, the workers are stopped and the error raised here.
    """
    chunks = [probes[lo : lo + CHUNK] for lo in range(0, len(probes), CHUNK)]
    results: list[list[Found]] = [[] for _ in chunks]
    todo = iter(range(len(chunks)))
    lock = threading.Lock()
    done: queue.Queue[int | BaseException | None] = queue.Queue()
    stop = threading.Event()
    if finder is tm.finder:
        names_from: object = "tm"
    elif finder is None:
        names_from = None
    else:
        names_from = (finder.index.glossary, finder.index.fuzzy_cutoff)
    setup = (str(tm.path), tm.glossary, names_from, langs)
    procs = [_start_worker() for _ in range(workers)]

    def drain(proc: subprocess.Popen) -> None:
        try:
            _send(proc, setup)
            while not stop.is_set():
                with lock:
                    i = next(todo, None)
                if i is None:
                    return
                _send(proc, chunks[i])
                results[i] = _receive(proc)
                done.put(len(chunks[i]))
        except BaseException as exc:  # handed to the caller's thread, raised there
            if not stop.is_set():
                done.put(exc)
        finally:
            done.put(None)

    threads = [
        threading.Thread(target=drain, args=(proc,), name=f"analysis-{n}", daemon=True)
        for n, proc in enumerate(procs)
    ]
    for t in threads:
        t.start()
    running = len(threads)
    try:
        while running:
            item = done.get()
            if item is None:
                running -= 1
            elif isinstance(item, BaseException):
                raise item
            elif progress:
                progress(item * len(langs))
    finally:
        stop.set()
        for proc in procs:
            _stop_worker(proc)
        for t in threads:
            t.join()
    return [f for part in results for f in part]


def _start_worker() -> subprocess.Popen:
    """A worker process, this interpreter with this copy of workbench on its path."""
    here = str(Path(__file__).resolve().parent.parent.parent)
    code = (
        f"import sys; sys.path.insert(0, {here!r}); "
        "from workbench.services.analysis_worker import main; main()"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # never onto the app's terminal; errors come as answers
    )


def _send(proc: subprocess.Popen, item: object) -> None:
    """One pickle to the worker (a one-line error when it is gone)."""
    assert proc.stdin is not None
    try:
        pickle.dump(item, proc.stdin)
        proc.stdin.flush()
    except OSError:  # a broken pipe: it died
        code = proc.wait()
        raise WorkbenchError(f"an analysis worker stopped (exit code {code})") from None


def _receive(proc: subprocess.Popen) -> list[Found]:
    """The worker's answer to a chunk (a one-line error when it failed or died)."""
    assert proc.stdout is not None
    try:
        status, found = pickle.load(proc.stdout)
    except (EOFError, pickle.UnpicklingError):
        code = proc.wait()
        raise WorkbenchError(f"an analysis worker stopped (exit code {code})") from None
    if status != "ok":
        raise WorkbenchError(f"an analysis worker failed: {found}")
    return found


def _stop_worker(proc: subprocess.Popen) -> None:
    """End a worker: its input closed (it returns), killed if it does not at once."""
    try:
        if proc.stdin is not None:
            proc.stdin.close()
    except OSError:
        pass  # it had gone
    try:
        proc.wait(timeout=2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _best(
    tm: TranslationMemory | None, probe: Probe, langs: list[str], postings: Postings
) -> dict[str, float | None]:
    """The best TM score of a segment in each language (its neighbours: for a 101)."""
    if tm is None or not probe.text.strip():
        return dict.fromkeys(langs, None)
    try:
        return best_scores(tm, probe, langs, threshold=50, postings=postings)
    except WorkbenchError:
        return dict.fromkeys(langs, None)

"""A process that looks segments up for ``project analyze`` (see :mod:`.analysis`).

Started by the analysis with ``python -c`` (so that no caller's main module is imported
again, as multiprocessing's spawn would), it reads pickles from its standard input: first
the set-up (the TM's path, the glossaries, the target languages), then chunks of segments,
and answers each chunk with one pickle on its standard output: ``("ok", found)`` or
``("error", message)``. It ends when its input closes. The pickles come only from the
analysis that started it, through a pipe only the two of them hold.
"""

from __future__ import annotations

import pickle
import sys


def main() -> None:
    """Serve chunks until the input closes."""
    from workbench.core.names.name_finder import NameFinder
    from workbench.core.names.name_index import NameIndex
    from workbench.services.analysis import MMAP_BYTES, _chunk
    from workbench.store.tm import TranslationMemory
    from workbench.store.tm_candidates import Postings

    source, answer = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but answers on the pipe
    # names: "tm" (the TM's finder), None (no names) or (glossary, fuzzy cut-off)
    tm_path, tm_glossary, names_from, langs = pickle.load(source)
    with TranslationMemory(tm_path, tm_glossary, readonly=True) as tm:
        tm.con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if names_from == "tm" or names_from is None:
            names = tm.finder if names_from else None
        else:
            names = NameFinder(NameIndex(*names_from))
        postings = Postings()
        while True:
            try:
                probes = pickle.load(source)
            except EOFError:
                return
            try:
                reply = ("ok", _chunk(tm, names, probes, langs, postings))
            except Exception as exc:  # handed to the analysis as one line
                reply = ("error", f"{type(exc).__name__}: {exc}")
            pickle.dump(reply, answer)
            answer.flush()


if __name__ == "__main__":
    main()

"""A translating process for the compare-and-set tests: it reads, then waits to write.

``python -m tests.helpers.held_translate FILE PROJECT LANG CACHE READY GO`` runs the
``translate --project`` service (``translate_file``) with an engine that, once the
project's segments are read and the model is asked for its drafts, creates READY and
waits (polling, up to three minutes) until GO exists. The test writes human work in between.
Prints how many drafts it kept back (``kept``).
"""

import sys
import time
from pathlib import Path

from workbench.engines.base import DecodeOptions
from workbench.services.translation import translate_file
from workbench.store.mt_cache import MTCache


class HeldEngine:
    """A stand-in model: 'MT <source>' for each text, after the test says go."""

    name = "held"
    model_id = "held-model"
    checksum = "c0ffee"

    def __init__(self, ready: Path, go: Path) -> None:
        self.ready, self.go = ready, go

    def translate(self, texts, src, tgt, options):
        self.ready.touch()
        end = time.monotonic() + 180
        while not self.go.exists():
            if time.monotonic() > end:
                raise SystemExit("held_translate: nobody said go")
            time.sleep(0.02)
        return [f"MT {t}" for t in texts]


def main() -> None:
    path, project, lang, cache_path, ready, go = sys.argv[1:7]
    engine = HeldEngine(Path(ready), Path(go))
    with MTCache(cache_path) as cache:
        r = translate_file(path, lang, engine, cache, DecodeOptions(), None, project=project)
    print(r.kept, flush=True)


if __name__ == "__main__":
    main()

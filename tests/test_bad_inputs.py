"""The bad-input corpus (tests/badinput/) through every command that reads a file.

Small variants of the huge kinds; bench/badinput.py runs the full sizes. Each run must end
within its time bound without a traceback; a bad kind exits 1 (2 for usage) with one
``workbench: error:`` line; the project and TM it could touch pass integrity_check and,
after a failure, hold what they held before.
"""

from __future__ import annotations

from tests.badinput.corpus import build
from tests.badinput.runner import run_corpus, table


def test_every_command_on_every_bad_input(tmp_path):
    kinds = build(tmp_path / "inputs", scale=0.01)
    assert len({k.name for k in kinds}) >= 30
    runs = run_corpus(kinds, tmp_path / "runs", limit=90)
    failed = [r for r in runs if not r.passed]
    assert not failed, "\n" + table(failed)
    assert {r.kind for r in runs} == {k.name for k in kinds}

"""Words the translator reads, from the trial (trial 1, items 14, 16, 17, 18 and 19).

The main help says what the README says; counts agree with their nouns ("1 draft",
"2 drafts"); one error line reads as a sentence; band counts are in one order; the
published article carries only publication metadata; QA flags an Arabic spelling of a
name in the Sorani column.
"""

from __future__ import annotations


def test_main_help_states_the_main_job_without_a_literal_backspace_mark(run):
    r = run("--help")
    assert r.code == 0
    assert "\\b" not in r.out and "\b" not in r.out
    lines = [line.strip() for line in r.out.splitlines()]
    job = next(i for i, line in enumerate(lines) if line.startswith("The main job"))
    assert "translate in the terminal" in lines[job]
    assert lines[job + 1] == "workbench open texts/al-qaem.en.md --to ar,ckb"
    other = lines.index("workbench glossary check texts/*.md")
    assert other > job + 1 and "names" in lines[other - 1]
    assert "Main job for now" not in r.out

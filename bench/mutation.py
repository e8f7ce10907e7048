"""Mutation testing of one module with a chosen set of tests (mutmut 3), in a copy of the repo.

    python bench/mutation.py workbench/core/names/latin_key.py tests/test_latin_key.py \
        [tests/test_more.py ...] [--max-minutes 10] [--jobs 1] [--report /tmp/m.txt] [--keep]

The shared checkout is never touched: the files of a commit (``--rev``, default HEAD; the
named test files from the working tree, so new tests count before they are committed) or,
with ``--worktree``, the tracked and untracked-but-not-ignored files are copied to a
temporary directory, a ``[tool.mutmut]`` section (the one module to mutate, the
test files, ``-x -q``) is appended to the copy's pyproject.toml, and ``mutmut run`` runs
there under ``nice`` with ``--jobs`` workers (default 1: the machine is shared). Subprocesses
the tests start import the mutated copy too (PYTHONPATH points at ``mutants/``), and
``WORKBENCH_SHARED`` keeps pointing at the real ../shared data.

mutmut 3 mutates code inside functions and methods only (not module-level constants).
Prints killed / survived / timeout / no tests / total and the score
(killed + timeout) / (total - not checked); writes every surviving mutant's diff to the
report file (default /tmp/mutation-<module>.txt). With ``--max-minutes`` the run is stopped
after that long and the score of what ran is reported (the unchecked mutants are counted).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# mutmut's exit-code vocabulary (mutmut/stats.py), folded into the few outcomes we report
KILLED = {1, 3, 37}
TIMEOUT = {36, -24, 24, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def repo_files(root: Path) -> list[str]:
    """Tracked plus untracked-but-not-ignored files of the checkout (what a commit could hold)."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        check=True,
        capture_output=True,
    ).stdout
    return sorted({p for p in out.decode().split("\0") if p and (root / p).is_file()})


def copy_repo(root: Path, dest: Path) -> None:
    """Copy the checkout's files (not .git, not the venv, not caches) into ``dest``."""
    for rel in repo_files(root):
        copy_file(root, dest, rel)


def copy_file(root: Path, dest: Path, rel: str) -> None:
    """Copy one file of the checkout to the same place under ``dest``."""
    target = dest / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / rel, target)


def export_commit(root: Path, dest: Path, rev: str, overlay: list[str]) -> None:
    """The files of commit ``rev`` in ``dest``, with the ``overlay`` files from the checkout.

    The shared checkout's working tree moves while others edit; the committed tree does
    not, so the code mutated is ``rev``'s and only the named test files are today's.
    """
    tar = subprocess.run(
        ["git", "archive", "--format=tar", rev], cwd=root, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=tar, check=True)
    for rel in overlay:
        if (root / rel).is_file():
            copy_file(root, dest, rel)


def toml_list(items: list[str]) -> str:
    """A TOML array of strings."""
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def write_config(work: Path, module: str, tests: list[str]) -> None:
    """Append the mutmut section: mutate ``module`` only, run ``tests`` with ``-x -q``."""
    top = sorted(p.name for p in work.iterdir() if p.name not in {"workbench", "mutants"})
    section = f"""

[tool.mutmut]
source_paths = ["workbench"]
only_mutate = [{json.dumps(module)}]
pytest_add_cli_args_test_selection = {toml_list(tests)}
pytest_add_cli_args = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
also_copy = {toml_list(top)}
use_git_change_detection = false
# workers fork from a server that only collected the tests: a mutant never inherits the
# caches (lru_cache) that the clean run filled in mutmut's main process
process_isolation = "forkserver"
"""
    with open(work / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(section)


def _interrupt(*_: object) -> None:
    """SIGTERM handler: unwind like Ctrl-C."""
    raise KeyboardInterrupt


def run_mutmut(work: Path, jobs: int, max_minutes: float | None, log: Path, only: list[str]) -> int:
    """Run ``mutmut run`` in ``work``; stop it (its whole process group) after ``max_minutes``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(work / "mutants") + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("WORKBENCH_SHARED", str(ROOT.parent / "shared"))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # the folder must exist before the interpreter starts, or the import system caches its absence
    (work / "mutants").mkdir(exist_ok=True)
    cmd = ["nice", "-n", "10", sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]
    cmd += only
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            cmd, cwd=work, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = None if max_minutes is None else time.monotonic() + max_minutes * 60
        # a TERM (``timeout``, a closed terminal) stops mutmut's workers too, not only us
        old_term = signal.signal(signal.SIGTERM, _interrupt)
        try:
            while proc.poll() is None:
                if deadline is not None and time.monotonic() > deadline:
                    print(f"stopping mutmut after {max_minutes} min", file=sys.stderr)
                    break
                time.sleep(1)
        except KeyboardInterrupt:
            print("interrupted: stopping mutmut", file=sys.stderr)
        finally:
            signal.signal(signal.SIGTERM, old_term)
            if proc.poll() is None:
                stop(proc)
    return proc.returncode


def stop(proc: subprocess.Popen) -> None:
    """Stop mutmut and its workers (one process group): INT first, so it saves its results."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def read_results(work: Path, module: str) -> dict[str, int | None]:
    """Mutant name -> mutmut exit code (None: not checked) from the module's .meta file."""
    meta = work / "mutants" / (module + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def mutant_diffs(work: Path, module: str, names: list[str]) -> dict[str, str]:
    """The diff of each named mutant against the original function (mutmut's own ``show``)."""
    if not names:
        return {}
    here = os.getcwd()
    os.chdir(work)
    try:
        from mutmut.mutation.diff_apply import get_diff_for_mutant

        diffs = {}
        for name in names:
            try:
                diffs[name] = get_diff_for_mutant(name, path=module)
            except Exception as exc:  # a diff we cannot show must not lose the scores
                diffs[name] = f"(no diff: {exc})"
        return diffs
    finally:
        os.chdir(here)


def summarise(codes: dict[str, int | None]) -> dict[str, int]:
    """Counts per outcome and the total."""
    c: Counter[str] = Counter()
    for code in codes.values():
        if code is None:
            c["not checked"] += 1
        elif code in KILLED:
            c["killed"] += 1
        elif code in TIMEOUT:
            c["timeout"] += 1
        elif code in SURVIVED:
            c["survived"] += 1
        elif code in NO_TESTS:
            c["no tests"] += 1
        else:
            c["suspicious"] += 1
    c["total"] = len(codes)
    return dict(c)


def main(argv: list[str] | None = None) -> int:
    """Copy the repo, mutate one module, run the tests, print the score, write the survivors."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("module", help="the module to mutate, e.g. workbench/core/names/latin_key.py")
    ap.add_argument(
        "tests",
        nargs="+",
        help="test files or node ids that cover it (--deselect=NODE passes through)",
    )
    ap.add_argument("--max-minutes", type=float, default=None, help="stop the run after this long")
    ap.add_argument("--jobs", type=int, default=1, help="parallel mutant workers (default 1)")
    ap.add_argument("--report", type=Path, default=None, help="file for the survivors' diffs")
    ap.add_argument(
        "--rev",
        default="HEAD",
        help="commit whose code is mutated (default HEAD; the named test files are "
        "taken from the working tree)",
    )
    ap.add_argument(
        "--worktree",
        action="store_true",
        help="mutate the working tree as it is (tracked + untracked, not ignored)",
    )
    ap.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="PATTERN",
        help="check only the mutants whose names match (fnmatch, e.g. '*abjad*')",
    )
    ap.add_argument(
        "--survivors-of",
        type=Path,
        default=None,
        metavar="REPORT",
        help="check only the mutants listed in an earlier report (after new tests)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary copy (path printed)")
    args, extra = ap.parse_known_args(argv)
    args.tests += extra  # pytest options such as --deselect=NODE

    module = Path(args.module).as_posix()
    if not (ROOT / module).is_file() or not module.startswith("workbench/"):
        print(f"mutation: error: {module} is not a file under workbench/", file=sys.stderr)
        return 1
    for t in args.tests:  # an option (``--deselect=node``, ``-k expr``) goes to pytest as it is
        if not t.startswith("-") and not (ROOT / t.split("::")[0]).exists():
            print(f"mutation: error: no test file {t}", file=sys.stderr)
            return 1
    report = args.report or Path(tempfile.gettempdir()) / (
        "mutation-" + module.replace("/", "_").removesuffix(".py") + ".txt"
    )

    source = (
        "the working tree"
        if args.worktree
        else subprocess.run(
            ["git", "rev-parse", "--short", args.rev],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    work = Path(tempfile.mkdtemp(prefix="wb-mutation-"))
    started = time.monotonic()
    try:
        if args.worktree:
            copy_repo(ROOT, work)
        else:
            export_commit(
                ROOT,
                work,
                args.rev,
                [t.split("::")[0] for t in args.tests if not t.startswith("-")],
            )
        write_config(work, module, args.tests)
        log = report.with_suffix(".log")
        only = list(args.only)
        if args.survivors_of:
            only += [
                line[3:].split(":")[0]
                for line in args.survivors_of.read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")
            ]
        rc = run_mutmut(work, args.jobs, args.max_minutes, log, only)
        codes = read_results(work, module)
        if not codes:
            print(
                f"mutation: error: mutmut produced no results (exit {rc}); see {log}",
                file=sys.stderr,
            )
            print(log.read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
            return 1
        s = summarise(codes)
        survivors = sorted(k for k, v in codes.items() if v in SURVIVED)
        other = sorted(
            k for k, v in codes.items() if v is not None and v not in KILLED | TIMEOUT | SURVIVED
        )
        diffs = mutant_diffs(work, module, survivors + other)
        with open(report, "w", encoding="utf-8") as f:
            f.write(f"# {module} at {source}  tests: {' '.join(args.tests)}\n# {json.dumps(s)}\n\n")
            for name in survivors + other:
                f.write(f"## {name}: exit {codes[name]}\n{diffs.get(name, '')}\n\n")
        checked = s["total"] - s.get("not checked", 0)
        caught = s.get("killed", 0) + s.get("timeout", 0)
        score = 100.0 * caught / checked if checked else 0.0
        minutes = (time.monotonic() - started) / 60
        print(f"module      {module} at {source}")
        print(f"tests       {' '.join(args.tests)}")
        for key in ("killed", "timeout", "survived", "no tests", "suspicious", "not checked"):
            print(f"{key:<12}{s.get(key, 0)}")
        print(f"total       {s['total']}")
        print(f"score       {score:.1f} % ({caught}/{checked} checked mutants killed or timed out)")
        print(f"minutes     {minutes:.1f}")
        print(f"report      {report}")
        return 0
    finally:
        if args.keep:
            print(f"copy kept at {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""Run every file-reading command on every kind of the bad-input corpus, each in its own process.

Each run gets a time bound; its exit code, stderr lines, seconds and peak memory (the
child's own ru_maxrss) are recorded, and after it the project and the TM it could have
touched are checked: ``PRAGMA integrity_check`` and the same counts as before when the
command failed (nothing stored was lost or half-written).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.badinput.corpus import ROOT, Kind

GOOD_EN = str(ROOT / "texts" / "al-qaem.en.md")
GOOD_AR = str(ROOT / "texts" / "al-qaem.ar.md")
GLOSSARY = str(ROOT / "glossaries" / "names.tsv")


def commands(kind: Kind, work: Path) -> dict[str, list[str]]:
    """The commands that read a file of ``kind``'s role, with ``kind.path`` in place."""
    f, proj, tm = kind.path, str(work / "proj"), str(work / "tm.sqlite")
    if kind.role == "text":
        cmds = {
            "segment": ["segment", f],
            "glossary check": ["glossary", "check", f],
            "glossary suggest": ["glossary", "suggest", f],
            "glossary cluster": ["glossary", "cluster", f],
            "project add": ["project", "add", proj, f],
            "tm add-texts": ["tm", "add-texts", f, GOOD_AR, "--tm", tm],
            "reuse": ["reuse", f, GOOD_EN],
            "align": ["align", f, GOOD_AR, "--src-lang", "en", "--tgt-lang", "ar"],
            "tm import-aligned": [
                "tm",
                "import-aligned",
                f,
                GOOD_AR,
                "--src-lang",
                "en",
                "--tgt-lang",
                "ar",
                "--tm",
                tm,
            ],
            "score": ["score", f, GOOD_EN, "--lang", "en"],
            "translate memory": [
                "translate",
                f,
                "--to",
                "ar",
                "--engine",
                "memory",
                "--tm",
                tm,
                "--out",
                str(work / "out"),
                "--force",
            ],
        }
        if kind.expect == "error":  # the app must stop before it starts; a good file opens it
            cmds["open"] = ["open", f]
        return cmds
    if kind.role == "tmx":
        return {"tm import": ["tm", "import", f, "--tm", tm]}
    if kind.role == "tbx":
        return {
            "glossary import": ["glossary", "--glossary", str(work / "g.tsv"), "import", f],
            "glossary lookup": ["glossary", "--glossary", f, "lookup", "Mosul"],
        }
    if kind.role == "xliff":
        return {"import": ["import", f, "--project", proj]}
    if kind.role == "tsv":
        return {
            "glossary lookup": ["glossary", "--glossary", f, "lookup", "Mosul"],
            "glossary check": ["glossary", "--glossary", f, "check", GOOD_EN],
        }
    return {
        "open": ["open", f],
        "project status": ["project", "status", f],
        "export": ["export", f, "--format", "xliff", "--lang", "ar"],
        "qa": ["qa", f, "--lang", "ar"],
    }


#: Commands that read plain lines (no front matter): an article-only kind is text to them.
LINE_COMMANDS = {"glossary cluster", "align", "tm import-aligned", "score"}


def expected(kind: Kind, command: str) -> str:
    """What must happen when ``command`` reads ``kind``: error or ok."""
    return "ok" if kind.article_only and command in LINE_COMMANDS else kind.expect


@dataclass
class Run:
    """One command on one kind: what it did."""

    kind: str
    command: str
    expect: str
    rc: int
    lines: int  # lines on stderr
    seconds: float
    peak_mb: float
    first_error: str
    store_ok: bool
    traceback: bool

    @property
    def passed(self) -> bool:
        """Ended in time, no traceback, store intact; an error kind: exit 1, one error line."""
        if self.traceback or not self.store_ok or self.rc in (124, -9):
            return False
        if self.expect == "error":
            return (
                self.rc in (1, 2)
                and self.lines == 1
                and self.first_error.startswith("workbench: error: ")
            )
        return self.rc in (0, 1, 3) and (self.rc != 1 or self.lines == 1)


def _counts(work: Path) -> tuple:
    """(integrity, segments, translations, TM units) of the run's project and TM."""
    out: list[object] = []
    for db, tables in (
        (work / "proj" / "workbench.sqlite", ("segments", "translations")),
        (work / "tm.sqlite", ("units",)),
    ):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            out.append(con.execute("PRAGMA integrity_check").fetchone()[0])
            for t in tables:
                out.append(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        finally:
            con.close()
    return tuple(out)


def prepare_store(work: Path, env: dict[str, str]) -> None:
    """A project with the seed article and a TM with its Arabic units, before the runs."""
    py = [sys.executable, "-m", "workbench"]
    for args in (
        ["project", "init", str(work / "proj")],
        ["project", "add", str(work / "proj"), GOOD_EN],
        ["tm", "add-texts", GOOD_EN, GOOD_AR, "--tm", str(work / "tm.sqlite")],
    ):
        subprocess.run([*py, *args], env=env, check=True, capture_output=True, timeout=120)


class ForkServer:
    """One warm interpreter (tests/badinput/forkserver.py) that forks a child per run."""

    def __init__(self) -> None:
        """Start the server and wait until it has imported workbench."""
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.badinput.forkserver"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
            text=True,
        )
        assert json.loads(self._read())["ready"]

    def _read(self) -> str:
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        if not line:
            raise RuntimeError("the fork server stopped")
        return line

    def run(self, args: list[str], cwd: Path, env: dict[str, str], limit: float) -> tuple:
        """(exit code, seconds, stderr bytes, peak MB) of one command, killed past ``limit``."""
        err_file, peak_file = cwd / "stderr.txt", cwd / "peak.txt"
        job = {"args": args, "cwd": str(cwd), "env": env, "limit": limit,
               "stderr": str(err_file), "peak": str(peak_file)}  # fmt: skip
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self._read())
        err = err_file.read_bytes() if err_file.is_file() else b""
        peak = float(peak_file.read_text() or 0) if peak_file.is_file() else 0.0
        return reply["rc"], reply["seconds"], err, peak

    def close(self) -> None:
        """Stop the server (it ends when its stdin closes)."""
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def _subprocess(args: list[str], work: Path, env: dict[str, str], limit: float) -> tuple:
    """(exit code, seconds, stderr bytes, peak MB) of one command in a fresh interpreter."""
    peak_file = work / "peak.txt"
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.badinput.measure", str(peak_file), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=work,
        start_new_session=True,
    )
    try:
        err = proc.communicate(timeout=limit)[1]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        err = proc.communicate()[1]
    peak = float(peak_file.read_text()) if peak_file.is_file() else 0.0
    return proc.returncode, time.monotonic() - start, err, peak


def run_one(
    kind: Kind, name: str, base: Path, limit: float, server: ForkServer | None = None
) -> Run:
    """Run one command in its own copy of the store; measure it and check the store after.

    With ``server`` the command runs in a child forked from a warm interpreter (the same
    isolation: its own process, session, folder and environment), else in a fresh one.
    """
    work = base / f"w{abs(hash((kind.name, name)))}"
    shutil.copytree(base / "seed", work)
    args = commands(kind, work)[name]
    env = {**os.environ, "WORKBENCH_HOME": str(work / "home"), "WORKBENCH_GLOSSARY": GLOSSARY}
    env["PYTHONPATH"] = str(ROOT)
    before = _counts(work)
    if server is not None:
        code, seconds, err, peak = server.run(args, work, env, limit)
    else:
        code, seconds, err, peak = _subprocess(args, work, env, limit)
    rc = 124 if seconds >= limit else code
    text = err.decode("utf-8", "replace")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    after = _counts(work)
    store_ok = after[0] == "ok" and after[3] == "ok" and (rc == 0 or after == before)
    shutil.rmtree(work, ignore_errors=True)
    return Run(
        kind.name, name, expected(kind, name), rc, len(lines), round(seconds, 2), round(peak, 1),
        lines[0] if lines else "", store_ok, "Traceback" in text,
    )  # fmt: skip


def run_corpus(
    kinds: list[Kind], base: Path, limit: float, workers: int = 2, fork: bool = True
) -> list[Run]:
    """Every command on every kind (``workers`` at a time); the runs in corpus order.

    ``fork``: each run is a child of a warm interpreter (one per worker) instead of a
    fresh ``python``: the same runs, without an interpreter start and imports each.
    """
    seed = base / "seed"
    seed.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "WORKBENCH_HOME": str(seed / "home"), "WORKBENCH_GLOSSARY": GLOSSARY}
    env["PYTHONPATH"] = str(ROOT)
    shutil.copy(GLOSSARY, seed / "g.tsv")
    prepare_store(seed, env)
    jobs = [(k, name) for k in kinds for name in commands(k, seed)]

    servers: queue.Queue[ForkServer | None] = queue.Queue()
    started = [ForkServer() for _ in range(workers)] if fork else [None] * workers
    for srv in started:
        servers.put(srv)

    def go(job: tuple[Kind, str]) -> Run:
        srv = servers.get()
        try:
            return run_one(job[0], job[1], base, limit, srv)
        finally:
            servers.put(srv)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(go, jobs))
    finally:
        for srv in started:
            if srv is not None:
                srv.close()


def table(runs: list[Run]) -> str:
    """The kind x command table in Markdown: rc, stderr lines, seconds, peak MB."""
    rows = [
        "| kind | command | expect | rc | lines | s | peak MB | ok |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        rows.append(
            f"| {r.kind.replace(chr(10), '␤')} | {r.command} | {r.expect} | {r.rc} | {r.lines} "
            f"| {r.seconds:.2f} | {r.peak_mb:.0f} | {'✓' if r.passed else '✗ ' + r.first_error[:60]} |"
        )
    return "\n".join(rows)

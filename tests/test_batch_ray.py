"""``workbench batch translate`` on a local Ray Data with 2 CPUs: resumable, never redone.

100 short articles, a tiny model, two actors. The run is SIGKILLed mid-way (the driver
and its local Ray together); the rerun writes every article once, redoes none of those
the manifest (or an output's front matter) records, and a third run does nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, require_module

require_module("ray", "WORKBENCH_REQUIRE_RAY")  # CI installs the cluster extra and sets it
require_module("torch", "WORKBENCH_REQUIRE_TORCH")

N = 100


@pytest.fixture(scope="module")
def marian(tmp_path_factory):
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("batch") / "tiny-en-ar")


def _articles(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(N):
        p = folder / f"story-{i:03d}.en.md"
        p.write_text(
            f"---\nid: story-{i:03d}\nlang: en\n---\n\n"
            f"Fighters left Al Qaem on day {i}. The city of Mosul was quiet.\n",
            encoding="utf-8",
        )
        paths.append(str(p))
    return paths


def _manifest(out: Path) -> list[dict]:
    path = out / "manifest.jsonl"
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            pass  # a line torn by the kill
    return rows


def _cmd(paths: list[str], out: Path, model: Path) -> list[str]:
    return [sys.executable, "-m", "workbench", "batch", "translate", *paths, "--to", "ar",
            "--out", str(out), "--model", str(model), "--workers", "2", "--cpus", "2",
            "--batch-size", "2", "--max-length", "6"]  # fmt: skip


def test_a_killed_batch_resumes_and_writes_every_article_once(marian, tmp_path):
    paths = _articles(tmp_path / "in")
    out, home = tmp_path / "out", tmp_path / "home"
    env = dict(os.environ, WORKBENCH_HOME=str(home), WORKBENCH_GLOSSARY=str(GLOSSARY))
    env.pop("RAY_ADDRESS", None)
    proc = subprocess.Popen(
        _cmd(paths, out, marian), cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 600
    while len(_manifest(out)) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, proc.communicate()  # still running: kill it mid-way
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and the local Ray it started
    proc.wait()
    before = {r["key"] for r in _manifest(out)}
    assert 10 <= len(before) < N, len(before)

    again = subprocess.run(
        _cmd(paths, out, marian), cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert again.returncode == 0, again.stderr
    rows = _manifest(out)
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys)) == N  # every article once: none redone, none missing
    assert sorted(p.name for p in out.glob("*.ar.md")) == [f"story-{i:03d}.ar.md" for i in range(N)]
    assert not list(out.glob(".*.tmp"))  # no half-written file left
    done_now = int(again.stdout.split(" translated now")[0].rsplit(" ", 1)[1])
    assert done_now <= N - len(before)
    assert {r["model_checksum"] for r in rows} == {rows[0]["model_checksum"]}
    for r in rows[:3]:
        text = Path(r["output"]).read_text(encoding="utf-8")
        assert f"batch-key: {r['key']}" in text and "translator: 'machine: hf" in text

    third = subprocess.run(
        _cmd(paths, out, marian), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert third.returncode == 0, third.stderr
    assert f"0 translated now, {N} already done" in third.stdout
    assert len(_manifest(out)) == N


def test_without_ray_the_command_says_how_to_get_it(run, tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a)
    )
    src = tmp_path / "a.en.md"
    src.write_text("---\nid: a\nlang: en\n---\n\nHello.\n", encoding="utf-8")
    r = run("batch", "translate", str(src), "--to", "ar", "--out", str(tmp_path / "o"))
    assert r.code == 1 and r.err.count("\n") == 1
    assert 'pip install -e ".[cluster]"' in r.err

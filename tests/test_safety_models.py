"""The model store: `models remove` stays inside the store and removes only its own folders;
a model folder's own Python never runs; `models convert` is gated and replaces nothing else."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEXTS


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    (h / "models").mkdir(parents=True)
    (h / "tm.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    return h


def _fake_model(folder: Path, *, ours: bool = True) -> Path:
    folder.mkdir(parents=True)
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"weights")
    if ours:
        (folder / "workbench.json").write_text('{"repo": "x/y"}', encoding="utf-8")
    return folder


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    "name", ["..", ".", "../..", "models/..", "", " ", ".hidden", "..--..", "a\\b", "/", "//"]
)
def test_remove_refuses_names_outside_the_store(run, home, name):
    _fake_model(home / "models" / "Helsinki-NLP--opus-mt-en-ar")
    before = _tree(home)
    r = run("models", "remove", name)
    assert r.code == 1, r
    assert r.err.startswith("workbench: error: ") and r.err.count("\n") == 1, r.err
    assert _tree(home) == before  # tm.sqlite and every model still there


def test_remove_takes_only_folders_the_store_made(run, home, tmp_path):
    store = home / "models"
    _fake_model(store / "Helsinki-NLP--opus-mt-en-ar")
    _fake_model(store / "someones-notes", ours=False)
    outside = _fake_model(tmp_path / "elsewhere")
    (store / "linked").symlink_to(outside)
    r = run("models", "remove", "someones-notes")
    assert r.code == 1 and "not made by 'workbench models'" in r.err
    assert (store / "someones-notes" / "config.json").is_file()
    r = run("models", "remove", "linked")  # the link goes, what it points to stays
    assert r.code == 0, r
    assert not (store / "linked").exists() and _tree(outside) == [
        "config.json",
        "model.safetensors",
        "workbench.json",
    ]
    r = run("models", "remove", "Helsinki-NLP/opus-mt-en-ar")
    assert r.code == 0 and r.out == f"removed {store / 'Helsinki-NLP--opus-mt-en-ar'}\n"
    assert sorted(p.name for p in store.iterdir()) == ["someones-notes"]
    assert (home / "tm.sqlite").is_file()
    r = run("models", "remove", "Helsinki-NLP/opus-mt-en-ar")
    assert r.code == 1 and "no model Helsinki-NLP/opus-mt-en-ar" in r.err


def test_every_from_pretrained_passes_trust_remote_code_false():
    calls = 0
    for py in (ROOT / "workbench").rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "from_pretrained":
                calls += 1
                kw = {k.arg: k.value for k in node.keywords}
                value = kw.get("trust_remote_code")
                assert isinstance(value, ast.Constant) and value.value is False, (
                    f"{py.relative_to(ROOT)}:{node.lineno}: from_pretrained without "
                    "trust_remote_code=False"
                )
    assert calls >= 5  # hf: config, tokenizer, model; ct2: tokenizer (engine and convert)


# --- a model folder that ships Python ------------------------------------------------------

EVIL = """
import pathlib
pathlib.Path({marker!r}).write_text("the folder's code ran")
from transformers import MarianConfig, MarianMTModel
class EvilConfig(MarianConfig):
    model_type = "evil_mt"
class EvilModel(MarianMTModel):
    config_class = EvilConfig
"""


@pytest.fixture(scope="module")
def marian(tmp_path_factory):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("models") / "tiny-en-ar")


def _with_custom_code(marian: Path, folder: Path, marker: Path, where: str) -> Path:
    shutil.copytree(marian, folder)
    (folder / "evil.py").write_text(EVIL.format(marker=str(marker)), encoding="utf-8")
    name = "config.json" if where == "config" else "tokenizer_config.json"
    cfg = json.loads((folder / name).read_text(encoding="utf-8"))
    if where == "config":
        cfg["model_type"] = "evil_mt"  # no built-in class: transformers would ask to run code
        cfg["auto_map"] = {
            "AutoConfig": "evil.EvilConfig",
            "AutoModelForSeq2SeqLM": "evil.EvilModel",
        }
    else:
        cfg["auto_map"] = {"AutoTokenizer": ["evil.EvilTokenizer", None]}
    (folder / name).write_text(json.dumps(cfg), encoding="utf-8")
    return folder


def _workbench(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args],
        input="y\ny\ny\n",  # what a user might answer to "run the custom code? [y/N]"
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize("where", ["config", "tokenizer"])
def test_a_folder_with_its_own_code_is_refused_and_its_code_never_runs(marian, tmp_path, where):
    marker = tmp_path / "ran.txt"
    folder = _with_custom_code(marian, tmp_path / "evil-model", marker, where)
    home = tmp_path / "home"
    r = _workbench(
        "translate", str(TEXTS / "al-qaem.en.md"), "--to", "ar", "--model", str(folder),
        "--out", str(tmp_path / "o"), "--max-length", "4", home=home,
    )  # fmt: skip
    assert r.returncode == 1, r
    assert "Do you wish to run the custom code" not in r.stdout + r.stderr
    assert r.stderr.startswith("workbench: error: ") and r.stderr.count("\n") == 1, r.stderr
    assert "ships its own Python code" in r.stderr and "auto_map" in r.stderr
    assert not marker.exists() and not (tmp_path / "o").exists()
    r = _workbench("models", "convert", str(folder), "--out", str(tmp_path / "c"), home=home)
    assert r.returncode == 1 and "ships its own Python code" in r.stderr, r
    assert not marker.exists() and not (tmp_path / "c").exists()


def _need_ct2():
    if os.environ.get("WORKBENCH_REQUIRE_CT2") == "1":
        import ctranslate2  # noqa: F401
    else:
        pytest.importorskip("ctranslate2")


def test_convert_has_the_pickle_gate_of_translate(run, tmp_path):
    from tests.helpers.tiny_models import build_marian

    _need_ct2()
    folder = build_marian(tmp_path / "pickled", safetensors=False)
    out = tmp_path / "pickled-ct2"
    r = run("models", "convert", str(folder), "--out", str(out))
    assert r.code == 1 and "only pickle weights" in r.err and "--allow-pickle" in r.err, r
    assert not out.exists()
    r = run("models", "convert", str(folder), "--out", str(out), "--allow-pickle")
    assert r.code == 0, r
    assert (out / "model.bin").is_file() and (out / "workbench.json").is_file()


def test_convert_replaces_only_an_earlier_conversion_and_leaves_no_temporary_folder(
    run, marian, tmp_path
):
    _need_ct2()
    mine = tmp_path / "my-work"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    for extra in ((), ("--force",)):
        r = run("models", "convert", str(marian), "--out", str(mine), *extra)
        assert r.code == 1, r
    assert _tree(mine) == ["thesis.txt"]
    out = tmp_path / "tiny-ct2"
    assert run("models", "convert", str(marian), "--out", str(out)).code == 0
    first = (out / "model.bin").stat().st_ino
    r = run("models", "convert", str(marian), "--out", str(out))
    assert r.code == 1 and "exists; pass --force" in r.err
    r = run("models", "convert", str(marian), "--out", str(out), "--force")
    assert r.code == 0, r
    assert (out / "model.bin").stat().st_ino != first
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    # the converted model loads (its tokenizer too) and translates
    from workbench.engines.base import DecodeOptions
    from workbench.engines.ct2 import CT2Engine

    assert CT2Engine(out).translate(["Yes."], "en", "ar", DecodeOptions(max_length=4))

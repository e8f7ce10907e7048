"""Damaged or hostile model folders: one error line naming the file and what to do (S14).

Real files: a tiny Marian model built with transformers, then a safetensors file cut
short, a pickle checkpoint whose ``__reduce__`` calls ``eval`` (refused by torch's
weights-only loader: nothing runs), and broken ``workbench.json`` / ``config.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TEXTS, require_module
from workbench.engines.base import EngineError
from workbench.engines.model_gate import check_safetensors

SOURCE = str(TEXTS / "al-qaem.en.md")


@pytest.fixture(scope="module")
def marian(tmp_path_factory) -> Path:
    require_module("torch", "WORKBENCH_REQUIRE_TORCH")
    require_module("transformers", "WORKBENCH_REQUIRE_TORCH")
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("models") / "tiny-en-ar")


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    h = tmp_path / "home"  # an empty MT cache: every translate loads its model
    monkeypatch.setenv("WORKBENCH_HOME", str(h))
    return h


def _copy(marian: Path, folder: Path) -> Path:
    shutil.copytree(marian, folder)
    return folder


def _one_line(r) -> str:
    assert r.code == 1, r
    lines = r.err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), r.err
    assert "Traceback" not in r.err + r.out
    return lines[0]


def _translate(run, folder: Path, out: Path):
    return run("translate", SOURCE, "--to", "ar", "--model", str(folder), "--out", str(out),
               "--max-length", "4")  # fmt: skip


def test_the_tiny_model_passes_the_weights_check(marian):
    check_safetensors(marian)  # no error: the header and every tensor are there


@pytest.mark.parametrize("keep", [5, 40, "half"])
def test_a_safetensors_file_cut_short_is_one_line_naming_it(run, home, marian, tmp_path, keep):
    folder = _copy(marian, tmp_path / "cut")
    weights = folder / "model.safetensors"
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2 if keep == "half" else keep])
    line = _one_line(_translate(run, folder, tmp_path / "out"))
    assert f"{weights} is damaged" in line and "pull the model again" in line
    assert not (tmp_path / "out").exists()
    with pytest.raises(EngineError, match="damaged"):
        check_safetensors(folder)


def test_a_header_that_is_not_json_is_one_line(run, home, marian, tmp_path):
    folder = _copy(marian, tmp_path / "garbled")
    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[8:16] = b"\xff" * 8  # the start of the JSON table
    weights.write_bytes(bytes(data))
    line = _one_line(_translate(run, folder, tmp_path / "out"))
    assert "model.safetensors is damaged" in line and "not the JSON table" in line


EVIL = """
import sys, torch
class Evil:
    def __reduce__(self):
        return (eval, ("open(%r, 'w').write('ran')" % sys.argv[2],))
torch.save(Evil(), sys.argv[1])
"""


def test_a_pickle_the_weights_only_loader_refuses_is_one_line_and_nothing_runs(marian, tmp_path):
    folder = _copy(marian, tmp_path / "evil")
    (folder / "model.safetensors").unlink()
    marker = tmp_path / "ran.txt"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_HOME": str(tmp_path / "home")}
    py = [sys.executable, "-c", EVIL, str(folder / "pytorch_model.bin"), str(marker)]
    subprocess.run(py, check=True, env=env, timeout=120)
    assert not marker.exists()
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "workbench", "translate", SOURCE, "--to", "ar",
         "--model", str(folder), "--out", str(out), "--allow-pickle", "--max-length", "4"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert r.returncode == 1, r
    lines = r.stderr.strip("\n").split("\n")  # no torch warning before it
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), r.stderr
    assert "pytorch_model.bin was refused by torch's weights-only loader" in lines[0]
    assert "eval" in lines[0] and "nothing in it ran" in lines[0]
    assert "\x1b" not in r.stderr  # torch's message has bold escapes: not shown
    assert not marker.exists() and not out.exists()


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("workbench.json", b'{"src": "en", ', "is not valid JSON (line 1, column 15"),
        ("config.json", b'{"model_type": "marian",\n  "d_model": }', "is not valid JSON (line 2"),
        ("config.json", b'{"model_type": "mari\xe9n"}', "is not UTF-8 text (byte 0xe9 at offset"),
        ("config.json", b'["marian"]', "holds a JSON list, not an object"),
        ("tokenizer_config.json", b"{'source_lang': 'en'}", "is not valid JSON"),
    ],
)
def test_a_broken_configuration_file_is_one_line_naming_it(
    run, home, marian, tmp_path, name, content, says
):
    folder = _copy(marian, tmp_path / "broken")
    (folder / name).write_bytes(content)
    for r in (_translate(run, folder, tmp_path / "out"), run("models", "info", str(folder))):
        line = _one_line(r)
        assert f"{folder / name} {says}" in line, line
        assert "pull the model again" in line
    assert not (tmp_path / "out").exists()


def test_models_info_of_a_good_folder_still_answers(run, home, marian):
    r = run("models", "info", str(marian), "--json")
    assert r.code == 0, r
    assert json.loads(r.out)["family"] == "marian"

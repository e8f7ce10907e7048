"""One settings object: every WORKBENCH_* variable read in workbench.core.settings, and used.

Each test sets a variable and checks the behaviour it names (where the TM is written, the
journal mode, the app's RTL mode, ...); an invalid value is one ``workbench: error:`` line.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import GLOSSARY, ROOT, TEXTS, require_module
from workbench.core import settings as settings_module
from workbench.core.errors import InputError
from workbench.core.settings import VARIABLES, Settings, current, load_settings

OURS = [v.name for v in VARIABLES if v.name.startswith("WORKBENCH_")]
#: Read only by the tests and benchmarks (conftest, bench/), never by the runtime.
TEST_ONLY = re.compile(r"WORKBENCH_(SHARED|BENCH_CACHE|REQUIRE\w*)$")


@pytest.fixture
def env(monkeypatch, tmp_path):
    """A clean environment: no WORKBENCH_* variable set, the home in tmp_path/home."""
    for name in list(os.environ):
        if name.startswith("WORKBENCH_") and not TEST_ONLY.match(name):
            monkeypatch.delenv(name)
    for name in ("HF_ENDPOINT", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    return monkeypatch


def _units(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM units").fetchone()[0]
    finally:
        con.close()


def _one_error_line(r, *words: str) -> None:
    assert r.code == 1, (r.code, r.err)
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), r.err
    assert "Traceback" not in r.err
    for w in words:
        assert w in lines[0], (w, lines[0])


# -- the one place ------------------------------------------------------------------------


def test_every_variable_the_runtime_names_is_in_the_table_and_read_only_there():
    package = ROOT / "workbench"
    doc = settings_module.__doc__ or ""
    named: set[str] = set()
    readers = []
    for f in package.rglob("*.py"):
        rel = f.relative_to(package).as_posix()
        if rel.startswith("testing/"):
            continue  # test and benchmark helpers
        text = f.read_text(encoding="utf-8")
        named |= {n for n in re.findall(r"WORKBENCH_[A-Z_]+[A-Z]", text) if not TEST_ONLY.match(n)}
        if rel != "core/settings.py" and re.search(
            r"(os\.environ(\.get)?[\[(]|getenv\()\s*[\"']WORKBENCH_", text
        ):
            readers.append(rel)
    assert named <= set(OURS), sorted(named - set(OURS))
    for v in VARIABLES:
        assert f"``{v.name}``" in doc, v.name  # documented in the module docstring too
        assert v.meaning and v.default
    # the Ray actor passes the home on to its worker process: the one write, no read
    assert readers == ["services/batch.py"], readers
    batch = (package / "services" / "batch.py").read_text(encoding="utf-8")
    assert len(re.findall(r"os\.environ", batch)) == 1


def test_defaults_without_any_variable(env, tmp_path):
    env.delenv("WORKBENCH_HOME")
    env.delenv("WORKBENCH_GLOSSARY")
    env.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    s = current()
    assert s.home == tmp_path / "xdg" / "workbench"
    assert (s.user_tm, s.mt_cache, s.models) == (
        s.home / "tm.sqlite",
        s.home / "mt-cache.sqlite",
        s.home / "models",
    )
    assert (s.tm_file, s.glossary, s.rtl, s.wal, s.propagate) == (None, None, None, True, True)
    assert s.hub_endpoint == "https://huggingface.co" and s.hub_token is None
    env.delenv("XDG_DATA_HOME")
    assert current().home == Path.home() / ".local" / "share" / "workbench"


def test_settings_from_a_mapping_ignore_the_process_environment(env):
    s = Settings.from_environ({"WORKBENCH_HOME": "~/wb", "WORKBENCH_RTL": "Terminal"})
    assert s.home == Path("~/wb").expanduser() and s.rtl == "terminal"
    assert current().home != s.home


# -- each variable changes what it names ---------------------------------------------------


def test_workbench_home_is_where_the_tm_is_written(env, run, tmp_path):
    r = run("tm", "add-texts", str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    assert r.code == 0, r.err
    assert _units(tmp_path / "home" / "tm.sqlite") > 0


def test_workbench_tm_is_the_tm_the_commands_and_the_app_use(env, run, tmp_path):
    from workbench import services

    other = tmp_path / "elsewhere" / "mine.sqlite"
    other.parent.mkdir()
    env.setenv("WORKBENCH_TM", str(other))
    r = run("tm", "add-texts", str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    assert r.code == 0, r.err
    added = _units(other)
    assert added > 0 and not (tmp_path / "home" / "tm.sqlite").exists()
    # the app opens its TM with open_tm(None): the same file, with those units in it
    with services.open_tm(None, readonly=True) as tm:
        assert Path(tm.path) == other
        assert tm.lookup("Abu Bakr al-Baghdadi", "en", "ar", threshold=0) is not None
    assert _units(other) == added
    assert current().user_tm == other


def test_workbench_no_wal_picks_the_journal(env, tmp_path):
    from workbench.store.db import connect

    def mode(value: str | None, name: str) -> str:
        if value is None:
            env.delenv("WORKBENCH_NO_WAL", raising=False)
        else:
            env.setenv("WORKBENCH_NO_WAL", value)
        con = connect(tmp_path / name)
        try:
            return con.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            con.close()

    assert mode(None, "a.sqlite") == "wal"
    assert mode("1", "b.sqlite") == "delete"
    assert mode("yes", "c.sqlite") == "delete"  # every yes/no spelling, not only "1"
    assert mode("0", "d.sqlite") == "wal"
    assert mode("", "e.sqlite") == "wal"  # empty is unset


def test_workbench_rtl_chooses_the_apps_mode(env):
    from workbench.tui.rtl import detect

    env.delenv("KONSOLE_VERSION", raising=False)
    env.delenv("MLTERM", raising=False)
    assert detect("auto") == "app"
    env.setenv("WORKBENCH_RTL", "terminal")
    assert detect("auto") == "terminal"
    env.setenv("WORKBENCH_RTL", " Terminal ")
    assert detect("auto") == "terminal"
    assert detect("app") == "app"  # an explicit --rtl wins
    env.setenv("WORKBENCH_RTL", "app")
    env.setenv("KONSOLE_VERSION", "230800")
    assert detect("auto") == "app"


def test_translator_and_propagate_from_the_environment_over_the_file(env, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.toml").write_text('translator = "Azad"\npropagate = false\n')
    assert (load_settings().translator, load_settings().propagate) == ("Azad", False)
    env.setenv("WORKBENCH_TRANSLATOR", "Layla Hassan")
    env.setenv("WORKBENCH_PROPAGATE", "on")
    assert (load_settings().translator, load_settings().propagate) == ("Layla Hassan", True)
    env.setenv("WORKBENCH_PROPAGATE", "off")
    assert load_settings().propagate is False


def test_workbench_glossary_is_the_default_glossary(env, tmp_path):
    from workbench.services.glossary import default_glossary_path

    g = tmp_path / "house.tsv"
    g.write_text(GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8")
    env.setenv("WORKBENCH_GLOSSARY", str(g))
    assert default_glossary_path() == g


def test_hf_endpoint_and_token_reach_the_hub_requests(env):
    from workbench.engines import store

    env.setenv("HF_ENDPOINT", "http://127.0.0.1:9/mirror/")
    env.setenv("HUGGING_FACE_HUB_TOKEN", "hf_abc")
    assert store.hub_endpoint() == "http://127.0.0.1:9/mirror"
    req = store._request("http://127.0.0.1:9/x")
    assert req.unredirected_hdrs["Authorization"] == "Bearer hf_abc"


# -- invalid values: one line, every command -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("WORKBENCH_NO_WAL", "maybe", ["WORKBENCH_NO_WAL", "'maybe'", "expected 1 or 0"]),
        ("WORKBENCH_PROPAGATE", "sometimes", ["WORKBENCH_PROPAGATE", "expected 1 or 0"]),
        ("WORKBENCH_RTL", "sideways", ["WORKBENCH_RTL", "'sideways'", "app or terminal"]),
    ],
)
def test_an_invalid_value_is_one_line_and_nothing_is_written(
    env, run, tmp_path, name, value, words
):
    env.setenv(name, value)
    with pytest.raises(InputError):
        current()
    r = run("tm", "add-texts", str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md"))
    _one_error_line(r, *words)
    assert not (tmp_path / "home").exists()  # stopped before anything was made
    env.delenv(name)
    assert (
        run("tm", "add-texts", str(TEXTS / "al-qaem.en.md"), str(TEXTS / "al-qaem.ar.md")).code == 0
    )


# -- engines/hf.py leaves os.environ alone -------------------------------------------------

HF_VARS = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY",
           "HF_HUB_DISABLE_PROGRESS_BARS")  # fmt: skip


@pytest.fixture(scope="module")
def tiny_marian(tmp_path_factory):
    require_module("torch", "WORKBENCH_REQUIRE_TORCH")
    require_module("transformers", "WORKBENCH_REQUIRE_TORCH")
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("settings") / "tiny-en-ar")


def test_loading_and_running_an_hf_model_leaves_the_environment_unchanged(tiny_marian, env):
    for name in HF_VARS:
        env.delenv(name, raising=False)
    before = dict(os.environ)
    from workbench.engines.base import DecodeOptions
    from workbench.engines.hf import HFEngine

    engine = HFEngine(tiny_marian)
    out = engine.translate(["The new home."], "en", "ar", DecodeOptions(max_length=8))
    assert len(out) == 1 and isinstance(out[0], str)
    assert dict(os.environ) == before
    assert not any(name in os.environ for name in HF_VARS)


def test_converting_for_ct2_leaves_the_environment_unchanged(tiny_marian, env, tmp_path):
    require_module("ctranslate2", "WORKBENCH_REQUIRE_CT2")
    for name in HF_VARS:
        env.delenv(name, raising=False)
    before = dict(os.environ)
    from workbench.engines.ct2 import convert

    out = convert(tiny_marian, tmp_path / "tiny-ct2")
    assert (out / "model.bin").is_file()
    assert dict(os.environ) == before

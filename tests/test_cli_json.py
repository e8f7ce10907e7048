"""Every command that reports has the shared ``--json`` and prints one JSON document.

The command tree is walked, so a new command without ``--json`` (or without a run here)
fails ``test_every_reporting_command_has_the_shared_json_option``. Each command is then run
for real with ``--json``: its whole stdout must parse as one JSON document of the shape
its ``--help`` documents, and say what actually happened (what is in the TM, the project,
the file system afterwards).
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from tests.conftest import GLOSSARY, TEXTS, require_module
from workbench.cli.output import JsonOption

#: Commands that do not report, and why. Everything else must have ``--json``.
NOT_REPORTING = {
    # runs the translators' app in the terminal; it prints no result to report
    "open",
}

EN, AR, STRONGHOLD = (
    TEXTS / "al-qaem.en.md",
    TEXTS / "al-qaem.ar.md",
    TEXTS / "al-qaim-stronghold.en.md",
)


@pytest.fixture(autouse=True)
def _own_home(tmp_path, monkeypatch):
    """No test here touches the user's home: its WORKBENCH_HOME and TM are in tmp_path."""
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "own-home"))
    monkeypatch.setenv("WORKBENCH_TM", str(tmp_path / "own-home" / "tm.sqlite"))


def leaf_commands() -> dict[str, click.Command]:
    """Every leaf command of ``workbench`` (the app's ``open`` included) by its full name."""
    from workbench.main import cli

    found: dict[str, click.Command] = {}

    def walk(cmd: click.Command, path: list[str]) -> None:
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, [*path, name])
        else:
            found[" ".join(path)] = cmd

    walk(cli, [])
    return found


def json_params(cmd: click.Command) -> list[click.Parameter]:
    """The parameters of ``cmd`` spelled ``--json``."""
    return [p for p in cmd.params if isinstance(p, click.Option) and "--json" in p.opts]


def test_every_reporting_command_has_the_shared_json_option():
    commands = leaf_commands()
    assert set(NOT_REPORTING) <= set(commands), "an allowlisted command no longer exists"
    for name, cmd in sorted(commands.items()):
        params = json_params(cmd)
        if name in NOT_REPORTING:
            assert not params, f"{name} is allowlisted as not reporting but has --json"
            continue
        assert len(params) == 1, f"workbench {name} lacks --json (use cli.output.json_option)"
        (p,) = params
        # the shared option, not a copy: one flag for every command
        assert isinstance(p, JsonOption), f"workbench {name} declares its own --json"
        assert p.name == "as_json" and p.is_flag
        assert "{" in p.help or "[" in p.help, f"workbench {name} --json does not say its shape"


def test_every_reporting_command_is_run_with_json_here():
    reporting = set(leaf_commands()) - NOT_REPORTING
    assert reporting == set(RECIPES), (
        "add a recipe for: " + ", ".join(sorted(reporting - set(RECIPES)))
        if reporting - set(RECIPES)
        else "recipes for commands that are gone: " + ", ".join(sorted(set(RECIPES) - reporting))
    )


# --- the shared setting: a TM, a project with drafts and a reference, exchange files ----


@dataclass
class Env:
    """What the commands run against (nothing of the user's home is touched)."""

    root: Path
    home: Path
    tm: Path
    project: Path
    xliff: Path
    tmx: Path
    tbx: Path
    names: Path


def _cli(*args: str) -> str:
    """Run the CLI in-process for the setting; its stdout (a failure stops the module)."""
    from workbench.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    assert code == 0, (args, err.getvalue())
    return out.getvalue()


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> Env:
    root = tmp_path_factory.mktemp("cli-json")
    e = Env(
        root,
        root / "home",
        root / "tm.sqlite",
        root / "proj",
        root / "proj.ar.xlf",
        root / "tm.tmx",
        root / "names.tbx",
        root / "names.txt",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(e.home))
        mp.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
        mp.setenv("WORKBENCH_TM", str(e.tm))
        _cli("tm", "add-texts", str(EN), str(AR), "--tm", str(e.tm))
        _cli("project", "init", str(e.project))
        _cli("project", "add", str(e.project), str(EN), str(STRONGHOLD))
        _cli("project", "add-reference", str(e.project), str(AR))
        _cli(
            "translate",
            str(EN),
            "--to",
            "ar",
            "--engine",
            "memory",
            "--tm",
            str(e.tm),
            "--project",
            str(e.project),
        )
        _cli("export", str(e.project), "--format", "xliff", "--lang", "ar", "--out", str(e.xliff))
        _cli("tm", "export", "--out", str(e.tmx), "--tm", str(e.tm))
        _cli("glossary", "export", "--out", str(e.tbx))
    e.names.write_text("Al Qaem\nal-Qaim\nHaditha\nHadithah\n", encoding="utf-8")
    return e


@pytest.fixture(scope="module")
def marian(tmp_path_factory) -> Path:
    require_module("torch", "WORKBENCH_REQUIRE_TORCH")
    from tests.helpers.tiny_models import build_marian

    return build_marian(tmp_path_factory.mktemp("cli-json-model") / "tiny-en-ar")


@dataclass
class Ctx:
    """What a recipe may use: the setting, its own folder, fixtures on demand."""

    env: Env
    tmp: Path
    monkeypatch: pytest.MonkeyPatch
    request: pytest.FixtureRequest
    batch_call: tuple | None = None  # what the batch stand-in was asked to do

    def marian(self) -> Path:
        """The tiny en->ar Marian model (built once)."""
        return self.request.getfixturevalue("marian")

    def store_with_model(self) -> tuple[Path, str]:
        """A WORKBENCH_HOME of this test's own holding the tiny model; (store, name)."""
        home = self.tmp / "home"
        name = "Helsinki-NLP--opus-mt-tc-big-en-ar"
        shutil.copytree(self.marian(), home / "models" / name)
        self.monkeypatch.setenv("WORKBENCH_HOME", str(home))
        return home / "models", name


@dataclass
class Recipe:
    """How to run one command with --json, its exit codes, and what its document says."""

    args: Callable[[Ctx], list[str]]
    check: Callable[[object, Ctx], None]
    codes: tuple[int, ...] = (0,)


def _segments(path: Path) -> int:
    from workbench import services

    return len(services.segment_file(str(path))[1])


def _tm_count(path: Path) -> int:
    from workbench.store.tm import TranslationMemory

    with TranslationMemory(path, readonly=True) as memory:
        return memory.count()


def _fresh_project(c: Ctx) -> Path:
    folder = c.tmp / "p"
    _cli("project", "init", str(folder))
    _cli("project", "add", str(folder), str(EN))
    return folder


def _check_align(d, c):
    assert d["sentences"]["src"] > 20 and d["is_translation"] is True
    covered = sorted(i for b in d["beads"] for i in b["src"])
    assert covered == list(range(d["sentences"]["src"]))  # every source sentence, in order
    assert sum(d["kinds"].values()) == len(d["beads"])
    assert all(b["source"] and isinstance(b["score"], float) for b in d["beads"] if b["src"])


def _args_batch(c: Ctx) -> list[str]:
    # A real Ray run costs a minute or more on a busy 2-core machine, and test_batch_ray.py
    # makes three; here the command's wiring and its --json are under test, so the run
    # itself is a stand-in that writes what run_batch writes and reports it.
    require_module("ray", "WORKBENCH_REQUIRE_RAY")
    import workbench.services.batch as batch

    src = c.tmp / "story.en.md"
    src.write_text("---\nid: story\nlang: en\n---\n\nFighters left Al Qaem.\n", encoding="utf-8")

    def run_batch(sources, langs, out_dir, **how):
        c.batch_call = (sources, langs, out_dir, how["workers"], how["options"].max_length)
        written = Path(out_dir) / "ar" / "story.ar.md"
        written.parent.mkdir(parents=True)
        written.write_text("---\nid: story.ar\nlang: ar\n---\n\nغادر المقاتلون القائم.\n", "utf-8")
        return batch.BatchReport(1, 0, 1, 1, 0, 0, 0.5, [str(written)])

    c.monkeypatch.setattr(batch, "run_batch", run_batch)
    return ["batch", "translate", str(src), "--to", "ar", "--out", str(c.tmp / "out"),
            "--workers", "3", "--max-length", "6"]  # fmt: skip


def _check_batch(d, c):
    out = str(c.tmp / "out")
    assert c.batch_call == ([str(c.tmp / "story.en.md")], ["ar"], out, 3, 6)
    assert d == {"out": out, "planned": 1, "skipped": 0, "translated": 1, "segments_sent": 1,
                 "flagged": 0, "empty": 0, "seconds": 0.5,
                 "outputs": [str(c.tmp / "out" / "ar" / "story.ar.md")]}  # fmt: skip
    assert [Path(p).is_file() for p in d["outputs"]] == [True]


def _check_export(d, c):
    assert d["format"] == "xliff" and Path(d["out"]).read_text(encoding="utf-8").startswith("<?xml")


def _check_check(d, c):
    (f,) = d["files"]
    assert f["path"] == str(AR) and f["lang"] == "ar" and len(f["names"]) > 10
    text = AR.read_text(encoding="utf-8")
    assert all(n["spelling"] in text for n in f["names"])
    assert {"inconsistent", "misspelled", "deprecated"} <= set(d)


def _args_glossary_import(c: Ctx) -> list[str]:
    copy = c.tmp / "names.tsv"
    shutil.copy(GLOSSARY, copy)
    tbx = c.tmp / "more.tbx"
    text = c.env.tbx.read_text(encoding="utf-8")
    tbx.write_text(text.replace('id="al-qaem"', 'id="al-qaem-2"', 1), encoding="utf-8")
    return ["glossary", "--glossary", str(copy), "import", str(tbx)]


def _check_glossary_import(d, c):
    assert d["added"] == 1 and d["updated"] == 0
    assert "al-qaem-2\t" in Path(d["glossary"]).read_text(encoding="utf-8")


def _args_models_pull(c: Ctx) -> list[str]:
    require_module("torch", "WORKBENCH_REQUIRE_TORCH")
    import threading
    from http.server import ThreadingHTTPServer

    from tests.test_models_pull import CARD, REPO, Hub, _handler

    folder = shutil.copytree(c.marian(), c.tmp / "hubrepo")
    (folder / "workbench.json").unlink()
    (folder / "README.md").write_text(CARD, encoding="utf-8")
    hub = Hub({p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(hub))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    c.request.addfinalizer(server.server_close)
    c.request.addfinalizer(server.shutdown)
    c.monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_port}")
    c.monkeypatch.setenv("WORKBENCH_HOME", str(c.tmp / "home"))
    c.monkeypatch.delenv("HF_TOKEN", raising=False)
    c.monkeypatch.delenv("HUGGING_FACE_HUB_TOKEN", raising=False)
    return ["models", "pull", REPO]


def _check_models_pull(d, c):
    from tests.test_models_pull import SHA

    assert d["revision"] == SHA and d["licence"].lower() == "cc-by-4.0"
    assert (Path(d["folder"]) / "model.safetensors").is_file()


def _args_models_convert(c: Ctx) -> list[str]:
    require_module("ctranslate2", "WORKBENCH_REQUIRE_CT2")
    return ["models", "convert", str(c.marian()), "--out", str(c.tmp / "ct2")]


def _args_models_list(c: Ctx) -> list[str]:
    c.store_with_model()
    return ["models", "list"]


def _check_models_list(d, c):
    (m,) = d["models"]
    assert m["name"] == "Helsinki-NLP--opus-mt-tc-big-en-ar" and m["kind"] == "hf"
    assert m["size_bytes"] == sum(
        f.stat().st_size for f in (Path(d["store"]) / m["name"]).rglob("*") if f.is_file()
    )
    assert d["defaults"]["ar"] == {"model": "Helsinki-NLP/opus-mt-tc-big-en-ar", "installed": True}
    assert d["defaults"]["ckb"]["installed"] is False


def _args_models_remove(c: Ctx) -> list[str]:
    _, name = c.store_with_model()
    return ["models", "remove", name]


def _args_project_add(c: Ctx) -> list[str]:
    folder = c.tmp / "p"
    _cli("project", "init", str(folder))
    return ["project", "add", str(folder), str(EN), str(STRONGHOLD)]


def _check_project_add(d, c):
    from workbench.store.project import Project

    assert [x["name"] for x in d["documents"]] == ["al-qaem", "al-qaim-stronghold"]
    with Project.open(d["folder"], readonly=True) as p:
        assert [x["added"] for x in d["documents"]] == [
            p.segment_count("al-qaem"),
            p.segment_count("al-qaim-stronghold"),
        ]


def _check_status(d, c):
    assert d["documents"] == [
        {"name": "al-qaem", "lang": "en", "segments": _segments(EN)},
        {"name": "al-qaim-stronghold", "lang": "en", "segments": _segments(STRONGHOLD)},
    ]
    assert sum(d["languages"]["ar"].values()) == _segments(EN) + _segments(STRONGHOLD)
    assert d["languages"]["ar"]["draft"] > 0  # the memory engine's drafts


def _args_tm_new(c: Ctx, *args: str) -> list[str]:
    return [*args, "--tm", str(c.tmp / "new-tm.sqlite")]


def _check_added(d, c):
    assert d["added"] > 20 and d["added"] == _tm_count(Path(d["tm"]))


def _check_aligned(d, c):
    _check_added(d, c)
    assert d["pairs"] >= d["added"]


def _check_translate(d, c):
    (r,) = d["results"]
    assert r["file"] == str(EN) and r["lang"] == "ar" and r["segments"] == _segments(EN)
    assert r["translated"] + r["cached"] + len(r["empty"]) <= r["segments"]
    assert Path(r["written"]).is_file() and r["project"] is None


RECIPES: dict[str, Recipe] = {
    "align": Recipe(
        lambda c: ["align", str(EN), str(AR), "--src-lang", "en", "--tgt-lang", "ar", "--segment"],
        _check_align,
    ),
    "batch translate": Recipe(_args_batch, _check_batch),
    "export": Recipe(
        lambda c: [
            "export",
            str(c.env.project),
            "--format",
            "xliff",
            "--lang",
            "ar",
            "--out",
            str(c.tmp / "x.xlf"),
        ],
        _check_export,
    ),
    "glossary check": Recipe(lambda c: ["glossary", "check", str(AR)], _check_check),
    "glossary cluster": Recipe(
        lambda c: ["glossary", "cluster", str(c.env.names)],
        lambda d, c: (
            sorted(map(sorted, d))  # type: ignore[arg-type]
            == [["Al Qaem", "al-Qaim"], ["Haditha", "Hadithah"]]
        ),
    ),
    "glossary export": Recipe(
        lambda c: ["glossary", "export", "--out", str(c.tmp / "g.tbx")],
        lambda d, c: d["entries"] > 20 and Path(d["out"]).is_file(),
    ),
    "glossary import": Recipe(_args_glossary_import, _check_glossary_import),
    "glossary lookup": Recipe(
        lambda c: ["glossary", "lookup", "Al-Qa'im", "Nowhereville"],
        lambda d, c: [x["id"] for x in d] == ["al-qaem", None],
        codes=(1,),  # a name without an entry
    ),
    "glossary suggest": Recipe(
        lambda c: ["glossary", "suggest", str(STRONGHOLD)],
        lambda d, c: all(x["count"] >= 1 and x["name"] for x in d),
    ),
    "import": Recipe(
        lambda c: ["import", str(c.env.xliff), "--project", str(c.env.project)],
        lambda d, c: d["lang"] == "ar" and d["applied"]["updated"] == [],
    ),
    "models convert": Recipe(
        _args_models_convert,
        lambda d, c: (Path(d["out"]) / "model.bin").is_file(),
    ),
    "models info": Recipe(
        lambda c: ["models", "info", str(c.marian())],
        lambda d, c: d["family"].startswith("marian") and d["size_bytes"] > 0,
    ),
    "models list": Recipe(_args_models_list, _check_models_list),
    "models pull": Recipe(_args_models_pull, _check_models_pull),
    "models recommend": Recipe(
        lambda c: ["models", "recommend", "--lang", "ar", "--lang", "ckb"],
        lambda d, c: [x["lang"] for x in d] == ["ar", "ckb"],
    ),
    "models remove": Recipe(
        _args_models_remove,
        lambda d, c: not Path(d["removed"]).exists(),
    ),
    "project add": Recipe(_args_project_add, _check_project_add),
    "project add-reference": Recipe(
        lambda c: ["project", "add-reference", str(_fresh_project(c)), str(AR)],
        lambda d, c: (
            [(r["doc"], r["lang"]) for r in d["references"]] == [("al-qaem", "ar")]
            and d["references"][0]["passages"] > 20
        ),
    ),
    "project analyze": Recipe(
        lambda c: ["project", "analyze", str(c.env.project), "--lang", "ar", "--tm", str(c.env.tm)],
        lambda d, c: d["totals"]["ar"]["segments"] == _segments(EN) + _segments(STRONGHOLD),
    ),
    "project init": Recipe(
        lambda c: ["project", "init", str(c.tmp / "new")],
        lambda d, c: (Path(d["folder"]) / "workbench.sqlite").is_file() and d["journal_mode"],
    ),
    "project scores": Recipe(
        lambda c: ["project", "scores", str(c.env.project), "--lang", "ar"],
        lambda d, c: (
            {x["doc"]: x["passages"] > 0 for x in d}
            == {"al-qaem": True, "al-qaim-stronghold": False}
        ),
    ),
    "project status": Recipe(lambda c: ["project", "status", str(c.env.project)], _check_status),
    "qa": Recipe(
        lambda c: ["qa", str(c.env.project), "--lang", "ar"],
        lambda d, c: isinstance(d["segments"], list) and isinstance(d["names"], dict),
        codes=(0, 3),  # 3: there are warnings
    ),
    "reuse": Recipe(
        lambda c: ["reuse", str(STRONGHOLD), str(EN)],
        lambda d, c: d["total"] == len(d["sentences"]) and 0 < d["reused"] <= d["total"],
    ),
    "score": Recipe(
        lambda c: ["score", str(AR), str(AR), "--lang", "ar"],
        lambda d, c: (
            d["corpus"]["BLEU"]["score"] == pytest.approx(100)
            and len(d["segments"]) == _segments(AR)
        ),
    ),
    "segment": Recipe(
        lambda c: ["segment", str(EN)],
        lambda d, c: len(d) == _segments(EN) and d[0]["id"].startswith("al-qaem:"),
    ),
    "tm add-texts": Recipe(
        lambda c: _args_tm_new(c, "tm", "add-texts", str(EN), str(AR)), _check_added
    ),
    "tm concordance": Recipe(
        lambda c: ["tm", "concordance", "Al Qaem", "--tm", str(c.env.tm)],
        lambda d, c: d and all("qaem" in x["source"].lower() for x in d if x["side"] == "source"),
    ),
    "tm export": Recipe(
        lambda c: ["tm", "export", "--out", str(c.tmp / "x.tmx"), "--tm", str(c.env.tm)],
        lambda d, c: d["units"] == _tm_count(c.env.tm) and Path(d["out"]).is_file(),
    ),
    "tm import": Recipe(lambda c: _args_tm_new(c, "tm", "import", str(c.env.tmx)), _check_added),
    "tm import-aligned": Recipe(
        lambda c: _args_tm_new(
            c,
            "tm",
            "import-aligned",
            str(EN),
            str(AR),
            "--src-lang",
            "en",
            "--tgt-lang",
            "ar",
            "--segment",
        ),
        _check_aligned,
    ),
    "tm lookup": Recipe(
        lambda c: [
            "tm",
            "lookup",
            _first_sentence(),
            "--src",
            "en",
            "--tgt",
            "ar",
            "--tm",
            str(c.env.tm),
        ],
        lambda d, c: d[0]["score"] >= 100 and d[0]["source"] == _first_sentence(),
    ),
    "tm reindex": Recipe(
        lambda c: ["tm", "reindex", "--tm", str(shutil.copy(c.env.tm, c.tmp / "tm.sqlite"))],
        lambda d, c: d["units"] == _tm_count(c.env.tm) and d["glossary_entries"] > 20,
    ),
    "translate": Recipe(
        lambda c: [
            "translate",
            str(EN),
            "--to",
            "ar",
            "--engine",
            "memory",
            "--tm",
            str(c.env.tm),
            "--out",
            str(c.tmp / "out"),
        ],
        _check_translate,
    ),
}


def _first_sentence() -> str:
    from workbench import services

    return services.segment_file(str(EN))[1][1].text


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_json_is_one_document_that_says_what_happened(name, env, tmp_path, monkeypatch, request):
    monkeypatch.setenv("WORKBENCH_HOME", str(env.home))
    monkeypatch.setenv("WORKBENCH_TM", str(env.tm))
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    recipe = RECIPES[name]
    c = Ctx(env, tmp_path, monkeypatch, request)
    args = [*recipe.args(c), "--json"]
    code, out, err = _run(args)
    assert code in recipe.codes, (code, err)
    assert "Traceback" not in err
    doc = json.loads(out)  # the whole of stdout: one document, nothing else
    said = recipe.check(doc, c)  # a check asserts, or says True
    assert said is None or bool(said), doc


def _run(args: list[str]) -> tuple[int, str, str]:
    """The real entry point in-process (with the terminal guard); code, stdout, stderr."""
    from workbench.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def test_json_of_a_command_whose_output_is_the_export_needs_out(env, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_GLOSSARY", str(GLOSSARY))
    for args in (
        ["export", str(env.project), "--format", "tmx", "--lang", "ar", "--json"],
        ["glossary", "export", "--json"],
    ):
        code, out, err = _run(args)
        assert code == 2 and out == "", (args, out)
        assert err.startswith("workbench: error: --json needs --out") and err.count("\n") == 1


def test_translate_json_into_a_project_names_the_project_and_its_drafts(env, tmp_path, monkeypatch):
    from workbench.store.project import Project

    monkeypatch.setenv("WORKBENCH_HOME", str(env.home))
    folder = _fresh_project(Ctx(env, tmp_path, monkeypatch, None))  # type: ignore[arg-type]
    code, out, err = _run(
        [
            "translate",
            str(EN),
            "--to",
            "ar,ckb",
            "--engine",
            "memory",
            "--tm",
            str(env.tm),
            "--project",
            str(folder),
            "--json",
        ]
    )
    assert code == 0, err
    results = json.loads(out)["results"]
    assert [(r["lang"], r["project"], r["written"]) for r in results] == [
        ("ar", str(folder), None),
        ("ckb", str(folder), None),
    ]
    with Project.open(folder, readonly=True) as p:
        drafts = sum(1 for row in p.rows("ar") if row.target)
    ar = results[0]
    assert drafts == ar["segments"] - len(ar["empty"]) - ar["kept"]


def test_align_json_with_out_writes_the_file_and_prints_only_json(tmp_path):
    out = tmp_path / "al.tsv"
    code, stdout, err = _run(
        [
            "align",
            str(EN),
            str(AR),
            "--src-lang",
            "en",
            "--tgt-lang",
            "ar",
            "--segment",
            "--format",
            "tsv",
            "--out",
            str(out),
            "--json",
        ]
    )
    assert code == 0, err
    doc = json.loads(stdout)
    assert doc["out"] == str(out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(doc["beads"])


def test_bad_input_with_json_is_one_error_line_and_no_partial_document(env, tmp_path):
    missing = tmp_path / "nowhere"
    for args in (
        ["project", "status", str(missing), "--json"],
        ["translate", str(EN), str(missing / "b.en.md"), "--to", "ar", "--engine", "memory",
         "--tm", str(env.tm), "--out", str(tmp_path / "o"), "--json"],
    ):  # fmt: skip
        code, out, err = _run(args)
        assert code == 1 and out == "", (args, out)
        assert err.startswith("workbench: error: ") and err.count("\n") == 1, err

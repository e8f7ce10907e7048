"""``workbench models pull`` against a loopback server that answers the Hub's file API.

The server (HF_ENDPOINT) serves a tiny model repository as OPUS-MT ships it (config,
tokenizer files, pickle weights): the pull records the commit, converts the pickle to
safetensors with torch's weights-only loader, and the model translates. Then 404, 401, a
truncated download and a full disk each give their own one-line error, and nothing
half-written is left in the store.
"""

from __future__ import annotations

import errno
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import require_module

require_module("torch", "WORKBENCH_REQUIRE_TORCH")
require_module("transformers", "WORKBENCH_REQUIRE_TORCH")

from tests.helpers.tiny_models import build_marian  # noqa: E402

REPO = "Helsinki-NLP/opus-mt-tc-big-en-ar"
SHA = "0123456789abcdef0123456789abcdef01234567"
CARD = "---\nlicense: cc-by-4.0\nlanguage: [en, ar]\n---\n# opus-mt-tc-big-en-ar (test copy)\n"


class Hub:
    """What the loopback Hub serves, and how it misbehaves (``mode``)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files, self.mode, self.requests = files, "ok", []
        self.auth: list[str | None] = []


def _handler(hub: Hub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, code: int, body: bytes, length: int | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            hub.requests.append(self.path)
            hub.auth.append(self.headers.get("Authorization"))
            if hub.mode == "401":
                return self._send(401, b'{"error": "Access to model is restricted"}')
            api = f"/api/models/{REPO}/revision/main"
            if self.path == api:
                if hub.mode == "404":
                    return self._send(404, b'{"error": "Repository not found"}')
                siblings = [{"rfilename": n, "size": len(b)} for n, b in hub.files.items()]
                body = {"id": REPO, "sha": SHA, "siblings": siblings,
                        "cardData": {"license": "cc-by-4.0"}}  # fmt: skip
                return self._send(200, json.dumps(body).encode())
            prefix = f"/{REPO}/resolve/{SHA}/"
            name = self.path[len(prefix) :] if self.path.startswith(prefix) else None
            if name not in hub.files:
                return self._send(404, b'{"error": "Entry not found"}')
            data = hub.files[name]
            if hub.mode == "truncate" and name == "pytorch_model.bin":
                return self._send(200, data[: len(data) // 3], length=len(data))
            return self._send(200, data)

    return Handler


@pytest.fixture(scope="module")
def repo_files(tmp_path_factory) -> dict[str, bytes]:
    folder = build_marian(tmp_path_factory.mktemp("hubrepo") / "m", safetensors=False)
    (folder / "workbench.json").unlink()  # the Hub's copy has no workbench file
    (folder / "README.md").write_text(CARD, encoding="utf-8")
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def hub(repo_files, monkeypatch, tmp_path):
    h = Hub(repo_files)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(h))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("HUGGING_FACE_HUB_TOKEN", raising=False)
    yield h
    server.shutdown()
    server.server_close()


def _store(tmp_path: Path) -> Path:
    return tmp_path / "home" / "models"


def _left(tmp_path: Path) -> list[str]:
    store = _store(tmp_path)
    return sorted(p.name for p in store.iterdir()) if store.exists() else []


def _one_line(r) -> str:
    assert r.code == 1, (r.code, r.out, r.err)
    assert r.err.startswith("workbench: error: ") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err
    return r.err


def test_pull_records_the_revision_and_converts_pickle_with_the_weights_only_loader(
    run, hub, tmp_path, monkeypatch
):
    import torch

    loads = []
    real = torch.load

    def spy(*a, **k):
        loads.append(k.get("weights_only"))
        return real(*a, **k)

    monkeypatch.setattr(torch, "load", spy)
    r = run("models", "pull", REPO)
    assert r.code == 0, r.err
    folder = _store(tmp_path) / "Helsinki-NLP--opus-mt-tc-big-en-ar"
    assert f"revision {SHA}" in r.out and "licence cc-by-4.0" in r.out
    assert loads == [True]  # the pickle was read by the weights-only loader, once
    assert (folder / "model.safetensors").is_file() and not (folder / "pytorch_model.bin").exists()
    meta = json.loads((folder / "workbench.json").read_text())
    assert (meta["repo"], meta["revision"], meta["licence"]) == (REPO, SHA, "cc-by-4.0")
    assert _left(tmp_path) == ["Helsinki-NLP--opus-mt-tc-big-en-ar"]  # no temporary folder
    assert f"/api/models/{REPO}/revision/main" in hub.requests
    assert all(p.startswith(("/api/", f"/{REPO}/resolve/{SHA}/")) for p in hub.requests)
    info = json.loads(run("models", "info", REPO, "--json").out)
    assert (info["revision"], info["licence"]) == (SHA, "cc-by-4.0")
    from workbench.engines.base import DecodeOptions
    from workbench.engines.hf import HFEngine

    e = HFEngine(folder)  # safetensors now: no --allow-pickle needed
    assert e.revision == SHA and e.translate(["Yes."], "en", "ar", DecodeOptions(max_length=4))


def test_a_token_is_sent_and_not_leaked_into_the_error(run, hub, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_secret")
    hub.mode = "401"
    err = _one_line(run("models", "pull", REPO))
    assert hub.auth[0] == "Bearer hf_secret" and "hf_secret" not in err


def test_404_says_no_such_model(run, hub, tmp_path):
    hub.mode = "404"
    err = _one_line(run("models", "pull", REPO))
    assert f"no model {REPO} (revision main) on the Hub" in err and "HTTP 404" in err
    assert "network" not in err and _left(tmp_path) == []


def test_401_says_a_token_is_needed(run, hub, tmp_path):
    hub.mode = "401"
    err = _one_line(run("models", "pull", REPO))
    assert "refused access" in err and "HF_TOKEN" in err and "HTTP 401" in err
    assert _left(tmp_path) == []


def test_a_truncated_download_leaves_nothing(run, hub, tmp_path):
    hub.mode = "truncate"
    err = _one_line(run("models", "pull", REPO))
    assert "pytorch_model.bin was cut short" in err and "bytes" in err
    assert _left(tmp_path) == []  # no half-written folder, no temporary one


def test_a_full_disk_leaves_nothing(run, hub, tmp_path, monkeypatch):
    from workbench.engines import store

    written = [0]
    real = store._write

    def small_disk(fh, block):  # the disk fills after 100 kB
        if written[0] + len(block) > 100_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        written[0] += len(block)
        real(fh, block)

    monkeypatch.setattr(store, "_write", small_disk)
    err = _one_line(run("models", "pull", REPO))
    assert "the disk filled up while pulling" in err and _left(tmp_path) == []


def test_a_failed_pull_keeps_the_earlier_one(run, hub, tmp_path):
    assert run("models", "pull", REPO).code == 0
    folder = _store(tmp_path) / "Helsinki-NLP--opus-mt-tc-big-en-ar"
    before = sorted((p.name, p.stat().st_size) for p in folder.iterdir())
    hub.mode = "truncate"
    _one_line(run("models", "pull", REPO))
    assert sorted((p.name, p.stat().st_size) for p in folder.iterdir()) == before
    assert _left(tmp_path) == ["Helsinki-NLP--opus-mt-tc-big-en-ar"]


def test_no_network_is_said_as_such(run, monkeypatch, tmp_path):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nobody listens there
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    err = _one_line(run("models", "pull", REPO))
    assert "cannot reach" in err and "is the network reachable?" in err

"""Getting models into the local store: the one place that may use the network.

A downloaded checkpoint that ships only pickle weights (``pytorch_model.bin``, as OPUS-MT
and NLLB-200 do on their main branches) is loaded once with torch's weights-only loader,
which refuses to run code, and written as ``model.safetensors``; the pickle is deleted.

Every folder the store makes (pulled or converted) holds ``workbench.json``: that file marks
it as the store's own, and only such a folder, directly inside the store, is ever removed.
"""

from __future__ import annotations

import json
import os
import shutil
from fnmatch import fnmatch
from pathlib import Path

from workbench.core.settings import current
from workbench.engines.base import EngineError


def pickle_to_safetensors(folder: str | Path) -> Path:
    """Replace ``pytorch_model.bin`` by ``model.safetensors`` (weights-only load)."""
    f = Path(folder)
    binary = f / "pytorch_model.bin"
    if not binary.is_file():
        raise EngineError(f"{f}: no pytorch_model.bin to convert")
    import torch
    from safetensors.torch import save_file

    try:
        state = torch.load(binary, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise EngineError(
            f"{binary}: refused by the weights-only loader ({type(exc).__name__})"
        ) from None
    # safetensors stores each tensor once: tied weights must not share memory
    seen: dict[int, str] = {}
    clean = {}
    for k, v in state.items():
        ptr = v.data_ptr()
        clean[k] = v.clone().contiguous() if ptr in seen else v.contiguous()
        seen.setdefault(ptr, k)
    save_file(clean, str(f / "model.safetensors"), metadata={"format": "pt"})
    binary.unlink()
    return f / "model.safetensors"


#: The files a pull fetches (top level only): configs, tokenizers, weights, the model card.
PULL_PATTERNS = (
    "*.json",
    "*.spm",
    "*.model",
    "*.txt",
    "*.safetensors",
    "pytorch_model.bin",
    "README.md",
)


class PullError(EngineError):
    """A pull failed; nothing of it was kept."""


def hub_endpoint() -> str:
    """The Hub's address: $HF_ENDPOINT (a mirror, or a test server), else huggingface.co."""
    return current().hub_endpoint


def pull(repo: str, store: Path, revision: str | None = None) -> Path:
    """Download model ``repo`` from the Hub into the store, as safetensors; its folder.

    The Hub's file API: ``GET /api/models/REPO/revision/REV`` names the commit and the
    files, ``GET /REPO/resolve/COMMIT/FILE`` sends each. Everything lands in a temporary
    folder beside the store's entry, which is renamed into place only once complete (an
    earlier pull of the model is replaced then), so a failure leaves nothing half-written.
    Pickle weights are converted with torch's weights-only loader. ``workbench.json``
    records the repo, the commit pulled, the licence from the model card and the files.

    Each failure is its own one-line PullError: no such model (404), access refused
    (401/403: a token is needed), a download cut short, a full disk, no network.
    """
    import tempfile

    target = entry(store, repo, must_exist=False)
    if target.exists() and not (target / MARKER).is_file():
        raise PullError(f"{target} exists and was not made by 'workbench models'; not replacing")
    base = hub_endpoint()
    rev = revision or "main"
    info = _get_json(f"{base}/api/models/{repo}/revision/{rev}", repo, rev)
    sha = str(info.get("sha") or rev)
    names = [s.get("rfilename", "") for s in info.get("siblings") or []]
    files = [n for n in names if "/" not in n and any(fnmatch(n, p) for p in PULL_PATTERNS)]
    if any(n.endswith(".safetensors") for n in files):
        files = [n for n in files if n != "pytorch_model.bin"]  # never fetch the pickle then
    if "config.json" not in files:
        raise PullError(f"{repo} at {sha[:12]} has no config.json: not a model the workbench runs")
    store.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=store, prefix=f".{target.name}.", suffix=".pull"))
    try:
        sizes = {s.get("rfilename"): s.get("size") for s in info.get("siblings") or []}
        for name in files:
            _download(f"{base}/{repo}/resolve/{sha}/{name}", work / name, repo, name, sizes)
        from workbench.engines.model_gate import custom_code

        where = custom_code(work)
        if where:
            raise PullError(
                f"{repo} ships its own Python code ({where}), which the workbench never runs"
            )
        if not any(work.glob("*.safetensors")):
            pickle_to_safetensors(work)
        meta = {
            "repo": repo,
            "revision": sha,
            "licence": _licence(info, work),
            "files": sorted(p.name for p in work.iterdir()),
        }
        (work / MARKER).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        swap_folder(work, target)
    except OSError as exc:
        raise PullError(_disk_reason(exc, repo, store)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _disk_reason(exc: OSError, repo: str, store: Path) -> str:
    """One line for a local write failure during a pull."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            f"the disk filled up while pulling {repo}; nothing was kept "
            f"(free space under {store} and pull again)"
        )
    return f"cannot write the model into {store} ({exc.strerror or type(exc).__name__})"


def _request(url: str):
    """An HTTP request with the user's Hub token (never sent on to a redirect's host)."""
    from urllib.request import Request

    req = Request(url, headers={"User-Agent": "workbench"})
    token = current().hub_token  # HF_TOKEN, else HUGGING_FACE_HUB_TOKEN
    if token:
        req.add_unredirected_header("Authorization", f"Bearer {token}")
    return req


def _http_error(code: int, repo: str, what: str) -> PullError:
    """The one-line error for an HTTP status from the Hub."""
    if code == 404:
        return PullError(f"no {what} on the Hub ({hub_endpoint()}, HTTP 404): check the name")
    if code in (401, 403):
        return PullError(
            f"the Hub refused access to {repo} (HTTP {code}): a gated or private model needs "
            "a token: accept its terms on its page, then set HF_TOKEN"
        )
    return PullError(f"the Hub answered HTTP {code} for {what}; try again later")


def _get_json(url: str, repo: str, rev: str) -> dict:
    """The Hub's JSON answer about ``repo`` at ``rev``."""
    from urllib.error import HTTPError, URLError
    from urllib.request import urlopen

    try:
        with urlopen(_request(url), timeout=60) as resp:
            data = json.loads(resp.read().decode("utf-8"))
    except HTTPError as e:
        raise _http_error(e.code, repo, f"model {repo} (revision {rev})") from None
    except (URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise PullError(
            f"cannot reach {hub_endpoint()} ({reason}); is the network reachable?"
        ) from None
    except ValueError:
        raise PullError(f"{hub_endpoint()} did not answer as the Hub does (not JSON)") from None
    if not isinstance(data, dict):
        raise PullError(f"{hub_endpoint()} did not answer as the Hub does")
    return data


def _write(fh, block: bytes) -> None:
    """Write one downloaded block (a seam the disk-full test replaces)."""
    fh.write(block)


def _download(url: str, dest: Path, repo: str, name: str, sizes: dict) -> None:
    """Fetch one file to ``dest``; PullError when the answer is refused or cut short."""
    import http.client
    from urllib.error import HTTPError, URLError
    from urllib.request import urlopen

    got = 0
    want = sizes.get(name)
    try:
        with urlopen(_request(url), timeout=60) as resp, dest.open("wb") as fh:
            length = resp.headers.get("Content-Length")
            want = int(length) if length and length.isdigit() else want
            for block in iter(lambda: resp.read(1 << 20), b""):
                _write(fh, block)
                got += len(block)
    except HTTPError as e:
        raise _http_error(e.code, repo, f"file {name} in {repo}") from None
    except http.client.IncompleteRead:
        pass  # the connection closed early: said below, with the byte counts
    except (URLError, TimeoutError, ConnectionError) as e:
        reason = getattr(e, "reason", e)
        raise PullError(
            f"the download of {repo}/{name} broke off ({reason}); nothing was kept, pull again"
        ) from None
    if want is not None and got != int(want):
        raise PullError(
            f"the download of {repo}/{name} was cut short ({got:,} of {int(want):,} bytes); "
            "nothing was kept, pull again"
        )


def _licence(info: dict, folder: Path) -> str:
    """The model card's licence: the Hub's cardData, else README.md's front matter."""
    card = info.get("cardData") or {}
    if isinstance(card, dict) and card.get("license"):
        return str(card["license"])
    readme = folder / "README.md"
    if readme.is_file():
        for line in readme.read_text(encoding="utf-8", errors="replace").splitlines()[:40]:
            if line.lower().startswith("license:"):
                return line.split(":", 1)[1].strip()
    return "unknown (see its model card)"


def swap_folder(work: Path, target: Path) -> None:
    """Rename the finished folder ``work`` to ``target`` (a pull, a conversion).

    An earlier folder at ``target`` goes only once the new one is there; if that rename
    fails, the old one is put back.
    """
    import tempfile

    if not target.exists():
        os.rename(work, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
    os.rename(target, old / "model")
    try:
        os.rename(work, target)
    except OSError:
        os.rename(old / "model", target)  # put the old model back
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


#: The file that marks a folder as made by the model store.
MARKER = "workbench.json"


def entry(store: Path, name: str, *, must_exist: bool = True) -> Path:
    """The folder of model ``name`` (``org/model`` or ``org--model``), directly inside ``store``.

    A name that would reach outside the store (``.``, ``..``, a path, a hidden name) is
    refused with a one-line EngineError, as is a missing model when ``must_exist``.
    """
    folder = name.replace("/", "--")
    bad = (
        not folder.strip()
        or folder.startswith(".")
        or any(c in folder for c in ("\\", "\0", os.sep))
        or (os.altsep is not None and os.altsep in folder)
    )
    p = store / folder
    if bad or Path(os.path.realpath(p.parent)) != Path(os.path.realpath(store)):
        raise EngineError(f"{name!r} is not a model name (see: workbench models list)")
    if must_exist and not (p.is_dir() or p.is_symlink()):
        raise EngineError(f"no model {name} in {store} (see: workbench models list)")
    return p


def remove(store: Path, name: str) -> Path:
    """Delete model ``name`` from the store: only a folder the store made (it holds MARKER).

    A symbolic link in the store is removed as a link; what it points to is left alone.
    """
    p = entry(store, name)
    if p.is_symlink():
        p.unlink()
        return p
    if not (p / MARKER).is_file():
        raise EngineError(f"{p} was not made by 'workbench models' (no {MARKER}); nothing removed")
    shutil.rmtree(p)
    return p

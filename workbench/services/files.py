"""Writing the files the use cases produce: whole, or not at all, and never over our own data.

Every file a command writes goes through :func:`write_text`:

- it is never one of the databases the workbench owns: a project's ``workbench.sqlite``,
  the translation memory, the MT cache, their ``-wal``/``-shm``/``-journal`` companions,
  or any other SQLite file, found by name, by path (links followed) and by inode;
- an existing file is replaced only when the caller says so (``--force``);
- the text goes to a temporary file in the same folder, which is renamed over the target,
  so a reader sees the old file or the new one, never half of one; the temporary file is
  removed when anything goes wrong.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import struct
import tempfile
from collections.abc import Iterable
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.settings import current

#: The name of a project's database (store/project.py).
PROJECT_DB = "workbench.sqlite"
#: Files SQLite keeps beside a database.
SIDECARS = ("-wal", "-shm", "-journal")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_SHM_VERSION = 3007000


def owned_databases() -> dict[Path, str]:
    """The databases of this user's workbench home: path -> what it is."""
    s = current()
    found = {  # the home's TM and $WORKBENCH_TM (one key when they are the same)
        s.home_tm: "the translation memory",
        s.mt_cache: "the MT cache",
        s.user_tm: "the translation memory",
    }
    out: dict[Path, str] = {}
    for p, what in found.items():
        for suffix in ("", *SIDECARS):
            out[Path(os.path.realpath(str(p) + suffix))] = what
    return out


def _looks_like_sqlite(path: Path) -> str | None:
    """What SQLite file ``path`` is from its first bytes, or None."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if head.startswith(_SQLITE_MAGIC):
        return "a SQLite database"
    if len(head) >= 4 and struct.unpack(">I", head[:4])[0] in _WAL_MAGIC:
        return "a SQLite write-ahead log"
    if len(head) >= 52:
        first, second = struct.unpack("=I", head[:4])[0], struct.unpack("=I", head[48:52])[0]
        if first == second == _SHM_VERSION:
            return "a SQLite shared-memory file"
    return None


def _base_of_sidecar(path: Path) -> Path | None:
    """``x.sqlite`` for ``x.sqlite-wal`` (and -shm, -journal); None for other names."""
    for suffix in SIDECARS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def protected_reason(path: str | Path, keep: Iterable[str | Path] = ()) -> str | None:
    """Why ``path`` must not be written over (``keep``: the command's own inputs), or None."""
    p = Path(path)
    real = Path(os.path.realpath(p))
    for name in {p.name, real.name}:
        base = _base_of_sidecar(Path(name))
        if name == PROJECT_DB or (base is not None and base.name == PROJECT_DB):
            return "is a project database"
    owned = owned_databases()
    if real in owned:
        return "is " + owned[real]
    try:
        st = real.stat()
    except OSError:
        st = None
    if st is not None:
        for other, what in owned.items():
            with contextlib.suppress(OSError):
                if _same_file(st, other.stat()):
                    return "is " + what + " (the same file under another name)"
        kind = _looks_like_sqlite(real)
        if kind:
            return "is " + kind
        base = _base_of_sidecar(real)
        if base is not None and _looks_like_sqlite(base):
            return "belongs to the SQLite database " + str(base)
        for k in keep:
            with contextlib.suppress(OSError):
                if _same_file(st, Path(k).stat()):
                    return "is one of this command's inputs"
    return None


def check_out_path(path: str | Path, force: bool = False, keep: Iterable[str | Path] = ()) -> Path:
    """Refuse, before any work, an output path that must not be written (one-line error).

    A database the workbench owns (or any SQLite file) and the command's own inputs
    (``keep``) are refused even with ``force``; another existing file needs ``force``.
    """
    p = Path(path)
    reason = protected_reason(p, keep)
    if reason:
        raise InputError(f"{p} {reason}; refusing to write over it (choose another --out)")
    if p.is_dir():
        raise InputError(f"{p} is a folder; --out names the file to write")
    if not force and (p.exists() or p.is_symlink()):
        raise InputError(f"{p} exists; pass --force to replace it")
    return p


def is_machine_draft(path: str | Path) -> bool:
    """Whether ``path`` was written by ``workbench translate``.

    Its front matter names a ``machine:`` or ``memory:`` translator.
    """
    import yaml

    try:
        with Path(path).open("rb") as fh:
            head = fh.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return False
    end = head.find("\n---", 3)
    if not head.startswith("---\n") or end < 0:
        return False
    try:
        meta = yaml.safe_load(head[4:end])
    except yaml.YAMLError:
        return False
    who = meta.get("translator") if isinstance(meta, dict) else None
    return isinstance(who, str) and who.startswith(("machine:", "memory:"))


def check_draft_target(
    path: str | Path, force: bool = False, keep: Iterable[str | Path] = ()
) -> Path:
    """Refuse a translation's output file unless it is new or an earlier machine draft.

    A rerun replaces its own drafts; a file a person wrote (say, the published
    translation beside the source) is replaced only with ``force``. Databases and the
    command's inputs are refused as by :func:`check_out_path`.
    """
    p = Path(path)
    reason = protected_reason(p, keep)
    if reason:
        raise InputError(f"{p} {reason}; refusing to write over it (choose another --out)")
    if not force and (p.exists() or p.is_symlink()) and not is_machine_draft(p):
        raise InputError(
            f"{p} exists and is not a machine draft from 'workbench translate'; "
            "pass --force to replace it"
        )
    return p


def _new_file_mode() -> int:
    """The mode an ordinary new file gets under the current umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(
    path: str | Path, text: str, *, force: bool = True, keep: Iterable[str | Path] = ()
) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; one-line InputError when refused or failed.

    ``force=False`` refuses an existing file (checked again at the rename, so a file that
    appears meanwhile is not replaced either). A symbolic link is followed: the file it
    points to is replaced and the link stays. Returns the path written.
    """
    p = Path(path)
    keep = list(keep)
    check_out_path(p, force, keep)
    target = Path(os.path.realpath(p))
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _new_file_mode()
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        check_out_path(p, force, keep)  # the world may have changed while we wrote
        if force:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
        tmp = None
    except OSError as exc:
        if isinstance(exc, FileExistsError):
            raise InputError(f"{p} exists; pass --force to replace it") from None
        raise InputError(f"{p}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return p


def _link_new(tmp: str, target: Path) -> None:
    """Put ``tmp`` at ``target`` only if nothing is there (a hard link, then unlink)."""
    try:
        os.link(tmp, target)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if target.exists():  # a file system without hard links: the next best check
            raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)

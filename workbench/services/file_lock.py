"""An exclusive lock on a file for a read-modify-write that ends by renaming a new file over it.

Several ``workbench`` processes may merge into one glossary TSV at once. Each takes an
fcntl lock on the file, reads, merges and renames the new text into place; the next one
waits. Because the rename puts a new file (a new inode) at the path, a process that was
waiting on the old one checks, once it holds the lock, that the path still names the file
it locked, and locks again if not. A missing file is created empty to be locked (and
removed again when nothing replaced it). Where fcntl does not exist (Windows) there is no
lock.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from workbench.core.errors import InputError


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[bool]:
    """Hold an exclusive lock on the file at ``path``; yields whether it was created empty."""
    p = Path(path)
    if fcntl is None:  # pragma: no cover
        yield False
        return
    while True:
        created = False
        try:
            fd = os.open(p, os.O_RDONLY)
        except FileNotFoundError:
            try:
                fd = os.open(p, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o666)
                created = True
            except FileExistsError:
                continue  # another process created it first: lock that one
            except OSError as exc:
                raise InputError(f"{p}: cannot create ({exc.strerror})") from None
        except OSError as exc:
            raise InputError(f"{p}: cannot open ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            mine = os.fstat(fd)
            try:
                now = os.stat(p)
            except FileNotFoundError:
                now = None
        except BaseException:
            os.close(fd)
            raise
        if now is not None and (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
            break
        os.close(fd)  # replaced or removed while we waited: lock the file there now
    try:
        yield created and mine.st_size == 0
    finally:
        try:
            if created:  # our empty placeholder, unless a new file was renamed over it
                with contextlib.suppress(OSError):
                    now = os.stat(p)
                    if (now.st_dev, now.st_ino) == (mine.st_dev, mine.st_ino):
                        os.unlink(p)
        finally:
            os.close(fd)

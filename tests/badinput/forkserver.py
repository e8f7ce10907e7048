"""Run ``workbench`` commands in forked children of one warm interpreter.

The bad-input runner starts hundreds of short commands; most of each one's time was the
interpreter starting and importing. This server imports workbench once, then for every
job (a JSON line on stdin) forks a child that runs the command exactly as the
``workbench`` entry point would: its own process and session, its own working folder and
environment, stdin and stdout on /dev/null, stderr to a file. The child writes its peak
memory (ru_maxrss) to a file; the server kills the child's process group when it runs past
its time limit and answers with a JSON line: ``{"rc": ..., "seconds": ...}``.

Usage: ``python -m tests.badinput.forkserver`` (the runner starts it).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import threading
import time


def _preload() -> None:
    """Import what most commands import, once, before any fork."""
    import workbench.main  # noqa: F401  (every command, the app's `open` too)
    from workbench import services  # noqa: F401
    from workbench.core.names import name_finder, suggest  # noqa: F401
    from workbench.store import project, tm  # noqa: F401
    from workbench.tui import app  # noqa: F401  (Textual: `open` refuses before it starts)


def _child(job: dict) -> None:
    """In the forked child: set the run up, run the command, exit with its code."""
    code = 1
    try:
        os.setsid()
        os.chdir(job["cwd"])
        os.environ.clear()
        os.environ.update(job["env"])
        null = os.open(os.devnull, os.O_RDWR)
        err = os.open(job["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.dup2(err, 2)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        from workbench.main import main

        try:
            main(job["args"])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # what the entry point let through: a traceback, as a user sees it
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            with open(job["peak"], "w") as fh:
                fh.write(f"{peak:.1f}")
        finally:
            os._exit(code)


def _run(job: dict) -> dict:
    """Fork one job, wait for it (killing it past its limit); its exit code and seconds."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(job)

    def kill() -> None:  # past its limit: the job and anything it started
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(float(job["limit"]), kill)
    timer.start()
    try:
        status = os.waitpid(pid, 0)[1]  # blocks until the job ends or the timer kills it
    finally:
        timer.cancel()
    return {"rc": os.waitstatus_to_exitcode(status), "seconds": time.monotonic() - start}


def main() -> None:
    """Serve jobs from stdin until it closes."""
    _preload()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(_run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()

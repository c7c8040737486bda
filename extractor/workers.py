"""A small process pool for the extraction: one file per worker at a time, with a
time and a memory budget, and a pool that outlives its workers.

``concurrent.futures.ProcessPoolExecutor`` fails every pending file when one worker
dies (the OOM killer, a segfault in a C extension) and cannot stop one task that
runs too long. Here the main process knows which file each worker holds, so:

* a cable that runs over the time budget (counted per cable: a worker reports
  before each one) or a worker over the memory budget is killed and the file gets
  an error row saying why;
* a worker that dies is replaced and its file tried once more, then given an
  error row;
* workers die with the main process (``PR_SET_PDEATHSIG``) and ignore Ctrl-C,
  which the main process handles by killing them.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

#: default budgets; the CLI's --timeout and --max-memory override them
DEFAULT_TIMEOUT = 20.0  # seconds per cable (the corpus' largest takes well under one)
DEFAULT_MAX_MEMORY_MB = 900  # resident set of one worker (a loaded worker holds about 330 MB)
_POLL = 0.1  # seconds between budget checks
#: a worker still starting (imports, model load) when it is given a file: the file's
#: clock starts when the worker takes it (its first beat), not while it waits in the pipe
_STARTUP_GRACE = 60.0
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True)
class Budget:
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


Task = tuple[Path, Path, "Path | None"]


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this worker when the main process dies (even by SIGKILL)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the pipe's EOF still ends an idle worker
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _worker_main(conn: Connection, parent: int, work: Callable[[Task], Any],
                 setup: Callable[[], None] | None) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from . import pipeline

    pipeline._HEARTBEAT = lambda: conn.send(("beat", None))
    if setup is not None:
        setup()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(("beat", None))  # taken: the time budget counts from here
        try:
            conn.send(("done", work(task)))
        except Exception as exc:  # noqa: BLE001 - reported as the file's error row
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, context: Any, work: Callable[[Task], Any], setup: Callable[[], None] | None):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, os.getpid(), work, setup), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = self.timeout = 0.0

    def give(self, index: int, task: Task, timeout: float) -> None:
        self.index, self.timeout, self.deadline = index, timeout, time.monotonic() + timeout + _STARTUP_GRACE
        self.conn.send(task)

    def rss_mb(self) -> float:
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as handle:
                return int(handle.read().split()[1]) * _PAGE / 2**20
        except (OSError, ValueError, IndexError):
            return 0.0

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


ErrorRows = Callable[[Task, str], Any]


class _Pool:
    """The workers and the files: which are waiting, held back, running, done."""

    def __init__(self, tasks: Sequence[Task], indices: Sequence[int], jobs: int, work: Callable[[Task], Any],
                 error_rows: ErrorRows, budget: Budget, setup: Callable[[], None] | None, window: int):
        self.context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.tasks, self.work, self.setup, self.error_rows, self.budget = tasks, work, setup, error_rows, budget
        self.order = list(indices)
        self.queue = iter(self.order)
        self.limit = max(1, jobs) * window  # files dispatched ahead of the one to yield next
        self.workers = [_Worker(self.context, work, setup) for _ in range(min(jobs, len(self.order)))]
        self.done: dict[int, Any] = {}
        self.attempts: dict[int, int] = {}
        self.retry: list[int] = []
        self.position = {index: n for n, index in enumerate(self.order)}
        self.next_out = 0  # the position in ``order`` of the next file to yield

    def pending(self) -> bool:
        return self.next_out < len(self.order)

    def dispatch(self) -> None:
        """Give each idle worker a file, until there is none to give now."""
        for worker in self.workers:
            if worker.index is None and not self._give_next(worker):
                break

    def _give_next(self, worker: _Worker) -> bool:
        index = self.retry.pop() if self.retry else next(self.queue, None)
        if index is None:
            return False
        if self.position[index] >= self.next_out + self.limit:
            self.retry.append(index)  # held back: too far ahead of the output
            return False
        self.attempts[index] = self.attempts.get(index, 0) + 1
        worker.give(index, self.tasks[index], self.budget.timeout)
        return True

    def collect(self) -> None:
        """Take the results (and heartbeats) the busy workers sent, waiting a poll interval at most."""
        busy = {w.conn: w for w in self.workers if w.index is not None}
        for conn in wait(list(busy), timeout=_POLL) if busy else ():
            _receive(busy[conn], self.done, self.tasks, self.error_rows)  # type: ignore[index]

    def police(self) -> None:
        """Replace each worker that is over a budget or died."""
        for n, worker in enumerate(self.workers):
            if worker.index is not None:
                self._police(n, worker)

    def _police(self, n: int, worker: _Worker) -> None:
        reason = _over_budget(worker, self.budget)
        if reason is None and worker.process.is_alive():
            return
        index = worker.index
        assert index is not None
        worker.kill()
        self.workers[n] = _Worker(self.context, self.work, self.setup)
        if reason is None:  # died: as the OOM killer would do
            reason = f"worker process died ({_describe(worker.process.exitcode)})"
            if self.attempts[index] < 2:
                self.retry.append(index)
                return
            reason += " twice"
        self.done[index] = self.error_rows(self.tasks[index], reason)

    def ready(self) -> Iterator[tuple[int, Any]]:
        """The finished files that are next in order."""
        while self.pending() and self.order[self.next_out] in self.done:
            index = self.order[self.next_out]
            yield index, self.done.pop(index)
            self.next_out += 1

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(0.5 if worker.index is None else 0)
            worker.kill()


def run_pool(tasks: Sequence[Task], indices: Sequence[int], jobs: int, work: Callable[[Task], Any],
             error_rows: ErrorRows, budget: Budget, setup: Callable[[], None] | None = None,
             window: int = 8) -> Iterator[tuple[int, Any]]:
    """Run ``work`` over ``tasks[i]`` for ``i`` in ``indices`` on ``jobs`` workers and
    yield ``(i, result)`` in the order of ``indices``; a file that fails (budget, dead
    worker twice, exception) yields ``error_rows(task, reason)`` instead."""
    pool = _Pool(tasks, indices, jobs, work, error_rows, budget, setup, window)
    try:
        while pool.pending():
            pool.dispatch()
            pool.collect()
            pool.police()
            yield from pool.ready()
    finally:
        pool.close()


def _receive(worker: _Worker, done: dict[int, Any], tasks: Sequence[Task], error_rows: ErrorRows) -> None:
    try:
        while worker.conn.poll():
            kind, payload = worker.conn.recv()
            if kind == "beat":  # a new cable of the file: its own time budget
                worker.deadline = time.monotonic() + worker.timeout
                continue
            assert worker.index is not None
            done[worker.index] = payload if kind == "done" else error_rows(tasks[worker.index],
                                                                             f"extraction failed: {payload}")
            worker.index = None
            return
    except (EOFError, OSError):
        pass  # the worker died: seen by the caller through is_alive()


def _over_budget(worker: _Worker, budget: Budget) -> str | None:
    # memory first: a worker over both (a slow, swollen cable) is reported by the cause that can be acted on
    if worker.rss_mb() > budget.max_memory_mb:
        return f"over the memory budget ({budget.max_memory_mb} MB)"
    if time.monotonic() > worker.deadline:
        return f"over the time budget ({budget.timeout:g} s for one cable)"
    return None


def _describe(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"

"""A small process pool for the extraction: one task per worker at a time (a file,
or a batch of cables.csv rows), with a time and a memory budget, and a pool that
outlives its workers.

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
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Hashable, Iterator, Sequence

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


#: what a worker is given: a file (path, root, cache entry) or any picklable unit of work
Task = Any


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
        self.index: Hashable | None = None
        self.deadline = self.timeout = 0.0

    def give(self, index: Hashable, task: Task, timeout: float) -> None:
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


class Pool:
    """Workers and the tasks submitted to them; results are taken by key.

    The caller decides how far ahead it submits (its read-ahead bounds memory) and
    in which order it takes results; :meth:`step` moves the work on. Workers start
    on demand, up to ``jobs``."""

    def __init__(self, jobs: int, work: Callable[[Task], Any], error_rows: ErrorRows, budget: Budget,
                 setup: Callable[[], None] | None = None):
        self.context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.jobs, self.work, self.setup, self.error_rows, self.budget = max(1, jobs), work, setup, error_rows, budget
        self.workers: list[_Worker] = []
        self.tasks: dict[Hashable, Task] = {}  # submitted and not yet taken
        self.queue: deque[Hashable] = deque()  # waiting for a worker, in submission order
        self.done: dict[Hashable, Any] = {}
        self.attempts: dict[Hashable, int] = {}
        self.retry: list[Hashable] = []

    def submit(self, key: Hashable, task: Task) -> None:
        self.tasks[key] = task
        self.queue.append(key)

    def finished(self, key: Hashable) -> bool:
        return key in self.done

    def take(self, key: Hashable) -> Any:
        """The result of a finished task (forgotten here once taken)."""
        self.tasks.pop(key, None)
        self.attempts.pop(key, None)
        return self.done.pop(key)

    def step(self) -> None:
        """Give idle workers tasks, take what the busy ones sent (waiting a poll
        interval at most) and replace each worker over a budget or dead."""
        self.dispatch()
        self.collect()
        self.police()

    def dispatch(self) -> None:
        for worker in self.workers:
            if worker.index is None and not self._give_next(worker):
                return
        while len(self.workers) < self.jobs and (self.retry or self.queue):
            self.workers.append(_Worker(self.context, self.work, self.setup))
            self._give_next(self.workers[-1])

    def _give_next(self, worker: _Worker) -> bool:
        if self.retry:
            key = self.retry.pop()
        elif self.queue:
            key = self.queue.popleft()
        else:
            return False
        self.attempts[key] = self.attempts.get(key, 0) + 1
        worker.give(key, self.tasks[key], self.budget.timeout)
        return True

    def collect(self) -> None:
        busy = {w.conn: w for w in self.workers if w.index is not None}
        for conn in wait(list(busy), timeout=_POLL) if busy else ():
            _receive(busy[conn], self.done, self.tasks, self.error_rows)  # type: ignore[index]

    def police(self) -> None:
        for n, worker in enumerate(self.workers):
            if worker.index is not None:
                self._police(n, worker)

    def _police(self, n: int, worker: _Worker) -> None:
        reason = _over_budget(worker, self.budget)
        if reason is None and worker.process.is_alive():
            return
        key = worker.index
        assert key is not None
        worker.kill()
        self.workers[n] = _Worker(self.context, self.work, self.setup)
        if reason is None:  # died: as the OOM killer would do
            reason = f"worker process died ({_describe(worker.process.exitcode)})"
            if self.attempts[key] < 2:
                self.retry.append(key)
                return
            reason += " twice"
        self.done[key] = self.error_rows(self.tasks[key], reason)

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
    worker twice, exception) yields ``error_rows(task, reason)`` instead. At most
    ``jobs * window`` tasks are submitted ahead of the one to yield next."""
    pool = Pool(jobs, work, error_rows, budget, setup)
    order = iter(indices)
    waiting: deque[int] = deque()
    try:
        while True:
            while len(waiting) < max(1, jobs) * window and (index := next(order, None)) is not None:
                pool.submit(index, tasks[index])
                waiting.append(index)
            if not waiting:
                return
            pool.step()
            while waiting and pool.finished(waiting[0]):
                index = waiting.popleft()
                yield index, pool.take(index)
    finally:
        pool.close()


def _receive(worker: _Worker, done: dict[Hashable, Any], tasks: dict[Hashable, Task], error_rows: ErrorRows) -> None:
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

"""Progress of the long stages of a command, on stderr.

In a terminal a stage with a known size gets a click progress bar (shown only
once the stage has taken a second, so quick runs stay quiet); elsewhere (a CI
log, a pipe) every stage writes one line when it starts, so a long build is
never silent. The library takes a :class:`Progress` and calls it; the default
one prints nothing.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TextIO

import click

Advance = Callable[[int], None]

#: a stage's bar appears only after it has run this long (seconds)
BAR_DELAY = 1.0


class Progress:
    """Reports stages; ``enabled=False`` (the default) reports nothing."""

    def __init__(self, enabled: bool = False, stream: TextIO | None = None, tty: bool | None = None):
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty

    @contextmanager
    def stage(self, label: str, total: int = 0, size: str = "") -> Iterator[Advance]:
        """A stage of ``total`` steps (0: of unknown size); yields the function that
        counts steps done. ``size`` says how big it is in the one-line form (default: the
        number of steps; extraction counts bytes but tells files)."""
        if not self.enabled:
            yield _ignore
            return
        if not (self.tty and total):
            size = f" ({size or f'{total:,}'})" if total else ""
            click.echo(f"{label}{size} …", file=self.stream)
            yield _ignore
            return
        bar = _DelayedBar(label, total, self.stream)
        try:
            yield bar.advance
        finally:
            bar.close()


def _ignore(n: int) -> None:
    pass


class _DelayedBar:
    """A click progress bar that only appears after :data:`BAR_DELAY`."""

    def __init__(self, label: str, total: int, stream: TextIO):
        self.label, self.total, self.stream = label, total, stream
        self.started = time.monotonic()
        self.bar: Any = None
        self.done = 0

    def advance(self, n: int) -> None:
        self.done += n
        if self.bar is None and time.monotonic() - self.started > BAR_DELAY:
            self.bar = click.progressbar(length=self.total, label=self.label, file=self.stream)
            self.bar.__enter__()
            self.bar.update(self.done - n)
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

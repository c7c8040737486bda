"""Serving a built site on 127.0.0.1.

The site's pages load their charts and tables with ``fetch``, which browsers
refuse for ``file://`` pages, and its links end in a folder (``timeline/``):
opened from disk it shows errors and folder listings. ``dateline serve`` (and
the browser tests and screenshots) serve it over HTTP instead.
"""

from __future__ import annotations

import errno
import functools
import http.server
import os
import threading
from contextlib import contextmanager
from typing import Iterator

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


def make_server(site_dir: str | os.PathLike[str], port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server of ``site_dir`` on ``port`` of 127.0.0.1 (0: any free port), not yet serving."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    return http.server.ThreadingHTTPServer((HOST, port), handler)


def make_server_near(site_dir: str | os.PathLike[str], port: int, fall_back: bool) -> http.server.ThreadingHTTPServer:
    """A server on ``port``, or on a free port when that one is taken and ``fall_back``."""
    try:
        return make_server(site_dir, port)
    except OSError as exc:
        if not fall_back or exc.errno != errno.EADDRINUSE:
            raise
        return make_server(site_dir, 0)


def url_of(server: http.server.ThreadingHTTPServer) -> str:
    return f"http://{HOST}:{server.server_address[1]}/"


@contextmanager
def serve(site_dir: str | os.PathLike[str], port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` in a thread for the length of the block; yields the base URL."""
    server = make_server(site_dir, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url_of(server)
    finally:
        server.shutdown()
        server.server_close()

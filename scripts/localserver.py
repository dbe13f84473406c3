"""Serve a built site on a free loopback port (tests and the benchmark), with no network needed."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass

    def end_headers(self):
        # linkchecker paces its requests to a host (about 3 a second) unless the server sends this
        # header; this server is ours and local, so it opts in to full speed.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve_directory(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free loopback port. Bound before any build, so the site can be built
    for the exact address it will be served at (its permanent links are absolute)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def page_urls(site_root: Path, url: str) -> list[str]:
    """The address of every HTML page of a built site served at `url`."""
    return [url + str(page.relative_to(site_root).as_posix()).removesuffix("index.html")
            for page in sorted(site_root.rglob("*.html"))]
